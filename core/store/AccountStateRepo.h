// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Result.h"
#include "storage/Database.h"

#include <QString>
#include <memory>

namespace Store {

/** What AccountStateRepo::claim found. */
struct AccountClaim
{
    enum class Kind {
        Stored, ///< the value is known: use it
        Claimed, ///< the caller now finds or makes it, then store()s it (or releaseClaim()s)
        Busy ///< another engine is finding or making it right now: ask again shortly
    };
    Kind kind = Kind::Busy;
    QString value; ///< for Stored
};

/**
 * State of a CRM account that every engine of a store must agree on, kept in the store instead of a
 * process (the amoCRM lead field that carries our external id, by its id). A value that has to be found
 * or created in the CRM is claimed first, under a store-wide lock (PostgreSQL: an advisory transaction
 * lock per connection; SQLite: the write lock of BEGIN IMMEDIATE), so exactly one engine looks for it
 * and creates it while the others wait for the stored result. The lock is held only for the claim, never
 * across the CRM's answer; a claim whose engine died goes stale after a minute of server time, at once when
 * that engine was a process of this machine (Common::EngineProcess::isGone). Any
 * thread (that thread's connection).
 */
class AccountStateRepo
{
public:
    explicit AccountStateRepo(std::shared_ptr<Storage::Database> db);

    /** The stored value, or the claim of it for @p claimer. */
    Common::Result<AccountClaim> claim(qint64 connectionId, const QString &key, const QString &claimer,
                                       qint64 staleMs = kStaleClaimMs);
    /** Stores what the claim found or made, and ends the claim. */
    Common::Status store(qint64 connectionId, const QString &key, const QString &value);
    /** Ends @p claimer's claim without a value (the CRM could not be asked). */
    Common::Status releaseClaim(qint64 connectionId, const QString &key, const QString &claimer);
    /** Forgets @p value (the CRM says it no longer exists), unless another engine stored a newer one. */
    Common::Status forget(qint64 connectionId, const QString &key, const QString &value);
    Common::Result<QString> value(qint64 connectionId, const QString &key);

    static constexpr qint64 kStaleClaimMs = 60'000;

private:
    std::shared_ptr<Storage::Database> m_db;
};

} // namespace Store
