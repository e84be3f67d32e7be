// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/Database.h"

#include <QWidget>
#include <memory>

class QLabel;
class QTimer;

namespace Gui {

class StatTile;

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

private:
    std::shared_ptr<Storage::Database> m_db;
    StatTile *m_pending;
    StatTile *m_running;
    StatTile *m_done;
    StatTile *m_failed;
    StatTile *m_oldest;
    QLabel *m_problem;
    QTimer *m_timer;
};

} // namespace Gui
