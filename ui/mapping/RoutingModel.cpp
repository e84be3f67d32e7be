// SPDX-License-Identifier: GPL-3.0-or-later
#include "RoutingModel.h"

#include <QColor>

namespace Gui {

RoutingModel::RoutingModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void RoutingModel::setRouting(const Mapping::CategoryRouting &routing, const Crm::CrmSchema &schema)
{
    beginResetModel();
    m_routing = routing;
    m_schema = schema;
    endResetModel();
}

int RoutingModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_routing.rules.size());
}

int RoutingModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RoutingModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Mapping::RouteRule &rule = m_routing.rules.at(index.row());
    const bool inherited = (index.column() == StageColumn && rule.stageId.isEmpty())
        || (index.column() == ResponsibleColumn && rule.responsibleUserId.isEmpty());
    if (role == InheritedRole)
        return inherited;
    if (role == Qt::ForegroundRole && (inherited || !rule.active))
        return QColor(Qt::gray);
    if (role != Qt::DisplayRole)
        return {};
    const Crm::Pipeline *pipeline = m_schema.pipeline(rule.pipelineId);
    switch (index.column()) {
    case CategoryColumn:
        return rule.active ? tr("Category %1").arg(rule.categoryId)
                           : tr("Category %1 (switched off)").arg(rule.categoryId);
    case PipelineColumn:
        return pipeline ? pipeline->name : rule.pipelineId;
    case StageColumn: {
        if (rule.stageId.isEmpty()) {
            const bool hasFirst = pipeline && !pipeline->stages.isEmpty();
            return tr("first stage (%1)").arg(hasFirst ? pipeline->stages.first().name : QStringLiteral("—"));
        }
        const Crm::Stage *stage = m_schema.stage(rule.pipelineId, rule.stageId);
        return stage ? stage->name : rule.stageId;
    }
    case ResponsibleColumn: {
        if (rule.responsibleUserId.isEmpty())
            return tr("from the order or the default");
        const Crm::CrmUser *user = m_schema.user(rule.responsibleUserId);
        return user ? user->name : rule.responsibleUserId;
    }
    default:
        return {};
    }
}

QVariant RoutingModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case CategoryColumn:
        return tr("Shop category");
    case PipelineColumn:
        return tr("Pipeline");
    case StageColumn:
        return tr("Stage");
    case ResponsibleColumn:
        return tr("Responsible");
    default:
        return {};
    }
}

} // namespace Gui
