// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "OrderProperties.h"
#include "SaleDirectory.h"
#include "SaleSchema.h"
#include "model/CategoryTree.h"
#include "model/ShopOrder.h"
#include "source/ShopDb.h"
#include "source/ShopSource.h"

#include <QDateTime>
#include <QHash>
#include <QList>

namespace Source::Bitrix {

/** What a Bitrix source reads and how: from its record's config. */
struct ReaderSettings
{
    QString site; ///< LID: only this site's orders ("s1"); empty: every site
    QString language = QStringLiteral("ru"); ///< b_sale_status_lang.LID for status names
    QSet<qint64> legalPersonTypes; ///< person types declared legal entities by the operator
};

/**
 * Reads the Bitrix `sale` tables into model values: orders (ACCOUNT_NUMBER as the number people see)
 * with their buyer from the order properties (found by role flags, see OrderProperties), a company for
 * a legal-entity payer, basket lines with their properties, payments and shipments, UTM_* properties;
 * statuses with their names, delivery and payment methods, the iblock section tree. Every order batch
 * is one query per table. The only place (with SaleStatusWriter and the demo schema) that knows
 * `sale` column names. Lives on its source's thread.
 */
class SaleOrderReader
{
public:
    /** An order row seen by a scan: its id and the shop's own DATETIME text of the scanned column. */
    struct Row
    {
        qint64 id = 0;
        QString at;
        QString statusId;
        bool changedSinceInsert = true; ///< (status scan) DATE_STATUS is after DATE_INSERT
    };

    SaleOrderReader(ShopDb &db, SaleSchema schema, ReaderSettings settings);

    const SaleSchema &schema() const { return m_schema; }
    ShopDb &db() const { return m_db; }
    const ReaderSettings &settings() const { return m_settings; }
    const OrderProperties &properties() const { return m_props; }
    /** Properties, person types, status and method names are cached; the next read loads them again. */
    void refreshNames() { m_namesLoaded = false; }
    Common::Status loadNames();

    /** Orders (of the site) with id > after, ascending, at most limit, plus the tracked ids that exist;
     *  `ready` when the order has its basket lines (Bitrix saves them after the order row). */
    Common::Result<QList<std::pair<qint64, bool>>> heads(qint64 after, int limit,
                                                         const QList<qint64> &tracked);
    /** The orders of @p ids that exist, in that order: one query per table for up to 500 orders. */
    Common::Result<QList<Model::ShopOrder>> orders(const QList<qint64> &ids);
    /** Orders whose @p column (DATE_UPDATE or DATE_STATUS) is after (at, afterId), in that order. */
    Common::Result<QList<Row>> scanAfter(const char *column, const QString &at, qint64 afterId, int limit);
    /** Orders whose @p column is exactly @p at (the scan's own second), at most limit. */
    Common::Result<QList<qint64>> idsAt(const char *column, const QString &at, int limit);
    /** The newest value of @p column (DATE_UPDATE, DATE_STATUS) of the site's orders (empty: none). */
    Common::Result<QString> lastOf(const char *column);
    Common::Result<qint64> maxId();
    Common::Result<QHash<qint64, QString>> numbers(const QList<qint64> &ids);
    Common::Result<QList<qint64>> idsInRange(const OrderRange &range, qint64 after, int limit);
    Common::Result<qint64> countInRange(const OrderRange &range);
    Common::Result<qint64> countOrders();

    SaleDirectory directory() const { return SaleDirectory(m_db, m_schema, m_settings.language); }

    /** DATETIME from either driver (QDateTime from QMYSQL, text from SQLite); site local time → UTC. */
    static QDateTime toDateTime(const QVariant &value);
    /** The site's local time as DATETIME text. */
    static QString fromDateTime(const QDateTime &at);
    /** A DATETIME as the shop wrote it ("yyyy-MM-dd HH:mm:ss"), from either driver. */
    static QString rawDateTime(const QVariant &value);
    static QString idList(const QList<qint64> &ids);

private:
    Common::Result<QList<Model::ShopOrder>> readOrders(const QList<qint64> &ids);
    Common::Status readProperties(QHash<qint64, Model::ShopOrder> &orders, QHash<qint64, qint64> personTypes);
    Common::Status readLines(QHash<qint64, Model::ShopOrder> &orders);
    Common::Status readPaymentsAndShipments(QHash<qint64, Model::ShopOrder> &orders);
    /** " AND LID = ?" when the source reads one site (its bind appended to @p binds). */
    QString siteFilter(QVariantList *binds, const QString &alias = {}) const;
    QString rangeFilter(const OrderRange &range, QVariantList *binds) const;

    ShopDb &m_db;
    SaleSchema m_schema;
    ReaderSettings m_settings;
    OrderProperties m_props;
    QHash<QString, QString> m_statusNames, m_deliveryNames, m_paymentNames;
    bool m_namesLoaded = false;
};

} // namespace Source::Bitrix
