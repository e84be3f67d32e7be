// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Clock.h"
#include "storage/Database.h"

#include <QHash>
#include <QWidget>
#include <memory>

class QLabel;
class QProgressBar;
class QVBoxLayout;

namespace Gui {

/**
 * The historic loads under way (`crmbridgectl source load`, Engine::HistoricLoad): one row per shop
 * source with a load not yet settled — a bar of the load's jobs the CRMs have settled, and in words
 * how many orders were read of how many, sent, failed, the rate and the time left, or that it has
 * stalled (nothing settled for a minute: no engine is sending). Hidden when no load
 * is under way. Read from the store (the load and the engine may run elsewhere). GUI thread.
 */
class LoadProgressPanel : public QWidget
{
    Q_OBJECT
public:
    explicit LoadProgressPanel(std::shared_ptr<Storage::Database> db, QWidget *parent = nullptr,
                               const Common::Clock *clock = Common::Clock::system());

    void refresh();

private:
    struct Row
    {
        QLabel *text = nullptr;
        QProgressBar *bar = nullptr;
    };
    Row &rowFor(const QString &source);

    std::shared_ptr<Storage::Database> m_db;
    const Common::Clock *m_clock;
    QVBoxLayout *m_rows;
    QHash<QString, Row> m_shown;
};

} // namespace Gui
