// SPDX-License-Identifier: GPL-3.0-or-later
#include "CodeMapModel.h"

#include "SnapshotCommand.h"

#include <QColor>
#include <QSet>
#include <QUndoStack>

namespace Gui {

using Mapping::CodeRow;

CodeMapModel::CodeMapModel(Source::MethodKind kind, QUndoStack *undo, QObject *parent)
    : QAbstractTableModel(parent)
    , m_kind(kind)
    , m_undo(undo)
{ }

void CodeMapModel::setRows(const QList<CodeRow> &rows, const QList<Crm::FieldEnum> &codes,
                           const QList<Source::ShopMethod> &shopMethods)
{
    beginResetModel();
    m_rows = rows;
    m_codes = codes;
    m_shop = shopMethods;
    m_lines = linesFor(m_rows);
    endResetModel();
}

QList<CodeMapModel::Line> CodeMapModel::linesFor(const QList<CodeRow> &rows) const
{
    QList<Line> lines;
    QSet<QString> seen;
    for (const Source::ShopMethod &method : m_shop) {
        if (!seen.contains(method.id))
            lines.append({ method.id, method.name, true, method.active });
        seen.insert(method.id);
    }
    // A shop not read yet lists nothing: its rows are not "gone from the shop" then.
    for (const CodeRow &row : rows) {
        if (!seen.contains(row.shopId))
            lines.append({ row.shopId, row.shopName, m_shop.isEmpty(), true });
        seen.insert(row.shopId);
    }
    return lines;
}

void CodeMapModel::applyRows(const QList<CodeRow> &rows)
{
    const QList<Line> lines = linesFor(rows);
    bool sameLines = lines.size() == m_lines.size();
    for (int i = 0; sameLines && i < lines.size(); ++i)
        sameLines = lines.at(i).shopId == m_lines.at(i).shopId;
    if (sameLines) {
        m_rows = rows;
        m_lines = lines;
        if (!m_lines.isEmpty())
            Q_EMIT dataChanged(index(0, 0), index(int(m_lines.size()) - 1, ColumnCount - 1));
    } else {
        beginResetModel();
        m_rows = rows;
        m_lines = lines;
        endResetModel();
    }
    Q_EMIT edited();
}

void CodeMapModel::setProblems(const QList<Mapping::Problem> &problems)
{
    m_problems.set(problems);
    if (!m_lines.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(int(m_lines.size()) - 1, ColumnCount - 1));
}

int CodeMapModel::lineOf(const QString &shopId) const
{
    for (int i = 0; i < m_lines.size(); ++i) {
        if (m_lines.at(i).shopId == shopId)
            return i;
    }
    return -1;
}

const CodeRow *CodeMapModel::rowOf(const QString &shopId) const
{
    for (const CodeRow &row : m_rows) {
        if (row.shopId == shopId)
            return &row;
    }
    return nullptr;
}

QString CodeMapModel::rowId(const QString &shopId) const
{
    return m_kind == Source::MethodKind::Delivery ? Mapping::CodeMaps::deliveryRowId(shopId)
                                                  : Mapping::CodeMaps::paymentRowId(shopId);
}

QString CodeMapModel::codeName(const QString &code) const
{
    for (const Crm::FieldEnum &entry : m_codes) {
        if (entry.id == code)
            return entry.value.isEmpty() ? code : entry.value;
    }
    return {};
}

QList<Choice> CodeMapModel::choices(const QModelIndex &index) const
{
    if (!index.isValid() || index.column() != CodeColumn)
        return {};
    QList<Choice> choices { { tr("(no code)"), QString() } };
    for (const Crm::FieldEnum &entry : m_codes)
        choices.append({ entry.value.isEmpty() ? entry.id : entry.value, entry.id });
    const QString current = index.data(Qt::EditRole).toString();
    if (!current.isEmpty() && codeName(current).isEmpty())
        choices.append({ tr("%1 (not in the CRM)").arg(current), current });
    return choices;
}

int CodeMapModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_lines.size());
}

int CodeMapModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CodeMapModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Line &line = m_lines.at(index.row());
    const CodeRow *row = rowOf(line.shopId);
    const QString code = row ? row->code : QString();
    const QString id = rowId(line.shopId);
    const Mapping::Problem *problem = m_problems.find(id);
    if (role == RowIdRole)
        return id;
    if (role == HasErrorRole)
        return problem && problem->isError();
    if (const QVariant marked = m_problems.data(id, role); marked.isValid())
        return marked;
    if (role == Qt::ForegroundRole && (!line.inShop || !line.active || code.isEmpty()))
        return QColor(Qt::gray);
    if (role == Qt::ToolTipRole && index.column() == ShopMethodColumn)
        return line.inShop
            ? tr("Shop method %1").arg(line.shopId)
            : tr("Shop method %1 is not among the shop's methods as last read").arg(line.shopId);
    if (role == Qt::ToolTipRole && index.column() == CodeColumn && !code.isEmpty())
        return tr("CRM code: %1").arg(code);
    if (role == Qt::EditRole && index.column() == CodeColumn)
        return code;
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case ShopMethodColumn: {
        const QString name = line.shopName.isEmpty() ? line.shopId : line.shopName;
        if (!line.inShop)
            return tr("%1 (not in the shop)").arg(name);
        return line.active ? name : tr("%1 (switched off)").arg(name);
    }
    case CodeColumn:
        if (code.isEmpty())
            return tr("(no code)");
        return codeName(code).isEmpty() ? code : codeName(code);
    case ProblemColumn:
        return problem ? problem->message : QString();
    default:
        return {};
    }
}

bool CodeMapModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || index.column() != CodeColumn
        || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    const Line &line = m_lines.at(index.row());
    const QString code = value.toString().trimmed();
    QList<CodeRow> after;
    bool placed = false;
    for (const CodeRow &row : m_rows) {
        if (row.shopId != line.shopId) {
            after.append(row);
        } else if (!placed && !code.isEmpty()) {
            after.append({ row.shopId, line.shopName, code }); // a second row for it is dropped
            placed = true;
        }
    }
    if (!placed && !code.isEmpty())
        after.append({ line.shopId, line.shopName, code });
    if (after == m_rows)
        return true;
    const QString name = line.shopName.isEmpty() ? line.shopId : line.shopName;
    m_undo->push(new SnapshotCommand<QList<CodeRow>>(
        [this](const QList<CodeRow> &rows) { applyRows(rows); }, m_rows, after,
        code.isEmpty() ? tr("Send %1 without a code").arg(name) : tr("Choose the CRM code of %1").arg(name)));
    return true;
}

Qt::ItemFlags CodeMapModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags flags = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() == CodeColumn)
        flags |= Qt::ItemIsEditable;
    return flags;
}

QVariant CodeMapModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case ShopMethodColumn:
        return m_kind == Source::MethodKind::Delivery ? tr("Shop delivery") : tr("Shop payment");
    case CodeColumn:
        return m_kind == Source::MethodKind::Delivery ? tr("CRM delivery type") : tr("CRM payment type");
    case ProblemColumn:
        return tr("Problem");
    default:
        return {};
    }
}

} // namespace Gui
