// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "AmoCall.h"

#include <QList>
#include <QPair>

namespace Sandbox::AmoCrm {

class AmoContext;

/**
 * `/api/v4/leads/pipelines` and their statuses. Every pipeline holds an "unsorted" status (type 1) and
 * the system statuses 142 (won) and 143 (lost). At most 50 pipelines and 100 statuses each. Server thread.
 */
class AmoPipelinesApi
{
public:
    AmoPipelinesApi(AmoContext &context, AmoRouter &router);

    /** Creates a pipeline with the unsorted status, the given stages (name, colour) and 142/143. */
    static QJsonObject makePipeline(AmoAccount &account, const QString &name, bool isMain, int sort,
                                    const QList<QPair<QString, QString>> &stages);

private:
    HttpResponse list(AmoCall &call);
    HttpResponse get(AmoCall &call);
    HttpResponse add(AmoCall &call);
    HttpResponse patch(AmoCall &call);
    HttpResponse remove(AmoCall &call);
    HttpResponse statuses(AmoCall &call);
    HttpResponse status(AmoCall &call);
    HttpResponse addStatuses(AmoCall &call);
    HttpResponse patchStatus(AmoCall &call);
    HttpResponse removeStatus(AmoCall &call);

    QJsonObject renderPipeline(const AmoCall &call, const QJsonObject &pipeline) const;
    QJsonObject renderStatus(const AmoCall &call, const QJsonObject &status) const;

    AmoContext &m_context;
};

} // namespace Sandbox::AmoCrm
