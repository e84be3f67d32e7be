// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Clock.h"
#include "common/Result.h"
#include "storage/Database.h"

#include <QList>
#include <QString>
#include <memory>

namespace Store {

/** What one engine's poller of one shop source is doing, as it last reported. */
struct SourceStatus
{
    QString owner; ///< engine instance + source, e.g. "host:4711:source:shop"
    QString source; ///< the source's name
    QString state; ///< starting, watching, unreachable, stopped
    QString reason; ///< why unreachable, for the operator
    qint64 appended = 0; ///< events appended to the outbox since the poller started
    qint64 polledAt = 0; ///< the last poll that reached the shop
    qint64 heartbeatAt = 0;
    qint64 startedAt = 0;
};

/**
 * Source poller states in the store (like LaneStatusRepo for lanes), so `crmbridgectl status` and a
 * console on another machine see a shop that cannot be reached. Any thread (that thread's connection).
 */
class SourceStatusRepo
{
public:
    explicit SourceStatusRepo(std::shared_ptr<Storage::Database> db,
                              const Common::Clock *clock = Common::Clock::system());

    Common::Status report(const SourceStatus &status);
    /** Every poller heard from within a day (LaneStatusRepo::kForgetAfterMs). */
    Common::Result<QList<SourceStatus>> all();
    /** Deletes the pollers whose last heartbeat is before @p cutoffMs. */
    Common::Status forgetSilentSince(qint64 cutoffMs);

private:
    std::shared_ptr<Storage::Database> m_db;
    const Common::Clock *m_clock;
};

} // namespace Store
