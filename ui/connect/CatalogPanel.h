// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/Database.h"
#include "store/ConnectionRepo.h"

#include <QWidget>
#include <memory>

class QLabel;
class QPushButton;
class QTimer;

namespace Gui {

/**
 * The shop's products in one amoCRM connection's catalogue: the last run of each shop (when, how many
 * products, created, updated, retired, failed), how many products are linked, the schedule and the
 * removed-products policy, the failed runs waiting in the queue, and "Sync now", which queues a run
 * the engine sends (Engine::CatalogJobs, as `crmbridgectl catalog sync` does). Reads the store every
 * few seconds while shown. GUI thread; owned by the Connections page.
 */
class CatalogPanel : public QWidget
{
    Q_OBJECT
public:
    explicit CatalogPanel(std::shared_ptr<Storage::Database> db, QWidget *parent = nullptr);

    void setConnection(const Store::Connection &connection);

public Q_SLOTS:
    void refresh();
    /** Queues a catalogue run of every shop that sends to the connection. */
    void syncNow();

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    std::shared_ptr<Storage::Database> m_db;
    Store::Connection m_connection;
    QLabel *m_summary;
    QLabel *m_runs;
    QPushButton *m_sync;
    QTimer *m_timer;
};

} // namespace Gui
