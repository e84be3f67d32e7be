// SPDX-License-Identifier: GPL-3.0-or-later
#include "AmoErrors.h"

namespace Sandbox::AmoCrm {

namespace Errors {

HttpResponse problem(int status, const QString &detail, const QJsonObject &extra)
{
    QJsonObject body { { "title", QString::fromLatin1(reasonPhrase(status)) },
                       { "type", QStringLiteral("https://httpstatus.es/%1").arg(status) },
                       { "status", status },
                       { "detail", detail } };
    if (status == 500)
        body.insert("title", QStringLiteral("ErrInternalServer"));
    for (auto it = extra.begin(); it != extra.end(); ++it)
        body.insert(it.key(), it.value());
    return HttpResponse::json(status, QJsonDocument(body), "application/problem+json");
}

HttpResponse oauth(int status, const QString &title, const QString &detail, const QString &hint)
{
    QJsonObject body { { "title", title },
                       { "type", QStringLiteral("https://developers.amocrm.ru/v3/errors/OAuthProblemJson") },
                       { "status", status },
                       { "detail", detail } };
    if (!hint.isEmpty())
        body.insert("hint", hint);
    return HttpResponse::json(status, QJsonDocument(body), "application/problem+json");
}

HttpResponse emptyRequest()
{
    return problem(400, QStringLiteral("Request data can not be empty"));
}

HttpResponse notFound(const QByteArray &method, const QString &url)
{
    return problem(404, QStringLiteral("Cannot %1 %2").arg(QString::fromLatin1(method), url));
}

} // namespace Errors

void ValidationErrors::add(const QString &requestId, const QString &code, const QString &path,
                           const QString &detail)
{
    if (!m_errors.contains(requestId))
        m_order.append(requestId);
    m_errors[requestId].append(QJsonObject { { "code", code }, { "path", path }, { "detail", detail } });
}

void ValidationErrors::notSupportedChoice(const QString &requestId, const QString &path)
{
    add(requestId, QStringLiteral("NotSupportedChoice"), path,
        QStringLiteral("The value you selected is not a valid choice."));
}

void ValidationErrors::invalidType(const QString &requestId, const QString &path, const QString &type)
{
    add(requestId, QStringLiteral("InvalidType"), path,
        QStringLiteral("This value should be of type %1.").arg(type));
}

void ValidationErrors::notFound(const QString &requestId, const QString &path)
{
    add(requestId, QStringLiteral("NotFound"), path, QStringLiteral("Entity not found."));
}

void ValidationErrors::absorb(const ValidationErrors &other, const QString &requestId,
                              const QString &pathPrefix)
{
    for (const QString &rid : other.m_order) {
        for (const QJsonValue &e : other.m_errors.value(rid)) {
            const QJsonObject error = e.toObject();
            const QString path = error.value("path").toString();
            add(requestId, error.value("code").toString(),
                path.isEmpty() ? pathPrefix : pathPrefix + QLatin1Char('.') + path,
                error.value("detail").toString());
        }
    }
}

HttpResponse ValidationErrors::response() const
{
    QJsonArray list;
    for (const QString &rid : m_order)
        list.append(QJsonObject { { "request_id", rid }, { "errors", m_errors.value(rid) } });
    return Errors::problem(400, QStringLiteral("Request validation failed"),
                           QJsonObject { { "validation-errors", list } });
}

} // namespace Sandbox::AmoCrm
