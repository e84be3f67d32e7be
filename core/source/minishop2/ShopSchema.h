// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ShopDb.h"

#include <QSet>
#include <QString>

namespace Source::MiniShop2 {

/**
 * The miniShop2 layout of one shop, found by probing columns (SHOW COLUMNS / PRAGMA table_info)
 * instead of trusting a version number: upgrades sometimes skip schema changes.
 * - 3.x: `ms2_orders.address` points at `ms2_order_addresses.id`;
 *   4.x: `ms2_order_addresses.order_id` points at the order (both may exist on an upgraded shop).
 * - the order comment is `order_comment` (≥ 3.0.5) or `comment` (older), or missing.
 */
struct ShopSchema
{
    bool ordersHaveAddressColumn = false;
    bool addressesHaveOrderId = false;
    QString orderCommentColumn; ///< empty when there is none
    bool hasProductCategories = false;
    bool hasUserAttributes = false;
    QSet<QString> orderColumns;
    QSet<QString> addressColumns;

    /** "4.x" or "3.x" for people. */
    QString layoutName() const;

    static Common::Result<ShopSchema> probe(ShopDb &db);
    /** The column names of a table (without prefix); NotFound when the table is missing. */
    static Common::Result<QSet<QString>> columns(ShopDb &db, const char *table);
};

} // namespace Source::MiniShop2
