// SPDX-License-Identifier: GPL-3.0-or-later
#include "RetailOrderModel.h"

#include "RetailCustomFields.h"
#include "RetailCustomersApi.h"
#include "RetailShapes.h"
#include "RetailStore.h"

#include <QJsonArray>

namespace Sandbox::RetailCrm {

namespace RetailOrderModel {

namespace {

QString notExists(const char *entity, const QString &code)
{
    return QStringLiteral("\"%1\" with \"code\"=\"%2\" does not exist.").arg(QLatin1String(entity), code);
}

void checkCode(const QMap<QString, QJsonObject> &dict, const QJsonObject &o, const char *key,
               const char *entity, const QString &path, QJsonObject *errors)
{
    if (o.contains(QLatin1String(key)) && !dict.contains(o.value(QLatin1String(key)).toString()))
        errors->insert(path, notExists(entity, o.value(QLatin1String(key)).toString()));
}

QJsonArray buildItems(RetailStore &store, const QJsonArray &input, const QJsonArray &previous,
                      QJsonObject *errors)
{
    QJsonArray items;
    for (qsizetype i = 0; i < input.size(); ++i) {
        QJsonObject item = input[i].toObject();
        const QString path = QStringLiteral("items[%1]").arg(i);
        const double quantity = item.value("quantity").toDouble(1);
        if (quantity <= 0)
            errors->insert(path + ".quantity", "This value should be greater than 0.");
        item.insert("quantity", quantity);
        const QJsonObject ref = item.value("offer").toObject();
        if (const QJsonObject *offer = ref.isEmpty() ? nullptr : store.offer(ref)) {
            item.insert("offer",
                        QJsonObject { { "id", offer->value("id") },
                                      { "externalId", offer->value("externalId") },
                                      { "xmlId", offer->value("xmlId") },
                                      { "name", offer->value("name") },
                                      { "article", offer->value("article") } });
            if (!item.contains("productName"))
                item.insert("productName", offer->value("name"));
            if (!item.contains("initialPrice"))
                item.insert("initialPrice", offer->value("price"));
        }
        // An item keeps its id across edits when the client names it.
        qint64 id = item.value("id").toInteger();
        bool known = false;
        for (const QJsonValue &p : previous)
            known = known || (id > 0 && p.toObject().value("id").toInteger() == id);
        if (!known)
            id = store.nextItemId++;
        item.insert("id", id);
        item.insert("initialPrice", item.value("initialPrice").toDouble());
        items.append(item);
    }
    return items;
}

void applyPayments(RetailStore &store, QJsonObject &order, const QJsonArray &input, QJsonObject *errors)
{
    QJsonObject payments = order.value("payments").toObject();
    const QString delivery = order.value("delivery").toObject().value("code").toString();
    for (qsizetype i = 0; i < input.size(); ++i) {
        QJsonObject p = input[i].toObject();
        const QString path = QStringLiteral("payments[%1]").arg(i);
        const QString type = p.value("type").toString();
        const QString existingKey = QString::number(p.value("id").toInteger());
        if (!payments.contains(existingKey)) {
            if (!store.paymentTypes.contains(type)) {
                errors->insert(path + ".type", notExists("PaymentType", type));
                continue;
            }
            const QJsonArray allowed = store.deliveryTypes.value(delivery).value("paymentTypes").toArray();
            if (!delivery.isEmpty() && !allowed.isEmpty() && !allowed.contains(type)) {
                errors->insert(path + ".type", "This payment type is not supported for the type of delivery");
                continue;
            }
        }
        checkCode(store.paymentStatuses, p, "status", "PaymentStatus", path + ".status", errors);
        QJsonObject merged = payments.value(existingKey).toObject();
        if (merged.isEmpty()) {
            const qint64 id = store.nextPaymentId++;
            merged = QJsonObject { { "id", id }, { "status", "not-paid" } };
        }
        for (auto it = p.begin(); it != p.end(); ++it) {
            if (it.key() != QLatin1String("id"))
                merged.insert(it.key(), it.value());
        }
        payments.insert(QString::number(merged.value("id").toInteger()), merged);
    }
    order.insert("payments", payments);
}

void recompute(QJsonObject &order)
{
    double summ = 0;
    for (const QJsonValue &v : order.value("items").toArray()) {
        const QJsonObject item = v.toObject();
        summ += (item.value("initialPrice").toDouble() - item.value("discountManualAmount").toDouble())
            * item.value("quantity").toDouble();
    }
    order.insert("summ", summ);
    order.insert("totalSumm",
                 summ + order.value("delivery").toObject().value("cost").toDouble()
                     - order.value("discountManualAmount").toDouble());
}

} // namespace

bool apply(RetailStore &store, QJsonObject &order, const QJsonObject &input, const QString &site,
           QJsonObject *errors, QString *message)
{
    *message = QStringLiteral("Errors in the entity format");
    checkCode(store.statuses, input, "status", "Status", QStringLiteral("status"), errors);
    checkCode(store.orderTypes, input, "orderType", "OrderType", QStringLiteral("orderType"), errors);
    checkCode(store.orderMethods, input, "orderMethod", "OrderMethod", QStringLiteral("orderMethod"), errors);
    const QJsonObject delivery = input.value("delivery").toObject();
    checkCode(store.deliveryTypes, delivery, "code", "DeliveryType", QStringLiteral("delivery.code"), errors);
    const QString email = input.value("email").toString();
    if (!email.isEmpty() && !email.contains('@'))
        errors->insert("email", "This value is not a valid email address.");
    if (input.contains("items") && !input.value("items").isArray())
        errors->insert("items", "This value should be of type array.");

    QJsonObject next = order;
    for (auto it = input.begin(); it != input.end(); ++it) {
        static const QStringList special { "id",       "site",         "items",   "delivery",
                                           "payments", "customFields", "customer" };
        if (!special.contains(it.key()))
            next.insert(it.key(), it.value());
    }
    if (input.contains("customer")) {
        const QJsonObject ref = input.value("customer").toObject();
        const bool byId = ref.contains("id");
        const QString value
            = byId ? QString::number(ref.value("id").toInteger()) : ref.value("externalId").toString();
        const QJsonObject *customer
            = store.customer(byId ? QStringLiteral("id") : QStringLiteral("externalId"), value, site);
        if (!customer) {
            errors->insert(
                byId ? QStringLiteral("customer.id") : QStringLiteral("customer.externalId"),
                QStringLiteral("Customer with %1=%2 not found.").arg(byId ? "id" : "externalId", value));
        } else {
            next.insert("customer",
                        QJsonObject { { "type", "customer" },
                                      { "id", customer->value("id") },
                                      { "externalId", customer->value("externalId") },
                                      { "site", customer->value("site") } });
        }
    }
    if (input.contains("items"))
        next.insert(
            "items",
            buildItems(store, input.value("items").toArray(), order.value("items").toArray(), errors));
    if (input.contains("delivery")) {
        QJsonObject d = next.value("delivery").toObject();
        for (auto it = delivery.begin(); it != delivery.end(); ++it)
            d.insert(it.key(), it.value());
        if (delivery.contains("code") && !delivery.contains("cost") && !d.contains("cost"))
            d.insert("cost",
                     store.deliveryTypes.value(delivery.value("code").toString()).value("defaultCost"));
        next.insert("delivery", d);
    }
    if (input.contains("payments"))
        applyPayments(store, next, input.value("payments").toArray(), errors);
    if (input.contains("customFields")) {
        QJsonObject fields = next.value("customFields").toObject();
        RetailCustomFields::merge(store, QStringLiteral("order"), fields,
                                  input.value("customFields").toObject(), errors);
        next.insert("customFields", fields);
    }
    if (!errors->isEmpty())
        return false;
    if (next.value("status") != order.value("status"))
        next.insert("statusUpdatedAt", store.now());
    recompute(next);
    order = next;
    return true;
}

QJsonObject create(RetailStore &store, const QJsonObject &input, const QString &site, const QString &apiKey,
                   QJsonObject *errors, QString *message)
{
    const QString externalId = input.value("externalId").toString();
    if (!externalId.isEmpty() && store.order(QStringLiteral("externalId"), externalId, site)) {
        // Logged by the modules as "[ordersCreate] Order already exists." with no field errors after it
        // (retailcrm/opencart-module#109).
        *message = QStringLiteral("Order already exists.");
        return {};
    }
    QString orderType;
    for (const QJsonObject &t : std::as_const(store.orderTypes)) {
        if (t.value("defaultForApi").toBool())
            orderType = t.value("code").toString();
    }
    QJsonObject order { { "site", site },
                        { "status", "new" },
                        { "createdAt", store.now() },
                        { "items", QJsonArray() },
                        { "payments", QJsonObject() },
                        { "delivery", QJsonObject() },
                        { "customFields", QJsonObject() } };
    if (!orderType.isEmpty())
        order.insert("orderType", orderType);
    if (!apply(store, order, input, site, errors, message)) {
        // orders/create refuses with this message and the field errors (retailcrm/1C-configuration#150,
        // retailcrm/opencart-module#109, #150, #177).
        *message = QStringLiteral("Order is not loaded");
        return {};
    }
    const qint64 id = store.nextOrderId++;
    order.insert("id", id);
    if (!order.contains("number"))
        order.insert("number", QStringLiteral("%1A").arg(id));
    order.insert("statusUpdatedAt", order.value("createdAt"));
    if (!order.contains("customer")) {
        // RetailCRM makes a customer from the order's contact fields when none is linked.
        QJsonObject contact;
        for (const char *key : { "firstName", "lastName", "patronymic", "email" }) {
            if (order.contains(QLatin1String(key)))
                contact.insert(QLatin1String(key), order.value(QLatin1String(key)));
        }
        if (order.contains("phone"))
            contact.insert("phones", QJsonArray { QJsonObject { { "number", order.value("phone") } } });
        QJsonObject ignored;
        QString ignoredMessage;
        const QJsonObject c = RetailCustomersApi::create(store, contact, site, &ignored, &ignoredMessage);
        order.insert("customer",
                     QJsonObject { { "type", "customer" }, { "id", c.value("id") }, { "site", site } });
    }
    store.orders.insert(id, order);
    // A created order's entry is on the status field, from null to the first status, with the full order
    // (api-client-php OrdersTest::testHistory).
    store.addHistory(RetailShapes::orderWithPaymentList(order), QStringLiteral("status"), QJsonValue::Null,
                     QJsonObject { { "code", order.value("status") } }, apiKey,
                     QJsonObject { { "created", true } });
    return order;
}

void recordChanges(RetailStore &store, const QJsonObject &before, const QJsonObject &after,
                   const QString &apiKey)
{
    auto code = [](const QJsonValue &v) {
        return v.isUndefined() || v.isNull() || v.toString().isEmpty()
            ? QJsonValue()
            : QJsonValue(QJsonObject { { "code", v } });
    };
    auto diff = [&](const QString &field, const QJsonValue &a, const QJsonValue &b, bool isCode,
                    const QJsonObject &extra = {}) {
        if (a == b)
            return;
        store.addHistory(after, field, isCode ? code(a) : a, isCode ? code(b) : b, apiKey, extra);
    };
    diff("status", before.value("status"), after.value("status"), true);
    const QJsonObject d0 = before.value("delivery").toObject(), d1 = after.value("delivery").toObject();
    diff("delivery_type", d0.value("code"), d1.value("code"), true);
    diff("delivery_cost", d0.value("cost"), d1.value("cost"), false);
    diff("customer_comment", before.value("customerComment"), after.value("customerComment"), false);
    diff("manager_comment", before.value("managerComment"), after.value("managerComment"), false);
    const QJsonObject f0 = before.value("customFields").toObject(),
                      f1 = after.value("customFields").toObject();
    QStringList codes = f0.keys() + f1.keys();
    codes.removeDuplicates();
    for (const QString &code : std::as_const(codes))
        diff(QStringLiteral("custom_") + code, f0.value(code).isUndefined() ? QJsonValue() : f0.value(code),
             f1.value(code).isUndefined() ? QJsonValue() : f1.value(code), false);
    const QJsonObject p0 = before.value("payments").toObject(), p1 = after.value("payments").toObject();
    for (auto it = p1.begin(); it != p1.end(); ++it) {
        const QJsonObject p = it.value().toObject();
        const QJsonObject ref { { "id", p.value("id") },
                                { "type", p.value("type") },
                                { "externalId", p.value("externalId") } };
        diff("payments.status", p0.value(it.key()).toObject().value("status"), p.value("status"), true,
             QJsonObject { { "payment", ref } });
    }
}

} // namespace RetailOrderModel

} // namespace Sandbox::RetailCrm
