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
    QString owner; ///< engine instance + connection, e.g. "host:4711:amocrm-1"
    qint64 connectionId = 0;
    QString state; ///< starting, idle, sending, paused, stopped
    QString reason; ///< why paused, for the operator
    qint64 sent = 0;
    qint64 failed = 0;
    qint64 heartbeatAt = 0;
    qint64 startedAt = 0;
};

/**
 * Lane states in the store, so `crmbridgectl status` and a console on another machine see every
 * engine's lanes. A lane whose heartbeat is older than a minute is shown as gone.
 */
class LaneStatusRepo
{
public:
    explicit LaneStatusRepo(std::shared_ptr<Storage::Database> db,
                            const Common::Clock *clock = Common::Clock::system());

    Common::Status report(const LaneStatus &status);
    Common::Result<QList<LaneStatus>> all();
    Common::Status remove(const QString &owner);

private:
    std::shared_ptr<Storage::Database> m_db;
    const Common::Clock *m_clock;
};

} // namespace Store
