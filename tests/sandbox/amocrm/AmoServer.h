// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "AmoCall.h"
#include "AmoSandboxOptions.h"

#include <QJsonObject>
#include <QObject>
#include <memory>
#include <vector>

namespace Sandbox {
class HttpServer;
class SandboxClock;
} // namespace Sandbox

namespace Sandbox::AmoCrm {

class AmoContext;
class AmoControlApi;
class AmoOAuthApi;
class AmoWebhookSender;

/**
 * The emulated amoCRM service: one HTTP server, the request pipeline (account by path prefix or Host,
 * 403 block, rate limit, faults, OAuth, Bearer check, 402) and every endpoint group.
 * Created on any thread, then used only on the thread it was moved to (AmoCrmSandbox's worker thread,
 * or the main thread of crm-sandbox). start() and shutdown() must run on that thread.
 */
class AmoServer : public QObject
{
    Q_OBJECT
public:
    explicit AmoServer(const AmoSandboxOptions &options, QObject *parent = nullptr);
    ~AmoServer() override;

    /** Loads the snapshot or seeds, applies fault profiles and starts listening. */
    bool start(QString *error);
    /** Stops listening and writes the snapshot, if one is configured. */
    void shutdown();
    /** {"base_url","subdomain","client_id","client_secret","redirect_uri"} */
    QJsonObject readyInfo() const;

private:
    HttpResponse handle(const HttpRequest &request);
    HttpResponse handleApi(const HttpRequest &request, AmoAccount &account, const QString &path,
                           const QString &baseUrl, QString *endpoint);
    HttpResponse dispatch(const HttpRequest &request, AmoAccount &account, const QString &path,
                          const QString &baseUrl, const AmoRouter::Match &match);
    int batchSize(const HttpRequest &request) const;

    AmoSandboxOptions m_options;
    SandboxClock *m_clock;
    AmoWebhookSender *m_sender;
    std::unique_ptr<AmoContext> m_context;
    std::unique_ptr<HttpServer> m_http;
    AmoRouter m_router;
    std::unique_ptr<AmoOAuthApi> m_oauth;
    std::unique_ptr<AmoControlApi> m_control;
    std::vector<std::shared_ptr<void>> m_groups;
};

} // namespace Sandbox::AmoCrm
