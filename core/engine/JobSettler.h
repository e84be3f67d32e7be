// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "LaneConfig.h"
#include "common/Clock.h"
#include "store/Job.h"
#include "store/JobRepo.h"

#include <functional>

namespace Engine {

/**
 * Settles the jobs one lease owner holds: done with an outcome and a message for the operator, or an
 * error decided by the lane's RetryPolicy (retry later, fail visibly, or give back for a paused
 * lane). Counts what it settled. Used by the status-change workers on their lane's thread.
 */
class JobSettler
{
public:
    using Settled = std::function<void(qint64 jobId, const QString &state, const QString &message)>;

    JobSettler(Store::JobRepo &jobs, const LaneConfig &config, const Common::Clock *clock, Settled settled);

    void done(const Store::Job &job, const QString &outcome, const QString &message);
    RetryPolicy::Decision fail(const Store::Job &job, const Common::Error &error);
    /** Back to the queue without using up an attempt. */
    void release(const Store::Job &job, qint64 atMs);

    int doneCount() const { return m_done; }
    int failedCount() const { return m_failed; }
    void resetCounts() { m_done = m_failed = 0; }

private:
    Store::JobRepo &m_jobs;
    const LaneConfig &m_config;
    const Common::Clock *m_clock;
    Settled m_settled;
    int m_done = 0;
    int m_failed = 0;
};

} // namespace Engine
