// SPDX-License-Identifier: GPL-3.0-or-later
// `crmbridge --demo [--crm retailcrm]`: the console on the demo's store and engine; the Dashboard counts
// deals (amoCRM) or orders (RetailCRM) as the sandbox CRM gets them, within seconds of opening.
#include "DemoSession.h"
#include "TestEnv.h"
#include "common/ElidedLabel.h"
#include "dashboard/StatTile.h"
#include "engine/SyncEngine.h"
#include "mainwindow/MainWindow.h"
#include "oplog/LogPage.h"
#include "oplog/OpLogTableModel.h"

#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

class TestDemoWindow : public QObject
{
    Q_OBJECT
private:
    /** Opens the window on a demo of `crm` whose shop starts with `orders` orders, as main() does. */
    void dashboardCountsDeliveries(const QString &crm, int orders);

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        // The window reopens on the page it last showed; this test opens the Log page itself, so a
        // previous run must not leave it there.
        QSettings().remove(QStringLiteral("mainWindow/page"));
    }

    void dashboardCountsTheDemosDeals() { dashboardCountsDeliveries(QStringLiteral("amocrm"), 40); }

    /** RetailCRM takes 10 requests a second, a few per order: fewer orders to wait for. */
    void dashboardCountsTheRetailDemosOrders() { dashboardCountsDeliveries(QStringLiteral("retailcrm"), 20); }
};

void TestDemoWindow::dashboardCountsDeliveries(const QString &crm, int orders)
{
    QTemporaryDir dir;
    App::DemoOptions options;
    options.dir = dir.path();
    options.crm = crm;
    options.initialOrders = orders;
    options.newOrderEveryMs = 500;
    // Wired as main() does for --demo: the window opens when the demo runs.
    App::DemoSession demo(options);
    QVERIFY_OK(demo.prepare());
    QSignalSpy started(&demo, &App::DemoSession::started);
    demo.start();
    QVERIFY(started.wait(15000));
    Gui::MainWindow window(demo.store(), demo.engine(), demo.secrets());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.showPage(QStringLiteral("dashboardPage")); // not the page the last run left open

    auto *delivered = window.findChild<Gui::StatTile *>(QStringLiteral("todayTile"));
    QVERIFY(delivered);
    QTRY_VERIFY_WITH_TIMEOUT(delivered->value().toInt() >= orders, 20000);
    // The engine is this process's: its state is in the status bar, not "runs elsewhere".
    auto *engine = window.findChild<Gui::ElidedLabel *>(QStringLiteral("engineState"));
    QTRY_VERIFY(engine->text().contains(QStringLiteral("idle"))
                || engine->text().contains(QStringLiteral("sending")));
    // Customers keep ordering, and their orders keep arriving.
    QTRY_VERIFY_WITH_TIMEOUT(delivered->value().toInt() > orders, 20000);
    QVERIFY(demo.progress().ordersInShop > orders);
    // Signed in and mapped before the window opened: the pages show it.
    auto *token = window.findChild<Gui::ElidedLabel *>(QStringLiteral("tokenHealth"));
    QVERIFY2(!token->text().contains(QStringLiteral("Needs")), qPrintable(token->text()));

    // The Log page, opened now, shows the calls that delivered them, not only those made before it
    // opened.
    auto *log = window.findChild<Gui::LogPage *>(QStringLiteral("logPage"));
    auto newestCall = [log] { return log->model()->rowCount() > 0 ? log->model()->entryAt(0).id : 0; };
    const qint64 newestAtOpening = newestCall();
    window.showPage(QStringLiteral("logPage"));
    QTRY_VERIFY(newestCall() > newestAtOpening);

    QSignalSpy stopped(&demo, &App::DemoSession::stopped);
    demo.stop();
    QVERIFY(stopped.count() == 1 || stopped.wait(20000));
}

QTEST_MAIN(TestDemoWindow)
#include "tst_DemoWindow.moc"
