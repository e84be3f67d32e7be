// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "AmoCall.h"

namespace Sandbox::AmoCrm {

class AmoContext;

/**
 * Notes (`/api/v4/{entity}/notes`, `/api/v4/{entity}/{id}/notes`) and tags (`/api/v4/{entity}/tags`)
 * of leads, contacts, companies and customers. Server thread.
 */
class AmoNotesApi
{
public:
    AmoNotesApi(AmoContext &context, AmoRouter &router);

    static QStringList noteTypes();
    /** Stores a note without validation (seeds, manager actions) and fires its event and webhook. */
    static qint64 addNote(AmoContext &context, AmoAccount &account, const QString &entityType,
                          qint64 entityId, const QString &noteType, const QJsonObject &params, qint64 by,
                          qint64 now);

private:
    HttpResponse list(AmoCall &call, const QString &type, qint64 parentId);
    HttpResponse get(AmoCall &call, const QString &type);
    HttpResponse add(AmoCall &call, const QString &type, qint64 parentId);
    HttpResponse tags(AmoCall &call, const QString &type);
    HttpResponse addTags(AmoCall &call, const QString &type);
    QJsonObject render(const AmoCall &call, const QJsonObject &note) const;

    AmoContext &m_context;
};

} // namespace Sandbox::AmoCrm
