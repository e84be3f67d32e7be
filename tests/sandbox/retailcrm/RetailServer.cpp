// SPDX-License-Identifier: GPL-3.0-or-later
#include "RetailServer.h"

#include "RetailControlApi.h"
#include "RetailCustomFieldsApi.h"
#include "RetailCustomersApi.h"
#include "RetailHistoryApi.h"
#include "RetailOrdersApi.h"
#include "RetailReferenceApi.h"
#include "RetailStore.h"
#include "RetailTriggerSender.h"
#include "RetailUsersApi.h"
#include "common/HttpServer.h"
#include "common/MultipartForm.h"
#include "common/NginxPages.h"
#include "common/QueryParams.h"
#include "common/SandboxClock.h"

#include <QJsonDocument>

namespace Sandbox::RetailCrm {

RetailServer::RetailServer(const RetailSandboxOptions &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_clock(new SandboxClock(this))
    , m_trigger(new RetailTriggerSender(this))
    , m_store(std::make_unique<RetailStore>(options, *m_clock))
{
    m_store->statusChanged = [this](const QJsonObject &order, const QString &status) {
        m_trigger->statusChanged(order, status);
    };
    m_groups.push_back(std::make_shared<RetailReferenceApi>(*m_store, m_router));
    m_groups.push_back(std::make_shared<RetailCustomFieldsApi>(*m_store, m_router));
    m_groups.push_back(std::make_shared<RetailUsersApi>(*m_store, m_router));
    m_groups.push_back(std::make_shared<RetailCustomersApi>(*m_store, m_router));
    m_groups.push_back(std::make_shared<RetailHistoryApi>(*m_store, m_router));
    m_groups.push_back(std::make_shared<RetailOrdersApi>(*m_store, m_router));
    m_control = std::make_unique<RetailControlApi>(*m_store, *m_trigger);
}

RetailServer::~RetailServer() = default;

bool RetailServer::start(QString *error)
{
    if (!RetailStore::profiles().contains(m_options.seed)) {
        *error = QStringLiteral("unknown seed profile '%1'").arg(m_options.seed);
        return false;
    }
    m_store->reset(m_options.seed);
    if (!m_options.faults.isEmpty() && !m_store->faults.applyProfile(m_options.faults, error))
        return false;
    m_http = std::make_unique<HttpServer>([this](const HttpRequest &r) { return handle(r); });
    if (!m_http->listen(m_options.address, m_options.port)) {
        *error = QStringLiteral("cannot listen on %1:%2: %3")
                     .arg(m_options.address.toString())
                     .arg(m_options.port)
                     .arg(m_http->errorString());
        return false;
    }
    m_control->setBaseUrl(readyInfo().value("base_url").toString());
    return true;
}

void RetailServer::shutdown()
{
    if (m_http)
        m_http->close();
}

QJsonObject RetailServer::readyInfo() const
{
    const QString base = QStringLiteral("http://%1:%2").arg(m_options.address.toString()).arg(m_http->port());
    return QJsonObject { { "crm", "retailcrm" },
                         { "base_url", base },
                         { "api_url", base + QStringLiteral("/api/v5") },
                         { "site", m_options.site },
                         { "api_key", m_options.apiKey } };
}

int RetailServer::batchSize(const QJsonObject &params) const
{
    for (const char *field : { "orders", "customers" }) {
        const QJsonDocument doc
            = QJsonDocument::fromJson(params.value(QLatin1String(field)).toString().toUtf8());
        if (doc.isArray())
            return int(doc.array().size());
    }
    return 0;
}

HttpResponse RetailServer::handle(const HttpRequest &request)
{
    if (request.path.startsWith(QLatin1String("/__sandbox/")))
        return m_control->handle(request);
    const qint64 nowMs = m_clock->nowMs();
    const auto match = m_router.match(request.method, request.path);
    // Query and body parameters merge into one PHP-style object, as PHP's $_REQUEST would.
    QByteArray raw = request.rawQuery;
    const QByteArray contentType = request.header("content-type").toLower();
    if (contentType.startsWith("multipart/form-data")) {
        QList<QPair<QString, QString>> fields;
        if (parseMultipartForm(request.header("content-type"), request.body, &fields))
            raw += '&' + formEncode(fields);
    } else if (request.method == "POST") {
        raw += '&' + request.body;
    }
    const QJsonObject params = parsePhpQuery(raw);
    HttpResponse response = handleApi(request, match, params);
    response.delayMs += m_store->answerMs;
    m_store->counters.record(match.handler ? match.endpoint
                                           : QString::fromLatin1(request.method) + " (unknown)",
                             response.resetConnection ? 0 : response.status, nowMs);
    return response;
}

HttpResponse RetailServer::handleApi(const HttpRequest &request, const RetailRouter::Match &match,
                                     const QJsonObject &params)
{
    if (!request.path.startsWith(QLatin1String("/api/")))
        return nginxPage(404);
    if (!match.handler) {
        if (match.pathKnown)
            return Reply::error(405, QStringLiteral("Method Not Allowed"));
        return Reply::error(404, QStringLiteral("API method not found"));
    }
    // The key: X-API-KEY (any case; headers arrive lower-cased) or the apiKey parameter.
    QString apiKey = QString::fromUtf8(request.header("x-api-key"));
    if (apiKey.isEmpty())
        apiKey = params.value("apiKey").toString();
    if (apiKey.isEmpty())
        return Reply::error(403, QStringLiteral("\"apiKey\" is missing."));
    bool known = false;
    bool fullAccess = true;
    const QStringList sites = m_store->sitesOf(apiKey, &known, &fullAccess);
    if (!known)
        return Reply::error(403, QStringLiteral("Wrong \"apiKey\" value."));
    const qint64 nowMs = m_clock->nowMs();
    if (m_store->limiter(apiKey).admit(nowMs).verdict != RateLimiter::Verdict::Allowed)
        return Reply::error(503, QStringLiteral("Service temporary unavailable"));
    int slowMs = 0;
    const bool needBatch = m_store->faults.needsBatchSize();
    const auto fault = m_store->faults.next(request.method, request.path, needBatch ? batchSize(params) : 0);
    if (fault && fault->after) {
        // A lost reply: the work is done, the answer never arrives as it was.
        RetailCall call { request, params, match.params, apiKey, sites, fullAccess };
        (void)(*match.handler)(call);
        if (fault->action == FaultRule::Action::Reset)
            return HttpResponse::reset();
        HttpResponse r = fault->html
            ? nginxPage(fault->status)
            : Reply::error(fault->status, QString::fromLatin1(reasonPhrase(fault->status)));
        r.delayMs = fault->delayMs;
        return r;
    }
    if (fault) {
        HttpResponse r;
        switch (fault->action) {
        case FaultRule::Action::Reset:
            return HttpResponse::reset();
        case FaultRule::Action::TooManyRequests:
            // RetailCRM throttles with 503, so the "429" action answers what its limiter would.
            r = Reply::error(503, QStringLiteral("Service temporary unavailable"));
            r.delayMs = fault->delayMs;
            return r;
        case FaultRule::Action::Status:
            r = fault->html ? nginxPage(fault->status)
                            : Reply::error(fault->status, QString::fromLatin1(reasonPhrase(fault->status)));
            r.delayMs = fault->delayMs;
            return r;
        case FaultRule::Action::Slow:
            slowMs = fault->delayMs;
            break;
        }
    }
    RetailCall call { request, params, match.params, apiKey, sites, fullAccess };
    HttpResponse response = (*match.handler)(call);
    response.delayMs += slowMs;
    return response;
}

} // namespace Sandbox::RetailCrm
