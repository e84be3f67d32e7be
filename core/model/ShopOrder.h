// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Customer.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace Model {

/** One cart line of an order, with the product's categories (main first) for pipeline routing. */
struct OrderLine
{
    QString productId;
    QString name;
    QString article;
    double quantity = 0;
    double price = 0;
    double cost = 0; ///< price × quantity, as the shop stored it
    double weight = 0;
    QJsonObject options; ///< {"color":"red","size":"L"}
    QStringList categoryIds;

    QJsonObject toJson() const;
    static OrderLine fromJson(const QJsonObject &json);
    bool operator==(const OrderLine &) const = default;
};

/** The delivery address and the receiver of an order. */
struct Address
{
    QString receiver, phone, email, country, index, region, city, metro, street, building, entrance, floor,
        room, comment, text;

    QJsonObject toJson() const;
    static Address fromJson(const QJsonObject &json);
    bool operator==(const Address &) const = default;
};

/**
 * An order as a shop source read it: everything the mapping can put into a deal. Value type;
 * serialised into the job payload so a job can be resent after the shop changed.
 */
struct ShopOrder
{
    QString id; ///< the shop's primary key
    QString number; ///< what people say: "2311/14"
    QDateTime createdAt;
    QDateTime updatedAt;
    QString statusId;
    QString statusName;
    double cost = 0;
    double cartCost = 0;
    double deliveryCost = 0;
    double weight = 0;
    QString deliveryId, deliveryName;
    QString paymentId, paymentName;
    QString comment;
    QString context;
    Customer customer;
    Address address;
    QList<OrderLine> lines;
    QJsonObject properties; ///< the shop's free-form order properties
    QMap<QString, QString> utm; ///< utm_source … utm_term, and similar tracking values

    QJsonObject toJson() const;
    static ShopOrder fromJson(const QJsonObject &json);
    bool operator==(const ShopOrder &) const = default;
};

} // namespace Model
