// SPDX-License-Identifier: GPL-3.0-or-later
#include "HttpClient.h"

#include "NetLog.h"
#include "Redactor.h"

#include <QElapsedTimer>
#include <QIODevice>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>
#include <QTimer>
#include <cstring>

namespace Net {

namespace {
/** A request body that is read once and cannot be rewound (see HttpClient::dispatch). */
class OnceReadBody final : public QIODevice
{
public:
    explicit OnceReadBody(QByteArray data)
        : m_data(std::move(data))
    {
        open(QIODevice::ReadOnly);
    }
    bool isSequential() const override { return true; }
    bool reset() override { return false; }
    qint64 bytesAvailable() const override { return m_data.size() - m_read + QIODevice::bytesAvailable(); }

protected:
    qint64 readData(char *data, qint64 max) override
    {
        const qint64 n = std::min<qint64>(max, m_data.size() - m_read);
        std::memcpy(data, m_data.constData() + m_read, size_t(n));
        m_read += n;
        return n;
    }
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    QByteArray m_data;
    qint64 m_read = 0;
};
} // namespace

using Common::Error;
using Common::ErrorKind;

struct HttpClient::Call
{
    HttpRequest request;
    Callback done;
    int attempt = 0; ///< network attempts made
    bool reauthenticated = false;
    QString token;
    QElapsedTimer started;
};

HttpClient::HttpClient(QNetworkAccessManager *network, Options options, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_options(std::move(options))
    , m_limiter(RateLimiter::forAccount(m_options.account, m_options.limit))
{
    m_limiter->setLimit(m_options.limit);
    connect(m_limiter.get(), &RateLimiter::accountBlocked, this, &HttpClient::accountBlocked);
}

HttpClient::~HttpClient() = default;

void HttpClient::setAuthenticator(std::shared_ptr<Authenticator> authenticator)
{
    m_authenticator = std::move(authenticator);
}

void HttpClient::setOpLogHook(OpLogHook hook)
{
    m_hook = std::move(hook);
}

void HttpClient::send(HttpRequest request, Callback done)
{
    auto call = std::make_shared<Call>();
    call->request = std::move(request);
    call->done = std::move(done);
    // Never answer inside send(): callers may still be setting up.
    QTimer::singleShot(0, this, [this, call] { step(call); });
}

void HttpClient::step(const std::shared_ptr<Call> &call)
{
    const RateLimiter::Admission admission = m_limiter->tryAcquire();
    if (admission.verdict == RateLimiter::Admission::Verdict::Blocked) {
        Error e = Error::permanent(admission.reason, QStringLiteral("blocked"));
        e.kind = ErrorKind::Blocked;
        call->done(e);
        return;
    }
    if (admission.verdict == RateLimiter::Admission::Verdict::Wait) {
        QTimer::singleShot(int(admission.waitMs), Qt::PreciseTimer, this, [this, call] { step(call); });
        return;
    }
    if (!call->request.authenticated || !m_authenticator) {
        dispatch(call, QString());
        return;
    }
    // The token is fetched after the slot is taken; a refresh it may start waits for its own slot.
    QPointer<HttpClient> self(this);
    m_authenticator->bearer(this, [self, call](Common::Result<QString> token) {
        if (!self)
            return;
        if (!token) {
            call->done(token.error());
            return;
        }
        self->dispatch(call, token.value());
    });
}

void HttpClient::dispatch(const std::shared_ptr<Call> &call, const QString &token)
{
    ++call->attempt;
    call->token = token;
    QNetworkRequest request(call->request.url);
    request.setTransferTimeout(m_options.transferTimeoutMs);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setHeader(QNetworkRequest::UserAgentHeader, m_options.userAgent);
    if (!call->request.body.isEmpty() || call->request.method == "POST" || call->request.method == "PATCH")
        request.setHeader(QNetworkRequest::ContentTypeHeader, call->request.contentType);
    for (const auto &[name, value] : std::as_const(call->request.headers))
        request.setRawHeader(name, value);
    if (!token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + token.toLatin1());

    call->started.start();
    QNetworkReply *reply = nullptr;
    if (!call->request.idempotent && !call->request.body.isEmpty()) {
        // Qt's HTTP stack sends a request again by itself when the server drops a kept-alive connection
        // after it got the request (QHttpNetworkConnectionChannel, WaitingState): for a create that is
        // a second deal. A body that can be read only once makes that a ContentReSendError instead,
        // which the caller reconciles like any other lost answer.
        request.setAttribute(QNetworkRequest::DoNotBufferUploadDataAttribute, true);
        request.setHeader(QNetworkRequest::ContentLengthHeader, call->request.body.size());
        auto *body = new OnceReadBody(call->request.body);
        reply = m_network->sendCustomRequest(request, call->request.method, body);
        body->setParent(reply);
    } else {
        reply = m_network->sendCustomRequest(request, call->request.method, call->request.body);
    }
    auto timeoutReason = std::make_shared<QString>();
    auto *connectTimer = new QTimer(reply);
    connectTimer->setSingleShot(true);
    connect(connectTimer, &QTimer::timeout, reply, [reply, timeoutReason, this] {
        *timeoutReason = tr("could not connect within %1 ms").arg(m_options.connectTimeoutMs);
        reply->abort();
    });
    connect(reply, &QNetworkReply::requestSent, connectTimer, &QTimer::stop);
    connect(reply, &QNetworkReply::metaDataChanged, connectTimer, &QTimer::stop);
    connectTimer->start(m_options.connectTimeoutMs);
    connect(reply, &QNetworkReply::finished, this,
            [this, call, reply, timeoutReason] { finished(call, reply, *timeoutReason); });
}

void HttpClient::finished(const std::shared_ptr<Call> &call, QNetworkReply *reply,
                          const QString &timeoutReason)
{
    reply->deleteLater();
    HttpResponse response;
    response.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    response.body = reply->readAll();
    response.contentType = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
    response.durationMs = int(call->started.elapsed());
    response.attempts = call->attempt;
    for (const auto &pair : reply->rawHeaderPairs())
        response.headers.append({ pair.first, pair.second });
    QString errorString = reply->errorString();
    if (!timeoutReason.isEmpty())
        errorString = timeoutReason;
    else if (reply->error() == QNetworkReply::OperationCanceledError)
        errorString = tr("no data for %1 ms").arg(m_options.transferTimeoutMs);
    std::optional<Error> error = classifyAnswer(response.status, response.body, reply->error(), errorString);
    if (error && error->kind == ErrorKind::Blocked && !m_options.forbiddenMeansBlocked) {
        error->kind = ErrorKind::Auth;
        error->code = QStringLiteral("forbidden");
        error->message = error->details.value("server_message").toString(error->message);
    }
    log(*call, response, error ? error->message : QString());
    if (!error) {
        call->done(response);
        return;
    }

    const RetryPolicy &policy = m_options.retry;
    const bool attemptsLeft = call->attempt < policy.maxAttempts;
    switch (error->kind) {
    case ErrorKind::Auth:
        if (call->request.authenticated && m_authenticator && !call->reauthenticated) {
            call->reauthenticated = true;
            QPointer<HttpClient> self(this);
            m_authenticator->rejected(call->token, *error, this, [self, call](Common::Result<QString> token) {
                if (!self)
                    return;
                if (!token) {
                    call->done(token.error());
                    return;
                }
                self->step(call);
            });
            return;
        }
        break;
    case ErrorKind::Blocked:
        m_limiter->block(qint64(policy.blockCoolDownSecs) * 1000, error->message);
        break;
    case ErrorKind::RateLimited: {
        const int hint = error->retryAfterSeconds.value_or(policy.defaultRetryAfterSecs);
        m_limiter->holdFor(qint64(hint) * 1000);
        if (attemptsLeft && hint <= policy.maxRetryAfterSecs) {
            qCInfo(lcNet) << "429 from" << m_options.account << "- waiting" << hint << "s";
            retryLater(call, qint64(hint) * 1000);
            return;
        }
        error->retryAfterSeconds = hint;
        break;
    }
    case ErrorKind::Transient:
        if (attemptsLeft
            && (call->request.idempotent || surelyNotProcessed(response.status, reply->error()))) {
            retryLater(call, policy.backoffMs(call->attempt));
            return;
        }
        break;
    default:
        break;
    }
    if (error->httpStatus == 402)
        Q_EMIT paymentRequired(error->message);
    call->done(*error);
}

void HttpClient::retryLater(const std::shared_ptr<Call> &call, qint64 delayMs)
{
    QTimer::singleShot(int(delayMs), this, [this, call] { step(call); });
}

void HttpClient::log(const Call &call, const HttpResponse &response, const QString &error) const
{
    if (!m_hook)
        return;
    CallRecord record;
    record.method = call.request.method;
    record.url = Redactor::scrub(call.request.url.toString());
    record.status = response.status;
    record.durationMs = response.durationMs;
    record.attempt = call.attempt;
    QStringList headers;
    if (!call.token.isEmpty())
        headers << QStringLiteral("Authorization: Bearer ***");
    for (const auto &[name, value] : call.request.headers)
        headers << QString::fromLatin1(name + ": " + value);
    record.requestHeaders = Redactor::scrub(headers.join(QLatin1Char('\n')));
    if (call.request.logBodies) {
        record.requestBody = Redactor::scrub(QString::fromUtf8(call.request.body));
        record.responseBody = Redactor::scrub(QString::fromUtf8(response.body));
    } else {
        record.requestBody = call.request.body.isEmpty() ? QString() : QStringLiteral("[not logged]");
        record.responseBody = response.body.isEmpty() ? QString() : QStringLiteral("[not logged]");
    }
    record.error = Redactor::scrub(error);
    record.keys = call.request.keys;
    record.jobId = call.request.jobId;
    record.jobIds = call.request.jobIds;
    m_hook(record);
}

} // namespace Net
