// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/Database.h"
#include "store/LaneLeaseRepo.h"

#include <QHash>
#include <QObject>
#include <QTimer>
#include <atomic>
#include <functional>
#include <memory>

namespace Engine {

/** How long a lane lease lasts without a heartbeat, and how often its holder renews it. */
struct LeaseTiming
{
    qint64 ttlMs = 25'000; ///< another engine takes over this long after the last renewal (plus its own look)
    qint64 renewMs = 5'000;
};

/**
 * What a lane asks before each round: does this engine still hold the connection? Valid until the time
 * to live of the last renewal, less one renewal interval, counted on this process's monotonic clock
 * from before the renewal was sent — so a holder cut off from the store (or a hung engine thread) stops
 * sending before any other engine can take the connection over. Thread-safe.
 */
class LeaseGuard
{
public:
    bool valid() const;
    /** The renewal sent at @p sentAtMs (steadyNowMs()) succeeded. */
    void renewedAt(qint64 sentAtMs, const LeaseTiming &timing);
    void revoke() { m_validUntil.store(0); }
    static qint64 steadyNowMs();

private:
    std::atomic<qint64> m_validUntil { 0 };
};

/**
 * The lane leases of one engine (Store::LaneLeaseRepo): takes a connection's lease when the engine wants
 * to start its lanes, renews every lease it holds on a timer, and reports a lease it lost (another engine
 * took it after this one stopped renewing, or the store could not be reached for longer than the lease's
 * validity), so the engine stops those lanes. Lives on the engine's thread, owned by SyncEngine.
 */
class LaneLeaseKeeper : public QObject
{
    Q_OBJECT
public:
    LaneLeaseKeeper(std::shared_ptr<Storage::Database> db, QString holder, QObject *parent = nullptr);

    QString holder() const { return m_holder; }
    void setTiming(const LeaseTiming &timing);
    const LeaseTiming &timing() const { return m_timing; }
    /** Says whether the engine @p holder is known to be dead (a process of this machine that is gone): its
     *  leases are taken at once instead of after their time to live. */
    void setHolderGone(std::function<bool(const QString &holder)> gone) { m_holderGone = std::move(gone); }

    /** Takes (or keeps) the lease of @p connectionId; an error when the store cannot be asked. */
    Common::Result<Store::LeaseGrant> acquire(qint64 connectionId);
    bool holds(qint64 connectionId) const { return m_held.contains(connectionId); }
    /** The guard the lanes of @p connectionId check; null when not held. */
    std::shared_ptr<const LeaseGuard> guard(qint64 connectionId) const { return m_held.value(connectionId); }
    void release(qint64 connectionId);
    void releaseAll();

Q_SIGNALS:
    void leaseLost(qint64 connectionId, const QString &reason);

private:
    void renewAll();
    void lose(qint64 connectionId, const QString &reason);

    std::shared_ptr<Storage::Database> m_db;
    const QString m_holder;
    LeaseTiming m_timing;
    std::function<bool(const QString &)> m_holderGone;
    QHash<qint64, std::shared_ptr<LeaseGuard>> m_held;
    QTimer m_renewTimer;
};

} // namespace Engine
