// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Result.h"
#include "model/Catalog.h"

#include <QString>

namespace Source::MoySklad {

class MoySkladClient;

/**
 * MoySklad's catalogue: the product folders (`entity/productfolder`) as categories, and the products
 * (`entity/product`) with their name, article, description, folder and price — the first of
 * `salePrices` (the account's main sale price type, «Цена продажи»), in kopecks, given in roubles.
 * Archived products and folders are read too (MoySklad's lists leave them out unless the filter names
 * `archived`): an archived product is one no longer sold (active = false), not a deleted one, since it
 * can come back. Pages of 1000 through the client, so within the request budget. Modifications
 * (`entity/variant`) and bundles are not read. Lives on its source's thread.
 */
class MoySkladCatalogReader
{
public:
    explicit MoySkladCatalogReader(MoySkladClient &client)
        : m_client(client)
    { }

    Common::Result<Model::Catalog> read();

    /** "/entity/<type>?limit=1000&filter=archived=true;archived=false", encoded. */
    static QString everyRowOf(const QString &type);

private:
    MoySkladClient &m_client;
};

} // namespace Source::MoySklad
