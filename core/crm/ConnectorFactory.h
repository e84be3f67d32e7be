// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "CrmConnector.h"
#include "common/Clock.h"
#include "model/CrmWebhook.h"
#include "storage/Database.h"
#include "store/ConnectionRepo.h"

#include <QHash>
#include <QMutex>
#include <functional>
#include <memory>

namespace Secrets {
class SecretStore;
}

namespace Crm {

namespace AmoCrm {
class AmoOAuthSession;
}

/** Tunables that tests and the demo change; the defaults are the production values. */
struct ConnectorOptions
{
    double requestsPerSecond = 7;
    int transferTimeoutMs = 20'000;
    int retryBaseDelayMs = 400;
    int healthCheckMs = 3'600'000; ///< the credential's keep-alive check
    int firstHealthCheckMs = 60'000;
    int paymentProbeMs = 600'000; ///< while unpaid (402): how often to look whether it is paid again
};

/**
 * Makes the CrmConnector of a stored connection: the one place that knows every adapter. The sync
 * engine gets a function per connection and calls it on the lane's thread; the connector and its
 * QNetworkAccessManager are then created there. OAuth sessions are shared per connection (one refresh
 * at a time for every thread). Thread-safe; owned by whoever wires the application (app/ or a test).
 */
class ConnectorFactory
{
public:
    using Make = std::function<std::unique_ptr<CrmConnector>(QObject *parent)>;

    ConnectorFactory(std::shared_ptr<Storage::Database> db, std::shared_ptr<Secrets::SecretStore> secrets,
                     ConnectorOptions options = {}, const Common::Clock *clock = Common::Clock::system());
    ~ConnectorFactory();

    /** A maker for the connection; the connector it makes reports needs-sign-in if it has no tokens. */
    Make forConnection(const Store::Connection &connection);
    std::shared_ptr<AmoCrm::AmoOAuthSession> amoSession(const Store::Connection &connection);
    /** The readers of the CRMs' webhook bodies, by CRM kind ("amocrm"): the app hands them to the intake. */
    static QHash<QString, Model::WebhookParser> webhookParsers();
    /** The CRM account's request budget: RetailCRM's configured "rate_limit" (default 10 a second),
     *  amoCRM's documented 7 a second. What the dashboard measures use against. */
    static double requestsPerSecondOf(const Store::Connection &connection);

private:
    /** RetailCRM: the API key is read from the SecretStore by the connector; site and rate from the config.
     */
    Make forRetailCrm(const Store::Connection &connection);

    std::shared_ptr<Storage::Database> m_db;
    std::shared_ptr<Secrets::SecretStore> m_secrets;
    ConnectorOptions m_options;
    const Common::Clock *m_clock;
    QMutex m_mutex;
    QHash<qint64, std::shared_ptr<AmoCrm::AmoOAuthSession>> m_sessions;
};

} // namespace Crm
