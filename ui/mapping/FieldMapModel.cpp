// SPDX-License-Identifier: GPL-3.0-or-later
#include "FieldMapModel.h"

#include "SnapshotCommand.h"
#include "model/SourceFieldCatalogue.h"

#include <QColor>
#include <QJsonObject>
#include <QUndoStack>

namespace Gui {

using Mapping::FieldMap;
using Mapping::FieldRow;
using Mapping::Transform;

FieldMapModel::FieldMapModel(QUndoStack *undo, QObject *parent)
    : QAbstractTableModel(parent)
    , m_undo(undo)
{ }

void FieldMapModel::setFieldMap(const FieldMap &map)
{
    beginResetModel();
    m_map = map;
    endResetModel();
}

void FieldMapModel::applyFieldMap(const FieldMap &map)
{
    if (map.rows.size() == m_map.rows.size()) {
        m_map = map;
        if (!m_map.rows.isEmpty())
            Q_EMIT dataChanged(index(0, 0), index(int(m_map.rows.size()) - 1, ColumnCount - 1));
    } else {
        beginResetModel();
        m_map = map;
        endResetModel();
    }
    Q_EMIT edited();
}

void FieldMapModel::push(const FieldMap &after, const QString &text)
{
    m_undo->push(new SnapshotCommand<FieldMap>([this](const FieldMap &map) { applyFieldMap(map); }, m_map,
                                               after, text));
}

void FieldMapModel::setProblems(const QList<Mapping::Problem> &problems)
{
    m_problems.set(problems);
    if (!m_map.rows.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(int(m_map.rows.size()) - 1, ColumnCount - 1));
}

QString FieldMapModel::problemFor(int row) const
{
    return m_problems.message(m_map.rows.at(row).id);
}

void FieldMapModel::addRow()
{
    FieldMap after = m_map;
    FieldRow row;
    int n = int(after.rows.size()) + 1;
    const QString prefix
        = m_map.kind == Mapping::SourceKind::Order ? QStringLiteral("o") : QStringLiteral("f");
    while (after.row(prefix + QString::number(n)))
        ++n;
    row.id = prefix + QString::number(n);
    after.rows.append(row);
    push(after, tr("Add a row"));
}

void FieldMapModel::removeRow(int row)
{
    if (row < 0 || row >= m_map.rows.size())
        return;
    FieldMap after = m_map;
    after.rows.removeAt(row);
    push(after, tr("Remove a row"));
}

void FieldMapModel::setRow(int row, const FieldRow &after)
{
    if (row < 0 || row >= m_map.rows.size() || m_map.rows.at(row) == after)
        return;
    FieldMap map = m_map;
    map.rows[row] = after;
    push(map, tr("Edit a row"));
}

int FieldMapModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_map.rows.size());
}

int FieldMapModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString FieldMapModel::transformText(Transform::Kind kind)
{
    switch (kind) {
    case Transform::Kind::None:
        return tr("As is");
    case Transform::Kind::Trim:
        return tr("Trim spaces");
    case Transform::Kind::Template:
        return tr("Template");
    case Transform::Kind::Number:
        return tr("Number");
    case Transform::Kind::Date:
        return tr("Date");
    case Transform::Kind::Phone:
        return tr("Phone");
    case Transform::Kind::Email:
        return tr("Email");
    case Transform::Kind::Join:
        return tr("Join values");
    case Transform::Kind::Constant:
        return tr("Constant");
    case Transform::Kind::Lookup:
        return tr("Lookup table");
    }
    return {};
}

QString FieldMapModel::policyText(Crm::UpdatePolicy policy)
{
    switch (policy) {
    case Crm::UpdatePolicy::Always:
        return tr("Always");
    case Crm::UpdatePolicy::OnlyIfEmpty:
        return tr("Only if empty");
    case Crm::UpdatePolicy::Never:
        return tr("On create only");
    }
    return {};
}

QVariant FieldMapModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const FieldRow &row = m_map.rows.at(index.row());
    const Mapping::Problem *problem = m_problems.find(row.id);
    switch (role) {
    case RowIdRole:
        return row.id;
    case HasErrorRole:
        return problem && problem->isError();
    case Qt::BackgroundRole:
        return m_problems.data(row.id, role);
    case Qt::ToolTipRole: {
        // The whole text of a cell the column elides, and the row's problem under it.
        const QString text = index.column() == ProblemColumn || index.column() == ActiveColumn
            ? QString()
            : data(index, Qt::DisplayRole).toString();
        const QString why = m_problems.data(row.id, role).toString();
        const QString tip = text.isEmpty() || why.isEmpty() ? text + why : text + QLatin1Char('\n') + why;
        return tip.isEmpty() ? QVariant() : tip;
    }
    case Qt::ForegroundRole:
        if (problem)
            return m_problems.data(row.id, role);
        return row.active ? QVariant() : QColor(Qt::gray);
    case Qt::CheckStateRole:
        return index.column() == ActiveColumn ? (row.active ? Qt::Checked : Qt::Unchecked) : QVariant();
    case Qt::EditRole:
        switch (index.column()) {
        case SourceColumn:
            return row.source;
        case TransformColumn:
            return Transform::kindName(row.transform.kind);
        case TargetColumn:
            return row.target.toJson();
        case PolicyColumn:
            return Crm::updatePolicyName(row.policy);
        default:
            return {};
        }
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (index.column()) {
    case SourceColumn: {
        if (row.source.isEmpty())
            return row.transform.kind == Transform::Kind::Constant ? tr("(constant)") : QString();
        for (const Model::SourceField &shopField : m_shopFields) {
            if (shopField.path == row.source)
                return shopField.label;
        }
        const auto field = Model::SourceFieldCatalogue::describe(m_map.kind, row.source);
        return field ? field->label : row.source;
    }
    case TransformColumn:
        if (row.transform.kind == Transform::Kind::Lookup)
            return tr("%1: %n value(s)", nullptr, int(row.transform.table.size()))
                .arg(transformText(row.transform.kind));
        return row.transform.argument.isEmpty()
            ? transformText(row.transform.kind)
            : QStringLiteral("%1: %2").arg(transformText(row.transform.kind), row.transform.argument);
    case TargetColumn:
        return row.target.isSet() ? row.target.describe() : tr("(choose a field)");
    case PolicyColumn:
        return policyText(row.policy);
    case ProblemColumn:
        return problem ? problem->message : QString();
    default:
        return {};
    }
}

bool FieldMapModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    FieldMap after = m_map;
    FieldRow &row = after.rows[index.row()];
    if (index.column() == ActiveColumn && role == Qt::CheckStateRole) {
        row.active = value.toInt() == Qt::Checked;
    } else if (role != Qt::EditRole) {
        return false;
    } else if (index.column() == SourceColumn) {
        row.source = value.toString();
    } else if (index.column() == TransformColumn) {
        Transform::Kind kind;
        if (!Transform::kindFromName(value.toString(), &kind))
            return false;
        row.transform.kind = kind;
    } else if (index.column() == TargetColumn) {
        auto target = Mapping::FieldTarget::fromJson(value.toJsonObject());
        if (!target)
            return false;
        row.target = target.value();
    } else if (index.column() == PolicyColumn) {
        Crm::UpdatePolicy policy;
        if (!Crm::updatePolicyFromName(value.toString(), &policy))
            return false;
        row.policy = policy;
    } else {
        return false;
    }
    if (after == m_map)
        return true;
    push(after, tr("Edit a row"));
    return true;
}

Qt::ItemFlags FieldMapModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags flags = QAbstractTableModel::flags(index);
    if (!index.isValid())
        return flags;
    if (index.column() == ActiveColumn)
        return flags | Qt::ItemIsUserCheckable;
    if (index.column() != ProblemColumn)
        return flags | Qt::ItemIsEditable;
    return flags;
}

QVariant FieldMapModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case ActiveColumn:
        return tr("On");
    case SourceColumn:
        return tr("Shop field");
    case TransformColumn:
        return tr("Transform");
    case TargetColumn:
        return tr("CRM field");
    case PolicyColumn:
        return tr("Overwrite");
    case ProblemColumn:
        return tr("Problem");
    default:
        return {};
    }
}

QList<Model::SourceField> FieldMapModel::sourceFields() const
{
    QList<Model::SourceField> fields = Model::SourceFieldCatalogue::forKind(m_map.kind);
    if (m_map.kind != Mapping::SourceKind::Order)
        return fields;
    for (const Model::SourceField &field : m_shopFields) {
        const bool listed
            = std::any_of(fields.cbegin(), fields.cend(),
                          [&field](const Model::SourceField &f) { return f.path == field.path; });
        if (!listed)
            fields.append(field);
    }
    return fields;
}

} // namespace Gui
