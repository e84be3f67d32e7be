// SPDX-License-Identifier: GPL-3.0-or-later
#include "StatusLane.h"

namespace Engine {

StatusLane::StatusLane(std::shared_ptr<Storage::Database> db, LaneConfig config,
                       LaneWorker::ConnectorFactory factory, std::shared_ptr<Secrets::SecretStore> secrets,
                       const Common::Clock *clock, QObject *parent)
    : QObject(parent)
    , m_connectionId(config.connectionId)
    , m_worker(new StatusLaneWorker(std::move(db), std::move(config), std::move(factory), std::move(secrets),
                                    clock))
{
    m_thread.setObjectName(QStringLiteral("status-lane-%1").arg(m_connectionId));
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &StatusLaneWorker::jobSettled, this, &StatusLane::jobSettled);
    connect(m_worker, &StatusLaneWorker::stopped, this, [this] {
        m_stopped = true;
        Q_EMIT stopped(m_connectionId);
    });
}

void StatusLane::setSources(std::shared_ptr<const Source::SourceRegistry> sources)
{
    m_worker->setSources(std::move(sources));
}

StatusLane::~StatusLane()
{
    m_thread.quit();
    m_thread.wait();
}

void StatusLane::start()
{
    m_thread.start();
    QMetaObject::invokeMethod(m_worker, &StatusLaneWorker::start, Qt::QueuedConnection);
}

void StatusLane::stop()
{
    if (!m_thread.isRunning() || m_stopped) {
        Q_EMIT stopped(m_connectionId);
        return;
    }
    QMetaObject::invokeMethod(m_worker, &StatusLaneWorker::stop, Qt::QueuedConnection);
}

void StatusLane::wake()
{
    QMetaObject::invokeMethod(m_worker, &StatusLaneWorker::wake, Qt::QueuedConnection);
}

} // namespace Engine
