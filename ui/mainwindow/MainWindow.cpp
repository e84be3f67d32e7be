// SPDX-License-Identifier: GPL-3.0-or-later
#include "MainWindow.h"

#include "Sidebar.h"
#include "dashboard/DashboardPage.h"

#include <QCloseEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QSettings>
#include <QShortcut>
#include <QStackedWidget>
#include <QStatusBar>

namespace Gui {

MainWindow::MainWindow(std::shared_ptr<Storage::Database> db, QWidget *parent)
    : QMainWindow(parent)
    , m_db(std::move(db))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("CRM Bridge"));
    setWindowIcon(QIcon::fromTheme(QStringLiteral("network-workgroup")));

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

    addPage(new DashboardPage(m_db, this), QIcon::fromTheme(QStringLiteral("view-statistics")),
            tr("Dashboard"), 1);

    connect(m_sidebar, &QListWidget::currentRowChanged, m_pages, &QStackedWidget::setCurrentIndex);
    m_sidebar->setCurrentRow(0);

    m_storeLabel = new QLabel(tr("Store: %1").arg(m_db->url().toDisplayString()), this);
    m_storeLabel->setObjectName(QStringLiteral("storeLabel"));
    statusBar()->addPermanentWidget(m_storeLabel);

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
    if (!restoreGeometry(settings.value(QStringLiteral("mainWindow/geometry")).toByteArray()))
        resize(1100, 720);
    restoreState(settings.value(QStringLiteral("mainWindow/state")).toByteArray());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings settings;
    settings.setValue(QStringLiteral("mainWindow/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("mainWindow/state"), saveState());
    QMainWindow::closeEvent(event);
}

} // namespace Gui
