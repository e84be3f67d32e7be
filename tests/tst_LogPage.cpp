// SPDX-License-Identifier: GPL-3.0-or-later
#include "TestDatabase.h"
#include "TestEnv.h"
#include "common/ElidingHeader.h"
#include "common/Translations.h"
#include "oplog/CsvExporter.h"
#include "oplog/CurlCommand.h"
#include "oplog/LogDetailPane.h"
#include "oplog/LogFilterBar.h"
#include "oplog/LogPage.h"
#include "oplog/OpLogTableModel.h"
#include "store/JobRepo.h"
#include "store/OpLogRepo.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using TestSupport::TestDatabase;

class TestLogPage : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<TestDatabase> m_test;

    /** 450 calls, one a second; every 10th failed with 400; job = i % 7 + 1; order number 5000 + i. */
    void fill()
    {
        Store::OpLogRepo log(m_test->db());
        const qint64 start = QDateTime::currentMSecsSinceEpoch() - 3600 * 1000;
        for (int i = 0; i < 450; ++i) {
            Store::OpLogEntry e;
            e.atMs = start + i * 1000;
            e.lane = QStringLiteral("amocrm");
            e.jobId = i % 7 + 1;
            e.method = QStringLiteral("POST");
            e.url = QStringLiteral("https://shop.amocrm.ru/api/v4/leads/complex");
            e.status = i % 10 == 0 ? 400 : 200;
            e.durationMs = 120;
            e.requestHeaders = QStringLiteral("Authorization: Bearer ***\nContent-Type: application/json");
            e.requestBody = QStringLiteral("[{\"name\":\"Order %1\"}]").arg(5000 + i);
            e.responseBody = QStringLiteral("{\"ok\":true}");
            e.error = e.status == 400 ? QStringLiteral("field 12 is not a number (#E)") : QString();
            e.keys = QStringLiteral("%1 79120000000 buyer%2@example.com").arg(5000 + i).arg(i);
            QVERIFY_OK(log.append(e));
        }
    }

private Q_SLOTS:
    void initTestCase() { Gui::installTranslations(QStringLiteral("en")); }
    void init()
    {
        auto test = TestDatabase::create(QStringLiteral("sqlite"));
        QVERIFY_OK(test);
        m_test = std::move(test.value());
        fill();
    }
    void cleanup() { m_test.reset(); }

    void modelPagesByKeysetNeverAll()
    {
        Gui::OpLogTableModel model(m_test->db());
        QCOMPARE(model.rowCount(), 200); // one page, not the log
        QVERIFY(model.canFetchMore({}));
        model.fetchMore({});
        QCOMPARE(model.rowCount(), 400);
        // The tester fetches more itself as part of its checks.
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        while (model.canFetchMore({}))
            model.fetchMore({});
        QCOMPARE(model.rowCount(), 450);
        QVERIFY(!model.canFetchMore({}));
        // Newest first, without bodies in the list.
        QVERIFY(model.entryAt(0).atMs > model.entryAt(1).atMs);
        QVERIFY(model.entryAt(0).requestBody.isEmpty());
        Store::OpLogFilter failed;
        failed.statusClass = Store::StatusClass::AnyError;
        model.setFilter(failed);
        QCOMPARE(model.rowCount(), 45);
    }

    void searchAndJobFilter()
    {
        Gui::LogPage page(m_test->db());
        QAbstractItemModelTester tester(page.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        page.show();
        auto *table = page.findChild<QTableView *>(QStringLiteral("logTable"));
        auto *search = page.findChild<QLineEdit *>(QStringLiteral("logSearch"));
        auto *status = page.findChild<QComboBox *>(QStringLiteral("logStatus"));
        QVERIFY(table && search && status);
        QVERIFY(table->model()->rowCount() >= 200);
        search->setText(QStringLiteral("5123"));
        QTRY_COMPARE(table->model()->rowCount(), 1);
        search->setText(QStringLiteral("buyer44"));
        QTRY_COMPARE(table->model()->rowCount(), 11); // buyer44, buyer440 … buyer449
        search->clear();
        QTRY_VERIFY(table->model()->rowCount() >= 200);
        page.showJob(3);
        QTRY_COMPARE(page.findChild<QLineEdit *>(QStringLiteral("logJob"))->text(), QStringLiteral("3"));
        QCOMPARE(table->model()->rowCount(), 64); // i % 7 == 2 for i < 450
        status->setCurrentIndex(status->findData(int(Store::StatusClass::ClientError)));
        QTRY_VERIFY(table->model()->rowCount() < 64);
        for (int row = 0; row < table->model()->rowCount(); ++row)
            QCOMPARE(page.model()->entryAt(row).status, 400);
    }

    /** An order found by the number the shop shows, in a batch call whose own keys do not name it; the
     *  call lists the jobs it carried, each a link to the job. */
    void findsAnOrderAsTheShopShowsItAndShowsItsJobs()
    {
        Store::JobRepo jobs(m_test->db());
        // fill() logged calls of jobs 1 … 7 that are not in the queue: these take their ids.
        for (int i = 1; i <= 7; ++i) {
            Store::NewJob other;
            other.kind = QStringLiteral("order.created");
            other.idempotencyKey = QStringLiteral("order:other:%1:created").arg(i);
            QVERIFY_OK(jobs.enqueue(other));
        }
        QList<qint64> ids;
        for (int i = 61; i <= 63; ++i) {
            Store::NewJob job;
            job.kind = QStringLiteral("order.created");
            job.idempotencyKey = QStringLiteral("order:demo:%1:created").arg(i);
            job.reference = QStringLiteral("2612/%1").arg(i);
            job.phone = QStringLiteral("+79127000%1").arg(i, 3, 10, QLatin1Char('0'));
            auto enqueued = jobs.enqueue(job);
            QVERIFY_OK(enqueued);
            ids << enqueued->job.id;
        }
        Store::OpLogEntry batch;
        batch.lane = QStringLiteral("amocrm");
        batch.method = QStringLiteral("POST");
        batch.url = QStringLiteral("https://shop.amocrm.ru/api/v4/leads/complex");
        batch.status = 200;
        batch.keys = QStringLiteral("order:demo:61 order:demo:62 order:demo:63");
        batch.jobIds = ids;
        auto batchId = Store::OpLogRepo(m_test->db()).append(batch);
        QVERIFY_OK(batchId);

        Gui::LogPage page(m_test->db());
        page.show();
        auto *table = page.findChild<QTableView *>(QStringLiteral("logTable"));
        page.findChild<QLineEdit *>(QStringLiteral("logSearch"))->setText(QStringLiteral("2612/63"));
        QTRY_COMPARE(table->model()->rowCount(), 1);
        QCOMPARE(page.model()->entryAt(0).id, batchId.value());
        page.findChild<QLineEdit *>(QStringLiteral("logSearch"))->setText(QStringLiteral("8 912 700-00-62"));
        QTRY_COMPARE(table->model()->rowCount(), 1);
        QCOMPARE(page.model()->entryAt(0).id, batchId.value());

        table->selectRow(0);
        auto *detail = page.findChild<Gui::LogDetailPane *>(QStringLiteral("logDetail"));
        QTRY_COMPARE(detail->jobIds(), ids);
        auto *jobsLabel = detail->findChild<QLabel *>(QStringLiteral("logDetailJobs"));
        QVERIFY(jobsLabel->isVisible());
        QVERIFY(jobsLabel->text().startsWith(QStringLiteral("Carried 3 jobs:")));
        QSignalSpy requested(&page, &Gui::LogPage::jobRequested);
        Q_EMIT jobsLabel->linkActivated(QString::number(ids.at(2)));
        QCOMPARE(requested.size(), 1);
        QCOMPARE(requested.first().first().toLongLong(), ids.at(2));

        // And the other way: the calls of one job of the batch.
        page.showJob(ids.at(1));
        QTRY_COMPARE(table->model()->rowCount(), 1);
        QCOMPARE(page.model()->entryAt(0).id, batchId.value());
    }

    /** Free text of three characters or more is looked up in the text index over every call at once:
     *  what "Search older calls" reached window by window before, with no button. */
    void textSearchFindsEveryCallAtOnce()
    {
        Gui::LogPage page(m_test->db());
        page.model()->setScanWindow(100);
        QAbstractItemModelTester tester(page.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        page.show();
        auto *search = page.findChild<QLineEdit *>(QStringLiteral("logSearch"));
        auto *older = page.findChild<QPushButton *>(QStringLiteral("searchOlderButton"));
        auto *status = page.findChild<QLabel *>(QStringLiteral("logStatusLabel"));
        QVERIFY(search && older && status);
        search->setText(QStringLiteral("NOT a number"));
        QTRY_COMPARE(page.model()->rowCount(), 45);
        QVERIFY(!older->isVisible());
        QVERIFY(status->text().isEmpty());
        for (int row = 0; row < 45; ++row) {
            QCOMPARE(page.model()->entryAt(row).status, 400);
            if (row > 0)
                QVERIFY(page.model()->entryAt(row).atMs < page.model()->entryAt(row - 1).atMs);
        }
        // The oldest call, by a part of its e-mail (a key-like term that is no whole key).
        search->setText(QStringLiteral("buyer0@"));
        QTRY_COMPARE(page.model()->rowCount(), 1);
        QCOMPARE(page.model()->entryAt(0).keys, QStringLiteral("5000 79120000000 buyer0@example.com"));
        search->setText(QStringLiteral("nowhere at all"));
        QTRY_COMPARE(page.model()->rowCount(), 0);
        QTRY_COMPARE(status->text(), QStringLiteral("No calls match."));
        QVERIFY(!older->isVisible());
    }

    /** A free text too short for the index (under three characters) looks through a window of the newest
     *  calls; "Search older calls" moves down the log. */
    void textSearchLooksThroughWindowsWithSearchOlder()
    {
        Gui::LogPage page(m_test->db());
        page.model()->setScanWindow(100);
        QAbstractItemModelTester tester(page.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        page.show();
        auto *search = page.findChild<QLineEdit *>(QStringLiteral("logSearch"));
        auto *older = page.findChild<QPushButton *>(QStringLiteral("searchOlderButton"));
        auto *status = page.findChild<QLabel *>(QStringLiteral("logStatusLabel"));
        QVERIFY(search && older && status);
        QVERIFY(!older->isVisible());

        // Every 10th call failed with this error: 10 of the newest 100.
        search->setText(QStringLiteral("#E"));
        QTRY_COMPARE(page.model()->rowCount(), 10);
        QVERIFY(older->isVisible());
        QVERIFY2(status->text().startsWith(QLatin1String("Matches in the newest 100 calls, back to ")),
                 qPrintable(status->text()));
        for (int step = 2; step <= 4; ++step) {
            older->click();
            QCOMPARE(page.model()->rowCount(), step * 10);
            QVERIFY(older->isVisible());
            QVERIFY2(status->text().contains(QStringLiteral("newest %1 calls").arg(step * 100)),
                     qPrintable(status->text()));
        }
        older->click(); // the last 50 calls: the whole log is searched
        QCOMPARE(page.model()->rowCount(), 45);
        QVERIFY(!older->isVisible());
        QVERIFY(status->text().isEmpty());
        for (int row = 0; row < 45; ++row)
            QCOMPARE(page.model()->entryAt(row).status, 400);

        // Nothing in the window: said so, with the way further back.
        search->setText(QStringLiteral("#Q"));
        QTRY_COMPARE(page.model()->rowCount(), 0);
        QTRY_VERIFY2(status->text().startsWith(QLatin1String("No match in the newest 100 calls, back to ")),
                     qPrintable(status->text()));
        QVERIFY(older->isVisible());
        // Business keys are looked up by the index over the whole log, not by windows.
        search->setText(QStringLiteral("5003"));
        QTRY_COMPARE(page.model()->rowCount(), 1);
        QVERIFY(!older->isVisible());
    }

    /** In Russian the window is counted with the right plural form. */
    void russianSearchState()
    {
        QCOMPARE(Gui::installTranslations(QStringLiteral("ru")), QStringLiteral("ru"));
        Gui::LogPage page(m_test->db());
        page.model()->setScanWindow(101);
        page.show();
        page.findChild<QLineEdit *>(QStringLiteral("logSearch"))->setText(QStringLiteral("#Q"));
        auto *status = page.findChild<QLabel *>(QStringLiteral("logStatusLabel"));
        QTRY_VERIFY2(status->text().startsWith(QStringLiteral("Нет совпадений среди последних 101 запроса")),
                     qPrintable(status->text()));
        page.model()->setScanWindow(100);
        page.applyFilter();
        QVERIFY2(status->text().startsWith(QStringLiteral("Нет совпадений среди последних 100 запросов")),
                 qPrintable(status->text()));
        Gui::installTranslations(QStringLiteral("en"));
    }

    /** In both languages the fixed columns show their titles and values whole (a Russian date with
     *  seconds, «нет ответа», «Длительность»), and the page does not scroll sideways. */
    void fixedColumnsShowTitlesAndValuesWhole_data()
    {
        QTest::addColumn<QString>("lang");
        QTest::newRow("en") << QStringLiteral("en");
        QTest::newRow("ru") << QStringLiteral("ru");
    }
    void fixedColumnsShowTitlesAndValuesWhole()
    {
        QFETCH(QString, lang);
        QCOMPARE(Gui::installTranslations(lang), lang);
        Store::OpLogEntry late; // the widest time of day, and a call that got no answer
        late.atMs = QDateTime(QDate(2026, 12, 28), QTime(22, 58, 58)).toMSecsSinceEpoch();
        late.lane = QStringLiteral("retailcrm");
        late.method = QStringLiteral("POST");
        late.url = QStringLiteral("https://shop.retailcrm.ru/api/v5/orders/create");
        late.durationMs = 30000;
        late.jobId = 123456;
        late.error = QStringLiteral("No answer from the server");
        QVERIFY_OK(Store::OpLogRepo(m_test->db()).append(late));
        Gui::LogPage page(m_test->db());
        page.resize(1112, 760); // the room a 1280×800 window leaves next to its sidebar
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        auto *table = page.findChild<QTableView *>(QStringLiteral("logTable"));
        QTRY_VERIFY(table->model()->rowCount() > 0);
        auto *header = qobject_cast<Gui::ElidingHeader *>(table->horizontalHeader());
        QVERIFY(header);
        QAbstractItemView *view = table;
        for (const int column : { Gui::OpLogTableModel::TimeColumn, Gui::OpLogTableModel::StatusColumn,
                                  Gui::OpLogTableModel::MethodColumn, Gui::OpLogTableModel::DurationColumn,
                                  Gui::OpLogTableModel::JobColumn, Gui::OpLogTableModel::LaneColumn }) {
            const QString title = table->model()->headerData(column, Qt::Horizontal).toString();
            QCOMPARE(header->shownTitle(column), title);
            // What the view itself needs to show every value of the column whole.
            QVERIFY2(view->sizeHintForColumn(column) <= table->columnWidth(column),
                     qPrintable(QStringLiteral("%1: %2 needs %3 px, has %4")
                                    .arg(lang, title)
                                    .arg(view->sizeHintForColumn(column))
                                    .arg(table->columnWidth(column))));
        }
        QVERIFY(!table->horizontalScrollBar()->isVisible());
        Gui::installTranslations(QStringLiteral("en"));
    }

    void detailIsPrettyAndCurlHasNoSecrets()
    {
        Gui::LogPage page(m_test->db());
        page.show();
        auto *table = page.findChild<QTableView *>(QStringLiteral("logTable"));
        table->selectRow(0);
        auto *detail = page.findChild<Gui::LogDetailPane *>(QStringLiteral("logDetail"));
        auto *request = detail->findChild<QPlainTextEdit *>(QStringLiteral("logRequest"));
        QTRY_VERIFY(request->toPlainText().contains(QLatin1String("\"name\": \"Order 5449\"")));
        const QString curl = detail->curl();
        QVERIFY(curl.startsWith(QLatin1String("curl -X POST 'https://shop.amocrm.ru/api/v4/leads/complex'")));
        QVERIFY(curl.contains(QLatin1String("-H \"Authorization: Bearer $AMOCRM_TOKEN\"")));
        QVERIFY(!curl.contains(QLatin1String("***")));
        QVERIFY(curl.contains(QLatin1String("--data-raw '[{\"name\":\"Order 5449\"}]'")));

        Store::OpLogEntry quoted;
        quoted.method = QStringLiteral("GET");
        quoted.url = QStringLiteral("https://x.amocrm.ru/api/v4/leads?query=O'Brien");
        quoted.requestHeaders = QStringLiteral("authorization: Bearer abc.def\nX-Api-Key: k");
        const QString c = Gui::curlCommand(quoted);
        QVERIFY(!c.contains(QLatin1String("abc.def")));
        QVERIFY(!c.contains(QLatin1String(": k")));
        QVERIFY(c.contains(QLatin1String("'https://x.amocrm.ru/api/v4/leads?query=O'\\''Brien'")));
    }

    void exportsTheFilterToCsvWithProgress()
    {
        QTemporaryDir dir;
        Gui::LogPage page(m_test->db());
        page.show();
        auto *search = page.findChild<QLineEdit *>(QStringLiteral("logSearch"));
        search->setText(QStringLiteral("not a number"));
        QTRY_COMPARE(page.model()->rowCount(), 45);
        auto *exporter = page.findChild<Gui::CsvExporter *>();
        exporter->setChunkSize(10);
        QSignalSpy progressed(exporter, &Gui::CsvExporter::progressed);
        QSignalSpy finished(exporter, &Gui::CsvExporter::finished);
        const QString path = dir.filePath(QStringLiteral("log.csv"));
        QVERIFY(page.exportTo(path));
        QVERIFY(page.findChild<QProgressBar *>(QStringLiteral("exportProgress"))->isVisible());
        QTRY_COMPARE(finished.size(), 1);
        QCOMPARE(finished.first().at(0).toBool(), true);
        QCOMPARE(finished.first().at(1).toInt(), 45);
        QVERIFY(progressed.size() >= 5);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = file.readAll().split('\n');
        QCOMPARE(lines.size(), 1 + 45 + 1); // header, rows, trailing newline
        QVERIFY(lines.at(1).contains("field 12 is not a number"));

        // Cancelled: the half-written file is removed.
        exporter->setChunkSize(1);
        QVERIFY(page.exportTo(path));
        exporter->cancel();
        QCOMPARE(finished.size(), 2);
        QCOMPARE(finished.last().at(0).toBool(), false);
        QVERIFY(!QFile::exists(path));
    }
};

QTEST_MAIN(TestLogPage)
#include "tst_LogPage.moc"
