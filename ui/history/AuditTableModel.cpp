// SPDX-License-Identifier: GPL-3.0-or-later
#include "AuditTableModel.h"

#include "AuditText.h"

#include <QDateTime>
#include <QLocale>

namespace Gui {

AuditTableModel::AuditTableModel(std::shared_ptr<Storage::Database> db, QObject *parent)
    : QAbstractTableModel(parent)
    , m_db(std::move(db))
{ }

Common::Status AuditTableModel::reload(const QString &actionPrefix)
{
    Store::AuditFilter filter;
    filter.actionPrefix = actionPrefix;
    filter.limit = kLimit;
    auto entries = Store::AuditRepo(m_db).list(filter);
    if (!entries)
        return entries.error();
    beginResetModel();
    m_entries = entries.value();
    endResetModel();
    return {};
}

int AuditTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int AuditTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AuditTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_entries.size())
        return {};
    const Store::AuditEntry &e = m_entries.at(index.row());
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole) {
        switch (index.column()) {
        case When:
            return QLocale().toString(QDateTime::fromMSecsSinceEpoch(e.atMs), QLocale::ShortFormat);
        case Who:
            return QStringLiteral("%1@%2 (%3)")
                .arg(e.actor.user, e.actor.host, AuditText::tool(e.actor.tool));
        case Action:
            return AuditText::action(e.action);
        case Subject:
            return e.subject;
        case Details:
            return AuditText::details(e);
        default:
            return {};
        }
    }
    if (role == Qt::UserRole)
        return e.action;
    return {};
}

QVariant AuditTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case When:
        return tr("When");
    case Who:
        return tr("Who");
    case Action:
        return tr("Action");
    case Subject:
        return tr("On");
    case Details:
        return tr("Details");
    default:
        return {};
    }
}

} // namespace Gui
