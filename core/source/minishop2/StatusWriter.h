// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "OrderReader.h"
#include "ShopDb.h"
#include "common/Clock.h"
#include "store/EchoGuardRepo.h"

namespace Source::MiniShop2 {

/**
 * Changes an order's status the way miniShop2's changeOrderStatus does: the rules (final, fixed with
 * rank, same status), the order's `status`, and an `ms2_order_logs` row (action 'status'), in one shop
 * transaction with the order row locked. The write is marked in the echo guard before it happens and
 * the mark gets the log row id after. Used by MiniShop2Source on its thread.
 */
class StatusWriter
{
public:
    StatusWriter(ShopDb &db, OrderReader &reader, const Common::Clock *clock);

    Common::Status write(const QString &source, Store::EchoGuardRepo &echo, const QString &orderId,
                         const QString &statusId);

private:
    /** Returns the new log row id. */
    Common::Result<qint64> writeInShop(qint64 orderId, const QString &statusId);

    ShopDb &m_db;
    OrderReader &m_reader;
    const Common::Clock *m_clock;
};

} // namespace Source::MiniShop2
