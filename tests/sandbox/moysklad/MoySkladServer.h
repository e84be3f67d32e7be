// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "MoySkladCall.h"
#include "MoySkladSandboxOptions.h"

#include <QJsonObject>
#include <QObject>
#include <memory>

namespace Sandbox {
class HttpServer;
class SandboxClock;
} // namespace Sandbox

namespace Sandbox::MoySklad {

class MoySkladControlApi;
class MoySkladEntityApi;
class MoySkladStore;
class MoySkladWebhookSender;

/**
 * The emulated MoySklad JSON API 1.2: one HTTP server and the request pipeline in the order the real
 * service applies it (reference B.1, B.3): `Accept-Encoding: gzip` or 415 with no body; Basic or Bearer
 * auth or 401 (1056); a switched-off user gets 403 (1061); the 45-units-per-3-s budget with its
 * `X-RateLimit-*`/`X-Lognex-*` headers or 429 (1049); faults (a "429" fault answers 1073, too many
 * parallel requests); the endpoint; webhooks for what it changed; a gzip-compressed answer.
 * `POST /security/token` issues a token. Plus the `/__sandbox/` control API.
 * Created on any thread, then used only on the thread it was moved to.
 */
class MoySkladServer : public QObject
{
    Q_OBJECT
public:
    explicit MoySkladServer(const MoySkladSandboxOptions &options, QObject *parent = nullptr);
    ~MoySkladServer() override;

    bool start(QString *error);
    void shutdown();
    /** {"crm","base_url","api_url","login","password","token"} */
    QJsonObject readyInfo() const;

private:
    HttpResponse handle(const HttpRequest &request);
    HttpResponse handleApi(const HttpRequest &request, QString *login, QString *endpoint);
    HttpResponse issueToken(const HttpRequest &request);
    QString authenticate(const HttpRequest &request, bool *basic) const;

    MoySkladSandboxOptions m_options;
    SandboxClock *m_clock;
    std::unique_ptr<MoySkladStore> m_store;
    MoySkladWebhookSender *m_webhooks;
    std::unique_ptr<HttpServer> m_http;
    MoySkladRouter m_router;
    std::unique_ptr<MoySkladEntityApi> m_entityApi;
    std::unique_ptr<MoySkladControlApi> m_control;
    QString m_firstToken;
};

} // namespace Sandbox::MoySklad
