// SPDX-License-Identifier: GPL-3.0-or-later
#include "PaidStatusModel.h"

#include "SnapshotCommand.h"

#include <QUndoStack>

namespace Gui {

PaidStatusModel::PaidStatusModel(QUndoStack *undo, QObject *parent)
    : QAbstractListModel(parent)
    , m_undo(undo)
{ }

void PaidStatusModel::setStatuses(const QStringList &paid, const QList<Source::ShopStatus> &shopStatuses)
{
    beginResetModel();
    m_paid = paid;
    m_shop = shopStatuses;
    m_lines = linesFor(m_paid);
    endResetModel();
}

QList<Source::ShopStatus> PaidStatusModel::linesFor(const QStringList &paid) const
{
    QList<Source::ShopStatus> lines = m_shop;
    for (const QString &id : paid) {
        const bool listed = std::any_of(lines.cbegin(), lines.cend(),
                                        [&](const Source::ShopStatus &status) { return status.id == id; });
        // A shop not read yet lists nothing: its statuses are not "gone from the shop" then.
        if (!listed)
            lines.append(
                { id,
                  m_shop.isEmpty() ? tr("Status %1").arg(id) : tr("Status %1 (not in the shop)").arg(id) });
    }
    return lines;
}

void PaidStatusModel::applyPaidStatuses(const QStringList &paid)
{
    const QList<Source::ShopStatus> lines = linesFor(paid);
    if (lines.size() == m_lines.size()) {
        m_paid = paid;
        m_lines = lines;
        if (!m_lines.isEmpty())
            Q_EMIT dataChanged(index(0), index(int(m_lines.size()) - 1));
    } else {
        beginResetModel();
        m_paid = paid;
        m_lines = lines;
        endResetModel();
    }
    Q_EMIT edited();
}

int PaidStatusModel::lineOf(const QString &shopStatusId) const
{
    for (int i = 0; i < m_lines.size(); ++i) {
        if (m_lines.at(i).id == shopStatusId)
            return i;
    }
    return -1;
}

int PaidStatusModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_lines.size());
}

QVariant PaidStatusModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Source::ShopStatus &status = m_lines.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return status.name.isEmpty() ? status.id : status.name;
    case Qt::CheckStateRole:
        return m_paid.contains(status.id) ? Qt::Checked : Qt::Unchecked;
    case Qt::ToolTipRole:
        return tr("Shop status %1").arg(status.id);
    default:
        return {};
    }
}

bool PaidStatusModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::CheckStateRole
        || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    const Source::ShopStatus &status = m_lines.at(index.row());
    const bool paid = value.toInt() == Qt::Checked;
    if (paid == m_paid.contains(status.id))
        return true;
    QStringList after = m_paid;
    if (paid)
        after.append(status.id);
    else
        after.removeAll(status.id);
    const QString name = status.name.isEmpty() ? status.id : status.name;
    m_undo->push(new SnapshotCommand<QStringList>(
        [this](const QStringList &list) { applyPaidStatuses(list); }, m_paid, after,
        paid ? tr("Mark %1 as paid").arg(name) : tr("Mark %1 as not paid").arg(name)));
    return true;
}

Qt::ItemFlags PaidStatusModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags flags = QAbstractListModel::flags(index);
    if (index.isValid())
        flags |= Qt::ItemIsUserCheckable;
    return flags;
}

} // namespace Gui
