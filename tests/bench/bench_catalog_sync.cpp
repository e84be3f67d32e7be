// SPDX-License-Identifier: GPL-3.0-or-later
// 10,000 products into the amoCRM sandbox's products list at its 7 requests/s, in batches of the API's
// maximum (250 per add), through Engine::CatalogSync on the connector the lane uses; and, measured in
// the same run, the baseline of one product per request (on a smaller catalogue: one request per
// product at 7/s would take 24 minutes for 10,000). Prints products/s and requests per product.
#include "BenchSupport.h"
#include "crm/ConnectorFactory.h"
#include "engine/CatalogSync.h"
#include "fixtures/amocrm/AmoTestKit.h"
#include "store/CatalogRepo.h"
#include "store/ConnectionRepo.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QTest>

using namespace AmoTestKit;

class BenchCatalogSync : public QObject
{
    Q_OBJECT
public:
    BenchCatalogSync() { Bench::allowMinutes(20); }

private:
    std::unique_ptr<Sandbox::AmoCrm::AmoCrmSandbox> m_sandbox;
    std::unique_ptr<Sandbox::Testing::SandboxTestClient> m_control;
    std::unique_ptr<TestSupport::TestDatabase> m_store;
    std::shared_ptr<Secrets::MemorySecretStore> m_secrets;
    std::unique_ptr<Crm::ConnectorFactory> m_connectors;
    QNetworkAccessManager m_network;
    qint64 m_connectionId = 0;

    static Model::Catalog catalogOf(int products, const QString &prefix)
    {
        Model::Catalog catalog;
        catalog.categories = { { QStringLiteral("1"), QString(), QStringLiteral("Обувь") },
                               { QStringLiteral("2"), QStringLiteral("1"), QStringLiteral("Кроссовки") } };
        for (int i = 0; i < products; ++i) {
            Model::CatalogProduct p;
            p.id = QString::number(i + 1);
            p.name = QStringLiteral("%1 %2").arg(prefix).arg(i + 1);
            p.article = QStringLiteral("ART-%1").arg(i + 1, 5, 10, QLatin1Char('0'));
            p.description = QStringLiteral("Лёгкие беговые кроссовки, модель %1").arg(i + 1);
            p.price = 1990 + (i % 50) * 100;
            p.picture = QStringLiteral("https://shop.example.ru/img/%1.jpg").arg(i + 1);
            p.categoryIds = { QStringLiteral("2") };
            catalog.products << p;
        }
        return catalog;
    }

    int requests()
    {
        return m_control->get(QStringLiteral("/__sandbox/state"))
            .object()
            .value("counters")
            .toObject()
            .value("total")
            .toInt();
    }

    struct Figures
    {
        int products = 0;
        int requests = 0;
        double seconds = 0;
        int created = 0;
    };

    /** Runs rounds of at most @p perRound products until the source's catalogue is all sent. */
    Figures sync(Crm::CrmConnector *connector, const QString &source, const Model::Catalog &catalog,
                 int perRound)
    {
        Engine::CatalogSync sync(m_store->db(), m_connectionId, connector);
        const int before = requests();
        QElapsedTimer timer;
        timer.start();
        Figures figures;
        bool more = true;
        while (more) {
            std::optional<Engine::CatalogSync::Outcome> outcome;
            sync.run(source, Engine::CatalogSnapshot { catalog, nullptr }, Engine::RemovedProducts::Inactive,
                     perRound, [&outcome](Engine::CatalogSync::Outcome o) { outcome = o; });
            if (!QTest::qWaitFor([&outcome] { return outcome.has_value(); }, 600'000) || outcome->error) {
                qWarning() << "catalogue run failed:"
                           << (outcome && outcome->error ? outcome->error->message : QString());
                return {};
            }
            figures.created += outcome->run.created;
            more = outcome->more;
        }
        figures.seconds = double(timer.elapsed()) / 1000.0;
        figures.requests = requests() - before;
        figures.products = int(catalog.products.size());
        return figures;
    }

    static void print(const char *name, const Figures &f)
    {
        qInfo().noquote() << QStringLiteral(
                                 "RESULT %1: %2 products created in %3 s, %4 requests: %5 products/s, "
                                 "%6 requests per product")
                                 .arg(QLatin1String(name))
                                 .arg(f.created)
                                 .arg(f.seconds, 0, 'f', 1)
                                 .arg(f.requests)
                                 .arg(f.seconds > 0 ? f.products / f.seconds : 0, 0, 'f', 1)
                                 .arg(f.products ? double(f.requests) / f.products : 0, 0, 'f', 4);
    }

private Q_SLOTS:
    void initTestCase()
    {
        Sandbox::AmoCrm::AmoSandboxOptions options;
        options.seed = QStringLiteral("empty");
        options.rate = 7;
        m_sandbox = std::make_unique<Sandbox::AmoCrm::AmoCrmSandbox>(options);
        QString error;
        QVERIFY2(m_sandbox->start(&error), qPrintable(error));
        m_control = std::make_unique<Sandbox::Testing::SandboxTestClient>(m_sandbox->baseUrl());
        auto store = TestSupport::TestDatabase::create(QStringLiteral("sqlite"));
        QVERIFY_OK(store);
        m_store = std::move(store).value();
        m_secrets = std::make_shared<Secrets::MemorySecretStore>();
        Crm::ConnectorOptions connectorOptions;
        connectorOptions.requestsPerSecond = 7;
        m_connectors = std::make_unique<Crm::ConnectorFactory>(m_store->db(), m_secrets, connectorOptions);
        m_connectionId = addConnection(m_store->db(), *m_sandbox);
        writeSecret(*m_secrets, m_connectionId, Crm::AmoCrm::AmoSecretNames::clientSecret(),
                    m_sandbox->clientSecret().toUtf8());
        Net::HttpClient client(&m_network, clientOptions(QStringLiteral("sign-in"), 7));
        QVERIFY_OK(signInWithCode(&client, m_secrets, m_connectionId, *m_sandbox, *m_control));
    }

    void tenThousandProductsInMaxBatches()
    {
        auto connection = Store::ConnectionRepo(m_store->db()).byId(m_connectionId);
        QVERIFY_OK(connection);
        std::unique_ptr<Crm::CrmConnector> connector
            = m_connectors->forConnection(connection.value())(nullptr);
        QVERIFY(connector);

        // The baseline first, on an empty products list: one product per request.
        const int baselineProducts = Bench::envInt("CATALOG_BENCH_BASELINE", 140);
        const Figures baseline = sync(connector.get(), QStringLiteral("baseline"),
                                      catalogOf(baselineProducts, QStringLiteral("Кеды")), 1);
        QCOMPARE(baseline.created, baselineProducts);

        const int products = Bench::envInt("CATALOG_BENCH_PRODUCTS", 10'000);
        const Figures batched = sync(connector.get(), QStringLiteral("shop"),
                                     catalogOf(products, QStringLiteral("Кроссовки")), products);
        QCOMPARE(batched.created, products);
        QCOMPARE(Store::CatalogRepo(m_store->db()).linkedCount(m_connectionId).valueOr(0),
                 products + baselineProducts);
        const QJsonObject state = m_control->get(QStringLiteral("/__sandbox/state")).object();
        QCOMPARE(int(state.value("catalog_elements").toArray().size()), products + baselineProducts);
        const int maxRps = state.value("counters").toObject().value("max_rps").toInt();
        const int limited
            = state.value("counters").toObject().value("by_status").toObject().value("429").toInt();

        print("batched (250 per request)", batched);
        print("baseline (1 per request)", baseline);
        qInfo().noquote()
            << QStringLiteral(
                   "RESULT batched/baseline speed-up: %1x; sandbox max %2 requests/s, %3 answers 429")
                   .arg(baseline.seconds > 0 && batched.seconds > 0
                            ? (batched.products / batched.seconds) / (baseline.products / baseline.seconds)
                            : 0,
                        0, 'f', 1)
                   .arg(maxRps)
                   .arg(limited);
        QVERIFY(batched.products / batched.seconds > baseline.products / baseline.seconds);
    }
};

QTEST_GUILESS_MAIN(BenchCatalogSync)
#include "bench_catalog_sync.moc"
