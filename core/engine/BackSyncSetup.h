// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "crm/CrmConnector.h"
#include "secrets/SecretStore.h"
#include "storage/Database.h"
#include "store/BackSyncConfig.h"

#include <functional>
#include <memory>

namespace Engine {

/**
 * Switches back-sync (CRM stage changes → shop) of one connection between off, webhook and polling:
 * - webhook: reads the CRM account (to check deliveries against), makes a new URL secret, registers
 *   `<publicUrl>/hooks/<crm>/<secret>` with the CRM (amoCRM: POST /api/v4/webhooks, status_lead),
 *   keeps the secret in the SecretStore (to remove the webhook later) and only its hash in the
 *   connection;
 * - polling: reads the CRM account and restarts the events cursor at "now";
 * - off: removes a registered webhook (DELETE /api/v4/webhooks) and forgets its secret.
 * Switching from a webhook to anything else removes the webhook first. The engine picks the new mode
 * up by itself (the status lane re-reads it). Runs on the calling thread, which needs an event loop;
 * the connector is the caller's, made for this thread.
 */
class BackSyncSetup
{
public:
    struct Request
    {
        Store::BackSyncConfig::Mode mode = Store::BackSyncConfig::Mode::Off;
        QString publicUrl; ///< webhook: the public URL that forwards to this machine's intake server
        qint64 pollMs = 30'000; ///< polling: the interval
    };
    using Done = std::function<void(Common::Result<Store::BackSyncConfig>)>;

    /** Where the webhook's URL secret is kept: the connection's scope, this name. */
    static QString secretName() { return QStringLiteral("backsync_hook_secret"); }

    static void apply(std::shared_ptr<Storage::Database> db, std::shared_ptr<Secrets::SecretStore> secrets,
                      qint64 connectionId, Crm::CrmConnector *connector, const Request &request, Done done);
};

} // namespace Engine
