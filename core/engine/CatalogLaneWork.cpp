// SPDX-License-Identifier: GPL-3.0-or-later
#include "CatalogLaneWork.h"

#include "storage/Sql.h"

#include <QCoreApplication>
#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcEngine)

namespace Engine {

using Common::Error;
namespace Sql = Storage::Sql;

namespace {

/** How often an idle lane looks whether the schedule made a run due. */
constexpr qint64 kScheduleCheckMs = 10'000;

QString tr(const char *text)
{
    return QCoreApplication::translate("Engine::CatalogLaneWork", text);
}

} // namespace

namespace CatalogJobs {

Common::Result<bool> request(std::shared_ptr<Storage::Database> db, qint64 connectionId,
                             const QString &source, const Common::Clock *clock)
{
    auto open = Sql::exec(*db,
                          QStringLiteral("SELECT id, state FROM jobs WHERE kind = ? AND connection_id = ?"
                                         " AND source_ref = ? AND state IN ('pending', 'running', 'sending',"
                                         " 'failed') ORDER BY id DESC"),
                          { kKind, connectionId, source });
    if (!open)
        return open.error();
    QList<qint64> failed;
    while (open->next()) {
        if (open->value(1).toString() != QLatin1String("failed"))
            return false; // one is waiting or running: it reads the catalogue as it is then
        failed << open->value(0).toLongLong();
    }
    Store::JobRepo jobs(db, clock);
    if (!failed.isEmpty()) {
        // The failed run is the one to try again: one job per connection and source in the queue.
        auto resent = jobs.resend({ failed.first() });
        if (!resent)
            return resent.error();
        return resent.value() > 0;
    }
    Store::NewJob job;
    job.kind = kKind;
    job.connectionId = connectionId;
    job.source = source;
    job.sourceRef = source;
    job.reference = source;
    job.idempotencyKey = QStringLiteral("catalog:%1:%2:%3").arg(connectionId).arg(source).arg(clock->nowMs());
    auto queued = jobs.enqueue(job);
    if (!queued)
        return queued.error();
    return queued->created;
}

Common::Result<int> requestDue(std::shared_ptr<Storage::Database> db, qint64 connectionId,
                               const QString &connectionName, const Common::Clock *clock)
{
    auto settings = CatalogSettings::read(db, connectionName);
    if (!settings)
        return settings.error();
    if (settings->intervalMs <= 0)
        return 0;
    Store::CatalogRepo repo(db, clock);
    auto sources = repo.sourcesOf(connectionId);
    if (!sources)
        return sources.error();
    auto runs = repo.runs();
    if (!runs)
        return runs.error();
    int queued = 0;
    for (const QString &source : std::as_const(*sources)) {
        qint64 last = 0;
        for (const Store::CatalogRun &run : std::as_const(*runs)) {
            if (run.connectionId == connectionId && run.source == source)
                last = run.startedAt;
        }
        if (last && clock->nowMs() - last < settings->intervalMs)
            continue;
        auto requested = request(db, connectionId, source, clock);
        if (!requested)
            return requested.error();
        queued += requested.value() ? 1 : 0;
    }
    return queued;
}

} // namespace CatalogJobs

CatalogLaneWork::CatalogLaneWork(std::shared_ptr<Storage::Database> db, const LaneConfig *config,
                                 Crm::CrmConnector *connector, Store::JobRepo *jobs, ReadCatalog read,
                                 Lane lane, const Common::Clock *clock)
    : m_db(db)
    , m_config(config)
    , m_connector(connector)
    , m_jobs(jobs)
    , m_read(std::move(read))
    , m_lane(std::move(lane))
    , m_clock(clock)
    , m_sync(std::move(db), config->connectionId, connector, clock)
{ }

bool CatalogLaneWork::run(std::function<void(bool more)> finished)
{
    if (!m_read || !m_connector->hasProductCatalog())
        return false;
    if (m_clock->nowMs() - m_scheduleCheckedAt >= kScheduleCheckMs) {
        m_scheduleCheckedAt = m_clock->nowMs();
        if (auto due
            = CatalogJobs::requestDue(m_db, m_config->connectionId, m_config->connectionName, m_clock);
            !due)
            qCWarning(lcEngine) << "lane" << m_config->owner
                                << "cannot schedule the catalogue:" << due.error().toString();
    }
    auto leased = m_jobs->lease(m_config->owner, 1, m_config->leaseMs, m_config->connectionId,
                                { CatalogJobs::kKind });
    if (!leased) {
        qCWarning(lcEngine) << "lane" << m_config->owner
                            << "cannot lease catalogue runs:" << leased.error().toString();
        return false;
    }
    if (leased->isEmpty())
        return false;
    runJob(leased->first(), std::move(finished));
    return true;
}

void CatalogLaneWork::runJob(const Store::Job &job, std::function<void(bool more)> finished)
{
    const QString source = job.sourceRef;
    m_read(source, [this, job, source, finished](Common::Result<CatalogSnapshot> snapshot) {
        if (!snapshot) {
            m_lane.settleError(job, snapshot.error());
            finished(false);
            return;
        }
        auto settings = CatalogSettings::read(m_db, m_config->connectionName);
        if (!settings) {
            m_lane.settleError(job, settings.error());
            finished(false);
            return;
        }
        m_sync.run(source, snapshot.value(), settings->removed, kChangesPerRound,
                   [this, job, finished](CatalogSync::Outcome outcome) {
                       if (outcome.error) {
                           m_lane.settleError(job, *outcome.error);
                           finished(false);
                           return;
                       }
                       const Store::CatalogRun &run = outcome.run;
                       if (outcome.more) {
                           // More than a round's worth: the next round goes on, after any order.
                           (void)m_jobs->release(job.id, m_config->owner, m_clock->nowMs());
                           m_lane.settled(job.id, QStringLiteral("pending"),
                                          tr("Catalogue: %1 created, %2 updated so far; more to send")
                                              .arg(run.created)
                                              .arg(run.updated));
                           finished(true);
                           return;
                       }
                       QString message = tr("Catalogue: %1 products, %2 created, %3 updated, %4 retired")
                                             .arg(run.products)
                                             .arg(run.created)
                                             .arg(run.updated)
                                             .arg(run.retired);
                       if (outcome.unlinked > 0)
                           message += tr("; %1 gone from the shop unlinked").arg(outcome.unlinked);
                       if (outcome.shopDeleted + outcome.shopKept > 0)
                           message += tr("; %1 deleted in the CRM deleted in the shop, %2 kept by the shop")
                                          .arg(outcome.shopDeleted)
                                          .arg(outcome.shopKept);
                       if (m_jobs->settleDone(job.id, m_config->owner))
                           m_lane.settled(job.id, QStringLiteral("done"), message);
                       finished(false);
                   });
    });
}

} // namespace Engine
