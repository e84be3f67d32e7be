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
    auto found = orders({ id });
    if (!found)
        return found.error();
    if (found->isEmpty())
        return Error::notFound(QStringLiteral("The shop has no order %1").arg(id));
    return found->first();
}

Result<QList<Model::ShopOrder>> OrderReader::orders(const QList<qint64> &ids)
{
    QList<Model::ShopOrder> all;
    // Bounded IN lists: one query per table for each chunk, never one per order.
    constexpr qsizetype kChunk = 500;
    for (qsizetype from = 0; from < ids.size(); from += kChunk) {
        auto chunk = readOrders(ids.mid(from, kChunk));
        if (!chunk)
            return chunk.error();
        all += chunk.value();
    }
    return all;
}

Result<QList<Model::ShopOrder>> OrderReader::readOrders(const QList<qint64> &ids)
{
    if (ids.isEmpty())
        return QList<Model::ShopOrder>();
    if (auto names = loadNames(); !names)
        return names.error();
    QString columns = QStringLiteral("id, user_id, num, createdon, updatedon, status, cost, cart_cost, "
                                     "delivery_cost, weight, delivery, payment, context, properties");
    columns += m_schema.orderCommentColumn.isEmpty()
        ? QStringLiteral(", ''")
        : QStringLiteral(", `%1`").arg(m_schema.orderCommentColumn);
    columns += m_schema.ordersHaveAddressColumn ? QStringLiteral(", address") : QStringLiteral(", 0");
    auto query = m_db.exec(QStringLiteral("SELECT %1 FROM %2 WHERE id IN (%3)")
                               .arg(columns, m_db.table("ms2_orders"), idList(ids)));
    if (!query)
        return query.error();
    QHash<qint64, Model::ShopOrder> byId;
    QHash<qint64, qint64> userOf, addressOf;
    while (query->next()) {
        const QSqlQuery &row = query.value();
        Model::ShopOrder order;
        const qint64 id = row.value(0).toLongLong();
        order.id = row.value(0).toString();
        userOf.insert(id, row.value(1).toLongLong());
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
        addressOf.insert(id, row.value(15).toLongLong());
        for (auto it = order.properties.begin(); it != order.properties.end(); ++it) {
            if (it.key().startsWith(QLatin1String("utm_")) && it.value().isString())
                order.utm.insert(it.key(), it.value().toString());
        }
        const QJsonObject utm = order.properties.value(QStringLiteral("utm")).toObject();
        for (auto it = utm.begin(); it != utm.end(); ++it)
            order.utm.insert(QStringLiteral("utm_") + it.key(), it.value().toString());
        byId.insert(id, order);
    }
    query = QSqlQuery();

    auto addresses = addressesOf(addressOf);
    if (!addresses)
        return addresses.error();
    QList<qint64> users;
    for (auto it = userOf.cbegin(); it != userOf.cend(); ++it) {
        if (it.value() > 0 && !users.contains(it.value()))
            users << it.value();
    }
    auto customers = profiles(users);
    if (!customers)
        return customers.error();
    auto orderLines = linesOf(byId.keys());
    if (!orderLines)
        return orderLines.error();

    QList<Model::ShopOrder> list;
    for (qint64 id : ids) {
        auto found = byId.find(id);
        if (found == byId.end())
            continue;
        Model::ShopOrder &order = *found;
        order.address = addresses->value(id);
        if (const qint64 user = userOf.value(id); user > 0) {
            order.customer = customers->value(user);
            order.customer.id = QString::number(user);
        }
        order.lines = orderLines->value(id);
        list.append(order);
    }
    return list;
}

Result<QHash<qint64, Model::Address>> OrderReader::addressesOf(const QHash<qint64, qint64> &addressOf)
{
    QStringList columns;
    QList<const char *> targets;
    for (const auto &field : kAddressFields) {
        if (m_schema.addressColumns.contains(QLatin1String(field[0]))) {
            columns << QStringLiteral("`%1`").arg(QLatin1String(field[0]));
            targets << field[1];
        }
    }
    QHash<qint64, Model::Address> found;
    if (columns.isEmpty() || addressOf.isEmpty())
        return found;
    auto toAddress = [&](const QSqlQuery &row) {
        QJsonObject json;
        for (int i = 0; i < targets.size(); ++i)
            json.insert(QLatin1String(targets[i]), text(row.value(1 + i)));
        return Model::Address::fromJson(json);
    };
    const QString select = QStringLiteral("SELECT %2, %1 FROM %3 ").arg(columns.join(QStringLiteral(", ")));
    // 4.x links the address to the order (the newest row wins); on an upgraded shop old rows may
    // still only be linked the 3.x way.
    if (m_schema.addressesHaveOrderId) {
        auto query
            = m_db.exec(select.arg(QStringLiteral("order_id"), m_db.table("ms2_order_addresses"))
                        + QStringLiteral("WHERE order_id IN (%1) ORDER BY id").arg(idList(addressOf.keys())));
        if (!query)
            return query.error();
        while (query->next())
            found.insert(query->value(0).toLongLong(), toAddress(query.value()));
    }
    QHash<qint64, QList<qint64>> ordersByAddress;
    for (auto it = addressOf.cbegin(); it != addressOf.cend(); ++it) {
        if (!found.contains(it.key()) && it.value() > 0)
            ordersByAddress[it.value()] << it.key();
    }
    if (ordersByAddress.isEmpty())
        return found;
    auto query = m_db.exec(select.arg(QStringLiteral("id"), m_db.table("ms2_order_addresses"))
                           + QStringLiteral("WHERE id IN (%1)").arg(idList(ordersByAddress.keys())));
    if (!query)
        return query.error();
    while (query->next()) {
        const Model::Address address = toAddress(query.value());
        for (qint64 order : ordersByAddress.value(query->value(0).toLongLong()))
            found.insert(order, address);
    }
    return found;
}

QString OrderReader::rangeFilter(const OrderRange &range, QVariantList *binds)
{
    QString sql = QStringLiteral(" AND status <> 0");
    if (range.fromId > 0) {
        sql += QStringLiteral(" AND id >= ?");
        *binds << range.fromId;
    }
    if (range.toId > 0) {
        sql += QStringLiteral(" AND id <= ?");
        *binds << range.toId;
    }
    if (range.from.isValid()) {
        sql += QStringLiteral(" AND createdon >= ?");
        *binds << fromDateTime(range.from);
    }
    if (range.to.isValid()) {
        sql += QStringLiteral(" AND createdon <= ?");
        *binds << fromDateTime(range.to);
    }
    return sql;
}

Result<QList<qint64>> OrderReader::idsInRange(const OrderRange &range, qint64 after, int limit)
{
    QVariantList binds { after };
    const QString filter = rangeFilter(range, &binds);
    binds << limit;
    auto query = m_db.exec(QStringLiteral("SELECT id FROM %1 WHERE id > ?%2 ORDER BY id LIMIT ?")
                               .arg(m_db.table("ms2_orders"), filter),
                           binds);
    if (!query)
        return query.error();
    QList<qint64> ids;
    while (query->next())
        ids << query->value(0).toLongLong();
    return ids;
}

Result<qint64> OrderReader::countInRange(const OrderRange &range)
{
    QVariantList binds { 0 };
    const QString filter = rangeFilter(range, &binds);
    auto n = m_db.scalar(
        QStringLiteral("SELECT COUNT(*) FROM %1 WHERE id > ?%2").arg(m_db.table("ms2_orders"), filter),
        binds);
    if (!n)
        return n.error();
    return n->toLongLong();
}

Result<QList<Model::Customer>> OrderReader::customersAfter(qint64 after, int limit)
{
    auto ids = userIdsAfter(after, limit);
    if (!ids)
        return ids.error();
    return customers(ids.value());
}

Result<QList<qint64>> OrderReader::userIdsAfter(qint64 after, int limit, qint64 upTo)
{
    QString sql = QStringLiteral("SELECT id FROM %1 WHERE id > ?").arg(m_db.table("users"));
    QVariantList binds { after };
    if (upTo > 0) {
        sql += QStringLiteral(" AND id <= ?");
        binds << upTo;
    }
    binds << limit;
    auto query = m_db.exec(sql + QStringLiteral(" ORDER BY id LIMIT ?"), binds);
    if (!query)
        return query.error();
    QList<qint64> ids;
    while (query->next())
        ids << query->value(0).toLongLong();
    return ids;
}

Result<QList<Model::Customer>> OrderReader::customers(const QList<qint64> &ids)
{
    auto found = profiles(ids);
    if (!found)
        return found.error();
    QList<Model::Customer> list;
    for (qint64 id : ids) {
        Model::Customer customer = found->value(id);
        customer.id = QString::number(id);
        list.append(customer);
    }
    return list;
}

Result<QHash<qint64, Model::Customer>> OrderReader::profiles(const QList<qint64> &userIds)
{
    QHash<qint64, Model::Customer> found;
    if (!m_schema.hasUserAttributes || userIds.isEmpty())
        return found;
    auto query = m_db.exec(QStringLiteral("SELECT internalKey, fullname, email, phone, mobilephone, city,"
                                          " address, country, zip, dob FROM %1 WHERE internalKey IN (%2)")
                               .arg(m_db.table("user_attributes"), idList(userIds)));
    if (!query)
        return query.error();
    while (query->next()) {
        Model::Customer customer;
        customer.id = query->value(0).toString();
        customer.name = text(query->value(1));
        customer.email = text(query->value(2));
        customer.phone = text(query->value(3));
        const QString mobile = text(query->value(4));
        if (customer.phone.isEmpty())
            customer.phone = mobile;
        else if (!mobile.isEmpty())
            customer.extra.insert(QStringLiteral("mobilephone"), mobile);
        const char *const extras[] = { "city", "address", "country", "zip" };
        for (int i = 0; i < 4; ++i) {
            const QString value = text(query->value(5 + i));
            if (!value.isEmpty())
                customer.extra.insert(QLatin1String(extras[i]), value);
        }
        if (const qint64 dob = query->value(9).toLongLong(); dob != 0)
            customer.extra.insert(QStringLiteral("dob"),
                                  QDateTime::fromSecsSinceEpoch(dob, Qt::UTC).date().toString(Qt::ISODate));
        found.insert(query->value(0).toLongLong(), customer);
    }
    return found;
}

Result<QHash<qint64, QList<Model::OrderLine>>> OrderReader::linesOf(const QList<qint64> &orderIds)
{
    QHash<qint64, QList<Model::OrderLine>> lines;
    if (orderIds.isEmpty())
        return lines;
    auto query = m_db.exec(
        QStringLiteral("SELECT op.order_id, op.product_id, op.name, op.`count`, op.price, op.weight, op.cost,"
                       " op.options, p.article, c.parent FROM %1 op LEFT JOIN %2 p ON p.id = op.product_id"
                       " LEFT JOIN %3 c ON c.id = op.product_id WHERE op.order_id IN (%4) ORDER BY op.id")
            .arg(m_db.table("ms2_order_products"), m_db.table("ms2_products"), m_db.table("site_content"),
                 idList(orderIds)));
    if (!query)
        return query.error();
    QList<qint64> products;
    while (query->next()) {
        Model::OrderLine line;
        line.productId = query->value(1).toString();
        line.name = text(query->value(2));
        line.quantity = query->value(3).toDouble();
        line.price = query->value(4).toDouble();
        line.weight = query->value(5).toDouble();
        line.cost = query->value(6).toDouble();
        line.options = parseJsonObject(query->value(7));
        line.article = text(query->value(8));
        if (const qint64 parent = query->value(9).toLongLong(); parent > 0)
            line.categoryIds << QString::number(parent);
        lines[query->value(0).toLongLong()].append(line);
        if (const qint64 product = query->value(1).toLongLong(); !products.contains(product))
            products << product;
    }
    if (!m_schema.hasProductCategories || products.isEmpty())
        return lines;
    auto extra = m_db.exec(QStringLiteral("SELECT product_id, category_id FROM %1 WHERE product_id IN (%2)"
                                          " ORDER BY product_id, category_id")
                               .arg(m_db.table("ms2_product_categories"), idList(products)));
    if (!extra)
        return extra.error();
    QHash<QString, QStringList> categoriesOf;
    while (extra->next())
        categoriesOf[extra->value(0).toString()] << extra->value(1).toString();
    for (QList<Model::OrderLine> &orderLines : lines) {
        for (Model::OrderLine &line : orderLines) {
            for (const QString &category : categoriesOf.value(line.productId)) {
                if (!line.categoryIds.contains(category))
                    line.categoryIds << category;
            }
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

Result<QHash<qint64, QString>> OrderReader::statusesBefore(const QList<LogRow> &rows)
{
    QHash<qint64, QString> before;
    QList<qint64> orders;
    qint64 last = 0;
    for (const LogRow &row : rows) {
        if (row.action != QLatin1String("status"))
            continue;
        if (const qint64 order = row.orderId.toLongLong(); !orders.contains(order))
            orders << order;
        last = std::max(last, row.id);
    }
    if (orders.isEmpty())
        return before;
    // Every status row of these orders up to the newest asked about, in id order: the entry before
    // a row is the one seen last. One query for the batch instead of one per row.
    auto query = m_db.exec(QStringLiteral("SELECT id, order_id, entry FROM %1 WHERE action = 'status'"
                                          " AND order_id IN (%2) AND id <= ? ORDER BY id")
                               .arg(m_db.table("ms2_order_logs"), idList(orders)),
                           { last });
    if (!query)
        return query.error();
    QSet<qint64> asked;
    for (const LogRow &row : rows)
        asked.insert(row.id);
    QHash<qint64, QString> current;
    while (query->next()) {
        const qint64 id = query->value(0).toLongLong();
        const qint64 order = query->value(1).toLongLong();
        if (asked.contains(id))
            before.insert(id, current.value(order, QStringLiteral("0")));
        current.insert(order, query->value(2).toString());
    }
    return before;
}

Result<QHash<qint64, QString>> OrderReader::numbers(const QList<qint64> &orderIds)
{
    QHash<qint64, QString> found;
    if (orderIds.isEmpty())
        return found;
    auto query = m_db.exec(QStringLiteral("SELECT id, num FROM %1 WHERE id IN (%2)")
                               .arg(m_db.table("ms2_orders"), idList(orderIds)));
    if (!query)
        return query.error();
    while (query->next())
        found.insert(query->value(0).toLongLong(), query->value(1).toString());
    return found;
}

Result<QList<OrderReader::Update>> OrderReader::updatedAfter(const QString &at, qint64 afterId, int limit)
{
    // Keyset over (updatedon, id): a manager's save sets updatedon (a status change does not).
    auto query = m_db.exec(QStringLiteral("SELECT id, updatedon FROM %1 WHERE updatedon IS NOT NULL AND"
                                          " (updatedon > ? OR (updatedon = ? AND id > ?))"
                                          " ORDER BY updatedon, id LIMIT ?")
                               .arg(m_db.table("ms2_orders")),
                           { at, at, afterId, limit });
    if (!query)
        return query.error();
    QList<Update> updates;
    while (query->next())
        updates.append({ query->value(0).toLongLong(), rawDateTime(query->value(1)) });
    return updates;
}

Result<QString> OrderReader::lastUpdate()
{
    auto at = m_db.scalar(QStringLiteral("SELECT MAX(updatedon) FROM %1").arg(m_db.table("ms2_orders")));
    if (!at)
        return at.error();
    return at->isNull() ? QString() : rawDateTime(at.value());
}

QString OrderReader::rawDateTime(const QVariant &value)
{
    if (value.isNull())
        return {};
    if (value.typeId() == QMetaType::QDateTime)
        return value.toDateTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    return value.toString().left(19).replace(QLatin1Char('T'), QLatin1Char(' '));
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

Result<Model::CategoryTree> OrderReader::categories()
{
    auto query
        = m_db.exec(QStringLiteral("SELECT id, parent, pagetitle FROM %1 WHERE class_key = 'msCategory'"
                                   " AND deleted = 0 ORDER BY parent, menuindex, id")
                        .arg(m_db.table("site_content")));
    if (!query)
        return query.error();
    QList<Model::Category> list;
    QSet<QString> ids;
    while (query->next()) {
        list.append({ query->value(0).toString(), query->value(1).toString(), query->value(2).toString() });
        ids.insert(list.last().id);
    }
    // A category under a plain resource (the catalog page) is a root of the category tree.
    for (Model::Category &category : list) {
        if (!ids.contains(category.parentId))
            category.parentId = QStringLiteral("0");
    }
    return Model::CategoryTree(list);
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
