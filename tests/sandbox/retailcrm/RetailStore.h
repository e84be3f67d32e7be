// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "RetailSandboxOptions.h"
#include "common/FaultInjector.h"
#include "common/RateLimiter.h"
#include "common/RequestCounters.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QStringList>
#include <functional>

namespace Sandbox {
class SandboxClock;
}

namespace Sandbox::RetailCrm {

/**
 * Everything the emulated RetailCRM account holds: API keys, sites, reference dictionaries keyed by
 * code, custom field definitions, users, the offer catalogue, customers, orders and the order history, plus
 * the per-key rate limiters, faults and counters. Entities are kept as the JSON the API answers with. Lives
 * on the server thread.
 */
class RetailStore
{
public:
    RetailStore(const RetailSandboxOptions &options, SandboxClock &clock);

    /** Forgets everything but faults and rate settings, then seeds @p profile ("empty" or "demo"). */
    void reset(const QString &profile);
    static QStringList profiles() { return { "empty", "demo" }; }

    /** "Y-m-d H:i:s" of the sandbox clock. */
    QString now() const;
    RateLimiter &limiter(const QString &apiKey);
    void setRate(const QJsonObject &settings);

    /** Visible sites of a key (all when its list is empty); empty when the key is unknown. */
    QStringList sitesOf(const QString &apiKey, bool *known, bool *fullAccess = nullptr) const;

    QJsonObject *customer(const QString &by, const QString &value, const QString &site);
    QJsonObject *order(const QString &by, const QString &value, const QString &site);
    /** The offer an item refers to by {id}, {externalId} or {xmlId}; null when not in the catalogue. */
    const QJsonObject *offer(const QJsonObject &ref) const;

    /**
     * Appends one order history entry. @p apiKey empty = a change made by a manager in the CRM
     * (`source: user`); otherwise an API change by that key.
     */
    void addHistory(const QJsonObject &order, const QString &field, const QJsonValue &oldValue,
                    const QJsonValue &newValue, const QString &apiKey, const QJsonObject &extra = {});

    /**
     * Appends one customers/history entry (@p created: the full customer, field "id"); @p apiKey as for
     * addHistory().
     */
    void addCustomerHistory(const QJsonObject &customer, const QString &field, const QJsonValue &oldValue,
                            const QJsonValue &newValue, const QString &apiKey, bool created = false);

    const RetailSandboxOptions options;
    SandboxClock &clock;
    QMap<QString, QStringList> apiKeys; ///< key → site codes (empty = all sites)
    QMap<QString, QJsonObject> sites, statuses, statusGroups, orderTypes, orderMethods, deliveryTypes,
        paymentTypes, paymentStatuses;
    QMap<qint64, QJsonObject> offers, customers, orders, users;
    /** Custom field definitions: entity ("order", "customer") → code → the field as the API shows it. */
    QMap<QString, QMap<QString, QJsonObject>> customFields;
    QList<QJsonObject> history; ///< entries with an internal "_key" (the API key that made them)
    QList<QJsonObject> customerHistory; ///< the same for customers
    qint64 nextCustomerId = 101, nextOrderId = 1001, nextItemId = 5001, nextPaymentId = 7001,
           nextHistoryId = 9001, nextOfferId = 301;
    FaultInjector faults;
    RequestCounters counters;
    RateLimitSettings rateSettings;
    int answerMs = 0; ///< every API answer waits this long (the network and the CRM's own work)
    /** Called after a status change was recorded, with the order and the new status code. */
    std::function<void(const QJsonObject &order, const QString &status)> statusChanged;

private:
    /** The fields every history entry has (id, createdAt, field, values, source, "_key"). */
    QJsonObject historyEntry(const QString &field, const QJsonValue &oldValue, const QJsonValue &newValue,
                             const QString &apiKey);

    QHash<QString, RateLimiter> m_limiters;
};

} // namespace Sandbox::RetailCrm
