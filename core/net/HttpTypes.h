// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>
#include <functional>
#include <optional>

class QObject;

namespace Net {

class HttpClient;

/** One HTTP request as a connector describes it; HttpClient adds auth, limits, retries and logging. */
struct HttpRequest
{
    QByteArray method = "GET";
    QUrl url;
    QByteArray body;
    QByteArray contentType = "application/json";
    QList<QPair<QByteArray, QByteArray>> headers;
    bool authenticated = true; ///< ask the Authenticator for a Bearer token
    /** False for creates: then a failure that may have reached the server (5xx, reset, timeout) is not
     *  retried here — the caller reconciles first. 429, 503 and refused connections are still retried. */
    bool idempotent = true;
    bool logBodies = true; ///< false for OAuth grants: neither body reaches the op log
    QString keys; ///< business keys for the op log (order numbers, phones, emails)
    std::optional<qint64> jobId;
    QList<qint64> jobIds; ///< every job a batch call carries (jobId's among them or not): all are logged
};

struct HttpResponse
{
    int status = 0;
    QByteArray body;
    QByteArray contentType;
    int durationMs = 0;
    int attempts = 0;
    QList<QPair<QByteArray, QByteArray>> headers;

    bool isEmpty() const { return status == 204 || body.trimmed().isEmpty(); }
    QJsonDocument json() const { return QJsonDocument::fromJson(body); }
};

/** What the op log gets for every attempt; already redacted. */
struct CallRecord
{
    QByteArray method;
    QString url;
    int status = 0;
    int durationMs = 0;
    int attempt = 1;
    QString requestHeaders;
    QString requestBody;
    QString responseBody;
    QString error;
    QString keys;
    std::optional<qint64> jobId;
    QList<qint64> jobIds;
};
using OpLogHook = std::function<void(const CallRecord &)>;

/**
 * Gives HttpClient a Bearer token and renews it after a 401. Shared by every thread of an engine,
 * thread-safe. Callbacks run on the thread of @p via (the asking client), never inside the call.
 */
class Authenticator
{
public:
    using TokenCallback = std::function<void(Common::Result<QString>)>;
    virtual ~Authenticator() = default;
    /** The token to send now (refreshing first when it is about to expire). */
    virtual void bearer(HttpClient *via, TokenCallback done) = 0;
    /** The server refused @p token: renew once (single-flight) and answer the token to retry with. */
    virtual void rejected(const QString &token, const Common::Error &why, HttpClient *via, TokenCallback done)
        = 0;
};

} // namespace Net
