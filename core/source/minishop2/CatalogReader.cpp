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

/**
 * A modification's price as msOptionsPrice2 computes it from its `type` and `price` (a number, or a
 * percentage of the product's price with a trailing "%"): 1 replaces the product's price, 2 adds to
 * it, 3 takes off it. [Assumption from the add-on's manager labels "=", "+", "-"; other types are
 * read as 1.]
 */
double modificationPrice(int type, const QString &raw, double productPrice)
{
    QString text = raw.trimmed();
    const bool percent = text.endsWith(QLatin1Char('%'));
    if (percent)
        text.chop(1);
    const double value = text.replace(QLatin1Char(','), QLatin1Char('.')).toDouble();
    const double amount = percent ? productPrice * value / 100.0 : value;
    switch (type) {
    case 2:
        return productPrice + amount;
    case 3:
        return std::max(0.0, productPrice - amount);
    default:
        return percent ? amount : value;
    }
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
    // The short text a shop shows in lists (introtext), else the page's meta description.
    QStringList texts;
    for (const char *column : { "introtext", "description" }) {
        if (contentColumns->contains(QLatin1String(column)))
            texts << QStringLiteral("c.") + QLatin1String(column);
    }
    const QString description
        = texts.isEmpty() ? QStringLiteral("''") : QStringLiteral("COALESCE(%1, '')").arg(texts.join(", "));
    auto products = m_db.exec(
        QStringLiteral("SELECT c.id, c.pagetitle, c.parent, c.published, %1, c.alias, p.article, p.price,"
                       " p.old_price, p.weight, p.remains, %2, %3, %6 FROM %4 c JOIN %5 p ON p.id = c.id"
                       " WHERE c.class_key = 'msProduct' AND c.deleted = 0 ORDER BY c.id")
            .arg(uri, image, madeIn, m_db.table("site_content"), m_db.table("ms2_products"), description));
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
        p.description = products->value(13).toString().trimmed();
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
    if (auto variants = readVariants(catalog, index, siteUrl); !variants)
        return variants.error();
    return catalog;
}

Common::Status CatalogReader::readVariants(Model::Catalog &catalog, const QHash<QString, qsizetype> &index,
                                           const QString &)
{
    auto columns = ShopSchema::columns(m_db, "msop_modifications");
    if (!columns)
        return columns.error().kind == Common::ErrorKind::NotFound ? Common::Status() : columns.error();
    auto rows = m_db.exec(
        QStringLiteral("SELECT id, rid, %1, type, price, %2, article, weight, count, active"
                       " FROM %3 ORDER BY rid, %4, id")
            .arg(columns->contains(QStringLiteral("name")) ? QStringLiteral("name") : QStringLiteral("''"),
                 columns->contains(QStringLiteral("old_price")) ? QStringLiteral("old_price")
                                                                : QStringLiteral("'0'"),
                 m_db.table("msop_modifications"),
                 columns->contains(QStringLiteral("rank")) ? QStringLiteral("`rank`")
                                                           : QStringLiteral("id")));
    if (!rows)
        return rows.error();
    QHash<QString, QPair<qsizetype, qsizetype>> where; // modification id → (product, variant)
    while (rows->next()) {
        const auto it = index.constFind(rows->value(1).toString());
        if (it == index.cend())
            continue; // a modification of a deleted product or of something that is not a product
        Model::CatalogProduct &product = catalog.products[*it];
        Model::CatalogVariant v;
        v.id = rows->value(0).toString();
        v.name = rows->value(2).toString().trimmed();
        v.price = modificationPrice(rows->value(3).toInt(), rows->value(4).toString(), product.price);
        v.oldPrice = rows->value(5).toString().toDouble();
        v.article = rows->value(6).toString();
        v.weight = rows->value(7).toDouble() > 0 ? rows->value(7).toDouble() : product.weight;
        v.quantity = rows->value(8).toDouble();
        v.active = rows->value(9).toInt() != 0 && product.active;
        v.picture = product.picture;
        where.insert(v.id, { *it, product.variants.size() });
        product.variants.append(v);
    }
    auto options = m_db.exec(QStringLiteral("SELECT mid, `key`, value FROM %1 ORDER BY mid, `key`")
                                 .arg(m_db.table("msop_modification_options")));
    if (options) {
        while (options->next()) {
            const auto it = where.constFind(options->value(0).toString());
            if (it == where.cend() || options->value(2).toString().isEmpty())
                continue;
            catalog.products[it->first].variants[it->second].options.insert(options->value(1).toString(),
                                                                            options->value(2).toString());
        }
    }
    // A modification without a name is called after its product and what sets it apart.
    for (auto it = where.cbegin(); it != where.cend(); ++it) {
        Model::CatalogProduct &product = catalog.products[it->first];
        Model::CatalogVariant &v = product.variants[it->second];
        if (v.name.isEmpty()) {
            const QStringList values = v.options.values();
            v.name = values.isEmpty() ? QStringLiteral("%1 #%2").arg(product.name, v.id)
                                      : QStringLiteral("%1 (%2)").arg(product.name, values.join(", "));
        }
    }
    return {};
}

} // namespace Source::MiniShop2
