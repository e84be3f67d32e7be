// SPDX-License-Identifier: GPL-3.0-or-later
#include "OrderReader.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QSqlRecord>

namespace Source::MiniShop2 {

using Common::Error;
using Common::Result;

namespace {

const char *const kAddressFields[][2] = {
    { "receiver", "receiver" }, { "phone", "phone" },       { "email", "email" },
    { "country", "country" },   { "index", "index" },       { "region", "region" },
    { "city", "city" },         { "metro", "metro" },       { "street", "street" },
    { "building", "building" }, { "entrance", "entrance" }, { "floor", "floor" },
    { "room", "room" },         { "comment", "comment" },   { "text_address", "text" },
};

QJsonObject parseJsonObject(const QVariant &value)
{
    const QJsonDocument doc = QJsonDocument::fromJson(value.toString().toUtf8());
    return doc.isObject() ? doc.object() : QJsonObject();
}

QString text(const QVariant &value)
{
    return value.isNull() ? QString() : value.toString().trimmed();
}

} // namespace

OrderReader::OrderReader(ShopDb &db, ShopSchema schema)
    : m_db(db)
    , m_schema(std::move(schema))
{ }

QDateTime OrderReader::toDateTime(const QVariant &value)
{
    if (value.isNull())
        return {};
    QDateTime at;
    if (value.typeId() == QMetaType::QDateTime) {
        at = value.toDateTime();
    } else {
        const QString string = value.toString();
        at = QDateTime::fromString(string, QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        if (!at.isValid())
            at = QDateTime::fromString(string, Qt::ISODate);
    }
    if (!at.isValid())
        return {};
    // MODX stores the server's local time without a zone.
    at.setTimeSpec(Qt::LocalTime);
    return at.toUTC();
}

QString OrderReader::fromDateTime(const QDateTime &at)
{
    return at.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

QString OrderReader::idList(const QList<qint64> &ids)
{
    QStringList parts;
    for (qint64 id : ids)
        parts << QString::number(id);
    return parts.join(QLatin1Char(','));
}

Result<QList<OrderReader::Head>> OrderReader::heads(qint64 after, int limit, const QList<qint64> &tracked)
{
    QList<Head> heads;
    QSet<qint64> seen;
    auto query = m_db.exec(QStringLiteral("SELECT id, status FROM %1 WHERE id > ? ORDER BY id LIMIT ?")
                               .arg(m_db.table("ms2_orders")),
                           { after, limit });
    if (!query)
        return query.error();
    while (query->next()) {
        heads.append({ query->value(0).toLongLong(), query->value(1).toInt() });
        seen.insert(heads.last().id);
    }
    if (!tracked.isEmpty()) {
        auto more = m_db.exec(QStringLiteral("SELECT id, status FROM %1 WHERE id IN (%2)")
                                  .arg(m_db.table("ms2_orders"), idList(tracked)));
        if (!more)
            return more.error();
        while (more->next()) {
            if (!seen.contains(more->value(0).toLongLong()))
                heads.append({ more->value(0).toLongLong(), more->value(1).toInt() });
        }
    }
    return heads;
}

Common::Status OrderReader::loadNames()
{
    if (m_namesLoaded)
        return {};
    const std::pair<const char *, QHash<QString, QString> *> tables[]
        = { { "ms2_deliveries", &m_deliveries },
            { "ms2_payments", &m_payments },
            { "ms2_order_statuses", &m_statuses } };
    for (const auto &[table, names] : tables) {
        auto query = m_db.exec(QStringLiteral("SELECT id, name FROM %1").arg(m_db.table(table)));
        if (!query)
            return query.error();
        names->clear();
        while (query->next())
            names->insert(query->value(0).toString(), query->value(1).toString());
    }
    m_namesLoaded = true;
    return {};
}

Result<Model::ShopOrder> OrderReader::order(qint64 id)
{
    if (auto names = loadNames(); !names)
        return names.error();
    QString columns = QStringLiteral("id, user_id, num, createdon, updatedon, status, cost, cart_cost, "
                                     "delivery_cost, weight, delivery, payment, context, properties");
    columns += m_schema.orderCommentColumn.isEmpty()
        ? QStringLiteral(", ''")
        : QStringLiteral(", `%1`").arg(m_schema.orderCommentColumn);
    columns += m_schema.ordersHaveAddressColumn ? QStringLiteral(", address") : QStringLiteral(", 0");
    auto query = m_db.exec(
        QStringLiteral("SELECT %1 FROM %2 WHERE id = ?").arg(columns, m_db.table("ms2_orders")), { id });
    if (!query)
        return query.error();
    if (!query->next())
        return Error::notFound(QStringLiteral("The shop has no order %1").arg(id));
    const QSqlQuery &row = query.value();
    Model::ShopOrder order;
    order.id = row.value(0).toString();
    const qint64 userId = row.value(1).toLongLong();
    order.number = text(row.value(2));
    order.createdAt = toDateTime(row.value(3));
    order.updatedAt = toDateTime(row.value(4));
    order.statusId = row.value(5).toString();
    order.statusName = m_statuses.value(order.statusId);
    order.cost = row.value(6).toDouble();
    order.cartCost = row.value(7).toDouble();
    order.deliveryCost = row.value(8).toDouble();
    order.weight = row.value(9).toDouble();
    order.deliveryId = row.value(10).toString();
    order.deliveryName = m_deliveries.value(order.deliveryId);
    order.paymentId = row.value(11).toString();
    order.paymentName = m_payments.value(order.paymentId);
    order.context = text(row.value(12));
    order.properties = parseJsonObject(row.value(13));
    order.comment = text(row.value(14));
    const qint64 addressId = row.value(15).toLongLong();
    query = QSqlQuery();

    for (auto it = order.properties.begin(); it != order.properties.end(); ++it) {
        if (it.key().startsWith(QLatin1String("utm_")) && it.value().isString())
            order.utm.insert(it.key(), it.value().toString());
    }
    const QJsonObject utm = order.properties.value(QStringLiteral("utm")).toObject();
    for (auto it = utm.begin(); it != utm.end(); ++it)
        order.utm.insert(QStringLiteral("utm_") + it.key(), it.value().toString());

    auto addr = address(id, addressId);
    if (!addr)
        return addr.error();
    order.address = addr.value();
    if (userId > 0) {
        auto customer = profile(userId);
        if (!customer)
            return customer.error();
        order.customer = customer.value();
    }
    auto orderLines = lines(id);
    if (!orderLines)
        return orderLines.error();
    order.lines = orderLines.value();
    return order;
}

Result<Model::Address> OrderReader::address(qint64 orderId, qint64 addressId)
{
    QStringList columns;
    QList<const char *> targets;
    for (const auto &field : kAddressFields) {
        if (m_schema.addressColumns.contains(QLatin1String(field[0]))) {
            columns << QStringLiteral("`%1`").arg(QLatin1String(field[0]));
            targets << field[1];
        }
    }
    Model::Address address;
    if (columns.isEmpty())
        return address;
    const QString select = QStringLiteral("SELECT %1 FROM %2 ")
                               .arg(columns.join(QStringLiteral(", ")), m_db.table("ms2_order_addresses"));
    // 4.x links the address to the order; on an upgraded shop old rows may still only be linked the 3.x way.
    std::optional<QSqlQuery> found;
    if (m_schema.addressesHaveOrderId) {
        auto query
            = m_db.exec(select + QStringLiteral("WHERE order_id = ? ORDER BY id DESC LIMIT 1"), { orderId });
        if (!query)
            return query.error();
        if (query->next())
            found = query.value();
    }
    if (!found && addressId > 0) {
        auto query = m_db.exec(select + QStringLiteral("WHERE id = ?"), { addressId });
        if (!query)
            return query.error();
        if (query->next())
            found = query.value();
    }
    if (!found)
        return address;
    QJsonObject json;
    for (int i = 0; i < targets.size(); ++i)
        json.insert(QLatin1String(targets[i]), text(found->value(i)));
    return Model::Address::fromJson(json);
}

Result<QList<Model::Customer>> OrderReader::customersAfter(qint64 after, int limit)
{
    auto query = m_db.exec(
        QStringLiteral("SELECT id FROM %1 WHERE id > ? ORDER BY id LIMIT ?").arg(m_db.table("users")),
        { after, limit });
    if (!query)
        return query.error();
    QList<qint64> ids;
    while (query->next())
        ids << query->value(0).toLongLong();
    QList<Model::Customer> customers;
    for (qint64 id : std::as_const(ids)) {
        auto customer = profile(id);
        if (!customer)
            return customer.error();
        customers.append(customer.value());
    }
    return customers;
}

Result<Model::Customer> OrderReader::profile(qint64 userId)
{
    Model::Customer customer;
    customer.id = QString::number(userId);
    if (!m_schema.hasUserAttributes)
        return customer;
    auto query
        = m_db.exec(QStringLiteral("SELECT fullname, email, phone, mobilephone, city, address, country, zip,"
                                   " dob FROM %1 WHERE internalKey = ?")
                        .arg(m_db.table("user_attributes")),
                    { userId });
    if (!query)
        return query.error();
    if (!query->next())
        return customer;
    customer.name = text(query->value(0));
    customer.email = text(query->value(1));
    customer.phone = text(query->value(2));
    const QString mobile = text(query->value(3));
    if (customer.phone.isEmpty())
        customer.phone = mobile;
    else if (!mobile.isEmpty())
        customer.extra.insert(QStringLiteral("mobilephone"), mobile);
    const char *const extras[] = { "city", "address", "country", "zip" };
    for (int i = 0; i < 4; ++i) {
        const QString value = text(query->value(4 + i));
        if (!value.isEmpty())
            customer.extra.insert(QLatin1String(extras[i]), value);
    }
    if (const qint64 dob = query->value(8).toLongLong(); dob != 0)
        customer.extra.insert(QStringLiteral("dob"),
                              QDateTime::fromSecsSinceEpoch(dob, Qt::UTC).date().toString(Qt::ISODate));
    return customer;
}

Result<QList<Model::OrderLine>> OrderReader::lines(qint64 orderId)
{
    auto query = m_db.exec(
        QStringLiteral("SELECT op.product_id, op.name, op.`count`, op.price, op.weight, op.cost, op.options,"
                       " p.article, c.parent FROM %1 op LEFT JOIN %2 p ON p.id = op.product_id"
                       " LEFT JOIN %3 c ON c.id = op.product_id WHERE op.order_id = ? ORDER BY op.id")
            .arg(m_db.table("ms2_order_products"), m_db.table("ms2_products"), m_db.table("site_content")),
        { orderId });
    if (!query)
        return query.error();
    QList<Model::OrderLine> lines;
    QList<qint64> products;
    while (query->next()) {
        Model::OrderLine line;
        line.productId = query->value(0).toString();
        line.name = text(query->value(1));
        line.quantity = query->value(2).toDouble();
        line.price = query->value(3).toDouble();
        line.weight = query->value(4).toDouble();
        line.cost = query->value(5).toDouble();
        line.options = parseJsonObject(query->value(6));
        line.article = text(query->value(7));
        if (const qint64 parent = query->value(8).toLongLong(); parent > 0)
            line.categoryIds << QString::number(parent);
        lines.append(line);
        products << query->value(0).toLongLong();
    }
    if (!m_schema.hasProductCategories || products.isEmpty())
        return lines;
    auto extra = m_db.exec(QStringLiteral("SELECT product_id, category_id FROM %1 WHERE product_id IN (%2)"
                                          " ORDER BY product_id, category_id")
                               .arg(m_db.table("ms2_product_categories"), idList(products)));
    if (!extra)
        return extra.error();
    while (extra->next()) {
        const QString product = extra->value(0).toString();
        const QString category = extra->value(1).toString();
        for (Model::OrderLine &line : lines) {
            if (line.productId == product && !line.categoryIds.contains(category))
                line.categoryIds << category;
        }
    }
    return lines;
}

Result<QList<OrderReader::LogRow>> OrderReader::logs(qint64 after, int limit, const QList<qint64> &tracked)
{
    const QString select = QStringLiteral("SELECT id, action, order_id, entry, `timestamp` FROM %1 ")
                               .arg(m_db.table("ms2_order_logs"));
    QList<LogRow> rows;
    QSet<qint64> seen;
    auto read = [&](Result<QSqlQuery> query) -> Common::Status {
        if (!query)
            return query.error();
        while (query->next()) {
            const qint64 id = query->value(0).toLongLong();
            if (seen.contains(id))
                continue;
            seen.insert(id);
            rows.append({ id, query->value(1).toString(), query->value(2).toString(),
                          query->value(3).toString(), toDateTime(query->value(4)) });
        }
        return {};
    };
    if (auto done
        = read(m_db.exec(select + QStringLiteral("WHERE id > ? ORDER BY id LIMIT ?"), { after, limit }));
        !done)
        return done.error();
    if (!tracked.isEmpty()) {
        if (auto done = read(m_db.exec(select + QStringLiteral("WHERE id IN (%1)").arg(idList(tracked))));
            !done)
            return done.error();
    }
    return rows;
}

Result<QString> OrderReader::statusBefore(const QString &orderId, qint64 logId)
{
    auto entry = m_db.scalar(
        QStringLiteral("SELECT entry FROM %1 WHERE order_id = ? AND action = 'status' AND id < ?"
                       " ORDER BY id DESC LIMIT 1")
            .arg(m_db.table("ms2_order_logs")),
        { orderId.toLongLong(), logId });
    if (!entry)
        return entry.error();
    return entry->isValid() ? entry->toString() : QStringLiteral("0");
}

Result<QString> OrderReader::orderNumber(const QString &orderId)
{
    auto num = m_db.scalar(QStringLiteral("SELECT num FROM %1 WHERE id = ?").arg(m_db.table("ms2_orders")),
                           { orderId.toLongLong() });
    if (!num)
        return num.error();
    return num->toString();
}

Result<QList<ShopStatus>> OrderReader::statuses()
{
    auto query = m_db.exec(QStringLiteral("SELECT id, name, color, `final`, `fixed`, `rank`, active FROM %1"
                                          " ORDER BY `rank`, id")
                               .arg(m_db.table("ms2_order_statuses")));
    if (!query)
        return query.error();
    QList<ShopStatus> list;
    while (query->next()) {
        list.append({ query->value(0).toString(), query->value(1).toString(), query->value(2).toString(),
                      query->value(3).toInt() != 0, query->value(4).toInt() != 0, query->value(5).toInt(),
                      query->value(6).isNull() || query->value(6).toInt() != 0 });
    }
    return list;
}

Result<QList<ShopMethod>> OrderReader::methods(MethodKind kind)
{
    const char *table = kind == MethodKind::Delivery ? "ms2_deliveries" : "ms2_payments";
    auto query = m_db.exec(
        QStringLiteral("SELECT id, name, active FROM %1 ORDER BY `rank`, id").arg(m_db.table(table)));
    if (!query)
        return query.error();
    QList<ShopMethod> list;
    while (query->next())
        list.append({ query->value(0).toString(), query->value(1).toString(),
                      query->value(2).isNull() || query->value(2).toInt() != 0 });
    return list;
}

Result<Mapping::CategoryTree> OrderReader::categories()
{
    auto query
        = m_db.exec(QStringLiteral("SELECT id, parent, pagetitle FROM %1 WHERE class_key = 'msCategory'"
                                   " AND deleted = 0 ORDER BY parent, menuindex, id")
                        .arg(m_db.table("site_content")));
    if (!query)
        return query.error();
    QList<Mapping::Category> list;
    QSet<QString> ids;
    while (query->next()) {
        list.append({ query->value(0).toString(), query->value(1).toString(), query->value(2).toString() });
        ids.insert(list.last().id);
    }
    // A category under a plain resource (the catalog page) is a root of the category tree.
    for (Mapping::Category &category : list) {
        if (!ids.contains(category.parentId))
            category.parentId = QStringLiteral("0");
    }
    return Mapping::CategoryTree(list);
}

Result<QStringList> OrderReader::propertyKeys(int sample)
{
    auto query = m_db.exec(
        QStringLiteral("SELECT properties FROM %1 ORDER BY id DESC LIMIT ?").arg(m_db.table("ms2_orders")),
        { sample });
    if (!query)
        return query.error();
    QStringList keys;
    while (query->next()) {
        const QJsonObject properties = parseJsonObject(query->value(0));
        for (auto it = properties.begin(); it != properties.end(); ++it) {
            if (!keys.contains(it.key()))
                keys << it.key();
        }
    }
    keys.sort();
    return keys;
}

Result<qint64> OrderReader::count(const char *table, const QString &where)
{
    auto n = m_db.scalar(QStringLiteral("SELECT COUNT(*) FROM %1 %2").arg(m_db.table(table), where));
    if (!n)
        return n.error();
    return n->toLongLong();
}

Result<qint64> OrderReader::maxId(const char *table)
{
    auto n = m_db.scalar(QStringLiteral("SELECT MAX(id) FROM %1").arg(m_db.table(table)));
    if (!n)
        return n.error();
    return n->isNull() ? 0 : n->toLongLong();
}

} // namespace Source::MiniShop2
