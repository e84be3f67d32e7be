// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSignalSpy>
#include <QUrl>
#include <QUrlQuery>

namespace Sandbox::Testing {

/** What a client saw: status, headers, body (status 0 and a network error for resets and timeouts). */
struct TestReply
{
    int status = 0;
    QByteArray body;
    QByteArray contentType;
    QByteArray location;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    qint64 elapsedMs = 0;

    QJsonObject object() const { return QJsonDocument::fromJson(body).object(); }
    QJsonArray array() const { return QJsonDocument::fromJson(body).array(); }
};

/**
 * A blocking HTTP helper for the sandbox conformance tests. It waits with QSignalSpy (the event loop
 * keeps running, so an in-process receiver on the test thread still answers). Test code only.
 */
class SandboxTestClient
{
public:
    explicit SandboxTestClient(const QUrl &base)
        : m_base(base)
    {
        m_network.setProxy(QNetworkProxy::NoProxy);
        m_network.setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
    }

    QUrl base() const { return m_base; }
    void setBase(const QUrl &base) { m_base = base; }
    QString token;

    TestReply send(const QByteArray &method, const QString &pathAndQuery, const QByteArray &body = {},
                   const QByteArray &contentType = "application/json",
                   const QString &bearer = QStringLiteral("*"), int timeoutMs = 10000)
    {
        QNetworkRequest request(QUrl(m_base.toString() + pathAndQuery));
        if (!body.isEmpty() || method == "POST" || method == "PATCH")
            request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
        const QString tokenToUse = bearer == QLatin1String("*") ? token : bearer;
        if (!tokenToUse.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + tokenToUse.toLatin1());
        QElapsedTimer timer;
        timer.start();
        QNetworkReply *reply = m_network.sendCustomRequest(request, method, body);
        QSignalSpy finished(reply, &QNetworkReply::finished);
        if (!reply->isFinished() && !finished.wait(timeoutMs))
            reply->abort();
        TestReply out;
        out.elapsedMs = timer.elapsed();
        out.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        out.body = reply->readAll();
        out.contentType = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
        out.location = reply->rawHeader("Location");
        out.error = reply->error();
        reply->deleteLater();
        return out;
    }

    TestReply get(const QString &path) { return send("GET", path); }
    TestReply post(const QString &path, const QJsonValue &body) { return send("POST", path, toBytes(body)); }
    TestReply patch(const QString &path, const QJsonValue &body)
    {
        return send("PATCH", path, toBytes(body));
    }

    /** A control API call; answers the JSON object. */
    QJsonObject control(const QString &path, const QJsonObject &body = {}, const QByteArray &method = "POST")
    {
        return send(method, QStringLiteral("/__sandbox/") + path,
                    QJsonDocument(body).toJson(QJsonDocument::Compact), "application/json", QString())
            .object();
    }

    /** Runs the authorization-code grant with a code from the control API; sets token. */
    QJsonObject authorize(const QJsonObject &ready)
    {
        const QJsonObject code = control(QStringLiteral("auth-code"));
        const TestReply reply = send("POST", QStringLiteral("/oauth2/access_token"),
                                     toBytes(QJsonObject { { "client_id", ready.value("client_id") },
                                                           { "client_secret", ready.value("client_secret") },
                                                           { "grant_type", "authorization_code" },
                                                           { "code", code.value("code") },
                                                           { "redirect_uri", ready.value("redirect_uri") } }),
                                     "application/json", QString());
        const QJsonObject tokens = reply.object();
        token = tokens.value("access_token").toString();
        return tokens;
    }

    static QByteArray toBytes(const QJsonValue &value)
    {
        if (value.isArray())
            return QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact);
        return QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
    }

    /** Percent-encodes a query value fully ('+' included), as a careful client must. */
    static QString enc(const QString &value) { return QString::fromLatin1(QUrl::toPercentEncoding(value)); }

private:
    QUrl m_base;
    QNetworkAccessManager m_network;
};

} // namespace Sandbox::Testing
