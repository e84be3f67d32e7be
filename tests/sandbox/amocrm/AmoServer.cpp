// SPDX-License-Identifier: GPL-3.0-or-later
#include "AmoServer.h"

#include "AmoAccountApi.h"
#include "AmoCatalogsApi.h"
#include "AmoComplexApi.h"
#include "AmoContactsApi.h"
#include "AmoContext.h"
#include "AmoControlApi.h"
#include "AmoCustomFields.h"
#include "AmoCustomersApi.h"
#include "AmoErrors.h"
#include "AmoEventsApi.h"
#include "AmoLeadsApi.h"
#include "AmoLinksApi.h"
#include "AmoNotesApi.h"
#include "AmoNotifier.h"
#include "AmoOAuthApi.h"
#include "AmoPipelinesApi.h"
#include "AmoSeed.h"
#include "AmoUnsortedApi.h"
#include "AmoWebhookSender.h"
#include "AmoWebhooksApi.h"
#include "common/HttpServer.h"
#include "common/NginxPages.h"
#include "common/QueryParams.h"
#include "common/SandboxClock.h"

#include <QFile>
#include <QRandomGenerator>
#include <QSaveFile>

namespace Sandbox::AmoCrm {

namespace {

QString traceId()
{
    return QString::number(QRandomGenerator::global()->generate64(), 16);
}

} // namespace

AmoServer::AmoServer(const AmoSandboxOptions &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_clock(new SandboxClock(this))
    , m_sender(new AmoWebhookSender(m_clock, this))
{
    m_context = std::make_unique<AmoContext>(options, m_clock, m_sender);
    m_sender->setTimeoutMs(options.webhookTimeoutMs);
    m_sender->isActive
        = [this](const AmoWebhookSender::Target &t) { return m_context->notifier->webhookActive(t); };
    m_sender->attemptFinished = [this](const AmoWebhookSender::Target &t, bool valid) {
        m_context->notifier->webhookAttemptFinished(t, valid);
    };
    AmoContext &ctx = *m_context;
    m_groups.push_back(std::make_shared<AmoAccountApi>(ctx, m_router));
    m_groups.push_back(std::make_shared<AmoComplexApi>(ctx, m_router));
    m_groups.push_back(std::make_shared<AmoUnsortedApi>(ctx, m_router));
    m_groups.push_back(std::make_shared<AmoPipelinesApi>(ctx, m_router));
    m_groups.push_back(std::make_shared<AmoCustomFields>(ctx, m_router));
    m_groups.push_back(std::make_shared<AmoNotesApi>(ctx, m_router));
    m_groups.push_back(std::make_shared<AmoLinksApi>(ctx, m_router));
    m_groups.push_back(std::make_shared<AmoLeadsApi>(ctx, m_router));
    m_groups.push_back(std::make_shared<AmoContactsApi>(ctx, m_router, QStringLiteral("contacts")));
    m_groups.push_back(std::make_shared<AmoContactsApi>(ctx, m_router, QStringLiteral("companies")));
    m_groups.push_back(std::make_shared<AmoEventsApi>(ctx, m_router));
    m_groups.push_back(std::make_shared<AmoWebhooksApi>(ctx, m_router));
    m_groups.push_back(std::make_shared<AmoCatalogsApi>(ctx, m_router));
    m_groups.push_back(std::make_shared<AmoCustomersApi>(ctx, m_router));
    m_oauth = std::make_unique<AmoOAuthApi>(ctx);
    m_control = std::make_unique<AmoControlApi>(ctx);
}

AmoServer::~AmoServer() = default;

bool AmoServer::start(QString *error)
{
    bool restored = false;
    if (!m_options.snapshotFile.isEmpty() && QFile::exists(m_options.snapshotFile)) {
        QFile file(m_options.snapshotFile);
        if (!file.open(QIODevice::ReadOnly)) {
            *error = QStringLiteral("cannot read snapshot %1").arg(m_options.snapshotFile);
            return false;
        }
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
        if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
            *error
                = QStringLiteral("bad snapshot %1: %2").arg(m_options.snapshotFile, parseError.errorString());
            return false;
        }
        m_context->restore(doc.object());
        restored = true;
    }
    if (!restored) {
        if (!AmoSeed::profiles().contains(m_options.seed)) {
            *error = QStringLiteral("unknown seed profile '%1'").arg(m_options.seed);
            return false;
        }
        m_context->createAccount(m_options.subdomain, m_options.accountId, m_options.seed);
    }
    if (!m_options.faults.isEmpty() && !m_context->faults.applyProfile(m_options.faults, error))
        return false;
    m_http = std::make_unique<HttpServer>([this](const HttpRequest &r) { return handle(r); });
    if (!m_http->listen(m_options.address, m_options.port)) {
        *error = QStringLiteral("cannot listen on %1:%2: %3")
                     .arg(m_options.address.toString())
                     .arg(m_options.port)
                     .arg(m_http->errorString());
        return false;
    }
    m_context->hostPort = QStringLiteral("%1:%2").arg(m_options.address.toString()).arg(m_http->port());
    return true;
}

void AmoServer::shutdown()
{
    if (m_http)
        m_http->close();
    if (!m_options.snapshotFile.isEmpty()) {
        QSaveFile file(m_options.snapshotFile);
        if (file.open(QIODevice::WriteOnly)) {
            file.write(QJsonDocument(m_context->snapshot()).toJson(QJsonDocument::Indented));
            file.commit();
        }
    }
    m_sender->clear();
}

QJsonObject AmoServer::readyInfo() const
{
    return QJsonObject { { "base_url", m_context->baseUrlFor(m_context->defaultSubdomain) },
                         { "subdomain", m_context->defaultSubdomain },
                         { "client_id", m_context->options.clientId },
                         { "client_secret", m_context->options.clientSecret },
                         { "redirect_uri", m_context->options.redirectUri } };
}

int AmoServer::batchSize(const HttpRequest &request) const
{
    if (request.body.isEmpty() || request.body.trimmed().front() != '[')
        return 0;
    return int(QJsonDocument::fromJson(request.body).array().size());
}

HttpResponse AmoServer::handle(const HttpRequest &request)
{
    if (request.path.startsWith(QLatin1String("/__sandbox/")))
        return m_control->handle(request);

    // Accounts: the default one at the root, others under /_acc/<sub>/ or through a Host header
    // "<sub>.amocrm.ru" (or .kommo.com / .amocrm.com).
    QString path = request.path;
    QString subdomain = m_context->defaultSubdomain;
    QString baseUrl;
    if (path.startsWith(QLatin1String("/_acc/"))) {
        const qsizetype slash = path.indexOf(QLatin1Char('/'), 6);
        subdomain = path.mid(6, slash < 0 ? -1 : slash - 6);
        path = slash < 0 ? QStringLiteral("/") : path.mid(slash);
        baseUrl = QStringLiteral("http://") + QString::fromLatin1(request.header("host"))
            + QStringLiteral("/_acc/") + subdomain;
    } else {
        const QString host
            = QString::fromLatin1(request.header("host")).section(QLatin1Char(':'), 0, 0).toLower();
        for (const char *suffix : { ".amocrm.ru", ".kommo.com", ".amocrm.com" }) {
            if (host.endsWith(QLatin1String(suffix)))
                subdomain = host.left(host.size() - int(qstrlen(suffix)));
        }
        baseUrl = QStringLiteral("http://") + QString::fromLatin1(request.header("host"));
    }
    const qint64 nowMs = m_clock->nowMs();
    if (path == QLatin1String("/oauth") && request.method == "GET")
        return m_oauth->consentPage(
            request, subdomain == QLatin1String("www") ? m_context->defaultSubdomain : subdomain);
    if (path == QLatin1String("/oauth/decision") && request.method == "POST")
        return m_oauth->decision(request);
    AmoAccount *account = m_context->account(subdomain);
    if (!account) {
        m_context->counters.record(QStringLiteral("unknown account"), 404, nowMs);
        return nginxPage(404);
    }
    QString endpoint = QString::fromLatin1(request.method) + QStringLiteral(" (unknown)");
    HttpResponse response = handleApi(request, *account, path, baseUrl, &endpoint);
    // The network and the CRM's own work: the answer (or the reset) comes this much later.
    response.delayMs += qMax(0, m_context->options.answerMs);
    m_context->counters.record(endpoint, response.resetConnection ? 0 : response.status, nowMs);
    response.headers.append({ "X-Request-Id", traceId().toLatin1() });
    return response;
}

HttpResponse AmoServer::handleApi(const HttpRequest &request, AmoAccount &account, const QString &path,
                                  const QString &baseUrl, QString *endpoint)
{
    const auto match = m_router.match(request.method, path);
    const bool tokenEndpoint = path == QLatin1String("/oauth2/access_token") && request.method == "POST";
    if (match.handler)
        *endpoint = match.endpoint;
    else if (tokenEndpoint)
        *endpoint = QStringLiteral("POST /oauth2/access_token");

    const qint64 nowMs = m_clock->nowMs();
    if (account.blocked)
        return nginxPage(403);
    const RateLimiter::Decision decision = account.limiter.admit(nowMs);
    if (decision.verdict == RateLimiter::Verdict::Blocked)
        return nginxPage(403);
    if (decision.verdict == RateLimiter::Verdict::Limited) {
        if (decision.html)
            return nginxPage(429);
        return Errors::problem(429, QStringLiteral("Too Many Requests"),
                               QJsonObject { { "retry_after", decision.retryAfterSecs } });
    }
    int slowMs = 0;
    const auto fault = m_context->faults.next(request.method, path,
                                              m_context->faults.needsBatchSize() ? batchSize(request) : 0);
    if (fault && fault->after) {
        // A lost reply: the work is done, the answer never arrives as it was.
        (void)dispatch(request, account, path, baseUrl, match);
        if (fault->action == FaultRule::Action::Reset)
            return HttpResponse::reset();
        HttpResponse r = fault->html ? nginxPage(fault->status)
                                     : Errors::problem(fault->status, QStringLiteral("Internal server error"),
                                                       QJsonObject { { "trace_id", traceId() } });
        r.delayMs = fault->delayMs;
        return r;
    }
    if (fault) {
        switch (fault->action) {
        case FaultRule::Action::Reset:
            return HttpResponse::reset();
        case FaultRule::Action::TooManyRequests: {
            if (fault->html)
                return nginxPage(429);
            HttpResponse r = Errors::problem(
                429, QStringLiteral("Too Many Requests"),
                QJsonObject { { "retry_after", account.limiter.settings().retryAfterSecs } });
            r.delayMs = fault->delayMs;
            return r;
        }
        case FaultRule::Action::Status: {
            HttpResponse r = fault->html
                ? nginxPage(fault->status)
                : Errors::problem(fault->status, QStringLiteral("Internal server error"),
                                  QJsonObject { { "trace_id", traceId() } });
            r.delayMs = fault->delayMs;
            return r;
        }
        case FaultRule::Action::Slow:
            slowMs = fault->delayMs;
            break;
        }
    }
    HttpResponse response = dispatch(request, account, path, baseUrl, match);
    response.delayMs += slowMs;
    return response;
}

HttpResponse AmoServer::dispatch(const HttpRequest &request, AmoAccount &account, const QString &path,
                                 const QString &baseUrl, const AmoRouter::Match &match)
{
    const bool tokenEndpoint = path == QLatin1String("/oauth2/access_token") && request.method == "POST";
    const qint64 nowMs = m_clock->nowMs();
    AmoCall call {
        request, account, match.params, parsePhpQuery(request.rawQuery), baseUrl, 0, nowMs / 1000
    };
    if (tokenEndpoint)
        return m_oauth->token(call);
    if (!match.handler) {
        const QString url = baseUrl + path;
        if (match.pathKnown)
            return Errors::problem(405, QStringLiteral("Method not allowed"));
        return Errors::notFound(request.method, url);
    }
    const QByteArray authorization = request.header("authorization");
    if (!authorization.startsWith("Bearer "))
        return Errors::problem(401, QStringLiteral("Unauthorized"));
    const AmoTokens::AccessCheck check = m_context->tokens.checkAccess(
        QString::fromLatin1(authorization.mid(7).trimmed()), account.subdomain);
    if (!check.ok)
        return Errors::problem(401, QStringLiteral("Unauthorized"), QJsonObject { { "hint", check.reason } });
    if (account.unpaid)
        return Errors::problem(402, QStringLiteral("Payment required: the account is not paid"));
    call.userId = check.userId;
    return (*match.handler)(call);
}

} // namespace Sandbox::AmoCrm
