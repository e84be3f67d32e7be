// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Clock.h"
#include "common/Result.h"
#include "storage/Database.h"

#include <QList>
#include <QString>
#include <memory>

namespace Store {

/** What one lane of one engine is doing, as it last reported (a heartbeat every few seconds). */
struct LaneStatus
{
    enum class Kind { Send, Status };
    QString owner; ///< engine instance + connection, e.g. "host:4711:amocrm-1"
    qint64 connectionId = 0;
    Kind kind = Kind::Send; ///< a sending lane (shop → CRM) or a status lane (CRM → shop)
    QString state; ///< starting, idle, sending, paused, stopped; a status lane: idle, applying, unreachable
    QString reason; ///< why paused, for the operator
    qint64 sent = 0; ///< a status lane: changes applied to the shop
    qint64 failed = 0;
    qint64 heartbeatAt = 0;
    qint64 startedAt = 0;
};

/**
 * Lane states in the store, so `crmbridgectl status` and a console on another machine see every
 * engine's lanes. A lane whose heartbeat is older than a minute is shown as gone; one silent for a day
 * (an engine that stopped or died long ago) is no longer listed, and an engine's start deletes it.
 */
class LaneStatusRepo
{
public:
    explicit LaneStatusRepo(std::shared_ptr<Storage::Database> db,
                            const Common::Clock *clock = Common::Clock::system());

    Common::Status report(const LaneStatus &status);
    /** Every lane heard from within kForgetAfterMs. */
    Common::Result<QList<LaneStatus>> all();
    /** Deletes the lanes whose last heartbeat is before @p cutoffMs. */
    Common::Status forgetSilentSince(qint64 cutoffMs);
    Common::Status remove(const QString &owner);
    /** "send" or "status", as stored and as `status --json` shows it. */
    static QString kindName(LaneStatus::Kind kind);
    /** An engine silent this long is forgotten (a day). */
    static constexpr qint64 kForgetAfterMs = 24 * 3'600'000;

private:
    std::shared_ptr<Storage::Database> m_db;
    const Common::Clock *m_clock;
};

} // namespace Store
