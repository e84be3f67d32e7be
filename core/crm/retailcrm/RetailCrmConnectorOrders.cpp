// SPDX-License-Identifier: GPL-3.0-or-later
// RetailCrmConnector: customers and orders (create, edit, status, payments, notes).
#include "RetailCodec.h"
#include "RetailCrmConnector.h"
#include "common/PhoneNumber.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace Crm::RetailCrm {

using Common::Error;
using Store::ContactMatchRule;

namespace {

bool alreadyExists(const Error &error)
{
    const QJsonObject fields = error.details.value(QLatin1String("crm_fields")).toObject();
    return error.message.contains(QLatin1String("already exists"), Qt::CaseInsensitive)
        || fields.value(QLatin1String("externalId")).toString().contains(QLatin1String("already exists"));
}

QString idOf(const QJsonObject &answer)
{
    return QString::number(answer.value(QLatin1String("id")).toInteger());
}

} // namespace

template<typename T, typename Send>
void RetailCrmConnector::eachItem(QList<T> items, QList<ItemOutcome> outcomes, Send send, BatchCallback done)
{
    if (items.isEmpty()) {
        QTimer::singleShot(0, this, [done, outcomes] { done(outcomes); });
        return;
    }
    const T item = items.takeFirst();
    send(item, [this, items, outcomes, send, done](ItemOutcome outcome) mutable {
        outcomes.append(outcome);
        eachItem(items, outcomes, send, done);
    });
}

void RetailCrmConnector::createOneByOne(const QList<DealCreate> &items, QList<ItemOutcome> outcomes,
                                        BatchCallback done)
{
    eachItem(
        items, std::move(outcomes),
        [this](const DealCreate &item, std::function<void(ItemOutcome)> next) {
            resolveCustomer(item, [this, item, next](Common::Result<QString> customer) {
                if (!customer) {
                    next({ item.key, customer.error(), {}, {}, false });
                    return;
                }
                createOrder(item, customer.value(), next);
            });
        },
        std::move(done));
}

void RetailCrmConnector::createOrder(const DealCreate &item, const QString &customerId,
                                     std::function<void(ItemOutcome)> done)
{
    const QString externalId = RetailCodec::externalIdOf(item.draft);
    const QJsonObject order = RetailCodec::orderJson(item.draft, externalId, customerId);
    RetailCallMeta meta;
    meta.keys = item.draft.order ? item.draft.order->number : externalId;
    meta.jobId = item.key.toLongLong();
    meta.idempotent = false;
    post(
        QStringLiteral("orders/create"),
        { { QStringLiteral("site"), m_config.site },
          { QStringLiteral("order"), RetailApiClient::json(order) } },
        [this, item, customerId, externalId, done](Common::Result<QJsonObject> created) {
            if (created) {
                done({ item.key, std::nullopt, idOf(created.value()), customerId, false });
                return;
            }
            if (!alreadyExists(created.error())) {
                done({ item.key, created.error(), {}, {}, false });
                return;
            }
            // Sent before (a resend, or an answer lost on the way): link the order that exists.
            orderIdByExternalId(externalId, [item, customerId, done](Common::Result<QString> id) {
                if (!id)
                    done({ item.key, id.error(), {}, {}, false });
                else
                    done({ item.key, std::nullopt, id.value(), customerId, false });
            });
        },
        meta);
}

void RetailCrmConnector::orderIdByExternalId(const QString &externalId, StringCallback done)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("by"), QStringLiteral("externalId"));
    query.addQueryItem(QStringLiteral("site"), m_config.site);
    get(QStringLiteral("orders/") + QString::fromLatin1(QUrl::toPercentEncoding(externalId)), query,
        [done](Common::Result<QJsonObject> answer) {
            if (!answer)
                done(answer.error());
            else
                done(idOf(answer->value(QLatin1String("order")).toObject()));
        });
}

void RetailCrmConnector::resolveCustomer(const DealCreate &item, StringCallback done)
{
    if (!item.existingContactId.isEmpty() || item.draft.contact.isEmpty()) {
        // Known to the contact index, or nobody to link (RetailCRM makes one from the order's fields).
        QTimer::singleShot(0, this, [done, id = item.existingContactId] { done(id); });
        return;
    }
    QStringList phones, emails;
    for (const ContactChannel &p : item.draft.contact.phones) {
        if (auto e164 = Common::PhoneNumber::toE164(p.value, m_config.phoneRegion))
            phones << e164.value();
    }
    for (const ContactChannel &e : item.draft.contact.emails) {
        const QString email = Common::normaliseEmail(e.value);
        if (!email.isEmpty())
            emails << email;
    }
    QStringList order;
    switch (m_config.matchRule) {
    case ContactMatchRule::EmailThenPhone:
        order = { QStringLiteral("email"), QStringLiteral("phone") };
        break;
    case ContactMatchRule::PhoneThenEmail:
        order = { QStringLiteral("phone"), QStringLiteral("email") };
        break;
    case ContactMatchRule::EmailOnly:
        order = { QStringLiteral("email") };
        break;
    case ContactMatchRule::PhoneOnly:
        order = { QStringLiteral("phone") };
        break;
    case ContactMatchRule::Never:
        break;
    }
    auto search = [this, item, phones, emails, order, done] {
        searchCustomer(phones, emails, order, [this, item, done](Common::Result<QString> found) {
            if (!found || !found->isEmpty())
                done(found);
            else
                createCustomer(item, done);
        });
    };
    const QString shopUserId = item.draft.order ? item.draft.order->customerId : QString();
    if (shopUserId.isEmpty() || shopUserId == QLatin1String("0")) {
        QTimer::singleShot(0, this, search);
        return;
    }
    // The shop's user id is the customer's externalId (seed 002 and the bulk upload do the same).
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("by"), QStringLiteral("externalId"));
    query.addQueryItem(QStringLiteral("site"), m_config.site);
    get(QStringLiteral("customers/") + QString::fromLatin1(QUrl::toPercentEncoding(shopUserId)), query,
        [done, search](Common::Result<QJsonObject> answer) {
            if (answer)
                done(idOf(answer->value(QLatin1String("customer")).toObject()));
            else if (answer.error().kind == Common::ErrorKind::NotFound)
                search();
            else
                done(answer.error());
        });
}

void RetailCrmConnector::searchCustomer(QStringList phones, QStringList emails, QStringList order,
                                        StringCallback done)
{
    while (!order.isEmpty()
           && ((order.first() == QLatin1String("email") && emails.isEmpty())
               || (order.first() == QLatin1String("phone") && phones.isEmpty())))
        order.removeFirst();
    if (order.isEmpty()) {
        QTimer::singleShot(0, this, [done] { done(QString()); });
        return;
    }
    const bool byEmail = order.takeFirst() == QLatin1String("email");
    const QString value = byEmail ? emails.first() : phones.first();
    QUrlQuery query;
    // No phone filter in RetailCRM: filter[name] matches the name or a phone (reference A.4); the
    // national digits find every way the number was typed, and the answer is checked exactly.
    query.addQueryItem(byEmail ? QStringLiteral("filter[email]") : QStringLiteral("filter[name]"),
                       byEmail ? value : value.right(10));
    query.addQueryItem(QStringLiteral("filter[sites][]"), m_config.site);
    query.addQueryItem(QStringLiteral("limit"), QStringLiteral("20"));
    RetailCallMeta meta;
    meta.keys = value;
    get(
        QStringLiteral("customers"), query,
        [this, phones, emails, order, byEmail, value, done](Common::Result<QJsonObject> answer) {
            if (!answer) {
                done(answer.error());
                return;
            }
            for (const QJsonValue &v : answer->value(QLatin1String("customers")).toArray()) {
                const ContactSummary s = RetailCodec::contactSummary(v.toObject(), m_config.phoneRegion);
                if ((byEmail && s.emails.contains(value)) || (!byEmail && s.phones.contains(value))) {
                    done(s.contactId);
                    return;
                }
            }
            searchCustomer(phones, emails, order, done);
        },
        meta);
}

void RetailCrmConnector::createCustomer(const DealCreate &item, StringCallback done)
{
    const QString shopUserId = item.draft.order ? item.draft.order->customerId : QString();
    const QJsonObject customer = RetailCodec::customerJson(item.draft.contact, shopUserId);
    RetailCallMeta meta;
    meta.keys = customer.value(QLatin1String("email")).toString();
    meta.jobId = item.key.toLongLong();
    meta.idempotent = false;
    post(
        QStringLiteral("customers/create"),
        { { QStringLiteral("site"), m_config.site },
          { QStringLiteral("customer"), RetailApiClient::json(customer) } },
        [done](Common::Result<QJsonObject> created) {
            if (created)
                done(idOf(created.value()));
            else
                done(created.error());
        },
        meta);
}

void RetailCrmConnector::updateDeals(const QList<DealUpdate> &items, BatchCallback done)
{
    eachItem(
        items, {},
        [this](const DealUpdate &item, std::function<void(ItemOutcome)> next) {
            const QJsonObject order = RetailCodec::orderJson(item.draft, {}, {}, true);
            RetailCallMeta meta;
            meta.jobId = item.key.toLongLong();
            meta.keys = item.draft.order ? item.draft.order->number : item.dealId;
            post(
                QStringLiteral("orders/%1/edit").arg(item.dealId),
                { { QStringLiteral("by"), QStringLiteral("id") },
                  { QStringLiteral("site"), m_config.site },
                  { QStringLiteral("order"), RetailApiClient::json(order) } },
                [this, item, next](Common::Result<QJsonObject> edited) {
                    if (!edited) {
                        next({ item.key, edited.error(), item.dealId, {}, false });
                        return;
                    }
                    if (!item.draft.order || !item.draft.order->paid) {
                        next({ item.key, std::nullopt, item.dealId, {}, false });
                        return;
                    }
                    markPaid(edited->value(QLatin1String("order")).toObject(),
                             item.draft.order->paidStatusCode, [item, next](Common::Status paid) {
                                 next({ item.key,
                                        paid ? std::nullopt : std::optional(paid.error()),
                                        item.dealId,
                                        {},
                                        false });
                             });
                },
                meta);
        },
        std::move(done));
}

void RetailCrmConnector::moveDeals(const QList<StageMove> &items, BatchCallback done)
{
    eachItem(
        items, {},
        [this](const StageMove &item, std::function<void(ItemOutcome)> next) {
            RetailCallMeta meta;
            meta.jobId = item.key.toLongLong();
            meta.keys = item.dealId;
            post(
                QStringLiteral("orders/%1/edit").arg(item.dealId),
                { { QStringLiteral("by"), QStringLiteral("id") },
                  { QStringLiteral("site"), m_config.site },
                  { QStringLiteral("order"),
                    RetailApiClient::json(QJsonObject { { QStringLiteral("status"), item.stageId } }) } },
                [this, item, next](Common::Result<QJsonObject> edited) {
                    if (!edited) {
                        next({ item.key, edited.error(), item.dealId, {}, false });
                        return;
                    }
                    if (item.paidPaymentStatus.isEmpty()) {
                        next({ item.key, std::nullopt, item.dealId, {}, false });
                        return;
                    }
                    markPaid(edited->value(QLatin1String("order")).toObject(), item.paidPaymentStatus,
                             [item, next](Common::Status marked) {
                                 next({ item.key,
                                        marked ? std::nullopt : std::optional(marked.error()),
                                        item.dealId,
                                        {},
                                        false });
                             });
                },
                meta);
        },
        std::move(done));
}

void RetailCrmConnector::markPaid(const QJsonObject &order, const QString &paidStatus,
                                  std::function<void(Common::Status)> done)
{
    QStringList unpaid;
    for (const QJsonObject &payment : RetailCodec::paymentsOf(order)) {
        if (payment.value(QLatin1String("status")).toString() != paidStatus)
            unpaid << QString::number(payment.value(QLatin1String("id")).toInteger());
    }
    if (unpaid.isEmpty() || paidStatus.isEmpty()) {
        QTimer::singleShot(0, this, [done] { done({}); });
        return;
    }
    const QString id = unpaid.first();
    post(QStringLiteral("orders/payments/%1/edit").arg(id),
         { { QStringLiteral("by"), QStringLiteral("id") },
           { QStringLiteral("payment"),
             RetailApiClient::json(QJsonObject { { QStringLiteral("status"), paidStatus } }) } },
         [this, order, paidStatus, id, done](Common::Result<QJsonObject> answer) {
             if (!answer) {
                 Error e = answer.error();
                 e.message = tr("The order's status is set, but its payment could not be marked paid: %1")
                                 .arg(e.message);
                 done(e);
                 return;
             }
             QJsonArray others;
             for (const QJsonObject &payment : RetailCodec::paymentsOf(order)) {
                 if (QString::number(payment.value(QLatin1String("id")).toInteger()) != id)
                     others.append(payment);
             }
             QJsonObject rest = order;
             rest.insert(QStringLiteral("payments"), others);
             markPaid(rest, paidStatus, done);
         });
}

void RetailCrmConnector::addNotes(const QList<NoteAdd> &items, BatchCallback done)
{
    eachItem(
        items, {},
        [this](const NoteAdd &item, std::function<void(ItemOutcome)> next) {
            post(QStringLiteral("orders/%1/edit").arg(item.dealId),
                 { { QStringLiteral("by"), QStringLiteral("id") },
                   { QStringLiteral("site"), m_config.site },
                   { QStringLiteral("order"),
                     RetailApiClient::json(
                         QJsonObject { { QStringLiteral("managerComment"), item.text } }) } },
                 [item, next](Common::Result<QJsonObject> edited) {
                     next({ item.key,
                            edited ? std::nullopt : std::optional(edited.error()),
                            item.dealId,
                            {},
                            false });
                 });
        },
        std::move(done));
}

} // namespace Crm::RetailCrm
