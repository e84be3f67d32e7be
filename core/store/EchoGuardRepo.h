// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Clock.h"
#include "common/Result.h"
#include "storage/Database.h"

#include <QString>
#include <memory>

namespace Store {

/**
 * Remembers the status writes CRM Bridge made in a shop, so the source's poller does not report them
 * back to the CRM as a manager's change (the echo).
 *
 * A write is recorded in two steps around the shop write: expect() before (so a crash between the
 * shop write and the store write still leaves a mark), then attach() with the shop's own reference of
 * the write (the miniShop2 log row id). consume() is the poller's question "is this change ours?":
 * an exact reference match, or — for a write whose reference never got attached — an unattached mark
 * for the same order and status younger than kUnattachedTtlMs. Each mark is consumed once.
 * Runs on the calling thread's store connection.
 */
class EchoGuardRepo
{
public:
    static constexpr qint64 kUnattachedTtlMs = 15 * 60 * 1000;

    explicit EchoGuardRepo(std::shared_ptr<Storage::Database> db,
                           const Common::Clock *clock = Common::Clock::system());

    /** Returns the mark's id. */
    Common::Result<qint64> expect(const QString &source, const QString &orderId, const QString &statusId);
    Common::Status attach(qint64 markId, const QString &shopRef);
    /** The shop write did not happen: forget the mark. */
    Common::Status discard(qint64 markId);
    /** True when the change with shopRef (order → status) is one of ours; the mark is then used up. */
    Common::Result<bool> consume(const QString &source, const QString &shopRef, const QString &orderId,
                                 const QString &statusId);
    /** Deletes consumed marks older than olderThanMs (housekeeping). Returns how many. */
    Common::Result<int> prune(qint64 olderThanMs);

private:
    std::shared_ptr<Storage::Database> m_db;
    const Common::Clock *m_clock;
};

} // namespace Store
