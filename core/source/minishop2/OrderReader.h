// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ShopDb.h"
#include "ShopSchema.h"
#include "model/CategoryTree.h"
#include "model/ShopOrder.h"
#include "source/ShopSource.h"

#include <QDateTime>
#include <QHash>
#include <QList>

namespace Source::MiniShop2 {

/**
 * Reads miniShop2 tables into model values: orders with lines, address and user profile, statuses,
 * categories, status log rows. The only place (with StatusWriter and the demo schema) that knows
 * miniShop2 column names. Lives on its source's thread.
 */
class OrderReader
{
public:
    struct Head
    {
        qint64 id = 0;
        int status = 0;
    };
    struct LogRow
    {
        qint64 id = 0;
        QString action;
        QString orderId;
        QString entry; ///< for action 'status': the new status id
        QDateTime at;
    };

    /** An order a manager saved: its id and the shop's own updatedon text (the keyset of the scan). */
    struct Update
    {
        qint64 id = 0;
        QString at;
    };

    OrderReader(ShopDb &db, ShopSchema schema);

    const ShopSchema &schema() const { return m_schema; }
    /** Delivery, payment and status names are cached; the next read loads them again. */
    void refreshNames() { m_namesLoaded = false; }

    /** Orders with id > after (ascending, at most limit) plus the tracked ids that exist. */
    Common::Result<QList<Head>> heads(qint64 after, int limit, const QList<qint64> &tracked);
    Common::Result<Model::ShopOrder> order(qint64 id);
    /** The orders of @p ids that exist, in that order: one query per table for up to 500 orders. */
    Common::Result<QList<Model::ShopOrder>> orders(const QList<qint64> &ids);
    /** Log rows with id > after (any action, ascending, at most limit) plus the tracked ids. */
    Common::Result<QList<LogRow>> logs(qint64 after, int limit, const QList<qint64> &tracked);
    /** For each 'status' row of @p rows: the status its order had before (the previous status entry,
     *  or "0" for none), by log row id. One query for the batch. */
    Common::Result<QHash<qint64, QString>> statusesBefore(const QList<LogRow> &rows);
    /** Order numbers by order id. */
    Common::Result<QHash<qint64, QString>> numbers(const QList<qint64> &orderIds);
    /** Orders saved after (at, afterId) in (updatedon, id) order, at most limit. */
    Common::Result<QList<Update>> updatedAfter(const QString &at, qint64 afterId, int limit);
    /** The newest updatedon of any order (empty: none), as the shop writes it. */
    Common::Result<QString> lastUpdate();
    /** Ids of the orders of @p range above @p after (ascending, at most limit; status 0 left out). */
    Common::Result<QList<qint64>> idsInRange(const OrderRange &range, qint64 after, int limit);
    Common::Result<qint64> countInRange(const OrderRange &range);
    /** Registered users (id > after, ascending, at most limit) with their profiles. */
    Common::Result<QList<Model::Customer>> customersAfter(qint64 after, int limit);
    /** User ids > after (and <= upTo when upTo > 0), ascending, at most limit. */
    Common::Result<QList<qint64>> userIdsAfter(qint64 after, int limit, qint64 upTo = 0);
    /** The users of @p ids with their profiles (an empty profile for a user without one), in that order. */
    Common::Result<QList<Model::Customer>> customers(const QList<qint64> &ids);

    Common::Result<QList<ShopStatus>> statuses();
    /** ms2_deliveries or ms2_payments, in the shop's order (rank, then id). */
    Common::Result<QList<ShopMethod>> methods(MethodKind kind);
    Common::Result<Model::CategoryTree> categories();
    /** Top-level keys of `properties` in the latest orders, for the field catalogue. */
    Common::Result<QStringList> propertyKeys(int sample = 500);
    Common::Result<qint64> count(const char *table, const QString &where = {});
    Common::Result<qint64> maxId(const char *table);

    /** DATETIME from either driver (QDateTime from QMYSQL, text from SQLite); shop local time → UTC. */
    static QDateTime toDateTime(const QVariant &value);
    /** The shop's local time as DATETIME text. */
    static QString fromDateTime(const QDateTime &at);

private:
    Common::Status loadNames();
    Common::Result<QList<Model::ShopOrder>> readOrders(const QList<qint64> &ids);
    /** Addresses by order id, from order id → the order's `address` column (3.x link). */
    Common::Result<QHash<qint64, Model::Address>> addressesOf(const QHash<qint64, qint64> &addressOf);
    Common::Result<QHash<qint64, Model::Customer>> profiles(const QList<qint64> &userIds);
    Common::Result<QHash<qint64, QList<Model::OrderLine>>> linesOf(const QList<qint64> &orderIds);
    static QString idList(const QList<qint64> &ids);
    /** " AND …" conditions of @p range on ms2_orders, with their binds appended to @p binds. */
    static QString rangeFilter(const OrderRange &range, QVariantList *binds);
    /** A DATETIME as the shop wrote it ("yyyy-MM-dd HH:mm:ss", shop local time), from either driver. */
    static QString rawDateTime(const QVariant &value);

    ShopDb &m_db;
    ShopSchema m_schema;
    QHash<QString, QString> m_deliveries, m_payments, m_statuses;
    bool m_namesLoaded = false;
};

} // namespace Source::MiniShop2
