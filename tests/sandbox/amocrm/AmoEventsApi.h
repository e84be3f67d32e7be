// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "AmoCall.h"

namespace Sandbox::AmoCrm {

class AmoContext;

/**
 * `/api/v4/events` (the audit log, newest first, pages of at most 100) with its filters on id, type,
 * created_at, created_by, entity, entity_id and value_before/value_after; `/api/v4/events/{id}` and
 * `/api/v4/events/types`. Server thread.
 */
class AmoEventsApi
{
public:
    AmoEventsApi(AmoContext &context, AmoRouter &router);

private:
    HttpResponse list(AmoCall &call);
    HttpResponse get(AmoCall &call);
    HttpResponse types(AmoCall &call);
    QJsonObject render(const AmoCall &call, const QJsonObject &event) const;

    AmoContext &m_context;
};

} // namespace Sandbox::AmoCrm
