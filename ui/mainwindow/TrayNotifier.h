// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

class QSystemTrayIcon;
class QWidget;

namespace Engine {
class SyncEngine;
}

namespace Gui {

/**
 * The tray icon of a console that runs the engine: Show and Quit, and a notification when jobs fail
 * (at most one a minute) or a CRM connection needs a new sign-in. Only created when the desktop has a
 * tray. GUI thread; owned by the main window.
 */
class TrayNotifier : public QObject
{
    Q_OBJECT
public:
    TrayNotifier(QWidget *window, Engine::SyncEngine *engine);

    static bool isAvailable();
    QSystemTrayIcon *icon() const { return m_icon; }

private:
    void onJobSettled(const QString &state, const QString &message);

    QWidget *m_window;
    QSystemTrayIcon *m_icon;
    qint64 m_lastFailureNotice = 0;
    int m_failuresSinceNotice = 0;
};

} // namespace Gui
