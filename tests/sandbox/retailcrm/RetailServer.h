// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "RetailCall.h"
#include "RetailSandboxOptions.h"

#include <QJsonObject>
#include <QObject>
#include <memory>
#include <vector>

namespace Sandbox {
class HttpServer;
class SandboxClock;
} // namespace Sandbox

namespace Sandbox::RetailCrm {

class RetailControlApi;
class RetailStore;
class RetailTriggerSender;

/**
 * The emulated RetailCRM service: one HTTP server and the request pipeline (route, API key from
 * `X-API-KEY` or `apiKey`, per-key rate limit answering 503, faults, form/multipart decoding) in front
 * of the endpoint groups, plus the `/__sandbox/` control API.
 * Created on any thread, then used only on the thread it was moved to. start() and shutdown() run there.
 */
class RetailServer : public QObject
{
    Q_OBJECT
public:
    explicit RetailServer(const RetailSandboxOptions &options, QObject *parent = nullptr);
    ~RetailServer() override;

    bool start(QString *error);
    void shutdown();
    /** {"crm","base_url","api_url","site","api_key"} */
    QJsonObject readyInfo() const;

private:
    HttpResponse handle(const HttpRequest &request);
    HttpResponse handleApi(const HttpRequest &request, const RetailRouter::Match &match,
                           const QJsonObject &params);
    int batchSize(const QJsonObject &params) const;

    RetailSandboxOptions m_options;
    SandboxClock *m_clock;
    RetailTriggerSender *m_trigger;
    std::unique_ptr<RetailStore> m_store;
    std::unique_ptr<HttpServer> m_http;
    RetailRouter m_router;
    std::unique_ptr<RetailControlApi> m_control;
    std::vector<std::shared_ptr<void>> m_groups;
};

} // namespace Sandbox::RetailCrm
