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

/** What every customers endpoint answers while the feature is off: 422, as amoCRM documents for the
 *  customer statuses list with periodic purchases off (customers-statuses-api); see README. */
HttpResponse disabled()
{
    return Errors::problem(422, QStringLiteral("Customers are disabled in this account"));
}

} // namespace

AmoCustomersApi::AmoCustomersApi(AmoContext &context, AmoRouter &router)
    : m_context(context)
{
    router.add("PATCH", "/api/v4/customers/mode", [this](AmoCall &c) { return mode(c); });
    router.add("GET", "/api/v4/customers/mode", [this](AmoCall &c) { return currentMode(c); });
    router.add("GET", "/api/v4/customers/segments", [this](AmoCall &c) { return segments(c, 0); });
    router.add("GET", "/api/v4/customers/segments/{id}",
               [this](AmoCall &c) { return segments(c, c.idParam(0)); });
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
    // Both keys are required (customers-api: "Обязательные поля – mode и is_enabled").
    ValidationErrors errors;
    const QString requested = input.value("mode").toString();
    if (!input.contains("mode"))
        errors.add(QStringLiteral("0"), QStringLiteral("NotBlank"), QStringLiteral("mode"),
                   QStringLiteral("This value should not be blank."));
    else if (requested != QLatin1String("periodicity") && requested != QLatin1String("segments"))
        errors.notSupportedChoice(QStringLiteral("0"), QStringLiteral("mode"));
    if (!input.value("is_enabled").isBool())
        errors.invalidType(QStringLiteral("0"), QStringLiteral("is_enabled"), QStringLiteral("bool"));
    if (!errors.isEmpty())
        return errors.response();
    const bool enabled = input.value("is_enabled").toBool();
    // 402 "Тариф не позволяет включать покупателей" (customers-api).
    if (enabled && call.account.customersMode == QLatin1String("unavailable"))
        return Errors::problem(402, QStringLiteral("Customers are not available on this plan"));
    if (call.account.customersMode != QLatin1String("unavailable")) {
        call.account.customersMode = enabled ? requested : QStringLiteral("disabled");
        call.account.customersLastMode = requested;
    }
    return HttpResponse::json(
        200, QJsonDocument(QJsonObject { { "mode", requested }, { "is_enabled", enabled } }));
}

HttpResponse AmoCustomersApi::currentMode(AmoCall &call)
{
    const bool enabled = customersEnabled(call.account);
    QString mode = enabled ? call.account.customersMode : call.account.customersLastMode;
    if (mode == QLatin1String("dynamic"))
        mode = QStringLiteral("segments");
    return HttpResponse::json(200,
                              QJsonDocument(QJsonObject { { "mode", mode }, { "is_enabled", enabled } }));
}

HttpResponse AmoCustomersApi::segments(AmoCall &call, qint64 id)
{
    // Segments belong to dynamic segmentation; otherwise 422 as the statuses list without periodicity.
    if (call.account.customersMode != QLatin1String("segments")
        && call.account.customersMode != QLatin1String("dynamic"))
        return Errors::problem(422, QStringLiteral("Customers segmentation is disabled in this account"));
    auto render = [&call](QJsonObject segment) {
        const qint64 sid = segment.value("id").toInteger();
        qint64 count = 0;
        for (const QJsonObject &c : std::as_const(call.account.customers)) {
            for (const QJsonValue &s : c.value("_embedded").toObject().value("segments").toArray())
                count += s.toObject().value("id").toInteger() == sid ? 1 : 0;
        }
        segment.insert("customers_count", count);
        segment.insert(
            "_links",
            Entities::selfLink(call.link(QStringLiteral("/api/v4/customers/segments/%1").arg(sid))));
        return segment;
    };
    if (id) {
        if (!call.account.segments.contains(id))
            return HttpResponse::noContent();
        return HttpResponse::json(200, QJsonDocument(render(call.account.segments.value(id))));
    }
    QJsonArray items;
    for (const QJsonObject &segment : std::as_const(call.account.segments))
        items.append(render(segment));
    if (items.isEmpty())
        return HttpResponse::noContent();
    const QJsonObject body { { "_total_items", items.size() },
                             { "_links",
                               Entities::selfLink(call.link(QStringLiteral("/api/v4/customers/segments"))) },
                             { "_embedded", QJsonObject { { "segments", items } } } };
    return HttpResponse::json(200, QJsonDocument(body));
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
                                    const QString &rid, ValidationErrors &errors)
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

void AmoCustomersApi::validateTransaction(const AmoCall &call, const QJsonObject &item, const QString &rid,
                                          ValidationErrors &errors) const
{
    if (!item.value("price").isDouble())
        errors.invalidType(rid, QStringLiteral("price"), QStringLiteral("int"));
    if (item.contains("completed_at") && !item.value("completed_at").isDouble())
        errors.invalidType(rid, QStringLiteral("completed_at"), QStringLiteral("int"));
    if (item.contains("comment") && !item.value("comment").isString())
        errors.invalidType(rid, QStringLiteral("comment"), QStringLiteral("string"));
    // The SDK never sends request_id "0" for transactions: "Бага в API не принимает 0"
    // (TransactionModel::toApi); the sandbox refuses it as the real API does.
    if (item.value("request_id").toString() == QLatin1String("0"))
        errors.add(rid, QStringLiteral("InvalidValue"), QStringLiteral("request_id"),
                   QStringLiteral("This value is not valid."));
    const QJsonArray elements = item.value("_embedded").toObject().value("catalog_elements").toArray();
    for (qsizetype j = 0; j < elements.size(); ++j) {
        const QJsonObject element = elements[j].toObject();
        const QString path = QStringLiteral("_embedded.catalog_elements.%1").arg(j);
        const QJsonObject stored = call.account.catalogElements.value(element.value("id").toInteger());
        const QJsonObject metadata = element.value("metadata").toObject();
        if (stored.isEmpty() || stored.value("is_deleted").toBool())
            errors.notFound(rid, path + QStringLiteral(".id"));
        else if (metadata.value("catalog_id").toInteger() != stored.value("catalog_id").toInteger())
            errors.notSupportedChoice(rid, path + QStringLiteral(".metadata.catalog_id"));
        if (metadata.contains("quantity")
            && (!metadata.value("quantity").isDouble() || metadata.value("quantity").toDouble() <= 0))
            errors.invalidType(rid, path + QStringLiteral(".metadata.quantity"), QStringLiteral("float"));
    }
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
    for (qsizetype i = 0; i < items.size(); ++i)
        validateTransaction(call, items[i].toObject(), Entities::requestIdOf(items[i].toObject(), i), errors);
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
        QJsonArray elements;
        for (const QJsonValue &e : item.value("_embedded").toObject().value("catalog_elements").toArray()) {
            const QJsonObject element = e.toObject();
            const QJsonObject metadata = element.value("metadata").toObject();
            elements.append(
                QJsonObject { { "id", element.value("id").toInteger() },
                              { "metadata",
                                QJsonObject { { "catalog_id", metadata.value("catalog_id").toInteger() },
                                              { "quantity", metadata.value("quantity").toDouble(1) } } } });
        }
        if (!elements.isEmpty())
            t.insert("_embedded", QJsonObject { { "catalog_elements", elements } });
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
    // The customer's purchases no longer count it.
    QJsonObject customer = call.account.customers.value(call.idParam(0));
    const qint64 count = std::max<qint64>(0, customer.value("purchases_count").toInteger() - 1);
    const qint64 ltv = customer.value("ltv").toInteger() - t.value("price").toInteger();
    customer.insert("purchases_count", count);
    customer.insert("ltv", ltv);
    customer.insert("average_check", count ? ltv / count : 0);
    call.account.customers.insert(call.idParam(0), customer);
    return HttpResponse::noContent();
}

} // namespace Sandbox::AmoCrm
