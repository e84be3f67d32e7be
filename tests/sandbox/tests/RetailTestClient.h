// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "SandboxTestClient.h"

#include <QHttpMultiPart>

namespace Sandbox::Testing {

/**
 * A blocking RetailCRM-style client for the sandbox conformance tests: the key in `X-API-KEY` (or
 * none, for the tests that pass `apiKey` themselves), GET with a PHP-style query, POST as a
 * form-encoded or multipart body with JSON strings in fields. Test code only; waits with QSignalSpy.
 */
class RetailTestClient
{
public:
    using Fields = QList<QPair<QString, QString>>;

    explicit RetailTestClient(const QUrl &base, const QString &apiKey = {})
        : apiKey(apiKey)
        , m_base(base)
    {
        m_network.setProxy(QNetworkProxy::NoProxy);
    }

    QString apiKey;

    TestReply get(const QString &path, const Fields &query = {})
    {
        return finish(m_network.get(request(path, query)));
    }

    TestReply postForm(const QString &path, const Fields &fields, const Fields &query = {})
    {
        QNetworkRequest r = request(path, query);
        r.setHeader(QNetworkRequest::ContentTypeHeader, "application/x-www-form-urlencoded");
        QByteArray encoded;
        for (const auto &[k, v] : fields) {
            if (!encoded.isEmpty())
                encoded += '&';
            encoded += QUrl::toPercentEncoding(k) + '=' + QUrl::toPercentEncoding(v);
        }
        return finish(m_network.post(r, encoded));
    }

    TestReply postMultipart(const QString &path, const Fields &fields)
    {
        auto *multi = new QHttpMultiPart(QHttpMultiPart::FormDataType);
        for (const auto &[k, v] : fields) {
            QHttpPart part;
            part.setHeader(QNetworkRequest::ContentDispositionHeader,
                           QStringLiteral("form-data; name=\"%1\"").arg(k));
            part.setBody(v.toUtf8());
            multi->append(part);
        }
        QNetworkReply *reply = m_network.post(request(path, {}), multi);
        multi->setParent(reply);
        return finish(reply);
    }

    /** POST /__sandbox/<path> with a JSON body; answers the JSON object. */
    QJsonObject control(const QString &path, const QJsonObject &body = {}, const QByteArray &method = "POST")
    {
        QNetworkRequest r(QUrl(m_base.toString() + QStringLiteral("/__sandbox/") + path));
        r.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
        return finish(
                   m_network.sendCustomRequest(r, method, QJsonDocument(body).toJson(QJsonDocument::Compact)))
            .object();
    }

    static QString json(const QJsonObject &o)
    {
        return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
    }
    static QString json(const QJsonArray &a)
    {
        return QString::fromUtf8(QJsonDocument(a).toJson(QJsonDocument::Compact));
    }

private:
    QNetworkRequest request(const QString &path, const Fields &query)
    {
        QByteArray encoded = m_base.toEncoded() + path.toUtf8();
        for (qsizetype i = 0; i < query.size(); ++i)
            encoded += (i == 0 ? '?' : '&') + QUrl::toPercentEncoding(query[i].first) + '='
                + QUrl::toPercentEncoding(query[i].second);
        QNetworkRequest r(QUrl::fromEncoded(encoded, QUrl::StrictMode));
        if (!apiKey.isEmpty())
            r.setRawHeader("X-Api-Key", apiKey.toUtf8());
        return r;
    }

    static TestReply finish(QNetworkReply *reply, int timeoutMs = 10000)
    {
        QElapsedTimer timer;
        timer.start();
        QSignalSpy finished(reply, &QNetworkReply::finished);
        if (!reply->isFinished() && !finished.wait(timeoutMs))
            reply->abort();
        TestReply out;
        out.elapsedMs = timer.elapsed();
        out.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        out.body = reply->readAll();
        out.contentType = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
        out.error = reply->error();
        reply->deleteLater();
        return out;
    }

    QUrl m_base;
    QNetworkAccessManager m_network;
};

} // namespace Sandbox::Testing
