// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/HttpTypes.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QMap>
#include <QString>

namespace Sandbox::AmoCrm {

/** amoCRM's error bodies: application/problem+json with a `type` of https://httpstatus.es/<code>. */
namespace Errors {

HttpResponse problem(int status, const QString &detail, const QJsonObject &extra = {});
/** OAuth errors use their own type, Russian titles and a `hint`. */
HttpResponse oauth(int status, const QString &title, const QString &detail, const QString &hint);
HttpResponse emptyRequest();
HttpResponse notFound(const QByteArray &method, const QString &url);

} // namespace Errors

/**
 * Collects validation errors of one batch request, keyed by the items' `request_id`, and turns them
 * into the 400 answer with `validation-errors`.
 */
class ValidationErrors
{
public:
    void add(const QString &requestId, const QString &code, const QString &path, const QString &detail);
    void notSupportedChoice(const QString &requestId, const QString &path);
    void invalidType(const QString &requestId, const QString &path, const QString &type);
    void notFound(const QString &requestId, const QString &path);
    /** Moves @p other's errors under @p requestId, prefixing their paths (embedded entities). */
    void absorb(const ValidationErrors &other, const QString &requestId, const QString &pathPrefix);
    bool isEmpty() const { return m_order.isEmpty(); }
    HttpResponse response() const;

private:
    QStringList m_order;
    QMap<QString, QJsonArray> m_errors;
};

} // namespace Sandbox::AmoCrm
