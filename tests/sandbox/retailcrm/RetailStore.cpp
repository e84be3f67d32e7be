// SPDX-License-Identifier: GPL-3.0-or-later
#include "RetailStore.h"

#include "RetailSeed.h"
#include "common/SandboxClock.h"

#include <QDateTime>

namespace Sandbox::RetailCrm {

RetailStore::RetailStore(const RetailSandboxOptions &options, SandboxClock &clock)
    : options(options)
    , clock(clock)
{
    // RetailCRM throttles with a plain 503: no HTML pages and no escalation to a block.
    rateSettings.rate = options.rate;
    answerMs = qMax(0, options.answerMs);
    rateSettings.burst = qMax(1.0, options.rate);
    rateSettings.html429Every = 0;
    rateSettings.violationThreshold = 0;
}

void RetailStore::reset(const QString &profile)
{
    apiKeys.clear();
    for (auto *dict : { &sites, &statuses, &statusGroups, &orderTypes, &orderMethods, &deliveryTypes,
                        &paymentTypes, &paymentStatuses })
        dict->clear();
    offers.clear();
    customers.clear();
    orders.clear();
    users.clear();
    customFields.clear();
    history.clear();
    customerHistory.clear();
    nextCustomerId = 101;
    nextOrderId = 1001;
    nextItemId = 5001;
    nextPaymentId = 7001;
    nextHistoryId = 9001;
    nextOfferId = 301;
    m_limiters.clear();
    counters.reset();
    apiKeys.insert(options.apiKey, {});
    RetailSeed::apply(*this, profile);
}

QString RetailStore::now() const
{
    return QDateTime::fromMSecsSinceEpoch(clock.nowMs()).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

RateLimiter &RetailStore::limiter(const QString &apiKey)
{
    auto it = m_limiters.find(apiKey);
    if (it == m_limiters.end()) {
        it = m_limiters.insert(apiKey, RateLimiter());
        it->settings() = rateSettings;
    }
    return *it;
}

void RetailStore::setRate(const QJsonObject &settings)
{
    rateSettings.update(settings);
    if (settings.contains("answer_ms"))
        answerMs = qMax(0, settings.value("answer_ms").toInt());
    for (RateLimiter &l : m_limiters) {
        l.settings() = rateSettings;
        l.reset();
    }
}

QStringList RetailStore::sitesOf(const QString &apiKey, bool *known, bool *fullAccess) const
{
    const auto it = apiKeys.find(apiKey);
    *known = it != apiKeys.end();
    if (!*known)
        return {};
    if (fullAccess)
        *fullAccess = it->isEmpty();
    if (it->isEmpty())
        return sites.keys();
    QStringList out;
    for (const QString &s : *it) {
        if (sites.contains(s))
            out.append(s);
    }
    return out;
}

namespace {

QJsonObject *findIn(QMap<qint64, QJsonObject> &map, const QString &by, const QString &value,
                    const QString &site)
{
    if (by == QLatin1String("id")) {
        bool ok = false;
        const auto it = map.find(value.toLongLong(&ok));
        return ok && it != map.end() ? &*it : nullptr;
    }
    for (QJsonObject &o : map) {
        if (o.value("externalId").toString() == value
            && (site.isEmpty() || o.value("site").toString() == site))
            return &o;
    }
    return nullptr;
}

} // namespace

QJsonObject *RetailStore::customer(const QString &by, const QString &value, const QString &site)
{
    return findIn(customers, by, value, site);
}

QJsonObject *RetailStore::order(const QString &by, const QString &value, const QString &site)
{
    return findIn(orders, by, value, site);
}

const QJsonObject *RetailStore::offer(const QJsonObject &ref) const
{
    for (const QJsonObject &o : offers) {
        if ((ref.contains("id") && ref.value("id").toInteger() == o.value("id").toInteger())
            || (ref.contains("externalId")
                && ref.value("externalId").toString() == o.value("externalId").toString())
            || (ref.contains("xmlId") && ref.value("xmlId").toString() == o.value("xmlId").toString()))
            return &o;
    }
    return nullptr;
}

QJsonObject RetailStore::historyEntry(const QString &field, const QJsonValue &oldValue,
                                      const QJsonValue &newValue, const QString &apiKey)
{
    QJsonObject entry { { "id", nextHistoryId },
                        { "createdAt", now() },
                        { "field", field },
                        { "oldValue", oldValue.isUndefined() ? QJsonValue() : oldValue },
                        { "newValue", newValue.isUndefined() ? QJsonValue() : newValue },
                        { "_key", apiKey } };
    if (apiKey.isEmpty()) {
        entry.insert("source", "user");
        entry.insert("user", QJsonObject { { "id", 1 } });
    } else {
        entry.insert("source", "api");
    }
    // Ids grow but are not contiguous within one key's view (reference A.5): step by 1 to 3.
    nextHistoryId += 1 + nextHistoryId % 3;
    return entry;
}

void RetailStore::addHistory(const QJsonObject &order, const QString &field, const QJsonValue &oldValue,
                             const QJsonValue &newValue, const QString &apiKey, const QJsonObject &extra)
{
    QJsonObject entry = historyEntry(field, oldValue, newValue, apiKey);
    if (extra.value("created").toBool()) {
        entry.insert("order", order);
    } else {
        entry.insert("order",
                     QJsonObject { { "id", order.value("id") },
                                   { "externalId", order.value("externalId") },
                                   { "number", order.value("number") },
                                   { "site", order.value("site") },
                                   { "status", order.value("status") } });
    }
    for (auto it = extra.begin(); it != extra.end(); ++it)
        entry.insert(it.key(), it.value());
    history.append(entry);
    // Creating an order is not a status change (a trigger on "order changed" does not fire for it).
    if (field == QLatin1String("status") && !extra.value("created").toBool() && statusChanged)
        statusChanged(order, order.value("status").toString());
}

void RetailStore::addCustomerHistory(const QJsonObject &customer, const QString &field,
                                     const QJsonValue &oldValue, const QJsonValue &newValue,
                                     const QString &apiKey, bool created)
{
    QJsonObject entry = historyEntry(field, oldValue, newValue, apiKey);
    if (created) {
        entry.insert("created", true);
        entry.insert("customer", customer);
    } else {
        entry.insert("customer",
                     QJsonObject { { "id", customer.value("id") },
                                   { "externalId", customer.value("externalId") },
                                   { "site", customer.value("site") } });
    }
    customerHistory.append(entry);
}

} // namespace Sandbox::RetailCrm
