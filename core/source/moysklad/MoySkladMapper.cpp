// SPDX-License-Identifier: GPL-3.0-or-later
#include "MoySkladMapper.h"

#include <QJsonArray>
#include <QTimeZone>
#include <cmath>

namespace Source::MoySklad::MoySkladMapper {

namespace {

constexpr int kMoscowOffsetSecs = 3 * 3600;

double roubles(const QJsonValue &kopecks)
{
    return std::round(kopecks.toDouble()) / 100.0;
}

QString idOfLink(const QJsonValue &link)
{
    const QString href = link.toObject().value("meta").toObject().value("href").toString();
    return href.section('/', -1).section('?', 0, 0);
}

} // namespace

QDateTime fromMoscowTime(const QString &text)
{
    QDateTime local = QDateTime::fromString(text.left(23), QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"));
    if (!local.isValid())
        local = QDateTime::fromString(text.left(19), QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    if (!local.isValid())
        return {};
    return QDateTime(local.date(), local.time(), QTimeZone(kMoscowOffsetSecs)).toUTC();
}

bool isPrivatePerson(const QJsonObject &counterparty)
{
    return counterparty.value("companyType").toString() == QLatin1String("individual");
}

Model::Customer customerOf(const QJsonObject &counterparty)
{
    Model::Customer customer;
    customer.id = counterparty.value("id").toString();
    customer.name = counterparty.value("name").toString();
    customer.phone = counterparty.value("phone").toString();
    customer.email = counterparty.value("email").toString();
    QJsonObject extra;
    extra.insert("company_type", counterparty.value("companyType").toString());
    if (counterparty.contains("discountCardNumber"))
        extra.insert("bonus_card", counterparty.value("discountCardNumber").toString());
    if (counterparty.contains("bonusPoints"))
        extra.insert("bonus_points", counterparty.value("bonusPoints").toDouble());
    if (counterparty.contains("salesAmount"))
        extra.insert("sales_amount", roubles(counterparty.value("salesAmount")));
    for (const char *field : { "code", "externalCode", "sex", "birthDate" }) {
        if (counterparty.contains(QLatin1String(field)))
            extra.insert(QLatin1String(field), counterparty.value(QLatin1String(field)));
    }
    customer.extra = extra;
    return customer;
}

Model::ShopOrder orderOf(const QJsonObject &document, const QString &kind)
{
    Model::ShopOrder order;
    order.id = document.value("id").toString();
    order.number = document.value("name").toString();
    order.createdAt = fromMoscowTime(document.value("moment").toString());
    order.updatedAt = fromMoscowTime(document.value("updated").toString());
    order.cost = roubles(document.value("sum"));
    order.comment = document.value("description").toString();
    order.context = QStringLiteral("moysklad");
    const QJsonObject agent = document.value("agent").toObject();
    order.customer
        = agent.contains("name") ? customerOf(agent) : Model::Customer { idOfLink(agent), {}, {}, {}, {} };
    double cart = 0;
    for (const QJsonValue &value : document.value("positions").toObject().value("rows").toArray()) {
        const QJsonObject position = value.toObject();
        const QJsonObject product = position.value("assortment").toObject();
        Model::OrderLine line;
        line.productId = product.contains("id") ? product.value("id").toString() : idOfLink(product);
        line.name = product.value("name").toString();
        line.article = product.value("article").toString();
        line.quantity = position.value("quantity").toDouble();
        const double discount = position.value("discount").toDouble();
        line.price = std::round(position.value("price").toDouble() * (100.0 - discount) / 100.0) / 100.0;
        line.cost
            = std::round(position.value("price").toDouble() * line.quantity * (100.0 - discount) / 100.0)
            / 100.0;
        if (product.contains("productFolder"))
            line.categoryIds = QStringList { idOfLink(product.value("productFolder")) };
        cart += line.cost;
        order.lines.append(line);
    }
    order.cartCost = cart;
    QJsonObject properties { { "moysklad_type", kind } };
    if (document.contains("retailStore"))
        properties.insert("retail_store", idOfLink(document.value("retailStore")));
    for (const char *field : { "cashSum", "noCashSum", "qrSum", "payedSum" }) {
        if (document.contains(QLatin1String(field)))
            properties.insert(QLatin1String(field), roubles(document.value(QLatin1String(field))));
    }
    order.properties = properties;
    return order;
}

} // namespace Source::MoySklad::MoySkladMapper
