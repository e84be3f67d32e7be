// SPDX-License-Identifier: GPL-3.0-or-later
// The miniShop2 source against real schemas: MariaDB (a throwaway server) and SQLite, 4.x and 3.x layouts.
#include "MariaDbServer.h"
#include "TestDatabase.h"
#include "TestEnv.h"
#include "engine/SourcePoller.h"
#include "model/StatusChange.h"
#include "source/SourceRegistry.h"
#include "source/minishop2/DemoSchema.h"
#include "source/minishop2/MiniShop2Registration.h"
#include "source/minishop2/MiniShop2Source.h"
#include "storage/Sql.h"
#include "store/EchoGuardRepo.h"
#include "store/JobRepo.h"
#include "store/WatermarkRepo.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace Source::MiniShop2;
using Common::ManualClock;
using TestSupport::MariaDbServer;

namespace {

struct Line
{
    qint64 productId;
    QString name;
    int count;
    double price;
    QString options;
};

/** One shop database with the ms2 schema, and SQL helpers that do what miniShop2 itself does. */
struct Shop
{
    std::unique_ptr<QTemporaryDir> dir;
    std::shared_ptr<ShopDb> db;
    ShopDbUrl url; ///< with the password
    QString prefix;
    int layout = 4;

    QString t(const char *name) const { return db->table(name); }
    qint64 exec(const QString &sql, const QVariantList &binds = {})
    {
        auto query = db->exec(sql, binds);
        if (!query)
            qFatal("%s", qPrintable(query.error().toString()));
        return ShopDb::insertId(query.value());
    }
    qint64 category(const QString &name, qint64 parent)
    {
        return exec(
            QStringLiteral("INSERT INTO %1 (pagetitle, parent, class_key) VALUES (?, ?, 'msCategory')")
                .arg(t("site_content")),
            { name, parent });
    }
    qint64 product(const QString &name, qint64 category, const QString &article, double price)
    {
        const qint64 id
            = exec(QStringLiteral("INSERT INTO %1 (pagetitle, parent, class_key) VALUES (?, ?, 'msProduct')")
                       .arg(t("site_content")),
                   { name, category });
        exec(QStringLiteral("INSERT INTO %1 (id, article, price) VALUES (?, ?, ?)").arg(t("ms2_products")),
             { id, article, price });
        return id;
    }
    qint64 user(const QString &name, const QString &email, const QString &phone)
    {
        const qint64 id
            = exec(QStringLiteral("INSERT INTO %1 (username) VALUES (?)").arg(t("users")), { email });
        exec(QStringLiteral(
                 "INSERT INTO %1 (internalKey, fullname, email, phone, city) VALUES (?, ?, ?, ?, 'Казань')")
                 .arg(t("user_attributes")),
             { id, name, email, phone });
        return id;
    }
    /** Inserts an order the way msOrderHandler::submit does (status 0 first unless told otherwise). */
    qint64 order(int status, const QString &num, qint64 userId, const QString &receiver, const QString &phone,
                 const QString &email, const QList<Line> &lines = {}, const QString &properties = {},
                 qint64 id = 0, ShopDb *via = nullptr)
    {
        ShopDb &target = via ? *via : *db;
        auto run = [&target](const QString &sql, const QVariantList &binds) {
            auto query = target.exec(sql, binds);
            if (!query)
                qFatal("%s", qPrintable(query.error().toString()));
            return ShopDb::insertId(query.value());
        };
        qint64 addressId = 0;
        const QString addressSql
            = QStringLiteral(
                  "INSERT INTO %1 (%2receiver, phone, email, city, street, building, room, `index`)"
                  " VALUES (%3?, ?, ?, 'Москва', 'ул. Ленина', '5', '12', '101000')")
                  .arg(t("ms2_order_addresses"));
        if (layout == 3)
            addressId = run(addressSql.arg(QString(), QString()), { receiver, phone, email });
        const QString comment = layout == 3 ? QStringLiteral("comment") : QStringLiteral("order_comment");
        QString columns = QStringLiteral("user_id, createdon, num, cost, cart_cost, delivery_cost, status, "
                                         "delivery, payment, `%1`, properties")
                              .arg(comment);
        QVariantList binds {
            userId, QStringLiteral("2023-11-14 10:30:00"), num,       5300, 5000, 300, status, 1,
            1,      QStringLiteral("Позвонить заранее"),   properties
        };
        if (layout == 3) {
            columns += QStringLiteral(", address");
            binds << addressId;
        }
        if (id > 0) {
            columns += QStringLiteral(", id");
            binds << id;
        }
        QStringList marks;
        for (int i = 0; i < binds.size(); ++i)
            marks << QStringLiteral("?");
        const qint64 orderId = run(QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)")
                                       .arg(t("ms2_orders"), columns, marks.join(QLatin1Char(','))),
                                   binds);
        if (layout == 4)
            run(addressSql.arg(QStringLiteral("order_id, "), QStringLiteral("?, ")),
                { orderId, receiver, phone, email });
        for (const Line &line : lines)
            run(QStringLiteral("INSERT INTO %1 (product_id, order_id, name, `count`, price, cost, options) "
                               "VALUES (?, ?, ?, ?, ?, ?, ?)")
                    .arg(t("ms2_order_products")),
                { line.productId, orderId, line.name, line.count, line.price, line.price * line.count,
                  line.options });
        if (status != 0)
            run(QStringLiteral("INSERT INTO %1 (user_id, order_id, `timestamp`, action, entry) VALUES (?, ?, "
                               "'2023-11-14 10:30:01', 'status', ?)")
                    .arg(t("ms2_order_logs")),
                { userId, orderId, status });
        return orderId;
    }
    /** A manager changes the status in the shop's manager panel. */
    qint64 managerSetsStatus(qint64 orderId, int status)
    {
        exec(QStringLiteral("UPDATE %1 SET status = ? WHERE id = ?").arg(t("ms2_orders")),
             { status, orderId });
        return exec(QStringLiteral("INSERT INTO %1 (user_id, order_id, `timestamp`, action, entry) VALUES "
                                   "(1, ?, '2023-11-15 09:00:00', 'status', ?)")
                        .arg(t("ms2_order_logs")),
                    { orderId, status });
    }
    /** A manager opens the order in the shop's manager panel and presses "save" (msOrderUpdateProcessor
     *  sets updatedon; a status change does not). */
    void managerSavesOrder(qint64 orderId, const QString &at, double cost, const QString &city)
    {
        exec(QStringLiteral("UPDATE %1 SET cost = ?, updatedon = ? WHERE id = ?").arg(t("ms2_orders")),
             { cost, at, orderId });
        if (layout == 4) {
            exec(QStringLiteral("UPDATE %1 SET city = ? WHERE order_id = ?").arg(t("ms2_order_addresses")),
                 { city, orderId });
            return;
        }
        const QString address
            = scalar(QStringLiteral("SELECT address FROM %1 WHERE id = ?").arg(t("ms2_orders")), { orderId });
        exec(QStringLiteral("UPDATE %1 SET city = ? WHERE id = ?").arg(t("ms2_order_addresses")),
             { city, address.toLongLong() });
    }
    QString scalar(const QString &sql, const QVariantList &binds = {})
    {
        auto value = db->scalar(sql, binds);
        return value ? value->toString() : QStringLiteral("<error %1>").arg(value.error().message);
    }
};

} // namespace

class TestMiniShop2Source : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<Shop> makeShop()
    {
        QFETCH_GLOBAL(QString, engine);
        QFETCH_GLOBAL(int, layout);
        QFETCH_GLOBAL(QString, prefix);
        auto shop = std::make_unique<Shop>();
        shop->layout = layout;
        shop->prefix = prefix;
        if (engine == QLatin1String("sqlite")) {
            shop->dir = std::make_unique<QTemporaryDir>();
            shop->url = ShopDbUrl::parse(QStringLiteral("sqlite://")
                                         + shop->dir->filePath(QStringLiteral("shop.db")))
                            .value();
        } else {
            auto url = MariaDbServer::instance().createDatabase();
            if (!url)
                qFatal("%s", qPrintable(url.error().toString()));
            shop->url = ShopDbUrl::parse(url.value()).value();
            shop->url.password = MariaDbServer::instance().password();
        }
        auto db = ShopDb::open(shop->url, prefix);
        if (!db)
            qFatal("%s", qPrintable(db.error().toString()));
        shop->db = db.value();
        DemoSchema::Options options;
        options.layout = layout;
        options.commentColumn = layout == 3 ? QStringLiteral("comment") : QString();
        if (!DemoSchema::create(*shop->db, options) || !DemoSchema::insertDefaults(*shop->db))
            qFatal("cannot create the ms2 schema");
        return shop;
    }
    std::unique_ptr<MiniShop2Source> openSource(const Shop &shop, bool fromBeginning = true)
    {
        MiniShop2Config config;
        config.name = QStringLiteral("shop");
        config.url = shop.url;
        config.prefix = shop.prefix;
        config.fromBeginning = fromBeginning;
        auto source = MiniShop2Source::open(config, m_store->db(), &m_clock);
        if (!source)
            qFatal("%s", qPrintable(source.error().toString()));
        return std::move(source).value();
    }
    /** One round of the engine's way in (read → outbox); how many events became jobs. */
    int poll(Source::ShopSource &source, int maxEvents = 200)
    {
        auto round = Engine::readIntoOutbox(source, m_store->db(), maxEvents, &m_clock);
        if (!round)
            qFatal("%s", qPrintable(round.error().toString()));
        return round->taken.events;
    }
    QList<Store::Job> jobs(const QString &kind = {})
    {
        Store::JobQuery query;
        query.limit = 10000;
        auto all = Store::JobRepo(m_store->db()).search(query);
        QList<Store::Job> result;
        for (const Store::Job &job : all.value()) {
            if (kind.isEmpty() || job.kind == kind)
                result << job;
        }
        std::sort(result.begin(), result.end(), [](auto &a, auto &b) { return a.id < b.id; });
        return result;
    }

    std::unique_ptr<TestSupport::TestDatabase> m_store;
    ManualClock m_clock;

private Q_SLOTS:
    void initTestCase_data()
    {
        QTest::addColumn<QString>("engine");
        QTest::addColumn<int>("layout");
        QTest::addColumn<QString>("prefix");
        QTest::newRow("mariadb-4.x") << QStringLiteral("mariadb") << 4 << QStringLiteral("modx_");
        QTest::newRow("mariadb-3.x") << QStringLiteral("mariadb") << 3 << QStringLiteral("modx_");
        QTest::newRow("sqlite-4.x") << QStringLiteral("sqlite") << 4 << QStringLiteral("modx_");
        QTest::newRow("sqlite-3.x-prefix") << QStringLiteral("sqlite") << 3 << QStringLiteral("shop7_");
    }
    void initTestCase()
    {
        QVERIFY2(MariaDbServer::instance().ok(), qPrintable(MariaDbServer::instance().error()));
    }
    void init()
    {
        auto store = TestSupport::TestDatabase::create(QStringLiteral("sqlite"));
        QVERIFY_OK(store);
        m_store = std::move(store).value();
    }

    void readsAWholeOrder()
    {
        auto shop = makeShop();
        const qint64 clothes = shop->category(QStringLiteral("Одежда"), 0);
        const qint64 men = shop->category(QStringLiteral("Мужская"), clothes);
        const qint64 jackets = shop->category(QStringLiteral("Куртки"), men);
        const qint64 sale = shop->category(QStringLiteral("Распродажа"), 0);
        const qint64 parka
            = shop->product(QStringLiteral("Парка «Север»"), jackets, QStringLiteral("ART-0042"), 4500);
        const qint64 belt = shop->product(QStringLiteral("Ремень"), men, QStringLiteral("ART-0007"), 500);
        shop->exec(QStringLiteral("INSERT INTO %1 (product_id, category_id) VALUES (?, ?)")
                       .arg(shop->t("ms2_product_categories")),
                   { parka, sale });
        const qint64 user = shop->user(QStringLiteral("Иванов Иван"), QStringLiteral("ivan@example.ru"),
                                       QStringLiteral("+7 912 000-11-22"));
        const qint64 id = shop->order(
            1, QStringLiteral("2311/1"), user, QStringLiteral("Петрова Анна Сергеевна"),
            QStringLiteral("8 (912) 345-67-89"), QStringLiteral("Anna.Petrova@Mail.RU"),
            { { parka, QStringLiteral("Парка «Север»"), 1, 4500,
                QStringLiteral("{\"size\":\"L\",\"color\":\"чёрный\"}") },
              { belt, QStringLiteral("Ремень"), 1, 500, QString() } },
            QStringLiteral("{\"utm_source\":\"yandex\",\"utm_campaign\":\"autumn\",\"roistat\":\"42\"}"));
        auto source = openSource(*shop);
        QCOMPARE(source->schema().layoutName(),
                 shop->layout == 4 ? QStringLiteral("4.x") : QStringLiteral("3.x"));
        QCOMPARE(poll(*source), 1);

        const QList<Store::Job> created = jobs(QStringLiteral("order.created"));
        QCOMPARE(created.size(), 1);
        const Store::Job &job = created.first();
        QCOMPARE(job.idempotencyKey, QStringLiteral("order:shop:%1:created").arg(id));
        QCOMPARE(job.reference, QStringLiteral("2311/1"));
        QCOMPARE(job.customer, QStringLiteral("Петрова Анна Сергеевна"));
        QCOMPARE(job.phone, QStringLiteral("+79123456789"));
        QCOMPARE(job.email, QStringLiteral("anna.petrova@mail.ru"));
        const Model::ShopOrder order = Model::ShopOrder::fromJson(job.payload);
        QCOMPARE(order.id, QString::number(id));
        QCOMPARE(order.statusId, QStringLiteral("1"));
        QCOMPARE(order.statusName, QStringLiteral("Новый"));
        QCOMPARE(order.cost, 5300.0);
        QCOMPARE(order.deliveryCost, 300.0);
        QCOMPARE(order.deliveryName, QStringLiteral("Самовывоз"));
        QCOMPARE(order.paymentName, QStringLiteral("Оплата наличными"));
        QCOMPARE(order.comment, QStringLiteral("Позвонить заранее"));
        QCOMPARE(order.createdAt, QDateTime(QDate(2023, 11, 14), QTime(10, 30)).toUTC());
        QCOMPARE(order.address.receiver, QStringLiteral("Петрова Анна Сергеевна"));
        QCOMPARE(order.address.city, QStringLiteral("Москва"));
        QCOMPARE(order.address.index, QStringLiteral("101000"));
        QCOMPARE(order.customer.id, QString::number(user));
        QCOMPARE(order.customer.name, QStringLiteral("Иванов Иван"));
        QCOMPARE(order.customer.email, QStringLiteral("ivan@example.ru"));
        QCOMPARE(order.customer.extra.value(QStringLiteral("city")).toString(), QStringLiteral("Казань"));
        QCOMPARE(order.utm.value(QStringLiteral("utm_source")), QStringLiteral("yandex"));
        QCOMPARE(order.utm.value(QStringLiteral("utm_campaign")), QStringLiteral("autumn"));
        QCOMPARE(order.lines.size(), 2);
        QCOMPARE(order.lines[0].article, QStringLiteral("ART-0042"));
        QCOMPARE(order.lines[0].options.value(QStringLiteral("color")).toString(), QStringLiteral("чёрный"));
        QCOMPARE(order.lines[0].cost, 4500.0);
        // The main category (the resource's parent) first, then the extra ones.
        QCOMPARE(order.lines[0].categoryIds,
                 QStringList({ QString::number(jackets), QString::number(sale) }));
        QCOMPARE(order.lines[1].categoryIds, QStringList({ QString::number(men) }));

        const auto statuses = source->statuses();
        QVERIFY_OK(statuses);
        QCOMPARE(statuses->size(), 5);
        const Source::ShopStatus sent = *std::find_if(statuses->begin(), statuses->end(),
                                                      [](auto &s) { return s.id == QLatin1String("3"); });
        QCOMPARE(sent.name, QStringLiteral("Отправлен"));
        QCOMPARE(sent.color, QStringLiteral("003366"));
        QVERIFY(sent.final);
        QVERIFY(sent.fixed);
        QCOMPARE(sent.rank, 3);
        QCOMPARE(statuses->first().id, QStringLiteral("999")); // rank 0 first

        const auto tree = source->categories();
        QVERIFY_OK(tree);
        QCOMPARE(tree->categories().size(), 4);
        QCOMPARE(tree->ancestry(QString::number(jackets)),
                 QStringList({ QString::number(jackets), QString::number(men), QString::number(clothes) }));
        const auto fields = source->fieldCatalogue();
        QVERIFY_OK(fields);
        QVERIFY(std::any_of(fields->begin(), fields->end(),
                            [](auto &f) { return f.path == QLatin1String("order.properties.roistat"); }));
        const auto summary = source->summary();
        QVERIFY_OK(summary);
        QCOMPARE(summary->orders, 1);
        QCOMPARE(summary->statuses, 5);
        QCOMPARE(summary->categories, 4);
    }

    void watermarkSurvivesRestarts()
    {
        auto shop = makeShop();
        QList<qint64> ids;
        for (int i = 1; i <= 3; ++i)
            ids << shop->order(1, QStringLiteral("2311/%1").arg(i), 0, QStringLiteral("Покупатель %1").arg(i),
                               {}, {});
        {
            auto source = openSource(*shop);
            QCOMPARE(poll(*source), 3);
            QCOMPARE(poll(*source), 0);
        }
        for (int i = 4; i <= 5; ++i)
            ids << shop->order(1, QStringLiteral("2311/%1").arg(i), 0, QStringLiteral("Покупатель %1").arg(i),
                               {}, {});
        {
            auto source = openSource(*shop); // a restart: only the store remembers
            QCOMPARE(poll(*source, 1), 1); // a small batch, then the rest
            QCOMPARE(poll(*source), 1);
            QCOMPARE(poll(*source), 0);
        }
        const QList<Store::Job> created = jobs(QStringLiteral("order.created"));
        QCOMPARE(created.size(), 5);
        for (int i = 0; i < 5; ++i)
            QCOMPARE(created[i].sourceRef, QString::number(ids[i]));
        QCOMPARE(jobs(QStringLiteral("order.status")).size(), 0); // creation logs are not status changes
    }

    void newSourceStartsAtThePresent()
    {
        auto shop = makeShop();
        shop->order(1, QStringLiteral("2310/1"), 0, QStringLiteral("Старый заказ"), {}, {});
        auto source = openSource(*shop, false);
        QCOMPARE(poll(*source), 0);
        const qint64 fresh
            = shop->order(1, QStringLiteral("2311/1"), 0, QStringLiteral("Новый заказ"), {}, {});
        QCOMPARE(poll(*source), 1);
        QCOMPARE(jobs().first().sourceRef, QString::number(fresh));
    }

    void waitsForOrdersAtStatusZero()
    {
        auto shop = makeShop();
        const qint64 product = shop->product(QStringLiteral("Кофе"), 0, QStringLiteral("C-1"), 450);
        // miniShop2 inserts the order at status 0, then its lines, then sets status 1.
        const qint64 pending
            = shop->order(0, QStringLiteral("2311/1"), 0, QStringLiteral("Медленный"), {}, {});
        const qint64 ready = shop->order(1, QStringLiteral("2311/2"), 0, QStringLiteral("Быстрый"), {}, {});
        {
            auto source = openSource(*shop);
            QCOMPARE(poll(*source), 1);
            QCOMPARE(jobs().first().sourceRef, QString::number(ready));
        }
        {
            auto source = openSource(*shop); // restart while the order still waits
            QCOMPARE(poll(*source), 0);
            shop->exec(QStringLiteral("INSERT INTO %1 (product_id, order_id, name, `count`, price, cost) "
                                      "VALUES (?, ?, 'Кофе', 2, 450, 900)")
                           .arg(shop->t("ms2_order_products")),
                       { product, pending });
            shop->managerSetsStatus(pending, 1);
            QCOMPARE(poll(*source), 1);
        }
        const QList<Store::Job> created = jobs(QStringLiteral("order.created"));
        QCOMPARE(created.size(), 2);
        QCOMPARE(created[1].sourceRef, QString::number(pending));
        const Model::ShopOrder order = Model::ShopOrder::fromJson(created[1].payload);
        QCOMPARE(order.statusId, QStringLiteral("1"));
        QCOMPARE(order.lines.size(), 1); // read after it was complete
        QCOMPARE(jobs(QStringLiteral("order.status")).size(), 0);

        // An order whose status change failed stays at 0: it is sent anyway after the wait limit.
        const qint64 stuck
            = shop->order(0, QStringLiteral("2311/3"), 0, QStringLiteral("Застрявший"), {}, {});
        auto source = openSource(*shop);
        QCOMPARE(poll(*source), 0);
        m_clock.advanceMs(59 * 60 * 1000);
        QCOMPARE(poll(*source), 0);
        m_clock.advanceMs(2 * 60 * 1000);
        QCOMPARE(poll(*source), 1);
        QCOMPARE(jobs().last().sourceRef, QString::number(stuck));
        QCOMPARE(Model::ShopOrder::fromJson(jobs().last().payload).statusId, QStringLiteral("0"));
        QCOMPARE(poll(*source), 0);
    }

    void ordersCommittedLateAreNotMissed()
    {
        auto shop = makeShop();
        auto source = openSource(*shop);
        qint64 late = 0, early = 0;
        if (shop->url.sqlite) {
            // SQLite has one writer; a late lower id is made explicitly.
            early = shop->order(1, QStringLiteral("2311/2"), 0, QStringLiteral("Второй"), {}, {}, {}, {}, 12);
            shop->order(1, QStringLiteral("2311/0"), 0, QStringLiteral("Первый"), {}, {}, {}, {}, 10);
            QCOMPARE(poll(*source), 2);
            late = shop->order(1, QStringLiteral("2311/1"), 0, QStringLiteral("Поздний"), {}, {}, {}, {}, 11);
        } else {
            // Two real connections: the first takes an id and commits after the second.
            auto other = ShopDb::open(shop->url, shop->prefix);
            QVERIFY_OK(other);
            QVERIFY_OK(other.value()->begin());
            late = shop->order(1, QStringLiteral("2311/1"), 0, QStringLiteral("Поздний"), {}, {}, {}, {}, 0,
                               other.value().get());
            early = shop->order(1, QStringLiteral("2311/2"), 0, QStringLiteral("Второй"), {}, {});
            QVERIFY(late < early);
            QCOMPARE(poll(*source), 1);
            QVERIFY_OK(other.value()->commit());
        }
        QCOMPARE(poll(*source), 1);
        QCOMPARE(jobs().last().sourceRef, QString::number(late));
        QCOMPARE(poll(*source), 0);
        QCOMPARE(jobs(QStringLiteral("order.created")).size(), shop->url.sqlite ? 3 : 2);

        // A gap that never fills (a rolled-back insert) is forgotten after the gap limit.
        shop->order(1, QStringLiteral("2311/9"), 0, QStringLiteral("После дыры"), {}, {}, {}, {}, early + 5);
        QCOMPARE(poll(*source), 1);
        auto mark
            = Store::WatermarkRepo(m_store->db()).value(QStringLiteral("shop"), EventReader::ordersStream());
        QVERIFY(Source::IdWatermark::fromJson(mark->value()).gaps.size() >= 4);
        m_clock.advanceMs(11 * 60 * 1000);
        QCOMPARE(poll(*source), 0);
        mark = Store::WatermarkRepo(m_store->db()).value(QStringLiteral("shop"), EventReader::ordersStream());
        QVERIFY(Source::IdWatermark::fromJson(mark->value()).gaps.isEmpty());
        QCOMPARE(Source::IdWatermark::fromJson(mark->value()).after, early + 5);
    }

    void statusWriteFollowsTheShopsRules()
    {
        auto shop = makeShop();
        const qint64 id = shop->order(1, QStringLiteral("2311/1"), 0, QStringLiteral("Покупатель"), {}, {});
        auto source = openSource(*shop);
        const QString logs = QStringLiteral("SELECT COUNT(*) FROM %1 WHERE order_id = %2")
                                 .arg(shop->t("ms2_order_logs"))
                                 .arg(id);
        const QString status
            = QStringLiteral("SELECT status FROM %1 WHERE id = %2").arg(shop->t("ms2_orders")).arg(id);
        const QString orderId = QString::number(id);

        QVERIFY_OK(source->writeStatus(orderId, QStringLiteral("2")));
        QCOMPARE(shop->scalar(status), QStringLiteral("2"));
        QCOMPARE(shop->scalar(logs), QStringLiteral("2"));
        QCOMPARE(
            shop->scalar(QStringLiteral("SELECT entry FROM %1 WHERE order_id = %2 ORDER BY id DESC LIMIT 1")
                             .arg(shop->t("ms2_order_logs"))
                             .arg(id)),
            QStringLiteral("2"));

        auto refused = [&](const QString &to, const QString &code) {
            auto result = source->writeStatus(orderId, to);
            QVERIFY2(!result.ok(), qPrintable(to));
            QCOMPARE(result.error().code, code);
            QCOMPARE(result.error().kind, Common::ErrorKind::Permanent);
        };
        refused(QStringLiteral("2"), QStringLiteral("status-same"));
        refused(QStringLiteral("1"),
                QStringLiteral("status-rank")); // "Оплачен" is fixed: no way back to "Новый"
        refused(QStringLiteral("999"), QStringLiteral("status-rank"));
        refused(QStringLiteral("77"), QStringLiteral("status-unknown"));
        QCOMPARE(shop->scalar(status), QStringLiteral("2"));
        QCOMPARE(shop->scalar(logs), QStringLiteral("2"));

        QVERIFY_OK(source->writeStatus(orderId, QStringLiteral("3")));
        refused(QStringLiteral("4"), QStringLiteral("status-final")); // "Отправлен" is final
        QCOMPARE(shop->scalar(status), QStringLiteral("3"));
        QCOMPARE(shop->scalar(logs), QStringLiteral("3"));

        // A draft (not fixed) may go anywhere.
        const qint64 draft
            = shop->order(999, QStringLiteral("2311/2"), 0, QStringLiteral("Черновик"), {}, {});
        QVERIFY_OK(source->writeStatus(QString::number(draft), QStringLiteral("1")));
        auto missing = source->writeStatus(QStringLiteral("424242"), QStringLiteral("2"));
        QVERIFY(!missing.ok());
        QCOMPARE(missing.error().kind, Common::ErrorKind::NotFound);
    }

    void ourWritesDoNotEchoButManagersChangesDo()
    {
        auto shop = makeShop();
        const qint64 id = shop->order(1, QStringLiteral("2311/1"), 0, QStringLiteral("Покупатель"), {}, {});
        auto source = openSource(*shop);
        QCOMPARE(poll(*source), 1);

        QVERIFY_OK(source->writeStatus(QString::number(id), QStringLiteral("2"))); // from the CRM
        QCOMPARE(poll(*source), 0);
        QCOMPARE(jobs(QStringLiteral("order.status")).size(), 0);

        const qint64 logId = shop->managerSetsStatus(id, 3); // a manager in the shop
        QCOMPARE(poll(*source), 1);
        const QList<Store::Job> changes = jobs(QStringLiteral("order.status"));
        QCOMPARE(changes.size(), 1);
        QCOMPARE(changes.first().idempotencyKey,
                 QStringLiteral("order:shop:%1:status:%2").arg(id).arg(logId));
        QCOMPARE(changes.first().reference, QStringLiteral("2311/1"));
        const Model::StatusChange change = Model::StatusChange::fromJson(changes.first().payload);
        QCOMPARE(change.origin, Model::StatusChange::Origin::Shop);
        QCOMPARE(change.fromStatus, QStringLiteral("2"));
        QCOMPARE(change.toStatus, QStringLiteral("3"));
        QCOMPARE(change.eventId, QString::number(logId));

        // A write whose log id never reached the guard (a crash between the two) still does not echo.
        const qint64 other = shop->order(1, QStringLiteral("2311/2"), 0, QStringLiteral("Другой"), {}, {});
        QCOMPARE(poll(*source), 1);
        Store::EchoGuardRepo echo(m_store->db(), &m_clock);
        QVERIFY_OK(echo.expect(QStringLiteral("shop"), QString::number(other), QStringLiteral("4")));
        shop->managerSetsStatus(other, 4);
        QCOMPARE(poll(*source), 0);
        shop->managerSetsStatus(other, 2); // not what we wrote: a real change
        QCOMPARE(poll(*source), 1);
    }

    /** A manager's "save" with changes is an order.changed with the order's new state; a save that
     *  changes nothing and a status change are not. */
    void managersSaveIsAnOrderChange()
    {
        auto shop = makeShop();
        const qint64 id = shop->order(1, QStringLiteral("2311/1"), 0, QStringLiteral("Покупатель"),
                                      QStringLiteral("+79120000001"), QStringLiteral("buyer@example.ru"));
        auto source = openSource(*shop);
        QCOMPARE(poll(*source), 1);
        shop->managerSavesOrder(id, QStringLiteral("2023-11-16 10:00:00"), 5300, QStringLiteral("Москва"));
        QCOMPARE(poll(*source), 0); // saved without a change
        shop->managerSavesOrder(id, QStringLiteral("2023-11-16 11:00:00"), 6100, QStringLiteral("Тверь"));
        QCOMPARE(poll(*source), 1);
        shop->managerSetsStatus(id, 2); // not a save: an order.status, no order.changed
        QCOMPARE(poll(*source), 1);
        QCOMPARE(poll(*source), 0);
        const QList<Store::Job> changes = jobs(QStringLiteral("order.changed"));
        QCOMPARE(changes.size(), 1);
        QCOMPARE(changes.first().idempotencyKey, QStringLiteral("order:shop:%1:changed:1").arg(id));
        QCOMPARE(changes.first().reference, QStringLiteral("2311/1"));
        const Model::ShopOrder order = Model::ShopOrder::fromJson(changes.first().payload);
        QCOMPARE(order.cost, 6100.0);
        QCOMPARE(order.address.city, QStringLiteral("Тверь"));
        QCOMPARE(jobs(QStringLiteral("order.status")).size(), 1);
        // Saved again later, back to the old city: another change, with its own revision.
        shop->managerSavesOrder(id, QStringLiteral("2023-11-17 09:00:00"), 6100, QStringLiteral("Москва"));
        QCOMPARE(poll(*source), 1);
        QCOMPARE(jobs(QStringLiteral("order.changed")).last().idempotencyKey,
                 QStringLiteral("order:shop:%1:changed:2").arg(id));
    }

    /** A registration is a customer.saved at once; a profile save is found by the next pass over the
     *  profiles (MODX keeps no time of it); the users already there when the source starts are only
     *  learnt, not sent. */
    void registrationsAndProfileSavesAreCustomerEvents()
    {
        auto shop = makeShop();
        const qint64 old = shop->user(QStringLiteral("Старый Клиент"), QStringLiteral("old@example.ru"),
                                      QStringLiteral("+7 912 000-00-01"));
        auto source = openSource(*shop, false);
        QCOMPARE(poll(*source), 0);
        const qint64 fresh = shop->user(QStringLiteral("Новая Покупательница"),
                                        QStringLiteral("New@Example.RU"), QStringLiteral("8 912 111-22-33"));
        QCOMPARE(poll(*source), 1);
        QList<Store::Job> saved = jobs(QStringLiteral("customer.saved"));
        QCOMPARE(saved.size(), 1);
        QCOMPARE(saved.first().idempotencyKey, QStringLiteral("customer:shop:%1:1").arg(fresh));
        QCOMPARE(saved.first().phone, QStringLiteral("+79121112233"));
        QCOMPARE(saved.first().email, QStringLiteral("new@example.ru"));
        const Model::Customer customer = Model::Customer::fromJson(saved.first().payload);
        QCOMPARE(customer.name, QStringLiteral("Новая Покупательница"));
        QCOMPARE(customer.extra.value(QStringLiteral("city")).toString(), QStringLiteral("Казань"));

        m_clock.advanceMs(6 * 60'000); // the next pass: nothing changed
        QCOMPARE(poll(*source), 0);
        shop->exec(
            QStringLiteral("UPDATE %1 SET phone = ? WHERE internalKey = ?").arg(shop->t("user_attributes")),
            { QStringLiteral("+7 912 000-00-09"), old });
        QCOMPARE(poll(*source), 0); // between passes
        m_clock.advanceMs(6 * 60'000);
        QCOMPARE(poll(*source), 1);
        saved = jobs(QStringLiteral("customer.saved"));
        QCOMPARE(saved.size(), 2);
        QCOMPARE(saved.last().idempotencyKey, QStringLiteral("customer:shop:%1:1").arg(old));
        QCOMPARE(saved.last().phone, QStringLiteral("+79120000009"));
    }

    /** A source that starts from the beginning sends every order once, in its present status: the
     *  status history is not replayed. */
    void fromTheBeginningEachOrderOnceNotItsHistory()
    {
        auto shop = makeShop();
        const qint64 id = shop->order(1, QStringLiteral("2311/1"), 0, QStringLiteral("Покупатель"), {}, {});
        shop->managerSetsStatus(id, 2);
        shop->order(1, QStringLiteral("2311/2"), 0, QStringLiteral("Другой"), {}, {});
        auto source = openSource(*shop, true);
        QCOMPARE(poll(*source), 2);
        QCOMPARE(poll(*source), 0);
        QCOMPARE(jobs(QStringLiteral("order.status")).size(), 0);
        QCOMPARE(Model::ShopOrder::fromJson(jobs().first().payload).statusId, QStringLiteral("2"));
    }

    /** Delivery and payment methods in the shop's order, remembered in the store for the code map
     *  editor when the source is opened (the console never reads the shop itself). */
    void deliveryAndPaymentMethodsAreRememberedForTheCodeMaps()
    {
        auto shop = makeShop();
        shop->exec(
            QStringLiteral("INSERT INTO %1 (id, name, `rank`, active) VALUES (?, ?, ?, ?), (?, ?, ?, ?)")
                .arg(shop->t("ms2_deliveries")),
            { 3, QStringLiteral("Почта России"), 2, 0, 2, QStringLiteral("Курьер"), 1, 1 });
        shop->exec(
            QStringLiteral("INSERT INTO %1 (id, name, `rank`) VALUES (?, ?, ?)").arg(shop->t("ms2_payments")),
            { 3, QStringLiteral("Картой онлайн"), 1 });
        Source::SourceRecord record;
        record.name = QStringLiteral("shop");
        record.kind = QStringLiteral("minishop2");
        record.url = shop->url.toDisplayString();
        record.config = { { QStringLiteral("prefix"), shop->prefix } };
        Source::SourceRepo sources(m_store->db());
        QVERIFY_OK(sources.add(record));
        QVERIFY(sources.byName(record.name)->knownMethods(Source::MethodKind::Delivery).isEmpty());

        Source::SourceRegistry registry;
        registerMiniShop2(registry);
        auto source = registry.openWithPassword(record, m_store->db(), shop->url.password.toUtf8(), &m_clock);
        QVERIFY_OK(source);
        const QList<Source::ShopMethod> deliveries {
            { QStringLiteral("1"), QStringLiteral("Самовывоз"), true },
            { QStringLiteral("2"), QStringLiteral("Курьер"), true },
            { QStringLiteral("3"), QStringLiteral("Почта России"), false },
        };
        QCOMPARE(source.value()->methods(Source::MethodKind::Delivery).value(), deliveries);
        const QList<Source::ShopMethod> payments {
            { QStringLiteral("1"), QStringLiteral("Оплата наличными"), true },
            { QStringLiteral("3"), QStringLiteral("Картой онлайн"), true },
        };
        QCOMPARE(source.value()->methods(Source::MethodKind::Payment).value(), payments);
        auto stored = sources.byName(record.name);
        QVERIFY_OK(stored);
        QCOMPARE(stored->knownMethods(Source::MethodKind::Delivery), deliveries);
        QCOMPARE(stored->knownMethods(Source::MethodKind::Payment), payments);
        QCOMPARE(stored->knownStatuses().size(), 5);
    }
};

QTEST_GUILESS_MAIN(TestMiniShop2Source)
#include "tst_MiniShop2Source.moc"
