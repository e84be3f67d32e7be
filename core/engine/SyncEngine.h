// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Lane.h"
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
 * The engine: per enabled CRM connection a lane that sends to the CRM and a status lane that applies the
 * CRM's stage changes to the shop, and one poller per enabled shop source (each on its own thread, owned
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

    /** A base for lease owners: host and process, so two engines on one store never share an owner. */
    static QString instanceId();
    /** Lane settings applied to every lane started after this call (tests shorten the timings). */
    void setLaneTemplate(const LaneConfig &config) { m_template = config; }
    /** Where the sources' database passwords (and other engine-side secrets) are read; set before
     *  start(). The connectors get theirs through the ConnectorFactory. */
    void setSecretStore(std::shared_ptr<Secrets::SecretStore> secrets) { m_secrets = std::move(secrets); }
    std::shared_ptr<Secrets::SecretStore> secretStore() const { return m_secrets; }
    /** Poller settings for every source (tests shorten the timings); the setting
     *  sources.poll_interval_ms overrides the interval. */
    void setPollerTemplate(const PollerConfig &config) { m_pollerTemplate = config; }
    /** A hook run before every create, on the lane threads (set before start()). */
    void setBeforeSendHook(LaneWorker::BeforeSendHook hook) { m_beforeSend = std::move(hook); }
    /** How often throughputMeasured and countsMeasured are emitted (default 10 s; set before start()). */
    void setStatsInterval(int ms) { m_statsTimer.setInterval(ms); }
    /** How often the store is asked for connections and sources added since start() (default 5 s). */
    void setAdoptInterval(int ms) { m_adoptTimer.setInterval(ms); }

    /** Takes back the jobs of dead engines of this machine, then starts the lanes and pollers. While it
     *  runs, a connection or source added (or switched on) later gets its lanes or poller within a few
     *  seconds (setAdoptInterval), without a restart. */
    Common::Status start();
    /** Stops every poller and every lane after its current round; stopped() follows. */
    void stop();
    /** New jobs are due: every lane (and status lane) looks now. */
    void wake();
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
    void finishedStopping();
    /** Jobs leased by an engine of this machine that died (kill -9, a crash) are due again now, not
     *  when their lease runs out; its `sending` jobs are reconciled before any retry. */
    void reclaimLeasesOfDeadEngines();

    std::shared_ptr<Storage::Database> m_db;
    ConnectorFactoryFor m_connectors;
    const Common::Clock *m_clock;
    LaneConfig m_template;
    LaneWorker::BeforeSendHook m_beforeSend;
    std::shared_ptr<Secrets::SecretStore> m_secrets;
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
    int m_stopping = 0;

    void measure();
};

} // namespace Engine
