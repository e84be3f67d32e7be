// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "SaleSchema.h"
#include "model/Catalog.h"
#include "source/ShopDb.h"

namespace Source::Bitrix {

/**
 * The Bitrix catalogue: the iblock sections as categories, and the products of the `catalog` module
 * (`b_catalog_product`: stock and weight in grams) with their iblock element (name, section, active
 * flag, symbolic code) and their base price (`b_catalog_price` of the `b_catalog_group` marked BASE,
 * the lowest when there are quantity ranges). A site without the catalog module lists the iblock
 * elements its baskets sold, at their last basket price. Product URLs are @p siteUrl + "/catalog/" +
 * the element's code (Bitrix's own URL templates are per iblock and not read). Lives on its source's
 * thread.
 */
class BitrixCatalogReader
{
public:
    BitrixCatalogReader(ShopDb &db, const SaleSchema &schema)
        : m_db(db)
        , m_schema(schema)
    { }

    Common::Result<Model::Catalog> read(const QString &siteUrl);

private:
    ShopDb &m_db;
    const SaleSchema &m_schema;
};

} // namespace Source::Bitrix
