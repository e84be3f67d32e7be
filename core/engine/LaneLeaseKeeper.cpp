// SPDX-License-Identifier: GPL-3.0-or-later
#include "LaneLeaseKeeper.h"

#include <QLoggingCategory>
#include <chrono>

Q_DECLARE_LOGGING_CATEGORY(lcEngine)

namespace Engine {

bool LeaseGuard::valid() const
{
    return steadyNowMs() < m_validUntil.load();
}

void LeaseGuard::renewedAt(qint64 sentAtMs, const LeaseTiming &timing)
{
    m_validUntil.store(sentAtMs + timing.ttlMs - timing.renewMs);
}

qint64 LeaseGuard::steadyNowMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

LaneLeaseKeeper::LaneLeaseKeeper(std::shared_ptr<Storage::Database> db, QString holder, QObject *parent)
    : QObject(parent)
    , m_db(std::move(db))
    , m_holder(std::move(holder))
{
    m_renewTimer.setInterval(int(m_timing.renewMs));
    connect(&m_renewTimer, &QTimer::timeout, this, &LaneLeaseKeeper::renewAll);
}

void LaneLeaseKeeper::setTiming(const LeaseTiming &timing)
{
    m_timing = timing;
    m_renewTimer.setInterval(int(timing.renewMs));
}

Common::Result<Store::LeaseGrant> LaneLeaseKeeper::acquire(qint64 connectionId)
{
    Store::LaneLeaseRepo repo(m_db);
    const qint64 sentAt = LeaseGuard::steadyNowMs();
    auto grant = repo.acquire(connectionId, m_holder, m_timing.ttlMs);
    if (grant && !grant->acquired && !grant->holder.isEmpty() && m_holderGone
        && m_holderGone(grant->holder)) {
        qCInfo(lcEngine) << "the engine" << grant->holder << "that held connection" << connectionId
                         << "is gone: taking its lanes over now";
        grant = repo.acquire(connectionId, m_holder, m_timing.ttlMs, true);
    }
    if (!grant)
        return grant.error();
    if (grant->acquired) {
        auto &guard = m_held[connectionId];
        if (!guard)
            guard = std::make_shared<LeaseGuard>();
        guard->renewedAt(sentAt, m_timing);
        if (!m_renewTimer.isActive())
            m_renewTimer.start();
    }
    return grant;
}

void LaneLeaseKeeper::renewAll()
{
    Store::LaneLeaseRepo repo(m_db);
    const QList<qint64> ids = m_held.keys();
    for (qint64 id : ids) {
        const qint64 sentAt = LeaseGuard::steadyNowMs();
        auto renewed = repo.renew(id, m_holder, m_timing.ttlMs);
        if (renewed && renewed.value()) {
            m_held.value(id)->renewedAt(sentAt, m_timing);
        } else if (renewed) {
            lose(id, tr("Another engine took this connection over"));
        } else if (!m_held.value(id)->valid()) {
            lose(id,
                 tr("The store could not be reached to renew the lease: %1").arg(renewed.error().message));
        } else {
            qCWarning(lcEngine) << "cannot renew the lease of connection" << id << ":"
                                << renewed.error().toString();
        }
    }
}

void LaneLeaseKeeper::lose(qint64 connectionId, const QString &reason)
{
    if (auto guard = m_held.take(connectionId))
        guard->revoke();
    qCWarning(lcEngine) << "lost the lanes of connection" << connectionId << ":" << reason;
    Q_EMIT leaseLost(connectionId, reason);
}

void LaneLeaseKeeper::release(qint64 connectionId)
{
    auto guard = m_held.take(connectionId);
    if (!guard)
        return;
    guard->revoke();
    if (auto released = Store::LaneLeaseRepo(m_db).release(connectionId, m_holder); !released)
        qCWarning(lcEngine) << "cannot release the lease of connection" << connectionId << ":"
                            << released.error().toString();
}

void LaneLeaseKeeper::releaseAll()
{
    m_renewTimer.stop();
    const QList<qint64> ids = m_held.keys();
    for (qint64 id : ids)
        release(id);
}

} // namespace Engine
