// SPDX-License-Identifier: GPL-3.0-or-later
#include "RetailCall.h"

#include <QJsonDocument>

namespace Sandbox::RetailCrm {

namespace Reply {

HttpResponse ok(const QJsonObject &payload, int status)
{
    QJsonObject body { { "success", true } };
    for (auto it = payload.begin(); it != payload.end(); ++it)
        body.insert(it.key(), it.value());
    return HttpResponse::json(status, QJsonDocument(body), "application/json; charset=UTF-8");
}

HttpResponse error(int status, const QString &message, const QJsonValue &errors)
{
    QJsonObject body { { "success", false }, { "errorMsg", message } };
    if (!errors.isUndefined())
        body.insert("errors", errors);
    return HttpResponse::json(status, QJsonDocument(body), "application/json; charset=UTF-8");
}

HttpResponse missing(const QString &name)
{
    return error(400, QStringLiteral("Parameter '%1' is missing").arg(name));
}

HttpResponse notFound()
{
    return error(404, QStringLiteral("Not found"));
}

HttpResponse invalid(const QJsonObject &errorsByField)
{
    return error(400, QStringLiteral("Errors in the entity format"), errorsByField);
}

} // namespace Reply

bool paginate(const RetailCall &call, const QJsonArray &all, QJsonArray *pageItems, QJsonObject *pagination,
              HttpResponse *error, int defaultLimit)
{
    int limit = defaultLimit;
    if (call.has("limit")) {
        bool ok = false;
        limit = call.param("limit").toInt(&ok);
        if (!ok || !QList<int> { 20, 50, 100, 250 }.contains(limit)) {
            *error
                = Reply::error(400, QStringLiteral("Errors in the input parameters"),
                               QJsonObject { { "limit", "The value you selected is not a valid choice." } });
            return false;
        }
    }
    int page = 1;
    if (call.has("page")) {
        bool ok = false;
        page = call.param("page").toInt(&ok);
        if (!ok || page < 1) {
            *error = Reply::error(
                400, QStringLiteral("Errors in the input parameters"),
                QJsonObject { { "page", "This value should be greater than or equal to 1." } });
            return false;
        }
    }
    const qsizetype total = all.size();
    for (qsizetype i = qsizetype(page - 1) * limit; i < total && i < qsizetype(page) * limit; ++i)
        pageItems->append(all[i]);
    *pagination = QJsonObject { { "limit", limit },
                                { "totalCount", total },
                                { "currentPage", page },
                                { "totalPageCount", int((total + limit - 1) / limit) } };
    return true;
}

bool resolveSite(const RetailCall &call, bool required, QString *site, HttpResponse *error)
{
    const QString given = call.param("site");
    if (!given.isEmpty()) {
        if (call.sites.contains(given)) {
            *site = given;
            return true;
        }
        *error = call.fullAccess
            ? Reply::error(
                400, QStringLiteral("Errors in the input parameters"),
                QJsonObject { { "site", QStringLiteral("Site with code \"%1\" not found.").arg(given) } })
            : Reply::error(403, QStringLiteral("Access denied."));
        return false;
    }
    if (call.sites.size() == 1) {
        *site = call.sites.first();
        return true;
    }
    site->clear();
    if (required) {
        *error = Reply::missing(QStringLiteral("site"));
        return false;
    }
    return true;
}

bool jsonParam(const RetailCall &call, const char *name, QJsonValue *out, HttpResponse *error)
{
    if (!call.has(name) || call.param(name).isEmpty()) {
        *error = Reply::missing(QLatin1String(name));
        return false;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(call.param(name).toUtf8(), &parseError);
    if (parseError.error != QJsonParseError::NoError || doc.isNull()) {
        *error = Reply::error(
            400, QStringLiteral("Errors in the entity format"),
            QJsonObject {
                { QLatin1String(name), QStringLiteral("Invalid JSON: %1").arg(parseError.errorString()) } });
        return false;
    }
    *out = doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object());
    return true;
}

} // namespace Sandbox::RetailCrm
