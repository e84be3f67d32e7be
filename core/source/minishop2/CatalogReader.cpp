// SPDX-License-Identifier: GPL-3.0-or-later
#include "CatalogReader.h"

#include "ShopSchema.h"

#include <QHash>
#include <QSet>
#include <QSqlQuery>

namespace Source::MiniShop2 {

using Common::Result;

namespace {

QString absolute(const QString &siteUrl, const QString &path)
{
    if (path.isEmpty() || path.startsWith(QLatin1String("http://"))
        || path.startsWith(QLatin1String("https://")))
        return path;
    if (siteUrl.isEmpty())
        return path;
    QString base = siteUrl;
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    return base + QLatin1Char('/') + (path.startsWith(QLatin1Char('/')) ? path.mid(1) : path);
}

} // namespace

Result<Model::Catalog> CatalogReader::read(const QString &siteUrl)
{
    Model::Catalog catalog;
    auto categories
        = m_db.exec(QStringLiteral("SELECT id, parent, pagetitle FROM %1 WHERE class_key = 'msCategory'"
                                   " AND deleted = 0 ORDER BY parent, menuindex, id")
                        .arg(m_db.table("site_content")));
    if (!categories)
        return categories.error();
    QSet<QString> categoryIds;
    while (categories->next()) {
        catalog.categories.append({ categories->value(0).toString(), categories->value(1).toString(),
                                    categories->value(2).toString() });
        categoryIds.insert(catalog.categories.last().id);
    }
    // A category under a plain resource (the catalog page) is a root.
    for (Model::CatalogCategory &c : catalog.categories) {
        if (!categoryIds.contains(c.parentId))
            c.parentId.clear();
    }

    auto columns = ShopSchema::columns(m_db, "ms2_products");
    if (!columns)
        return columns.error();
    auto contentColumns = ShopSchema::columns(m_db, "site_content");
    if (!contentColumns)
        return contentColumns.error();
    const QString image
        = columns->contains(QStringLiteral("image")) ? QStringLiteral("p.image") : QStringLiteral("''");
    const QString madeIn
        = columns->contains(QStringLiteral("made_in")) ? QStringLiteral("p.made_in") : QStringLiteral("''");
    const QString uri
        = contentColumns->contains(QStringLiteral("uri")) ? QStringLiteral("c.uri") : QStringLiteral("''");
    auto products = m_db.exec(
        QStringLiteral("SELECT c.id, c.pagetitle, c.parent, c.published, %1, c.alias, p.article, p.price,"
                       " p.old_price, p.weight, p.remains, %2, %3 FROM %4 c JOIN %5 p ON p.id = c.id"
                       " WHERE c.class_key = 'msProduct' AND c.deleted = 0 ORDER BY c.id")
            .arg(uri, image, madeIn, m_db.table("site_content"), m_db.table("ms2_products")));
    if (!products)
        return products.error();
    QHash<QString, qsizetype> index;
    while (products->next()) {
        Model::CatalogProduct p;
        p.id = products->value(0).toString();
        p.name = products->value(1).toString();
        const QString parent = products->value(2).toString();
        if (categoryIds.contains(parent))
            p.categoryIds << parent;
        p.active = products->value(3).toInt() != 0;
        const QString path = products->value(4).toString().isEmpty() ? products->value(5).toString()
                                                                     : products->value(4).toString();
        p.url = absolute(siteUrl, path);
        p.article = products->value(6).toString();
        p.price = products->value(7).toDouble();
        p.oldPrice = products->value(8).toDouble();
        p.weight = products->value(9).toDouble();
        p.quantity = products->value(10).toDouble();
        p.picture = absolute(siteUrl, products->value(11).toString());
        const QString made = products->value(12).toString();
        if (!made.isEmpty())
            p.params.insert(QStringLiteral("made_in"), made);
        index.insert(p.id, catalog.products.size());
        catalog.products.append(p);
    }
    auto extra
        = m_db.exec(QStringLiteral("SELECT product_id, category_id FROM %1 ORDER BY product_id, category_id")
                        .arg(m_db.table("ms2_product_categories")));
    if (extra) {
        while (extra->next()) {
            const auto it = index.constFind(extra->value(0).toString());
            const QString category = extra->value(1).toString();
            if (it == index.cend() || !categoryIds.contains(category))
                continue;
            QStringList &ids = catalog.products[*it].categoryIds;
            if (!ids.contains(category))
                ids << category;
        }
    } else if (extra.error().kind != Common::ErrorKind::NotFound) {
        // Shops without the table (miniShop2 before 2.x) have main categories only.
        auto probe = ShopSchema::columns(m_db, "ms2_product_categories");
        if (probe || probe.error().kind != Common::ErrorKind::NotFound)
            return extra.error();
    }
    return catalog;
}

} // namespace Source::MiniShop2
