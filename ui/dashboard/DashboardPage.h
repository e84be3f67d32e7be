// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/Database.h"
#include "store/Job.h"

#include <QWidget>
#include <memory>

class QLabel;
class QListView;
class QTimer;

namespace Gui {

class FailureGroupModel;
class LoadProgressPanel;
class StatTile;
class ThroughputChart;

/**
 * The first page: how the queue stands, read from the store every few seconds (the engine may run in
 * another process or on another machine, so the store is the source of truth). GUI thread.
 */
class DashboardPage : public QWidget
{
    Q_OBJECT
public:
    explicit DashboardPage(std::shared_ptr<Storage::Database> db, QWidget *parent = nullptr);

public Q_SLOTS:
    void refresh();

Q_SIGNALS:
    /** The operator picked one of the latest failures: show its jobs in the Queue. */
    void failureGroupActivated(const QString &fingerprint);
    /** The operator clicked a tile of jobs in a state (Waiting, Failed, Delivered): show them in the Queue.
     */
    void jobStateActivated(Store::JobState state);

private:
    void refreshRate(qint64 now);
    void refreshToken(qint64 now);

    std::shared_ptr<Storage::Database> m_db;
    StatTile *m_pending;
    StatTile *m_running;
    StatTile *m_done;
    StatTile *m_failed;
    StatTile *m_oldest;
    StatTile *m_today;
    StatTile *m_rate;
    StatTile *m_token;
    StatTile *m_shops; ///< the shop pollers, see WorkerReadings
    StatTile *m_lanes; ///< the CRM lanes
    ThroughputChart *m_chart;
    FailureGroupModel *m_failures;
    QListView *m_failureView;
    QLabel *m_noFailures; ///< said instead of an empty list
    QLabel *m_problem;
    LoadProgressPanel *m_loads; ///< historic loads under way
    QTimer *m_timer;
};

} // namespace Gui
