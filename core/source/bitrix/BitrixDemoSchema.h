// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "source/ShopDb.h"

namespace Source::Bitrix {

/**
 * The 1C-Bitrix tables CRM Bridge reads and writes (the `sale` module's orders, baskets, properties,
 * payments, shipments, statuses, history; person types and their business-value domains; delivery
 * services and payment systems; iblock sections and elements; the `form` module's results), laid out
 * as the vendor's install script of sale 16+ lays them out, for the demo shop and the tests, in
 * MariaDB/MySQL (in utf8mb4 or, as old sites, cp1251) or SQLite. Only the columns CRM Bridge or the
 * generator touch, plus the NOT NULL ones around them, are here. No defaults: BitrixDemoShop fills it.
 */
class BitrixDemoSchema
{
public:
    struct Options
    {
        QString charset = QStringLiteral("utf8mb4"); ///< MySQL only: "utf8mb4" or "cp1251"
    };

    /** Creates the tables (failing if they exist). */
    static Common::Status create(ShopDb &db, const Options &options);
    /** Drops every table create() made. */
    static Common::Status drop(ShopDb &db);
};

} // namespace Source::Bitrix
