// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Result.h"
#include "crm/ConnectorFactory.h"
#include "storage/Database.h"

#include <memory>

class QThread;

namespace Engine {
class Notifier;
class SyncEngine;
} // namespace Engine
namespace Source::Intake {
class FormIntakeServer;
}

namespace App {

/**
 * The engine as an executable runs it (`crmbridgectl run`, the desktop app, the demo): the connector
 * factory, the SyncEngine with the secret store for its sources, the form intake when the store
 * has forms (an accepted form waking the lanes), and the failure notifier on a thread of its own.
 * Main thread; owns them all.
 */
class EngineHost
{
public:
    EngineHost(std::shared_ptr<Storage::Database> db, std::shared_ptr<Secrets::SecretStore> secrets,
               Crm::ConnectorOptions options = {});
    ~EngineHost();

    Engine::SyncEngine *engine() const { return m_engine.get(); }
    Crm::ConnectorFactory *connectors() const { return m_connectors.get(); }
    /** Null unless start() started it. */
    Source::Intake::FormIntakeServer *intake() const { return m_intake.get(); }
    /** Lives on its own thread; null until start(). */
    Engine::Notifier *notifier() const { return m_notifier; }
    /** How often the notifier looks (default a minute; tests shorten it). Before start(). */
    void setNotifyCheckInterval(int ms) { m_notifyCheckMs = ms; }

    /** Starts the lanes and the pollers, and (withIntake) the form intake if forms are configured. */
    Common::Status start(bool withIntake = true);

private:
    std::shared_ptr<Storage::Database> m_db;
    std::unique_ptr<Crm::ConnectorFactory> m_connectors;
    std::unique_ptr<Engine::SyncEngine> m_engine;
    std::unique_ptr<Source::Intake::FormIntakeServer> m_intake;
    std::shared_ptr<Secrets::SecretStore> m_secrets;
    std::unique_ptr<QThread> m_notifyThread;
    Engine::Notifier *m_notifier = nullptr; ///< owned by m_notifyThread (deleteLater on finish)
    int m_notifyCheckMs = 60'000;
};

} // namespace App
