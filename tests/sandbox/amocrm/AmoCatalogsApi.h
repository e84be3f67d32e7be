// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "AmoCall.h"

namespace Sandbox::AmoCrm {

class AmoContext;

/** `/api/v4/catalogs` (lists; ids from 1000, at most 10 per account) and their elements. Server thread. */
class AmoCatalogsApi
{
public:
    AmoCatalogsApi(AmoContext &context, AmoRouter &router);

private:
    HttpResponse list(AmoCall &call);
    HttpResponse get(AmoCall &call);
    HttpResponse add(AmoCall &call);
    HttpResponse update(AmoCall &call, qint64 singleId);
    HttpResponse elements(AmoCall &call);
    HttpResponse element(AmoCall &call);
    HttpResponse addElements(AmoCall &call);
    HttpResponse updateElements(AmoCall &call, qint64 singleId);
    QJsonObject renderCatalog(const AmoCall &call, const QJsonObject &catalog) const;
    QJsonObject renderElement(const AmoCall &call, const QJsonObject &element) const;

    AmoContext &m_context;
};

} // namespace Sandbox::AmoCrm
