// SPDX-License-Identifier: GPL-3.0-or-later
#include "LaneLeaseRepo.h"

#include "storage/ServerTime.h"
#include "storage/Sql.h"

namespace Store {

using Common::Result;
namespace Sql = Storage::Sql;

namespace {
const QString kColumns = QStringLiteral("connection_id, holder, acquired_at, heartbeat_at, expires_at");

LaneLease leaseFrom(const QSqlQuery &query)
{
    LaneLease lease;
    lease.connectionId = query.value(0).toLongLong();
    lease.holder = query.value(1).toString();
    lease.acquiredAt = query.value(2).toLongLong();
    lease.heartbeatAt = query.value(3).toLongLong();
    lease.expiresAt = query.value(4).toLongLong();
    lease.serverNow = query.value(5).toLongLong();
    return lease;
}
} // namespace

LaneLeaseRepo::LaneLeaseRepo(std::shared_ptr<Storage::Database> db)
    : m_db(std::move(db))
{ }

Result<LeaseGrant> LaneLeaseRepo::acquire(qint64 connectionId, const QString &holder, qint64 ttlMs,
                                          bool holderGone)
{
    const QString now = Storage::serverNowMs(*m_db);
    if (auto row = Sql::exec(*m_db,
                             QStringLiteral("INSERT INTO lane_leases (connection_id) VALUES (?)"
                                            " ON CONFLICT (connection_id) DO NOTHING"),
                             { connectionId });
        !row)
        return row.error();
    auto seen = Sql::exec(*m_db,
                          QStringLiteral("SELECT holder, expires_at, released_by, released_at, %1"
                                         " FROM lane_leases WHERE connection_id = ?")
                              .arg(now),
                          { connectionId });
    if (!seen)
        return seen.error();
    if (!seen->next())
        return Common::Error::transient(
            QStringLiteral("The lease of connection %1 vanished").arg(connectionId));
    const QString current = seen->value(0).toString();
    const qint64 expiresAt = seen->value(1).toLongLong();
    const QString releasedBy = seen->value(2).toString();
    const qint64 releasedAt = seen->value(3).toLongLong();
    const qint64 serverNow = seen->value(4).toLongLong();
    LeaseGrant grant;
    if (!current.isEmpty() && current != holder && expiresAt >= serverNow && !holderGone) {
        grant.holder = current;
        return grant;
    }
    // Compare-and-set on what was read: of two engines that read the same expired lease, one wins.
    auto taken = Sql::update(
        *m_db,
        QStringLiteral("UPDATE lane_leases SET holder = ?, expires_at = %1 + ?, heartbeat_at = %1,"
                       " acquired_at = CASE WHEN holder = ? THEN acquired_at ELSE %1 END, released_by = ''"
                       " WHERE connection_id = ? AND holder = ? AND expires_at = ?")
            .arg(now),
        { holder, ttlMs, holder, connectionId, current, expiresAt });
    if (!taken)
        return taken.error();
    if (taken.value() != 1) {
        auto winner = find(connectionId);
        grant.holder = winner ? winner->holder : QString();
        return grant;
    }
    grant.acquired = true;
    if (current != holder)
        grant.previousHolder = current;
    if (current.isEmpty() && !releasedBy.isEmpty() && releasedBy != holder)
        grant.startInMs = std::max<qint64>(0, releasedAt + kHandoverMs - serverNow);
    return grant;
}

Result<bool> LaneLeaseRepo::renew(qint64 connectionId, const QString &holder, qint64 ttlMs)
{
    auto renewed = Sql::update(*m_db,
                               QStringLiteral("UPDATE lane_leases SET expires_at = %1 + ?, heartbeat_at = %1"
                                              " WHERE connection_id = ? AND holder = ?")
                                   .arg(Storage::serverNowMs(*m_db)),
                               { ttlMs, connectionId, holder });
    if (!renewed)
        return renewed.error();
    return renewed.value() == 1;
}

Common::Status LaneLeaseRepo::release(qint64 connectionId, const QString &holder)
{
    auto released = Sql::update(*m_db,
                                QStringLiteral("UPDATE lane_leases SET holder = '', expires_at = 0,"
                                               " released_by = ?, released_at = %1"
                                               " WHERE connection_id = ? AND holder = ?")
                                    .arg(Storage::serverNowMs(*m_db)),
                                { holder, connectionId, holder });
    if (!released)
        return released.error();
    return {};
}

Result<QList<LaneLease>> LaneLeaseRepo::all()
{
    auto query = Sql::exec(*m_db,
                           QStringLiteral("SELECT %1, %2 FROM lane_leases ORDER BY connection_id")
                               .arg(kColumns, Storage::serverNowMs(*m_db)));
    if (!query)
        return query.error();
    QList<LaneLease> list;
    while (query->next())
        list.append(leaseFrom(query.value()));
    return list;
}

Result<LaneLease> LaneLeaseRepo::find(qint64 connectionId)
{
    auto query = Sql::exec(*m_db,
                           QStringLiteral("SELECT %1, %2 FROM lane_leases WHERE connection_id = ?")
                               .arg(kColumns, Storage::serverNowMs(*m_db)),
                           { connectionId });
    if (!query)
        return query.error();
    LaneLease lease;
    lease.connectionId = connectionId;
    if (query->next())
        lease = leaseFrom(query.value());
    return lease;
}

} // namespace Store
