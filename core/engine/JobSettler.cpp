// SPDX-License-Identifier: GPL-3.0-or-later
#include "JobSettler.h"

namespace Engine {

JobSettler::JobSettler(Store::JobRepo &jobs, const LaneConfig &config, const Common::Clock *clock,
                       Settled settled)
    : m_jobs(jobs)
    , m_config(config)
    , m_clock(clock)
    , m_settled(std::move(settled))
{ }

void JobSettler::done(const Store::Job &job, const QString &outcome, const QString &message)
{
    if (m_jobs.settleDone(job.id, m_config.owner, outcome)) {
        ++m_done;
        m_settled(job.id, QStringLiteral("done"), message);
    }
}

RetryPolicy::Decision JobSettler::fail(const Store::Job &job, const Common::Error &error)
{
    const RetryPolicy::Verdict verdict = m_config.retry.decide(error, job.attempts, m_clock->nowMs());
    switch (verdict.decision) {
    case RetryPolicy::Decision::Retry:
        if (m_jobs.settleRetry(job.id, m_config.owner, verdict.retryAtMs, error, false))
            m_settled(job.id, QStringLiteral("pending"), error.message);
        break;
    case RetryPolicy::Decision::Fail:
        if (m_jobs.settleFailed(job.id, m_config.owner, error)) {
            ++m_failed;
            m_settled(job.id, QStringLiteral("failed"), error.message);
        }
        break;
    case RetryPolicy::Decision::Pause:
        (void)m_jobs.release(job.id, m_config.owner, verdict.retryAtMs);
        break;
    }
    return verdict.decision;
}

void JobSettler::release(const Store::Job &job, qint64 atMs)
{
    (void)m_jobs.release(job.id, m_config.owner, atMs);
}

} // namespace Engine
