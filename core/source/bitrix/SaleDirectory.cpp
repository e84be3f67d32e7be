// SPDX-License-Identifier: GPL-3.0-or-later
#include "SaleDirectory.h"

#include <QSet>

namespace Source::Bitrix {

using Common::Result;

Result<QList<ShopStatus>> SaleDirectory::statuses()
{
    // Old installs have no TYPE column (every status is an order status there).
    auto columns = SaleSchema::columns(m_db, "sale_status");
    if (!columns)
        return columns.error();
    const QString onlyOrders
        = columns->contains(QStringLiteral("TYPE")) ? QStringLiteral(" WHERE s.TYPE = 'O'") : QString();
    const QString color
        = columns->contains(QStringLiteral("COLOR")) ? QStringLiteral("s.COLOR") : QStringLiteral("NULL");
    QString sql;
    QVariantList binds;
    if (m_schema.hasStatusLang) {
        sql = QStringLiteral(
                  "SELECT s.ID, COALESCE((SELECT l.NAME FROM %1 l WHERE l.STATUS_ID = s.ID AND l.LID = ?),"
                  " (SELECT MIN(l.NAME) FROM %1 l WHERE l.STATUS_ID = s.ID)), %2, s.SORT FROM %3 s%4"
                  " ORDER BY s.SORT, s.ID")
                  .arg(m_db.table("sale_status_lang"), color, m_db.table("sale_status"), onlyOrders);
        binds << m_language;
    } else {
        sql = QStringLiteral("SELECT s.ID, NULL, %1, s.SORT FROM %2 s%3 ORDER BY s.SORT, s.ID")
                  .arg(color, m_db.table("sale_status"), onlyOrders);
    }
    auto query = m_db.exec(sql, binds);
    if (!query)
        return query.error();
    QList<ShopStatus> list;
    while (query->next()) {
        ShopStatus status;
        status.id = query->value(0).toString().trimmed();
        status.name = query->value(1).isNull() ? status.id : m_schema.text(query->value(1));
        status.color = query->value(2).toString().remove(QLatin1Char('#')).trimmed();
        status.rank = query->value(3).toInt();
        // Bitrix has no final or fixed statuses of the miniShop2 kind: a manager may set any status.
        list.append(status);
    }
    return list;
}

Result<QList<ShopMethod>> SaleDirectory::methods(MethodKind kind)
{
    const bool delivery = kind == MethodKind::Delivery;
    if (delivery ? !m_schema.hasDeliveryServices : !m_schema.hasPaySystems)
        return QList<ShopMethod>();
    // Delivery services nest (a profile under its service): the services a buyer picks are all listed.
    auto query = m_db.exec(QStringLiteral("SELECT ID, NAME, ACTIVE FROM %1 ORDER BY SORT, ID")
                               .arg(m_db.table(delivery ? "sale_delivery_srv" : "sale_pay_system")));
    if (!query)
        return query.error();
    QList<ShopMethod> list;
    while (query->next())
        list.append({ query->value(0).toString(), m_schema.text(query->value(1)),
                      query->value(2).toString().trimmed() != QLatin1String("N") });
    return list;
}

Result<Model::CategoryTree> SaleDirectory::categories()
{
    if (!m_schema.hasIblockSections)
        return Model::CategoryTree();
    auto query = m_db.exec(
        QStringLiteral("SELECT ID, IBLOCK_SECTION_ID, NAME FROM %1 ORDER BY LEFT_MARGIN, SORT, ID")
            .arg(m_db.table("iblock_section")));
    if (!query)
        return query.error();
    QList<Model::Category> list;
    QSet<QString> ids;
    while (query->next()) {
        const QString parent = query->value(1).isNull() ? QStringLiteral("0") : query->value(1).toString();
        list.append({ query->value(0).toString(), parent, m_schema.text(query->value(2)) });
        ids.insert(list.last().id);
    }
    for (Model::Category &category : list) {
        if (!ids.contains(category.parentId))
            category.parentId = QStringLiteral("0");
    }
    return Model::CategoryTree(list);
}

} // namespace Source::Bitrix
