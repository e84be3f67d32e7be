// SPDX-License-Identifier: GPL-3.0-or-later
#include "PgServer.h"
#include "TestDatabase.h"
#include "TestEnv.h"
#include "storage/Migrator.h"
#include "storage/Sql.h"
#include "store/OpLogRepo.h"

#include <QTest>
#include <QThread>

using namespace Storage;
using TestSupport::TestDatabase;

class TestMigrator : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase_data() { TestDatabase::addDialectRows(); }

    void initTestCase()
    {
        QVERIFY2(TestSupport::PgServer::instance().ok(),
                 qPrintable(TestSupport::PgServer::instance().error()));
    }

    void fromEmpty()
    {
        QFETCH_GLOBAL(QString, dialect);
        auto test = TestDatabase::create(dialect, false);
        QVERIFY2(test.ok(), qPrintable(test.ok() ? QString() : test.error().message));
        Migrator migrator(*test.value()->db());
        QCOMPARE(migrator.currentVersion().value(), 0);
        auto reached = migrator.migrate();
        QVERIFY2(reached.ok(), qPrintable(reached.ok() ? QString() : reached.error().message));
        QCOMPARE(reached.value(), Migrator::latestVersion());
        // Every table of the design exists and is usable.
        for (const char *table : { "settings", "connections", "watermarks", "jobs", "job_attempts", "op_log",
                                   "entity_links", "secrets" }) {
            auto count = Sql::scalar(*test.value()->db(),
                                     QStringLiteral("SELECT COUNT(*) FROM %1").arg(QLatin1String(table)));
            QVERIFY2(count.ok(), table);
        }
        // A second run is a no-op.
        QCOMPARE(migrator.migrate().value(), Migrator::latestVersion());
    }

    void fromEachOlderVersion()
    {
        QFETCH_GLOBAL(QString, dialect);
        for (int start = 1; start < Migrator::latestVersion(); ++start) {
            auto test = TestDatabase::create(dialect, false);
            QVERIFY_OK(test);
            auto db = test.value()->db();
            Migrator migrator(*db);
            QCOMPARE(migrator.migrate(start).value(), start);
            // Data written at the older version survives the upgrade.
            QVERIFY_OK(
                Sql::exec(*db, QStringLiteral("INSERT INTO settings (key, value) VALUES ('probe', 'kept')")));
            QCOMPARE(migrator.migrate().value(), Migrator::latestVersion());
            QCOMPARE(Sql::scalar(*db, QStringLiteral("SELECT value FROM settings WHERE key = 'probe'"))
                         .value()
                         .toString(),
                     QStringLiteral("kept"));
        }
    }

    /** Migration 16 on a log written before it: the bodies move to op_log_bodies (op_log keeps none), and
     *  the rows already there are in the text index at once, so the Log page finds them as before. */
    void opLogBodiesMoveApartAndOldRowsAreIndexed()
    {
        QFETCH_GLOBAL(QString, dialect);
        auto test = TestDatabase::create(dialect, false);
        QVERIFY_OK(test);
        auto db = test.value()->db();
        Migrator migrator(*db);
        QCOMPARE(migrator.migrate(15).value(), 15);
        for (int i = 1; i <= 3; ++i) {
            QVERIFY_OK(Sql::exec(
                *db,
                QStringLiteral(
                    "INSERT INTO op_log (at, lane, method, url, status, request_headers, request_body,"
                    " response_body, error, keys) VALUES (?, 'amocrm', 'POST', ?, ?, ?, ?, ?, ?, ?)"),
                { 1000 * i, QStringLiteral("https://shop.amocrm.ru/api/v4/leads/complex"), i == 2 ? 400 : 200,
                  QStringLiteral("Authorization: ***"),
                  QStringLiteral("[{\"name\":\"Заказ 4100/%1\"}]").arg(i),
                  QStringLiteral("{\"id\":%1}").arg(70 + i),
                  i == 2 ? QStringLiteral("NotSupportedChoice in field 881") : QString(),
                  QStringLiteral("4100/%1 +7912000410%1").arg(i) }));
            QVERIFY_OK(Sql::exec(*db, QStringLiteral("INSERT INTO op_log_keys (key, op_id) VALUES (?, ?)"),
                                 { QStringLiteral("7912000410%1").arg(i), i }));
        }
        QCOMPARE(migrator.migrate(16).value(), 16);

        QVERIFY(!Sql::exec(*db, QStringLiteral("SELECT request_body FROM op_log")).ok());
        QCOMPARE(Sql::scalar(*db, QStringLiteral("SELECT COUNT(*) FROM op_log_bodies")).value().toInt(), 3);
        Store::OpLogRepo log(db);
        auto second = log.get(2);
        QVERIFY_OK(second);
        QCOMPARE(second->requestBody, QStringLiteral("[{\"name\":\"Заказ 4100/2\"}]"));
        QCOMPARE(second->responseBody, QStringLiteral("{\"id\":72}"));
        QCOMPARE(second->error, QStringLiteral("NotSupportedChoice in field 881"));

        Store::OpLogFilter filter;
        filter.text = QStringLiteral("notsupportedchoice");
        auto page = log.page(filter, std::nullopt, 10);
        QVERIFY_OK(page);
        QCOMPARE(page->size(), 1);
        QCOMPARE(page->first().id, 2);
        filter.text = QStringLiteral("4100/");
        QCOMPARE(log.count(filter).value(), 3);
        filter.text.clear();
        filter.key = QStringLiteral("8 912 000-41-03");
        page = log.page(filter, std::nullopt, 10);
        QVERIFY_OK(page);
        QCOMPARE(page->size(), 1);
        QCOMPARE(page->first().id, 3);

        // New rows after the migration are indexed as they are written.
        Store::OpLogEntry later;
        later.atMs = 5000;
        later.method = QStringLiteral("GET");
        later.url = QStringLiteral("https://shop.amocrm.ru/api/v4/contacts?query=4100");
        later.requestBody = QStringLiteral("{}");
        QVERIFY_OK(log.append(later));
        filter.key.clear();
        filter.text = QStringLiteral("CONTACTS?query");
        QCOMPARE(log.count(filter).value(), 1);
    }

    void refusesNewerStore()
    {
        QFETCH_GLOBAL(QString, dialect);
        auto test = TestDatabase::create(dialect);
        QVERIFY_OK(test);
        auto db = test.value()->db();
        QVERIFY(
            Sql::exec(
                *db,
                QStringLiteral(
                    "INSERT INTO schema_version (version, description, applied_at) VALUES (?, 'future', 0)"),
                { Migrator::latestVersion() + 5 })
                .ok());
        QList<Migration> withNext = allMigrations();
        withNext.append({ Migrator::latestVersion() + 1,
                          QStringLiteral("next"),
                          { QStringLiteral("CREATE TABLE later (x INTEGER)") } });
        auto result = Migrator(*db, withNext).migrate();
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, QStringLiteral("schema-too-new"));
    }

    void failedMigrationLeavesNothingHalfDone()
    {
        QFETCH_GLOBAL(QString, dialect);
        auto test = TestDatabase::create(dialect);
        QVERIFY_OK(test);
        auto db = test.value()->db();
        QList<Migration> broken = allMigrations();
        const int next = Migrator::latestVersion() + 1;
        broken.append(
            { next,
              QStringLiteral("broken"),
              { QStringLiteral("CREATE TABLE half (x INTEGER)"), QStringLiteral("THIS IS NOT SQL") } });
        auto result = Migrator(*db, broken).migrate();
        QVERIFY(!result.ok());
        QVERIFY(result.error().message.contains(QStringLiteral("Migration %1").arg(next)));
        QCOMPARE(Migrator(*db).currentVersion().value(), Migrator::latestVersion());
        QVERIFY(!Sql::exec(*db, QStringLiteral("SELECT COUNT(*) FROM half")).ok());
    }

    void concurrentMigratorsOnPostgres()
    {
        QFETCH_GLOBAL(QString, dialect);
        auto test = TestDatabase::create(dialect, false);
        QVERIFY_OK(test);
        auto db = test.value()->db();
        // Several engines starting at once on one store: every one reaches the latest version.
        QList<QThread *> threads;
        std::atomic<int> succeeded { 0 };
        for (int i = 0; i < 4; ++i) {
            threads << QThread::create([db, &succeeded] {
                if (Migrator(*db).migrate().ok())
                    ++succeeded;
                db->releaseThreadConnection();
            });
            threads.last()->start();
        }
        for (QThread *t : threads) {
            QVERIFY(t->wait(60000));
            delete t;
        }
        QCOMPARE(succeeded.load(), 4);
        QCOMPARE(Sql::scalar(*db, QStringLiteral("SELECT COUNT(*) FROM schema_version")).value().toInt(),
                 Migrator::latestVersion());
    }

    void deadDatabaseGivesAClearError()
    {
        QFETCH_GLOBAL(QString, dialect);
        if (dialect != QLatin1String("postgresql"))
            return; // a SQLite file cannot "go away" under an open connection in the same sense
        auto &server = TestSupport::PgServer::instance();
        auto test = TestDatabase::create(dialect);
        QVERIFY_OK(test);
        auto db = test.value()->db();
        QVERIFY(server.stop());
        auto result = Sql::exec(*db, QStringLiteral("SELECT COUNT(*) FROM jobs"));
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind, Common::ErrorKind::Unavailable);
        QVERIFY(server.start());
        // The next call reconnects by itself.
        QTRY_VERIFY_WITH_TIMEOUT(Sql::exec(*db, QStringLiteral("SELECT COUNT(*) FROM jobs")).ok(), 10000);
    }
};

QTEST_GUILESS_MAIN(TestMigrator)
#include "tst_Migrator.moc"
