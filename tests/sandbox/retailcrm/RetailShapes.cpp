// SPDX-License-Identifier: GPL-3.0-or-later
#include "RetailShapes.h"

#include <QJsonArray>

namespace Sandbox::RetailCrm::RetailShapes {

namespace {

void emptyCustomFieldsAsList(QJsonObject &entity)
{
    const QJsonValue fields = entity.value("customFields");
    if (fields.isUndefined() || (fields.isObject() && fields.toObject().isEmpty()))
        entity.insert("customFields", QJsonArray());
}

} // namespace

QJsonObject orderWithPaymentMap(const QJsonObject &stored)
{
    QJsonObject order = stored;
    if (!order.value("payments").isObject())
        order.insert("payments", QJsonObject());
    emptyCustomFieldsAsList(order);
    return order;
}

QJsonObject orderWithPaymentList(const QJsonObject &stored)
{
    QJsonObject order = stored;
    const QJsonObject payments = order.take("payments").toObject();
    if (!payments.isEmpty()) {
        // The map's keys are the ids as text, so sort by number for the order they were added in.
        QList<QJsonObject> list;
        for (const QJsonValue &p : payments)
            list.append(p.toObject());
        std::sort(list.begin(), list.end(), [](const QJsonObject &a, const QJsonObject &b) {
            return a.value("id").toInteger() < b.value("id").toInteger();
        });
        QJsonArray array;
        for (const QJsonObject &p : std::as_const(list))
            array.append(p);
        order.insert("payments", array);
    }
    emptyCustomFieldsAsList(order);
    return order;
}

QJsonObject customer(const QJsonObject &stored)
{
    QJsonObject c = stored;
    emptyCustomFieldsAsList(c);
    return c;
}

} // namespace Sandbox::RetailCrm::RetailShapes
