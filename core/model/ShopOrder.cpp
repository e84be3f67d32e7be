// SPDX-License-Identifier: GPL-3.0-or-later
#include "ShopOrder.h"

#include <QJsonArray>

namespace Model {

namespace {
QString str(const QJsonObject &json, const char *key)
{
    return json.value(QLatin1String(key)).toString();
}
double num(const QJsonObject &json, const char *key)
{
    return json.value(QLatin1String(key)).toDouble();
}
QJsonValue dateToJson(const QDateTime &dt)
{
    return dt.isValid() ? QJsonValue(dt.toUTC().toString(Qt::ISODateWithMs)) : QJsonValue();
}
QDateTime dateFromJson(const QJsonValue &value)
{
    return QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
}
} // namespace

QJsonObject OrderLine::toJson() const
{
    return { { QStringLiteral("product_id"), productId },
             { QStringLiteral("name"), name },
             { QStringLiteral("article"), article },
             { QStringLiteral("quantity"), quantity },
             { QStringLiteral("price"), price },
             { QStringLiteral("cost"), cost },
             { QStringLiteral("weight"), weight },
             { QStringLiteral("options"), options },
             { QStringLiteral("category_ids"), QJsonArray::fromStringList(categoryIds) } };
}

OrderLine OrderLine::fromJson(const QJsonObject &json)
{
    OrderLine line;
    line.productId = str(json, "product_id");
    line.name = str(json, "name");
    line.article = str(json, "article");
    line.quantity = num(json, "quantity");
    line.price = num(json, "price");
    line.cost = num(json, "cost");
    line.weight = num(json, "weight");
    line.options = json.value(QLatin1String("options")).toObject();
    for (const QJsonValue &id : json.value(QLatin1String("category_ids")).toArray())
        line.categoryIds << id.toString();
    return line;
}

QJsonObject Address::toJson() const
{
    return { { QStringLiteral("receiver"), receiver }, { QStringLiteral("phone"), phone },
             { QStringLiteral("email"), email },       { QStringLiteral("country"), country },
             { QStringLiteral("index"), index },       { QStringLiteral("region"), region },
             { QStringLiteral("city"), city },         { QStringLiteral("metro"), metro },
             { QStringLiteral("street"), street },     { QStringLiteral("building"), building },
             { QStringLiteral("entrance"), entrance }, { QStringLiteral("floor"), floor },
             { QStringLiteral("room"), room },         { QStringLiteral("comment"), comment },
             { QStringLiteral("text"), text } };
}

Address Address::fromJson(const QJsonObject &json)
{
    Address a;
    a.receiver = str(json, "receiver");
    a.phone = str(json, "phone");
    a.email = str(json, "email");
    a.country = str(json, "country");
    a.index = str(json, "index");
    a.region = str(json, "region");
    a.city = str(json, "city");
    a.metro = str(json, "metro");
    a.street = str(json, "street");
    a.building = str(json, "building");
    a.entrance = str(json, "entrance");
    a.floor = str(json, "floor");
    a.room = str(json, "room");
    a.comment = str(json, "comment");
    a.text = str(json, "text");
    return a;
}

QJsonObject ShopOrder::toJson() const
{
    QJsonArray lineArray;
    for (const OrderLine &line : lines)
        lineArray.append(line.toJson());
    QJsonObject utmObject;
    for (auto it = utm.cbegin(); it != utm.cend(); ++it)
        utmObject.insert(it.key(), it.value());
    return { { QStringLiteral("id"), id },
             { QStringLiteral("number"), number },
             { QStringLiteral("created_at"), dateToJson(createdAt) },
             { QStringLiteral("updated_at"), dateToJson(updatedAt) },
             { QStringLiteral("status_id"), statusId },
             { QStringLiteral("status_name"), statusName },
             { QStringLiteral("cost"), cost },
             { QStringLiteral("cart_cost"), cartCost },
             { QStringLiteral("delivery_cost"), deliveryCost },
             { QStringLiteral("weight"), weight },
             { QStringLiteral("delivery_id"), deliveryId },
             { QStringLiteral("delivery_name"), deliveryName },
             { QStringLiteral("payment_id"), paymentId },
             { QStringLiteral("payment_name"), paymentName },
             { QStringLiteral("comment"), comment },
             { QStringLiteral("context"), context },
             { QStringLiteral("customer"), customer.toJson() },
             { QStringLiteral("address"), address.toJson() },
             { QStringLiteral("lines"), lineArray },
             { QStringLiteral("properties"), properties },
             { QStringLiteral("utm"), utmObject } };
}

ShopOrder ShopOrder::fromJson(const QJsonObject &json)
{
    ShopOrder o;
    o.id = str(json, "id");
    o.number = str(json, "number");
    o.createdAt = dateFromJson(json.value(QLatin1String("created_at")));
    o.updatedAt = dateFromJson(json.value(QLatin1String("updated_at")));
    o.statusId = str(json, "status_id");
    o.statusName = str(json, "status_name");
    o.cost = num(json, "cost");
    o.cartCost = num(json, "cart_cost");
    o.deliveryCost = num(json, "delivery_cost");
    o.weight = num(json, "weight");
    o.deliveryId = str(json, "delivery_id");
    o.deliveryName = str(json, "delivery_name");
    o.paymentId = str(json, "payment_id");
    o.paymentName = str(json, "payment_name");
    o.comment = str(json, "comment");
    o.context = str(json, "context");
    o.customer = Customer::fromJson(json.value(QLatin1String("customer")).toObject());
    o.address = Address::fromJson(json.value(QLatin1String("address")).toObject());
    for (const QJsonValue &line : json.value(QLatin1String("lines")).toArray())
        o.lines.append(OrderLine::fromJson(line.toObject()));
    o.properties = json.value(QLatin1String("properties")).toObject();
    const QJsonObject utmObject = json.value(QLatin1String("utm")).toObject();
    for (auto it = utmObject.begin(); it != utmObject.end(); ++it)
        o.utm.insert(it.key(), it.value().toString());
    return o;
}

} // namespace Model
