// SPDX-License-Identifier: GPL-3.0-or-later
#include "StatusProposal.h"

#include <QRegularExpression>
#include <QSet>

namespace Mapping {

namespace {

/** Lower case, «ё» as «е», letters and digits only: «Отменён!» → «отменен». */
QString normalised(const QString &name)
{
    QString text = name.toLower();
    text.replace(QChar(0x0451), QChar(0x0435));
    text.remove(QRegularExpression(QStringLiteral("[^\\w]"), QRegularExpression::UseUnicodePropertiesOption));
    return text;
}

bool startsWithAny(const QString &text, std::initializer_list<const char *> stems)
{
    for (const char *stem : stems) {
        if (text.startsWith(QString::fromUtf8(stem)))
            return true;
    }
    return false;
}

const Crm::Stage *stageOfKind(const Crm::Pipeline &pipeline, Crm::StageKind kind)
{
    for (const Crm::Stage &stage : pipeline.stages) {
        if (stage.kind == kind)
            return &stage;
    }
    return nullptr;
}

const Crm::Stage *firstWorkingStage(const Crm::Pipeline &pipeline)
{
    for (const Crm::Stage &stage : pipeline.stages) {
        if (stage.kind == Crm::StageKind::Normal)
            return &stage;
    }
    return nullptr;
}

const Crm::Stage *stageFor(const QString &statusName, const Crm::Pipeline &pipeline)
{
    const QString name = normalised(statusName);
    if (name.isEmpty())
        return nullptr;
    // The same name first; then the won and lost stages by meaning; «Новый» → the first working
    // stage; then a stage that begins with the status's name or the other way round.
    for (const Crm::Stage &stage : pipeline.stages) {
        if (normalised(stage.name) == name)
            return &stage;
    }
    if (startsWithAny(name,
                      { "выполн", "заверш", "доставлен", "успешн", "complete", "done", "deliver", "won" }))
        if (const Crm::Stage *won = stageOfKind(pipeline, Crm::StageKind::Won))
            return won;
    if (startsWithAny(name, { "отмен", "отказ", "cancel", "lost", "closed" }))
        if (const Crm::Stage *lost = stageOfKind(pipeline, Crm::StageKind::Lost))
            return lost;
    if (startsWithAny(name, { "нов", "new" }))
        return firstWorkingStage(pipeline);
    for (const Crm::Stage &stage : pipeline.stages) {
        const QString stageName = normalised(stage.name);
        if (stage.kind == Crm::StageKind::Normal && name.size() >= 4
            && (stageName.startsWith(name) || name.startsWith(stageName)))
            return &stage;
    }
    return nullptr;
}

} // namespace

const Crm::Pipeline *StatusProposal::targetPipeline(const Crm::CrmSchema &schema, const QString &pipelineId)
{
    if (const Crm::Pipeline *chosen = schema.pipeline(pipelineId))
        return chosen;
    for (const Crm::Pipeline &pipeline : schema.pipelines) {
        if (pipeline.isMain)
            return &pipeline;
    }
    return schema.pipelines.isEmpty() ? nullptr : &schema.pipelines.first();
}

QList<StatusRow> StatusProposal::propose(const QList<NamedStatus> &shopStatuses, const Crm::CrmSchema &schema,
                                         const QString &pipelineId)
{
    QList<StatusRow> rows;
    const Crm::Pipeline *pipeline = targetPipeline(schema, pipelineId);
    if (!pipeline)
        return rows;
    QSet<QString> comingBack;
    for (const NamedStatus &status : shopStatuses) {
        const Crm::Stage *stage = stageFor(status.name, *pipeline);
        if (!stage)
            continue;
        StatusRow row;
        row.id = QStringLiteral("p%1").arg(status.id);
        row.shopStatusId = status.id;
        row.shopStatusName = status.name;
        row.pipelineId = pipeline->id;
        row.stageId = stage->id;
        row.direction
            = comingBack.contains(stage->id) ? StatusRow::Direction::ToCrm : StatusRow::Direction::Both;
        comingBack.insert(stage->id);
        rows << row;
    }
    return rows;
}

} // namespace Mapping
