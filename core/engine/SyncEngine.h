// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Lane.h"
#include "LaneLeaseKeeper.h"
#include "SourcePoller.h"
#include "StatusLane.h"
#include "secrets/SecretStore.h"
#include "store/ConnectionRepo.h"
#include "store/Job.h"

#include <QMap>
#include <QObject>
#include <QTimer>
#include <functional>
#include <memory>

namespace Engine {

/**
 * The engine: per enabled CRM connection whose lease it holds (LaneLeaseKeeper: of several engines on
 * one store, one sends for each connection and spends its account's request budget; the others take
 * over within about half a minute when it dies) a lane that sends to the CRM and a status lane that applies
 * the CRM's stage changes to the shop, and one poller per enabled shop source (each on its own thread, owned
 * here), started from the connections and sources in the store. A poller that appended jobs wakes the
 * lanes. The desktop app embeds it on the GUI thread (it does no work there, only owns lanes
 * and forwards their signals); `crmbridgectl run` runs it headless. Everything it reports is also in the
 * store, so a console on another machine sees the same.
 */
class SyncEngine : public QObject
{
    Q_OBJECT
public:
    /** Makes the connector of a connection; called on the lane's thread. */
    using ConnectorFactoryFor
        = std::function<LaneWorker::ConnectorFactory(const Store::Connection &connection)>;

    SyncEngine(std::shared_ptr<Storage::Database> db, ConnectorFactoryFor connectors,
               const Common::Clock *clock = Common::Clock::system(), QObject *parent = nullptr);
    ~SyncEngine() override;

    /** A base for lease owners: host (or CRMBRIDGE_ENGINE_NAME) and process, so two engines on one store
     *  never share an owner. */
    static QString instanceId();
    /** Lane settings applied to every lane started after this call (tests shorten the timings). */
    void setLaneTemplate(const LaneConfig &config) { m_template = config; }
    /** Where the sources' database passwords (and other engine-side secrets) are read; set before
     *  start(). The connectors get theirs through the ConnectorFactory. */
    void setSecretStore(std::shared_ptr<Secrets::SecretStore> secrets) { m_secrets = std::move(secrets); }
    std::shared_ptr<Secrets::SecretStore> secretStore() const { return m_secrets; }
    /** The shop platforms the engine can read and write (the app registers them); set before start().
     *  Without it no source is polled. */
    void setSources(std::shared_ptr<const Source::SourceRegistry> sources) { m_sources = std::move(sources); }
    /** Poller settings for every source (tests shorten the timings); the setting
     *  sources.poll_interval_ms overrides the interval, sources.webhook_poll_interval_ms the fallback
     *  interval of sources whose webhooks are on. */
    void setPollerTemplate(const PollerConfig &config) { m_pollerTemplate = config; }
    /** A hook run before every create, on the lane threads (set before start()). */
    void setBeforeSendHook(LaneWorker::BeforeSendHook hook) { m_beforeSend = std::move(hook); }
    /** How often throughputMeasured and countsMeasured are emitted (default 10 s; set before start()). */
    void setStatsInterval(int ms) { m_statsTimer.setInterval(ms); }
    /** How often the store is asked for connections and sources added since start(), and for connections
     *  whose lease another engine no longer renews (default 5 s). */
    void setAdoptInterval(int ms) { m_adoptTimer.setInterval(ms); }
    /** The lane leases' time to live and renewal (tests shorten them; set before start()). */
    void setLeaseTiming(const LeaseTiming &timing) { m_leases->setTiming(timing); }
    /** The engine as the lane leases name it ("host:pid"). */
    QString holder() const { return m_leases->holder(); }

    /** Takes back the jobs of dead engines of this machine, then starts the lanes of the connections whose
     *  lease it gets, and the pollers. While it runs, a connection or source added (or switched on)
     *  later, or a connection whose holder stopped renewing its lease, gets its lanes or poller within a
     *  few seconds (setAdoptInterval), without a restart. */
    Common::Status start();
    /** Stops every poller and every lane after its current round, then gives the leases up; stopped()
     *  follows. */
    void stop();
    /** New jobs are due: every lane (and status lane) looks now. */
    void wake();
    /** The shop said @p source changed (its webhook): its poller reads it now. */
    void readSourceNow(const QString &source);
    QList<Lane *> lanes() const { return m_lanes.values(); }
    QList<StatusLane *> statusLanes() const { return m_statusLanes.values(); }
    /** The names of the sources being polled. */
    QStringList polledSources() const { return m_pollers.keys(); }

Q_SIGNALS:
    void laneStateChanged(qint64 connectionId, Engine::LaneState state, const QString &reason);
    void sourceStateChanged(const QString &source, Engine::PollerState state, const QString &reason);
    void jobSettled(qint64 jobId, const QString &state, const QString &message);
    /** Jobs settled per minute over the last hour, from the store (JobRepo::settledPerMinute), oldest first.
     */
    void throughputMeasured(const QList<Store::MinuteCount> &minutes);
    /** Jobs by state ("pending", "done", …), from the store (JobRepo::countsByState). */
    void countsMeasured(const QMap<QString, int> &counts);
    void stopped();

private:
    /** Lanes and status lanes for every enabled connection that has none yet. */
    Common::Status startLanes();
    Common::Status startPollers();
    void adoptNewConnectionsAndSources();
    /** Jobs stored while their source had no CRM to go to get their connections now (Outbox). */
    void addressWaitingJobs();
    void finishedStopping();
    /** Jobs leased by an engine of this machine that died (kill -9, a crash) are due again now, not
     *  when their lease runs out; its `sending` jobs are reconciled before any retry. */
    void reclaimLeasesOfDeadEngines();
    /** Takes a connection's lease (when free, run out, or its holder is a dead process here); false when
     *  another engine holds it or its lanes must wait for a handover. */
    bool holdConnection(qint64 connectionId);
    /** Jobs of @p connectionId that @p previousHolder leased are due again now: it lost the connection. */
    void takeBackJobsOf(const QString &previousHolder, qint64 connectionId);
    void onLeaseLost(qint64 connectionId, const QString &reason);
    /** Lanes of a lost connection stop in the background and are deleted when they have. */
    void dropLanes(qint64 connectionId);

    std::shared_ptr<Storage::Database> m_db;
    ConnectorFactoryFor m_connectors;
    const Common::Clock *m_clock;
    LaneConfig m_template;
    LaneWorker::BeforeSendHook m_beforeSend;
    std::shared_ptr<Secrets::SecretStore> m_secrets;
    std::shared_ptr<const Source::SourceRegistry> m_sources;
    PollerConfig m_pollerTemplate;
    QMap<qint64, Lane *> m_lanes;
    QMap<qint64, StatusLane *> m_statusLanes;
    struct PollerThread
    {
        QThread *thread;
        SourcePoller *poller; ///< lives on thread, deleted when it finishes
    };
    QMap<QString, PollerThread> m_pollers; ///< by source name
    QTimer m_statsTimer;
    QTimer m_adoptTimer;
    LaneLeaseKeeper *m_leases;
    QHash<qint64, qint64> m_startNotBefore; ///< connection → steady ms: a handover's wait
    QHash<qint64, QString> m_heldElsewhere; ///< connection → the other engine that holds it (logged once)
    int m_stopping = 0;

    void measure();
};

} // namespace Engine
