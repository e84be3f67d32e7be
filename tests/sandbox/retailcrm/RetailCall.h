// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/HttpTypes.h"
#include "common/Router.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>

namespace Sandbox::RetailCrm {

/**
 * One authenticated API request as the endpoint handlers see it: the query string and the form (or
 * multipart) body merged into one PHP-style parameter object, the route's path arguments, and the key
 * with the sites it may see. A plain value on the server thread.
 */
struct RetailCall
{
    const HttpRequest &request;
    QJsonObject params;
    QStringList args;
    QString apiKey;
    QStringList sites; ///< codes visible to the key
    bool fullAccess = true;

    QString param(const char *name) const { return params.value(QLatin1String(name)).toString(); }
    bool has(const char *name) const { return params.contains(QLatin1String(name)); }
    QJsonObject filter() const { return params.value("filter").toObject(); }
};

using RetailRouter = Router<RetailCall>;

/** The RetailCRM answer envelope: `success`, `errorMsg`, `errors`. */
namespace Reply {

/** {"success":true, ...payload} */
HttpResponse ok(const QJsonObject &payload = {}, int status = 200);
/** {"success":false,"errorMsg":message[,"errors":errors]} */
HttpResponse error(int status, const QString &message, const QJsonValue &errors = QJsonValue::Undefined);
/** 400 "Parameter 'name' is missing" */
HttpResponse missing(const QString &name);
/** 404 "Not found" */
HttpResponse notFound();
/** 400 "Errors in the entity format" with errors keyed by field path. */
HttpResponse invalid(const QJsonObject &errorsByField);

} // namespace Reply

/**
 * Reads `limit` and `page` (allowed limits 20, 50, 100, 250). On a bad value returns false and sets
 * @p error. Otherwise slices @p all and fills @p pagination.
 */
bool paginate(const RetailCall &call, const QJsonArray &all, QJsonArray *pageItems, QJsonObject *pagination,
              HttpResponse *error, int defaultLimit = 20);

/**
 * The site a call works on: the `site` parameter (403 "Access denied." when the key may not see it),
 * else the key's only site. With several sites and no parameter: empty, or 400 when @p required.
 */
bool resolveSite(const RetailCall &call, bool required, QString *site, HttpResponse *error);

/** Parses a JSON-string parameter (`order={...}`); returns false with a ready error answer. */
bool jsonParam(const RetailCall &call, const char *name, QJsonValue *out, HttpResponse *error);

} // namespace Sandbox::RetailCrm
