// SPDX-License-Identifier: GPL-3.0-or-later
#include "BitrixCatalogReader.h"

#include "SaleDirectory.h"

#include <QHash>

namespace Source::Bitrix {

using Common::Result;

Result<Model::Catalog> BitrixCatalogReader::read(const QString &siteUrl)
{
    Model::Catalog catalog;
    auto tree = SaleDirectory(m_db, m_schema, QString()).categories();
    if (!tree)
        return tree.error();
    for (const Model::Category &category : tree->categories())
        catalog.categories.append({ category.id, category.parentId, category.name });
    if (!m_schema.hasIblockSections)
        return catalog;

    const bool catalogModule = SaleSchema::columns(m_db, "catalog_product").ok()
        && SaleSchema::columns(m_db, "catalog_price").ok() && SaleSchema::columns(m_db, "catalog_group").ok();
    const QString sql = catalogModule
        ? QStringLiteral("SELECT e.ID, e.NAME, e.IBLOCK_SECTION_ID, e.ACTIVE, e.CODE, p.QUANTITY, p.WEIGHT,"
                         " (SELECT MIN(pr.PRICE) FROM %1 pr JOIN %2 g ON g.ID = pr.CATALOG_GROUP_ID"
                         "  WHERE pr.PRODUCT_ID = e.ID AND g.BASE = 'Y')"
                         " FROM %3 e JOIN %4 p ON p.ID = e.ID ORDER BY e.ID")
              .arg(m_db.table("catalog_price"), m_db.table("catalog_group"), m_db.table("iblock_element"),
                   m_db.table("catalog_product"))
        : QStringLiteral(
              "SELECT e.ID, e.NAME, e.IBLOCK_SECTION_ID, e.ACTIVE, e.CODE, 0, 0,"
              " (SELECT b.PRICE FROM %1 b WHERE b.PRODUCT_ID = e.ID ORDER BY b.ID DESC LIMIT 1)"
              " FROM %2 e WHERE EXISTS (SELECT 1 FROM %1 b WHERE b.PRODUCT_ID = e.ID) ORDER BY e.ID")
              .arg(m_db.table("sale_basket"), m_db.table("iblock_element"));
    auto query = m_db.exec(sql);
    if (!query)
        return query.error();
    QHash<QString, int> index;
    const QString base = siteUrl.endsWith(QLatin1Char('/')) ? siteUrl.chopped(1) : siteUrl;
    while (query->next()) {
        Model::CatalogProduct product;
        product.id = query->value(0).toString();
        product.name = m_schema.text(query->value(1));
        if (!query->value(2).isNull() && query->value(2).toLongLong() > 0)
            product.categoryIds << query->value(2).toString();
        product.active = query->value(3).toString().trimmed() != QLatin1String("N");
        const QString code = query->value(4).toString().trimmed();
        if (!base.isEmpty() && !code.isEmpty())
            product.url = base + QStringLiteral("/catalog/") + code + QLatin1Char('/');
        product.quantity = query->value(5).toDouble();
        product.weight = query->value(6).toDouble() / 1000.0; // grams → kg
        product.price = query->value(7).toDouble();
        index.insert(product.id, int(catalog.products.size()));
        catalog.products.append(product);
    }
    query = Result<QSqlQuery>(QSqlQuery());
    // Extra sections of a product (an element may sit in several).
    if (SaleSchema::columns(m_db, "iblock_section_element").ok()) {
        auto more = m_db.exec(
            QStringLiteral("SELECT IBLOCK_ELEMENT_ID, IBLOCK_SECTION_ID FROM %1 ORDER BY IBLOCK_SECTION_ID")
                .arg(m_db.table("iblock_section_element")));
        if (!more)
            return more.error();
        while (more->next()) {
            const auto found = index.constFind(more->value(0).toString());
            if (found == index.cend())
                continue;
            QStringList &ids = catalog.products[*found].categoryIds;
            if (!ids.contains(more->value(1).toString()))
                ids << more->value(1).toString();
        }
    }
    return catalog;
}

} // namespace Source::Bitrix
