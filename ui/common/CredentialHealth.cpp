// SPDX-License-Identifier: GPL-3.0-or-later
#include "CredentialHealth.h"

#include "CrmTerms.h"

#include <QDateTime>
#include <QLocale>
#include <algorithm>

namespace Gui {

namespace {

constexpr qint64 kHourMs = 3600LL * 1000;
constexpr qint64 kDayMs = 24 * kHourMs;

bool needsSignIn(const Store::Connection &c)
{
    return c.state == QLatin1String("needs-sign-in") || c.state == QLatin1String("blocked")
        || c.state == QLatin1String("new");
}

QString dateText(qint64 atMs)
{
    return QLocale().toString(QDateTime::fromMSecsSinceEpoch(atMs), QLocale::ShortFormat);
}

} // namespace

CredentialHealth CredentialHealth::fromStore(std::shared_ptr<Storage::Database> db, qint64 nowMs)
{
    auto connections = Store::ConnectionRepo(db).list();
    if (!connections)
        return {};
    QHash<qint64, Store::CredentialExpiry> expiries;
    Store::CredentialExpiryRepo repo(db);
    for (const Store::Connection &c : connections.value())
        expiries.insert(c.id, repo.load(c.id).valueOr(Store::CredentialExpiry {}));
    return of(connections.value(), expiries, nowMs);
}

CredentialHealth CredentialHealth::of(const QList<Store::Connection> &connections,
                                      const QHash<qint64, Store::CredentialExpiry> &expiries, qint64 nowMs,
                                      int warnDays)
{
    CredentialHealth health;
    for (const Store::Connection &c : connections) {
        const CrmTerms terms = CrmTerms::of(c.crm);
        if (needsSignIn(c)) {
            // A connection that cannot send outranks every expiry.
            if (health.level != Level::Problem) {
                health = CredentialHealth {};
                health.level = Level::Problem;
                health.connectionName = c.name;
                health.crmName = terms.crmName;
                health.apiKey = terms.apiKey;
                health.neverSignedIn = c.state == QLatin1String("new");
            }
            continue;
        }
        if (health.level == Level::Problem)
            continue;
        if (terms.apiKey) {
            // Its key never runs out: it says something only when nothing else does.
            if (health.level == Level::NoConnection) {
                health.level = Level::NoExpiry;
                health.connectionName = c.name;
                health.crmName = terms.crmName;
                health.apiKey = true;
            }
            continue;
        }
        const Store::CredentialExpiry expiry = expiries.value(c.id);
        const qint64 runsOut = expiry.refreshExpiresAt > 0 ? expiry.refreshExpiresAt : expiry.accessExpiresAt;
        if (runsOut <= 0) {
            if (health.level == Level::NoConnection || health.level == Level::NoExpiry) {
                health.crmName.clear();
                health.apiKey = false;
                health.level = Level::Unknown;
                health.connectionName = c.name;
            }
            continue;
        }
        if (health.runsOutAtMs > 0 && health.runsOutAtMs <= runsOut)
            continue;
        health.connectionName = c.name;
        health.crmName.clear();
        health.apiKey = false;
        health.accessAtMs = expiry.accessExpiresAt;
        health.refreshAtMs = expiry.refreshExpiresAt;
        health.runsOutAtMs = runsOut;
        health.warning = expiry.warning;
        if (runsOut <= nowMs)
            health.level = Level::Problem;
        else if (runsOut - nowMs < warnDays * kDayMs || !expiry.warning.isEmpty())
            health.level = Level::Warning;
        else
            health.level = Level::Ok;
    }
    return health;
}

QString CredentialHealth::timeLeft(qint64 atMs, qint64 nowMs)
{
    const qint64 left = atMs - nowMs;
    if (left <= 0)
        return tr("expired");
    if (left >= kDayMs)
        return tr("%n day(s)", nullptr, int(left / kDayMs));
    if (left >= kHourMs)
        return tr("%n hour(s)", nullptr, int(left / kHourMs));
    return tr("%n min", nullptr, int(std::max<qint64>(1, left / 60000)));
}

QString CredentialHealth::statusText(qint64 nowMs) const
{
    switch (level) {
    case Level::NoConnection:
        return tr("No CRM connection yet");
    case Level::NoExpiry:
        return tr("CRM: API key, no expiry");
    case Level::Unknown:
        return tr("CRM: signed in");
    case Level::Ok:
    case Level::Warning:
        return tr("CRM sign-in: %1 left").arg(timeLeft(runsOutAtMs, nowMs));
    case Level::Problem:
        if (apiKey)
            return neverSignedIn ? tr("No API key yet: %1").arg(connectionName)
                                 : tr("API key refused: %1").arg(connectionName);
        if (neverSignedIn)
            return tr("Not signed in yet: %1").arg(connectionName);
        return runsOutAtMs > 0 && runsOutAtMs <= nowMs ? tr("CRM sign-in expired: %1").arg(connectionName)
                                                       : tr("Needs a new sign-in: %1").arg(connectionName);
    }
    return {};
}

QString CredentialHealth::tileValue(qint64 nowMs) const
{
    switch (level) {
    case Level::NoExpiry:
        return tr("no expiry");
    case Level::NoConnection:
    case Level::Unknown:
        return QStringLiteral("–");
    case Level::Ok:
    case Level::Warning:
        return timeLeft(runsOutAtMs, nowMs);
    case Level::Problem:
        // The detail line says what to do; the figure only shows there is no time left.
        return runsOutAtMs > 0 ? tr("expired") : QStringLiteral("–");
    }
    return {};
}

QString CredentialHealth::tileDetail() const
{
    switch (level) {
    case Level::NoConnection:
        return tr("No CRM connection yet");
    case Level::NoExpiry:
        return tr("%1 API keys do not expire").arg(crmName);
    case Level::Unknown:
        return tr("%1: expiry not known yet").arg(connectionName);
    case Level::Problem:
        if (apiKey)
            return neverSignedIn ? tr("%1 has no API key yet").arg(connectionName)
                                 : tr("%1: the API key was refused, replace the key").arg(connectionName);
        if (neverSignedIn)
            return tr("%1 is not signed in yet").arg(connectionName);
        if (runsOutAtMs <= 0)
            return tr("%1 needs a new sign-in").arg(connectionName);
        [[fallthrough]];
    case Level::Ok:
    case Level::Warning:
        break;
    }
    QStringList lines;
    if (!warning.isEmpty())
        lines << warning;
    if (accessAtMs > 0)
        lines << tr("Access token: until %1").arg(dateText(accessAtMs));
    if (refreshAtMs > 0)
        lines << tr("Refresh token: until %1").arg(dateText(refreshAtMs));
    return lines.join(QLatin1Char('\n'));
}

} // namespace Gui
