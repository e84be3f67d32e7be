// SPDX-License-Identifier: GPL-3.0-or-later
#include "RetailOrdersApi.h"

#include "RetailOrderModel.h"
#include "RetailShapes.h"
#include "RetailStore.h"
#include "common/QueryParams.h"

#include <QJsonDocument>

namespace Sandbox::RetailCrm {

namespace {

bool byParam(const RetailCall &call, QString *by, HttpResponse *error)
{
    *by = call.param("by").isEmpty() ? QStringLiteral("externalId") : call.param("by");
    if (*by == QLatin1String("id") || *by == QLatin1String("externalId"))
        return true;
    *error = Reply::error(
        400,
        QStringLiteral("Value \"%1\" for parameter \"by\" is not valid. Allowed values are id & externalId.")
            .arg(*by));
    return false;
}

} // namespace

RetailOrdersApi::RetailOrdersApi(RetailStore &store, RetailRouter &router)
    : m_store(store)
{
    router.add("GET", "/api/v5/orders", [this](RetailCall &c) { return list(c); });
    router.add("POST", "/api/v5/orders/create", [this](RetailCall &c) { return create(c); });
    router.add("POST", "/api/v5/orders/upload", [this](RetailCall &c) { return upload(c); });
    router.add("POST", "/api/v5/orders/fix-external-ids",
               [this](RetailCall &c) { return fixExternalIds(c); });
    router.add("GET", "/api/v5/orders/statuses", [this](RetailCall &c) { return statuses(c); });
    // After the fixed paths, so "history" or "statuses" never reads as an externalId. The payment
    // routes (RetailHistoryApi) are registered before this group for the same reason.
    router.add("POST", "/api/v5/orders/{*}/edit", [this](RetailCall &c) { return edit(c); });
    router.add("GET", "/api/v5/orders/{*}", [this](RetailCall &c) { return get(c); });
}

HttpResponse RetailOrdersApi::list(RetailCall &call)
{
    const QJsonObject f = call.filter();
    const QStringList externalIds = listParam(f.value("externalIds"));
    const QStringList numbers = listParam(f.value("numbers"));
    const QStringList ids = listParam(f.value("ids"));
    const QStringList sites = listParam(f.value("sites"));
    const QStringList statuses = listParam(f.value("extendedStatus"));
    const QString customerId = f.value("customerId").toString();
    const QString email = f.value("email").toString();
    const QString createdFrom = f.value("createdAtFrom").toString();
    const QString statusFrom = f.value("statusUpdatedAtFrom").toString();
    QJsonArray all;
    for (const QJsonObject &o : std::as_const(m_store.orders)) {
        const QString site = o.value("site").toString();
        const QString status = o.value("status").toString();
        if (!call.sites.contains(site) || (!sites.isEmpty() && !sites.contains(site)))
            continue;
        if ((!externalIds.isEmpty() && !externalIds.contains(o.value("externalId").toString()))
            || (!numbers.isEmpty() && !numbers.contains(o.value("number").toString()))
            || (!ids.isEmpty() && !ids.contains(QString::number(o.value("id").toInteger()))))
            continue;
        // extendedStatus takes status codes and status group codes alike.
        if (!statuses.isEmpty() && !statuses.contains(status)
            && !statuses.contains(m_store.statuses.value(status).value("group").toString()))
            continue;
        if (!customerId.isEmpty()
            && QString::number(o.value("customer").toObject().value("id").toInteger()) != customerId)
            continue;
        if (!email.isEmpty() && o.value("email").toString().compare(email, Qt::CaseInsensitive) != 0)
            continue;
        if ((!createdFrom.isEmpty() && o.value("createdAt").toString() < createdFrom)
            || (!statusFrom.isEmpty() && o.value("statusUpdatedAt").toString() < statusFrom))
            continue;
        all.append(RetailShapes::orderWithPaymentMap(o));
    }
    QJsonArray page;
    QJsonObject pagination;
    HttpResponse error;
    if (!paginate(call, all, &page, &pagination, &error))
        return error;
    return Reply::ok({ { "pagination", pagination }, { "orders", page } });
}

HttpResponse RetailOrdersApi::create(RetailCall &call)
{
    QJsonValue input;
    QString site;
    HttpResponse error;
    if (!jsonParam(call, "order", &input, &error) || !resolveSite(call, true, &site, &error))
        return error;
    QJsonObject errors;
    QString message;
    const QJsonObject order
        = RetailOrderModel::create(m_store, input.toObject(), site, call.apiKey, &errors, &message);
    if (order.isEmpty())
        return Reply::error(400, message, errors.isEmpty() ? QJsonValue(QJsonValue::Undefined) : errors);
    return Reply::ok({ { "id", order.value("id") }, { "order", RetailShapes::orderWithPaymentList(order) } },
                     201);
}

HttpResponse RetailOrdersApi::edit(RetailCall &call)
{
    QJsonValue input;
    QString site;
    QString by;
    HttpResponse error;
    if (!byParam(call, &by, &error) || !jsonParam(call, "order", &input, &error)
        || !resolveSite(call, by != QLatin1String("id"), &site, &error))
        return error;
    QJsonObject *order = m_store.order(by, call.args.value(0), site);
    if (!order || !call.sites.contains(order->value("site").toString()))
        return Reply::notFound();
    const QJsonObject before = *order;
    QJsonObject errors;
    QString message;
    if (!RetailOrderModel::apply(m_store, *order, input.toObject(), order->value("site").toString(), &errors,
                                 &message))
        return Reply::error(400, message, errors);
    RetailOrderModel::recordChanges(m_store, before, *order, call.apiKey);
    return Reply::ok(
        { { "id", order->value("id") }, { "order", RetailShapes::orderWithPaymentMap(*order) } });
}

HttpResponse RetailOrdersApi::get(RetailCall &call)
{
    QString site;
    QString by;
    HttpResponse error;
    if (!byParam(call, &by, &error) || !resolveSite(call, false, &site, &error))
        return error;
    const QJsonObject *order = m_store.order(by, call.args.value(0), site);
    if (!order || !call.sites.contains(order->value("site").toString()))
        return Reply::notFound();
    return Reply::ok({ { "order", RetailShapes::orderWithPaymentMap(*order) } });
}

HttpResponse RetailOrdersApi::upload(RetailCall &call)
{
    QJsonValue input;
    QString site;
    HttpResponse error;
    if (!jsonParam(call, "orders", &input, &error) || !resolveSite(call, true, &site, &error))
        return error;
    const QJsonArray items = input.toArray();
    if (!input.isArray() || items.isEmpty())
        return Reply::invalid({ { "orders", "This value should not be blank." } });
    if (items.size() > 50)
        return Reply::error(
            400, QStringLiteral("Errors in the input parameters"),
            QJsonObject { { "orders", "This collection should contain 50 elements or less." } });
    QJsonArray uploaded, created, failed, errorList;
    for (const QJsonValue &v : items) {
        QJsonObject errors;
        QString message;
        const QJsonObject o
            = RetailOrderModel::create(m_store, v.toObject(), site, call.apiKey, &errors, &message);
        if (o.isEmpty()) {
            const QJsonValue externalId = v.toObject().value("externalId");
            failed.append(QJsonObject { { "externalId", externalId } });
            for (auto it = errors.begin(); it != errors.end(); ++it)
                errorList.append(it.value());
            // orders/create says only "Order already exists."; an upload names the order in its list [U].
            if (errors.isEmpty())
                errorList.append(
                    QStringLiteral("Order with externalId=%1 already exists.").arg(externalId.toString()));
            continue;
        }
        uploaded.append(QJsonObject { { "id", o.value("id") }, { "externalId", o.value("externalId") } });
        created.append(RetailShapes::orderWithPaymentList(o));
    }
    if (failed.isEmpty())
        return Reply::ok({ { "uploadedOrders", uploaded }, { "orders", created } }, 201);
    // Partly loaded: RetailCRM answers 460 with what went in and what did not.
    HttpResponse r = Reply::error(460, QStringLiteral("Orders are loaded with errors"), errorList);
    QJsonObject body = QJsonDocument::fromJson(r.body).object();
    body.insert("uploadedOrders", uploaded);
    body.insert("failedOrders", failed);
    r.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    return r;
}

HttpResponse RetailOrdersApi::statuses(RetailCall &call)
{
    const QStringList ids = listParam(call.params.value("ids"));
    const QStringList externalIds = listParam(call.params.value("externalIds"));
    if (ids.isEmpty() && externalIds.isEmpty())
        return Reply::missing(QStringLiteral("ids"));
    QJsonArray out;
    for (const QJsonObject &o : std::as_const(m_store.orders)) {
        if (!call.sites.contains(o.value("site").toString()))
            continue;
        if (!ids.contains(QString::number(o.value("id").toInteger()))
            && !externalIds.contains(o.value("externalId").toString()))
            continue;
        const QString status = o.value("status").toString();
        out.append(QJsonObject { { "id", o.value("id") },
                                 { "externalId", o.value("externalId") },
                                 { "status", status },
                                 { "group", m_store.statuses.value(status).value("group") } });
    }
    return Reply::ok({ { "orders", out } });
}

HttpResponse RetailOrdersApi::fixExternalIds(RetailCall &call)
{
    QJsonValue input;
    HttpResponse error;
    if (!jsonParam(call, "orders", &input, &error))
        return error;
    for (const QJsonValue &v : input.toArray()) {
        QJsonObject *order
            = m_store.order(QStringLiteral("id"), QString::number(v.toObject().value("id").toInteger()), {});
        if (!order || !call.sites.contains(order->value("site").toString()))
            return Reply::notFound();
        order->insert("externalId", v.toObject().value("externalId"));
    }
    return Reply::ok();
}

} // namespace Sandbox::RetailCrm
