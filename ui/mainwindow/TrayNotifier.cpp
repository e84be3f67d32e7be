// SPDX-License-Identifier: GPL-3.0-or-later
#include "TrayNotifier.h"

#include "engine/SyncEngine.h"

#include <QApplication>
#include <QDateTime>
#include <QMenu>
#include <QSystemTrayIcon>
#include <QWidget>

namespace Gui {

TrayNotifier::TrayNotifier(QWidget *window, Engine::SyncEngine *engine)
    : QObject(window)
    , m_window(window)
    , m_icon(new QSystemTrayIcon(window->windowIcon(), this))
{
    auto *menu = new QMenu(window);
    menu->addAction(tr("Show CRM Bridge"), window, [window] {
        window->showNormal();
        window->raise();
        window->activateWindow();
    });
    menu->addSeparator();
    menu->addAction(tr("Quit (stops sending)"), qApp, &QApplication::quit);
    m_icon->setContextMenu(menu);
    m_icon->setToolTip(tr("CRM Bridge"));
    connect(m_icon, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
        if (reason == QSystemTrayIcon::Trigger) {
            m_window->showNormal();
            m_window->activateWindow();
        }
    });
    if (engine) {
        connect(
            engine, &Engine::SyncEngine::jobSettled, this,
            [this](qint64, const QString &state, const QString &message) { onJobSettled(state, message); });
        connect(engine, &Engine::SyncEngine::laneStateChanged, this,
                [this](qint64, Engine::LaneState state, const QString &reason) {
                    if (state == Engine::LaneState::Paused
                        && reason.contains(QLatin1String("sign"), Qt::CaseInsensitive))
                        m_icon->showMessage(tr("The CRM needs a new sign-in"), reason,
                                            QSystemTrayIcon::Warning);
                });
    }
    m_icon->show();
}

bool TrayNotifier::isAvailable()
{
    return QSystemTrayIcon::isSystemTrayAvailable();
}

void TrayNotifier::onJobSettled(const QString &state, const QString &message)
{
    if (state != QLatin1String("failed"))
        return;
    ++m_failuresSinceNotice;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (now - m_lastFailureNotice < 60'000)
        return;
    m_icon->showMessage(tr("%n job(s) failed", nullptr, m_failuresSinceNotice), message,
                        QSystemTrayIcon::Warning);
    m_lastFailureNotice = now;
    m_failuresSinceNotice = 0;
}

} // namespace Gui
