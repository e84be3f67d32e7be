// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/Database.h"
#include "store/Job.h"

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
    /** Shows one job (from the Log): the queue narrowed to its order, the job selected. */
    void showJob(qint64 jobId);
    /** Shows the jobs in one state (from the dashboard's tiles: Failed → the failures). */
    void showState(Store::JobState state);

Q_SIGNALS:
    /** The operator asked to see the log entries of a job. */
    void logRequested(qint64 jobId);

private:
    enum class Action { Resend, Cancel };
    /** Resend and cancel only act on jobs waiting or failed: a delivered job is never sent again. */
    static bool actsOn(const Store::Job &job);
    QList<qint64> selectedIds(bool actionableOnly = false) const;
    /** The filter's jobs an action acts on (waiting or failed), every page of them, by id. */
    QList<qint64> idsInFilter() const;
    int countInFilter() const;
    void act(Action action, const QList<qint64> &ids, int leftAlone);
    void showGroupAdvice();
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
    QLabel *m_groupAdvice;
    QPushButton *m_newJobs;
    QLabel *m_result;
    QTimer *m_timer;
    QTimer *m_settledDebounce;
};

} // namespace Gui
