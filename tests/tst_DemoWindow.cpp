// SPDX-License-Identifier: GPL-3.0-or-later
// `crmbridge --demo [--crm retailcrm]`: the console on the demo's store and engine; the Dashboard counts
// deals (amoCRM) or orders (RetailCRM) as the sandbox CRM gets them, within seconds of opening.
#include "DemoSession.h"
#include "TestEnv.h"
#include "common/ElidedLabel.h"
#include "dashboard/StatTile.h"
#include "engine/SyncEngine.h"
#include "mainwindow/MainWindow.h"
#include "oplog/LogDetailPane.h"
#include "oplog/LogPage.h"
#include "oplog/OpLogTableModel.h"
#include "queue/JobDetailPane.h"
#include "queue/QueuePage.h"
#include "store/ConnectionRepo.h"
#include "store/EntityLinkRepo.h"
#include "store/JobRepo.h"

#include <QDesktopServices>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

/** Stands in for the desktop's browser: records the addresses the console asks it to open. */
class UrlCatcher : public QObject
{
    Q_OBJECT
public:
    QList<QUrl> opened;
public Q_SLOTS:
    void open(const QUrl &url) { opened << url; }
};

class TestDemoWindow : public QObject
{
    Q_OBJECT
private:
    /** Opens the window on a demo of `crm` whose shop starts with `orders` orders, as main() does. */
    void dashboardCountsDeliveries(const QString &crm, int orders);
    /** The Done-when step: an order found in the Log by the number the shop shows ("2612/63"), its
     *  job opened from the call, and its deal (order) opened in the CRM's web interface. */
    void findAnOrderInTheLogAndOpenItsDeal(const QString &crm, const QString &dealPath);

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

    void findAnAmoOrderInTheLogAndOpenItsDeal()
    {
        findAnOrderInTheLogAndOpenItsDeal(QStringLiteral("amocrm"), QStringLiteral("/leads/detail/%1"));
    }
    void findARetailOrderInTheLogAndOpenIt()
    {
        findAnOrderInTheLogAndOpenItsDeal(QStringLiteral("retailcrm"), QStringLiteral("/orders/%1/edit"));
    }
};

void TestDemoWindow::findAnOrderInTheLogAndOpenItsDeal(const QString &crm, const QString &dealPath)
{
    QTemporaryDir dir;
    App::DemoOptions options;
    options.dir = dir.path();
    options.crm = crm;
    options.initialOrders = 12;
    options.newOrderEveryMs = 0;
    options.managerEveryMs = 0;
    App::DemoSession demo(options);
    QVERIFY_OK(demo.prepare());
    QSignalSpy started(&demo, &App::DemoSession::started);
    demo.start();
    QVERIFY(started.wait(15000));
    Gui::MainWindow window(demo.store(), demo.engine(), demo.secrets());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    // A delivered order, by the number the shop shows (the demo's look like "2612/63").
    Store::JobRepo jobs(demo.store());
    Store::JobQuery delivered;
    delivered.states = { Store::JobState::Done };
    QTRY_VERIFY_WITH_TIMEOUT(jobs.count(delivered).valueOr(0) >= 12, 30000);
    Store::Job job;
    for (const Store::Job &j : jobs.search(delivered).value()) {
        if (j.kind == QLatin1String("order.created"))
            job = j;
    }
    QVERIFY2(job.reference.contains(QLatin1Char('/')), qPrintable(job.reference));

    window.showPage(QStringLiteral("logPage"));
    auto *log = window.findChild<Gui::LogPage *>(QStringLiteral("logPage"));
    log->findChild<QLineEdit *>(QStringLiteral("logSearch"))->setText(job.reference);
    QTRY_COMPARE(log->model()->filter().key, job.reference); // a whole key: an index lookup
    QVERIFY(log->model()->rowCount() >= 1);
    // Each call found carried a job of that order (a batch call carries other orders' too), and one
    // of them carried the job that made the deal.
    auto *table = log->findChild<QTableView *>(QStringLiteral("logTable"));
    auto *detail = log->findChild<Gui::LogDetailPane *>(QStringLiteral("logDetail"));
    bool carriedTheCreate = false;
    for (int row = 0; row < log->model()->rowCount(); ++row) {
        table->selectRow(row);
        const Store::OpLogEntry call = log->model()->entryAt(row);
        QTRY_VERIFY2(!detail->jobIds().isEmpty(),
                     qPrintable(QStringLiteral("%1 %2 [%3]").arg(call.method, call.url, call.keys)));
        bool ofTheOrder = false;
        for (qint64 id : detail->jobIds())
            ofTheOrder = ofTheOrder || jobs.get(id)->reference == job.reference;
        QStringList refs;
        for (qint64 id : detail->jobIds())
            refs << QStringLiteral("%1=%2").arg(id).arg(jobs.get(id)->reference);
        QVERIFY2(ofTheOrder,
                 qPrintable(QStringLiteral("call %1 %2 [%3] jobs %4 looking for %5")
                                .arg(call.id)
                                .arg(call.url, call.keys, refs.join(QLatin1Char(',')), job.reference)));
        carriedTheCreate = carriedTheCreate || detail->jobIds().contains(job.id);
    }
    QVERIFY(carriedTheCreate);

    // From the call to its job in the Queue, and from the job to its deal in the CRM.
    Q_EMIT detail->findChild<QLabel *>(QStringLiteral("logDetailJobs"))
        ->linkActivated(QString::number(job.id));
    auto *queue = window.findChild<Gui::QueuePage *>(QStringLiteral("queuePage"));
    QTRY_VERIFY(queue->isVisible());
    auto *jobDetail = queue->findChild<Gui::JobDetailPane *>(QStringLiteral("jobDetail"));
    QTRY_COMPARE(jobDetail->jobId(), job.id);
    auto connection = Store::ConnectionRepo(demo.store()).byId(*job.connectionId);
    QVERIFY_OK(connection);
    auto deal = Store::EntityLinkRepo(demo.store())
                    .crmIdFor(connection->id, QStringLiteral("order"),
                              Store::EntityLinkRepo::scopedSourceId(job.source, job.sourceRef),
                              QStringLiteral("lead"));
    QVERIFY_OK(deal);
    QVERIFY(deal->has_value());
    const QUrl expected(QUrl(connection->baseUrl).toString(QUrl::StripTrailingSlash) + dealPath.arg(**deal));
    QCOMPARE(jobDetail->crmUrl(), expected);
    UrlCatcher browser;
    QDesktopServices::setUrlHandler(expected.scheme(), &browser, "open");
    Q_EMIT jobDetail->findChild<QLabel *>(QStringLiteral("jobCrmLink"))->linkActivated(expected.toString());
    QDesktopServices::unsetUrlHandler(expected.scheme());
    QCOMPARE(browser.opened, QList<QUrl> { expected });

    QSignalSpy stopped(&demo, &App::DemoSession::stopped);
    demo.stop();
    QVERIFY(stopped.count() == 1 || stopped.wait(20000));
}

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
