// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "CatalogSync.h"
#include "LaneConfig.h"
#include "common/Clock.h"
#include "crm/CrmConnector.h"
#include "model/Catalog.h"
#include "storage/Database.h"
#include "store/Job.h"
#include "store/JobRepo.h"

#include <functional>
#include <memory>

namespace Engine {

/**
 * A catalogue run is a job like any other (kind "catalog.sync", one per connection and source, the
 * source's name as its reference): it waits in the queue, is leased by the connection's lane, retried
 * with backoff, failed for the operator and resent. request() puts one in the queue (on demand, or
 * when the schedule says it is time); at most one waits per connection and source. Any thread.
 */
namespace CatalogJobs {

inline const QString kKind = QStringLiteral("catalog.sync");

/** Queues a run of @p source's catalogue for @p connectionId unless one is waiting; true when queued. */
Common::Result<bool> request(std::shared_ptr<Storage::Database> db, qint64 connectionId,
                             const QString &source, const Common::Clock *clock = Common::Clock::system());
/** Queues the runs the schedule (CatalogSettings::intervalMs) makes due for @p connectionId. */
Common::Result<int> requestDue(std::shared_ptr<Storage::Database> db, qint64 connectionId,
                               const QString &connectionName,
                               const Common::Clock *clock = Common::Clock::system());

} // namespace CatalogJobs

/**
 * The catalogue work of one lane, run when the lane has no order, form or status change to send (a
 * catalogue is "low priority" next to orders): queues the scheduled runs, leases one catalog.sync job,
 * reads the source's catalogue (through the lane's ReadCatalog) and sends one round of it
 * (CatalogSync, at most kChangesPerRound products, so orders never wait long); a run with more to do
 * gives its job back, due at once. Lives on the lane's thread; owned by the lane worker.
 */
class CatalogLaneWork
{
public:
    /** Reads @p source's catalogue on the lane's thread; the snapshot keeps the source open for the run. */
    using ReadCatalog = std::function<void(const QString &source,
                                           std::function<void(Common::Result<CatalogSnapshot>)> done)>;
    struct Lane
    {
        std::function<void(const Store::Job &job, const Common::Error &error)> settleError;
        std::function<void(qint64 jobId, const QString &state, const QString &message)> settled;
    };
    static constexpr int kChangesPerRound = 2500;

    CatalogLaneWork(std::shared_ptr<Storage::Database> db, const LaneConfig *config,
                    Crm::CrmConnector *connector, Store::JobRepo *jobs, ReadCatalog read, Lane lane,
                    const Common::Clock *clock = Common::Clock::system());

    /** Starts due catalogue work and returns true, calling @p finished(more) when it ends; false when
     *  there is none (then @p finished is not called). */
    bool run(std::function<void(bool more)> finished);

private:
    void runJob(const Store::Job &job, std::function<void(bool more)> finished);

    std::shared_ptr<Storage::Database> m_db;
    const LaneConfig *m_config;
    Crm::CrmConnector *m_connector;
    Store::JobRepo *m_jobs;
    ReadCatalog m_read;
    Lane m_lane;
    const Common::Clock *m_clock;
    CatalogSync m_sync;
    qint64 m_scheduleCheckedAt = 0;
};

} // namespace Engine
