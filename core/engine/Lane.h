// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "LaneWorker.h"

#include <QObject>
#include <QThread>

namespace Engine {

/**
 * One CRM connection's lane: owns a QThread and the LaneWorker on it (qBittorrent's pattern: the
 * worker is driven through queued calls and deleted when the thread finishes). Lives on the thread
 * that made it (the engine's), owned by SyncEngine.
 */
class Lane : public QObject
{
    Q_OBJECT
public:
    Lane(std::shared_ptr<Storage::Database> db, LaneConfig config, LaneWorker::ConnectorFactory factory,
         const Common::Clock *clock, QObject *parent = nullptr);
    ~Lane() override;

    qint64 connectionId() const { return m_config.connectionId; }
    LaneState state() const { return m_state; }
    QString reason() const { return m_reason; }
    void setBeforeSendHook(LaneWorker::BeforeSendHook hook);
    /** How the lane reads a source's catalogue for catalogue runs (CatalogLaneWork); none: no runs. */
    void setCatalogReader(CatalogLaneWork::ReadCatalog read);

    void start();
    /** Asks the worker to finish its round and stop; stopped() follows. */
    void stop();
    void wake();

Q_SIGNALS:
    void stateChanged(qint64 connectionId, Engine::LaneState state, const QString &reason);
    void jobSettled(qint64 jobId, const QString &state, const QString &message);
    void stopped(qint64 connectionId);

private:
    LaneConfig m_config;
    QThread m_thread;
    LaneWorker *m_worker;
    LaneState m_state = LaneState::Starting;
    QString m_reason;
};

} // namespace Engine
