// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "SandboxTestClient.h"

namespace Sandbox::Testing {

/** What a MoySklad client saw, with the response headers the budget and auth rules put there. */
struct MsReply : TestReply
{
    QList<QNetworkReply::RawHeaderPair> headers;

    QByteArray header(const QByteArray &name) const
    {
        for (const auto &[k, v] : headers) {
            if (k.compare(name, Qt::CaseInsensitive) == 0)
                return v;
        }
        return {};
    }
    /** The first entry of `errors`. */
    QJsonObject firstError() const { return object().value("errors").toArray().first().toObject(); }
};

/**
 * A blocking MoySklad JSON API client for the sandbox conformance tests: Bearer or Basic auth, gzip
 * negotiated by Qt (which decompresses) unless a test sets Accept-Encoding itself, extra headers per
 * call. Test code only; waits with QSignalSpy.
 */
class MoySkladTestClient
{
public:
    explicit MoySkladTestClient(const QUrl &base, const QString &token = {})
        : token(token)
        , m_base(base)
    {
        m_network.setProxy(QNetworkProxy::NoProxy);
    }

    QString token;
    QByteArray basic; ///< "login:password"; used instead of the token when set

    MsReply send(const QByteArray &method, const QString &path, const QByteArray &body = {},
                 const QList<QPair<QByteArray, QByteArray>> &extraHeaders = {})
    {
        const QString url
            = path.startsWith("http") ? path : m_base.toString() + QStringLiteral("/api/remap/1.2") + path;
        QNetworkRequest request(QUrl::fromEncoded(url.toUtf8()));
        if (!body.isEmpty())
            request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
        if (!basic.isEmpty())
            request.setRawHeader("Authorization", "Basic " + basic.toBase64());
        else if (!token.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + token.toLatin1());
        for (const auto &[k, v] : extraHeaders)
            request.setRawHeader(k, v);
        QNetworkReply *reply = m_network.sendCustomRequest(request, method, body);
        QSignalSpy finished(reply, &QNetworkReply::finished);
        if (!reply->isFinished() && !finished.wait(10000))
            reply->abort();
        MsReply out;
        out.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        out.body = reply->readAll();
        out.contentType = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
        out.error = reply->error();
        out.headers = reply->rawHeaderPairs();
        reply->deleteLater();
        return out;
    }

    MsReply get(const QString &path) { return send("GET", path); }
    MsReply post(const QString &path, const QJsonValue &body)
    {
        return send("POST", path, SandboxTestClient::toBytes(body));
    }
    MsReply put(const QString &path, const QJsonObject &body)
    {
        return send("PUT", path, SandboxTestClient::toBytes(body));
    }

    /** A control API call with a JSON body; answers the JSON object. */
    QJsonObject control(const QString &path, const QJsonObject &body = {}, const QByteArray &method = "POST")
    {
        QNetworkRequest r(QUrl(m_base.toString() + QStringLiteral("/__sandbox/") + path));
        r.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
        QNetworkReply *reply
            = m_network.sendCustomRequest(r, method, QJsonDocument(body).toJson(QJsonDocument::Compact));
        QSignalSpy finished(reply, &QNetworkReply::finished);
        if (!reply->isFinished())
            finished.wait(10000);
        const QJsonObject answer = QJsonDocument::fromJson(reply->readAll()).object();
        reply->deleteLater();
        return answer;
    }

    /** Percent-encodes a query value fully. */
    static QString enc(const QString &value) { return QString::fromLatin1(QUrl::toPercentEncoding(value)); }

private:
    QUrl m_base;
    QNetworkAccessManager m_network;
};

} // namespace Sandbox::Testing
