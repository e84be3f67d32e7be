// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ShopDb.h"
#include "common/Result.h"
#include "model/Catalog.h"

#include <QHash>

namespace Source::MiniShop2 {

/**
 * The miniShop2 catalogue: categories (`site_content` resources of class msCategory), products
 * (msProduct resources joined with `ms2_products`: article, price, old price, weight, remains as the
 * stock; `image` and `made_in` when the columns exist) and their extra categories
 * (`ms2_product_categories`), the short description (`introtext`, else `description`, when the columns
 * exist) and the msOptionsPrice2 modifications as variants (`msop_modifications` with their options in
 * `msop_modification_options`, when the add-on is installed). Unpublished products are inactive;
 * deleted ones are left out. Product URLs are @p siteUrl + the resource's `uri` (or alias). Lives on
 * the thread of its ShopDb.
 */
class CatalogReader
{
public:
    explicit CatalogReader(ShopDb &db)
        : m_db(db)
    { }

    Common::Result<Model::Catalog> read(const QString &siteUrl);

private:
    /** Adds the msOptionsPrice2 modifications of the products in @p index (id → position). */
    Common::Status readVariants(Model::Catalog &catalog, const QHash<QString, qsizetype> &index,
                                const QString &siteUrl);

    ShopDb &m_db;
};

} // namespace Source::MiniShop2
