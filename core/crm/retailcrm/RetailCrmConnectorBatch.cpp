// SPDX-License-Identifier: GPL-3.0-or-later
// RetailCrmConnector: many orders at once. The lane's contact index has already matched the known
// people (DealCreate::existingContactId), so nobody is searched per order: the new customers go in one
// customers/upload under their shop user id as externalId, then the orders in one orders/upload.
// Guests (no shop user id) are resolved one by one as before (searched, then created): without an
// externalId neither an upload's answer nor a restart after a crash could tell their customer apart. Whatever
// a batch refuses is sent again alone, so it fails with its own reason (or, "already exists", is linked) and
// the others keep their orders.
#include "RetailCodec.h"
#include "RetailCrmConnector.h"

#include <QJsonArray>
#include <QSet>
#include <algorithm>

namespace Crm::RetailCrm {

using Common::Error;

namespace {

/** externalId → RetailCRM id of what an upload took in: all of it (2xx), or part of it (460). */
std::optional<QHash<QString, QString>> uploadedIds(const Common::Result<QJsonObject> &answer,
                                                   const QString &key)
{
    const QJsonObject body
        = answer ? answer.value() : answer.error().details.value(QLatin1String("response")).toObject();
    if (!body.contains(key))
        return std::nullopt;
    QHash<QString, QString> ids;
    for (const QJsonValue &v : body.value(key).toArray())
        ids.insert(v.toObject().value(QLatin1String("externalId")).toVariant().toString(),
                   QString::number(v.toObject().value(QLatin1String("id")).toInteger()));
    return ids;
}

/** The jobs a batch call carries (the lane keys items by job id), for the op log. */
QList<qint64> jobIdsOf(const QList<DealCreate> &items)
{
    QList<qint64> ids;
    for (const DealCreate &item : items) {
        bool isJob = false;
        if (const qint64 job = item.key.toLongLong(&isJob); isJob && job > 0)
            ids << job;
    }
    return ids;
}

/** A whole batch that failed on the way (timeout, 5xx, 503 after retries) may have gone in. */
bool mayHaveGoneIn(const Error &error)
{
    return error.isRetryable() || error.kind == Common::ErrorKind::Unavailable;
}

QString shopUserIdOf(const DealCreate &item)
{
    const QString id = item.draft.order ? item.draft.order->customerId : QString();
    return id == QLatin1String("0") ? QString() : id;
}

} // namespace

/** Items on their way through a batch create, and the outcomes settled so far. */
struct BatchCreate
{
    QList<DealCreate> ready; ///< their customers are known (customerOf) or not needed
    QHash<QString, QString> customerOf; ///< item key → customer id
    QSet<QString> newCustomer; ///< item keys whose customer this batch created
    QList<DealCreate> alone; ///< sent one by one at the end (refused by a batch)
    QList<ItemOutcome> outcomes;
};

void RetailCrmConnector::createDeals(const QList<DealCreate> &items, BatchCallback done)
{
    if (items.size() < 2) {
        createOneByOne(items, {}, std::move(done));
        return;
    }
    // The outcomes in the items' order, as one by one (callers may read them by position).
    QHash<QString, qsizetype> position;
    for (qsizetype i = 0; i < items.size(); ++i)
        position.insert(items[i].key, i);
    done = [position, done](QList<ItemOutcome> outcomes) {
        std::stable_sort(outcomes.begin(), outcomes.end(),
                         [&position](const ItemOutcome &a, const ItemOutcome &b) {
                             return position.value(a.key) < position.value(b.key);
                         });
        done(outcomes);
    };
    auto batch = std::make_shared<BatchCreate>();
    QList<DealCreate> uploads;
    QList<DealCreate> guests;
    for (const DealCreate &item : items) {
        if (!item.existingContactId.isEmpty() || item.draft.contact.isEmpty()) {
            batch->ready.append(item);
            batch->customerOf.insert(item.key, item.existingContactId);
        } else {
            (shopUserIdOf(item).isEmpty() ? guests : uploads).append(item);
        }
    }
    uploadCustomers(uploads, batch, [this, guests, batch, done] {
        createGuests(guests, batch, [this, batch, done] {
            uploadOrders(batch, [this, batch, done] { createOneByOne(batch->alone, batch->outcomes, done); });
        });
    });
}

void RetailCrmConnector::uploadCustomers(const QList<DealCreate> &items, std::shared_ptr<BatchCreate> batch,
                                         std::function<void()> done)
{
    if (items.isEmpty()) {
        QTimer::singleShot(0, this, done);
        return;
    }
    QJsonArray customers;
    QSet<QString> sent; // two orders of one shop user: one customer
    QStringList keys;
    for (const DealCreate &item : items) {
        const QString shopUserId = shopUserIdOf(item);
        if (sent.contains(shopUserId))
            continue;
        sent.insert(shopUserId);
        customers.append(RetailCodec::customerJson(item.draft.contact, shopUserId));
        keys << shopUserId;
    }
    RetailCallMeta meta;
    meta.jobIds = jobIdsOf(items);
    meta.keys = keys.join(QLatin1Char(' '));
    meta.idempotent = false;
    post(
        QStringLiteral("customers/upload"),
        { { QStringLiteral("site"), m_config.site },
          { QStringLiteral("customers"), RetailApiClient::json(customers) } },
        [this, items, batch, done](Common::Result<QJsonObject> answer) {
            const auto ids = uploadedIds(answer, QStringLiteral("uploadedCustomers"));
            for (const DealCreate &item : items) {
                const QString id = ids ? ids->value(shopUserIdOf(item)) : QString();
                if (!id.isEmpty()) {
                    batch->ready.append(item);
                    batch->customerOf.insert(item.key, id);
                    batch->newCustomer.insert(item.key);
                } else if (!ids && mayHaveGoneIn(answer.error())) {
                    batch->outcomes.append({ item.key, answer.error(), {}, {}, false });
                } else {
                    // Refused (e.g. the shop user is a customer already): alone, where it is found by
                    // its externalId or fails with its own reason.
                    batch->alone.append(item);
                }
            }
            done();
        },
        meta);
}

void RetailCrmConnector::createGuests(QList<DealCreate> guests, std::shared_ptr<BatchCreate> batch,
                                      std::function<void()> done)
{
    if (guests.isEmpty()) {
        QTimer::singleShot(0, this, done);
        return;
    }
    const DealCreate item = guests.takeFirst();
    resolveCustomer(item, [this, item, guests, batch, done](Common::Result<QString> id) {
        if (id) {
            batch->ready.append(item);
            batch->customerOf.insert(item.key, id.value());
            batch->newCustomer.insert(item.key);
        } else {
            batch->outcomes.append({ item.key, id.error(), {}, {}, false });
        }
        createGuests(guests, batch, done);
    });
}

void RetailCrmConnector::uploadOrders(std::shared_ptr<BatchCreate> batch, std::function<void()> done)
{
    if (batch->ready.isEmpty()) {
        QTimer::singleShot(0, this, done);
        return;
    }
    if (batch->ready.size() == 1) {
        batch->alone.append(batch->ready.takeFirst());
        QTimer::singleShot(0, this, done);
        return;
    }
    QJsonArray orders;
    QStringList numbers;
    for (const DealCreate &item : std::as_const(batch->ready)) {
        const QString externalId = RetailCodec::externalIdOf(item.draft);
        orders.append(RetailCodec::orderJson(item.draft, externalId, batch->customerOf.value(item.key)));
        numbers << (item.draft.order ? item.draft.order->number : externalId);
    }
    RetailCallMeta meta;
    meta.jobIds = jobIdsOf(batch->ready);
    meta.keys = numbers.join(QLatin1Char(' '));
    meta.idempotent = false;
    post(
        QStringLiteral("orders/upload"),
        { { QStringLiteral("site"), m_config.site },
          { QStringLiteral("orders"), RetailApiClient::json(orders) } },
        [batch, done](Common::Result<QJsonObject> answer) {
            const auto ids = uploadedIds(answer, QStringLiteral("uploadedOrders"));
            for (const DealCreate &item : std::as_const(batch->ready)) {
                const QString customer
                    = batch->newCustomer.contains(item.key) ? batch->customerOf.value(item.key) : QString();
                const QString id = ids ? ids->value(RetailCodec::externalIdOf(item.draft)) : QString();
                if (!id.isEmpty())
                    batch->outcomes.append({ item.key, std::nullopt, id, customer, false });
                else if (!ids && mayHaveGoneIn(answer.error()))
                    // Left `sending`-like for the lane: retried after reconciliation by externalId.
                    batch->outcomes.append({ item.key, answer.error(), {}, {}, false });
                else
                    // Refused in the batch: alone, with the customer it already has, for its own reason.
                    batch->alone.append({ item.key, item.draft, batch->customerOf.value(item.key) });
            }
            batch->ready.clear();
            done();
        },
        meta);
}

} // namespace Crm::RetailCrm
