// SPDX-License-Identifier: GPL-3.0-or-later
#include "SyncEngine.h"

#include <QCoreApplication>
#include <QHostInfo>
#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcEngine)

namespace Engine {

SyncEngine::SyncEngine(std::shared_ptr<Storage::Database> db, ConnectorFactoryFor connectors,
                       const Common::Clock *clock, QObject *parent)
    : QObject(parent)
    , m_db(std::move(db))
    , m_connectors(std::move(connectors))
    , m_clock(clock)
{ }

SyncEngine::~SyncEngine()
{
    qDeleteAll(m_lanes);
}

QString SyncEngine::instanceId()
{
    return QStringLiteral("%1:%2").arg(QHostInfo::localHostName()).arg(QCoreApplication::applicationPid());
}

Common::Status SyncEngine::start()
{
    auto connections = Store::ConnectionRepo(m_db, m_clock).list();
    if (!connections)
        return connections.error();
    for (const Store::Connection &connection : *connections) {
        if (m_lanes.contains(connection.id))
            continue;
        LaneConfig config = m_template;
        config.connectionId = connection.id;
        config.connectionName = connection.name;
        config.owner = QStringLiteral("%1:%2").arg(instanceId()).arg(connection.id);
        auto *lane = new Lane(m_db, config, m_connectors(connection), m_clock, this);
        if (m_beforeSend)
            lane->setBeforeSendHook(m_beforeSend);
        connect(lane, &Lane::stateChanged, this, &SyncEngine::laneStateChanged);
        connect(lane, &Lane::jobSettled, this, &SyncEngine::jobSettled);
        connect(lane, &Lane::stopped, this, [this](qint64) {
            if (m_stopping > 0 && --m_stopping == 0)
                Q_EMIT stopped();
        });
        m_lanes.insert(connection.id, lane);
        lane->start();
        qCInfo(lcEngine) << "started the lane of" << connection.name;
    }
    return {};
}

void SyncEngine::stop()
{
    if (m_lanes.isEmpty()) {
        Q_EMIT stopped();
        return;
    }
    m_stopping = int(m_lanes.size());
    for (Lane *lane : std::as_const(m_lanes))
        lane->stop();
}

void SyncEngine::wake()
{
    for (Lane *lane : std::as_const(m_lanes))
        lane->wake();
}

} // namespace Engine
