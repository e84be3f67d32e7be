// SPDX-License-Identifier: GPL-3.0-or-later
#include "SyncEngine.h"

#include "EngineSettings.h"
#include "source/SourceRepo.h"
#include "store/JobRepo.h"
#include "store/SettingsRepo.h"

#include <QCoreApplication>
#include <QHostInfo>
#include <QLoggingCategory>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <csignal>
#endif

Q_DECLARE_LOGGING_CATEGORY(lcEngine)

namespace Engine {

namespace {

/** True when no process @p pid exists on this machine (its engine ended or was killed). */
bool processIsGone(qint64 pid)
{
#ifdef Q_OS_UNIX
    return pid > 0 && ::kill(pid_t(pid), 0) != 0 && errno == ESRCH;
#else
    Q_UNUSED(pid);
    return false; // elsewhere a dead engine's jobs come back when their lease runs out
#endif
}

} // namespace

SyncEngine::SyncEngine(std::shared_ptr<Storage::Database> db, ConnectorFactoryFor connectors,
                       const Common::Clock *clock, QObject *parent)
    : QObject(parent)
    , m_db(std::move(db))
    , m_connectors(std::move(connectors))
    , m_clock(clock)
{
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
}

QString SyncEngine::instanceId()
{
    return QStringLiteral("%1:%2").arg(QHostInfo::localHostName()).arg(QCoreApplication::applicationPid());
}

void SyncEngine::reclaimLeasesOfDeadEngines()
{
    Store::JobRepo jobs(m_db, m_clock);
    auto holders = jobs.leaseHolders();
    if (!holders) {
        qCWarning(lcEngine) << "cannot read the lease holders:" << holders.error().toString();
        return;
    }
    const QString host = QHostInfo::localHostName();
    for (const QString &owner : std::as_const(*holders)) {
        // Owners start with instanceId() ("host:pid:connection[:status]"); only this machine's
        // processes can be checked.
        const QStringList parts = owner.split(QLatin1Char(':'));
        bool ok = false;
        const qint64 pid = parts.value(1).toLongLong(&ok);
        if (parts.size() < 3 || parts[0] != host || !ok || pid == QCoreApplication::applicationPid()
            || !processIsGone(pid))
            continue;
        if (auto expired = jobs.expireLeasesOf(owner); expired)
            qCInfo(lcEngine) << "took back" << expired.value() << "jobs of the engine" << owner
                             << "that is gone";
    }
}

Common::Status SyncEngine::start()
{
    reclaimLeasesOfDeadEngines();
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
}

Common::Status SyncEngine::startLanes()
{
    auto connections = Store::ConnectionRepo(m_db, m_clock).list();
    if (!connections)
        return connections.error();
    for (const Store::Connection &connection : *connections) {
        if (m_lanes.contains(connection.id) || !connection.enabled())
            continue;
        LaneConfig config = m_template;
        config.connectionId = connection.id;
        config.connectionName = connection.name;
        config.owner = QStringLiteral("%1:%2").arg(instanceId()).arg(connection.id);
        if (auto applied = EngineSettings::apply(m_db, config); !applied)
            return applied.error();
        auto *lane = new Lane(m_db, config, m_connectors(connection), m_clock, this);
        if (m_beforeSend)
            lane->setBeforeSendHook(m_beforeSend);
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

Common::Status SyncEngine::startPollers()
{
    auto sources = Source::SourceRepo(m_db, m_clock).list();
    if (!sources)
        return sources.error();
    PollerConfig base = m_pollerTemplate;
    auto interval = Store::SettingsRepo(m_db).value(QStringLiteral("sources.poll_interval_ms"));
    if (interval && interval->toInt() >= 50)
        base.intervalMs = interval->toInt();
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
        auto *poller = new SourcePoller(m_db, record, m_secrets, config, m_clock);
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
    if (--m_stopping == 0)
        Q_EMIT stopped();
}

void SyncEngine::wake()
{
    for (Lane *lane : std::as_const(m_lanes))
        lane->wake();
    for (StatusLane *lane : std::as_const(m_statusLanes))
        lane->wake();
}

} // namespace Engine
