// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ShopDb.h"
#include "ShopSchema.h"
#include "mapping/CategoryTree.h"
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

    OrderReader(ShopDb &db, ShopSchema schema);

    const ShopSchema &schema() const { return m_schema; }
    /** Delivery, payment and status names are cached; the next read loads them again. */
    void refreshNames() { m_namesLoaded = false; }

    /** Orders with id > after (ascending, at most limit) plus the tracked ids that exist. */
    Common::Result<QList<Head>> heads(qint64 after, int limit, const QList<qint64> &tracked);
    Common::Result<Model::ShopOrder> order(qint64 id);
    /** Log rows with id > after (any action, ascending, at most limit) plus the tracked ids. */
    Common::Result<QList<LogRow>> logs(qint64 after, int limit, const QList<qint64> &tracked);
    /** The status an order had before log row logId: the previous status entry, or "0" for none. */
    Common::Result<QString> statusBefore(const QString &orderId, qint64 logId);
    Common::Result<QString> orderNumber(const QString &orderId);
    /** Registered users (id > after, ascending, at most limit) with their profiles. */
    Common::Result<QList<Model::Customer>> customersAfter(qint64 after, int limit);

    Common::Result<QList<ShopStatus>> statuses();
    /** ms2_deliveries or ms2_payments, in the shop's order (rank, then id). */
    Common::Result<QList<ShopMethod>> methods(MethodKind kind);
    Common::Result<Mapping::CategoryTree> categories();
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
    Common::Result<Model::Address> address(qint64 orderId, qint64 addressId);
    Common::Result<Model::Customer> profile(qint64 userId);
    Common::Result<QList<Model::OrderLine>> lines(qint64 orderId);
    static QString idList(const QList<qint64> &ids);

    ShopDb &m_db;
    ShopSchema m_schema;
    QHash<QString, QString> m_deliveries, m_payments, m_statuses;
    bool m_namesLoaded = false;
};

} // namespace Source::MiniShop2
