// SPDX-License-Identifier: GPL-3.0-or-later
#include "StatusMap.h"

#include "MappingLog.h"

#include <QJsonArray>
#include <QSet>

namespace Mapping {

using Common::Error;
using Common::Result;
using Direction = StatusRow::Direction;

namespace {

Error invalid(const QString &what)
{
    return Error::invalidInput(what, QStringLiteral("mapping-json"));
}

QString str(const QJsonObject &json, const char *key)
{
    const QJsonValue v = json.value(QLatin1String(key));
    return v.isDouble() ? QString::number(qint64(v.toDouble())) : v.toString();
}

Problem problem(const QString &rowId, const QString &code, const QString &message)
{
    return { Problem::Severity::Error, QStringLiteral("statuses"), rowId, code, message };
}

QString statusLabel(const StatusRow &row)
{
    return QStringLiteral("\u00ab%1\u00bb")
        .arg(row.shopStatusName.isEmpty() ? row.shopStatusId : row.shopStatusName);
}

} // namespace

QString StatusRow::directionName(Direction direction)
{
    switch (direction) {
    case Direction::ToCrm:
        return QStringLiteral("to-crm");
    case Direction::FromCrm:
        return QStringLiteral("from-crm");
    case Direction::Both:
        return QStringLiteral("both");
    case Direction::DontSend:
        return QStringLiteral("dont-send");
    }
    return {};
}

QJsonObject StatusRow::toJson() const
{
    return { { QStringLiteral("id"), id },
             { QStringLiteral("shop_status_id"), shopStatusId },
             { QStringLiteral("shop_status_name"), shopStatusName },
             { QStringLiteral("pipeline_id"), pipelineId },
             { QStringLiteral("stage_id"), stageId },
             { QStringLiteral("direction"), directionName(direction) } };
}

Result<StatusRow> StatusRow::fromJson(const QJsonObject &json)
{
    StatusRow row;
    row.id = str(json, "id");
    if (row.id.isEmpty())
        return invalid(QStringLiteral("a status row has no id"));
    row.shopStatusId = str(json, "shop_status_id");
    row.shopStatusName = str(json, "shop_status_name");
    row.pipelineId = str(json, "pipeline_id");
    row.stageId = str(json, "stage_id");
    const QString direction = str(json, "direction");
    bool known = false;
    for (Direction d : { Direction::ToCrm, Direction::FromCrm, Direction::Both, Direction::DontSend }) {
        if (directionName(d) == direction) {
            row.direction = d;
            known = true;
        }
    }
    if (!known)
        return invalid(QStringLiteral("status row %1: unknown direction \"%2\"").arg(row.id, direction));
    return row;
}

const StatusRow *StatusMap::rowFor(const QString &shopStatusId, const QString &pipelineId) const
{
    const StatusRow *independent = nullptr;
    for (const StatusRow &row : rows) {
        if (row.shopStatusId != shopStatusId || !row.sendsToCrm())
            continue;
        if (row.pipelineId == pipelineId)
            return &row;
        if (!independent && pipelineIndependentStages.contains(row.stageId))
            independent = &row;
    }
    return independent;
}

StageDecision StatusMap::stageForShopStatus(const QString &shopStatusId,
                                            const QString &currentPipelineId) const
{
    StageDecision decision;
    const StatusRow *row = nullptr;
    if (currentPipelineId.isEmpty()) {
        for (const StatusRow &r : rows) {
            if (!row && r.shopStatusId == shopStatusId && r.sendsToCrm())
                row = &r;
        }
    } else {
        row = rowFor(shopStatusId, currentPipelineId);
    }
    if (row) {
        decision.action = StageDecision::Action::SetStage;
        const bool independent = pipelineIndependentStages.contains(row->stageId);
        decision.pipelineId
            = independent && !currentPipelineId.isEmpty() ? currentPipelineId : row->pipelineId;
        decision.stageId = row->stageId;
        decision.rowId = row->id;
        decision.explanation
            = Text::tr("The status map sends shop status %1 to stage %2")
                  .arg(statusLabel(*row), stageLabel(decision.pipelineId, decision.stageId, nullptr));
        return decision;
    }
    for (const StatusRow &r : rows) {
        if (r.shopStatusId == shopStatusId && r.direction == Direction::DontSend) {
            decision.action = StageDecision::Action::DontSend;
            decision.rowId = r.id;
            decision.explanation
                = Text::tr("The status map does not send shop status %1 to the CRM").arg(statusLabel(r));
            return decision;
        }
    }
    if (unmappedToCrm == UnmappedToCrm::DefaultStage) {
        decision.action = StageDecision::Action::SetStage;
        decision.pipelineId = defaultPipelineId;
        decision.stageId = defaultStageId;
        decision.explanation
            = Text::tr("Shop status %1 is not mapped: the default stage %2 in pipeline %3 is used")
                  .arg(shopStatusId, defaultStageId, defaultPipelineId);
    } else {
        decision.action = StageDecision::Action::LeaveStage;
        decision.explanation
            = Text::tr("Shop status %1 is not mapped: the deal stays in its stage").arg(shopStatusId);
    }
    return decision;
}

ShopStatusDecision StatusMap::shopStatusForStage(const QString &pipelineId, const QString &stageId) const
{
    ShopStatusDecision decision;
    const StatusRow *match = nullptr;
    for (const StatusRow &row : rows) {
        if (!row.comesFromCrm() || row.stageId != stageId)
            continue;
        if (row.pipelineId == pipelineId) {
            match = &row;
            break;
        }
        if (!match && pipelineIndependentStages.contains(stageId))
            match = &row;
    }
    if (match) {
        decision.action = ShopStatusDecision::Action::SetStatus;
        decision.shopStatusId = match->shopStatusId;
        decision.rowId = match->id;
        decision.explanation = Text::tr("The status map brings stage %1 back as shop status %2")
                                   .arg(stageLabel(pipelineId, stageId, nullptr), statusLabel(*match));
    } else if (unmappedFromCrm == UnmappedFromCrm::DefaultStatus) {
        decision.action = ShopStatusDecision::Action::SetStatus;
        decision.shopStatusId = defaultShopStatusId;
        decision.explanation
            = Text::tr("Stage %1 in pipeline %2 is not mapped: the default shop status %3 is set")
                  .arg(stageId, pipelineId, defaultShopStatusId);
    } else {
        decision.explanation
            = Text::tr("Stage %1 in pipeline %2 is not mapped: the shop status is left alone")
                  .arg(stageId, pipelineId);
    }
    return decision;
}

QString StatusMap::stageLabel(const QString &pipelineId, const QString &stageId, const Crm::CrmSchema *schema)
{
    const Crm::Pipeline *pipeline = schema ? schema->pipeline(pipelineId) : nullptr;
    const Crm::Stage *stage = pipeline ? pipeline->stage(stageId) : nullptr;
    return Text::tr("\u00ab%1\u00bb in \u00ab%2\u00bb")
        .arg(stage ? stage->name : stageId, pipeline ? pipeline->name : pipelineId);
}

QList<Problem> StatusMap::validate(const Crm::CrmSchema *schema) const
{
    QList<Problem> problems;
    QSet<QString> ids;
    for (const StatusRow &row : rows) {
        if (ids.contains(row.id))
            problems << problem(row.id, QStringLiteral("duplicate-row"), Text::tr("Two rows have this id"));
        ids.insert(row.id);
        if (row.shopStatusId.isEmpty())
            problems << problem(row.id, QStringLiteral("row-incomplete"),
                                Text::tr("No shop status is chosen"));
        if (row.direction != Direction::DontSend && (row.pipelineId.isEmpty() || row.stageId.isEmpty()))
            problems << problem(row.id, QStringLiteral("row-incomplete"),
                                Text::tr("No pipeline stage is chosen"));
    }
    for (int i = 0; i < rows.size(); ++i) {
        const StatusRow &a = rows.at(i);
        for (int j = 0; j < i; ++j) {
            const StatusRow &b = rows.at(j);
            if (a.shopStatusId == b.shopStatusId && !a.shopStatusId.isEmpty()) {
                if (a.sendsToCrm() && b.sendsToCrm() && a.pipelineId == b.pipelineId
                    && a.stageId != b.stageId) {
                    problems << problem(
                        a.id, QStringLiteral("status-conflict"),
                        Text::tr("Shop status %1 already goes to %2 (another row): one "
                                 "status can go to one stage of a pipeline")
                            .arg(statusLabel(a), stageLabel(b.pipelineId, b.stageId, schema)));
                }
                if ((a.direction == Direction::DontSend) != (b.direction == Direction::DontSend)
                    && (a.sendsToCrm() || b.sendsToCrm())) {
                    problems << problem(a.id, QStringLiteral("status-conflict"),
                                        Text::tr("Shop status %1 is both sent and not sent (another row)")
                                            .arg(statusLabel(a)));
                }
            }
            if (a.comesFromCrm() && b.comesFromCrm() && a.pipelineId == b.pipelineId && a.stageId == b.stageId
                && a.shopStatusId != b.shopStatusId) {
                problems << problem(a.id, QStringLiteral("status-conflict"),
                                    Text::tr("Stage %1 already comes back as shop status %2: a stage can "
                                             "come back as one status only")
                                        .arg(stageLabel(a.pipelineId, a.stageId, schema), statusLabel(b)));
            }
        }
    }
    if (unmappedToCrm == UnmappedToCrm::DefaultStage
        && (defaultPipelineId.isEmpty() || defaultStageId.isEmpty())) {
        problems << problem(
            {}, QStringLiteral("unmapped-rule"),
            Text::tr("Unmapped shop statuses should go to a default stage, but none is chosen"));
    }
    if (unmappedFromCrm == UnmappedFromCrm::DefaultStatus && defaultShopStatusId.isEmpty()) {
        problems << problem(
            {}, QStringLiteral("unmapped-rule"),
            Text::tr("Unmapped CRM stages should set a default shop status, but none is chosen"));
    }
    return problems;
}

QJsonObject StatusMap::toJson() const
{
    QJsonArray rowArray;
    for (const StatusRow &row : rows)
        rowArray.append(row.toJson());
    return { { QStringLiteral("rows"), rowArray },
             { QStringLiteral("unmapped_to_crm"),
               QJsonObject { { QStringLiteral("action"),
                               unmappedToCrm == UnmappedToCrm::LeaveStage ? QStringLiteral("leave")
                                                                          : QStringLiteral("default-stage") },
                             { QStringLiteral("pipeline_id"), defaultPipelineId },
                             { QStringLiteral("stage_id"), defaultStageId } } },
             { QStringLiteral("unmapped_from_crm"),
               QJsonObject { { QStringLiteral("action"),
                               unmappedFromCrm == UnmappedFromCrm::Ignore
                                   ? QStringLiteral("ignore")
                                   : QStringLiteral("default-status") },
                             { QStringLiteral("shop_status_id"), defaultShopStatusId } } },
             { QStringLiteral("pipeline_independent_stages"),
               QJsonArray::fromStringList(pipelineIndependentStages) } };
}

Result<StatusMap> StatusMap::fromJson(const QJsonObject &json)
{
    StatusMap map;
    for (const QJsonValue &v : json.value(QLatin1String("rows")).toArray()) {
        auto row = StatusRow::fromJson(v.toObject());
        if (!row)
            return row.error();
        map.rows.append(row.value());
    }
    const QJsonObject to = json.value(QLatin1String("unmapped_to_crm")).toObject();
    const QString toAction = str(to, "action").isEmpty() ? QStringLiteral("leave") : str(to, "action");
    if (toAction == QLatin1String("default-stage"))
        map.unmappedToCrm = UnmappedToCrm::DefaultStage;
    else if (toAction != QLatin1String("leave"))
        return invalid(QStringLiteral("unknown unmapped_to_crm action \"%1\"").arg(toAction));
    map.defaultPipelineId = str(to, "pipeline_id");
    map.defaultStageId = str(to, "stage_id");
    const QJsonObject from = json.value(QLatin1String("unmapped_from_crm")).toObject();
    const QString fromAction = str(from, "action").isEmpty() ? QStringLiteral("ignore") : str(from, "action");
    if (fromAction == QLatin1String("default-status"))
        map.unmappedFromCrm = UnmappedFromCrm::DefaultStatus;
    else if (fromAction != QLatin1String("ignore"))
        return invalid(QStringLiteral("unknown unmapped_from_crm action \"%1\"").arg(fromAction));
    map.defaultShopStatusId = str(from, "shop_status_id");
    if (json.contains(QLatin1String("pipeline_independent_stages"))) {
        map.pipelineIndependentStages.clear();
        for (const QJsonValue &v : json.value(QLatin1String("pipeline_independent_stages")).toArray())
            map.pipelineIndependentStages
                << (v.isDouble() ? QString::number(qint64(v.toDouble())) : v.toString());
    }
    return map;
}

} // namespace Mapping
