// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Problem.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace Mapping {

/** Requests from one web form, by the form's name as the intake knows it (/forms/<name>), go to this
 *  pipeline/stage and/or responsible user; what it leaves empty comes from the route of every form. */
struct FormRoute
{
    QString formName;
    QString pipelineId;
    QString stageId; ///< empty: the pipeline's first stage
    QString responsibleUserId;

    bool operator==(const FormRoute &) const = default;
};

/**
 * Where deals from web forms go. Forms have no cart, so no category routing: a form's own route by
 * its name, as categories route orders, and the route of every other form (empty: the CRM's main
 * pipeline). The pipeline and its stage travel together; the responsible user is inherited on its
 * own. JSON, inside a mapping's "form_routing" (the "forms" list came later within format 1; a file
 * without it has no per-form routes):
 *
 *     {"pipeline_id", "stage_id", "responsible_user_id",
 *      "forms": [{"form": "callback", "pipeline_id", "stage_id", "responsible_user_id"}]}
 *
 * Value type.
 */
struct FormRouting
{
    QString pipelineId; ///< empty: the CRM's main pipeline
    QString stageId; ///< empty: the pipeline's first stage
    QString responsibleUserId;
    QList<FormRoute> forms;

    /** The route of the form called @p formName, if it has one. */
    const FormRoute *routeFor(const QString &formName) const;
    /** Structural problems (area "form-routing", the form's name as row id): a route without a form
     *  name or with nothing set, two routes for one form, a stage without its pipeline. */
    QList<Problem> validate() const;

    QJsonObject toJson() const;
    static FormRouting fromJson(const QJsonObject &json);
    bool operator==(const FormRouting &) const = default;
};

} // namespace Mapping
