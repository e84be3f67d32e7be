// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QMap>
#include <QString>
#include <memory>

namespace Net {
class RateLimiter;
}

namespace Source::MoySklad {

/**
 * A blocking client of the MoySklad JSON API 1.2 for the source's thread (ShopSource calls are
 * synchronous): libcurl with `Accept-Encoding: gzip` (MoySklad answers 415 without it) and the
 * `Authorization` value it is given (`Bearer <token>` or `Basic <login:password>`), every request first
 * admitted by the account's Net::RateLimiter so the 45-units-per-3-s budget is never exceeded. The limiter
 * starts at @p requestsPerWindow and follows the server's `X-RateLimit-Limit` / `X-Lognex-Retry-TimeInterval`
 * when they say less (a user token costs 4 units since 2026-12); a 429 holds the limiter for
 * `X-Lognex-Retry-After` and the request is tried again. Errors are values: 401 → Auth, 403 → Blocked (the
 * API switched off), 429 after retries → RateLimited, 5xx and network → Transient, other 4xx → Permanent with
 * MoySklad's error text. Owned and used by one thread.
 */
class MoySkladClient
{
public:
    MoySkladClient(const QString &apiUrl, const QByteArray &authorization, int requestsPerWindow = 45,
                   int windowMs = 3000);
    static QByteArray bearer(const QByteArray &token) { return "Bearer " + token; }
    static QByteArray basic(const QString &login, const QByteArray &password)
    {
        return "Basic " + (login.toUtf8() + ':' + password).toBase64();
    }
    ~MoySkladClient();

    /** GET @p pathOrHref ("/entity/retaildemand?…" under the API URL, or a full href of it). */
    Common::Result<QJsonObject> get(const QString &pathOrHref);
    /**
     * POST (or PUT) a JSON object and return the answer's object. A write whose answer never came
     * (network, 5xx) may still have been made: the Transient error says so, and a caller that must not
     * make a thing twice looks it up before it writes again. 429s are waited out and retried, as for
     * reads (MoySklad refuses those requests before doing anything).
     */
    Common::Result<QJsonObject> post(const QString &pathOrHref, const QJsonObject &body);
    Common::Result<QJsonObject> put(const QString &pathOrHref, const QJsonObject &body);
    /** DELETE; a thing that is already gone (404) counts as deleted. */
    Common::Status remove(const QString &pathOrHref);
    /** Writes carry `X-Lognex-WebHook-DisableByPrefix: @p prefix` from now on, so this bridge's own
     *  changes do not come back through its own webhooks (Source::ShopWebhooks::ownWritesPrefix). */
    void muteOwnWebhooks(const QString &prefix) { m_ownHooksPrefix = prefix.toUtf8(); }

    QString apiUrl() const { return m_apiUrl; }
    /** The pace the budget allows now (follows the server's headers). */
    double requestsPerSecond() const { return m_requestsPerSecond; }
    /** Requests actually sent (for tests and the source's summary). */
    qint64 requestsSent() const { return m_sent; }

private:
    struct Reply
    {
        long status = 0;
        QByteArray body;
        QMap<QByteArray, QByteArray> headers; ///< names lower-cased
    };
    Common::Result<Reply> send(const QByteArray &method, const QString &pathOrHref, const QByteArray &body);
    Common::Result<Reply> perform(const QByteArray &method, const QByteArray &url, const QByteArray &body);
    static Common::Result<QJsonObject> jsonOf(const Reply &reply);
    void followBudgetHeaders(const Reply &reply);
    static QString errorText(const QByteArray &body);

    QString m_apiUrl;
    QByteArray m_authorization;
    QByteArray m_ownHooksPrefix;
    int m_windowMs;
    double m_requestsPerSecond;
    std::shared_ptr<Net::RateLimiter> m_limiter;
    qint64 m_sent = 0;
};

} // namespace Source::MoySklad
