// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QJsonDocument>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>

namespace Sandbox {

using HeaderList = QList<QPair<QByteArray, QByteArray>>;

/** One parsed HTTP/1.1 request as the sandbox server saw it. A plain value; lives on the server thread. */
struct HttpRequest
{
    QByteArray method;
    QByteArray target; ///< the raw request-target, path plus query
    QString path; ///< percent-decoded path without the query
    QByteArray rawQuery; ///< the query string as sent, still encoded
    HeaderList headers; ///< header names lower-cased
    QByteArray body;
    QHostAddress peer;

    QByteArray header(const QByteArray &lowerName) const;
};

/**
 * The answer to one request. Besides status, headers and body it can ask the server to wait before
 * answering (a slow reply) or to reset the connection instead of answering (fault injection).
 */
struct HttpResponse
{
    int status = 200;
    QByteArray contentType;
    QByteArray body;
    HeaderList headers;
    int delayMs = 0;
    bool resetConnection = false;

    static HttpResponse json(int status, const QJsonDocument &doc,
                             const QByteArray &contentType = "application/hal+json");
    static HttpResponse text(int status, const QByteArray &body, const QByteArray &contentType);
    static HttpResponse noContent(int status = 204);
    static HttpResponse redirect(const QUrl &location);
    static HttpResponse reset();
};

QByteArray reasonPhrase(int status);

/** Builds an application/x-www-form-urlencoded body the way PHP's http_build_query does. */
QByteArray formEncode(const QList<QPair<QString, QString>> &fields);

} // namespace Sandbox
