// SPDX-License-Identifier: GPL-3.0-or-later
#include "AmoCustomersApi.h"

#include "AmoContext.h"
#include "AmoEntities.h"
#include "AmoNotifier.h"

namespace Sandbox::AmoCrm {

namespace {

bool customersEnabled(const AmoAccount &account)
{
    return account.customersMode == QLatin1String("periodicity")
        || account.customersMode == QLatin1String("segments")
        || account.customersMode == QLatin1String("dynamic");
}

HttpResponse disabled()
{
    return Errors::problem(400, QStringLiteral("Customers are disabled in this account"));
}

} // namespace

AmoCustomersApi::AmoCustomersApi(AmoContext &context, AmoRouter &router)
    : m_context(context)
{
    router.add("PATCH", "/api/v4/customers/mode", [this](AmoCall &c) { return mode(c); });
    router.add("GET", "/api/v4/customers/transactions", [this](AmoCall &c) { return transactions(c, 0); });
    router.add("GET", "/api/v4/customers", [this](AmoCall &c) { return list(c); });
    router.add("POST", "/api/v4/customers", [this](AmoCall &c) { return write(c, true, 0); });
    router.add("PATCH", "/api/v4/customers", [this](AmoCall &c) { return write(c, false, 0); });
    router.add("GET", "/api/v4/customers/{id}", [this](AmoCall &c) { return get(c); });
    router.add("PATCH", "/api/v4/customers/{id}",
               [this](AmoCall &c) { return write(c, false, c.idParam(0)); });
    router.add("GET", "/api/v4/customers/{id}/transactions",
               [this](AmoCall &c) { return transactions(c, c.idParam(0)); });
    router.add("POST", "/api/v4/customers/{id}/transactions",
               [this](AmoCall &c) { return addTransactions(c); });
    router.add("DELETE", "/api/v4/customers/{id}/transactions/{id}",
               [this](AmoCall &c) { return removeTransaction(c); });
}

HttpResponse AmoCustomersApi::mode(AmoCall &call)
{
    QJsonObject input;
    if (auto error = Entities::readObject(call, &input))
        return *error;
    const QString requested = input.value("mode").toString();
    if (requested != QLatin1String("periodicity") && requested != QLatin1String("segments"))
        return Errors::problem(400, QStringLiteral("Unknown mode"));
    const bool enabled = input.value("is_enabled").toBool(true);
    call.account.customersMode = enabled ? requested : QStringLiteral("disabled");
    return HttpResponse::json(
        200, QJsonDocument(QJsonObject { { "mode", requested }, { "is_enabled", enabled } }));
}

HttpResponse AmoCustomersApi::list(AmoCall &call)
{
    if (!customersEnabled(call.account))
        return disabled();
    Entities::PageRequest page;
    if (auto error = Entities::readPage(call, 250, &page))
        return *error;
    const QJsonObject filter = call.query.value("filter").toObject();
    const QString needle = call.query.value("query").toString().trimmed();
    QList<QJsonObject> items;
    for (const QJsonObject &c : std::as_const(call.account.customers)) {
        if (!c.value("is_deleted").toBool() && Entities::passesCommonFilters(c, filter)
            && Entities::matchesQuery(c, needle))
            items.append(c);
    }
    Entities::sortByOrder(items, call.query.value("order").toObject(), { "updated_at", "id" });
    for (QJsonObject &c : items)
        c = Entities::render(call, QStringLiteral("customers"), c, Entities::withList(call));
    return Entities::halPage(call, QStringLiteral("/api/v4/customers"), QStringLiteral("customers"), items,
                             page);
}

HttpResponse AmoCustomersApi::get(AmoCall &call)
{
    if (!customersEnabled(call.account))
        return disabled();
    const QJsonObject c = call.account.customers.value(call.idParam(0));
    if (c.isEmpty())
        return HttpResponse::noContent();
    return HttpResponse::json(
        200, QJsonDocument(Entities::render(call, QStringLiteral("customers"), c, Entities::withList(call))));
}

void AmoCustomersApi::applyCustomer(AmoCall &call, QJsonObject &customer, const QJsonObject &input,
                                    const QString &rid, ValidationErrors &errors) const
{
    if (customer.value("id").toInteger() != 0) {
        customer.insert("updated_at", call.now);
        customer.insert("updated_by", call.userId);
    }
    Entities::applyCommon(call, QStringLiteral("customers"), customer, input, rid, errors);
    for (const char *key : { "next_price", "next_date", "periodicity", "status_id" }) {
        const QLatin1String k(key);
        if (!input.contains(k))
            continue;
        if (!input.value(k).isDouble())
            errors.invalidType(rid, k, QStringLiteral("int"));
        else
            customer.insert(k, input.value(k).toInteger());
    }
    // As for leads: _embedded links contacts and companies only on creation; links change through /link.
    const QJsonObject embedded = input.value("_embedded").toObject();
    for (const char *key : { "contacts", "companies" }) {
        const QLatin1String k(key);
        if (customer.value("id").toInteger() != 0 || !embedded.contains(k))
            continue;
        QJsonArray links;
        const QJsonArray list = embedded.value(k).toArray();
        for (qsizetype i = 0; i < list.size(); ++i) {
            const qint64 id = list[i].toObject().value("id").toInteger();
            if (!call.account.entities(k)->contains(id))
                errors.notFound(rid, QStringLiteral("_embedded.%1.%2.id").arg(k).arg(i));
            else
                links.append(QJsonObject { { "id", id } });
        }
        Entities::setEmbedded(customer, k, links);
    }
}

HttpResponse AmoCustomersApi::write(AmoCall &call, bool creating, qint64 singleId)
{
    if (!customersEnabled(call.account))
        return disabled();
    QJsonArray items;
    if (singleId) {
        QJsonObject one;
        if (auto error = Entities::readObject(call, &one))
            return *error;
        one.insert("id", singleId);
        items.append(one);
    } else if (auto error = Entities::readBatch(call, 250, &items)) {
        return *error;
    }
    ValidationErrors errors;
    QList<QJsonObject> results;
    QStringList rids;
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QJsonObject item = items[i].toObject();
        rids.append(Entities::requestIdOf(item, i));
        QJsonObject customer;
        if (creating) {
            customer = QJsonObject { { "id", 0 },
                                     { "name", "" },
                                     { "next_price", 0 },
                                     { "next_date", QJsonValue::Null },
                                     { "responsible_user_id", call.userId },
                                     { "status_id", 0 },
                                     { "periodicity", 0 },
                                     { "created_by", call.userId },
                                     { "updated_by", call.userId },
                                     { "created_at", call.now },
                                     { "updated_at", call.now },
                                     { "closest_task_at", QJsonValue::Null },
                                     { "is_deleted", false },
                                     { "custom_fields_values", QJsonValue::Null },
                                     { "ltv", 0 },
                                     { "purchases_count", 0 },
                                     { "average_check", 0 },
                                     { "account_id", call.account.id },
                                     { "_embedded", QJsonObject { { "tags", QJsonArray() } } } };
        } else {
            customer = call.account.customers.value(item.value("id").toInteger());
            if (customer.isEmpty()) {
                errors.notFound(rids.last(), QStringLiteral("id"));
                continue;
            }
        }
        applyCustomer(call, customer, item, rids.last(), errors);
        results.append(customer);
    }
    if (!errors.isEmpty())
        return errors.response();
    QJsonArray out;
    for (qsizetype i = 0; i < results.size(); ++i) {
        QJsonObject customer = results[i];
        if (creating) {
            customer.insert("id", call.account.allocateId(QStringLiteral("customer")));
            if (customer.value("name").toString().isEmpty())
                customer.insert("name",
                                QStringLiteral("Покупатель #%1").arg(customer.value("id").toInteger()));
            call.account.customers.insert(customer.value("id").toInteger(), customer);
            m_context.notifier->entityAdded(call.account, QStringLiteral("customers"), customer, call.userId);
        } else {
            const QJsonObject before = call.account.customers.value(customer.value("id").toInteger());
            call.account.customers.insert(customer.value("id").toInteger(), customer);
            m_context.notifier->entityUpdated(call.account, QStringLiteral("customers"), before, customer,
                                              call.userId);
        }
        const qint64 id = customer.value("id").toInteger();
        QJsonObject item { { "id", id },
                           { "request_id", rids[i] },
                           { "_links", Entities::entityLink(call, QStringLiteral("customers"), id) } };
        if (!creating)
            item.insert("updated_at", customer.value("updated_at"));
        out.append(item);
    }
    if (singleId)
        return HttpResponse::json(200, QJsonDocument(out.first().toObject()));
    const QJsonObject body { { "_links", Entities::selfLink(call.link(QStringLiteral("/api/v4/customers"))) },
                             { "_embedded", QJsonObject { { "customers", out } } } };
    return HttpResponse::json(200, QJsonDocument(body));
}

QJsonObject AmoCustomersApi::renderTransaction(const AmoCall &call, const QJsonObject &stored) const
{
    QJsonObject t = stored;
    const qint64 customerId = stored.value("customer_id").toInteger();
    t.insert("_links",
             Entities::selfLink(call.link(QStringLiteral("/api/v4/customers/%1/transactions/%2")
                                              .arg(customerId)
                                              .arg(stored.value("id").toInteger()))));
    Entities::setEmbedded(
        t, QStringLiteral("customer"),
        QJsonObject { { "id", customerId },
                      { "_links", Entities::entityLink(call, QStringLiteral("customers"), customerId) } });
    return t;
}

HttpResponse AmoCustomersApi::transactions(AmoCall &call, qint64 customerId)
{
    if (!customersEnabled(call.account))
        return disabled();
    Entities::PageRequest page;
    if (auto error = Entities::readPage(call, 250, &page))
        return *error;
    const QJsonObject filter = call.query.value("filter").toObject();
    QList<QJsonObject> items;
    for (const QJsonObject &t : std::as_const(call.account.transactions)) {
        if (t.value("is_deleted").toBool()
            || (customerId && t.value("customer_id").toInteger() != customerId))
            continue;
        if (Entities::inIdList(filter.value("id"), t.value("id").toInteger()))
            items.append(renderTransaction(call, t));
    }
    const QString path = customerId ? QStringLiteral("/api/v4/customers/%1/transactions").arg(customerId)
                                    : QStringLiteral("/api/v4/customers/transactions");
    return Entities::halPage(call, path, QStringLiteral("transactions"), items, page);
}

HttpResponse AmoCustomersApi::addTransactions(AmoCall &call)
{
    if (!customersEnabled(call.account))
        return disabled();
    const qint64 customerId = call.idParam(0);
    if (!call.account.customers.contains(customerId))
        return Errors::problem(404, QStringLiteral("Customer not found"));
    QJsonArray items;
    if (auto error = Entities::readBatch(call, 250, &items))
        return *error;
    ValidationErrors errors;
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QJsonValue price = items[i].toObject().value("price");
        if (!price.isDouble())
            errors.invalidType(Entities::requestIdOf(items[i].toObject(), i), QStringLiteral("price"),
                               QStringLiteral("int"));
    }
    if (!errors.isEmpty())
        return errors.response();
    QJsonObject customer = call.account.customers.value(customerId);
    QJsonArray out;
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QJsonObject item = items[i].toObject();
        const qint64 id = call.account.allocateId(QStringLiteral("transaction"));
        QJsonObject t { { "id", id },
                        { "comment", item.value("comment").toString() },
                        { "price", item.value("price").toInteger() },
                        { "completed_at", item.value("completed_at").toInteger(call.now) },
                        { "customer_id", customerId },
                        { "created_by", call.userId },
                        { "updated_by", call.userId },
                        { "created_at", call.now },
                        { "updated_at", call.now },
                        { "is_deleted", false },
                        { "account_id", call.account.id } };
        if (item.contains("_embedded"))
            t.insert("_embedded", item.value("_embedded"));
        call.account.transactions.insert(id, t);
        const qint64 count = customer.value("purchases_count").toInteger() + 1;
        const qint64 ltv = customer.value("ltv").toInteger() + t.value("price").toInteger();
        customer.insert("purchases_count", count);
        customer.insert("ltv", ltv);
        customer.insert("average_check", ltv / count);
        if (item.contains("next_price"))
            customer.insert("next_price", item.value("next_price").toInteger());
        if (item.contains("next_date"))
            customer.insert("next_date", item.value("next_date").toInteger());
        QJsonObject rendered = renderTransaction(call, t);
        rendered.insert("request_id", Entities::requestIdOf(item, i));
        out.append(rendered);
    }
    customer.insert("updated_at", call.now);
    call.account.customers.insert(customerId, customer);
    const QJsonObject body { { "_links",
                               Entities::selfLink(call.link(
                                   QStringLiteral("/api/v4/customers/%1/transactions").arg(customerId))) },
                             { "_embedded", QJsonObject { { "transactions", out } } } };
    return HttpResponse::json(200, QJsonDocument(body));
}

HttpResponse AmoCustomersApi::removeTransaction(AmoCall &call)
{
    if (!customersEnabled(call.account))
        return disabled();
    const qint64 id = call.idParam(1);
    QJsonObject t = call.account.transactions.value(id);
    if (t.isEmpty() || t.value("customer_id").toInteger() != call.idParam(0))
        return Errors::problem(404, QStringLiteral("Transaction not found"));
    t.insert("is_deleted", true);
    call.account.transactions.insert(id, t);
    return HttpResponse::noContent();
}

} // namespace Sandbox::AmoCrm
