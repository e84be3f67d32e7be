// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/Database.h"
#include "store/AuditRepo.h"

#include <QAbstractTableModel>
#include <memory>

namespace Gui {

/**
 * The audit trail as a table, newest first: when, who (user@host, tool), what, on what, details.
 * Reads the newest kLimit entries of one action filter on reload(). GUI thread.
 */
class AuditTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { When, Who, Action, Subject, Details, ColumnCount };
    static constexpr int kLimit = 1000;

    explicit AuditTableModel(std::shared_ptr<Storage::Database> db, QObject *parent = nullptr);

    /** Reads the store again, only actions starting with @p actionPrefix (empty: every action). */
    Common::Status reload(const QString &actionPrefix = {});
    const Store::AuditEntry &entry(int row) const { return m_entries.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    std::shared_ptr<Storage::Database> m_db;
    QList<Store::AuditEntry> m_entries;
};

} // namespace Gui
