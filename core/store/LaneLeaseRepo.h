// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Result.h"
#include "storage/Database.h"

#include <QList>
#include <QString>
#include <memory>

namespace Store {

/** Who holds one connection's lanes, as the store says (times on the database server's clock). */
struct LaneLease
{
    qint64 connectionId = 0;
    QString holder; ///< the engine ("host:pid"); empty when nobody holds it
    qint64 acquiredAt = 0;
    qint64 heartbeatAt = 0; ///< the last renewal
    qint64 expiresAt = 0;
    qint64 serverNow = 0; ///< the server's time when this was read, to compare the others with
    bool held() const { return !holder.isEmpty() && expiresAt >= serverNow; }
};

/** What an attempt to take a connection's lease found. */
struct LeaseGrant
{
    bool acquired = false;
    QString previousHolder; ///< another engine whose lease ran out (or who died), its jobs to take back
    QString holder; ///< when not acquired: who holds it
    /** When the lease was just released by another engine: how long to wait before the first request, so
     *  its last second of requests and ours never share one of the CRM's one-second windows. */
    qint64 startInMs = 0;
};

/**
 * Leases on connections' lanes, so that of several engines sharing a store exactly one sends for each
 * CRM connection (and so spends its account's request budget). A lease is held for a time-to-live and
 * renewed by its holder's heartbeat; when the holder stops renewing (killed, hung, cut off) another
 * engine takes it once it has run out. Every time is the database server's (Storage::serverNowMs),
 * never an engine's clock. Each call is one atomic statement (compare-and-set on the holder), so two
 * engines racing for a lease get one winner on SQLite and PostgreSQL alike. Any thread (that thread's
 * connection).
 */
class LaneLeaseRepo
{
public:
    explicit LaneLeaseRepo(std::shared_ptr<Storage::Database> db);

    /** Takes the lease of @p connectionId for @p holder for @p ttlMs when it is free, ran out, is already
     *  @p holder's, or — with @p holderGone — belongs to an engine known to be dead. */
    Common::Result<LeaseGrant> acquire(qint64 connectionId, const QString &holder, qint64 ttlMs,
                                       bool holderGone = false);
    /** Extends @p holder's lease by @p ttlMs from now; false when another engine holds it now. */
    Common::Result<bool> renew(qint64 connectionId, const QString &holder, qint64 ttlMs);
    /** Gives the lease up (the engine stopped its lanes): another engine may take it at once. */
    Common::Status release(qint64 connectionId, const QString &holder);
    /** Every lease ever taken, by connection. */
    Common::Result<QList<LaneLease>> all();
    Common::Result<LaneLease> find(qint64 connectionId);

    /** Released this recently by another engine: the next holder waits the rest of it (see startInMs). */
    static constexpr qint64 kHandoverMs = 1'100;

private:
    std::shared_ptr<Storage::Database> m_db;
};

} // namespace Store
