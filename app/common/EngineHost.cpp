// SPDX-License-Identifier: GPL-3.0-or-later
#include "EngineHost.h"

#include "ShopSources.h"
#include "crm/ConnectorFactory.h"
#include "engine/Notifier.h"
#include "engine/SyncEngine.h"
#include "source/intake/FormIntakeServer.h"

#include <QThread>

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
    m_secrets = secrets;
    m_engine->setSecretStore(std::move(secrets));
    m_engine->setSources(shopSources());
}

EngineHost::~EngineHost()
{
    if (m_notifyThread) {
        m_notifyThread->quit();
        m_notifyThread->wait();
    }
    // The intake and the lanes' threads use the factory's sessions: they go first.
    m_intake.reset();
    m_engine.reset();
}

Common::Status EngineHost::start(bool withIntake)
{
    if (auto started = m_engine->start(); !started)
        return started;
    if (!m_notifyThread) {
        // Sending mail blocks: the notifier gets a thread of its own.
        m_notifyThread = std::make_unique<QThread>();
        m_notifyThread->setObjectName(QStringLiteral("notifier"));
        m_notifier = new Engine::Notifier(m_db, m_secrets);
        m_notifier->moveToThread(m_notifyThread.get());
        QObject::connect(m_notifyThread.get(), &QThread::finished, m_notifier, &QObject::deleteLater);
        m_notifyThread->start();
        QMetaObject::invokeMethod(m_notifier,
                                  [notifier = m_notifier, ms = m_notifyCheckMs] { notifier->start(ms); });
    }
    if (!withIntake || m_intake)
        return {};
    auto intake
        = Source::Intake::FormIntakeServer::startIfConfigured(m_db, Crm::ConnectorFactory::webhookParsers());
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
        // A shop said it changed: its poller reads it now.
        QObject::connect(m_intake.get(), &Source::Intake::FormIntakeServer::shopChanged, m_engine.get(),
                         &Engine::SyncEngine::readSourceNow);
    }
    return {};
}

} // namespace App
