// SPDX-License-Identifier: GPL-3.0-or-later
#include "AccountStateRepo.h"

#include "common/EngineProcess.h"
#include "storage/ServerTime.h"
#include "storage/Sql.h"
#include "storage/Transaction.h"

namespace Store {

using Common::Result;
namespace Sql = Storage::Sql;

namespace {
/** The first key of PostgreSQL's two-key advisory locks that guard account state ("CRMA"). */
constexpr int kAdvisoryLockClass = 0x43524d41;
} // namespace

AccountStateRepo::AccountStateRepo(std::shared_ptr<Storage::Database> db)
    : m_db(std::move(db))
{ }

Result<AccountClaim> AccountStateRepo::claim(qint64 connectionId, const QString &key, const QString &claimer,
                                             qint64 staleMs)
{
    Storage::Transaction tx(*m_db);
    if (!tx.isActive())
        return tx.error();
    // Read-then-write under one lock: PostgreSQL's row locks cannot guard a row that does not exist
    // yet, so two engines take the same advisory lock; SQLite's BEGIN IMMEDIATE already serialises.
    if (m_db->isPostgres()) {
        if (auto locked = Sql::exec(*m_db, QStringLiteral("SELECT pg_advisory_xact_lock(?, ?)"),
                                    { kAdvisoryLockClass, int(connectionId) });
            !locked)
            return locked.error();
    }
    const QString now = Storage::serverNowMs(*m_db);
    auto row = Sql::exec(*m_db,
                         QStringLiteral("SELECT value, claimed_by, claimed_at, %1 FROM crm_account_state"
                                        " WHERE connection_id = ? AND key = ?")
                             .arg(now),
                         { connectionId, key });
    if (!row)
        return row.error();
    AccountClaim claim;
    if (row->next()) {
        const QString value = row->value(0).toString();
        const QString claimedBy = row->value(1).toString();
        const qint64 claimedAt = row->value(2).toLongLong();
        const qint64 serverNow = row->value(3).toLongLong();
        if (!value.isEmpty()) {
            claim.kind = AccountClaim::Kind::Stored;
            claim.value = value;
            return claim;
        }
        // A claim of an engine of this machine that was killed is taken at once: its restart must not
        // wait out the minute (every deal of the account waits for this value).
        if (!claimedBy.isEmpty() && claimedBy != claimer && serverNow - claimedAt < staleMs
            && !Common::EngineProcess::isGone(claimedBy))
            return claim; // Busy
    }
    auto claimed = Sql::exec(
        *m_db,
        QStringLiteral(
            "INSERT INTO crm_account_state (connection_id, key, claimed_by, claimed_at, updated_at)"
            " VALUES (?, ?, ?, %1, %1) ON CONFLICT (connection_id, key) DO UPDATE SET"
            " claimed_by = excluded.claimed_by, claimed_at = excluded.claimed_at")
            .arg(now),
        { connectionId, key, claimer });
    if (!claimed)
        return claimed.error();
    if (auto committed = tx.commit(); !committed)
        return committed.error();
    claim.kind = AccountClaim::Kind::Claimed;
    return claim;
}

Common::Status AccountStateRepo::store(qint64 connectionId, const QString &key, const QString &value)
{
    auto stored = Sql::exec(
        *m_db,
        QStringLiteral(
            "INSERT INTO crm_account_state (connection_id, key, value, updated_at) VALUES (?, ?, ?, %1)"
            " ON CONFLICT (connection_id, key) DO UPDATE SET value = excluded.value,"
            " claimed_by = '', claimed_at = 0, updated_at = excluded.updated_at")
            .arg(Storage::serverNowMs(*m_db)),
        { connectionId, key, value });
    if (!stored)
        return stored.error();
    return {};
}

Common::Status AccountStateRepo::releaseClaim(qint64 connectionId, const QString &key, const QString &claimer)
{
    auto released = Sql::exec(*m_db,
                              QStringLiteral("UPDATE crm_account_state SET claimed_by = '', claimed_at = 0"
                                             " WHERE connection_id = ? AND key = ? AND claimed_by = ?"),
                              { connectionId, key, claimer });
    if (!released)
        return released.error();
    return {};
}

Common::Status AccountStateRepo::forget(qint64 connectionId, const QString &key, const QString &value)
{
    auto forgotten = Sql::exec(*m_db,
                               QStringLiteral("UPDATE crm_account_state SET value = '', updated_at = %1"
                                              " WHERE connection_id = ? AND key = ? AND value = ?")
                                   .arg(Storage::serverNowMs(*m_db)),
                               { connectionId, key, value });
    if (!forgotten)
        return forgotten.error();
    return {};
}

Result<QString> AccountStateRepo::value(qint64 connectionId, const QString &key)
{
    auto value = Sql::scalar(
        *m_db, QStringLiteral("SELECT value FROM crm_account_state WHERE connection_id = ? AND key = ?"),
        { connectionId, key });
    if (!value)
        return value.error();
    return value->toString();
}

} // namespace Store
