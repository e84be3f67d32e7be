// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/KeysetTableModel.h"
#include "store/JobQuery.h"

#include <QHash>
#include <QIcon>
#include <QSet>
#include <memory>

namespace Gui {

/**
 * The outbox as a table, newest first, paged by keyset on the job id (see KeysetTableModel; the
 * filter runs in SQL through JobRepo, so no proxy model). A thin adapter over Store::JobRepo. Lives on
 * the GUI thread and reads the store through that thread's connection; owned by its view's page.
 */
class JobTableModel : public KeysetTableModel<Store::Job, qint64>
{
    Q_OBJECT
public:
    enum Column {
        StateColumn,
        KindColumn,
        ConnectionColumn,
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
    /** The widest values a fixed column shows, in the UI's language (to size the column by). */
    static QStringList widestValues(int column);

    void setStates(const QList<Store::JobState> &states);
    void setText(const QString &text);
    void setFingerprint(const QString &fingerprint);
    /** The filter as it stands (without paging), for actions on "the whole filter". */
    Store::JobQuery query() const;

    const Store::Job &jobAt(int row) const { return rowAt(row); }
    /**
     * Re-reads the loaded rows; keeps the rows in place when only their contents changed. With
     * @p keepRows (the operator is pointing at or has selected rows), jobs that arrived above stay out
     * and only the rows shown are updated: nothing moves under the cursor. Returns how many newer jobs
     * wait above (0 after a full reload).
     */
    int refresh(bool keepRows = false);
    /** The name of a connection as the operator gave it; empty when it is gone. */
    QString connectionName(std::optional<qint64> connectionId) const;
    /** Why a waiting job waits and when it goes next, in words ("retry 3 after: …, at 14:05"). */
    QString waitText(const Store::Job &job) const;

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void reloaded();

protected:
    Common::Result<QList<Store::Job>> readPage(std::optional<qint64> beforeId, int limit) override;
    qint64 cursorOf(const Store::Job &job) const override { return job.id; }

private:
    void reload();
    void readConnections();

    Store::JobQuery m_query;
    QHash<qint64, QString> m_connectionNames;
    QSet<qint64> m_connectionsOff;
};

} // namespace Gui
