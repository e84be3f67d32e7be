// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/Database.h"

#include <QObject>
#include <memory>

class QAction;
class QSystemTrayIcon;
class QWidget;

namespace Engine {
class SyncEngine;
enum class LaneState;
} // namespace Engine

namespace Gui {

/**
 * The tray icon of a console that runs the engine: Show and Quit (which stops the engine first, so its
 * jobs are given back, then quits), a tooltip with the engine's state and the failures standing now,
 * and a notification when jobs fail (at most one a minute, counting the jobs failed now) or a CRM
 * connection needs a new sign-in (read from the connection's state, in the UI's language). Only created
 * when the desktop has a tray. GUI thread; owned by the main window.
 */
class TrayNotifier : public QObject
{
    Q_OBJECT
public:
    TrayNotifier(QWidget *window, Engine::SyncEngine *engine, std::shared_ptr<Storage::Database> db);

    static bool isAvailable();
    QSystemTrayIcon *icon() const { return m_icon; }
    QAction *quitAction() const { return m_quit; }
    /** Stops the engine (waiting at most a few seconds for its lanes), then quits the application. */
    void quit();

private:
    void onJobSettled(const QString &state, const QString &message);
    void onLaneStateChanged(qint64 connectionId, Engine::LaneState state, const QString &reason);
    void updateToolTip();
    int failedNow() const;

    QWidget *m_window;
    Engine::SyncEngine *m_engine;
    std::shared_ptr<Storage::Database> m_db;
    QSystemTrayIcon *m_icon;
    QAction *m_quit;
    QString m_engineState;
    qint64 m_lastFailureNotice = 0;
    bool m_quitting = false;
};

} // namespace Gui
