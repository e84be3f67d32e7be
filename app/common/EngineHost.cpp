// SPDX-License-Identifier: GPL-3.0-or-later
#include "EngineHost.h"

#include "engine/SyncEngine.h"
#include "source/intake/FormIntakeServer.h"

namespace App {

EngineHost::EngineHost(std::shared_ptr<Storage::Database> db, std::shared_ptr<Secrets::SecretStore> secrets,
                       Crm::ConnectorOptions options)
    : m_db(db)
    , m_connectors(std::make_unique<Crm::ConnectorFactory>(db, secrets, options))
    , m_engine(std::make_unique<Engine::SyncEngine>(
          db, [connectors = m_connectors.get()](const Store::Connection &c) {
              return connectors->forConnection(c);
          }))
{
    m_engine->setSecretStore(std::move(secrets));
}

EngineHost::~EngineHost()
{
    // The intake and the lanes' threads use the factory's sessions: they go first.
    m_intake.reset();
    m_engine.reset();
}

Common::Status EngineHost::start(bool withIntake)
{
    if (auto started = m_engine->start(); !started)
        return started;
    if (!withIntake || m_intake)
        return {};
    auto intake = Source::Intake::FormIntakeServer::startIfConfigured(m_db);
    if (!intake) {
        Common::Error error = intake.error();
        error.message = QStringLiteral("The form intake cannot start: %1").arg(error.message);
        return error;
    }
    m_intake = std::move(intake).value();
    if (m_intake) {
        // An accepted form is in the outbox: the lanes look at once.
        QObject::connect(m_intake.get(), &Source::Intake::FormIntakeServer::requestAnswered, m_engine.get(),
                         [engine = m_engine.get()](int status) {
                             if (status == 202)
                                 engine->wake();
                         });
        // A CRM's stage changes are in the outbox: the status lanes look at once.
        QObject::connect(m_intake.get(), &Source::Intake::FormIntakeServer::webhookStored, m_engine.get(),
                         &Engine::SyncEngine::wake);
    }
    return {};
}

} // namespace App
