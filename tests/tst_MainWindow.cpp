// SPDX-License-Identifier: GPL-3.0-or-later
#include "TestDatabase.h"
#include "TestEnv.h"
#include "common/Translations.h"
#include "dashboard/StatTile.h"
#include "dashboard/ThroughputChart.h"
#include "mainwindow/MainWindow.h"
#include "secrets/MemorySecretStore.h"
#include "store/JobRepo.h"

#include <QApplication>
#include <QLabel>
#include <QListView>
#include <QListWidget>
#include <QStackedWidget>
#include <QTableView>
#include <QTest>

using TestSupport::TestDatabase;

class TestMainWindow : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<TestDatabase> m_test;

private Q_SLOTS:
    void init()
    {
        auto test = TestDatabase::create(QStringLiteral("sqlite"));
        QVERIFY_OK(test);
        m_test = std::move(test.value());
    }
    void cleanup() { m_test.reset(); }

    void opensOnTheStoreAndShowsTheQueue()
    {
        Store::JobRepo jobs(m_test->db());
        for (int i = 0; i < 3; ++i) {
            Store::NewJob job;
            job.kind = QStringLiteral("order.created");
            job.idempotencyKey = QStringLiteral("order:shop:%1:created").arg(i);
            QVERIFY_OK(jobs.enqueue(job));
        }
        auto leased = jobs.lease(QStringLiteral("t"), 1, 60000);
        QVERIFY_OK(jobs.settleFailed(leased->first().id, QStringLiteral("t"),
                                     Common::Error::permanent(QStringLiteral("x"))));

        Gui::MainWindow window(m_test->db());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *sidebar = window.findChild<QListWidget *>(QStringLiteral("sidebar"));
        QVERIFY(sidebar);
        QVERIFY(sidebar->count() >= 1);
        auto *pending = window.findChild<Gui::StatTile *>(QStringLiteral("pendingTile"));
        auto *failed = window.findChild<Gui::StatTile *>(QStringLiteral("failedTile"));
        QVERIFY(pending && failed);
        QTRY_COMPARE(pending->value(), QStringLiteral("2"));
        QCOMPARE(failed->value(), QStringLiteral("1"));
        auto *store = window.findChild<QLabel *>(QStringLiteral("storeLabel"));
        QVERIFY(store->text().contains(m_test->sqliteFile()));
    }

    void sixPagesAndTheDashboardOpensTheQueueOnAFailure()
    {
        Store::JobRepo jobs(m_test->db());
        for (int i = 0; i < 4; ++i) {
            Store::NewJob job;
            job.kind = QStringLiteral("order.created");
            job.idempotencyKey = QStringLiteral("order:shop:%1:created").arg(i);
            QVERIFY_OK(jobs.enqueue(job));
        }
        auto leased = jobs.lease(QStringLiteral("t"), 3, 60000);
        QVERIFY_OK(leased);
        QVERIFY_OK(jobs.settleDone(leased->at(0).id, QStringLiteral("t")));
        for (int i = 1; i < 3; ++i)
            QVERIFY_OK(jobs.settleFailed(leased->at(i).id, QStringLiteral("t"),
                                         Common::Error::permanent(QStringLiteral("field %1 is bad").arg(i))));

        Gui::MainWindow window(m_test->db(), nullptr, std::make_shared<Secrets::MemorySecretStore>());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *sidebar = window.findChild<QListWidget *>(QStringLiteral("sidebar"));
        QCOMPARE(sidebar->count(), 6);
        auto *pages = window.findChild<QStackedWidget *>(QStringLiteral("pages"));
        QTest::keyClick(&window, Qt::Key_5, Qt::ControlModifier);
        QCOMPARE(pages->currentWidget()->objectName(), QStringLiteral("logPage"));
        QTest::keyClick(&window, Qt::Key_1, Qt::ControlModifier);
        QCOMPARE(pages->currentWidget()->objectName(), QStringLiteral("dashboardPage"));

        auto *today = window.findChild<Gui::StatTile *>(QStringLiteral("todayTile"));
        QVERIFY(today);
        QTRY_COMPARE(today->value(), QStringLiteral("1"));
        auto *chart = window.findChild<Gui::ThroughputChart *>(QStringLiteral("throughputChart"));
        QVERIFY(chart);
        QCOMPARE(chart->deliveredTotal(), 1);

        auto *failures = window.findChild<QListView *>(QStringLiteral("dashboardFailures"));
        QVERIFY(failures);
        QCOMPARE(failures->model()->rowCount(), 1); // both failures share a cause
        const QModelIndex group = failures->model()->index(0, 0);
        QTest::mouseClick(failures->viewport(), Qt::LeftButton, {}, failures->visualRect(group).center());
        QCOMPARE(pages->currentWidget()->objectName(), QStringLiteral("queuePage"));
        auto *queue = window.findChild<QTableView *>(QStringLiteral("queueTable"));
        QTRY_COMPARE(queue->model()->rowCount(), 2);
    }

    void speaksRussian()
    {
        QCOMPARE(Gui::installTranslations(QStringLiteral("ru")), QStringLiteral("ru"));
        Gui::MainWindow window(m_test->db());
        auto *sidebar = window.findChild<QListWidget *>(QStringLiteral("sidebar"));
        QCOMPARE(sidebar->item(0)->text(), QStringLiteral("Сводка"));
        QCOMPARE(window.windowTitle(), QStringLiteral("CRM Bridge"));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_MainWindow.moc"
