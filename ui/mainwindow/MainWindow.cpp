// SPDX-License-Identifier: GPL-3.0-or-later
#include "MainWindow.h"

#include "Sidebar.h"
#include "TrayNotifier.h"
#include "common/CredentialHealth.h"
#include "common/ElidedLabel.h"
#include "common/EngineStateText.h"
#include "common/Icons.h"
#include "connect/ConnectionsPage.h"
#include "dashboard/DashboardPage.h"
#include "engine/SyncEngine.h"
#include "history/HistoryPage.h"
#include "mapping/MappingPage.h"
#include "oplog/LogPage.h"
#include "queue/QueuePage.h"
#include "secrets/SecretStoreFactory.h"
#include "settings/SettingsPage.h"
#include "store/ConnectionRepo.h"
#include "store/LaneStatusRepo.h"

#include <QCloseEvent>
#include <QDateTime>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QScreen>
#include <QSettings>
#include <QShortcut>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTimer>

namespace Gui {

MainWindow::MainWindow(std::shared_ptr<Storage::Database> db, Engine::SyncEngine *engine,
                       std::shared_ptr<Secrets::SecretStore> secrets,
                       std::shared_ptr<const Source::SourceRegistry> sources, QWidget *parent)
    : QMainWindow(parent)
    , m_db(std::move(db))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("CRM Bridge"));
    setWindowIcon(themedIcon(QStringLiteral("network-workgroup"), QStringLiteral("app")));

    auto *central = new QWidget(this);
    auto *layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    m_sidebar = new Sidebar(central);
    m_pages = new QStackedWidget(central);
    m_pages->setObjectName(QStringLiteral("pages"));
    layout->addWidget(m_sidebar);
    auto *separator = new QFrame(central);
    separator->setFrameShape(QFrame::VLine);
    separator->setFrameShadow(QFrame::Sunken);
    layout->addWidget(separator);
    layout->addWidget(m_pages, 1);
    setCentralWidget(central);

    auto *dashboard = new DashboardPage(m_db, this);
    addPage(dashboard, themedIcon(QStringLiteral("view-statistics"), QStringLiteral("dashboard")),
            tr("Dashboard"), 1);
    if (!secrets)
        secrets = Secrets::SecretStoreFactory::forDesktop();
    addPage(new ConnectionsPage(m_db, secrets, std::move(sources), this),
            themedIcon(QStringLiteral("network-connect"), QStringLiteral("connections")), tr("Connections"),
            2);
    addPage(new MappingPage(m_db, this),
            themedIcon(QStringLiteral("document-properties"), QStringLiteral("mapping")), tr("Mapping"), 3);
    auto *queue = new QueuePage(m_db, engine, this);
    addPage(queue, themedIcon(QStringLiteral("view-list-details"), QStringLiteral("queue")), tr("Queue"), 4);
    auto *log = new LogPage(m_db, this);
    addPage(log, themedIcon(QStringLiteral("text-x-generic"), QStringLiteral("log")), tr("Log"), 5);
    addPage(new HistoryPage(m_db, this),
            themedIcon(QStringLiteral("document-open-recent"), QStringLiteral("history")), tr("History"), 6);
    addPage(new SettingsPage(m_db, this),
            themedIcon(QStringLiteral("preferences-system"), QStringLiteral("settings")), tr("Settings"), 7);
    connect(dashboard, &DashboardPage::failureGroupActivated, this,
            [this, queue](const QString &fingerprint) {
                queue->showFailureGroup(fingerprint);
                showPage(queue->objectName());
            });
    connect(dashboard, &DashboardPage::jobStateActivated, this, [this, queue](Store::JobState state) {
        queue->showState(state);
        showPage(queue->objectName());
    });
    connect(queue, &QueuePage::logRequested, this, [this, log](qint64 jobId) {
        log->showJob(jobId);
        showPage(log->objectName());
    });
    connect(log, &LogPage::jobRequested, this, [this, queue](qint64 jobId) {
        queue->showJob(jobId);
        showPage(queue->objectName());
    });

    connect(m_sidebar, &QListWidget::currentRowChanged, m_pages, &QStackedWidget::setCurrentIndex);
    m_sidebar->setCurrentRow(0);
    // The page the operator last looked at comes back with the window.
    showPage(QSettings().value(QStringLiteral("mainWindow/page")).toString());
    connect(m_sidebar, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0)
            QSettings().setValue(QStringLiteral("mainWindow/page"), m_pages->widget(row)->objectName());
    });

    // Each item shrinks with an ellipsis (full text in its tooltip) rather than being cut off; the
    // store's address gives way first.
    m_engineLabel = new ElidedLabel(this);
    m_engineLabel->setObjectName(QStringLiteral("engineState"));
    m_tokenLabel = new ElidedLabel(this);
    m_tokenLabel->setObjectName(QStringLiteral("tokenHealth"));
    m_storeLabel = new ElidedLabel(this);
    m_storeLabel->setObjectName(QStringLiteral("storeLabel"));
    m_storeLabel->setText(tr("Store: %1").arg(m_db->url().toDisplayString()));
    statusBar()->addWidget(m_engineLabel);
    statusBar()->addWidget(m_tokenLabel);
    statusBar()->addWidget(m_storeLabel, 1);
    m_engine = engine;
    if (engine) {
        m_engineLabel->setText(tr("Engine: %1").arg(EngineStateText::lane(Engine::LaneState::Starting)));
        connect(engine, &Engine::SyncEngine::laneStateChanged, this,
                [this](qint64, Engine::LaneState state, const QString &reason) {
                    m_engineLabel->setText(
                        reason.isEmpty() ? tr("Engine: %1").arg(EngineStateText::lane(state))
                                         : tr("Engine: %1 (%2)").arg(EngineStateText::lane(state), reason));
                });
        if (TrayNotifier::isAvailable())
            m_tray = new TrayNotifier(this, engine, m_db);
    }
    auto *health = new QTimer(this);
    connect(health, &QTimer::timeout, this, &MainWindow::refreshTokenHealth);
    health->start(10'000);
    refreshTokenHealth();

    restoreWindowState();
}

void MainWindow::addPage(QWidget *page, const QIcon &icon, const QString &title, int shortcutNumber)
{
    const int index = m_pages->addWidget(page);
    const QKeySequence keys(QStringLiteral("Ctrl+%1").arg(shortcutNumber));
    m_sidebar->addPage(page->objectName(), icon, title, keys.toString(QKeySequence::NativeText));
    auto *shortcut = new QShortcut(keys, this);
    connect(shortcut, &QShortcut::activated, this, [this, index] { m_sidebar->setCurrentRow(index); });
}

void MainWindow::showPage(const QString &objectName)
{
    for (int i = 0; i < m_pages->count(); ++i) {
        if (m_pages->widget(i)->objectName() == objectName)
            m_sidebar->setCurrentRow(i);
    }
}

void MainWindow::restoreWindowState()
{
    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("mainWindow/geometry")).toByteArray())) {
        // Every page is laid out for 1280×800; a smaller screen gets what it has.
        QSize size(1280, 800);
        if (const QScreen *screen = QGuiApplication::primaryScreen())
            size = size.boundedTo(screen->availableSize());
        resize(size);
    }
    restoreState(settings.value(QStringLiteral("mainWindow/state")).toByteArray());
}

void MainWindow::refreshTokenHealth()
{
    if (!m_engine)
        refreshEngineFromStore();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const CredentialHealth health = CredentialHealth::fromStore(m_db, now);
    m_tokenLabel->setText(health.statusText(now));
    m_tokenLabel->setTextColour(health.level == CredentialHealth::Level::Problem ? QColor(0xc0, 0x39, 0x2b)
                                    : health.level == CredentialHealth::Level::Warning
                                    ? QColor(0xb9, 0x77, 0x0e)
                                    : QColor());
}

void MainWindow::refreshEngineFromStore()
{
    // Lanes report a heartbeat every few seconds; one silent for a minute is gone.
    auto lanes = Store::LaneStatusRepo(m_db).all();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QStringList states;
    if (lanes) {
        for (const Store::LaneStatus &lane : lanes.value()) {
            if (lane.kind == Store::LaneStatus::Kind::Send && now - lane.heartbeatAt < 60'000
                && !states.contains(lane.state))
                states << lane.state;
        }
    }
    if (states.isEmpty()) {
        m_engineLabel->setText(tr("Engine: not running"));
        return;
    }
    // The most telling state of all the lanes: paused needs the operator, sending is progress.
    for (const auto state :
         { Engine::LaneState::Paused, Engine::LaneState::Sending, Engine::LaneState::Starting,
           Engine::LaneState::Idle, Engine::LaneState::Stopped }) {
        if (states.contains(Engine::laneStateName(state))) {
            m_engineLabel->setText(tr("Engine: %1").arg(EngineStateText::lane(state)));
            return;
        }
    }
    m_engineLabel->setText(tr("Engine: %1").arg(states.first()));
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings settings;
    settings.setValue(QStringLiteral("mainWindow/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("mainWindow/state"), saveState());
    // With an engine and a tray, closing hides the window and the engine keeps sending.
    if (m_tray && SettingsPage::closeToTray()) {
        hide();
        event->ignore();
        return;
    }
    QMainWindow::closeEvent(event);
}

} // namespace Gui
