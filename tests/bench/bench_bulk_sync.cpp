// SPDX-License-Identifier: GPL-3.0-or-later
// 10,000 orders of a miniShop2 demo shop (SQLite; repeat customers, phones typed "+7 (…)" and "8 …")
// read by the real source into the outbox and sent by the real engine (SyncEngine, the amoCRM
// connector, its rate limiter at the default) into the `crm-sandbox` process at its real 7 requests/s.
// Before it, on the first 300 orders and a fresh account, a baseline does what the shop plugins do —
// one order at a time: search the contact by phone, create it if missing, create the lead, add the
// note — through the same HttpClient and limiter. Prints the figures and, last,
//   RESULT bulk orders_per_s=… baseline_orders_per_s=… ratio=… requests_per_order=… http_429=… http_403=…
// (targets ≥ 100, ratio ≥ 50, no 429 or 403). It fails only when an order did not become exactly one
// deal. Orders: CRMBRIDGE_BENCH_ORDERS (default 10000); baseline: CRMBRIDGE_BENCH_BASELINE (300).
#include "BenchSupport.h"
#include "DemoSandboxProcess.h"
#include "PluginBaseline.h"
#include "crm/ConnectorFactory.h"
#include "engine/SourcePoller.h"
#include "engine/SyncEngine.h"
#include "fixtures/amocrm/AmoTestKit.h"
#include "model/ShopOrder.h"
#include "source/minishop2/DemoShopGenerator.h"
#include "source/minishop2/MiniShop2Source.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QUrlQuery>

using namespace AmoTestKit;
using Sandbox::Testing::SandboxTestClient;

namespace {

int counter(const QJsonObject &state, const char *status)
{
    return state.value("counters")
        .toObject()
        .value("by_status")
        .toObject()
        .value(QLatin1String(status))
        .toInt();
}

} // namespace

class BenchBulkSync : public QObject
{
    Q_OBJECT
public:
    BenchBulkSync() { Bench::allowMinutes(30); }

private:
    Bench::DemoSandboxProcess m_sandbox;

    QJsonObject state()
    {
        return m_sandbox.control
            ->send("GET", QStringLiteral("/__sandbox/state"), {}, {}, QStringLiteral("*"), 120000)
            .object();
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY2(m_sandbox.start(), "crm-sandbox did not start"); }
    void cleanupTestCase() { m_sandbox.stop(); }

    void bulkSync()
    {
        const int orders = Bench::envInt("CRMBRIDGE_BENCH_ORDERS", 10'000);
        const int baselineOrders = std::min(orders, Bench::envInt("CRMBRIDGE_BENCH_BASELINE", 300));

        // The shop, and the source reading it into the outbox.
        QTemporaryDir dir;
        QElapsedTimer phase;
        phase.start();
        auto url = Source::MiniShop2::ShopDbUrl::parse(QStringLiteral("sqlite://") + dir.filePath("shop.db"));
        QVERIFY_OK(url);
        {
            auto shop = Source::MiniShop2::ShopDb::open(url.value(), QStringLiteral("modx_"));
            QVERIFY_OK(shop);
            Source::MiniShop2::DemoShopGenerator::Options options;
            options.orders = orders;
            QVERIFY_OK(Source::MiniShop2::DemoShopGenerator::generate(*shop.value(), options));
        }
        const qint64 shopMs = phase.restart();
        auto store = TestSupport::TestDatabase::create(QStringLiteral("sqlite"));
        QVERIFY_OK(store);
        auto db = store.value()->db();
        {
            Source::MiniShop2::MiniShop2Config config;
            config.name = QStringLiteral("demo");
            config.url = url.value();
            config.fromBeginning = true;
            auto source = Source::MiniShop2::MiniShop2Source::open(config, db);
            QVERIFY_OK(source);
            for (;;) {
                auto polled = Engine::readIntoOutbox(*source.value(), db, 1000);
                QVERIFY_OK(polled);
                if (polled->taken.events == 0 && !polled->more)
                    break;
            }
        }
        const qint64 pollMs = phase.restart();
        const QString createdJobs = QStringLiteral("FROM jobs WHERE kind = 'order.created'");
        QCOMPARE(Storage::Sql::scalar(*db, QStringLiteral("SELECT COUNT(*) ") + createdJobs)->toInt(),
                 orders);
        const int people
            = Storage::Sql::scalar(*db, QStringLiteral("SELECT COUNT(DISTINCT email) ") + createdJobs)
                  ->toInt();

        // The connection, signed in like an operator would.
        auto secrets = std::make_shared<Secrets::MemorySecretStore>();
        const qint64 connectionId = addConnection(db, *m_sandbox.keys);
        QVERIFY(connectionId > 0);
        writeSecret(*secrets, connectionId, Crm::AmoCrm::AmoSecretNames::clientSecret(),
                    m_sandbox.keys->clientSecret.toUtf8());
        QNetworkAccessManager network;
        Net::HttpClient::Options http;
        http.account = m_sandbox.keys->limiterAccount(); // the connector's key: one limiter for both
        Net::HttpClient client(&network, http);
        QVERIFY_OK(signInWithCode(&client, secrets, connectionId, *m_sandbox.keys, *m_sandbox.control));
        Crm::ConnectorFactory factory(db, secrets);
        client.setAuthenticator(factory.amoSession(Store::ConnectionRepo(db).list()->first()));

        // The baseline, on a fresh account.
        m_sandbox.control->control(QStringLiteral("reset"), { { "seed", "demo" }, { "keep_tokens", true } });
        const QJsonObject seeded = state();
        const qsizetype seededLeads = seeded.value("leads").toArray().size();
        const qsizetype seededContacts = seeded.value("contacts").toArray().size();
        QList<Model::ShopOrder> first;
        {
            auto rows = Storage::Sql::exec(
                *db, QStringLiteral("SELECT payload ") + createdJobs + QStringLiteral(" ORDER BY id LIMIT ?"),
                { baselineOrders });
            QVERIFY_OK(rows);
            while (rows->next())
                first << Model::ShopOrder::fromJson(
                    QJsonDocument::fromJson(rows->value(0).toString().toUtf8()).object());
        }
        Bench::PluginBaseline baseline(&client, m_sandbox.keys->baseUrl, first);
        phase.restart();
        baseline.start();
        QTRY_VERIFY_WITH_TIMEOUT(baseline.finished(), 600'000);
        const double baselineSecs = phase.elapsed() / 1000.0;
        QVERIFY2(baseline.error().isEmpty(), qPrintable(baseline.error()));
        const QJsonObject afterBaseline = state();
        const int baselineRequests = afterBaseline.value("counters").toObject().value("total").toInt();
        QCOMPARE(int(afterBaseline.value("leads").toArray().size() - seededLeads), baselineOrders);

        // The engine, on a fresh account again.
        m_sandbox.control->control(QStringLiteral("reset"), { { "seed", "demo" }, { "keep_tokens", true } });
        const bool peakReset = Bench::resetPeakRss();
        Engine::SyncEngine engine(
            db, [&factory](const Store::Connection &c) { return factory.forConnection(c); });
        int settledCount = 0;
        QObject::connect(&engine, &Engine::SyncEngine::jobSettled, &engine,
                         [&settledCount](qint64, const QString &state, const QString &) {
                             settledCount += state != QLatin1String("pending");
                         });
        phase.restart();
        QVERIFY_OK(engine.start());
        QTRY_VERIFY_WITH_TIMEOUT(settledCount >= orders, 1'200'000);
        const double engineSecs = phase.elapsed() / 1000.0;
        const double engineRss = Bench::peakRssMb();
        QSignalSpy stopped(&engine, &Engine::SyncEngine::stopped);
        engine.stop();
        QVERIFY(stopped.count() == 1 || stopped.wait(30000));

        const QJsonObject after = state();
        const QJsonObject counters = after.value("counters").toObject();
        const int requests = counters.value("total").toInt();
        const QHash<QString, int> deals = dealsByExternalId(after);
        const int failed
            = Storage::Sql::scalar(*db,
                                   QStringLiteral("SELECT COUNT(*) ") + createdJobs + " AND state = 'failed'")
                  ->toInt();
        const double ordersPerS = orders / engineSecs;
        const double baselinePerS = baselineOrders / baselineSecs;

        printf("SETUP bulk orders=%d people=%d shop_build_ms=%lld source_poll_ms=%lld\n", orders, people,
               shopMs, pollMs);
        printf(
            "BASELINE bulk orders=%d seconds=%.1f requests=%d requests_per_order=%.2f contacts_created=%d\n",
            baselineOrders, baselineSecs, baselineRequests, double(baselineRequests) / baselineOrders,
            baseline.contactsCreated());
        printf("ENGINE bulk orders=%d seconds=%.1f requests=%d max_rps=%d deals=%d contacts=%d notes=%d "
               "failed=%d\n",
               orders, engineSecs, requests, counters.value("max_rps").toInt(), int(deals.size()),
               int(after.value("contacts").toArray().size() - seededContacts),
               int(after.value("notes").toArray().size() - seeded.value("notes").toArray().size()), failed);
        printf("RSS bulk engine_peak_mb=%.1f (%s)\n", engineRss,
               peakReset ? "VmHWM of the engine run" : "ru_maxrss of the whole bench");
        printf("RESULT bulk orders_per_s=%.1f baseline_orders_per_s=%.2f ratio=%.1f requests_per_order=%.3f "
               "http_429=%d http_403=%d\n",
               ordersPerS, baselinePerS, ordersPerS / baselinePerS, double(requests) / orders,
               counter(after, "429"), counter(after, "403"));
        fflush(stdout);

        // Every order is exactly one deal.
        QCOMPARE(failed, 0);
        QCOMPARE(int(after.value("leads").toArray().size() - seededLeads), orders);
        QCOMPARE(int(deals.size()), orders);
        auto ids = Storage::Sql::exec(*db, QStringLiteral("SELECT source, source_ref ") + createdJobs);
        QVERIFY_OK(ids);
        while (ids->next()) {
            const QString external
                = QStringLiteral("order:%1:%2").arg(ids->value(0).toString(), ids->value(1).toString());
            QVERIFY2(deals.value(external) == 1, qPrintable(external));
        }
    }
};

QTEST_GUILESS_MAIN(BenchBulkSync)
#include "bench_bulk_sync.moc"
