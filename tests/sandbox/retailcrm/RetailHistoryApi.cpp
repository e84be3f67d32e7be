// SPDX-License-Identifier: GPL-3.0-or-later
#include "RetailHistoryApi.h"

#include "RetailOrderModel.h"
#include "RetailStore.h"

namespace Sandbox::RetailCrm {

RetailHistoryApi::RetailHistoryApi(RetailStore &store, RetailRouter &router)
    : m_store(store)
{
    router.add("GET", "/api/v5/orders/history", [this](RetailCall &c) { return history(c); });
    router.add("POST", "/api/v5/orders/payments/create", [this](RetailCall &c) { return createPayment(c); });
    router.add("POST", "/api/v5/orders/payments/{*}/edit", [this](RetailCall &c) { return editPayment(c); });
}

HttpResponse RetailHistoryApi::history(RetailCall &call)
{
    return page(call, m_store.history, QStringLiteral("order"), m_store.now());
}

HttpResponse RetailHistoryApi::page(RetailCall &call, const QList<QJsonObject> &entries,
                                    const QString &entity, const QString &now)
{
    const QJsonObject f = call.filter();
    const qint64 sinceId = f.value("sinceId").toString().toLongLong();
    const QString startDate = f.value("startDate").toString();
    const QString endDate = f.value("endDate").toString();
    const QString entityId = f.value(entity + QLatin1String("Id")).toString();
    const QString entityExternalId = f.value(entity + QLatin1String("ExternalId")).toString();
    QJsonArray all;
    for (const QJsonObject &stored : entries) {
        const QJsonObject subject = stored.value(entity).toObject();
        if (!call.sites.contains(subject.value("site").toString()))
            continue;
        if (stored.value("id").toInteger() <= sinceId)
            continue;
        const QString at = stored.value("createdAt").toString();
        if ((!startDate.isEmpty() && at < startDate) || (!endDate.isEmpty() && at > endDate))
            continue;
        if ((!entityId.isEmpty() && QString::number(subject.value("id").toInteger()) != entityId)
            || (!entityExternalId.isEmpty() && subject.value("externalId").toString() != entityExternalId))
            continue;
        QJsonObject entry = stored;
        const QString key = entry.take("_key").toString();
        if (!key.isEmpty())
            entry.insert("apiKey", QJsonObject { { "current", key == call.apiKey } });
        all.append(entry);
    }
    QJsonArray items;
    QJsonObject pagination;
    HttpResponse error;
    if (!paginate(call, all, &items, &pagination, &error, 100))
        return error;
    return Reply::ok({ { "generatedAt", now }, { "history", items }, { "pagination", pagination } });
}

HttpResponse RetailHistoryApi::createPayment(RetailCall &call)
{
    QJsonValue input;
    QString site;
    HttpResponse error;
    if (!jsonParam(call, "payment", &input, &error) || !resolveSite(call, false, &site, &error))
        return error;
    QJsonObject payment = input.toObject();
    const QJsonObject ref = payment.take("order").toObject();
    QJsonObject *order = nullptr;
    if (ref.contains("id"))
        order = m_store.order(QStringLiteral("id"), QString::number(ref.value("id").toInteger()), {});
    else if (ref.contains("externalId"))
        order = m_store.order(QStringLiteral("externalId"), ref.value("externalId").toString(), site);
    else
        return Reply::invalid({ { "order", "This value should not be blank." } });
    if (!order || !call.sites.contains(order->value("site").toString()))
        return Reply::invalid(
            { { ref.contains("id") ? "order.id" : "order.externalId", "Order not found." } });
    const QJsonObject before = *order;
    QJsonObject errors;
    QString message;
    payment.remove("id");
    if (!RetailOrderModel::apply(m_store, *order, QJsonObject { { "payments", QJsonArray { payment } } },
                                 order->value("site").toString(), &errors, &message)) {
        QJsonObject renamed;
        for (auto it = errors.begin(); it != errors.end(); ++it)
            renamed.insert(QString(it.key()).replace(QLatin1String("payments[0]"), QLatin1String("payment")),
                           it.value());
        return Reply::invalid(renamed);
    }
    RetailOrderModel::recordChanges(m_store, before, *order, call.apiKey);
    const QJsonObject now = order->value("payments").toObject();
    qint64 id = 0;
    for (auto it = now.begin(); it != now.end(); ++it) {
        if (!before.value("payments").toObject().contains(it.key()))
            id = it.value().toObject().value("id").toInteger();
    }
    return Reply::ok({ { "id", id } }, 201);
}

HttpResponse RetailHistoryApi::editPayment(RetailCall &call)
{
    QJsonValue input;
    HttpResponse error;
    const QString by = call.param("by").isEmpty() ? QStringLiteral("id") : call.param("by");
    if (!jsonParam(call, "payment", &input, &error))
        return error;
    const QString key = call.args.value(0);
    for (QJsonObject &order : m_store.orders) {
        if (!call.sites.contains(order.value("site").toString()))
            continue;
        const QJsonObject payments = order.value("payments").toObject();
        for (auto it = payments.begin(); it != payments.end(); ++it) {
            const QJsonObject p = it.value().toObject();
            const bool hit = by == QLatin1String("externalId") ? p.value("externalId").toString() == key
                                                               : it.key() == key;
            if (!hit)
                continue;
            QJsonObject patch = input.toObject();
            patch.remove("order");
            patch.insert("id", p.value("id"));
            const QJsonObject before = order;
            QJsonObject errors;
            QString message;
            if (!RetailOrderModel::apply(m_store, order, QJsonObject { { "payments", QJsonArray { patch } } },
                                         order.value("site").toString(), &errors, &message))
                return Reply::invalid(errors);
            RetailOrderModel::recordChanges(m_store, before, order, call.apiKey);
            return Reply::ok({ { "id", p.value("id") } });
        }
    }
    return Reply::notFound();
}

} // namespace Sandbox::RetailCrm
