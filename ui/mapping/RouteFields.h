// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "crm/CrmSchema.h"

#include <QWidget>

class QComboBox;

namespace Gui {

/** A pipeline, its stage and a responsible user, as ids (empty: not set). */
struct RouteChoice
{
    QString pipelineId;
    QString stageId;
    QString responsibleUserId;
    bool operator==(const RouteChoice &) const = default;
};

/**
 * Three combos in a row — pipeline, stage (of that pipeline), responsible user — picked from the
 * account's schema by name, for the default route and the form route. Emits picked() on a user's
 * choice only. GUI thread; owned by the routing view.
 */
class RouteFields : public QWidget
{
    Q_OBJECT
public:
    /** @p name prefixes the combos' object names ("routingDefault" → "routingDefaultPipeline" …);
     *  @p noPipeline and @p noResponsible say what an unset pipeline and user mean there. */
    RouteFields(const QString &name, const QString &noPipeline, const QString &noResponsible,
                QWidget *parent = nullptr);

    void setSchema(const Crm::CrmSchema &schema);
    void setChoice(const RouteChoice &choice);
    RouteChoice choice() const;

Q_SIGNALS:
    void picked();

private:
    void fillStages(const QString &pipelineId, const QString &stageId);

    Crm::CrmSchema m_schema;
    QComboBox *m_pipeline;
    QComboBox *m_stage;
    QComboBox *m_responsible;
    QString m_noPipeline;
    QString m_noResponsible;
};

} // namespace Gui
