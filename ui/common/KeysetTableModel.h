// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Result.h"
#include "storage/Database.h"

#include <QAbstractTableModel>
#include <QList>
#include <QString>
#include <memory>
#include <optional>

namespace Gui {

/**
 * A table over a store query that may hold millions of rows, newest first: it holds only the pages the
 * view has scrolled to, and each fetchMore reads the next page by keyset (the Cursor of the last row
 * shown), so it opens and scrolls in constant time. Subclasses say how a page is read (readPage) and
 * what a row's cursor is (cursorOf), and add their columns. GUI thread; reads the store through the
 * GUI thread's connection.
 */
template<typename Row, typename Cursor> class KeysetTableModel : public QAbstractTableModel
{
public:
    void setPageSize(int rows) { m_pageSize = rows; }
    QString lastError() const { return m_error; }
    const Row &rowAt(int row) const { return m_rows.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override
    {
        return parent.isValid() ? 0 : int(m_rows.size());
    }
    bool canFetchMore(const QModelIndex &parent) const override
    {
        return !parent.isValid() && m_hasMore && !m_changing;
    }
    void fetchMore(const QModelIndex &parent) override
    {
        if (parent.isValid() || !m_hasMore || m_changing || m_rows.isEmpty())
            return;
        appendPage(cursorOf(m_rows.last()));
    }

protected:
    KeysetTableModel(std::shared_ptr<Storage::Database> db, QObject *parent)
        : QAbstractTableModel(parent)
        , m_db(std::move(db))
    { }

    /** Up to limit rows after the cursor (none: from the top), newest first. */
    virtual Common::Result<QList<Row>> readPage(std::optional<Cursor> after, int limit) = 0;
    virtual Cursor cursorOf(const Row &row) const = 0;

    /** Reads the first page again (a model reset). */
    void resetToFirstPage() { resetRows(readPage(std::nullopt, m_pageSize), m_pageSize); }

    /** Replaces every row with @p page (read with @p limit: a full page means more may follow). */
    void resetRows(const Common::Result<QList<Row>> &page, int limit)
    {
        m_changing = true;
        beginResetModel();
        m_rows.clear();
        m_error = page ? QString() : page.error().message;
        if (page)
            m_rows = page.value();
        m_hasMore = page && m_rows.size() == limit;
        endResetModel();
        m_changing = false;
    }

    /** Appends the page after @p after. */
    void appendPage(std::optional<Cursor> after)
    {
        auto page = readPage(after, m_pageSize);
        if (!page) {
            m_error = page.error().message;
            m_hasMore = false;
            return;
        }
        m_hasMore = page->size() == m_pageSize;
        if (page->isEmpty())
            return;
        m_changing = true;
        beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + page->size()) - 1);
        m_rows.append(page.value());
        endInsertRows();
        m_changing = false;
    }

    std::shared_ptr<Storage::Database> m_db;
    QList<Row> m_rows;
    bool m_hasMore = false;
    bool m_changing = false; ///< a reset or an insert is being announced: fetchMore waits
    int m_pageSize = 200;
    QString m_error;
};

} // namespace Gui
