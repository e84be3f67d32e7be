// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/Database.h"

#include <QMainWindow>
#include <memory>

class QLabel;
class QStackedWidget;

namespace Gui {

class Sidebar;

/**
 * The operator's console: a sidebar of pages and a status bar. Lives on the GUI thread; owns its
 * pages. Reads the store through the GUI thread's own connection and never does network work.
 */
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(std::shared_ptr<Storage::Database> db, QWidget *parent = nullptr);

    /** Shows the page with that objectName ("dashboardPage", …). */
    void showPage(const QString &objectName);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void addPage(QWidget *page, const QIcon &icon, const QString &title, int shortcutNumber);
    void restoreWindowState();

    std::shared_ptr<Storage::Database> m_db;
    Sidebar *m_sidebar = nullptr;
    QStackedWidget *m_pages = nullptr;
    QLabel *m_storeLabel = nullptr;
};

} // namespace Gui
