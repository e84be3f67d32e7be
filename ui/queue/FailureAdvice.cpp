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

QString FailureAdvice::advice(const Store::FailureGroup &group)
{
    const QString kind = group.errorKind;
    const int status = group.httpStatus;
    const QString code = group.code.section(QLatin1Char(':'), 0, 0);
    if (code == QLatin1String("partial"))
        return tr("The deal exists; a later step (extra fields or the note) failed. Resending completes that "
                  "step on the same deal and makes no second deal.");
    if (code == QLatin1String("link-conflict"))
        return tr("The order is linked to another deal already. Check both deals in the CRM; resending "
                  "makes no new deal.");
    if (kind == Common::errorKindName(Common::ErrorKind::Auth) || status == 401)
        return tr("The CRM no longer accepts the sign-in. Sign in again on the Connections page, then "
                  "resend.");
    if (status == 402 || code == QLatin1String("payment-required"))
        return tr("The CRM account is not paid. Pay for it in the CRM, then resend.");
    if (kind == Common::errorKindName(Common::ErrorKind::Blocked) || status == 403)
        return tr("The CRM refused access (blocked account or address, or missing rights). Check the "
                  "account in the CRM; resend once it works again.");
    if (kind == Common::errorKindName(Common::ErrorKind::RateLimited) || status == 429)
        return tr("The CRM asked to slow down. Resend later; the connection keeps to its rate limit.");
    if (kind == Common::errorKindName(Common::ErrorKind::NotFound) || status == 404)
        return tr("Something the job refers to is gone in the CRM (a deal, field, pipeline or status). "
                  "Refresh the CRM's fields on the Mapping page, fix the mapping, then resend.");
    if (code == QLatin1String("validation") || status == 400 || status == 422)
        return tr("The CRM refused a value. Fix the field named in the error on the Mapping page (or the "
                  "order in the shop), then resend.");
    if (kind == Common::errorKindName(Common::ErrorKind::InvalidInput))
        return tr("The shop's data could not be turned into a deal. Fix the mapping or the order, then "
                  "resend.");
    if (kind == Common::errorKindName(Common::ErrorKind::Unavailable))
        return tr("Something on this computer was not available (database or keychain). Fix it, then "
                  "resend.");
    if (kind == Common::errorKindName(Common::ErrorKind::Transient) || status >= 500 || status == 0)
        return tr("The CRM or the network did not answer in time. Resend when the CRM works again; a deal "
                  "that was made meanwhile is found, not made twice.");
    return tr("Read the error, fix its cause in the mapping or the shop, then resend.");
}

} // namespace Gui
