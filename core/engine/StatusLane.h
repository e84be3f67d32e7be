// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "StatusLaneWorker.h"

#include <QObject>
#include <QThread>

namespace Engine {

/**
 * One CRM connection's status lane (CRM → shop): owns a QThread and the StatusLaneWorker on it, like
 * Lane does for the sending worker. Lives on the engine's thread, owned by SyncEngine.
 */
class StatusLane : public QObject
{
    Q_OBJECT
public:
    StatusLane(std::shared_ptr<Storage::Database> db, LaneConfig config, LaneWorker::ConnectorFactory factory,
               std::shared_ptr<Secrets::SecretStore> secrets, const Common::Clock *clock,
               QObject *parent = nullptr);
    ~StatusLane() override;

    qint64 connectionId() const { return m_connectionId; }
    /** The shop platforms whose sources the lane writes statuses to; before start(). */
    void setSources(std::shared_ptr<const Source::SourceRegistry> sources);
    void start();
    /** stopped() follows. */
    void stop();
    void wake();

Q_SIGNALS:
    void jobSettled(qint64 jobId, const QString &state, const QString &message);
    void stopped(qint64 connectionId);

private:
    qint64 m_connectionId;
    QThread m_thread;
    StatusLaneWorker *m_worker;
    bool m_stopped = false;
};

} // namespace Engine
