// SPDX-License-Identifier: GPL-3.0-or-later
#include "StatusMapModel.h"

#include "SnapshotCommand.h"

#include <QColor>
#include <QIcon>
#include <QPainter>
#include <QPixmap>
#include <QUndoStack>

namespace Gui {

using Mapping::StatusMap;
using Mapping::StatusRow;

namespace {

QIcon colourChip(const QString &colour)
{
    QPixmap pixmap(14, 14);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QColor(0, 0, 0, 60));
    painter.setBrush(QColor(colour.isEmpty() ? QStringLiteral("#cccccc") : colour));
    painter.drawRoundedRect(QRectF(0.5, 0.5, 13, 13), 3, 3);
    return QIcon(pixmap);
}

} // namespace

StatusMapModel::StatusMapModel(QUndoStack *undo, QObject *parent)
    : QAbstractTableModel(parent)
    , m_undo(undo)
{ }

void StatusMapModel::setStatusMap(const StatusMap &map, const Crm::CrmSchema &schema)
{
    beginResetModel();
    m_map = map;
    m_schema = schema;
    endResetModel();
}

void StatusMapModel::applyStatusMap(const StatusMap &map)
{
    if (map.rows.size() != m_map.rows.size()) {
        beginResetModel();
        m_map = map;
        endResetModel();
    } else {
        m_map = map;
        if (!m_map.rows.isEmpty())
            Q_EMIT dataChanged(index(0, 0), index(int(m_map.rows.size()) - 1, ColumnCount - 1));
    }
    Q_EMIT edited();
}

void StatusMapModel::setProblems(const QList<Mapping::Problem> &problems)
{
    m_problems.set(problems);
    if (!m_map.rows.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(int(m_map.rows.size()) - 1, ColumnCount - 1));
}

void StatusMapModel::setShopStatuses(const QList<Source::ShopStatus> &statuses)
{
    m_shopColours.clear();
    for (const Source::ShopStatus &status : statuses) {
        // miniShop2 keeps "RRGGBB" without the '#'.
        const QString colour
            = status.color.startsWith(QLatin1Char('#')) ? status.color : QLatin1Char('#') + status.color;
        if (QColor::isValidColorName(colour))
            m_shopColours.insert(status.id, colour.toLower());
    }
    if (!m_map.rows.isEmpty())
        Q_EMIT dataChanged(index(0, ShopStatusColumn), index(int(m_map.rows.size()) - 1, ShopStatusColumn),
                           { Qt::DecorationRole });
}

QString StatusMapModel::directionText(StatusRow::Direction direction)
{
    switch (direction) {
    case StatusRow::Direction::ToCrm:
        return tr("→ to the CRM");
    case StatusRow::Direction::FromCrm:
        return tr("← from the CRM");
    case StatusRow::Direction::Both:
        return tr("↔ both ways");
    case StatusRow::Direction::DontSend:
        return tr("✕ not sent");
    }
    return {};
}

QList<StatusRow::Direction> StatusMapModel::directions()
{
    return { StatusRow::Direction::Both, StatusRow::Direction::ToCrm, StatusRow::Direction::FromCrm,
             StatusRow::Direction::DontSend };
}

int StatusMapModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_map.rows.size());
}

int StatusMapModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant StatusMapModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const StatusRow &row = m_map.rows.at(index.row());
    const Mapping::Problem *problem = m_problems.find(row.id);
    const Crm::Pipeline *pipeline = m_schema.pipeline(row.pipelineId);
    const Crm::Stage *stage = m_schema.stage(row.pipelineId, row.stageId);
    if (const QVariant marked = m_problems.data(row.id, role); marked.isValid())
        return marked;
    if (role == Qt::DecorationRole && index.column() == StageColumn)
        return colourChip(stage ? stage->colour : QString());
    if (role == Qt::DecorationRole && index.column() == ShopStatusColumn)
        return colourChip(m_shopColours.value(row.shopStatusId));
    if (role == Qt::EditRole && index.column() == DirectionColumn)
        return StatusRow::directionName(row.direction);
    if (role == Qt::ToolTipRole && index.column() != DirectionColumn)
        return data(index, Qt::DisplayRole); // the whole name where the column elides it
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case ShopStatusColumn:
        return row.shopStatusName.isEmpty() ? row.shopStatusId : row.shopStatusName;
    case DirectionColumn:
        return directionText(row.direction);
    case StageColumn:
        return QStringLiteral("%1 / %2").arg(pipeline ? pipeline->name : row.pipelineId,
                                             stage ? stage->name : row.stageId);
    case ProblemColumn:
        return problem ? problem->message : QString();
    default:
        return {};
    }
}

bool StatusMapModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || index.column() != DirectionColumn
        || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    StatusMap after = m_map;
    StatusRow &row = after.rows[index.row()];
    bool known = false;
    for (StatusRow::Direction direction : directions()) {
        if (StatusRow::directionName(direction) == value.toString()) {
            row.direction = direction;
            known = true;
        }
    }
    if (!known)
        return false;
    if (!(after == m_map))
        m_undo->push(
            new SnapshotCommand<StatusMap>([this](const StatusMap &map) { applyStatusMap(map); }, m_map,
                                           after, tr("Change the direction of %1").arg(row.shopStatusName)));
    return true;
}

Qt::ItemFlags StatusMapModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags flags = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() == DirectionColumn)
        flags |= Qt::ItemIsEditable;
    return flags;
}

QVariant StatusMapModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case ShopStatusColumn:
        return tr("Shop status");
    case DirectionColumn:
        return tr("Direction");
    case StageColumn:
        return tr("CRM pipeline / stage");
    case ProblemColumn:
        return tr("Problem");
    default:
        return {};
    }
}

} // namespace Gui
