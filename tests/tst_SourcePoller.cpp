// SPDX-License-Identifier: GPL-3.0-or-later
// Source pollers in the running engine: an order placed in the shop becomes a deal in the amoCRM
// sandbox, once across a restart; a shop database that goes away is reported and picked up again.
#include "MariaDbServer.h"
#include "TestShopSources.h"
#include "crm/ConnectorFactory.h"
#include "engine/SyncEngine.h"
#include "fixtures/amocrm/AmoTestKit.h"
#include "source/SourceRepo.h"
#include "source/minishop2/DemoShopGenerator.h"
#include "source/minishop2/ShopDb.h"
#include "store/EntityLinkRepo.h"
#include "store/JobRepo.h"
#include "store/SourceStatusRepo.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QSignalSpy>

using namespace AmoTestKit;
using Source::MiniShop2::DemoShopGenerator;
using Source::MiniShop2::ShopDb;
using Source::MiniShop2::ShopDbUrl;
using TestSupport::MariaDbServer;

class TestSourcePoller : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<Sandbox::AmoCrm::AmoCrmSandbox> m_sandbox;
    std::unique_ptr<Sandbox::Testing::SandboxTestClient> m_control;
    std::unique_ptr<TestSupport::TestDatabase> m_store;
    std::shared_ptr<Secrets::MemorySecretStore> m_secrets;
    std::unique_ptr<Crm::ConnectorFactory> m_connectors;
    QNetworkAccessManager m_network;
    qint64 m_connectionId = 0;

    int leads()
    {
        return int(m_control->get(QStringLiteral("/__sandbox/state")).object()["leads"].toArray().size());
    }

    std::unique_ptr<Engine::SyncEngine> startEngine()
    {
        auto engine = std::make_unique<Engine::SyncEngine>(
            m_store->db(), [this](const Store::Connection &c) { return m_connectors->forConnection(c); });
        engine->setSecretStore(m_secrets);
        engine->setSources(TestSupport::shopSources());
        Engine::PollerConfig poller;
        poller.intervalMs = 100;
        poller.firstBackoffMs = 100;
        poller.maxBackoffMs = 400;
        poller.heartbeatMs = 500;
        engine->setPollerTemplate(poller);
        if (!engine->start())
            return nullptr;
        return engine;
    }

    void stopEngine(std::unique_ptr<Engine::SyncEngine> &engine)
    {
        QSignalSpy stopped(engine.get(), &Engine::SyncEngine::stopped);
        engine->stop();
        QVERIFY(stopped.count() == 1 || stopped.wait(30000));
        engine.reset();
    }

    QString sourceState(const QString &source)
    {
        for (const Store::SourceStatus &s : Store::SourceStatusRepo(m_store->db()).all().valueOr({})) {
            if (s.source == source)
                return s.state;
        }
        return {};
    }

    void addSource(const QString &name, const QString &url)
    {
        Source::SourceRecord record;
        record.name = name;
        record.kind = QStringLiteral("minishop2");
        record.url = url;
        record.config = QJsonObject { { "prefix", "modx_" }, { "start", "beginning" } };
        QVERIFY_OK(Source::SourceRepo(m_store->db()).add(record));
    }

private Q_SLOTS:
    void init()
    {
        auto store = TestSupport::TestDatabase::create(QStringLiteral("sqlite"));
        QVERIFY_OK(store);
        m_store = std::move(store).value();
        m_secrets = std::make_shared<Secrets::MemorySecretStore>();
        Crm::ConnectorOptions options;
        options.requestsPerSecond = 20;
        m_connectors = std::make_unique<Crm::ConnectorFactory>(m_store->db(), m_secrets, options);
    }

    void cleanup()
    {
        m_connectors.reset();
        m_store.reset();
        m_sandbox.reset();
    }

    /** Orders already in the shop and orders placed while the engine runs all become deals, once. */
    void shopOrdersBecomeDealsOnceAcrossARestart()
    {
        Sandbox::AmoCrm::AmoSandboxOptions options;
        options.seed = QStringLiteral("demo");
        options.rate = 20;
        m_sandbox = std::make_unique<Sandbox::AmoCrm::AmoCrmSandbox>(options);
        QString error;
        QVERIFY2(m_sandbox->start(&error), qPrintable(error));
        m_control = std::make_unique<Sandbox::Testing::SandboxTestClient>(m_sandbox->baseUrl());
        m_connectionId = addConnection(m_store->db(), *m_sandbox);
        writeSecret(*m_secrets, m_connectionId, Crm::AmoCrm::AmoSecretNames::clientSecret(),
                    m_sandbox->clientSecret().toUtf8());
        Net::HttpClient client(&m_network, clientOptions(QStringLiteral("sign-in"), 20));
        QVERIFY_OK(signInWithCode(&client, m_secrets, m_connectionId, *m_sandbox, *m_control));
        const int leadsBefore = leads();

        QTemporaryDir dir;
        const QString url = QStringLiteral("sqlite://") + dir.filePath(QStringLiteral("shop.db"));
        auto shop = ShopDb::open(ShopDbUrl::parse(url).value(), QStringLiteral("modx_"));
        QVERIFY_OK(shop);
        DemoShopGenerator::Options generate;
        generate.orders = 20;
        QVERIFY_OK(DemoShopGenerator::generate(*shop.value(), generate));
        addSource(QStringLiteral("shop"), url);

        auto engine = startEngine();
        QVERIFY(engine);
        QCOMPARE(engine->polledSources(), QStringList { QStringLiteral("shop") });
        QTRY_COMPARE_WITH_TIMEOUT(leads() - leadsBefore, 20, 30000);
        QCOMPARE(sourceState(QStringLiteral("shop")), QStringLiteral("watching"));

        // A customer orders while the engine runs: a deal within seconds, without anyone waking it.
        QElapsedTimer placed;
        placed.start();
        QVERIFY_OK(DemoShopGenerator::addOrders(*shop.value(), 1, 4, 7));
        QTRY_COMPARE_WITH_TIMEOUT(leads() - leadsBefore, 21, 10000);
        QVERIFY2(placed.elapsed() < 5000, qPrintable(QString::number(placed.elapsed())));
        stopEngine(engine);
        QCOMPARE(sourceState(QStringLiteral("shop")), QStringLiteral("stopped"));

        // Orders placed while it is stopped come with the next start; nothing already sent goes twice.
        QVERIFY_OK(DemoShopGenerator::addOrders(*shop.value(), 3, 4, 8));
        engine = startEngine();
        QVERIFY(engine);
        QTRY_COMPARE_WITH_TIMEOUT(leads() - leadsBefore, 24, 15000);
        QTest::qWait(1500); // a few more polls and rounds: still 24
        QCOMPARE(leads() - leadsBefore, 24);
        stopEngine(engine);
        QCOMPARE(Store::EntityLinkRepo(m_store->db()).count(m_connectionId, QStringLiteral("order")).value(),
                 24);
    }

    /** An engine stopped and started again (the console's stop and start) polls its sources again. */
    void aRestartedEnginePollsAgain()
    {
        QTemporaryDir dir;
        const QString url = QStringLiteral("sqlite://") + dir.filePath(QStringLiteral("shop.db"));
        auto shop = ShopDb::open(ShopDbUrl::parse(url).value(), QStringLiteral("modx_"));
        QVERIFY_OK(shop);
        DemoShopGenerator::Options generate;
        generate.orders = 2;
        QVERIFY_OK(DemoShopGenerator::generate(*shop.value(), generate));
        addSource(QStringLiteral("shop"), url);
        auto engine = startEngine();
        QVERIFY(engine);
        QTRY_COMPARE(sourceState(QStringLiteral("shop")), QStringLiteral("watching"));
        QSignalSpy stopped(engine.get(), &Engine::SyncEngine::stopped);
        engine->stop();
        QVERIFY(stopped.wait(10000));
        QCOMPARE(sourceState(QStringLiteral("shop")), QStringLiteral("stopped"));

        QVERIFY_OK(engine->start());
        QTRY_COMPARE(sourceState(QStringLiteral("shop")), QStringLiteral("watching"));
        QVERIFY_OK(DemoShopGenerator::addOrders(*shop.value(), 1, 4, 3));
        // (A buyer who is new to the shop is registered with the order: a customer.saved besides.)
        auto orders = [this] {
            int n = 0;
            for (const Store::Job &job : Store::JobRepo(m_store->db()).search({}).valueOr({}))
                n += job.kind == QLatin1String("order.created") ? 1 : 0;
            return n;
        };
        QTRY_COMPARE(orders(), 3);
        stopEngine(engine);
    }

    /** The shop's database refuses us for a while: reported in the store, then picked up again. */
    void unreachableShopIsReportedAndPickedUpAgain()
    {
        MariaDbServer &server = MariaDbServer::instance();
        QVERIFY2(server.ok(), qPrintable(server.error()));
        auto url = server.createDatabase();
        QVERIFY_OK(url);
        auto shop = ShopDb::open(ShopDbUrl::parse(server.withPassword(url.value())).value(),
                                 QStringLiteral("modx_"));
        QVERIFY_OK(shop);
        DemoShopGenerator::Options generate;
        generate.orders = 3;
        QVERIFY_OK(DemoShopGenerator::generate(*shop.value(), generate));
        shop.value()->releaseThreadConnection();
        addSource(QStringLiteral("remote"), url.value());
        Wait<Common::Status> stored;
        m_secrets->write(QStringLiteral("source:remote"), Source::SourceRecord::passwordSecretName(),
                         server.password().toUtf8(), stored.callback());
        QTRY_VERIFY(stored.done());

        auto engine = startEngine();
        QVERIFY(engine);
        auto created = [this] {
            int n = 0;
            for (const Store::Job &job : Store::JobRepo(m_store->db()).search({}).valueOr({}))
                n += job.kind == QLatin1String("order.created") ? 1 : 0;
            return n;
        };
        QTRY_COMPARE_WITH_TIMEOUT(created(), 3, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(sourceState(QStringLiteral("remote")), QStringLiteral("watching"), 5000);

        // The database goes away: the account is locked and every connection of it is cut.
        QVERIFY(
            server.rootSql(QStringLiteral("ALTER USER 'crmbridge'@'%' ACCOUNT LOCK; KILL USER crmbridge;")));
        QTRY_COMPARE_WITH_TIMEOUT(sourceState(QStringLiteral("remote")), QStringLiteral("unreachable"),
                                  10000);
        QString reason;
        for (const Store::SourceStatus &s : Store::SourceStatusRepo(m_store->db()).all().value())
            reason = s.reason;
        QVERIFY2(!reason.isEmpty(), "the operator is told why");

        // It comes back; an order placed meanwhile is picked up.
        QVERIFY(server.rootSql(QStringLiteral("ALTER USER 'crmbridge'@'%' ACCOUNT UNLOCK;")));
        auto again = ShopDb::open(ShopDbUrl::parse(server.withPassword(url.value())).value(),
                                  QStringLiteral("modx_"));
        QVERIFY_OK(again);
        QVERIFY_OK(DemoShopGenerator::addOrders(*again.value(), 2, 4, 9));
        QTRY_COMPARE_WITH_TIMEOUT(sourceState(QStringLiteral("remote")), QStringLiteral("watching"), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(created(), 5, 10000);
        stopEngine(engine);
    }
};

QTEST_GUILESS_MAIN(TestSourcePoller)
#include "tst_SourcePoller.moc"
