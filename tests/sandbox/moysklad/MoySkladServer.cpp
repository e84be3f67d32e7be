// SPDX-License-Identifier: GPL-3.0-or-later
#include "MoySkladServer.h"

#include "MoySkladControlApi.h"
#include "MoySkladEntityApi.h"
#include "MoySkladGzip.h"
#include "MoySkladStore.h"
#include "MoySkladWebhookSender.h"
#include "common/HttpServer.h"
#include "common/SandboxClock.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace Sandbox::MoySklad {

namespace {

const QString kApiPrefix = QStringLiteral("/api/remap/1.2/");

HttpResponse authFailure(const QString &why)
{
    HttpResponse r
        = MoySkladEntityApi::error({ 401, 1056, QStringLiteral("Ошибка аутентификации: ") + why, {} });
    r.headers.append({ QByteArray("X-Lognex-Auth"), QByteArray("1056") });
    r.headers.append({ QByteArray("X-Lognex-Auth-Message"), QUrl::toPercentEncoding(why) });
    return r;
}

} // namespace

MoySkladServer::MoySkladServer(const MoySkladSandboxOptions &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_clock(new SandboxClock(this))
    , m_store(std::make_unique<MoySkladStore>(options, *m_clock))
    , m_webhooks(new MoySkladWebhookSender(*m_store, this))
{
    m_webhooks->timeoutMs = options.webhookTimeoutMs;
    m_entityApi = std::make_unique<MoySkladEntityApi>(*m_store, m_router);
    m_control = std::make_unique<MoySkladControlApi>(*m_store, *m_webhooks);
}

MoySkladServer::~MoySkladServer() = default;

bool MoySkladServer::start(QString *error)
{
    if (!MoySkladStore::profiles().contains(m_options.seed)) {
        *error = QStringLiteral("unknown seed profile '%1'").arg(m_options.seed);
        return false;
    }
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
    const QString base = QStringLiteral("http://%1:%2").arg(m_options.address.toString()).arg(m_http->port());
    m_store->setBaseUrl(base);
    m_store->reset(m_options.seed);
    m_firstToken = m_store->issueToken(m_options.login);
    return true;
}

void MoySkladServer::shutdown()
{
    if (m_http)
        m_http->close();
}

QJsonObject MoySkladServer::readyInfo() const
{
    const QString base = QStringLiteral("http://%1:%2").arg(m_options.address.toString()).arg(m_http->port());
    return QJsonObject { { "crm", "moysklad" },
                         { "base_url", base },
                         { "api_url", base + QStringLiteral("/api/remap/1.2") },
                         { "login", m_options.login },
                         { "password", m_options.password },
                         { "token", m_firstToken } };
}

QString MoySkladServer::authenticate(const HttpRequest &request, bool *basic) const
{
    const QByteArray header = request.header("authorization").trimmed();
    *basic = false;
    if (header.startsWith("Bearer ")) {
        return m_store->loginOfToken(QString::fromLatin1(header.mid(7).trimmed()));
    }
    if (header.startsWith("Basic ")) {
        const QByteArray pair = QByteArray::fromBase64(header.mid(6).trimmed());
        const qsizetype colon = pair.indexOf(':');
        if (colon < 0)
            return {};
        const QString login = QString::fromUtf8(pair.left(colon));
        if (!m_store->checkPassword(login, QString::fromUtf8(pair.mid(colon + 1))))
            return {};
        *basic = true;
        return login;
    }
    return {};
}

HttpResponse MoySkladServer::handle(const HttpRequest &request)
{
    if (request.path.startsWith(QLatin1String("/__sandbox/")))
        return m_control->handle(request);
    const qint64 nowMs = m_clock->nowMs();
    QString login;
    QString endpoint = QString::fromLatin1(request.method) + QStringLiteral(" (unknown)");
    HttpResponse response = handleApi(request, &login, &endpoint);
    if (!login.isEmpty())
        m_store->budget.settled(nowMs, QString::fromLatin1(request.method + ' ' + request.target),
                                response.status, request.method == "PUT");
    m_store->counters.record(endpoint, response.resetConnection ? 0 : response.status, nowMs);
    // Every answer with a body is gzip-compressed; the 415 has none (reference B.1).
    if (!response.body.isEmpty() && response.status != 415) {
        response.body = gzipCompress(response.body);
        response.headers.append({ QByteArray("Content-Encoding"), QByteArray("gzip") });
    }
    return response;
}

HttpResponse MoySkladServer::handleApi(const HttpRequest &request, QString *login, QString *endpoint)
{
    if (!acceptsGzip(request.header("accept-encoding")))
        return HttpResponse::noContent(415);
    if (!request.path.startsWith(kApiPrefix))
        return MoySkladEntityApi::error(
            { 404, 1002, QStringLiteral("Неопознанный путь: %1").arg(request.path), {} });
    // Counters name the endpoint by its route with the entity type filled in, even for a 429.
    const auto match = m_router.match(request.method, request.path);
    if (match.handler) {
        *endpoint = match.endpoint;
        endpoint->replace(QLatin1String("{*}/{*}"), match.params.value(0) + QStringLiteral("/{id}"));
        endpoint->replace(QLatin1String("{*}"), match.params.value(0));
    } else if (request.path == kApiPrefix + QStringLiteral("security/token")) {
        *endpoint = QStringLiteral("POST /api/remap/1.2/security/token");
    }
    bool basic = false;
    *login = authenticate(request, &basic);
    if (login->isEmpty())
        return authFailure(QStringLiteral("Неправильный пароль или имя пользователя или ключ авторизации"));
    if (m_store->budget.banned())
        return MoySkladEntityApi::error(
            { 403, 1061, QStringLiteral("Отсутствует доступ к API для данного пользователя"), {} });
    const qint64 nowMs = m_clock->nowMs();
    const MoySkladBudget::Decision decision = m_store->budget.admit(nowMs);
    HeaderList limitHeaders;
    if (m_store->budget.budget > 0) {
        limitHeaders = { { "X-RateLimit-Limit", QByteArray::number(decision.limitRequests) },
                         { "X-RateLimit-Remaining", QByteArray::number(decision.remainingRequests) },
                         { "X-Lognex-Retry-TimeInterval", QByteArray::number(m_store->budget.windowMs) },
                         { "X-Lognex-Reset", QByteArray::number(decision.resetMs) } };
    }
    if (!decision.allowed) {
        HttpResponse r = MoySkladEntityApi::error(
            { 429,
              1049,
              QStringLiteral("Превышено ограничение на количество запросов в единицу времени"),
              {} });
        r.headers = limitHeaders;
        r.headers.append({ "X-Lognex-Retry-After", QByteArray::number(decision.resetMs) });
        return r;
    }
    HttpResponse response;
    if (request.path == kApiPrefix + QStringLiteral("security/token")) {
        response = request.method != "POST"
            ? MoySkladEntityApi::error(
                { 405, 1039, QStringLiteral("Операция не поддерживается для данного ресурса"), {} })
            : (basic ? issueToken(request)
                     : authFailure(QStringLiteral("токен выдается только по логину и паролю")));
        response.headers += limitHeaders;
        return response;
    }
    if (!match.handler) {
        response = match.pathKnown
            ? MoySkladEntityApi::error({ 405,
                                         1039,
                                         QStringLiteral("Операция %1 не поддерживается для данного ресурса")
                                             .arg(QString::fromLatin1(request.method)),
                                         {} })
            : MoySkladEntityApi::error(
                { 404, 1002, QStringLiteral("Неопознанный путь: %1").arg(request.path), {} });
        response.headers += limitHeaders;
        return response;
    }
    QStringList muted;
    for (const auto &[name, value] : request.headers) {
        if (name != "x-lognex-webhook-disablebyprefix")
            continue;
        const QString prefix = QString::fromUtf8(value).trimmed();
        // A bare scheme would mute every webhook; MoySklad rejects it (reference B.6).
        if (prefix == QLatin1String("https://") || prefix == QLatin1String("http://") || prefix.isEmpty()) {
            response = MoySkladEntityApi::error(
                { 400,
                  1040,
                  QStringLiteral("Неверное значение заголовка X-Lognex-WebHook-DisableByPrefix"),
                  {} });
            response.headers += limitHeaders;
            return response;
        }
        muted.append(prefix);
    }
    const auto fault = m_store->faults.next(request.method, request.path, 0);
    if (fault && fault->action != FaultRule::Action::Slow && !fault->after) {
        if (fault->action == FaultRule::Action::Reset)
            return HttpResponse::reset();
        response = fault->action == FaultRule::Action::TooManyRequests
            ? MoySkladEntityApi::error(
                { 429,
                  1073,
                  QStringLiteral("Превышено ограничение на одновременное количество запросов"),
                  {} })
            : MoySkladEntityApi::error({ fault->status,
                                         1000 + fault->status,
                                         QString::fromLatin1(reasonPhrase(fault->status)),
                                         {} });
        response.delayMs = fault->delayMs;
        response.headers += limitHeaders;
        return response;
    }
    MoySkladCall call { request, match.params, *login };
    response = (*match.handler)(call);
    m_webhooks->dispatch(m_store->takeChanges(), muted, *login);
    if (fault && fault->after) {
        // The work is done; the answer is lost on the way back.
        if (fault->action == FaultRule::Action::Reset)
            return HttpResponse::reset();
        response = MoySkladEntityApi::error(
            { fault->status, 1000 + fault->status, QString::fromLatin1(reasonPhrase(fault->status)), {} });
    }
    if (fault && fault->action == FaultRule::Action::Slow)
        response.delayMs += fault->delayMs;
    response.headers += limitHeaders;
    return response;
}

HttpResponse MoySkladServer::issueToken(const HttpRequest &request)
{
    const QByteArray pair = QByteArray::fromBase64(request.header("authorization").trimmed().mid(6));
    const QString login = QString::fromUtf8(pair.left(pair.indexOf(':')));
    return HttpResponse::json(200,
                              QJsonDocument(QJsonObject { { "access_token", m_store->issueToken(login) } }),
                              "application/json;charset=utf-8");
}

} // namespace Sandbox::MoySklad
