// SPDX-License-Identifier: GPL-3.0-or-later
#include "RetailCustomersApi.h"

#include "RetailCustomFields.h"
#include "RetailHistoryApi.h"
#include "RetailShapes.h"
#include "RetailStore.h"
#include "common/QueryParams.h"

namespace Sandbox::RetailCrm {

namespace {

QJsonObject validate(const QJsonObject &c)
{
    QJsonObject errors;
    const QString email = c.value("email").toString();
    if (!email.isEmpty() && (!email.contains('@') || email.startsWith('@') || email.endsWith('@')))
        errors.insert("email", "This value is not a valid email address.");
    if (c.contains("phones") && !c.value("phones").isArray())
        errors.insert("phones", "This value should be of type array.");
    return errors;
}

/** Applies @p patch to @p target; false with @p errors (target unchanged) when a custom field value is bad.
 */
bool merge(const RetailStore &store, QJsonObject &target, const QJsonObject &patch, QJsonObject *errors)
{
    QJsonObject next = target;
    for (auto it = patch.begin(); it != patch.end(); ++it) {
        if (it.key() == QLatin1String("id") || it.key() == QLatin1String("site"))
            continue;
        if (it.key() == QLatin1String("customFields")) {
            QJsonObject fields = next.value("customFields").toObject();
            if (!RetailCustomFields::merge(store, QStringLiteral("customer"), fields, it.value().toObject(),
                                           errors))
                return false;
            next.insert("customFields", fields);
        } else {
            next.insert(it.key(), it.value());
        }
    }
    target = next;
    return true;
}

/** customers/history entries for what an edit changed (snake_case names, reference A.5). [I] */
void recordChanges(RetailStore &store, const QJsonObject &before, const QJsonObject &after,
                   const QString &apiKey)
{
    for (const auto &[key, field] :
         { std::pair { "firstName", "first_name" }, std::pair { "lastName", "last_name" },
           std::pair { "email", "email" }, std::pair { "phones", "phones" } }) {
        const QJsonValue a = before.value(QLatin1String(key)), b = after.value(QLatin1String(key));
        if (a != b)
            store.addCustomerHistory(after, QLatin1String(field), a, b, apiKey);
    }
}

} // namespace

RetailCustomersApi::RetailCustomersApi(RetailStore &store, RetailRouter &router)
    : m_store(store)
{
    router.add("GET", "/api/v5/customers", [this](RetailCall &c) { return list(c); });
    router.add("POST", "/api/v5/customers/create", [this](RetailCall &c) { return createOne(c); });
    router.add("POST", "/api/v5/customers/upload", [this](RetailCall &c) { return upload(c); });
    router.add("POST", "/api/v5/customers/{*}/edit", [this](RetailCall &c) { return edit(c); });
    router.add("GET", "/api/v5/customers/history", [this](RetailCall &c) {
        return RetailHistoryApi::page(c, m_store.customerHistory, QStringLiteral("customer"), m_store.now());
    });
    router.add("GET", "/api/v5/customers/{*}", [this](RetailCall &c) { return get(c); });
}

QJsonObject RetailCustomersApi::create(RetailStore &store, const QJsonObject &input, const QString &site,
                                       QJsonObject *errors, QString *message, const QString &apiKey)
{
    *errors = validate(input);
    if (!errors->isEmpty()) {
        *message = QStringLiteral("Errors in the entity format");
        return {};
    }
    const QString externalId = input.value("externalId").toString();
    if (!externalId.isEmpty() && store.customer(QStringLiteral("externalId"), externalId, site)) {
        *message = QStringLiteral("Customer already exists.");
        errors->insert("externalId",
                       QStringLiteral("Customer with externalId=%1 already exists.").arg(externalId));
        return {};
    }
    QJsonObject customer { { "customFields", QJsonObject() }, { "phones", QJsonArray() } };
    if (!merge(store, customer, input, errors)) {
        *message = QStringLiteral("Errors in the entity format");
        return {};
    }
    const qint64 id = store.nextCustomerId++;
    customer.insert("id", id);
    customer.insert("site", site);
    if (!customer.contains("createdAt"))
        customer.insert("createdAt", store.now());
    store.customers.insert(id, customer);
    store.addCustomerHistory(RetailShapes::customer(customer), QStringLiteral("id"), QJsonValue(), id, apiKey,
                             true);
    return customer;
}

QJsonObject RetailCustomersApi::change(RetailStore &store, QJsonObject &customer, const QJsonObject &patch,
                                       const QString &apiKey)
{
    QJsonObject errors = validate(patch);
    const QJsonObject before = customer;
    if (!errors.isEmpty() || !merge(store, customer, patch, &errors))
        return errors;
    recordChanges(store, before, customer, apiKey);
    return {};
}

HttpResponse RetailCustomersApi::list(RetailCall &call)
{
    const QJsonObject f = call.filter();
    const QStringList externalIds = listParam(f.value("externalIds"));
    const QStringList ids = listParam(f.value("ids"));
    const QStringList sites = listParam(f.value("sites"));
    const QString email = f.value("email").toString();
    const QString name = f.value("name").toString();
    // Registration dates ("Y-m-d", inclusive): the only date filter of the customer list.
    const QString dateFrom = f.value("dateFrom").toString();
    const QString dateTo = f.value("dateTo").toString();
    QJsonArray all;
    for (const QJsonObject &c : std::as_const(m_store.customers)) {
        const QString site = c.value("site").toString();
        if (!call.sites.contains(site) || (!sites.isEmpty() && !sites.contains(site)))
            continue;
        if (!externalIds.isEmpty() && !externalIds.contains(c.value("externalId").toString()))
            continue;
        if (!ids.isEmpty() && !ids.contains(QString::number(c.value("id").toInteger())))
            continue;
        if (!email.isEmpty() && c.value("email").toString().compare(email, Qt::CaseInsensitive) != 0)
            continue;
        const QString created = c.value("createdAt").toString().left(10);
        if ((!dateFrom.isEmpty() && created < dateFrom) || (!dateTo.isEmpty() && created > dateTo))
            continue;
        if (!name.isEmpty()) {
            // filter[name] matches the full name or a phone (reference A.4).
            const QString fullName
                = QStringList { c.value("lastName").toString(), c.value("firstName").toString(),
                                c.value("patronymic").toString() }
                      .join(' ');
            bool hit = fullName.contains(name, Qt::CaseInsensitive);
            for (const QJsonValue &p : c.value("phones").toArray())
                hit = hit || p.toObject().value("number").toString().contains(name);
            if (!hit)
                continue;
        }
        all.append(RetailShapes::customer(c));
    }
    QJsonArray page;
    QJsonObject pagination;
    HttpResponse error;
    if (!paginate(call, all, &page, &pagination, &error))
        return error;
    return Reply::ok({ { "pagination", pagination }, { "customers", page } });
}

HttpResponse RetailCustomersApi::createOne(RetailCall &call)
{
    QJsonValue input;
    QString site;
    HttpResponse error;
    if (!jsonParam(call, "customer", &input, &error) || !resolveSite(call, true, &site, &error))
        return error;
    QJsonObject errors;
    QString message;
    const QJsonObject customer = create(m_store, input.toObject(), site, &errors, &message, call.apiKey);
    if (customer.isEmpty())
        return Reply::error(400, message, errors);
    return Reply::ok({ { "id", customer.value("id") } }, 201);
}

HttpResponse RetailCustomersApi::edit(RetailCall &call)
{
    QJsonValue input;
    QString site;
    HttpResponse error;
    const QString by = call.param("by").isEmpty() ? QStringLiteral("externalId") : call.param("by");
    if (by != QLatin1String("id") && by != QLatin1String("externalId"))
        return Reply::error(
            400,
            QStringLiteral(
                "Value \"%1\" for parameter \"by\" is not valid. Allowed values are id & externalId.")
                .arg(by));
    if (!jsonParam(call, "customer", &input, &error)
        || !resolveSite(call, by != QLatin1String("id"), &site, &error))
        return error;
    QJsonObject *customer = m_store.customer(by, call.args.value(0), site);
    if (!customer || !call.sites.contains(customer->value("site").toString()))
        return Reply::notFound();
    const QJsonObject errors = change(m_store, *customer, input.toObject(), call.apiKey);
    if (!errors.isEmpty())
        return Reply::invalid(errors);
    return Reply::ok({ { "id", customer->value("id") } });
}

HttpResponse RetailCustomersApi::get(RetailCall &call)
{
    QString site;
    HttpResponse error;
    const QString by = call.param("by").isEmpty() ? QStringLiteral("externalId") : call.param("by");
    if (!resolveSite(call, false, &site, &error))
        return error;
    const QJsonObject *customer = m_store.customer(by, call.args.value(0), site);
    if (!customer || !call.sites.contains(customer->value("site").toString()))
        return Reply::notFound();
    return Reply::ok({ { "customer", RetailShapes::customer(*customer) } });
}

HttpResponse RetailCustomersApi::upload(RetailCall &call)
{
    QJsonValue input;
    QString site;
    HttpResponse error;
    if (!jsonParam(call, "customers", &input, &error) || !resolveSite(call, true, &site, &error))
        return error;
    const QJsonArray items = input.toArray();
    if (!input.isArray() || items.isEmpty())
        return Reply::invalid({ { "customers", "This value should not be blank." } });
    if (items.size() > 50)
        return Reply::error(
            400, QStringLiteral("Errors in the input parameters"),
            QJsonObject { { "customers", "This collection should contain 50 elements or less." } });
    QJsonArray uploaded, failed, errorList;
    for (const QJsonValue &v : items) {
        QJsonObject errors;
        QString message;
        const QJsonObject c = create(m_store, v.toObject(), site, &errors, &message, call.apiKey);
        if (c.isEmpty()) {
            failed.append(QJsonObject { { "externalId", v.toObject().value("externalId") } });
            for (auto it = errors.begin(); it != errors.end(); ++it)
                errorList.append(it.value());
        } else {
            uploaded.append(QJsonObject { { "id", c.value("id") }, { "externalId", c.value("externalId") } });
        }
    }
    if (failed.isEmpty())
        return Reply::ok({ { "uploadedCustomers", uploaded } }, 201);
    // Partly loaded: RetailCRM answers 460 with what went in and what did not.
    HttpResponse r = Reply::error(460, QStringLiteral("Customers are loaded with errors"), errorList);
    QJsonObject body = QJsonDocument::fromJson(r.body).object();
    body.insert("uploadedCustomers", uploaded);
    body.insert("failedCustomers", failed);
    r.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    return r;
}

} // namespace Sandbox::RetailCrm
