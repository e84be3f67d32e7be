// SPDX-License-Identifier: GPL-3.0-or-later
#include "SaleOrderReader.h"

#include <QJsonArray>
#include <QSet>
#include <QSqlRecord>

namespace Source::Bitrix {

using Common::Error;
using Common::Result;

namespace {

QString text(const QVariant &value)
{
    return value.isNull() ? QString() : value.toString().trimmed();
}

bool yes(const QVariant &value)
{
    return text(value).compare(QLatin1String("Y"), Qt::CaseInsensitive) == 0;
}

// The b_sale_order columns read, in this order; a column an old install lacks reads as NULL.
const char *const kOrderColumns[] = { "ID",
                                      "LID",
                                      "PERSON_TYPE_ID",
                                      "PAYED",
                                      "CANCELED",
                                      "STATUS_ID",
                                      "PRICE_DELIVERY",
                                      "PRICE",
                                      "CURRENCY",
                                      "USER_ID",
                                      "PAY_SYSTEM_ID",
                                      "DELIVERY_ID",
                                      "DATE_INSERT",
                                      "DATE_UPDATE",
                                      "USER_DESCRIPTION",
                                      "SUM_PAID",
                                      "ACCOUNT_NUMBER",
                                      "TRACKING_NUMBER",
                                      "DISCOUNT_VALUE",
                                      "COMMENTS" };
enum OrderColumn {
    cId,
    cSite,
    cPersonType,
    cPayed,
    cCanceled,
    cStatus,
    cPriceDelivery,
    cPrice,
    cCurrency,
    cUser,
    cPaySystem,
    cDelivery,
    cInserted,
    cUpdated,
    cUserDescription,
    cSumPaid,
    cAccountNumber,
    cTracking,
    cDiscount,
    cComments
};

} // namespace

SaleOrderReader::SaleOrderReader(ShopDb &db, SaleSchema schema, ReaderSettings settings)
    : m_db(db)
    , m_schema(std::move(schema))
    , m_settings(std::move(settings))
{ }

QDateTime SaleOrderReader::toDateTime(const QVariant &value)
{
    if (value.isNull())
        return {};
    QDateTime at;
    if (value.typeId() == QMetaType::QDateTime) {
        at = value.toDateTime();
    } else {
        const QString string = value.toString();
        at = QDateTime::fromString(string.left(19), QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        if (!at.isValid())
            at = QDateTime::fromString(string, Qt::ISODate);
    }
    if (!at.isValid())
        return {};
    // Bitrix stores the server's local time without a zone.
    at.setTimeSpec(Qt::LocalTime);
    return at.toUTC();
}

QString SaleOrderReader::fromDateTime(const QDateTime &at)
{
    return at.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

QString SaleOrderReader::rawDateTime(const QVariant &value)
{
    if (value.isNull())
        return {};
    if (value.typeId() == QMetaType::QDateTime)
        return value.toDateTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    return value.toString().left(19).replace(QLatin1Char('T'), QLatin1Char(' '));
}

QString SaleOrderReader::idList(const QList<qint64> &ids)
{
    QStringList parts;
    for (qint64 id : ids)
        parts << QString::number(id);
    return parts.join(QLatin1Char(','));
}

QString SaleOrderReader::siteFilter(QVariantList *binds, const QString &alias) const
{
    if (m_settings.site.isEmpty())
        return {};
    *binds << m_settings.site;
    return QStringLiteral(" AND %1LID = ?").arg(alias);
}

Common::Status SaleOrderReader::loadNames()
{
    if (m_namesLoaded)
        return {};
    if (auto loaded = m_props.load(m_db, m_schema, m_settings.legalPersonTypes); !loaded)
        return loaded;
    SaleDirectory directory(m_db, m_schema, m_settings.language);
    auto statusList = directory.statuses();
    if (!statusList)
        return statusList.error();
    m_statusNames.clear();
    for (const ShopStatus &status : statusList.value())
        m_statusNames.insert(status.id, status.name);
    for (MethodKind kind : { MethodKind::Delivery, MethodKind::Payment }) {
        auto list = directory.methods(kind);
        if (!list)
            return list.error();
        QHash<QString, QString> &names = kind == MethodKind::Delivery ? m_deliveryNames : m_paymentNames;
        names.clear();
        for (const ShopMethod &method : list.value())
            names.insert(method.id, method.name);
    }
    m_namesLoaded = true;
    return {};
}

Result<QList<std::pair<qint64, bool>>> SaleOrderReader::heads(qint64 after, int limit,
                                                              const QList<qint64> &tracked)
{
    QList<std::pair<qint64, bool>> heads;
    QSet<qint64> seen;
    // Ready: the basket is bound to the order (Bitrix writes the order row first, its lines after).
    const QString select
        = QStringLiteral("SELECT o.ID, (SELECT COUNT(*) FROM %1 b WHERE b.ORDER_ID = o.ID) FROM %2 o WHERE ")
              .arg(m_db.table("sale_basket"), m_db.table("sale_order"));
    QVariantList binds { after };
    QString sql = select + QStringLiteral("o.ID > ?") + siteFilter(&binds, QStringLiteral("o."));
    binds << limit;
    auto query = m_db.exec(sql + QStringLiteral(" ORDER BY o.ID LIMIT ?"), binds);
    if (!query)
        return query.error();
    while (query->next()) {
        heads.append({ query->value(0).toLongLong(), query->value(1).toLongLong() > 0 });
        seen.insert(heads.last().first);
    }
    if (!tracked.isEmpty()) {
        QVariantList more;
        auto rows = m_db.exec(select + QStringLiteral("o.ID IN (%1)").arg(idList(tracked))
                                  + siteFilter(&more, QStringLiteral("o.")),
                              more);
        if (!rows)
            return rows.error();
        while (rows->next()) {
            if (!seen.contains(rows->value(0).toLongLong()))
                heads.append({ rows->value(0).toLongLong(), rows->value(1).toLongLong() > 0 });
        }
    }
    return heads;
}

Result<QList<Model::ShopOrder>> SaleOrderReader::orders(const QList<qint64> &ids)
{
    QList<Model::ShopOrder> all;
    constexpr qsizetype kChunk = 500;
    for (qsizetype from = 0; from < ids.size(); from += kChunk) {
        auto chunk = readOrders(ids.mid(from, kChunk));
        if (!chunk)
            return chunk.error();
        all += chunk.value();
    }
    return all;
}

Result<QList<Model::ShopOrder>> SaleOrderReader::readOrders(const QList<qint64> &ids)
{
    if (ids.isEmpty())
        return QList<Model::ShopOrder>();
    if (auto names = loadNames(); !names)
        return names.error();
    QStringList columns;
    for (const char *column : kOrderColumns) {
        columns << (m_schema.orderColumns.contains(QLatin1String(column)) ? QLatin1String(column)
                                                                          : QStringLiteral("NULL"));
    }
    auto query
        = m_db.exec(QStringLiteral("SELECT %1 FROM %2 WHERE ID IN (%3)")
                        .arg(columns.join(QStringLiteral(", ")), m_db.table("sale_order"), idList(ids)));
    if (!query)
        return query.error();
    QHash<qint64, Model::ShopOrder> byId;
    QHash<qint64, qint64> personTypes;
    while (query->next()) {
        const QSqlQuery &row = query.value();
        Model::ShopOrder order;
        const qint64 id = row.value(cId).toLongLong();
        order.id = QString::number(id);
        order.number = m_schema.text(row.value(cAccountNumber));
        if (order.number.isEmpty())
            order.number = order.id;
        order.createdAt = toDateTime(row.value(cInserted));
        order.updatedAt = toDateTime(row.value(cUpdated));
        order.statusId = m_schema.text(row.value(cStatus));
        order.statusName = m_statusNames.value(order.statusId);
        order.cost = row.value(cPrice).toDouble();
        order.deliveryCost = row.value(cPriceDelivery).toDouble();
        order.deliveryId = m_schema.text(row.value(cDelivery));
        order.deliveryName = m_deliveryNames.value(order.deliveryId);
        order.paymentId = m_schema.text(row.value(cPaySystem));
        order.paymentName = m_paymentNames.value(order.paymentId);
        order.comment = m_schema.text(row.value(cUserDescription));
        order.context = m_schema.text(row.value(cSite));
        if (const qint64 user = row.value(cUser).toLongLong(); user > 0)
            order.customer.id = QString::number(user);
        const qint64 personType = row.value(cPersonType).toLongLong();
        personTypes.insert(id, personType);
        QJsonObject &p = order.properties;
        p.insert(QStringLiteral("SITE_ID"), order.context);
        p.insert(QStringLiteral("PERSON_TYPE_ID"), QString::number(personType));
        if (const PersonType *type = m_props.personType(personType)) {
            p.insert(QStringLiteral("PERSON_TYPE"), type->name);
            p.insert(QStringLiteral("LEGAL_ENTITY"), type->legal ? QStringLiteral("Y") : QStringLiteral("N"));
        }
        p.insert(QStringLiteral("PAYED"), yes(row.value(cPayed)) ? QStringLiteral("Y") : QStringLiteral("N"));
        p.insert(QStringLiteral("CANCELED"),
                 yes(row.value(cCanceled)) ? QStringLiteral("Y") : QStringLiteral("N"));
        p.insert(QStringLiteral("CURRENCY"), m_schema.text(row.value(cCurrency)));
        p.insert(QStringLiteral("SUM_PAID"), row.value(cSumPaid).toDouble());
        p.insert(QStringLiteral("DISCOUNT_VALUE"), row.value(cDiscount).toDouble());
        if (const QString tracking = m_schema.text(row.value(cTracking)); !tracking.isEmpty())
            p.insert(QStringLiteral("TRACKING_NUMBER"), tracking);
        if (const QString comments = m_schema.text(row.value(cComments)); !comments.isEmpty())
            p.insert(QStringLiteral("COMMENTS"), comments);
        byId.insert(id, order);
    }
    query = Result<QSqlQuery>(QSqlQuery());

    if (auto read = readProperties(byId, personTypes); !read)
        return read.error();
    if (auto read = readLines(byId); !read)
        return read.error();
    if (auto read = readPaymentsAndShipments(byId); !read)
        return read.error();
    QList<Model::ShopOrder> list;
    for (qint64 id : ids) {
        if (auto found = byId.constFind(id); found != byId.cend())
            list.append(*found);
    }
    return list;
}

Common::Status SaleOrderReader::readProperties(QHash<qint64, Model::ShopOrder> &orders,
                                               QHash<qint64, qint64> personTypes)
{
    auto query = m_db.exec(QStringLiteral("SELECT ORDER_ID, ORDER_PROPS_ID, NAME, VALUE, CODE FROM %1"
                                          " WHERE ORDER_ID IN (%2) ORDER BY ID")
                               .arg(m_db.table("sale_order_props_value"), idList(orders.keys())));
    if (!query)
        return query.error();
    QHash<qint64, QString> companies;
    while (query->next()) {
        const qint64 orderId = query->value(0).toLongLong();
        auto found = orders.find(orderId);
        if (found == orders.end())
            continue;
        Model::ShopOrder &order = *found;
        const QString value = m_schema.text(query->value(3));
        const PropertyDef *def = m_props.byId(query->value(1).toLongLong());
        PropertyDef fallback;
        if (!def) {
            // A value whose definition was deleted keeps its own code and name.
            fallback.id = query->value(1).toLongLong();
            fallback.code = m_schema.text(query->value(4));
            fallback.name = m_schema.text(query->value(2));
            def = &fallback;
        }
        order.properties.insert(def->key(), value);
        if (value.isEmpty())
            continue;
        if (def->key().startsWith(QLatin1String("UTM_"), Qt::CaseInsensitive))
            order.utm.insert(QStringLiteral("utm_") + def->key().mid(4).toLower(), value);
        const PersonType *type = m_props.personType(personTypes.value(orderId));
        const bool legal = type && type->legal;
        if (def->payer) {
            order.customer.name = value;
            order.address.receiver = value;
        }
        if (def->email) {
            order.customer.email = value;
            order.address.email = value;
        }
        if (def->phone) {
            order.customer.phone = value;
            order.address.phone = value;
        }
        if (def->address)
            order.address.text = value;
        if (def->zip)
            order.address.index = value;
        // A legal entity's name: its profile-name property (the payer property is its contact person).
        if (legal && def->profileName && !def->payer)
            companies.insert(orderId, value);
        else if (legal && !companies.contains(orderId)
                 && (def->code.compare(QLatin1String("COMPANY"), Qt::CaseInsensitive) == 0
                     || def->code.compare(QLatin1String("COMPANY_NAME"), Qt::CaseInsensitive) == 0))
            companies.insert(orderId, value);
    }
    for (auto it = companies.cbegin(); it != companies.cend(); ++it)
        orders[it.key()].customer.extra.insert(QStringLiteral("company"), it.value());
    return {};
}

Common::Status SaleOrderReader::readLines(QHash<qint64, Model::ShopOrder> &orders)
{
    const bool sets = m_schema.basketColumns.contains(QStringLiteral("SET_PARENT_ID"));
    // A set's parts carry SET_PARENT_ID of the set's own line: only the set is a line of the order.
    auto query = m_db.exec(
        QStringLiteral("SELECT ID, ORDER_ID, PRODUCT_ID, NAME, PRICE, QUANTITY, WEIGHT FROM %1"
                       " WHERE ORDER_ID IN (%2)%3 ORDER BY ID")
            .arg(m_db.table("sale_basket"), idList(orders.keys()),
                 sets ? QStringLiteral(" AND (SET_PARENT_ID IS NULL OR SET_PARENT_ID = ID)") : QString()));
    if (!query)
        return query.error();
    QHash<qint64, std::pair<qint64, int>> lineOf; // basket id → (order id, line index)
    QList<qint64> products;
    while (query->next()) {
        const qint64 orderId = query->value(1).toLongLong();
        auto found = orders.find(orderId);
        if (found == orders.end())
            continue;
        Model::OrderLine line;
        line.productId = query->value(2).toString();
        line.name = m_schema.text(query->value(3));
        line.price = query->value(4).toDouble();
        line.quantity = query->value(5).toDouble();
        line.cost = line.price * line.quantity;
        line.weight = query->value(6).toDouble();
        found->cartCost += line.cost;
        // Bitrix weighs in grams; the order's weight is in kilograms like the other shops'.
        found->weight += line.weight * line.quantity / 1000.0;
        lineOf.insert(query->value(0).toLongLong(), { orderId, int(found->lines.size()) });
        found->lines.append(line);
        products << query->value(2).toLongLong();
    }
    query = Result<QSqlQuery>(QSqlQuery());
    if (lineOf.isEmpty())
        return {};
    auto props
        = m_db.exec(QStringLiteral("SELECT BASKET_ID, NAME, VALUE, CODE FROM %1 WHERE BASKET_ID IN (%2)"
                                   " ORDER BY SORT, ID")
                        .arg(m_db.table("sale_basket_props"), idList(lineOf.keys())));
    if (!props)
        return props.error();
    while (props->next()) {
        const auto [orderId, index] = lineOf.value(props->value(0).toLongLong());
        Model::OrderLine &line = orders[orderId].lines[index];
        const QString code = m_schema.text(props->value(3));
        const QString value = m_schema.text(props->value(2));
        // The catalogue's XML ids are bookkeeping, not options a buyer chose.
        if (code == QLatin1String("CATALOG.XML_ID") || code == QLatin1String("PRODUCT.XML_ID"))
            continue;
        if (code.compare(QLatin1String("ARTNUMBER"), Qt::CaseInsensitive) == 0) {
            line.article = value;
            continue;
        }
        line.options.insert(m_schema.text(props->value(1)), value);
    }
    props = Result<QSqlQuery>(QSqlQuery());
    if (!m_schema.hasIblockSections)
        return {};
    // The product's section (and its other sections) for category → pipeline routing.
    QHash<QString, QStringList> sections;
    auto main = m_db.exec(QStringLiteral("SELECT ID, IBLOCK_SECTION_ID FROM %1 WHERE ID IN (%2)")
                              .arg(m_db.table("iblock_element"), idList(products)));
    if (!main)
        return main.error();
    while (main->next()) {
        if (!main->value(1).isNull() && main->value(1).toLongLong() > 0)
            sections[main->value(0).toString()] << main->value(1).toString();
    }
    main = Result<QSqlQuery>(QSqlQuery());
    if (SaleSchema::columns(m_db, "iblock_section_element").ok()) {
        auto more = m_db.exec(QStringLiteral("SELECT IBLOCK_ELEMENT_ID, IBLOCK_SECTION_ID FROM %1"
                                             " WHERE IBLOCK_ELEMENT_ID IN (%2) ORDER BY IBLOCK_SECTION_ID")
                                  .arg(m_db.table("iblock_section_element"), idList(products)));
        if (!more)
            return more.error();
        while (more->next()) {
            QStringList &list = sections[more->value(0).toString()];
            if (!list.contains(more->value(1).toString()))
                list << more->value(1).toString();
        }
    }
    for (Model::ShopOrder &order : orders) {
        for (Model::OrderLine &line : order.lines)
            line.categoryIds = sections.value(line.productId);
    }
    return {};
}

Common::Status SaleOrderReader::readPaymentsAndShipments(QHash<qint64, Model::ShopOrder> &orders)
{
    const QString ids = idList(orders.keys());
    if (m_schema.hasPayments) {
        auto query = m_db.exec(QStringLiteral("SELECT ORDER_ID, ID, PAY_SYSTEM_ID, PAY_SYSTEM_NAME, SUM, PAID"
                                              " FROM %1 WHERE ORDER_ID IN (%2) ORDER BY ID")
                                   .arg(m_db.table("sale_order_payment"), ids));
        if (!query)
            return query.error();
        QHash<qint64, QJsonArray> payments;
        while (query->next()) {
            const qint64 orderId = query->value(0).toLongLong();
            QJsonObject payment { { QStringLiteral("id"), query->value(1).toString() },
                                  { QStringLiteral("pay_system_id"), query->value(2).toString() },
                                  { QStringLiteral("name"), m_schema.text(query->value(3)) },
                                  { QStringLiteral("sum"), query->value(4).toDouble() },
                                  { QStringLiteral("paid"), yes(query->value(5)) } };
            Model::ShopOrder &order = orders[orderId];
            if (payments[orderId].isEmpty()) {
                order.paymentId = payment.value(QStringLiteral("pay_system_id")).toString();
                order.paymentName = payment.value(QStringLiteral("name")).toString();
                if (order.paymentName.isEmpty())
                    order.paymentName = m_paymentNames.value(order.paymentId);
            }
            payments[orderId].append(payment);
        }
        for (auto it = payments.cbegin(); it != payments.cend(); ++it)
            orders[it.key()].properties.insert(QStringLiteral("PAYMENTS"), it.value());
    }
    if (m_schema.hasShipments) {
        // The SYSTEM shipment holds what is not shipped yet; it is no delivery of its own.
        auto query
            = m_db.exec(QStringLiteral("SELECT ORDER_ID, ID, DELIVERY_ID, DELIVERY_NAME, PRICE_DELIVERY,"
                                       " STATUS_ID, TRACKING_NUMBER, ALLOW_DELIVERY, DEDUCTED FROM %1"
                                       " WHERE ORDER_ID IN (%2) AND SYSTEM = 'N' ORDER BY ID")
                            .arg(m_db.table("sale_order_delivery"), ids));
        if (!query)
            return query.error();
        QHash<qint64, QJsonArray> shipments;
        while (query->next()) {
            const qint64 orderId = query->value(0).toLongLong();
            QJsonObject shipment { { QStringLiteral("id"), query->value(1).toString() },
                                   { QStringLiteral("delivery_id"), query->value(2).toString() },
                                   { QStringLiteral("name"), m_schema.text(query->value(3)) },
                                   { QStringLiteral("price"), query->value(4).toDouble() },
                                   { QStringLiteral("status_id"), m_schema.text(query->value(5)) },
                                   { QStringLiteral("tracking_number"), m_schema.text(query->value(6)) },
                                   { QStringLiteral("allow_delivery"), yes(query->value(7)) },
                                   { QStringLiteral("deducted"), yes(query->value(8)) } };
            Model::ShopOrder &order = orders[orderId];
            if (shipments[orderId].isEmpty()) {
                order.deliveryId = shipment.value(QStringLiteral("delivery_id")).toString();
                order.deliveryName = shipment.value(QStringLiteral("name")).toString();
                if (order.deliveryName.isEmpty())
                    order.deliveryName = m_deliveryNames.value(order.deliveryId);
            }
            shipments[orderId].append(shipment);
        }
        for (auto it = shipments.cbegin(); it != shipments.cend(); ++it)
            orders[it.key()].properties.insert(QStringLiteral("SHIPMENTS"), it.value());
    }
    return {};
}

Result<QList<SaleOrderReader::Row>> SaleOrderReader::scanAfter(const char *column, const QString &at,
                                                               qint64 afterId, int limit)
{
    const QString c = QLatin1String(column);
    QVariantList binds { at, at, afterId };
    const QString site = siteFilter(&binds);
    binds << limit;
    auto query = m_db.exec(QStringLiteral("SELECT ID, %1, STATUS_ID, DATE_INSERT FROM %2 WHERE"
                                          " (%1 > ? OR (%1 = ? AND ID > ?))%3 ORDER BY %1, ID LIMIT ?")
                               .arg(c, m_db.table("sale_order"), site),
                           binds);
    if (!query)
        return query.error();
    QList<Row> rows;
    while (query->next()) {
        Row row;
        row.id = query->value(0).toLongLong();
        row.at = rawDateTime(query->value(1));
        row.statusId = m_schema.text(query->value(2));
        row.changedSinceInsert = row.at > rawDateTime(query->value(3));
        rows.append(row);
    }
    return rows;
}

Result<QList<qint64>> SaleOrderReader::idsAt(const char *column, const QString &at, int limit)
{
    QVariantList binds { at };
    const QString site = siteFilter(&binds);
    binds << limit;
    auto query = m_db.exec(QStringLiteral("SELECT ID FROM %1 WHERE %2 = ?%3 ORDER BY ID LIMIT ?")
                               .arg(m_db.table("sale_order"), QLatin1String(column), site),
                           binds);
    if (!query)
        return query.error();
    QList<qint64> ids;
    while (query->next())
        ids << query->value(0).toLongLong();
    return ids;
}

Result<QString> SaleOrderReader::lastOf(const char *column)
{
    QVariantList binds;
    const QString site = siteFilter(&binds);
    auto at = m_db.scalar(QStringLiteral("SELECT MAX(%1) FROM %2 WHERE 1 = 1%3")
                              .arg(QLatin1String(column), m_db.table("sale_order"), site),
                          binds);
    if (!at)
        return at.error();
    return at->isNull() ? QString() : rawDateTime(at.value());
}

Result<qint64> SaleOrderReader::maxId()
{
    QVariantList binds;
    const QString site = siteFilter(&binds);
    auto n = m_db.scalar(
        QStringLiteral("SELECT MAX(ID) FROM %1 WHERE 1 = 1%2").arg(m_db.table("sale_order"), site), binds);
    if (!n)
        return n.error();
    return n->isNull() ? 0 : n->toLongLong();
}

Result<QHash<qint64, QString>> SaleOrderReader::numbers(const QList<qint64> &ids)
{
    QHash<qint64, QString> numbers;
    if (ids.isEmpty())
        return numbers;
    const bool account = m_schema.orderColumns.contains(QStringLiteral("ACCOUNT_NUMBER"));
    auto query = m_db.exec(QStringLiteral("SELECT ID, %1 FROM %2 WHERE ID IN (%3)")
                               .arg(account ? QStringLiteral("ACCOUNT_NUMBER") : QStringLiteral("ID"),
                                    m_db.table("sale_order"), idList(ids)));
    if (!query)
        return query.error();
    while (query->next()) {
        const QString number = m_schema.text(query->value(1));
        numbers.insert(query->value(0).toLongLong(), number.isEmpty() ? query->value(0).toString() : number);
    }
    return numbers;
}

QString SaleOrderReader::rangeFilter(const OrderRange &range, QVariantList *binds) const
{
    QString sql = siteFilter(binds);
    if (range.fromId > 0) {
        sql += QStringLiteral(" AND ID >= ?");
        *binds << range.fromId;
    }
    if (range.toId > 0) {
        sql += QStringLiteral(" AND ID <= ?");
        *binds << range.toId;
    }
    if (range.from.isValid()) {
        sql += QStringLiteral(" AND DATE_INSERT >= ?");
        *binds << fromDateTime(range.from);
    }
    if (range.to.isValid()) {
        sql += QStringLiteral(" AND DATE_INSERT <= ?");
        *binds << fromDateTime(range.to);
    }
    return sql;
}

Result<QList<qint64>> SaleOrderReader::idsInRange(const OrderRange &range, qint64 after, int limit)
{
    QVariantList binds { after };
    const QString filter = rangeFilter(range, &binds);
    binds << limit;
    auto query = m_db.exec(QStringLiteral("SELECT ID FROM %1 WHERE ID > ?%2 ORDER BY ID LIMIT ?")
                               .arg(m_db.table("sale_order"), filter),
                           binds);
    if (!query)
        return query.error();
    QList<qint64> ids;
    while (query->next())
        ids << query->value(0).toLongLong();
    return ids;
}

Result<qint64> SaleOrderReader::countInRange(const OrderRange &range)
{
    QVariantList binds;
    const QString filter = rangeFilter(range, &binds);
    auto n = m_db.scalar(
        QStringLiteral("SELECT COUNT(*) FROM %1 WHERE 1 = 1%2").arg(m_db.table("sale_order"), filter), binds);
    if (!n)
        return n.error();
    return n->toLongLong();
}

Result<qint64> SaleOrderReader::countOrders()
{
    return countInRange(OrderRange());
}

} // namespace Source::Bitrix
