// SPDX-License-Identifier: GPL-3.0-or-later
#include "SyncEngine.h"

#include "CatalogSourceReader.h"
#include "EngineSettings.h"
#include "common/EngineProcess.h"
#include "source/SourceRepo.h"
#include "store/JobRepo.h"
#include "store/LaneStatusRepo.h"
#include "store/Outbox.h"
#include "store/SettingsRepo.h"
#include "store/SourceStatusRepo.h"

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcEngine)

namespace Engine {

SyncEngine::SyncEngine(std::shared_ptr<Storage::Database> db, ConnectorFactoryFor connectors,
                       const Common::Clock *clock, QObject *parent)
    : QObject(parent)
    , m_db(std::move(db))
    , m_connectors(std::move(connectors))
    , m_clock(clock)
    , m_leases(new LaneLeaseKeeper(m_db, instanceId(), this))
{
    m_leases->setHolderGone(Common::EngineProcess::isGone);
    connect(m_leases, &LaneLeaseKeeper::leaseLost, this, &SyncEngine::onLeaseLost);
    // One small query per interval on this thread; everything else happens on the lanes' threads.
    m_statsTimer.setInterval(10'000);
    connect(&m_statsTimer, &QTimer::timeout, this, &SyncEngine::measure);
    m_adoptTimer.setInterval(5'000);
    connect(&m_adoptTimer, &QTimer::timeout, this, &SyncEngine::adoptNewConnectionsAndSources);
}

SyncEngine::~SyncEngine()
{
    for (const PollerThread &p : std::as_const(m_pollers)) {
        p.thread->quit();
        p.thread->wait();
    }
    qDeleteAll(m_lanes);
    qDeleteAll(m_statusLanes);
    m_leases->releaseAll();
}

QString SyncEngine::instanceId()
{
    return Common::EngineProcess::instanceId();
}

void SyncEngine::reclaimLeasesOfDeadEngines()
{
    Store::JobRepo jobs(m_db, m_clock);
    auto holders = jobs.leaseHolders();
    if (!holders) {
        qCWarning(lcEngine) << "cannot read the lease holders:" << holders.error().toString();
        return;
    }
    for (const QString &owner : std::as_const(*holders)) {
        // Owners start with instanceId() ("host:pid:connection[:status]"); only this machine's
        // processes can be checked.
        if (owner.count(QLatin1Char(':')) < 2 || !Common::EngineProcess::isGone(owner))
            continue;
        if (auto expired = jobs.expireLeasesOf(owner); expired)
            qCInfo(lcEngine) << "took back" << expired.value() << "jobs of the engine" << owner
                             << "that is gone";
    }
}

Common::Status SyncEngine::start()
{
    reclaimLeasesOfDeadEngines();
    // Engines that stopped (or died) a day ago or more are no longer listed by `status`.
    const qint64 dayAgo = m_clock->nowMs() - Store::LaneStatusRepo::kForgetAfterMs;
    if (auto forgotten = Store::LaneStatusRepo(m_db, m_clock).forgetSilentSince(dayAgo); !forgotten)
        qCWarning(lcEngine) << "cannot forget old lane states:" << forgotten.error().toString();
    if (auto forgotten = Store::SourceStatusRepo(m_db, m_clock).forgetSilentSince(dayAgo); !forgotten)
        qCWarning(lcEngine) << "cannot forget old poller states:" << forgotten.error().toString();
    addressWaitingJobs();
    if (auto lanes = startLanes(); !lanes)
        return lanes;
    m_statsTimer.start();
    m_adoptTimer.start();
    measure();
    return startPollers();
}

void SyncEngine::adoptNewConnectionsAndSources()
{
    if (m_stopping > 0)
        return;
    const Common::Status lanes = startLanes();
    const Common::Status pollers = lanes ? startPollers() : lanes;
    if (!pollers)
        qCWarning(lcEngine) << "cannot look for new connections and sources:" << pollers.error().toString();
    addressWaitingJobs();
}

void SyncEngine::addressWaitingJobs()
{
    auto addressed = Store::Outbox(m_db, m_clock).addressWaiting();
    if (!addressed)
        qCWarning(lcEngine) << "cannot address waiting jobs:" << addressed.error().toString();
    else if (addressed.value() > 0)
        wake();
}

Common::Status SyncEngine::startLanes()
{
    auto connections = Store::ConnectionRepo(m_db, m_clock).list();
    if (!connections)
        return connections.error();
    for (const Store::Connection &connection : *connections) {
        if (m_lanes.contains(connection.id) || !connection.enabled() || !holdConnection(connection.id))
            continue;
        LaneConfig config = m_template;
        config.connectionId = connection.id;
        config.connectionName = connection.name;
        config.owner = QStringLiteral("%1:%2").arg(m_leases->holder()).arg(connection.id);
        config.lease = m_leases->guard(connection.id);
        if (auto applied = EngineSettings::apply(m_db, config); !applied)
            return applied.error();
        auto *lane = new Lane(m_db, config, m_connectors(connection), m_clock, this);
        if (m_beforeSend)
            lane->setBeforeSendHook(m_beforeSend);
        lane->setCatalogReader(catalogReaderFor(m_db, m_sources, m_secrets, m_clock));
        connect(lane, &Lane::stateChanged, this, &SyncEngine::laneStateChanged);
        connect(lane, &Lane::jobSettled, this, &SyncEngine::jobSettled);
        connect(lane, &Lane::stopped, this, [this](qint64) {
            if (m_stopping > 0)
                finishedStopping();
        });
        m_lanes.insert(connection.id, lane);
        lane->start();

        LaneConfig statusConfig = config;
        statusConfig.owner += QStringLiteral(":status");
        auto *statusLane
            = new StatusLane(m_db, statusConfig, m_connectors(connection), m_secrets, m_clock, this);
        statusLane->setSources(m_sources);
        connect(statusLane, &StatusLane::jobSettled, this, &SyncEngine::jobSettled);
        connect(statusLane, &StatusLane::stopped, this, [this](qint64) {
            if (m_stopping > 0)
                finishedStopping();
        });
        m_statusLanes.insert(connection.id, statusLane);
        statusLane->start();
        qCInfo(lcEngine) << "started the lanes of" << connection.name;
    }
    return {};
}

bool SyncEngine::holdConnection(qint64 connectionId)
{
    if (!m_leases->holds(connectionId)) {
        auto grant = m_leases->acquire(connectionId);
        if (!grant) {
            qCWarning(lcEngine) << "cannot take the lease of connection" << connectionId << ":"
                                << grant.error().toString();
            return false;
        }
        if (!grant->acquired) {
            if (m_heldElsewhere.value(connectionId) != grant->holder)
                qCInfo(lcEngine) << "connection" << connectionId << "is held by the engine" << grant->holder
                                 << "; this one takes it over when that one stops";
            m_heldElsewhere.insert(connectionId, grant->holder);
            return false;
        }
        m_heldElsewhere.remove(connectionId);
        qCInfo(lcEngine).noquote()
            << "holds connection" << connectionId
            << (grant->previousHolder.isEmpty()
                    ? QString()
                    : QStringLiteral("(taken over from %1)").arg(grant->previousHolder));
        if (!grant->previousHolder.isEmpty())
            takeBackJobsOf(grant->previousHolder, connectionId);
        if (grant->startInMs > 0) {
            // The engine that let it go may have sent in the last second: our first request waits for
            // that second to pass, so the account's budget holds across the handover.
            m_startNotBefore.insert(connectionId, LeaseGuard::steadyNowMs() + grant->startInMs);
            QTimer::singleShot(int(grant->startInMs) + 10, this, &SyncEngine::adoptNewConnectionsAndSources);
        }
    }
    if (LeaseGuard::steadyNowMs() < m_startNotBefore.value(connectionId))
        return false;
    m_startNotBefore.remove(connectionId);
    return true;
}

void SyncEngine::takeBackJobsOf(const QString &previousHolder, qint64 connectionId)
{
    Store::JobRepo jobs(m_db, m_clock);
    const QString sending = QStringLiteral("%1:%2").arg(previousHolder).arg(connectionId);
    for (const QString &owner : { sending, sending + QStringLiteral(":status") }) {
        auto expired = jobs.expireLeasesOf(owner);
        if (!expired)
            qCWarning(lcEngine) << "cannot take back the jobs of" << owner << ":"
                                << expired.error().toString();
        else if (expired.value() > 0)
            qCInfo(lcEngine) << "took back" << expired.value() << "jobs of" << owner;
    }
}

void SyncEngine::onLeaseLost(qint64 connectionId, const QString &reason)
{
    Q_EMIT laneStateChanged(connectionId, LaneState::Stopped, reason);
    if (m_stopping == 0) // when stopping, they are on their way out and counted by stop()
        dropLanes(connectionId);
}

void SyncEngine::dropLanes(qint64 connectionId)
{
    // Taken out of the maps first: their `stopped` must not count towards an engine stop().
    if (Lane *lane = m_lanes.take(connectionId)) {
        disconnect(lane, &Lane::stopped, this, nullptr);
        connect(lane, &Lane::stopped, lane, &QObject::deleteLater, Qt::QueuedConnection);
        lane->stop();
    }
    if (StatusLane *lane = m_statusLanes.take(connectionId)) {
        disconnect(lane, &StatusLane::stopped, this, nullptr);
        connect(lane, &StatusLane::stopped, lane, &QObject::deleteLater, Qt::QueuedConnection);
        lane->stop();
    }
}

Common::Status SyncEngine::startPollers()
{
    auto sources = Source::SourceRepo(m_db, m_clock).list();
    if (!sources)
        return sources.error();
    PollerConfig base = m_pollerTemplate;
    auto interval = Store::SettingsRepo(m_db).value(QStringLiteral("sources.poll_interval_ms"));
    if (interval && interval->toInt() >= 50)
        base.intervalMs = interval->toInt();
    auto fallback = Store::SettingsRepo(m_db).value(QStringLiteral("sources.webhook_poll_interval_ms"));
    if (fallback && fallback->toInt() >= 50)
        base.webhookIntervalMs = fallback->toInt();
    for (const Source::SourceRecord &record : *sources) {
        if (!record.config.value(QStringLiteral("enabled")).toBool(true))
            continue;
        if (auto existing = m_pollers.find(record.name); existing != m_pollers.end()) {
            if (existing->thread->isRunning())
                continue;
            // Stopped by an earlier stop(): this start() gives the source a new poller.
            existing->thread->wait();
            delete existing->thread;
            m_pollers.erase(existing);
        }
        PollerConfig config = base;
        config.owner = QStringLiteral("%1:source:%2").arg(instanceId(), record.name);
        auto *thread = new QThread(this);
        thread->setObjectName(QStringLiteral("poll-%1").arg(record.id));
        auto *poller = new SourcePoller(m_db, record, m_sources, m_secrets, config, m_clock);
        poller->moveToThread(thread);
        connect(thread, &QThread::started, poller, &SourcePoller::start);
        connect(thread, &QThread::finished, poller, &QObject::deleteLater);
        connect(thread, &QThread::finished, this, [this] {
            if (m_stopping > 0)
                finishedStopping();
        });
        connect(poller, &SourcePoller::jobsAppended, this, &SyncEngine::wake);
        connect(poller, &SourcePoller::stateChanged, this,
                [this, thread, name = record.name](PollerState state, const QString &reason) {
                    Q_EMIT sourceStateChanged(name, state, reason);
                    if (state == PollerState::Stopped)
                        thread->quit();
                });
        m_pollers.insert(record.name, { thread, poller });
        thread->start();
        qCInfo(lcEngine) << "started the poller of" << record.name;
    }
    return {};
}

void SyncEngine::measure()
{
    Store::JobRepo jobs(m_db, m_clock);
    auto minutes = jobs.settledPerMinute(m_clock->nowMs() - 3'600'000);
    auto counts = jobs.countsByState();
    if (!minutes || !counts) {
        qCWarning(lcEngine) << "cannot measure the queue:"
                            << (!minutes ? minutes.error() : counts.error()).toString();
        return;
    }
    QMap<QString, int> byName;
    for (auto it = counts->cbegin(); it != counts->cend(); ++it)
        byName.insert(Store::jobStateName(it.key()), it.value());
    Q_EMIT throughputMeasured(minutes.value());
    Q_EMIT countsMeasured(byName);
}

void SyncEngine::stop()
{
    m_statsTimer.stop();
    m_adoptTimer.stop();
    QList<SourcePoller *> running;
    for (const PollerThread &p : std::as_const(m_pollers)) {
        if (p.thread->isRunning())
            running << p.poller;
    }
    m_stopping = int(m_lanes.size() + m_statusLanes.size() + running.size());
    if (m_stopping == 0) {
        m_leases->releaseAll();
        Q_EMIT stopped();
        return;
    }
    // A poller stops after a poll in progress, reports stopped, and its thread then quits.
    for (SourcePoller *poller : std::as_const(running))
        QMetaObject::invokeMethod(poller, &SourcePoller::stop, Qt::QueuedConnection);
    for (Lane *lane : std::as_const(m_lanes))
        lane->stop();
    for (StatusLane *lane : std::as_const(m_statusLanes))
        lane->stop();
}

void SyncEngine::finishedStopping()
{
    if (--m_stopping > 0)
        return;
    // Every lane has stopped: another engine may take the connections over now.
    m_leases->releaseAll();
    Q_EMIT stopped();
}

void SyncEngine::readSourceNow(const QString &source)
{
    if (auto poller = m_pollers.find(source); poller != m_pollers.end() && poller->thread->isRunning())
        QMetaObject::invokeMethod(poller->poller, &SourcePoller::readNow, Qt::QueuedConnection);
}

void SyncEngine::wake()
{
    for (Lane *lane : std::as_const(m_lanes))
        lane->wake();
    for (StatusLane *lane : std::as_const(m_statusLanes))
        lane->wake();
}

} // namespace Engine
