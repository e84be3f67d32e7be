// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ShopDb.h"
#include "common/Result.h"
#include "model/Catalog.h"

namespace Source::MiniShop2 {

/**
 * The miniShop2 catalogue: categories (`site_content` resources of class msCategory), products
 * (msProduct resources joined with `ms2_products`: article, price, old price, weight, remains as the
 * stock; `image` and `made_in` when the columns exist) and their extra categories
 * (`ms2_product_categories`). Unpublished or deleted products are inactive; deleted ones are left out.
 * Product URLs are @p siteUrl + the resource's `uri` (or alias). Lives on its source's thread.
 */
class CatalogReader
{
public:
    explicit CatalogReader(ShopDb &db)
        : m_db(db)
    { }

    Common::Result<Model::Catalog> read(const QString &siteUrl);

private:
    ShopDb &m_db;
};

} // namespace Source::MiniShop2
