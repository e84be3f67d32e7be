// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ShopDb.h"

#include <QDateTime>

namespace Source::MiniShop2 {

/**
 * Builds a realistic miniShop2 demo shop in an empty database (MariaDB/MySQL or SQLite): the ms2 tables,
 * the default statuses, Russian deliveries and payments, a three-level category tree, products with
 * articles and prices (some also in an extra category), and orders with Cyrillic names, phones typed
 * as "+7 …" and "8 …", repeat customers, UTM properties on some orders, `%y%m/N` numbers that restart
 * every month, and status logs. The same seed and end date give the same shop. Any thread (it uses the
 * calling thread's shop connection).
 */
class DemoShopGenerator
{
public:
    struct Options
    {
        int orders = 300;
        int layout = 4; ///< 4 (order_id in addresses) or 3 (address in orders)
        quint32 seed = 20231101;
        QDateTime end; ///< the newest order's date; default: today at 18:00 local time
        int days = 180; ///< orders spread over this many days before end
    };
    struct Stats
    {
        int orders = 0;
        int customers = 0;
        int products = 0;
        int categories = 0;
        int logs = 0;
    };

    static Common::Result<Stats> generate(ShopDb &db, const Options &options);

    /**
     * Places `count` new orders now in a shop made by generate() (same layout), as its customers would:
     * status "new", mostly new people, some returning ones. One transaction; the seed varies the
     * orders (the demo's live shop and the tests use it).
     */
    static Common::Result<Stats> addOrders(ShopDb &db, int count, int layout = 4, quint32 seed = 1);
};

} // namespace Source::MiniShop2
