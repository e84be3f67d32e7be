// SPDX-License-Identifier: GPL-3.0-or-later
// Importing historic orders and customers from CSV (UTF-8 and Windows-1251) and JSON, with dry runs.
#include "TestDatabase.h"
#include "TestEnv.h"
#include "source/fileimport/CsvReader.h"
#include "source/fileimport/FileImporter.h"
#include "storage/Sql.h"
#include "store/JobRepo.h"

#include <QTest>

using namespace Source::FileImport;
using TestSupport::TestDatabase;

class TestFileImport : public QObject
{
    Q_OBJECT
private:
    static QString fixture(const QString &name)
    {
        return TestSupport::sourceDir() + QStringLiteral("/tests/fixtures/import/") + name;
    }
    static QList<int> lines(const ImportReport &report)
    {
        QList<int> list;
        for (const LineError &error : report.errors)
            list << error.line;
        return list;
    }
    static QList<Store::Job> jobs(TestDatabase &store)
    {
        auto all = Store::JobRepo(store.db()).search({}).value();
        std::sort(all.begin(), all.end(), [](auto &a, auto &b) { return a.id < b.id; });
        return all;
    }

private Q_SLOTS:
    void csvDryRunThenImportThenReimport()
    {
        auto store = TestDatabase::create(QStringLiteral("sqlite"));
        QVERIFY_OK(store);
        FileImporter importer(store.value()->db());
        ImportOptions options;
        options.source = QStringLiteral("shop");
        options.dryRun = true;
        auto dry = importer.importFile(fixture(QStringLiteral("orders_utf8.csv")), options);
        QVERIFY_OK(dry);
        QCOMPARE(dry->encoding, QStringLiteral("utf-8"));
        QCOMPARE(dry->delimiter, QLatin1Char(';'));
        QCOMPARE(dry->rows, 6);
        QCOMPARE(lines(dry.value()), QList<int>({ 5, 6, 7 }));
        QVERIFY(dry->errors[0].message.contains(QStringLiteral("сто рублей")));
        QVERIFY(dry->errors[1].message.contains(QStringLiteral("no order id")));
        QVERIFY(dry->errors[2].message.contains(QStringLiteral("not a date")));
        QCOMPARE(dry->fresh, 3);
        QCOMPARE(dry->appended, 0);
        QCOMPARE(dry->unmappedColumns, QStringList({ QStringLiteral("Менеджер") }));
        QVERIFY(dry->toText().contains(QStringLiteral("line 6:")));
        QCOMPARE(jobs(*store.value()).size(), 0); // a dry run writes nothing

        options.dryRun = false;
        auto real = importer.importFile(fixture(QStringLiteral("orders_utf8.csv")), options);
        QVERIFY_OK(real);
        QCOMPARE(real->appended, 3);
        const QList<Store::Job> stored = jobs(*store.value());
        QCOMPARE(stored.size(), 3);
        QCOMPARE(stored[0].kind, QStringLiteral("order.created"));
        QCOMPARE(stored[0].idempotencyKey, QStringLiteral("order:shop:2301/1:created"));
        QCOMPARE(stored[0].reference, QStringLiteral("2301/1"));
        QCOMPARE(stored[0].phone, QStringLiteral("+79123456789"));
        QCOMPARE(stored[0].email, QStringLiteral("ivan@mail.ru"));
        const Model::ShopOrder first = Model::ShopOrder::fromJson(stored[0].payload);
        QCOMPARE(first.cost, 4500.0);
        QCOMPARE(first.comment, QStringLiteral("Позвонить; после 18:00"));
        QCOMPARE(first.createdAt, QDateTime(QDate(2023, 1, 15), QTime(10, 20)).toUTC());
        QCOMPARE(first.statusName, QStringLiteral("Выполнен"));
        QCOMPARE(first.address.city, QStringLiteral("Москва"));
        QCOMPARE(first.utm.value(QStringLiteral("utm_source")), QStringLiteral("yandex"));
        QCOMPARE(first.properties.value(QStringLiteral("Менеджер")).toString(), QStringLiteral("Ольга"));
        QCOMPARE(Model::ShopOrder::fromJson(stored[1].payload).comment,
                 QStringLiteral("Многострочный\nкомментарий \"в кавычках\""));
        QCOMPARE(Model::ShopOrder::fromJson(stored[2].payload).cost, 990.5);

        // Importing the same file again adds nothing; the report says why.
        auto again = importer.importFile(fixture(QStringLiteral("orders_utf8.csv")), options);
        QVERIFY_OK(again);
        QCOMPARE(again->fresh, 0);
        QCOMPARE(again->inOutbox, 3);
        QCOMPARE(again->appended, 0);
        QCOMPARE(jobs(*store.value()).size(), 3);
    }

    void windows1251GivesTheSameOrders()
    {
        auto utf8Store = TestDatabase::create(QStringLiteral("sqlite"));
        auto cpStore = TestDatabase::create(QStringLiteral("sqlite"));
        QVERIFY_OK(utf8Store);
        QVERIFY_OK(cpStore);
        ImportOptions options;
        QVERIFY_OK(FileImporter(utf8Store.value()->db())
                       .importFile(fixture(QStringLiteral("orders_utf8.csv")), options));
        auto detected = FileImporter(cpStore.value()->db())
                            .importFile(fixture(QStringLiteral("orders_cp1251.csv")), options);
        QVERIFY_OK(detected);
        QCOMPARE(detected->encoding, QStringLiteral("windows-1251"));
        QCOMPARE(detected->appended, 3);
        const QList<Store::Job> a = jobs(*utf8Store.value());
        const QList<Store::Job> b = jobs(*cpStore.value());
        QCOMPARE(b.size(), a.size());
        for (int i = 0; i < a.size(); ++i) {
            QCOMPARE(b[i].payload, a[i].payload);
            QCOMPARE(b[i].customer, a[i].customer);
        }
        QCOMPARE(b[0].customer, QStringLiteral("Иванов Иван"));

        // Reading Windows-1251 as UTF-8 on purpose is possible, and visibly wrong: the option is honoured.
        options.encoding = TextDecoding::Encoding::Utf8;
        options.dryRun = true;
        auto forced = FileImporter(cpStore.value()->db())
                          .importFile(fixture(QStringLiteral("orders_cp1251.csv")), options);
        QVERIFY_OK(forced);
        QCOMPARE(forced->encoding, QStringLiteral("utf-8"));
        QCOMPARE(forced->fresh + forced->inOutbox, 0); // no column is recognised: every row lacks an id
    }

    void customersWithCommasAndDerivedIds()
    {
        auto store = TestDatabase::create(QStringLiteral("sqlite"));
        QVERIFY_OK(store);
        ImportOptions options;
        options.kind = RecordMapping::Kind::Customers;
        auto report = FileImporter(store.value()->db())
                          .importFile(fixture(QStringLiteral("customers_utf8.csv")), options);
        QVERIFY_OK(report);
        QCOMPARE(report->delimiter, QLatin1Char(','));
        QCOMPARE(report->rows, 4);
        QCOMPARE(lines(report.value()), QList<int>({ 6 }));
        QCOMPARE(report->appended, 3);
        const QList<Store::Job> stored = jobs(*store.value());
        QCOMPARE(stored[0].kind, QStringLiteral("customer.saved"));
        QCOMPARE(stored[0].idempotencyKey, QStringLiteral("customer:import:101:import"));
        QCOMPARE(stored[0].phone, QStringLiteral("+79161002030"));
        QCOMPARE(stored[2].sourceRef, QStringLiteral("+79037778899")); // no id: known by its phone
    }

    void jsonOrdersInBothShapes()
    {
        auto store = TestDatabase::create(QStringLiteral("sqlite"));
        QVERIFY_OK(store);
        ImportOptions options;
        auto report
            = FileImporter(store.value()->db()).importFile(fixture(QStringLiteral("orders.json")), options);
        QVERIFY_OK(report);
        QCOMPARE(report->format, QStringLiteral("json"));
        QCOMPARE(report->rows, 4);
        QCOMPARE(lines(report.value()), QList<int>({ 3, 4 }));
        QCOMPARE(report->appended, 2);
        const QList<Store::Job> stored = jobs(*store.value());
        QCOMPARE(stored[0].sourceRef, QStringLiteral("j-1"));
        QCOMPARE(stored[0].email, QStringLiteral("denis@volkov.ru"));
        QCOMPARE(Model::ShopOrder::fromJson(stored[0].payload).lines.size(), 1);
        QCOMPARE(stored[1].reference, QStringLiteral("2302/2"));
        QCOMPARE(Model::ShopOrder::fromJson(stored[1].payload).cost, 1990.0);
    }

    void dryRunCountsLinkedOrders()
    {
        auto store = TestDatabase::create(QStringLiteral("sqlite"));
        QVERIFY_OK(store);
        QVERIFY_OK(Storage::Sql::exec(
            *store.value()->db(),
            QStringLiteral("INSERT INTO entity_links (connection_id, source_kind, source_id, crm_kind,"
                           " crm_id, created_at) VALUES (1, 'order', 'import:2301/5', 'lead', '9001', 0)")));
        ImportOptions options;
        options.dryRun = true;
        auto report = FileImporter(store.value()->db())
                          .importFile(fixture(QStringLiteral("orders_utf8.csv")), options);
        QVERIFY_OK(report);
        QCOMPARE(report->linked, 1);
        QVERIFY(report->toText().contains(QStringLiteral("Already linked to the CRM: 1")));
    }

    void columnOverridesAndBadTargets()
    {
        auto store = TestDatabase::create(QStringLiteral("sqlite"));
        QVERIFY_OK(store);
        ImportOptions options;
        options.dryRun = true;
        options.columnMap.insert(QStringLiteral("Менеджер"), QStringLiteral("order.comment"));
        auto report = FileImporter(store.value()->db())
                          .importFile(fixture(QStringLiteral("orders_utf8.csv")), options);
        QVERIFY_OK(report);
        QVERIFY(report->unmappedColumns.isEmpty());
        options.columnMap.insert(QStringLiteral("Город"), QStringLiteral("order.colour"));
        auto bad = FileImporter(store.value()->db())
                       .importFile(fixture(QStringLiteral("orders_utf8.csv")), options);
        QVERIFY(!bad.ok());
        QVERIFY(bad.error().message.contains(QStringLiteral("order.colour")));
    }

    void csvReaderEdgeCases()
    {
        const auto table = CsvReader::parse(QStringLiteral("a,b\n\"x\"\"y\",2\n\n3,\"open"));
        QCOMPARE(table.records.size(), 1);
        QCOMPARE(table.records[0].cells, QStringList({ QStringLiteral("x\"y"), QStringLiteral("2") }));
        QCOMPARE(table.errors.size(), 1);
        QCOMPARE(table.errors[0].line, 4);
        QCOMPARE(
            TextDecoding::fromWindows1251(TextDecoding::toWindows1251(QStringLiteral("Ёжик № 5 — «ёлка»"))),
            QStringLiteral("Ёжик № 5 — «ёлка»"));
    }
};

QTEST_GUILESS_MAIN(TestFileImport)
#include "tst_FileImport.moc"
