// SPDX-License-Identifier: GPL-3.0-or-later
#include "EchoGuardRepo.h"

#include "storage/Sql.h"

namespace Store {

using Common::Result;
namespace Sql = Storage::Sql;

EchoGuardRepo::EchoGuardRepo(std::shared_ptr<Storage::Database> db, const Common::Clock *clock)
    : m_db(std::move(db))
    , m_clock(clock)
{ }

Result<qint64> EchoGuardRepo::expect(const QString &source, const QString &orderId, const QString &statusId)
{
    const QString insert = QStringLiteral("INSERT INTO echo_guard (source, order_id, status_id, created_at)"
                                          " VALUES (?, ?, ?, ?)");
    const QVariantList binds { source, orderId, statusId, m_clock->nowMs() };
    if (m_db->isPostgres()) {
        auto id = Sql::scalar(*m_db, insert + QStringLiteral(" RETURNING id"), binds);
        if (!id)
            return id.error();
        return id->toLongLong();
    }
    auto query = Sql::exec(*m_db, insert, binds);
    if (!query)
        return query.error();
    return query->lastInsertId().toLongLong();
}

Common::Status EchoGuardRepo::attach(qint64 markId, const QString &shopRef)
{
    auto done = Sql::update(*m_db, QStringLiteral("UPDATE echo_guard SET shop_ref = ? WHERE id = ?"),
                            { shopRef, markId });
    if (!done)
        return done.error();
    return {};
}

Common::Status EchoGuardRepo::discard(qint64 markId)
{
    auto done = Sql::update(*m_db, QStringLiteral("DELETE FROM echo_guard WHERE id = ?"), { markId });
    if (!done)
        return done.error();
    return {};
}

Result<bool> EchoGuardRepo::consume(const QString &source, const QString &shopRef, const QString &orderId,
                                    const QString &statusId)
{
    const qint64 now = m_clock->nowMs();
    auto exact
        = Sql::update(*m_db,
                      QStringLiteral("UPDATE echo_guard SET consumed_at = ? WHERE source = ? AND shop_ref = ?"
                                     " AND order_id = ? AND consumed_at = 0"),
                      { now, source, shopRef, orderId });
    if (!exact)
        return exact.error();
    if (exact.value() > 0)
        return true;
    // A mark whose shop reference was never attached (we crashed between the two writes).
    auto id = Sql::scalar(
        *m_db,
        QStringLiteral("SELECT id FROM echo_guard WHERE source = ? AND order_id = ? AND status_id = ?"
                       " AND shop_ref = '' AND consumed_at = 0 AND created_at >= ?"
                       " ORDER BY id LIMIT 1"),
        { source, orderId, statusId, now - kUnattachedTtlMs });
    if (!id)
        return id.error();
    if (!id->isValid())
        return false;
    auto used = Sql::update(
        *m_db, QStringLiteral("UPDATE echo_guard SET consumed_at = ?, shop_ref = ? WHERE id = ?"),
        { now, shopRef, id->toLongLong() });
    if (!used)
        return used.error();
    return true;
}

Result<int> EchoGuardRepo::prune(qint64 olderThanMs)
{
    return Sql::update(*m_db,
                       QStringLiteral("DELETE FROM echo_guard WHERE consumed_at > 0 AND consumed_at < ?"),
                       { olderThanMs });
}

} // namespace Store
