// SPDX-License-Identifier: GPL-3.0-or-later
#include "HttpTypes.h"

namespace Sandbox {

QByteArray HttpRequest::header(const QByteArray &lowerName) const
{
    for (const auto &h : headers) {
        if (h.first == lowerName)
            return h.second;
    }
    return {};
}

HttpResponse HttpResponse::json(int status, const QJsonDocument &doc, const QByteArray &contentType)
{
    HttpResponse r;
    r.status = status;
    r.contentType = contentType;
    r.body = doc.toJson(QJsonDocument::Compact);
    return r;
}

HttpResponse HttpResponse::text(int status, const QByteArray &body, const QByteArray &contentType)
{
    HttpResponse r;
    r.status = status;
    r.contentType = contentType;
    r.body = body;
    return r;
}

HttpResponse HttpResponse::noContent(int status)
{
    HttpResponse r;
    r.status = status;
    return r;
}

HttpResponse HttpResponse::redirect(const QUrl &location)
{
    HttpResponse r;
    r.status = 302;
    r.headers.append({ "Location", location.toEncoded() });
    return r;
}

HttpResponse HttpResponse::reset()
{
    HttpResponse r;
    r.status = 0;
    r.resetConnection = true;
    return r;
}

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 202:
        return "Accepted";
    case 204:
        return "No Content";
    case 302:
        return "Found";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 402:
        return "Payment Required";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 409:
        return "Conflict";
    case 412:
        return "Precondition Failed";
    case 413:
        return "Payload Too Large";
    case 415:
        return "Unsupported Media Type";
    case 422:
        return "Unprocessable Entity";
    case 429:
        return "Too Many Requests";
    case 460: // RetailCRM: a batch upload that loaded only some of its items
        return "Loaded With Errors";
    case 500:
        return "Internal Server Error";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    case 504:
        return "Gateway Timeout";
    default:
        return "Unknown";
    }
}

QByteArray formEncode(const QList<QPair<QString, QString>> &fields)
{
    // PHP's urlencode(): unreserved characters stay, space becomes '+', everything else (brackets and
    // UTF-8 bytes included) is %XX with upper-case hex.
    auto encode = [](const QString &s) {
        QByteArray out = QUrl::toPercentEncoding(s, QByteArray(" "), QByteArray("~"));
        out.replace(' ', '+');
        return out;
    };
    QByteArray body;
    for (const auto &[key, value] : fields) {
        if (!body.isEmpty())
            body += '&';
        body += encode(key) + '=' + encode(value);
    }
    return body;
}

} // namespace Sandbox
