// SPDX-License-Identifier: GPL-3.0-or-later
#include "Lane.h"

namespace Engine {

Lane::Lane(std::shared_ptr<Storage::Database> db, LaneConfig config, LaneWorker::ConnectorFactory factory,
           const Common::Clock *clock, QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_worker(new LaneWorker(std::move(db), std::move(config), std::move(factory), clock))
{
    m_thread.setObjectName(QStringLiteral("lane-%1").arg(m_config.connectionId));
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &LaneWorker::stateChanged, this, [this](LaneState state, const QString &reason) {
        m_state = state;
        m_reason = reason;
        Q_EMIT stateChanged(m_config.connectionId, state, reason);
        if (state == LaneState::Stopped)
            Q_EMIT stopped(m_config.connectionId);
    });
    connect(m_worker, &LaneWorker::jobSettled, this, &Lane::jobSettled);
}

Lane::~Lane()
{
    m_thread.quit();
    m_thread.wait();
}

void Lane::setBeforeSendHook(LaneWorker::BeforeSendHook hook)
{
    // Set before start(): afterwards the worker reads it on its own thread.
    m_worker->setBeforeSendHook(std::move(hook));
}

void Lane::setCatalogReader(CatalogLaneWork::ReadCatalog read)
{
    // Set before start(), like the hook; it is called on the lane's thread.
    m_worker->setCatalogReader(std::move(read));
}

void Lane::start()
{
    m_thread.start();
    QMetaObject::invokeMethod(m_worker, &LaneWorker::start, Qt::QueuedConnection);
}

void Lane::stop()
{
    if (!m_thread.isRunning() || m_state == LaneState::Stopped) {
        Q_EMIT stopped(m_config.connectionId);
        return;
    }
    QMetaObject::invokeMethod(m_worker, &LaneWorker::stop, Qt::QueuedConnection);
}

void Lane::wake()
{
    QMetaObject::invokeMethod(m_worker, &LaneWorker::wake, Qt::QueuedConnection);
}

} // namespace Engine
