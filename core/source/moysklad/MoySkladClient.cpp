// SPDX-License-Identifier: GPL-3.0-or-later
#include "MoySkladClient.h"

#include "MoySkladLog.h"
#include "net/RateLimiter.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QThread>
#include <curl/curl.h>
#include <mutex>

using Common::Error;
using Common::Result;

namespace Source::MoySklad {

namespace {

constexpr int kTimeoutMs = 30'000;
/** Longest one request waits for the budget before it gives up for this round (the poller backs off):
 *  the wait blocks the source's thread, and with it the poller's stop. */
constexpr int kMaxWaitMs = 3'000;
constexpr int kMaxRetriesOn429 = 2;
/** Room between our clock and the server's window: a limit of N per T ms is spread over T + this. */
constexpr int kWindowMarginMs = 250;

size_t appendBody(char *data, size_t size, size_t count, void *target)
{
    static_cast<QByteArray *>(target)->append(data, qsizetype(size * count));
    return size * count;
}

size_t appendHeader(char *data, size_t size, size_t count, void *target)
{
    const QByteArray line = QByteArray(data, qsizetype(size * count)).trimmed();
    const qsizetype colon = line.indexOf(':');
    if (colon > 0)
        static_cast<QMap<QByteArray, QByteArray> *>(target)->insert(line.left(colon).trimmed().toLower(),
                                                                    line.mid(colon + 1).trimmed());
    return size * count;
}

double rateFor(int requests, int windowMs)
{
    return double(qMax(1, requests)) * 1000.0 / double(windowMs + kWindowMarginMs);
}

} // namespace

MoySkladClient::MoySkladClient(const QString &apiUrl, const QByteArray &authorization, int requestsPerWindow,
                               int windowMs)
    : m_apiUrl(apiUrl.endsWith('/') ? apiUrl.chopped(1) : apiUrl)
    , m_authorization(authorization)
    , m_windowMs(windowMs)
    , m_requestsPerSecond(rateFor(requestsPerWindow, windowMs))
{
    // The budget belongs to the user (its token or login), shared by every source that uses it.
    const QString account
        = QStringLiteral("moysklad:%1:%2")
              .arg(m_apiUrl,
                   QString::fromLatin1(
                       QCryptographicHash::hash(authorization, QCryptographicHash::Sha1).toHex().left(12)));
    Net::RateLimit limit;
    limit.requestsPerSecond = m_requestsPerSecond;
    m_limiter = Net::RateLimiter::forAccount(account, limit);
}

MoySkladClient::~MoySkladClient() = default;

Result<QJsonObject> MoySkladClient::get(const QString &pathOrHref)
{
    auto reply = send("GET", pathOrHref, {});
    return reply ? jsonOf(reply.value()) : Result<QJsonObject>(reply.error());
}

Result<QJsonObject> MoySkladClient::post(const QString &pathOrHref, const QJsonObject &body)
{
    auto reply = send("POST", pathOrHref, QJsonDocument(body).toJson(QJsonDocument::Compact));
    return reply ? jsonOf(reply.value()) : Result<QJsonObject>(reply.error());
}

Result<QJsonObject> MoySkladClient::put(const QString &pathOrHref, const QJsonObject &body)
{
    auto reply = send("PUT", pathOrHref, QJsonDocument(body).toJson(QJsonDocument::Compact));
    return reply ? jsonOf(reply.value()) : Result<QJsonObject>(reply.error());
}

Common::Status MoySkladClient::remove(const QString &pathOrHref)
{
    auto reply = send("DELETE", pathOrHref, {});
    if (!reply && reply.error().httpStatus != 404)
        return reply.error();
    return {};
}

Result<QJsonObject> MoySkladClient::jsonOf(const Reply &reply)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(reply.body, &parseError);
    if (!doc.isObject())
        return Error::transient(
            QStringLiteral("MoySklad answered something that is not JSON: %1").arg(parseError.errorString()),
            QStringLiteral("moysklad-json"));
    return doc.object();
}

Result<MoySkladClient::Reply> MoySkladClient::send(const QByteArray &method, const QString &pathOrHref,
                                                   const QByteArray &body)
{
    const QByteArray url
        = (pathOrHref.startsWith(QLatin1String("http")) ? pathOrHref : m_apiUrl + pathOrHref).toUtf8();
    QElapsedTimer waited;
    waited.start();
    int limitedAnswers = 0;
    while (true) {
        const auto admission = m_limiter->tryAcquire();
        if (admission.verdict == Net::RateLimiter::Admission::Verdict::Blocked)
            return Error { Common::ErrorKind::Blocked, admission.reason, QStringLiteral("moysklad-blocked") };
        if (admission.verdict == Net::RateLimiter::Admission::Verdict::Wait) {
            if (waited.elapsed() + admission.waitMs > kMaxWaitMs) {
                Error e { Common::ErrorKind::RateLimited,
                          QStringLiteral("MoySklad's request budget is spent for now"),
                          QStringLiteral("moysklad-budget") };
                e.retryAfterSeconds = int(admission.waitMs / 1000) + 1;
                return e;
            }
            // ShopSource calls are synchronous on the source's own poller thread (no event loop to
            // arm a timer in): waiting for the next slot of the budget is a plain sleep there.
            QThread::msleep(quint64(admission.waitMs));
            continue;
        }
        auto reply = perform(method, url, body);
        if (!reply)
            return reply.error();
        followBudgetHeaders(reply.value());
        const long status = reply->status;
        if (status == 200 || status == 201 || status == 204)
            return reply;
        if (status == 429 && ++limitedAnswers <= kMaxRetriesOn429) {
            const qint64 holdMs = qBound<qint64>(
                100, reply->headers.value("x-lognex-retry-after").toLongLong(), qint64(m_windowMs));
            qCInfo(lcMoySklad) << "429 from MoySklad; holding for" << holdMs << "ms";
            m_limiter->holdFor(holdMs);
            continue;
        }
        Error error = status == 401
            ? Error::auth(QStringLiteral("MoySklad refused the credentials: %1").arg(errorText(reply->body)),
                          QStringLiteral("moysklad-auth"))
            : status == 403
            ? Error { Common::ErrorKind::Blocked,
                      QStringLiteral("MoySklad refused access: %1").arg(errorText(reply->body)),
                      QStringLiteral("moysklad-forbidden") }
            : status == 429
            ? Error { Common::ErrorKind::RateLimited, QStringLiteral("MoySklad keeps answering 429"),
                      QStringLiteral("moysklad-429") }
            : status == 415
            ? Error::permanent(QStringLiteral("MoySklad wants gzip (415)"), QStringLiteral("moysklad-415"))
            : status >= 500
            ? Error::transient(QStringLiteral("MoySklad is not answering (HTTP %1)").arg(status),
                               QStringLiteral("moysklad-5xx"))
            : Error::permanent(
                QStringLiteral("MoySklad: %1 (HTTP %2)").arg(errorText(reply->body)).arg(status),
                QStringLiteral("moysklad-http"));
        error.httpStatus = int(status);
        return error;
    }
}

Result<MoySkladClient::Reply> MoySkladClient::perform(const QByteArray &method, const QByteArray &url,
                                                      const QByteArray &body)
{
    static std::once_flag s_init;
    std::call_once(s_init, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
    CURL *curl = curl_easy_init();
    if (!curl)
        return Error::transient(QStringLiteral("Cannot start the HTTP client"), QStringLiteral("moysklad"));
    Reply reply;
    const QByteArray authorization = "Authorization: " + m_authorization;
    curl_slist *headers = curl_slist_append(nullptr, authorization.constData());
    const bool write = method != "GET";
    const QByteArray muted = "X-Lognex-WebHook-DisableByPrefix: " + m_ownHooksPrefix;
    if (write && !m_ownHooksPrefix.isEmpty())
        headers = curl_slist_append(headers, muted.constData());
    if (write && method != "DELETE") {
        headers = curl_slist_append(headers, "Content-Type: application/json");
        curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body.constData());
        curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE, long(body.size()));
    }
    if (write)
        curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, method.constData());
    curl_easy_setopt(curl, CURLOPT_URL, url.constData());
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
    // libcurl sends "Accept-Encoding: gzip" and decompresses the answer.
    curl_easy_setopt(curl, CURLOPT_ACCEPT_ENCODING, "gzip");
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, appendBody);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &reply.body);
    curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, appendHeader);
    curl_easy_setopt(curl, CURLOPT_HEADERDATA, &reply.headers);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, long(kTimeoutMs));
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_NOPROXY, "127.0.0.1,localhost");
    char problem[CURL_ERROR_SIZE] = {};
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, problem);
    const CURLcode code = curl_easy_perform(curl);
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &reply.status);
    curl_slist_free_all(headers);
    curl_easy_cleanup(curl);
    ++m_sent;
    if (code != CURLE_OK)
        return Error::transient(QStringLiteral("MoySklad cannot be reached: %1")
                                    .arg(QString::fromUtf8(problem[0] ? problem : curl_easy_strerror(code))),
                                QStringLiteral("moysklad-network"));
    return reply;
}

void MoySkladClient::followBudgetHeaders(const Reply &reply)
{
    const int limit = reply.headers.value("x-ratelimit-limit").toInt();
    const int interval = reply.headers.value("x-lognex-retry-timeinterval").toInt();
    if (limit <= 0 || interval <= 0)
        return;
    const double rate = rateFor(limit, interval);
    if (rate < m_requestsPerSecond - 1e-9) {
        qCInfo(lcMoySklad) << "MoySklad allows" << limit << "requests per" << interval << "ms; slowing down";
        m_requestsPerSecond = rate;
        Net::RateLimit slower = m_limiter->limit();
        slower.requestsPerSecond = rate;
        m_limiter->setLimit(slower);
    }
    if (reply.headers.value("x-ratelimit-remaining") == "0")
        m_limiter->holdFor(qMax<qint64>(reply.headers.value("x-lognex-reset").toLongLong(), 0));
}

QString MoySkladClient::errorText(const QByteArray &body)
{
    const QJsonArray errors = QJsonDocument::fromJson(body).object().value("errors").toArray();
    QStringList texts;
    for (const QJsonValue &e : errors)
        texts << QStringLiteral("%1 (%2)")
                     .arg(e.toObject().value("error").toString())
                     .arg(e.toObject().value("code").toInt());
    return texts.isEmpty() ? QStringLiteral("no details") : texts.join(QStringLiteral("; "));
}

} // namespace Source::MoySklad
