// SPDX-License-Identifier: GPL-3.0-or-later
// The demo shop: a realistic miniShop2 database on SQLite and MariaDB that the source reads as it is.
#include "MariaDbServer.h"
#include "TestDatabase.h"
#include "TestEnv.h"
#include "common/PhoneNumber.h"
#include "engine/SourcePoller.h"
#include "source/minishop2/DemoShopGenerator.h"
#include "source/minishop2/MiniShop2Source.h"
#include "store/JobRepo.h"

#include <QRegularExpression>
#include <QSet>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>

using namespace Source::MiniShop2;
using TestSupport::MariaDbServer;

class TestDemoShopGenerator : public QObject
{
    Q_OBJECT
private:
    ShopDbUrl newShop(QTemporaryDir &dir, const QString &name)
    {
        QFETCH_GLOBAL(QString, engine);
        if (engine == QLatin1String("sqlite"))
            return ShopDbUrl::parse(QStringLiteral("sqlite://") + dir.filePath(name)).value();
        ShopDbUrl url
            = ShopDbUrl::parse(MariaDbServer::instance().createDatabase(QStringLiteral("demo")).value())
                  .value();
        url.password = MariaDbServer::instance().password();
        return url;
    }
    /** Each row of a query, its columns joined with ':' (the same text on both engines). */
    static QStringList column(ShopDb &db, const QString &sql)
    {
        QStringList values;
        auto query = db.exec(sql);
        while (query && query->next()) {
            QStringList cells;
            for (int i = 0; i < query->record().count(); ++i)
                cells << query->value(i).toString();
            values << cells.join(QLatin1Char(':'));
        }
        return values;
    }

private Q_SLOTS:
    void initTestCase_data()
    {
        QTest::addColumn<QString>("engine");
        QTest::newRow("sqlite") << QStringLiteral("sqlite");
        QTest::newRow("mariadb") << QStringLiteral("mariadb");
    }
    void initTestCase()
    {
        QVERIFY2(MariaDbServer::instance().ok(), qPrintable(MariaDbServer::instance().error()));
    }

    void buildsARealisticShop()
    {
        QTemporaryDir dir;
        const ShopDbUrl url = newShop(dir, QStringLiteral("demo.db"));
        auto db = ShopDb::open(url, QStringLiteral("modx_"));
        QVERIFY_OK(db);
        DemoShopGenerator::Options options;
        options.orders = 240;
        options.end = QDateTime(QDate(2024, 3, 15), QTime(18, 0));
        auto stats = DemoShopGenerator::generate(*db.value(), options);
        QVERIFY_OK(stats);
        QCOMPARE(stats->orders, 240);
        QVERIFY2(stats->customers < 200 && stats->customers > 100,
                 "about a third of the orders are repeat orders");
        QCOMPARE(stats->categories, 15);
        QVERIFY(stats->products >= 20);
        ShopDb &shop = *db.value();

        // Statuses as miniShop2 installs them.
        QCOMPARE(
            column(shop,
                   QStringLiteral("SELECT id, color, `final`, `fixed`, `rank` FROM modx_ms2_order_statuses"
                                  " ORDER BY id")),
            QStringList({ "1:000000:0:1:1", "2:008000:0:1:2", "3:003366:1:1:3", "4:800000:1:1:4",
                          "999:C0C0C0:0:0:0" }));
        QVERIFY(column(shop, QStringLiteral("SELECT name FROM modx_ms2_deliveries"))
                    .contains(QStringLiteral("Почта России")));
        // Order numbers are %y%m/N and restart every month.
        const QStringList numbers
            = column(shop, QStringLiteral("SELECT num FROM modx_ms2_orders ORDER BY id"));
        static const QRegularExpression format(QStringLiteral("^\\d{4}/\\d+$"));
        for (const QString &num : numbers)
            QVERIFY2(format.match(num).hasMatch(), qPrintable(num));
        QVERIFY(numbers.contains(QStringLiteral("2403/1")));
        QVERIFY(numbers.contains(QStringLiteral("2402/1")));
        QCOMPARE(QSet<QString>(numbers.begin(), numbers.end()).size(), numbers.size());
        // Phones typed both ways, all valid; Cyrillic names; some UTM.
        const QStringList phones = column(shop, QStringLiteral("SELECT phone FROM modx_ms2_order_addresses"));
        QVERIFY(std::any_of(phones.begin(), phones.end(),
                            [](auto &p) { return p.startsWith(QLatin1String("+7")); }));
        QVERIFY(std::any_of(phones.begin(), phones.end(),
                            [](auto &p) { return p.startsWith(QLatin1String("8 ")); }));
        for (const QString &phone : phones)
            QVERIFY2(Common::PhoneNumber::toE164(phone).ok(), qPrintable(phone));
        const QStringList names
            = column(shop, QStringLiteral("SELECT receiver FROM modx_ms2_order_addresses"));
        QVERIFY(names.first().contains(QRegularExpression(QStringLiteral("^[А-ЯЁ][а-яё]+"))));
        const int withUtm = int(
            column(shop,
                   QStringLiteral("SELECT id FROM modx_ms2_orders WHERE properties LIKE '%utm_source%'"))
                .size());
        QVERIFY(withUtm > 40 && withUtm < 200);
        const QStringList repeat = column(
            shop, QStringLiteral("SELECT user_id FROM modx_ms2_orders GROUP BY user_id HAVING COUNT(*) > 1"));
        QVERIFY(repeat.size() > 10);

        // The source reads every order of the demo shop.
        auto store = TestSupport::TestDatabase::create(QStringLiteral("sqlite"));
        QVERIFY_OK(store);
        MiniShop2Config config;
        config.name = QStringLiteral("demo");
        config.url = url;
        config.fromBeginning = true;
        auto source = MiniShop2Source::open(config, store.value()->db());
        QVERIFY_OK(source);
        int total = 0;
        for (int round = 0; round < 10; ++round) {
            auto polled = Engine::readIntoOutbox(*source.value(), store.value()->db(), 100);
            QVERIFY_OK(polled);
            total += polled->taken.events;
        }
        Store::JobQuery created;
        created.limit = 1000;
        QCOMPARE(Store::JobRepo(store.value()->db()).count(created).value(), total);
        // Each order once, in its present status: the status history before the source is not news.
        const int orders = int(column(shop, QStringLiteral("SELECT id FROM modx_ms2_orders")).size());
        QCOMPARE(total, orders);
        const auto tree = source.value()->categories();
        QStringList paths;
        for (const Model::Category &category : tree->categories()) {
            QStringList names;
            for (const QString &id : tree->ancestry(category.id))
                names.prepend(tree->name(id));
            paths << names.join(QStringLiteral(" › "));
        }
        QVERIFY2(paths.contains(QStringLiteral("Одежда › Мужская › Куртки")),
                 qPrintable(paths.join(QLatin1Char('\n'))));
        QVERIFY(paths.contains(QStringLiteral("Обувь › Мужская обувь › Кроссовки")));
        QVERIFY(paths.contains(QStringLiteral("Распродажа")));
    }

    void isDeterministicAndSupportsTheOldLayout()
    {
        QTemporaryDir dir;
        DemoShopGenerator::Options options;
        options.orders = 30;
        options.layout = 3;
        options.end = QDateTime(QDate(2024, 3, 15), QTime(18, 0));
        QStringList dumps;
        for (const char *name : { "a.db", "b.db" }) {
            auto db = ShopDb::open(newShop(dir, QLatin1String(name)), QStringLiteral("modx_"));
            QVERIFY_OK(db);
            QVERIFY_OK(DemoShopGenerator::generate(*db.value(), options));
            dumps << column(*db.value(),
                            QStringLiteral("SELECT o.num, a.receiver, a.phone, o.cost FROM modx_ms2_orders o"
                                           " JOIN modx_ms2_order_addresses a ON a.id = o.address"
                                           " ORDER BY o.id"))
                         .join(QLatin1Char('\n'));
        }
        QCOMPARE(dumps[0].count(QLatin1Char('\n')), 29);
        QCOMPARE(dumps[0], dumps[1]);
        QVERIFY(!dumps[0].contains(QStringLiteral("::"))); // every order has its 3.x address row
    }
};

QTEST_GUILESS_MAIN(TestDemoShopGenerator)
#include "tst_DemoShopGenerator.moc"
