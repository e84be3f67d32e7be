// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/Database.h"
#include "store/JobQuery.h"

#include <QAbstractTableModel>
#include <QIcon>
#include <memory>

namespace Gui {

/**
 * The outbox as a table, newest first, paged by keyset from SQL (fetchMore loads the next page; the
 * filter runs in SQL through JobRepo, so no proxy model). A thin adapter over Store::JobRepo. Lives on
 * the GUI thread and reads the store through that thread's connection; owned by its view's page.
 */
class JobTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        StateColumn,
        KindColumn,
        ReferenceColumn,
        CustomerColumn,
        AttemptsColumn,
        NextAttemptColumn,
        ErrorColumn,
        ColumnCount
    };
    enum Role { JobIdRole = Qt::UserRole + 1 };

    explicit JobTableModel(std::shared_ptr<Storage::Database> db, QObject *parent = nullptr);

    static QString stateText(Store::JobState state);
    static QIcon stateIcon(Store::JobState state);

    void setStates(const QList<Store::JobState> &states);
    void setText(const QString &text);
    void setFingerprint(const QString &fingerprint);
    /** The filter as it stands (without paging), for actions on "the whole filter". */
    Store::JobQuery query() const;
    void setPageSize(int rows) { m_pageSize = rows; }

    const Store::Job &jobAt(int row) const { return m_jobs.at(row); }
    /** Re-reads the loaded rows; keeps the rows in place when only their contents changed. */
    void refresh();
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
    void reload();

    std::shared_ptr<Storage::Database> m_db;
    Store::JobQuery m_query;
    QList<Store::Job> m_jobs;
    bool m_hasMore = false;
    bool m_changing = false; ///< a reset or an insert is being announced: fetchMore waits
    int m_pageSize = 200;
    QString m_error;
};

} // namespace Gui
