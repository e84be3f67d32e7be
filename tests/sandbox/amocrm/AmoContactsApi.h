// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "AmoCall.h"

namespace Sandbox::AmoCrm {

class AmoContext;
class ValidationErrors;

/**
 * `/api/v4/contacts` or `/api/v4/companies` (one instance each; they share the shape): list with
 * `query=` full-text search, filters and order, by id, batch add and update. Server thread.
 */
class AmoContactsApi
{
public:
    /** @p type is "contacts" or "companies". */
    AmoContactsApi(AmoContext &context, AmoRouter &router, const QString &type);

    static QJsonObject newEntity(const AmoCall &call, const QString &type);
    static void applyEntity(AmoCall &call, const QString &type, QJsonObject &entity, const QJsonObject &input,
                            const QString &requestId, ValidationErrors &errors);
    static qint64 commitNew(AmoContext &context, AmoCall &call, const QString &type, QJsonObject entity);
    static void commitUpdate(AmoContext &context, AmoCall &call, const QString &type,
                             const QJsonObject &entity);

private:
    HttpResponse list(AmoCall &call);
    HttpResponse get(AmoCall &call);
    HttpResponse add(AmoCall &call);
    HttpResponse update(AmoCall &call);
    HttpResponse updateOne(AmoCall &call);

    AmoContext &m_context;
    QString m_type;
};

} // namespace Sandbox::AmoCrm
