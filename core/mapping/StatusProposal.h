// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "StatusMap.h"
#include "crm/CrmSchema.h"

#include <QList>
#include <QString>

namespace Mapping {

/** A shop status as the shop names it, for proposals. */
struct NamedStatus
{
    QString id;
    QString name;
};

/**
 * Status rows proposed for a new CRM connection by matching names, for the operator to review
 * before saving: «Новый» → the pipeline's first stage, «Выполнен»/«Доставлен» → the won stage
 * (amoCRM 142 «Успешно реализовано»), «Отменён» → the lost stage (143), any other status → the
 * stage of the same name. A stage that two statuses would come back as comes back as the first
 * one only (the others go to the CRM only), so the proposal keeps the one-to-one rule. Pure; any
 * thread.
 */
class StatusProposal
{
public:
    /** Rows for @p shopStatuses into @p pipelineId (empty: the main pipeline); statuses with no
     *  matching stage get no row. Row ids are "p<shop status id>". */
    static QList<StatusRow> propose(const QList<NamedStatus> &shopStatuses, const Crm::CrmSchema &schema,
                                    const QString &pipelineId = {});
    /** The pipeline a proposal goes to: @p pipelineId, else the main one, else the first. */
    static const Crm::Pipeline *targetPipeline(const Crm::CrmSchema &schema, const QString &pipelineId = {});
};

} // namespace Mapping
