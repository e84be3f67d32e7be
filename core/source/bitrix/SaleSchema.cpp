// SPDX-License-Identifier: GPL-3.0-or-later
#include "SaleSchema.h"

namespace Source::Bitrix {

using Common::Error;
using Common::Result;

QString SaleSchema::layoutName() const
{
    QString name = hasPayments && hasShipments ? QStringLiteral("sale 16+ (payments, shipments)")
                                               : QStringLiteral("sale (order-level delivery and payment)");
    name += QStringLiteral(", ") + charset;
    if (stored != SiteCharset::Stored::AsDeclared)
        name += QStringLiteral(" (read as %1)").arg(SiteCharset::name(stored));
    return name;
}

QString SaleSchema::text(const QVariant &value) const
{
    if (value.isNull())
        return {};
    return SiteCharset::repair(value.toString(), stored).trimmed();
}

Result<QSet<QString>> SaleSchema::columns(ShopDb &db, const char *table)
{
    const QString sql = db.isSqlite() ? QStringLiteral("PRAGMA table_info(%1)").arg(db.table(table))
                                      : QStringLiteral("SHOW COLUMNS FROM %1").arg(db.table(table));
    auto query = db.exec(sql);
    if (!query) {
        // MySQL 1146: the table does not exist.
        if (query.error().message.contains(QLatin1String("1146"))
            || query.error().message.contains(QLatin1String("doesn't exist")))
            return Error::notFound(QStringLiteral("The shop has no table %1").arg(db.table(table)));
        return query.error();
    }
    QSet<QString> names;
    const int column = db.isSqlite() ? 1 : 0;
    while (query->next())
        names.insert(query->value(column).toString().toUpper());
    if (names.isEmpty())
        return Error::notFound(QStringLiteral("The shop has no table %1").arg(db.table(table)));
    return names;
}

Result<SaleSchema> SaleSchema::probe(ShopDb &db, std::optional<SiteCharset::Stored> stored,
                                     const QString &site)
{
    auto orders = columns(db, "sale_order");
    if (!orders) {
        if (orders.error().kind == Common::ErrorKind::NotFound)
            return Error::permanent(
                QStringLiteral("%1 — is this the database of a 1C-Bitrix site with the online store "
                               "(sale) module?")
                    .arg(orders.error().message),
                QStringLiteral("not-bitrix"));
        return orders.error();
    }
    for (const char *needed : { "ID", "LID", "PERSON_TYPE_ID", "STATUS_ID", "DATE_INSERT", "DATE_UPDATE",
                                "DATE_STATUS", "PRICE", "USER_ID" }) {
        if (!orders->contains(QLatin1String(needed)))
            return Error::permanent(
                QStringLiteral("%1 has no column %2: not a Bitrix sale order table this version knows")
                    .arg(db.table("sale_order"), QLatin1String(needed)),
                QStringLiteral("unknown-layout"));
    }
    SaleSchema schema;
    for (const char *needed :
         { "sale_order_props", "sale_order_props_value", "sale_basket", "sale_status", "sale_person_type" }) {
        auto found = columns(db, needed);
        if (!found)
            return found.error().kind == Common::ErrorKind::NotFound
                ? Error::permanent(found.error().message, QStringLiteral("unknown-layout"))
                : found.error();
        if (qstrcmp(needed, "sale_basket") == 0)
            schema.basketColumns = found.value();
    }
    schema.orderColumns = orders.value();
    auto has = [&db](const char *table) { return columns(db, table).ok(); };
    schema.hasPayments = has("sale_order_payment");
    schema.hasShipments = has("sale_order_delivery");
    schema.hasOrderChange = has("sale_order_change");
    schema.hasPersonDomains = has("sale_bizval_persondomain");
    schema.hasStatusLang = has("sale_status_lang");
    schema.hasForms = has("form_result") && has("form_result_answer");
    schema.hasIblockSections = has("iblock_section") && has("iblock_element");
    schema.hasDeliveryServices = has("sale_delivery_srv");
    schema.hasPaySystems = has("sale_pay_system");
    if (db.isSqlite()) {
        schema.charset = QStringLiteral("utf8");
    } else {
        // An old install keeps its tables in cp1251; the server converts to the connection's utf8mb4
        // both ways, so the reader sees Unicode either way. Tables declared latin1 may hold other bytes.
        auto charset = db.scalar(
            QStringLiteral(
                "SELECT CHARACTER_SET_NAME FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE()"
                " AND TABLE_NAME = ? AND CHARACTER_SET_NAME IS NOT NULL LIMIT 1"),
            { db.prefix() + QStringLiteral("sale_order") });
        if (!charset)
            return charset.error();
        schema.charset = charset->toString();
        if (stored) {
            schema.stored = *stored;
        } else {
            auto found = SiteCharset::detect(db, schema.charset, site);
            if (!found)
                return found.error();
            schema.stored = found.value();
        }
    }
    return schema;
}

} // namespace Source::Bitrix
