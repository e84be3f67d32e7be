// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ShopDb.h"

namespace Source::MiniShop2 {

/**
 * The miniShop2 tables (and the MODX core tables it reads) as miniShop2's schema defines them, for a
 * demo shop and for tests, in MariaDB/MySQL or SQLite, in the 4.x layout (`order_id` in addresses,
 * `order_comment`) or the 3.x layout (`address` in orders; `comment` with commentColumn "comment").
 * Only the columns CRM Bridge or the generator touch are guaranteed complete.
 */
class DemoSchema
{
public:
    struct Options
    {
        int layout = 4; ///< 3 or 4
        QString commentColumn; ///< default: order_comment (3.0.5+); "comment" for an old 3.x shop
    };

    /** Creates the tables (failing if they exist). */
    static Common::Status create(ShopDb &db, const Options &options);
    /** The install defaults: statuses 1–4 and 999, delivery 1 and payment 1 and their link. */
    static Common::Status insertDefaults(ShopDb &db);
    /** Drops every table create() made (for re-generation). */
    static Common::Status drop(ShopDb &db);
};

} // namespace Source::MiniShop2
