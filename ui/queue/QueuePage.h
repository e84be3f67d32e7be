// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/Database.h"

#include <QWidget>
#include <memory>

class QLabel;
class QLineEdit;
class QListView;
class QPushButton;
class QTableView;
class QTimer;

namespace Engine {
class SyncEngine;
}

namespace Gui {

class FailureGroupModel;
class JobDetailPane;
class JobTableModel;
class StateChips;

/**
 * The Queue page: the outbox filtered by state chips, a search box and failure groups; resend or
 * cancel one job, a selection, the whole filter or a failure group, each with a count preview and a
 * result; the selected job's attempts and payload. GUI thread; owned by the main window. Refreshes
 * every few seconds and, when given an engine, when a job settles.
 */
class QueuePage : public QWidget
{
    Q_OBJECT
public:
    explicit QueuePage(std::shared_ptr<Storage::Database> db, Engine::SyncEngine *engine = nullptr,
                       QWidget *parent = nullptr);

    JobTableModel *model() const { return m_model; }

public Q_SLOTS:
    void refresh();
    void resendSelected();
    void cancelSelected();
    void resendFilter();
    void cancelFilter();
    void resendGroup();
    /** Shows the failed jobs of one cause (from the dashboard). */
    void showFailureGroup(const QString &fingerprint);

Q_SIGNALS:
    /** The operator asked to see the log entries of a job. */
    void logRequested(qint64 jobId);

private:
    enum class Action { Resend, Cancel };
    QList<qint64> selectedIds() const;
    QList<qint64> idsInFilter() const;
    void act(Action action, const QList<qint64> &ids);
    void onGroupClicked();
    void onSelectionChanged();
    void showResult(const QString &text, bool problem = false);

    std::shared_ptr<Storage::Database> m_db;
    JobTableModel *m_model;
    FailureGroupModel *m_groups;
    StateChips *m_chips;
    QLineEdit *m_search;
    QTableView *m_table;
    QListView *m_groupView;
    JobDetailPane *m_detail;
    QPushButton *m_resendSelected;
    QPushButton *m_cancelSelected;
    QPushButton *m_resendFilter;
    QPushButton *m_cancelFilter;
    QPushButton *m_resendGroup;
    QPushButton *m_clearGroup;
    QLabel *m_result;
    QTimer *m_timer;
    QTimer *m_settledDebounce;
};

} // namespace Gui
