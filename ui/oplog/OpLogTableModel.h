// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/Database.h"
#include "store/OpLogRepo.h"

#include <QAbstractTableModel>
#include <memory>

namespace Gui {

/**
 * The operation log as a table, newest first. Holds only the pages the view has scrolled to: each
 * fetchMore reads the next page by keyset on (at, id) without bodies, so a log of millions of rows
 * opens and scrolls in constant time. Filters run in SQL. GUI thread; owned by the Log page.
 */
class OpLogTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        TimeColumn,
        StatusColumn,
        MethodColumn,
        UrlColumn,
        DurationColumn,
        JobColumn,
        LaneColumn,
        ErrorColumn,
        ColumnCount
    };
    enum Role { EntryIdRole = Qt::UserRole + 1 };

    explicit OpLogTableModel(std::shared_ptr<Storage::Database> db, QObject *parent = nullptr);

    void setFilter(const Store::OpLogFilter &filter);
    Store::OpLogFilter filter() const { return m_filter; }
    void setPageSize(int rows) { m_pageSize = rows; }
    /** Reads the first page again (new entries arrive at the top). */
    void reload();
    const Store::OpLogEntry &entryAt(int row) const { return m_entries.at(row); }
    QString lastError() const { return m_error; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

Q_SIGNALS:
    void reloaded();

private:
    std::shared_ptr<Storage::Database> m_db;
    Store::OpLogFilter m_filter;
    QList<Store::OpLogEntry> m_entries;
    bool m_hasMore = false;
    bool m_changing = false; ///< a reset or an insert is being announced: fetchMore waits
    int m_pageSize = 200;
    QString m_error;
};

} // namespace Gui
