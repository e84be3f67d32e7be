// SPDX-License-Identifier: GPL-3.0-or-later
#include "CategoryRouting.h"

#include "MappingLog.h"
#include "model/SourceFieldCatalogue.h"

#include <QJsonArray>
#include <QSet>

namespace Mapping {

using Common::Error;
using Common::Result;

namespace {

QString str(const QJsonObject &json, const char *key)
{
    const QJsonValue v = json.value(QLatin1String(key));
    return v.isDouble() ? QString::number(qint64(v.toDouble())) : v.toString();
}

/** The first value at a dotted path of the order's properties. */
QString property(const Model::ShopOrder &order, const QString &path)
{
    if (path.isEmpty())
        return {};
    const auto values
        = Model::SourceFieldCatalogue::resolve(QStringLiteral("order.properties.") + path, order);
    return values && !values->isEmpty() ? values->constFirst().trimmed() : QString();
}

// Names as the operator sees them in the CRM; an id only for what the account does not have.
QString pipelineLabel(const QString &id, const Crm::CrmSchema *schema)
{
    const Crm::Pipeline *p = schema ? schema->pipeline(id) : nullptr;
    return p ? QStringLiteral("\u201c%1\u201d").arg(p->name) : id;
}

/** "“Опт”", or "“Опт”, stage “Заявка”" when a stage is chosen. */
QString placeLabel(const QString &pipelineId, const QString &stageId, const Crm::CrmSchema *schema)
{
    if (stageId.isEmpty())
        return pipelineLabel(pipelineId, schema);
    const Crm::Stage *s = schema ? schema->stage(pipelineId, stageId) : nullptr;
    return Text::tr("%1, stage %2")
        .arg(pipelineLabel(pipelineId, schema), s ? QStringLiteral("\u201c%1\u201d").arg(s->name) : stageId);
}

QString userLabel(const QString &id, const Crm::CrmSchema *schema)
{
    const Crm::CrmUser *u = schema ? schema->user(id) : nullptr;
    return u ? u->name : id;
}

/** One candidate for the pipeline/stage/responsible user, in priority order. */
struct Candidate
{
    QString origin;
    QString pipelineId;
    QString stageId;
    QString responsibleUserId;
};

} // namespace

QJsonObject RouteRule::toJson() const
{
    return { { QStringLiteral("id"), id },
             { QStringLiteral("category_id"), categoryId },
             { QStringLiteral("pipeline_id"), pipelineId },
             { QStringLiteral("stage_id"), stageId },
             { QStringLiteral("responsible_user_id"), responsibleUserId },
             { QStringLiteral("active"), active } };
}

Result<RouteRule> RouteRule::fromJson(const QJsonObject &json)
{
    RouteRule rule;
    rule.id = str(json, "id");
    if (rule.id.isEmpty())
        return Error::invalidInput(QStringLiteral("a routing rule has no id"),
                                   QStringLiteral("mapping-json"));
    rule.categoryId = str(json, "category_id");
    rule.pipelineId = str(json, "pipeline_id");
    rule.stageId = str(json, "stage_id");
    rule.responsibleUserId = str(json, "responsible_user_id");
    rule.active = json.value(QLatin1String("active")).toBool(true);
    return rule;
}

const RouteRule *CategoryRouting::rule(const QString &id) const
{
    for (const RouteRule &r : rules) {
        if (r.id == id)
            return &r;
    }
    return nullptr;
}

RouteResult CategoryRouting::route(const Model::ShopOrder &order, const Model::CategoryTree &tree,
                                   const Crm::CrmSchema *schema) const
{
    RouteResult result;
    QStringList why;

    // The category: the first product in cart order whose categories (main first), or their
    // parents, carry an active rule. Each value is inherited on its own: the pipeline (with its
    // stage) from the nearest rule up the tree that names one, the responsible user from the nearest
    // rule that names one.
    const RouteRule *matched = nullptr; // the rule that gives the pipeline
    const RouteRule *responsibleRule = nullptr;
    auto ruleOf = [this](const QString &categoryId) -> const RouteRule * {
        auto hit = std::find_if(rules.cbegin(), rules.cend(), [&categoryId](const RouteRule &r) {
            return r.active && r.categoryId == categoryId;
        });
        return hit == rules.cend() ? nullptr : &*hit;
    };
    for (qsizetype line = 0; line < order.lines.size() && !matched && !responsibleRule; ++line) {
        const Model::OrderLine &product = order.lines.at(line);
        for (const QString &categoryId : product.categoryIds) {
            for (const QString &ancestor : tree.ancestry(categoryId)) {
                const RouteRule *hit = ruleOf(ancestor);
                if (!hit)
                    continue;
                if (!matched && !hit->pipelineId.isEmpty()) {
                    matched = hit;
                    result.ruleId = hit->id;
                    result.categoryId = ancestor;
                    const QString pipeline = placeLabel(hit->pipelineId, hit->stageId, schema);
                    why << (ancestor == categoryId
                                ? Text::tr("Product \u201c%1\u201d (cart line %2) is in category "
                                           "\u201c%3\u201d, which routes it to pipeline %4.")
                                      .arg(product.name)
                                      .arg(line + 1)
                                      .arg(tree.name(ancestor), pipeline)
                                : Text::tr("Product \u201c%1\u201d (cart line %2) is in category "
                                           "\u201c%3\u201d under \u201c%4\u201d, which routes it to "
                                           "pipeline %5.")
                                      .arg(product.name)
                                      .arg(line + 1)
                                      .arg(tree.name(categoryId), tree.name(ancestor), pipeline));
                }
                if (!responsibleRule && !hit->responsibleUserId.isEmpty())
                    responsibleRule = hit;
            }
            if (matched || responsibleRule) {
                result.productId = product.productId;
                if (!matched)
                    result.categoryId = responsibleRule->categoryId;
                break;
            }
        }
    }
    if (!matched && !responsibleRule && !rules.isEmpty())
        why << Text::tr("No product of the order is in a routed category.");

    Candidate fromCategory { QStringLiteral("category"), {}, {}, {} };
    if (matched) {
        fromCategory.pipelineId = matched->pipelineId;
        fromCategory.stageId = matched->stageId;
    }
    if (responsibleRule)
        fromCategory.responsibleUserId = responsibleRule->responsibleUserId;
    const Candidate fromOrder { QStringLiteral("order-properties"), property(order, pipelineProperty),
                                property(order, stageProperty), property(order, responsibleProperty) };
    const Candidate fromDefault { QStringLiteral("default"), defaultPipelineId, defaultStageId,
                                  defaultResponsibleUserId };
    const QList<Candidate> candidates = categoryWins
        ? QList<Candidate> { fromCategory, fromOrder, fromDefault }
        : QList<Candidate> { fromOrder, fromCategory, fromDefault };

    // The pipeline and its stage travel together: a stage is only taken from a candidate that
    // names the same pipeline (or, for order properties, names no pipeline at all).
    for (const Candidate &c : candidates) {
        if (c.pipelineId.isEmpty())
            continue;
        result.pipelineId = c.pipelineId;
        result.origin = c.origin;
        break;
    }
    for (const Candidate &c : candidates) {
        if (c.stageId.isEmpty())
            continue;
        if (c.pipelineId == result.pipelineId
            || (c.pipelineId.isEmpty() && c.origin == QLatin1String("order-properties"))) {
            result.stageId = c.stageId;
            break;
        }
    }
    QString &responsibleOrigin = result.responsibleOrigin;
    for (const Candidate &c : candidates) {
        if (!c.responsibleUserId.isEmpty()) {
            result.responsibleUserId = c.responsibleUserId;
            responsibleOrigin = c.origin;
            break;
        }
    }

    if (!fromOrder.pipelineId.isEmpty() && matched && !matched->pipelineId.isEmpty()
        && fromOrder.pipelineId != matched->pipelineId) {
        why << (categoryWins ? Text::tr("The order asks for pipeline %1, but the category takes priority.")
                                   .arg(pipelineLabel(fromOrder.pipelineId, schema))
                             : Text::tr("The order's own pipeline %1 takes priority over the category.")
                                   .arg(pipelineLabel(fromOrder.pipelineId, schema)));
    } else if (result.origin == QLatin1String("order-properties")) {
        why << Text::tr("The order asks for pipeline %1.")
                   .arg(placeLabel(result.pipelineId, result.stageId, schema));
    } else if (result.origin == QLatin1String("default")) {
        why << Text::tr("The default pipeline %1 is used.")
                   .arg(placeLabel(result.pipelineId, result.stageId, schema));
    }
    if (!result.responsibleUserId.isEmpty()) {
        const QString user = userLabel(result.responsibleUserId, schema);
        if (responsibleOrigin == QLatin1String("category"))
            why << Text::tr("Responsible user %1 comes from category \u201c%2\u201d.")
                       .arg(user, tree.name(responsibleRule->categoryId));
        else if (responsibleOrigin == QLatin1String("order-properties"))
            why << Text::tr("Responsible user %1 comes from the order.").arg(user);
        else
            why << Text::tr("Responsible user %1 is the default.").arg(user);
        if (!fromOrder.responsibleUserId.isEmpty() && responsibleOrigin == QLatin1String("category")
            && fromOrder.responsibleUserId != result.responsibleUserId) {
            why << Text::tr("The order's responsible user %1 was overridden by the category.")
                       .arg(userLabel(fromOrder.responsibleUserId, schema));
        }
    }
    result.explanation = why.join(QLatin1Char(' '));
    return result;
}

QList<Problem> CategoryRouting::validate() const
{
    QList<Problem> problems;
    QSet<QString> ids;
    QHash<QString, QString> ruleOfCategory;
    auto add = [&problems](const QString &rowId, const QString &code, const QString &message) {
        problems << Problem { Problem::Severity::Error, QStringLiteral("routing"), rowId, code, message };
    };
    for (const RouteRule &r : rules) {
        if (ids.contains(r.id))
            add(r.id, QStringLiteral("duplicate-row"), Text::tr("Two rules have this id"));
        ids.insert(r.id);
        if (r.categoryId.isEmpty())
            add(r.id, QStringLiteral("row-incomplete"), Text::tr("No category is chosen"));
        if (r.pipelineId.isEmpty() && r.responsibleUserId.isEmpty())
            add(r.id, QStringLiteral("row-incomplete"),
                Text::tr("Neither a pipeline nor a responsible user is chosen"));
        else if (r.pipelineId.isEmpty() && !r.stageId.isEmpty())
            add(r.id, QStringLiteral("row-incomplete"), Text::tr("A stage needs the pipeline it belongs to"));
        if (r.active && !r.categoryId.isEmpty()) {
            if (ruleOfCategory.contains(r.categoryId)) {
                add(r.id, QStringLiteral("duplicate-category"),
                    Text::tr("Category %1 already has a rule").arg(r.categoryId));
            } else {
                ruleOfCategory.insert(r.categoryId, r.id);
            }
        }
    }
    return problems;
}

QJsonObject CategoryRouting::toJson() const
{
    QJsonArray ruleArray;
    for (const RouteRule &r : rules)
        ruleArray.append(r.toJson());
    return { { QStringLiteral("rules"), ruleArray },
             { QStringLiteral("category_wins"), categoryWins },
             { QStringLiteral("properties"),
               QJsonObject { { QStringLiteral("pipeline_id"), pipelineProperty },
                             { QStringLiteral("stage_id"), stageProperty },
                             { QStringLiteral("responsible_user_id"), responsibleProperty } } },
             { QStringLiteral("default"),
               QJsonObject { { QStringLiteral("pipeline_id"), defaultPipelineId },
                             { QStringLiteral("stage_id"), defaultStageId },
                             { QStringLiteral("responsible_user_id"), defaultResponsibleUserId } } } };
}

Result<CategoryRouting> CategoryRouting::fromJson(const QJsonObject &json)
{
    CategoryRouting routing;
    for (const QJsonValue &v : json.value(QLatin1String("rules")).toArray()) {
        auto rule = RouteRule::fromJson(v.toObject());
        if (!rule)
            return rule.error();
        routing.rules.append(rule.value());
    }
    routing.categoryWins = json.value(QLatin1String("category_wins")).toBool(true);
    if (json.contains(QLatin1String("properties"))) {
        const QJsonObject p = json.value(QLatin1String("properties")).toObject();
        routing.pipelineProperty = str(p, "pipeline_id");
        routing.stageProperty = str(p, "stage_id");
        routing.responsibleProperty = str(p, "responsible_user_id");
    }
    const QJsonObject d = json.value(QLatin1String("default")).toObject();
    routing.defaultPipelineId = str(d, "pipeline_id");
    routing.defaultStageId = str(d, "stage_id");
    routing.defaultResponsibleUserId = str(d, "responsible_user_id");
    return routing;
}

} // namespace Mapping
