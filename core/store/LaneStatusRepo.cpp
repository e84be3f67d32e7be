// SPDX-License-Identifier: GPL-3.0-or-later
#include "LaneStatusRepo.h"

#include "storage/Sql.h"

namespace Store {

using Common::Result;
namespace Sql = Storage::Sql;

LaneStatusRepo::LaneStatusRepo(std::shared_ptr<Storage::Database> db, const Common::Clock *clock)
    : m_db(std::move(db))
    , m_clock(clock)
{ }

QString LaneStatusRepo::kindName(LaneStatus::Kind kind)
{
    return kind == LaneStatus::Kind::Status ? QStringLiteral("status") : QStringLiteral("send");
}

Common::Status LaneStatusRepo::report(const LaneStatus &s)
{
    auto done = Sql::exec(
        *m_db,
        QStringLiteral(
            "INSERT INTO lane_status (owner, connection_id, kind, state, reason, sent, failed, heartbeat_at, "
            "started_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (owner) DO UPDATE SET"
            " connection_id = excluded.connection_id, kind = excluded.kind, state = excluded.state,"
            " reason = excluded.reason, sent = excluded.sent, failed = excluded.failed,"
            " heartbeat_at = excluded.heartbeat_at"),
        { s.owner, s.connectionId, kindName(s.kind), s.state, s.reason, s.sent, s.failed, m_clock->nowMs(),
          s.startedAt ? s.startedAt : m_clock->nowMs() });
    if (!done)
        return done.error();
    return {};
}

Result<QList<LaneStatus>> LaneStatusRepo::all()
{
    auto query = Sql::exec(
        *m_db,
        QStringLiteral(
            "SELECT owner, connection_id, state, reason, sent, failed, heartbeat_at, started_at, kind"
            " FROM lane_status WHERE heartbeat_at >= ? ORDER BY connection_id, owner"),
        { m_clock->nowMs() - kForgetAfterMs });
    if (!query)
        return query.error();
    QList<LaneStatus> list;
    while (query->next()) {
        LaneStatus s;
        s.owner = query->value(0).toString();
        s.connectionId = query->value(1).toLongLong();
        s.state = query->value(2).toString();
        s.reason = query->value(3).toString();
        s.sent = query->value(4).toLongLong();
        s.failed = query->value(5).toLongLong();
        s.heartbeatAt = query->value(6).toLongLong();
        s.startedAt = query->value(7).toLongLong();
        s.kind = query->value(8).toString() == kindName(LaneStatus::Kind::Status) ? LaneStatus::Kind::Status
                                                                                  : LaneStatus::Kind::Send;
        list.append(s);
    }
    return list;
}

Common::Status LaneStatusRepo::forgetSilentSince(qint64 cutoffMs)
{
    auto done
        = Sql::exec(*m_db, QStringLiteral("DELETE FROM lane_status WHERE heartbeat_at < ?"), { cutoffMs });
    if (!done)
        return done.error();
    return {};
}

Common::Status LaneStatusRepo::remove(const QString &owner)
{
    auto done = Sql::exec(*m_db, QStringLiteral("DELETE FROM lane_status WHERE owner = ?"), { owner });
    if (!done)
        return done.error();
    return {};
}

} // namespace Store
