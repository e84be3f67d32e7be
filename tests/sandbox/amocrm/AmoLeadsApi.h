// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "AmoCall.h"

namespace Sandbox::AmoCrm {

class AmoContext;
class ValidationErrors;

/** `/api/v4/leads`: list with filters, by id, batch add and update, single update. Server thread. */
class AmoLeadsApi
{
public:
    AmoLeadsApi(AmoContext &context, AmoRouter &router);

    static QJsonObject newLead(const AmoCall &call);
    /** Validates a write item and applies it to @p lead (a new lead when its id is 0). */
    static void applyLead(AmoCall &call, QJsonObject &lead, const QJsonObject &input,
                          const QString &requestId, ValidationErrors &errors);
    /** Gives a validated new lead its id, stores it and fires lead_added / add_lead. */
    static qint64 commitNew(AmoContext &context, AmoCall &call, QJsonObject lead);
    /** Stores an updated lead and fires the change events and webhooks. */
    static void commitUpdate(AmoContext &context, AmoCall &call, const QJsonObject &lead);

private:
    HttpResponse list(AmoCall &call);
    HttpResponse get(AmoCall &call);
    HttpResponse add(AmoCall &call);
    HttpResponse update(AmoCall &call);
    HttpResponse updateOne(AmoCall &call);

    AmoContext &m_context;
};

} // namespace Sandbox::AmoCrm
