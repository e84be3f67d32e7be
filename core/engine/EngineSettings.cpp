// SPDX-License-Identifier: GPL-3.0-or-later
#include "EngineSettings.h"

#include "store/SettingsRepo.h"

namespace Engine::EngineSettings {

using Common::Error;

namespace {

Error badValue(const QString &key, const QString &value, const QString &expected)
{
    return Error::invalidInput(
        QStringLiteral("The setting %1 is \"%2\"; expected %3").arg(key, value, expected),
        QStringLiteral("bad-setting"));
}

std::optional<bool> flag(const QString &value)
{
    const QString v = value.trimmed().toLower();
    if (v == QLatin1String("on") || v == QLatin1String("true") || v == QLatin1String("yes")
        || v == QLatin1String("1"))
        return true;
    if (v == QLatin1String("off") || v == QLatin1String("false") || v == QLatin1String("no")
        || v == QLatin1String("0") || v.isEmpty())
        return false;
    return std::nullopt;
}

} // namespace

Common::Status apply(std::shared_ptr<Storage::Database> db, LaneConfig &config)
{
    Store::SettingsRepo settings(std::move(db));
    auto rule = settings.value(kMatchRule, Store::contactMatchRuleName(config.matchRule));
    if (!rule)
        return rule.error();
    const auto parsed = Store::contactMatchRuleFromName(rule.value());
    if (!parsed)
        return badValue(
            kMatchRule, rule.value(),
            QStringLiteral("email-then-phone, phone-then-email, email-only, phone-only or never"));
    config.matchRule = *parsed;

    auto refresh = settings.value(kContactRefresh, QString::number(config.contactRefreshMs / 1000));
    if (!refresh)
        return refresh.error();
    bool ok = false;
    const qint64 seconds = refresh->toLongLong(&ok);
    if (!ok || seconds <= 0)
        return badValue(kContactRefresh, refresh.value(), QStringLiteral("a number of seconds"));
    config.contactRefreshMs = seconds * 1000;

    auto formsDefault = settings.value(kFormsAs, QStringLiteral("lead"));
    if (!formsDefault)
        return formsDefault.error();
    const QString formsKey = kFormsAs + QLatin1Char('.') + config.connectionName;
    auto forms = settings.value(formsKey, formsDefault.value());
    if (!forms)
        return forms.error();
    if (forms.value() != QLatin1String("lead") && forms.value() != QLatin1String("unsorted"))
        return badValue(formsKey, forms.value(), QStringLiteral("lead or unsorted"));
    config.formsToInbox = forms.value() == QLatin1String("unsorted");

    auto customers = settings.value(kCustomers, QStringLiteral("off"));
    if (!customers)
        return customers.error();
    const auto on = flag(customers.value());
    if (!on)
        return badValue(kCustomers, customers.value(), QStringLiteral("on or off"));
    config.customersToContacts = *on;

    // How soon a job that met a passing failure (a 5xx, a timeout, a 429) is tried again — doubling
    // each time, up to an hour — and after how many tries it fails for the operator. Unset: the lane's
    // own schedule stays (30 s, 10 tries by default).
    const auto positive = [&](const QString &key, qint64 max, qint64 *out) -> Common::Status {
        auto value = settings.value(key, QString());
        if (!value)
            return value.error();
        if (value->isEmpty())
            return {};
        bool ok = false;
        const qint64 n = value->toLongLong(&ok);
        if (!ok || n <= 0 || n > max)
            return badValue(key, value.value(), QStringLiteral("a whole number from 1 to %1").arg(max));
        *out = n;
        return {};
    };
    qint64 firstDelayS = 0, maxAttempts = 0, roundSize = 0;
    if (auto read = positive(kRetryFirstDelay, 3600, &firstDelayS); !read)
        return read;
    if (auto read = positive(kRetryMaxAttempts, 100, &maxAttempts); !read)
        return read;
    // Jobs a lane takes per round (its CRM's maximum when unset: amoCRM 500, RetailCRM 50). Smaller
    // rounds hold fewer jobs in flight at a time, at the cost of the account's budget.
    if (auto read = positive(kRoundSize, 500, &roundSize); !read)
        return read;
    if (roundSize > 0)
        config.leaseMax = int(roundSize);
    if (firstDelayS > 0)
        config.retry.firstDelayMs = firstDelayS * 1000;
    if (maxAttempts > 0)
        config.retry.maxAttempts = int(maxAttempts);
    return {};
}

Common::Result<QJsonObject> describe(std::shared_ptr<Storage::Database> db, const QString &connectionName)
{
    LaneConfig config;
    config.connectionName = connectionName;
    if (auto applied = apply(std::move(db), config); !applied)
        return applied.error();
    return QJsonObject { { "contact_match_rule", Store::contactMatchRuleName(config.matchRule) },
                         { "contact_refresh_interval_s", config.contactRefreshMs / 1000 },
                         { "forms_as",
                           config.formsToInbox ? QStringLiteral("unsorted") : QStringLiteral("lead") },
                         { "customers_upsert_contacts", config.customersToContacts },
                         { "retry_first_delay_s", config.retry.firstDelayMs / 1000 },
                         { "retry_max_attempts", config.retry.maxAttempts },
                         { "round_size", config.leaseMax } };
}

} // namespace Engine::EngineSettings
