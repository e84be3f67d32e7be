// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Problem.h"
#include "common/Result.h"
#include "crm/CrmSchema.h"
#include "model/CategoryTree.h"
#include "model/ShopOrder.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace Mapping {

/** Products in this category (or below it) go to this pipeline/stage and/or responsible user; what a
 *  rule leaves empty is inherited from the rules above it. */
struct RouteRule
{
    QString id;
    QString categoryId;
    QString pipelineId;
    QString stageId; ///< empty: the pipeline's first stage
    QString responsibleUserId; ///< empty: from the order or the default
    bool active = true;

    QJsonObject toJson() const;
    static Common::Result<RouteRule> fromJson(const QJsonObject &json);
    bool operator==(const RouteRule &) const = default;
};

/** Where an order goes, and why (translated, for the preview and the job log). */
struct RouteResult
{
    QString pipelineId;
    QString stageId;
    QString responsibleUserId;
    QString origin; ///< of the pipeline: "category", "order-properties", "default"
    QString responsibleOrigin; ///< of the responsible user, the same words
    QString ruleId; ///< the category rule that matched, if any
    QString productId; ///< the product that matched it
    QString categoryId; ///< the rule's category
    QString explanation;
};

/**
 * Category → pipeline routing (seed 001's amocrm_categories_pipelines, done right). A product
 * matches through its categories (main first) and their parents: the pipeline (with its stage) comes
 * from the nearest rule up the tree that names one, the responsible user from the nearest rule that
 * names one; the first matching product in cart order decides. categoryWins says whether the
 * category beats the order's own properties (pipelineProperty … are dotted paths into
 * ShopOrder::properties; defaults read seed 001's "amoCRMFields" element). What is still missing
 * comes from the defaults. Value type; route() is pure.
 */
struct CategoryRouting
{
    QList<RouteRule> rules;
    bool categoryWins = true;
    QString pipelineProperty = QStringLiteral("amoCRMFields.pipeline_id");
    QString stageProperty = QStringLiteral("amoCRMFields.status_id");
    QString responsibleProperty = QStringLiteral("amoCRMFields.responsible_user_id");
    QString defaultPipelineId;
    QString defaultStageId;
    QString defaultResponsibleUserId;

    const RouteRule *rule(const QString &id) const;
    /** schema (optional) only lends names to the explanation. */
    RouteResult route(const Model::ShopOrder &order, const Model::CategoryTree &tree,
                      const Crm::CrmSchema *schema = nullptr) const;
    /** Structural problems: two rules for one category, a rule without a category or a pipeline. */
    QList<Problem> validate() const;

    QJsonObject toJson() const;
    static Common::Result<CategoryRouting> fromJson(const QJsonObject &json);
    bool operator==(const CategoryRouting &) const = default;
};

} // namespace Mapping
