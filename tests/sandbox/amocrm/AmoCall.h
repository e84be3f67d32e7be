// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "AmoAccount.h"
#include "common/HttpTypes.h"
#include "common/Router.h"

#include <QJsonObject>
#include <QStringList>

namespace Sandbox::AmoCrm {

/** What a route handler gets: the request, the account it addresses and the parsed query. */
struct AmoCall
{
    const HttpRequest &request;
    AmoAccount &account;
    QStringList params; ///< the {id} / {*} parts of the route, in order
    QJsonObject query; ///< PHP-style nested query parameters
    QString baseUrl; ///< scheme://host[:port][/_acc/<sub>] for HAL links
    qint64 userId = 0; ///< the user the access token belongs to
    qint64 now = 0; ///< sandbox time, Unix seconds

    qint64 idParam(int index) const { return params.value(index).toLongLong(); }
    QString link(const QString &path) const { return baseUrl + path; }
};

using AmoRouter = Router<AmoCall>;

} // namespace Sandbox::AmoCrm
