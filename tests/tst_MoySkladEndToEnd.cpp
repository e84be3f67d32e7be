// SPDX-License-Identifier: GPL-3.0-or-later
// A MoySklad account (the MoySklad sandbox) polled by the running engine into the amoCRM sandbox:
// with sales sent as deals, every private buyer's retail sale and customer order is one deal, once
// across an engine restart, and sales made while the engine is stopped come with the next start; sent
// as purchases (the default), each private sale is one purchase.made job, once. The MoySklad sandbox's
// counters show the 45-per-3-s budget kept.
#include "TestShopSources.h"
#include "crm/ConnectorFactory.h"
#include "engine/SyncEngine.h"
#include "fixtures/amocrm/AmoTestKit.h"
#include "moysklad/MoySkladSandbox.h"
#include "sandbox/tests/MoySkladCashier.h"
#include "sandbox/tests/MoySkladTestClient.h"
#include "source/SourceRepo.h"
#include "store/JobRepo.h"

#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QSignalSpy>

using namespace AmoTestKit;
using Sandbox::Testing::MoySkladTestClient;

class TestMoySkladEndToEnd : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Sandbox::AmoCrm::AmoCrmSandbox> m_amo;
    std::unique_ptr<Sandbox::Testing::SandboxTestClient> m_amoControl;
    std::unique_ptr<Sandbox::MoySklad::MoySkladSandbox> m_sklad;
    std::unique_ptr<MoySkladTestClient> m_skladClient;
    std::unique_ptr<TestSupport::TestDatabase> m_store;
    std::shared_ptr<Secrets::MemorySecretStore> m_secrets;
    std::unique_ptr<Crm::ConnectorFactory> m_connectors;
    QNetworkAccessManager m_network;
    int m_leadsBefore = 0;

    int leads()
    {
        return int(m_amoControl->get(QStringLiteral("/__sandbox/state")).object()["leads"].toArray().size());
    }

    int jobs(const QString &kind)
    {
        int n = 0;
        for (const Store::Job &job : Store::JobRepo(m_store->db()).search({}).valueOr({}))
            n += job.kind == kind ? 1 : 0;
        return n;
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

    void addSource(const QString &salesAs)
    {
        Source::SourceRecord record;
        record.name = QStringLiteral("sklad");
        record.kind = QStringLiteral("moysklad");
        record.url = m_sklad->apiUrl().toString();
        record.config = QJsonObject { { "start", "beginning" }, { "sales_as", salesAs } };
        QVERIFY_OK(Source::SourceRepo(m_store->db()).add(record));
        bool done = false;
        m_secrets->write(record.secretScope(), Source::SourceRecord::passwordSecretName(),
                         m_skladClient->token.toLatin1(), [&done](Common::Status s) { done = bool(s); });
        QTRY_VERIFY(done);
    }

    QJsonObject link(const QString &type, const QString &filter)
    {
        return m_cashier.link(*m_skladClient, type, filter);
    }
    Sandbox::Testing::MoySkladCashier m_cashier;

    /** A cashier rings up a sale in MoySklad (its web interface). */
    void sell(const QString &buyer, qint64 kopecks)
    {
        QVERIFY(!m_cashier.sell(*m_skladClient, buyer, kopecks).isEmpty());
    }

private Q_SLOTS:
    void initTestCase()
    {
        Sandbox::AmoCrm::AmoSandboxOptions options;
        options.seed = QStringLiteral("demo");
        options.rate = 20;
        m_amo = std::make_unique<Sandbox::AmoCrm::AmoCrmSandbox>(options);
        QString error;
        QVERIFY2(m_amo->start(&error), qPrintable(error));
        m_amoControl = std::make_unique<Sandbox::Testing::SandboxTestClient>(m_amo->baseUrl());
        Sandbox::MoySklad::MoySkladSandboxOptions sklad;
        sklad.seed = QStringLiteral("demo");
        m_sklad = std::make_unique<Sandbox::MoySklad::MoySkladSandbox>(sklad);
        QVERIFY2(m_sklad->start(&error), qPrintable(error));
        m_skladClient = std::make_unique<MoySkladTestClient>(m_sklad->baseUrl());
    }

    void init()
    {
        m_amoControl->control(QStringLiteral("reset"), { { "seed", "demo" } });
        QVERIFY(m_skladClient->control("reset").value("ok").toBool());
        m_skladClient->basic = (m_sklad->login() + ':' + m_sklad->password()).toUtf8();
        m_skladClient->token
            = m_skladClient->send("POST", "/security/token").object().value("access_token").toString();
        m_skladClient->basic.clear();
        auto store = TestSupport::TestDatabase::create(QStringLiteral("sqlite"));
        QVERIFY_OK(store);
        m_store = std::move(store).value();
        m_secrets = std::make_shared<Secrets::MemorySecretStore>();
        Crm::ConnectorOptions options;
        options.requestsPerSecond = 20;
        m_connectors = std::make_unique<Crm::ConnectorFactory>(m_store->db(), m_secrets, options);
        const qint64 connectionId = addConnection(m_store->db(), *m_amo);
        writeSecret(*m_secrets, connectionId, Crm::AmoCrm::AmoSecretNames::clientSecret(),
                    m_amo->clientSecret().toUtf8());
        Net::HttpClient client(&m_network, clientOptions(QStringLiteral("sign-in"), 20));
        QVERIFY_OK(signInWithCode(&client, m_secrets, connectionId, *m_amo, *m_amoControl));
        m_leadsBefore = leads();
        m_cashier.forget();
        for (const char *buyer : { "Кузнецов Дмитрий", "ООО «Фотостудия Кадр»", "Иванова Мария Сергеевна",
                                   "Петров Алексей", "Смирнова Ольга Викторовна" })
            link(QStringLiteral("counterparty"), QStringLiteral("name=") + QString::fromUtf8(buyer));
        link(QStringLiteral("organization"), QStringLiteral("name~Фото"));
        link(QStringLiteral("product"), QStringLiteral("article=SD-128"));
        // Let those requests leave the budget's window (sandbox clock), so the peak is the engine's own.
        m_skladClient->control("clock", { { "advance", 3 } });
    }

    void cleanup()
    {
        m_connectors.reset();
        m_store.reset();
    }

    void salesAsDealsOnceAcrossARestart()
    {
        addSource(QStringLiteral("deals"));
        auto engine = startEngine();
        QVERIFY(engine);
        // Five of the six demo sales are to private buyers, plus one customer order.
        QTRY_COMPARE_WITH_TIMEOUT(leads() - m_leadsBefore, 6, 30000);
        sell(QStringLiteral("Кузнецов Дмитрий"), 459000);
        QTRY_COMPARE_WITH_TIMEOUT(leads() - m_leadsBefore, 7, 10000);
        sell(QStringLiteral("ООО «Фотостудия Кадр»"), 459000); // a company: not synced
        stopEngine(engine);

        sell(QStringLiteral("Иванова Мария Сергеевна"), 1234500);
        sell(QStringLiteral("Петров Алексей"), 459000);
        engine = startEngine();
        QVERIFY(engine);
        QTRY_COMPARE_WITH_TIMEOUT(leads() - m_leadsBefore, 9, 15000);
        QTest::qWait(1500); // negative check: a few more polls, still nine deals
        QCOMPARE(leads() - m_leadsBefore, 9);
        stopEngine(engine);
        QCOMPARE(jobs(QStringLiteral("order.created")), 9);

        const QJsonObject budget = m_skladClient->control("state", {}, "GET").value("budget").toObject();
        QCOMPARE(budget.value("rejected_429").toInt(), 0);
        QVERIFY(budget.value("peak_units_per_window").toInt() <= 45);
        qInfo("MoySklad: %d requests, peak %d units per 3 s, no 429", budget.value("requests").toInt(),
              budget.value("peak_units_per_window").toInt());
    }

    void salesAsPurchasesOncePerSale()
    {
        addSource(QStringLiteral("purchases"));
        auto engine = startEngine();
        QVERIFY(engine);
        QTRY_COMPARE_WITH_TIMEOUT(jobs(QStringLiteral("purchase.made")), 5, 30000);
        QTRY_COMPARE_WITH_TIMEOUT(jobs(QStringLiteral("customer.saved")), 4, 10000);
        sell(QStringLiteral("Смирнова Ольга Викторовна"), 459000);
        QTRY_COMPARE_WITH_TIMEOUT(jobs(QStringLiteral("purchase.made")), 6, 10000);
        stopEngine(engine);
        engine = startEngine();
        QVERIFY(engine);
        QTest::qWait(1500); // negative check: the restart reads nothing twice
        stopEngine(engine);
        QCOMPARE(jobs(QStringLiteral("purchase.made")), 6);
        QCOMPARE(leads() - m_leadsBefore, 1); // only the customer order became a deal
    }
};

QTEST_GUILESS_MAIN(TestMoySkladEndToEnd)
#include "tst_MoySkladEndToEnd.moc"
