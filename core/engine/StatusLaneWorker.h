// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "JobSettler.h"
#include "LaneConfig.h"
#include "LaneWorker.h"
#include "common/Clock.h"
#include "secrets/SecretStore.h"
#include "source/ShopSource.h"
#include "source/SourceRegistry.h"
#include "storage/Database.h"
#include "store/JobRepo.h"

#include <QHash>
#include <QObject>
#include <QTimer>
#include <memory>

namespace Engine {

class PointsBackSync;
class StageEventPoller;

/**
 * CRM → shop for one connection: leases its `crm.stage_changed` jobs and applies each to the shop
 * order linked to the deal, through that order's ShopSource (opened here, on this thread, through the
 * engine's Source::SourceRegistry). A change is
 * - dropped as our own echo when it matches a move this connection made (StageMoveBatch's marks),
 * - skipped when the deal came from no order, the status map ignores the stage (only rows "both" and
 *   "from CRM" map back), the order is already in that status, or it is older than the last change
 *   applied to the order ("newer wins"; the time of the last applied change is a watermark
 *   "crm-applied:<connection>" / "<source>:<order>"),
 * - failed visibly when the shop refuses it (final or fixed statuses: the source's "status-*" errors),
 * - retried when the shop or the store is unreachable.
 * Its `crm.points_changed` jobs (bonus points set on a CRM customer) go to PointsBackSync.
 * Also runs the connection's StageEventPoller (back-sync by polling), and reports a heartbeat next to
 * the sending lanes' (Store::LaneStatusRepo, kind "status"). Lives on the status lane's
 * QThread (moved there by StatusLane, which owns the thread); timers and callbacks, never blocking.
 */
class StatusLaneWorker : public QObject
{
    Q_OBJECT
public:
    StatusLaneWorker(std::shared_ptr<Storage::Database> db, LaneConfig config,
                     LaneWorker::ConnectorFactory factory, std::shared_ptr<Secrets::SecretStore> secrets,
                     const Common::Clock *clock = Common::Clock::system());
    ~StatusLaneWorker() override;

    static QString appliedSource(qint64 connectionId);
    /** The shop platforms whose sources this lane can open; set before the thread starts. */
    void setSources(std::shared_ptr<const Source::SourceRegistry> sources)
    {
        m_shopSources = std::move(sources);
    }

public Q_SLOTS:
    void start();
    void stop();
    void wake();

Q_SIGNALS:
    void jobSettled(qint64 jobId, const QString &state, const QString &message);
    void stopped();

private:
    void cycle();
    void apply(const Store::Job &job);
    /** The open source of that name; null while it is being opened (the job waits a moment). */
    std::shared_ptr<Source::ShopSource> source(const QString &name, std::optional<Common::Error> *error);
    void scheduleNext(int delayMs);
    /** The heartbeat in lane_status (kind "status"): off, listening (webhook), polling, or paused with
     *  the reason the CRM's changes cannot be read; and how many changes were applied or failed. */
    void report();

    std::shared_ptr<Storage::Database> m_db;
    LaneConfig m_config;
    LaneWorker::ConnectorFactory m_factory;
    std::shared_ptr<Secrets::SecretStore> m_secrets;
    std::shared_ptr<const Source::SourceRegistry> m_shopSources;
    const Common::Clock *m_clock;

    std::unique_ptr<Crm::CrmConnector> m_connector;
    std::unique_ptr<Store::JobRepo> m_jobs;
    std::unique_ptr<JobSettler> m_settler;
    std::unique_ptr<PointsBackSync> m_points;
    StageEventPoller *m_poller = nullptr;
    QTimer *m_timer = nullptr;
    QTimer *m_heartbeat = nullptr;
    qint64 m_startedAt = 0;
    QHash<QString, std::shared_ptr<Source::ShopSource>> m_sources;
    QHash<QString, Common::Error> m_sourceErrors; ///< the last failed open, until the next try
    QSet<QString> m_opening;
    bool m_stopping = false;
};

} // namespace Engine
