// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/HttpTypes.h"
#include "common/Router.h"

#include <QStringList>

namespace Sandbox::MoySklad {

/** One authenticated API request as the endpoint handlers see it. Server thread; lives for the request. */
struct MoySkladCall
{
    const HttpRequest &request;
    QStringList params; ///< the `{*}` segments of the route: entity type, then id
    QString login; ///< the user the request authenticated as
};

using MoySkladRouter = Router<MoySkladCall>;

} // namespace Sandbox::MoySklad
