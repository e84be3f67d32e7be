// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/KeysetTableModel.h"
#include "store/OpLogRepo.h"

#include <memory>

namespace Gui {

/**
 * The operation log as a table, newest first, paged by keyset on (at, id) without bodies (see
 * KeysetTableModel), so a log of millions of rows opens and scrolls in constant time. Filters run in SQL. A
 * free-text search of three characters or more goes through the trigram index over every call; a shorter one
 * (a LIKE that no index serves) looks only at a window of the newest scanWindow() calls, so a search that
 * matches nothing still answers at once; searchOlder() moves the window down the log by as much again. GUI
 * thread; owned by the Log page.
 */
class OpLogTableModel : public KeysetTableModel<Store::OpLogEntry, Store::OpLogCursor>
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
    /** How many calls one step of a free-text search looks through. */
    void setScanWindow(int rows) { m_scanWindow = rows; }
    int scanWindow() const { return m_scanWindow; }
    /** A free-text search that has older calls left to look through (see searchOlder). */
    bool hasOlderToSearch() const { return m_filter.floor.has_value(); }
    /** The time of the oldest call a free-text search has looked at so far (0: every call). */
    qint64 searchedBackToMs() const { return m_filter.floor ? m_filter.floor->atMs : 0; }
    /** How many calls the free-text search has looked through so far, at most. */
    qint64 searchedRows() const { return m_searchedRows; }
    /** Extends a free-text search by one more window of older calls; matches there are appended. */
    void searchOlder();
    /** Reads the first page again (new entries arrive at the top). */
    void reload();
    const Store::OpLogEntry &entryAt(int row) const { return rowAt(row); }
    /** The widest values a fixed column shows, in the UI's language (to size the column by). */
    static QStringList widestValues(int column);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void reloaded();
    /** searchOlder() looked further back (rows may have been appended). */
    void searchExtended();

protected:
    Common::Result<QList<Store::OpLogEntry>> readPage(std::optional<Store::OpLogCursor> after,
                                                      int limit) override;
    Store::OpLogCursor cursorOf(const Store::OpLogEntry &entry) const override
    {
        return { entry.atMs, entry.id };
    }

private:
    Store::OpLogFilter m_filter;
    int m_scanWindow = 100'000;
    qint64 m_searchedRows = 0;
};

} // namespace Gui
