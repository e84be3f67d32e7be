// SPDX-License-Identifier: GPL-3.0-or-later
#include "RetryPolicy.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <cmath>

namespace Net {

qint64 RetryPolicy::backoffMs(int attempt) const
{
    const double raw = double(baseDelayMs) * std::pow(2.0, qMax(0, attempt - 1));
    const double capped = qMin(raw, double(maxDelayMs));
    const double spread = capped * jitter;
    const double jittered = capped - spread + QRandomGenerator::global()->generateDouble() * 2 * spread;
    return qMax<qint64>(1, qint64(jittered));
}

std::optional<int> parseRetryAfter(const QByteArray &body, const QByteArray &retryAfterHeader)
{
    bool ok = false;
    const int header = retryAfterHeader.trimmed().toInt(&ok);
    if (ok && header >= 0)
        return header;
    const QJsonObject json = QJsonDocument::fromJson(body).object();
    if (json.contains("retry_after"))
        return qMax(0, int(json.value("retry_after").toDouble()));
    // amoCRM sometimes answers 429 with an HTML page (#526); take a hint from its text when there is one.
    static const QRegularExpression html(QStringLiteral(R"((?:retry[_ -]?after)\D{0,20}(\d{1,6}))"),
                                         QRegularExpression::CaseInsensitiveOption);
    const auto match = html.match(QString::fromUtf8(body.left(8192)));
    if (match.hasMatch())
        return match.captured(1).toInt();
    return std::nullopt;
}

bool surelyNotProcessed(int status, QNetworkReply::NetworkError error)
{
    if (status == 429 || status == 503 || status == 403)
        return true;
    return status == 0
        && (error == QNetworkReply::ConnectionRefusedError || error == QNetworkReply::HostNotFoundError
            || error == QNetworkReply::ProxyConnectionRefusedError);
}

static QString serverMessage(const QJsonObject &json, const QByteArray &body)
{
    QString message = json.value("detail").toString();
    const QString hint = json.value("hint").toString();
    if (!hint.isEmpty())
        message = message.isEmpty() ? hint : message + QStringLiteral(" (") + hint + QLatin1Char(')');
    if (message.isEmpty())
        message = json.value("title").toString();
    if (message.isEmpty()) // RetailCRM's envelope: {"success": false, "errorMsg": …, "errors": …}
        message = json.value("errorMsg").toString();
    if (message.isEmpty() && !body.trimmed().startsWith('<'))
        message = QString::fromUtf8(body.left(300)).simplified();
    return message;
}

std::optional<Common::Error> classifyAnswer(int status, const QByteArray &body,
                                            QNetworkReply::NetworkError error, const QString &errorString)
{
    using Common::Error;
    if (status >= 200 && status < 300)
        return std::nullopt;
    if (status == 0) {
        Error e = Error::transient(
            QCoreApplication::translate("Net", "No answer from the server: %1").arg(errorString),
            QStringLiteral("network"));
        e.details.insert("network_error", int(error));
        return e;
    }
    const QJsonObject json = QJsonDocument::fromJson(body).object();
    const QString message = serverMessage(json, body);
    Error e;
    e.httpStatus = status;
    e.message = message;
    if (json.contains("validation-errors"))
        e.details.insert("validation-errors", json.value("validation-errors"));
    if (json.contains("hint"))
        e.details.insert("hint", json.value("hint"));
    if (json.contains("trace_id"))
        e.details.insert("trace_id", json.value("trace_id"));
    if (json.contains("errors"))
        e.details.insert("errors", json.value("errors"));
    // The whole answer of a refused request, for adapters whose envelopes carry partial results
    // (RetailCRM's 460 "loaded with errors" lists what went in).
    if (status >= 400 && status < 500 && !json.isEmpty())
        e.details.insert("response", json);
    switch (status) {
    case 401:
        e.kind = Common::ErrorKind::Auth;
        e.code = QStringLiteral("unauthorized");
        break;
    case 402:
        e.kind = Common::ErrorKind::Permanent;
        e.code = QStringLiteral("payment-required");
        if (e.message.isEmpty())
            e.message = QCoreApplication::translate("Net", "The CRM account is not paid");
        break;
    case 403:
        e.kind = Common::ErrorKind::Blocked;
        e.code = QStringLiteral("blocked");
        if (!message.isEmpty())
            e.details.insert("server_message", message);
        e.message = QCoreApplication::translate(
            "Net",
            "The CRM refused access (HTTP 403): the account or address is blocked after too many requests");
        break;
    case 429:
        e.kind = Common::ErrorKind::RateLimited;
        e.code = QStringLiteral("rate-limited");
        e.retryAfterSeconds = parseRetryAfter(body);
        e.message = QCoreApplication::translate("Net", "Too many requests");
        break;
    default:
        if (status >= 500 || status == 408) {
            e.kind = Common::ErrorKind::Transient;
            e.code = QStringLiteral("server-error");
            if (e.message.isEmpty())
                e.message = QCoreApplication::translate("Net", "The server failed (HTTP %1)").arg(status);
        } else {
            e.kind = Common::ErrorKind::Permanent;
            e.code = json.contains("validation-errors") ? QStringLiteral("validation")
                                                        : QStringLiteral("http-%1").arg(status);
            if (e.message.isEmpty())
                e.message = QCoreApplication::translate("Net", "The server refused the request (HTTP %1)")
                                .arg(status);
        }
    }
    return e;
}

} // namespace Net
