// SPDX-License-Identifier: GPL-3.0-or-later
#include "TrayNotifier.h"

#include "common/CredentialHealth.h"
#include "common/EngineStateText.h"
#include "engine/SyncEngine.h"
#include "store/ConnectionRepo.h"
#include "store/JobRepo.h"

#include <QApplication>
#include <QDateTime>
#include <QMenu>
#include <QSystemTrayIcon>
#include <QTimer>
#include <QWidget>

namespace Gui {

namespace {
/** How long Quit waits for the lanes to give their jobs back before quitting anyway. */
constexpr int kStopWaitMs = 15'000;
} // namespace

TrayNotifier::TrayNotifier(QWidget *window, Engine::SyncEngine *engine, std::shared_ptr<Storage::Database> db)
    : QObject(window)
    , m_window(window)
    , m_engine(engine)
    , m_db(std::move(db))
    , m_icon(new QSystemTrayIcon(window->windowIcon(), this))
{
    auto *menu = new QMenu(window);
    menu->addAction(tr("Show CRM Bridge"), window, [window] {
        window->showNormal();
        window->raise();
        window->activateWindow();
    });
    menu->addSeparator();
    m_quit = menu->addAction(tr("Quit (stops sending)"), this, &TrayNotifier::quit);
    m_quit->setObjectName(QStringLiteral("trayQuit"));
    m_icon->setContextMenu(menu);
    connect(m_icon, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
        if (reason == QSystemTrayIcon::Trigger) {
            m_window->showNormal();
            m_window->activateWindow();
        }
    });
    if (engine) {
        m_engineState = EngineStateText::lane(Engine::LaneState::Starting);
        connect(
            engine, &Engine::SyncEngine::jobSettled, this,
            [this](qint64, const QString &state, const QString &message) { onJobSettled(state, message); });
        connect(engine, &Engine::SyncEngine::laneStateChanged, this, &TrayNotifier::onLaneStateChanged);
        connect(engine, &Engine::SyncEngine::countsMeasured, this, &TrayNotifier::updateToolTip);
    }
    updateToolTip();
    m_icon->show();
}

bool TrayNotifier::isAvailable()
{
    return QSystemTrayIcon::isSystemTrayAvailable();
}

void TrayNotifier::quit()
{
    if (m_quitting)
        return;
    m_quitting = true;
    m_quit->setEnabled(false);
    m_icon->setToolTip(tr("CRM Bridge: stopping…"));
    if (!m_engine) {
        QCoreApplication::quit();
        return;
    }
    // The lanes finish the round in flight and give their leased jobs back; then the application goes.
    connect(m_engine, &Engine::SyncEngine::stopped, qApp, &QCoreApplication::quit, Qt::QueuedConnection);
    QTimer::singleShot(kStopWaitMs, qApp, &QCoreApplication::quit);
    m_engine->stop();
}

int TrayNotifier::failedNow() const
{
    auto counts = Store::JobRepo(m_db).countsByState();
    return counts ? counts->value(Store::JobState::Failed) : 0;
}

void TrayNotifier::updateToolTip()
{
    if (m_quitting)
        return;
    QStringList lines { tr("CRM Bridge") };
    if (!m_engineState.isEmpty())
        lines << tr("Engine: %1").arg(m_engineState);
    if (const int failed = failedNow(); failed > 0)
        lines << tr("%n job(s) failed", nullptr, failed);
    m_icon->setToolTip(lines.join(QLatin1Char('\n')));
}

void TrayNotifier::onLaneStateChanged(qint64 connectionId, Engine::LaneState state, const QString &reason)
{
    m_engineState = reason.isEmpty() ? EngineStateText::lane(state)
                                     : QStringLiteral("%1 (%2)").arg(EngineStateText::lane(state), reason);
    updateToolTip();
    if (state != Engine::LaneState::Paused)
        return;
    // Whether a sign-in is the cause comes from the store (the connection's state and its credentials'
    // expiry), never from the reason's words, which are in the UI's language.
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const CredentialHealth health = CredentialHealth::fromStore(m_db, now);
    auto connection = Store::ConnectionRepo(m_db).byId(connectionId);
    if (health.level != CredentialHealth::Level::Problem || !connection
        || health.connectionName != connection->name)
        return;
    m_icon->showMessage(tr("The CRM needs a new sign-in"),
                        tr("%1\nSign in again on the Connections page.").arg(health.statusText(now)),
                        QSystemTrayIcon::Warning);
}

void TrayNotifier::onJobSettled(const QString &state, const QString &message)
{
    if (state != QLatin1String("failed"))
        return;
    updateToolTip();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (now - m_lastFailureNotice < 60'000)
        return;
    // Jobs failed now, not every failure since the last notice: resent ones that went through drop out.
    const int failed = failedNow();
    if (failed == 0)
        return;
    m_icon->showMessage(tr("%n job(s) failed", nullptr, failed), message, QSystemTrayIcon::Warning);
    m_lastFailureNotice = now;
}

} // namespace Gui
