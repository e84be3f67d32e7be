// SPDX-License-Identifier: GPL-3.0-or-later
#include "ShopSchema.h"

namespace Source::MiniShop2 {

using Common::Error;
using Common::Result;

QString ShopSchema::layoutName() const
{
    return addressesHaveOrderId ? QStringLiteral("4.x") : QStringLiteral("3.x");
}

Result<QSet<QString>> ShopSchema::columns(ShopDb &db, const char *table)
{
    const QString sql = db.isSqlite() ? QStringLiteral("PRAGMA table_info(%1)").arg(db.table(table))
                                      : QStringLiteral("SHOW COLUMNS FROM %1").arg(db.table(table));
    auto query = db.exec(sql);
    if (!query) {
        // MySQL 1146: table does not exist.
        if (query.error().message.contains(QLatin1String("1146"))
            || query.error().message.contains(QLatin1String("doesn't exist")))
            return Error::notFound(QStringLiteral("The shop has no table %1").arg(db.table(table)));
        return query.error();
    }
    QSet<QString> names;
    const int column = db.isSqlite() ? 1 : 0;
    while (query->next())
        names.insert(query->value(column).toString().toLower());
    if (names.isEmpty())
        return Error::notFound(QStringLiteral("The shop has no table %1").arg(db.table(table)));
    return names;
}

Result<ShopSchema> ShopSchema::probe(ShopDb &db)
{
    auto orders = columns(db, "ms2_orders");
    if (!orders) {
        if (orders.error().kind == Common::ErrorKind::NotFound)
            return Error::permanent(
                QStringLiteral("%1 — is this a miniShop2 database, and is the table prefix "
                               "\"%2\" right?")
                    .arg(orders.error().message, db.prefix()),
                QStringLiteral("not-minishop2"));
        return orders.error();
    }
    auto addresses = columns(db, "ms2_order_addresses");
    if (!addresses)
        return addresses.error();
    ShopSchema schema;
    schema.orderColumns = orders.value();
    schema.addressColumns = addresses.value();
    schema.ordersHaveAddressColumn = orders->contains(QStringLiteral("address"));
    schema.addressesHaveOrderId = addresses->contains(QStringLiteral("order_id"));
    if (orders->contains(QStringLiteral("order_comment")))
        schema.orderCommentColumn = QStringLiteral("order_comment");
    else if (orders->contains(QStringLiteral("comment")))
        schema.orderCommentColumn = QStringLiteral("comment");
    if (!schema.ordersHaveAddressColumn && !schema.addressesHaveOrderId)
        return Error::permanent(
            QStringLiteral("Cannot tell how addresses link to orders: %1 has no `address` "
                           "column and %2 no `order_id`")
                .arg(db.table("ms2_orders"), db.table("ms2_order_addresses")),
            QStringLiteral("unknown-layout"));
    schema.hasProductCategories = columns(db, "ms2_product_categories").ok();
    schema.hasUserAttributes = columns(db, "user_attributes").ok();
    return schema;
}

} // namespace Source::MiniShop2
