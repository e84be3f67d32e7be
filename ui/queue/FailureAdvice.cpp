// SPDX-License-Identifier: GPL-3.0-or-later
#include "FailureAdvice.h"

#include "common/Error.h"

#include <QStringList>

namespace Gui {

QString FailureAdvice::cause(const Store::FailureGroup &group)
{
    QStringList parts;
    if (group.httpStatus > 0)
        parts << tr("HTTP %1").arg(group.httpStatus);
    else if (group.code == QLatin1String("network"))
        parts << tr("no answer");
    if (!group.code.isEmpty())
        parts << group.code;
    return parts.join(QStringLiteral(" · "));
}

FailureAdvice::Category FailureAdvice::categoryOf(const Store::FailureGroup &group)
{
    const QString kind = group.errorKind;
    const int status = group.httpStatus;
    const QString code = group.code.section(QLatin1Char(':'), 0, 0);
    const auto is = [&kind](Common::ErrorKind k) { return kind == Common::errorKindName(k); };
    if (code == QLatin1String("partial"))
        return Category::LaterStep;
    if (code == QLatin1String("link-conflict"))
        return Category::LinkConflict;
    if (is(Common::ErrorKind::Auth) || status == 401)
        return Category::SignIn;
    if (status == 402 || code == QLatin1String("payment-required"))
        return Category::Unpaid;
    if (is(Common::ErrorKind::Blocked) || status == 403)
        return Category::Refused;
    if (is(Common::ErrorKind::RateLimited) || status == 429)
        return Category::SlowDown;
    if (is(Common::ErrorKind::NotFound) || status == 404)
        return Category::Gone;
    if (code == QLatin1String("mapping-broken"))
        return Category::Mapping;
    if (code == QLatin1String("validation") || status == 400 || status == 422)
        return Category::Value;
    if (is(Common::ErrorKind::InvalidInput))
        return Category::ShopData;
    if (is(Common::ErrorKind::Unavailable))
        return Category::Local;
    if (is(Common::ErrorKind::Transient) || code == QLatin1String("network") || status >= 500)
        return Category::NoAnswer;
    return Category::Other;
}

QString FailureAdvice::title(const Store::FailureGroup &group)
{
    switch (categoryOf(group)) {
    case Category::LaterStep:
        return tr("The deal was made; a later step failed");
    case Category::LinkConflict:
        return tr("The order is linked to another deal");
    case Category::SignIn:
        return tr("The CRM no longer accepts the sign-in");
    case Category::Unpaid:
        return tr("The CRM account is not paid");
    case Category::Refused:
        return tr("The CRM refused access");
    case Category::SlowDown:
        return tr("The CRM asked to slow down");
    case Category::Gone:
        return tr("Something the job refers to is gone in the CRM");
    case Category::Mapping:
        return tr("The mapping names something the CRM does not have");
    case Category::Value:
        return tr("The CRM refused a value");
    case Category::ShopData:
        return tr("The shop's data could not be made into a deal");
    case Category::Local:
        return tr("The database or the keychain was not available");
    case Category::NoAnswer:
        return tr("The CRM or the network did not answer in time");
    case Category::Other:
        break;
    }
    return tr("Other error");
}

QString FailureAdvice::advice(const Store::FailureGroup &group)
{
    switch (categoryOf(group)) {
    case Category::LaterStep:
        return tr("The deal exists; a later step (extra fields or the note) failed. Resending completes that "
                  "step on the same deal and makes no second deal.");
    case Category::LinkConflict:
        return tr("The order is linked to another deal already. Check both deals in the CRM; resending "
                  "makes no new deal.");
    case Category::SignIn:
        return tr("The CRM no longer accepts the sign-in. Sign in again on the Connections page, then "
                  "resend.");
    case Category::Unpaid:
        return tr("The CRM account is not paid. Pay for it in the CRM, then resend.");
    case Category::Refused:
        return tr("The CRM refused access (blocked account or address, or missing rights). Check the "
                  "account in the CRM; resend once it works again.");
    case Category::SlowDown:
        return tr("The CRM asked to slow down. Resend later; the connection keeps to its rate limit.");
    case Category::Gone:
    case Category::Mapping:
        return tr("Something the job refers to is gone in the CRM (a deal, field, pipeline or status). "
                  "Refresh the CRM's fields on the Mapping page, fix the mapping, then resend.");
    case Category::Value:
        return tr("The CRM refused a value. Fix the field named in the error on the Mapping page (or the "
                  "order in the shop), then resend.");
    case Category::ShopData:
        return tr("The shop's data could not be turned into a deal. Fix the mapping or the order, then "
                  "resend.");
    case Category::Local:
        return tr("Something on this computer was not available (database or keychain). Fix it, then "
                  "resend.");
    case Category::NoAnswer:
        return tr("The CRM or the network did not answer in time. Resend when the CRM works again; a deal "
                  "that was made meanwhile is found, not made twice.");
    case Category::Other:
        break;
    }
    return tr("Read the error, fix its cause in the mapping or the shop, then resend.");
}

} // namespace Gui
