// SPDX-License-Identifier: GPL-3.0-or-later
// One shop, two CRMs: the engine with an amoCRM and a RetailCRM connection, each against its sandbox
// over loopback, and a real SQLite miniShop2 database polled by the engine. Every order becomes one
// deal in amoCRM and one order in RetailCRM — also after an engine died mid-send; a source that names
// one target sends only there; a form reaches both, and so does a job queued without a connection; a
// manager's edit of an order and a shop user's registration and profile save (MariaDB shop) reach both.
#include "MariaDbServer.h"
#include "TestShopSources.h"
#include "crm/ConnectorFactory.h"
#include "fixtures/amocrm/EngineTestKit.h"
#include "fixtures/retailcrm/RetailTestKit.h"
#include "mapping/MappingRepo.h"
#include "model/FormSubmission.h"
#include "source/SourceRepo.h"
#include "source/minishop2/DemoShopGenerator.h"
#include "source/minishop2/ShopDb.h"
#include "store/EntityLinkRepo.h"
#include "store/Outbox.h"
#include "store/SettingsRepo.h"

#include <QTemporaryDir>

using Source::MiniShop2::DemoShopGenerator;
using Source::MiniShop2::ShopDb;
using Source::MiniShop2::ShopDbUrl;
using Store::JobState;

class TestEngineFanOut : public QObject
{
    Q_OBJECT
private:
    EngineTestKit::Fixture m_amo; ///< the amoCRM sandbox, the store and its signed-in "amo" connection
    std::unique_ptr<Sandbox::RetailCrm::RetailCrmSandbox> m_retail;
    std::unique_ptr<Sandbox::Testing::RetailTestClient> m_retailControl;
    QNetworkAccessManager m_network;
    qint64 m_retailId = 0;
    QTemporaryDir m_dir;
    std::shared_ptr<ShopDb> m_shop;
    int m_amoLeadsBefore = 0;
    int m_retailOrdersBefore = 0;

    QJsonArray retailOrders()
    {
        return m_retailControl->control(QStringLiteral("state"), {}, "GET").value("orders").toArray();
    }
    int amoLeads() { return int(m_amo.state().value("leads").toArray().size()); }
    int links(qint64 connectionId, const QString &kind)
    {
        return Store::EntityLinkRepo(m_amo.store->db()).count(connectionId, kind).valueOr(-1);
    }
    int jobs(const QString &where)
    {
        auto count = Storage::Sql::scalar(*m_amo.store->db(),
                                          QStringLiteral("SELECT COUNT(*) FROM jobs WHERE ") + where);
        return count ? count->toInt() : -1;
    }

    /** The RetailCRM mapping the operator saved: its schema, the code maps and the status rows. */
    void saveRetailMapping()
    {
        Crm::RetailCrm::RetailConnectorConfig config;
        config.connectionId = m_retailId;
        config.baseUrl = m_retail->baseUrl();
        config.site = m_retail->site();
        Crm::RetailCrm::RetailCrmConnector connector(config, m_amo.secrets, m_amo.store->db(), &m_network);
        auto schema = RetailTestKit::await<Common::Result<Crm::CrmSchema>>(
            [&](auto cb) { connector.fetchSchema(cb); });
        QVERIFY_OK(schema);
        Mapping::MappingRepo repo(m_amo.store->db());
        QVERIFY_OK(repo.saveSchema(m_retailId, schema.value()));
        QVERIFY_OK(repo.save(m_retailId, RetailTestKit::mapping(schema.value())));
    }

    /** A miniShop2 database with @p orders orders, polled by the engine as source "shop". */
    void addShop(int orders)
    {
        const QString url = QStringLiteral("sqlite://")
            + m_dir.filePath(QStringLiteral("shop-%1.db").arg(QTest::currentTestFunction()));
        auto shop = ShopDb::open(ShopDbUrl::parse(url).value(), QStringLiteral("modx_"));
        QVERIFY_OK(shop);
        m_shop = std::move(shop).value();
        DemoShopGenerator::Options generate;
        generate.orders = orders;
        QVERIFY_OK(DemoShopGenerator::generate(*m_shop, generate));
        Source::SourceRecord record;
        record.name = QStringLiteral("shop");
        record.kind = QStringLiteral("minishop2");
        record.url = url;
        record.config = QJsonObject { { "prefix", "modx_" }, { "start", "beginning" } };
        QVERIFY_OK(Source::SourceRepo(m_amo.store->db()).add(record));
    }

    /** Shop orders in amoCRM (by "CRM Bridge ID") and in RetailCRM (by externalId): how many each has. */
    QHash<QString, int> amoOrderDeals()
    {
        QHash<QString, int> deals;
        const QHash<QString, int> all = AmoTestKit::dealsByExternalId(m_amo.state());
        for (auto it = all.cbegin(); it != all.cend(); ++it)
            if (it.key().startsWith(QLatin1String("order:shop:")))
                deals.insert(it.key(), it.value());
        return deals;
    }
    QHash<QString, int> retailOrdersByExternalId()
    {
        QHash<QString, int> orders;
        const QJsonArray all = retailOrders();
        for (qsizetype i = m_retailOrdersBefore; i < all.size(); ++i)
            ++orders[all[i].toObject().value("externalId").toString()];
        return orders;
    }
    static int total(const QHash<QString, int> &counts)
    {
        int sum = 0;
        for (int n : counts)
            sum += n;
        return sum;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QString error;
        QVERIFY2(m_amo.initSandbox(&error), qPrintable(error));
        error = RetailTestKit::startDemoSandbox(m_retail, m_retailControl);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        m_network.setProxy(QNetworkProxy::NoProxy);
    }

    void init()
    {
        m_amo.initStore();
        m_retailControl->control(QStringLiteral("reset"), { { "seed", "demo" } });
        m_retailId = RetailTestKit::addConnection(m_amo.store->db(), *m_retail);
        QVERIFY(m_retailId > 0);
        AmoTestKit::writeSecret(*m_amo.secrets, m_retailId, Crm::RetailCrm::RetailSecretNames::apiKey(),
                                m_retail->apiKey().toUtf8());
        saveRetailMapping();
        m_amoLeadsBefore = amoLeads();
        m_retailOrdersBefore = int(retailOrders().size());
    }

    void cleanup()
    {
        m_shop.reset();
        m_amo.cleanup();
    }

    /** Ten shop orders reach both CRMs once; an engine that died while sending two of them (both
     *  CRMs' jobs left `sending`, their links lost) is reconciled, and orders placed meanwhile follow. */
    void everyOrderReachesEveryCrmOnceAcrossACrash()
    {
        addShop(10);
        Crm::ConnectorFactory factory(m_amo.store->db(), m_amo.secrets);
        auto engine = m_amo.startEngine(factory);
        QVERIFY(engine);
        QTRY_COMPARE_WITH_TIMEOUT(jobs(QStringLiteral("kind = 'order.created' AND state = 'done'")), 20,
                                  60000);
        m_amo.stopEngine(engine);
        QCOMPARE(links(m_amo.connectionId, QStringLiteral("order")), 10);
        QCOMPARE(links(m_retailId, QStringLiteral("order")), 10);
        QCOMPARE(jobs(QStringLiteral("kind = 'order.created' AND connection_id IS NULL")), 0);

        // The engine died right after it sent two orders to both CRMs: their jobs are `sending`.
        QVERIFY_OK(Storage::Sql::exec(
            *m_amo.store->db(),
            QStringLiteral("UPDATE jobs SET state = 'sending', lease_owner = 'dead', lease_until = 1"
                           " WHERE kind = 'order.created' AND source_ref IN (SELECT source_ref FROM jobs"
                           "   WHERE kind = 'order.created' GROUP BY source_ref ORDER BY MIN(id) LIMIT 2)")));
        QCOMPARE(jobs(QStringLiteral("state = 'sending'")), 4);
        QVERIFY_OK(Storage::Sql::exec(
            *m_amo.store->db(),
            QStringLiteral("DELETE FROM entity_links WHERE source_kind = 'order' AND source_id IN"
                           " (SELECT 'shop:' || source_ref FROM jobs WHERE state = 'sending')")));
        QVERIFY_OK(DemoShopGenerator::addOrders(*m_shop, 3, 4, 11));

        engine = m_amo.startEngine(factory);
        QVERIFY(engine);
        QTRY_COMPARE_WITH_TIMEOUT(jobs(QStringLiteral("kind = 'order.created' AND state = 'done'")), 26,
                                  60000);
        m_amo.stopEngine(engine);

        const QHash<QString, int> deals = amoOrderDeals();
        QCOMPARE(deals.size(), 13);
        QCOMPARE(total(deals), 13);
        QCOMPARE(amoLeads() - m_amoLeadsBefore, 13);
        const QHash<QString, int> orders = retailOrdersByExternalId();
        QCOMPARE(orders.size(), 13);
        QCOMPARE(total(orders), 13);
        QCOMPARE(links(m_amo.connectionId, QStringLiteral("order")), 13);
        QCOMPARE(links(m_retailId, QStringLiteral("order")), 13);
        // Found again by their external ids after the crash: 13 orders in each CRM, 13 links each, every job
        // done (with once-steps the found deal's note goes on as a follow-up, so the try is not named
        // "reconciled" any more; the counts are the promise).
        QCOMPARE(jobs(QStringLiteral("kind = 'order.created' AND state <> 'done'")), 0);
    }

    /** The shop names RetailCRM as its only target: its orders go there and nowhere else. */
    void aSourceWithOneNamedTargetSendsOnlyThere()
    {
        QVERIFY_OK(Store::Outbox(m_amo.store->db()).setNamedTargets(QStringLiteral("shop"), { m_retailId }));
        addShop(5);
        Crm::ConnectorFactory factory(m_amo.store->db(), m_amo.secrets);
        auto engine = m_amo.startEngine(factory);
        QVERIFY(engine);
        QTRY_COMPARE_WITH_TIMEOUT(jobs(QStringLiteral("kind = 'order.created' AND state = 'done'")), 5,
                                  60000);
        QTest::qWait(1000); // more polls and rounds: still nothing for amoCRM
        m_amo.stopEngine(engine);
        QCOMPARE(total(retailOrdersByExternalId()), 5);
        QCOMPARE(amoOrderDeals().size(), 0);
        QCOMPARE(amoLeads(), m_amoLeadsBefore);
        QCOMPARE(jobs(QStringLiteral("connection_id = %1").arg(m_amo.connectionId)), 0);
        QCOMPARE(links(m_amo.connectionId, QStringLiteral("order")), 0);
    }

    /** RetailCRM switched on while the engine runs: its lanes start without a restart, and it gets the
     *  orders placed from then on (the earlier ones were never queued for it). */
    void aConnectionSwitchedOnWhileRunningGetsItsLanes()
    {
        Store::ConnectionRepo connections(m_amo.store->db());
        auto retail = connections.byId(m_retailId);
        QVERIFY_OK(retail);
        retail->config.insert(QStringLiteral("enabled"), false);
        QVERIFY_OK(connections.update(retail.value()));
        addShop(3);
        Crm::ConnectorFactory factory(m_amo.store->db(), m_amo.secrets);
        auto engine = m_amo.startEngine(factory);
        QVERIFY(engine);
        engine->setAdoptInterval(200);
        QTRY_COMPARE_WITH_TIMEOUT(jobs(QStringLiteral("kind = 'order.created' AND state = 'done'")), 3,
                                  60000);
        QCOMPARE(engine->lanes().size(), 1);

        retail->config.insert(QStringLiteral("enabled"), true);
        QVERIFY_OK(connections.update(retail.value()));
        QTRY_COMPARE_WITH_TIMEOUT(engine->lanes().size(), 2, 5000);
        QCOMPARE(engine->statusLanes().size(), 2);
        QVERIFY_OK(DemoShopGenerator::addOrders(*m_shop, 2, 4, 4));
        QTRY_COMPARE_WITH_TIMEOUT(jobs(QStringLiteral("kind = 'order.created' AND state = 'done'")), 7,
                                  60000);
        m_amo.stopEngine(engine);
        QCOMPARE(amoOrderDeals().size(), 5);
        QCOMPARE(total(retailOrdersByExternalId()), 2);
        QCOMPARE(links(m_retailId, QStringLiteral("order")), 2);
    }

    /** A form submission (as the intake stores it) and an order job queued without a connection, as an
     *  older version queued them, both reach both CRMs. */
    void aFormAndAnUnaddressedJobReachBoth()
    {
        Model::FormSubmission form;
        form.id = QStringLiteral("f-1");
        form.formName = QStringLiteral("callback");
        form.receivedAt = QDateTime::currentDateTimeUtc();
        form.fields = { { QStringLiteral("name"), QStringLiteral("Анна") },
                        { QStringLiteral("phone"), QStringLiteral("+7 912 555-01-02") },
                        { QStringLiteral("email"), QStringLiteral("anna@example.ru") } };
        Model::ShopEvent event;
        event.kind = Model::ShopEvent::Kind::FormSubmitted;
        event.source = QStringLiteral("forms");
        event.entityId = form.id;
        event.payload = form.toJson();
        event.reference = form.formName;
        Store::Outbox outbox(m_amo.store->db());
        auto appended = outbox.append(event);
        QVERIFY_OK(appended);
        QCOMPARE(appended->jobs.size(), 2);
        QVERIFY_OK(
            Store::JobRepo(m_amo.store->db()).enqueue(EngineTestKit::jobFor(EngineTestKit::order(1, 1))));

        Crm::ConnectorFactory factory(m_amo.store->db(), m_amo.secrets);
        auto engine = m_amo.startEngine(factory);
        QVERIFY(engine);
        QTRY_COMPARE_WITH_TIMEOUT(m_amo.countDone(), 4, 60000);
        m_amo.stopEngine(engine);
        for (qint64 connection : { m_amo.connectionId, m_retailId }) {
            QCOMPARE(links(connection, QStringLiteral("form")), 1);
            QCOMPARE(links(connection, QStringLiteral("order")), 1);
        }
        QCOMPARE(amoLeads() - m_amoLeadsBefore, 2);
        QCOMPARE(total(retailOrdersByExternalId()), 2);
    }

    /** On a MariaDB shop: a manager edits an order in the shop's manager (new total, new city), a
     *  shop user registers and another changes his profile. Each change reaches both CRMs as an update
     *  of what is there — the deal's price and the RetailCRM order's city, a contact and a customer —
     *  and no deal, order or person is made twice; a save that changed nothing sends nothing. */
    void shopEditsAndProfilesReachBothCrms()
    {
        TestSupport::MariaDbServer &server = TestSupport::MariaDbServer::instance();
        QVERIFY2(server.ok(), qPrintable(server.error()));
        auto url = server.createDatabase();
        QVERIFY_OK(url);
        auto shop = ShopDb::open(ShopDbUrl::parse(server.withPassword(url.value())).value(),
                                 QStringLiteral("modx_"));
        QVERIFY_OK(shop);
        m_shop = shop.value();
        DemoShopGenerator::Options generate;
        generate.orders = 3;
        QVERIFY_OK(DemoShopGenerator::generate(*m_shop, generate));
        Source::SourceRecord record;
        record.name = QStringLiteral("shop");
        record.kind = QStringLiteral("minishop2");
        record.url = url.value();
        record.config = QJsonObject { { "prefix", "modx_" },
                                      { "start", "beginning" },
                                      { "profile_rescan_minutes", 0.01 } };
        QVERIFY_OK(Source::SourceRepo(m_amo.store->db()).add(record));
        QVERIFY_OK(RetailTestKit::await<Common::Status>([&](auto cb) {
            m_amo.secrets->write(record.secretScope(), Source::SourceRecord::passwordSecretName(),
                                 server.password().toUtf8(), cb);
        }));
        QVERIFY_OK(Store::SettingsRepo(m_amo.store->db())
                       .setValue(QStringLiteral("customers.upsert_contacts"), QStringLiteral("on")));

        Crm::ConnectorFactory factory(m_amo.store->db(), m_amo.secrets);
        auto engine = std::make_unique<Engine::SyncEngine>(
            m_amo.store->db(), [&factory](const Store::Connection &c) { return factory.forConnection(c); });
        engine->setSources(TestSupport::shopSources());
        engine->setSecretStore(m_amo.secrets);
        Engine::LaneConfig lane;
        lane.idlePollMs = 100;
        lane.retry.firstDelayMs = 300;
        lane.retry.maxDelayMs = 1000;
        engine->setLaneTemplate(lane);
        Engine::PollerConfig poller;
        poller.intervalMs = 100;
        engine->setPollerTemplate(poller);
        QVERIFY_OK(engine->start());
        QTRY_COMPARE_WITH_TIMEOUT(jobs(QStringLiteral("kind = 'order.created' AND state = 'done'")), 6,
                                  60000);

        // The manager opens the first order, changes the total and the city, and saves; then saves
        // the second one without changing anything. (A fixed time: the server's NOW() may be in
        // another zone than the generator's order times.)
        const qint64 first
            = m_shop->scalar(QStringLiteral("SELECT MIN(id) FROM modx_ms2_orders"))->toLongLong();
        QVERIFY_OK(m_shop->exec(
            QStringLiteral("UPDATE modx_ms2_orders SET cost = 98765, updatedon = '2099-01-01 10:00:00'"
                           " WHERE id = ?"),
            { first }));
        QVERIFY_OK(
            m_shop->exec(QStringLiteral("UPDATE modx_ms2_order_addresses SET city = 'Тверь (новый адрес)'"
                                        " WHERE order_id = ?"),
                         { first }));
        QVERIFY_OK(m_shop->exec(
            QStringLiteral("UPDATE modx_ms2_orders SET updatedon = '2099-01-01 10:00:01' WHERE id = ?"),
            { first + 1 }));
        // A new shop user, and an old one who changes his phone in his profile.
        QVERIFY_OK(
            m_shop->exec(QStringLiteral("INSERT INTO modx_users (username) VALUES ('vera@example.ru')")));
        const qint64 vera = m_shop->scalar(QStringLiteral("SELECT MAX(id) FROM modx_users"))->toLongLong();
        QVERIFY_OK(
            m_shop->exec(QStringLiteral("INSERT INTO modx_user_attributes (internalKey, fullname, email,"
                                        " phone) VALUES (?, 'Вера Новикова', 'vera@example.ru',"
                                        " '+7 912 700-00-01')"),
                         { vera }));
        const qint64 old = m_shop->scalar(QStringLiteral("SELECT MIN(internalKey) FROM modx_user_attributes"))
                               ->toLongLong();
        const QString oldEmail
            = m_shop
                  ->scalar(QStringLiteral("SELECT email FROM modx_user_attributes WHERE internalKey = ?"),
                           { old })
                  ->toString();
        QVERIFY_OK(m_shop->exec(QStringLiteral("UPDATE modx_user_attributes SET phone = '+7 912 700-00-02'"
                                               " WHERE internalKey = ?"),
                                { old }));

        QTRY_COMPARE_WITH_TIMEOUT(jobs(QStringLiteral("kind = 'order.changed' AND state = 'done'")), 2,
                                  60000);
        QTRY_COMPARE_WITH_TIMEOUT(jobs(QStringLiteral("kind = 'customer.saved' AND state = 'done'")), 4,
                                  60000);
        QTest::qWait(1500); // more polls and passes over the profiles: nothing else comes
        EngineTestKit::stopEngine(engine);
        QCOMPARE(jobs(QStringLiteral("kind = 'order.changed'")), 2); // the empty save sent nothing
        QCOMPARE(jobs(QStringLiteral("kind = 'customer.saved'")), 4);
        QCOMPARE(jobs(QStringLiteral("state <> 'done'")), 0);

        // amoCRM: the deal's price follows; still one deal per order.
        const QString deal = Store::EntityLinkRepo(m_amo.store->db())
                                 .crmIdFor(m_amo.connectionId, QStringLiteral("order"),
                                           QStringLiteral("shop:%1").arg(first), QStringLiteral("lead"))
                                 ->value_or(QString());
        QVERIFY(!deal.isEmpty());
        for (const QJsonValue &l : m_amo.state().value("leads").toArray()) {
            if (l.toObject().value("id").toInteger() == deal.toLongLong())
                QCOMPARE(l.toObject().value("price").toInt(), 98765);
        }
        QCOMPARE(amoOrderDeals().size(), 3);
        QCOMPARE(total(amoOrderDeals()), 3);
        // RetailCRM: the order's delivery city follows; still one order per shop order.
        int tver = 0;
        for (const QJsonValue &o : retailOrders())
            tver += o.toObject()
                        .value("delivery")
                        .toObject()
                        .value("address")
                        .toObject()
                        .value("city")
                        .toString()
                    == QStringLiteral("Тверь (новый адрес)")
                ? 1
                : 0;
        QCOMPARE(tver, 1); // the edited order has the new city
        QCOMPARE(total(retailOrdersByExternalId()), 3);
        // The people: Vera is a contact and a customer now, once each; the old user's phone is there.
        auto amoHas = [&](const QString &value) {
            int n = 0;
            for (const QJsonValue &c : m_amo.state().value("contacts").toArray())
                n += QJsonDocument(c.toObject()).toJson().contains(value.toUtf8()) ? 1 : 0;
            return n;
        };
        QCOMPARE(amoHas(QStringLiteral("vera@example.ru")), 1);
        QVERIFY(amoHas(QStringLiteral("79127000002")) >= 1);
        auto retailHas = [&](const QString &value) {
            int n = 0;
            const QJsonArray customers
                = m_retailControl->control(QStringLiteral("state"), {}, "GET").value("customers").toArray();
            for (const QJsonValue &c : customers)
                n += QJsonDocument(c.toObject()).toJson().contains(value.toUtf8()) ? 1 : 0;
            return n;
        };
        QCOMPARE(retailHas(QStringLiteral("vera@example.ru")), 1);
        QCOMPARE(retailHas(oldEmail), 1);
        m_shop->releaseThreadConnection();
    }
};

QTEST_MAIN(TestEngineFanOut)
#include "tst_EngineFanOut.moc"
