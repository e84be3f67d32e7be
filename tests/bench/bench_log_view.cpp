// SPDX-License-Identifier: GPL-3.0-or-later
// Opens the Log page on 1,000,000 op_log rows and prints
//   RESULT logview first_rows_ms=… search_ms=… rss_mb=…   (targets < 300, < 300, < 200)
// search_ms is the slowest of three business-key searches and a free text that matches nothing.
// with a baseline (a naive SELECT of every row) for comparison. Rows: CRMBRIDGE_BENCH_ROWS (default 1e6).
#include "TestDatabase.h"
#include "TestEnv.h"
#include "common/Translations.h"
#include "oplog/LogFilterBar.h"
#include "oplog/LogPage.h"
#include "oplog/OpLogTableModel.h"
#include "store/OpLogRepo.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QLineEdit>
#include <QSqlError>
#include <QSqlQuery>
#include <QTableView>
#include <QTest>

using TestSupport::TestDatabase;

namespace {

double rssMb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
    }
    return -1;
}

} // namespace

class BenchLogView : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void logView()
    {
        Gui::installTranslations(QStringLiteral("en"));
        const int rows = qEnvironmentVariableIsSet("CRMBRIDGE_BENCH_ROWS")
            ? qEnvironmentVariableIntValue("CRMBRIDGE_BENCH_ROWS")
            : 1'000'000;
        auto test = TestDatabase::create(QStringLiteral("sqlite"));
        QVERIFY_OK(test);
        auto db = test.value()->db();

        // Fill in one transaction with one prepared statement; the repository's append would be the
        // same row, one statement at a time. op_log_keys is filled as OpLogRepo::append fills it.
        QElapsedTimer fill;
        fill.start();
        {
            auto connection = db->connection();
            QVERIFY_OK(connection);
            QSqlDatabase sql = connection.value();
            QVERIFY(sql.transaction());
            QSqlQuery insert(sql);
            QVERIFY(insert.prepare(QStringLiteral(
                "INSERT INTO op_log (id, at, connection_id, lane, job_id, method, url, status, duration_ms,"
                " request_headers, request_body, response_body, error, keys)"
                " VALUES (?, ?, 1, 'amocrm', ?, 'POST', ?, ?, ?, ?, ?, ?, ?, ?)")));
            QSqlQuery key(sql);
            const bool keyTable = sql.tables().contains(QStringLiteral("op_log_keys"));
            if (keyTable)
                QVERIFY(key.prepare(QStringLiteral("INSERT INTO op_log_keys (key, op_id) VALUES (?, ?)")));
            const qint64 start = QDateTime::currentMSecsSinceEpoch() - qint64(rows) * 500;
            const QString headers
                = QStringLiteral("Authorization: Bearer ***\nContent-Type: application/json");
            for (int i = 1; i <= rows; ++i) {
                const bool failed = i % 50 == 0;
                const QString order = QString::number(100000 + i);
                const QString phone = QStringLiteral("7912%1").arg(i % 10'000'000, 7, 10, QLatin1Char('0'));
                const QString email = QStringLiteral("buyer%1@example.com").arg(i);
                insert.bindValue(0, i);
                insert.bindValue(1, start + qint64(i) * 500);
                insert.bindValue(2, i / 3 + 1);
                insert.bindValue(3, QStringLiteral("https://shop.amocrm.ru/api/v4/leads/complex"));
                insert.bindValue(4, failed ? 400 : 200);
                insert.bindValue(5, 80 + i % 300);
                insert.bindValue(6, headers);
                insert.bindValue(
                    7,
                    QStringLiteral("[{\"name\":\"Order %1\",\"price\":%2,\"_embedded\":{\"contacts\":"
                                   "[{\"first_name\":\"Buyer\",\"custom_fields_values\":[]}]}}]")
                        .arg(order)
                        .arg(i % 9000));
                insert.bindValue(8,
                                 failed
                                     ? QStringLiteral("{\"validation-errors\":[]}")
                                     : QStringLiteral("[{\"id\":%1,\"contact_id\":%2}]").arg(i).arg(i + 7));
                insert.bindValue(9,
                                 failed ? QStringLiteral("field 123 is not a number") : QStringLiteral(""));
                insert.bindValue(10, QStringList { order, phone, email }.join(QLatin1Char(' ')));
                QVERIFY2(insert.exec(), qPrintable(insert.lastError().text()));
                if (keyTable) {
                    for (const QString &k : { order, phone, email }) {
                        key.bindValue(0, k);
                        key.bindValue(1, i);
                        QVERIFY2(key.exec(), qPrintable(key.lastError().text()));
                    }
                }
            }
            QVERIFY(sql.commit());
            QSqlQuery analyze(sql);
            QVERIFY(analyze.exec(QStringLiteral("ANALYZE")));
        }
        const qint64 fillMs = fill.elapsed();

        // Baseline: what a naive model would do, reading every row's list columns.
        QElapsedTimer naive;
        naive.start();
        qint64 seen = 0;
        {
            QSqlQuery all(db->connection().value());
            all.setForwardOnly(true);
            QVERIFY(all.exec(
                QStringLiteral("SELECT id, at, lane, method, url, status, duration_ms, job_id, error,"
                               " keys FROM op_log ORDER BY at DESC, id DESC")));
            while (all.next())
                seen += all.value(0).toLongLong() > 0;
        }
        const qint64 naiveMs = naive.elapsed();
        QCOMPARE(seen, qint64(rows));

        QElapsedTimer open;
        open.start();
        Gui::LogPage page(db);
        page.resize(1200, 800);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        auto *table = page.findChild<QTableView *>(QStringLiteral("logTable"));
        table->viewport()->repaint();
        const qint64 firstRowsMs = open.elapsed();
        QCOMPARE(table->model()->rowCount(), 200);

        // Scrolling to the end of the loaded rows fetches the next page by keyset.
        QElapsedTimer scroll;
        scroll.start();
        for (int i = 0; i < 10; ++i) {
            table->scrollToBottom();
            table->viewport()->repaint();
        }
        const qint64 scrollMs = scroll.elapsed();

        // Search by business key: an order number near the start of the log (the worst case for a
        // newest-first scan), a phone in another form, an email. Then a text that matches nothing,
        // which ends in the LIKE fallback over every row (reported apart, not a target).
        auto *search = page.findChild<QLineEdit *>(QStringLiteral("logSearch"));
        const auto timeSearch = [&](const QString &term, int *rowsFound) {
            QElapsedTimer timer;
            timer.start();
            search->setText(term);
            page.applyFilter(); // bypass the 250 ms typing debounce: measure the query and the view
            table->viewport()->repaint();
            *rowsFound = page.model()->rowCount();
            return timer.elapsed();
        };
        qint64 searchMs = 0;
        QStringList each;
        for (const QString &term : { QString::number(100000 + 7), QStringLiteral("8 912 000-42-42"),
                                     QStringLiteral("buyer4242@example.com") }) {
            int found = 0;
            const qint64 ms = timeSearch(term, &found);
            QCOMPARE(found, 1);
            each << QStringLiteral("%1:%2ms").arg(QString(term).remove(QLatin1Char(' '))).arg(ms);
            searchMs = std::max(searchMs, ms);
        }
        // A free text that matches nothing: the page looks through the newest scanWindow() calls and
        // offers "Search older calls" (a target, like the key searches). For comparison, the same text
        // as one query over every row, as the page did before it searched in windows.
        int found = 0;
        const qint64 noHitMs = timeSearch(QStringLiteral("nobody@nowhere.example"), &found);
        QCOMPARE(found, 0);
        QVERIFY(page.model()->hasOlderToSearch());
        searchMs = std::max(searchMs, noHitMs);
        QElapsedTimer unbounded;
        unbounded.start();
        Store::OpLogFilter everything;
        everything.text = QStringLiteral("nobody@nowhere.example");
        auto all = Store::OpLogRepo(db).page(everything, std::nullopt, 200);
        QVERIFY(all.ok() && all->isEmpty());
        const qint64 unboundedMs = unbounded.elapsed();
        QElapsedTimer olderTimer;
        olderTimer.start();
        page.model()->searchOlder();
        table->viewport()->repaint();
        const qint64 olderMs = olderTimer.elapsed();

        const double rss = rssMb();
        printf("BASELINE logview naive_select_all_ms=%lld rows=%d fill_ms=%lld\n", naiveMs, rows, fillMs);
        printf("DETAIL logview scroll_10_pages_ms=%lld key_searches=%s no_hit_text_window_ms=%lld"
               " search_older_ms=%lld window_rows=%d no_hit_text_every_row_ms=%lld\n",
               scrollMs, qPrintable(each.join(QLatin1Char(' '))), noHitMs, olderMs,
               page.model()->scanWindow(), unboundedMs);
        printf("RESULT logview first_rows_ms=%lld search_ms=%lld rss_mb=%.1f\n", firstRowsMs, searchMs, rss);
        fflush(stdout);
    }
};

QTEST_MAIN(BenchLogView)
#include "bench_log_view.moc"
