// SPDX-License-Identifier: GPL-3.0-or-later
#include "SourceStatusRepo.h"

#include "LaneStatusRepo.h"
#include "storage/Sql.h"

namespace Store {

using Common::Result;
namespace Sql = Storage::Sql;

SourceStatusRepo::SourceStatusRepo(std::shared_ptr<Storage::Database> db, const Common::Clock *clock)
    : m_db(std::move(db))
    , m_clock(clock)
{ }

Common::Status SourceStatusRepo::report(const SourceStatus &s)
{
    const qint64 now = m_clock->nowMs();
    auto done = Sql::exec(
        *m_db,
        QStringLiteral(
            "INSERT INTO source_status (owner, source, state, reason, appended, polled_at,"
            " heartbeat_at, started_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (owner) DO"
            " UPDATE SET source = excluded.source, state = excluded.state, reason = excluded.reason,"
            " appended = excluded.appended, polled_at = excluded.polled_at,"
            " heartbeat_at = excluded.heartbeat_at"),
        { s.owner, s.source, s.state, s.reason, s.appended, s.polledAt, now,
          s.startedAt ? s.startedAt : now });
    if (!done)
        return done.error();
    return {};
}

Common::Status SourceStatusRepo::forgetSilentSince(qint64 cutoffMs)
{
    auto done
        = Sql::exec(*m_db, QStringLiteral("DELETE FROM source_status WHERE heartbeat_at < ?"), { cutoffMs });
    if (!done)
        return done.error();
    return {};
}

Result<QList<SourceStatus>> SourceStatusRepo::all()
{
    auto query = Sql::exec(*m_db,
                           QStringLiteral("SELECT owner, source, state, reason, appended, polled_at,"
                                          " heartbeat_at, started_at FROM source_status"
                                          " WHERE heartbeat_at >= ? ORDER BY source, owner"),
                           { m_clock->nowMs() - LaneStatusRepo::kForgetAfterMs });
    if (!query)
        return query.error();
    QList<SourceStatus> list;
    while (query->next()) {
        SourceStatus s;
        s.owner = query->value(0).toString();
        s.source = query->value(1).toString();
        s.state = query->value(2).toString();
        s.reason = query->value(3).toString();
        s.appended = query->value(4).toLongLong();
        s.polledAt = query->value(5).toLongLong();
        s.heartbeatAt = query->value(6).toLongLong();
        s.startedAt = query->value(7).toLongLong();
        list.append(s);
    }
    return list;
}

} // namespace Store
