// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "MoySkladCall.h"
#include "MoySkladEntities.h"
#include "MoySkladShapes.h"

namespace Sandbox::MoySklad {

class MoySkladStore;

/**
 * The `/entity/<type>` endpoints: list (filter, search, order, paging, expand), get one, positions,
 * create (one object or a batch array, `syncId` idempotent), update (PUT), delete and batch delete.
 * Answers are JSON with money in kopecks and times in Moscow time. Server thread.
 */
class MoySkladEntityApi
{
public:
    MoySkladEntityApi(MoySkladStore &store, MoySkladRouter &router);

    static HttpResponse error(const ApiError &e);
    static HttpResponse errors(int status, const QJsonArray &errors);

private:
    HttpResponse list(MoySkladCall &call);
    HttpResponse getOne(MoySkladCall &call);
    HttpResponse listPositions(MoySkladCall &call);
    HttpResponse create(MoySkladCall &call);
    HttpResponse update(MoySkladCall &call);
    HttpResponse remove(MoySkladCall &call);
    HttpResponse removeBatch(MoySkladCall &call);
    bool knownType(const QString &type, HttpResponse *answer) const;

    MoySkladStore &m_store;
    MoySkladEntities m_entities;
    MoySkladShapes m_shapes;
};

} // namespace Sandbox::MoySklad
