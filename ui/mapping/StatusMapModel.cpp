// SPDX-License-Identifier: GPL-3.0-or-later
#include "StatusMapModel.h"

#include "SnapshotCommand.h"
#include "mapping/StatusProposal.h"

#include <QColor>
#include <QIcon>
#include <QPainter>
#include <QPixmap>
#include <QSet>
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

QString StatusMapModel::stageKey(const QString &pipelineId, const QString &stageId)
{
    return pipelineId + QLatin1Char(':') + stageId;
}

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
    m_shopStatuses = statuses;
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
    if (role == Qt::EditRole && index.column() == ShopStatusColumn)
        return row.shopStatusId;
    if (role == Qt::EditRole && index.column() == StageColumn)
        return stageKey(row.pipelineId, row.stageId);
    if (role == Qt::ToolTipRole && index.column() != DirectionColumn)
        return data(index, Qt::DisplayRole); // the whole name where the column elides it
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case ShopStatusColumn:
        if (row.shopStatusId.isEmpty())
            return tr("(choose a shop status)");
        return row.shopStatusName.isEmpty() ? shopStatusName(row.shopStatusId) : row.shopStatusName;
    case DirectionColumn:
        return directionText(row.direction);
    case StageColumn:
        if (row.stageId.isEmpty())
            return tr("(choose a stage)");
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
    if (role != Qt::EditRole
        || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    StatusMap after = m_map;
    StatusRow &row = after.rows[index.row()];
    const QString text = value.toString();
    QString what;
    switch (index.column()) {
    case DirectionColumn: {
        bool known = false;
        for (StatusRow::Direction direction : directions()) {
            if (StatusRow::directionName(direction) == text) {
                row.direction = direction;
                known = true;
            }
        }
        if (!known)
            return false;
        what = tr("Change the direction of %1");
        break;
    }
    case ShopStatusColumn:
        row.shopStatusId = text;
        row.shopStatusName = shopStatusName(text);
        what = tr("Choose the shop status %1");
        break;
    case StageColumn: {
        const qsizetype colon = text.indexOf(QLatin1Char(':'));
        if (colon < 0)
            return false;
        row.pipelineId = text.left(colon);
        row.stageId = text.mid(colon + 1);
        what = tr("Choose the stage of %1");
        break;
    }
    default:
        return false;
    }
    if (!(after == m_map))
        changeStatusMap(after, what.arg(row.shopStatusName));
    return true;
}

Qt::ItemFlags StatusMapModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags flags = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() != ProblemColumn)
        flags |= Qt::ItemIsEditable;
    return flags;
}

void StatusMapModel::changeStatusMap(const StatusMap &after, const QString &text)
{
    m_undo->push(new SnapshotCommand<StatusMap>([this](const StatusMap &map) { applyStatusMap(map); }, m_map,
                                                after, text));
}

void StatusMapModel::addRow()
{
    StatusMap after = m_map;
    int n = int(after.rows.size()) + 1;
    auto taken = [&after](const QString &id) {
        return std::any_of(after.rows.cbegin(), after.rows.cend(),
                           [&id](const StatusRow &r) { return r.id == id; });
    };
    while (taken(QStringLiteral("s%1").arg(n)))
        ++n;
    StatusRow row;
    row.id = QStringLiteral("s%1").arg(n);
    row.direction = StatusRow::Direction::Both;
    after.rows.append(row);
    changeStatusMap(after, tr("Add a status row"));
}

void StatusMapModel::removeRow(int row)
{
    if (row < 0 || row >= m_map.rows.size())
        return;
    StatusMap after = m_map;
    const QString name = after.rows.at(row).shopStatusName;
    after.rows.removeAt(row);
    changeStatusMap(after, tr("Remove the status row %1").arg(name));
}

int StatusMapModel::proposeRows()
{
    QList<Mapping::NamedStatus> unmapped;
    for (const Source::ShopStatus &status : std::as_const(m_shopStatuses)) {
        const bool mapped
            = std::any_of(m_map.rows.cbegin(), m_map.rows.cend(),
                          [&status](const StatusRow &r) { return r.shopStatusId == status.id; });
        if (!mapped && status.active)
            unmapped.append({ status.id, status.name });
    }
    QList<StatusRow> proposed = Mapping::StatusProposal::propose(unmapped, m_schema);
    StatusMap after = m_map;
    // A proposed stage that an existing row brings back already goes to the CRM only.
    for (StatusRow &row : proposed) {
        const bool comesBack
            = std::any_of(after.rows.cbegin(), after.rows.cend(), [&row](const StatusRow &r) {
                  return r.comesFromCrm() && r.pipelineId == row.pipelineId && r.stageId == row.stageId;
              });
        if (comesBack && row.direction == StatusRow::Direction::Both)
            row.direction = StatusRow::Direction::ToCrm;
        while (std::any_of(after.rows.cbegin(), after.rows.cend(),
                           [&row](const StatusRow &r) { return r.id == row.id; }))
            row.id += QLatin1Char('x');
        after.rows.append(row);
    }
    if (!proposed.isEmpty())
        changeStatusMap(after, tr("Propose status rows by name"));
    return int(proposed.size());
}

QString StatusMapModel::shopStatusName(const QString &id) const
{
    for (const Source::ShopStatus &status : m_shopStatuses) {
        if (status.id == id)
            return status.name;
    }
    for (const StatusRow &row : m_map.rows) {
        if (row.shopStatusId == id && !row.shopStatusName.isEmpty())
            return row.shopStatusName;
    }
    return id;
}

QList<Choice> StatusMapModel::shopStatusChoices() const
{
    QList<Choice> choices;
    QSet<QString> seen;
    for (const Source::ShopStatus &status : m_shopStatuses) {
        choices.append({ status.name, status.id, colourChip(m_shopColours.value(status.id)) });
        seen.insert(status.id);
    }
    // Statuses the shop was not read for yet are known from the map itself.
    for (const StatusRow &row : m_map.rows) {
        if (!row.shopStatusId.isEmpty() && !seen.contains(row.shopStatusId)) {
            choices.append({ shopStatusName(row.shopStatusId), row.shopStatusId, colourChip({}) });
            seen.insert(row.shopStatusId);
        }
    }
    return choices;
}

QList<Choice> StatusMapModel::stageChoices() const
{
    QList<Choice> choices;
    for (const Crm::Pipeline &pipeline : m_schema.pipelines) {
        for (const Crm::Stage &stage : pipeline.stages)
            choices.append({ m_schema.pipelines.size() > 1
                                 ? QStringLiteral("%1 / %2").arg(pipeline.name, stage.name)
                                 : stage.name,
                             stageKey(pipeline.id, stage.id), colourChip(stage.colour) });
    }
    return choices;
}

QList<Choice> StatusMapModel::choices(const QModelIndex &index) const
{
    QList<Choice> list;
    switch (index.column()) {
    case DirectionColumn:
        for (StatusRow::Direction direction : directions())
            list.append({ directionText(direction), StatusRow::directionName(direction) });
        break;
    case ShopStatusColumn:
        list = shopStatusChoices();
        break;
    case StageColumn:
        list = stageChoices();
        break;
    default:
        break;
    }
    return list;
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
