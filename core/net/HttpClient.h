// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "HttpTypes.h"
#include "RateLimiter.h"
#include "RetryPolicy.h"

#include <QObject>
#include <memory>

class QNetworkAccessManager;
class QNetworkReply;

namespace Net {

/**
 * The one way core talks HTTP. Over an injected QNetworkAccessManager (one per thread), it waits for
 * the account's shared RateLimiter, adds the Bearer token from the Authenticator (one refresh and one
 * retry after a 401), applies connect and transfer timeouts, retries transient failures with
 * exponential backoff and jitter, honours 429 retry_after (JSON or HTML) for every thread of the
 * account, turns a 403 block into a paused account plus accountBlocked, classifies everything else
 * into a typed Common::Error, and hands every attempt to the op-log hook redacted.
 * Lives on (and must be used from) the thread of its QNAM; callbacks run there, never inside send().
 */
class HttpClient : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        QString account; ///< the rate-limit key, e.g. "amocrm:example.amocrm.ru"
        RateLimit limit;
        RetryPolicy retry;
        int connectTimeoutMs = 5000; ///< the request must be on the wire by then (amoCRM SDK: 5 s)
        int transferTimeoutMs = 20000; ///< no bytes for this long aborts the call (amoCRM SDK: 20 s)
        QByteArray userAgent = "CRM-Bridge (amoCRM-API-Library compatible)";
        /** amoCRM's 403 is a block after abuse (pause the account); RetailCRM's is a wrong key or a
         *  site the key may not see, which is an Auth error and blocks nothing. */
        bool forbiddenMeansBlocked = true;
    };
    using Callback = std::function<void(Common::Result<HttpResponse>)>;

    HttpClient(QNetworkAccessManager *network, Options options, QObject *parent = nullptr);
    ~HttpClient() override;

    void setAuthenticator(std::shared_ptr<Authenticator> authenticator);
    void setOpLogHook(OpLogHook hook);
    const Options &options() const { return m_options; }
    RateLimiter &limiter() const { return *m_limiter; }

    void send(HttpRequest request, Callback done);

Q_SIGNALS:
    /** The CRM blocked the account (403 page): every request fails fast until @p until. */
    void accountBlocked(const QString &account, const QDateTime &until, const QString &reason);
    /** The CRM answered 402 Payment Required (an unpaid account); @p reason is its message. */
    void paymentRequired(const QString &reason);

private:
    struct Call;
    void step(const std::shared_ptr<Call> &call);
    void dispatch(const std::shared_ptr<Call> &call, const QString &token);
    void finished(const std::shared_ptr<Call> &call, QNetworkReply *reply, const QString &timeoutReason);
    void retryLater(const std::shared_ptr<Call> &call, qint64 delayMs);
    void log(const Call &call, const HttpResponse &response, const QString &error) const;

    QNetworkAccessManager *m_network;
    Options m_options;
    std::shared_ptr<RateLimiter> m_limiter;
    std::shared_ptr<Authenticator> m_authenticator;
    OpLogHook m_hook;
};

} // namespace Net
