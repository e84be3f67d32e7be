// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/Database.h"

#include <QMainWindow>
#include <memory>

class QStackedWidget;

namespace Engine {
class SyncEngine;
enum class LaneState;
} // namespace Engine
namespace Source {
class SourceRegistry;
}

namespace Secrets {
class SecretStore;
}

namespace Gui {

class ElidedLabel;
class Sidebar;
class TrayNotifier;

/**
 * The operator's console: a sidebar of pages and a status bar. Lives on the GUI thread; owns its
 * pages. Reads the store through the GUI thread's own connection and never does network work.
 */
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    /** engine: the embedded engine, when this process runs one (refreshes on its signals);
     *  secrets: where credentials live (null: the desktop keychain); sources: the shop platforms this
     *  build reads (the app registers them; null: none, no shop can be added). */
    explicit MainWindow(std::shared_ptr<Storage::Database> db, Engine::SyncEngine *engine = nullptr,
                        std::shared_ptr<Secrets::SecretStore> secrets = nullptr,
                        std::shared_ptr<const Source::SourceRegistry> sources = nullptr,
                        QWidget *parent = nullptr);

    /** Shows the page with that objectName ("dashboardPage", …). */
    void showPage(const QString &objectName);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void addPage(QWidget *page, const QIcon &icon, const QString &title, int shortcutNumber);
    void restoreWindowState();
    void refreshTokenHealth();
    /** Without an embedded engine: what the engines on this store last reported. */
    void refreshEngineFromStore();

    std::shared_ptr<Storage::Database> m_db;
    Sidebar *m_sidebar = nullptr;
    QStackedWidget *m_pages = nullptr;
    ElidedLabel *m_storeLabel = nullptr;
    ElidedLabel *m_engineLabel = nullptr;
    ElidedLabel *m_tokenLabel = nullptr;
    Engine::SyncEngine *m_engine = nullptr;
    TrayNotifier *m_tray = nullptr;
};

} // namespace Gui
