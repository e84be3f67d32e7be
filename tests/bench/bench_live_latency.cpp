// SPDX-License-Identifier: GPL-3.0-or-later
// Orders placed one at a time in a miniShop2 shop (SQLite) while the engine is idle: how long from the
// shop's INSERT until the deal is visible in the `crm-sandbox` process (its real 7 requests/s). The
// engine polls the shop with its own source poller (every CRMBRIDGE_BENCH_POLL_MS, default the
// production 500 ms) and sends with the real amoCRM connector. Prints the figures and, last,
//   RESULT latency p50_ms=… p95_ms=…   (target p95 < 1000)
// Orders: CRMBRIDGE_BENCH_LIVE_ORDERS (default 40), after one warm-up order (schema, field creation).
#include "BenchSupport.h"
#include "DemoSandboxProcess.h"
#include "TestShopSources.h"
#include "crm/ConnectorFactory.h"
#include "engine/SyncEngine.h"
#include "fixtures/amocrm/AmoTestKit.h"
#include "source/SourceRepo.h"
#include "source/minishop2/DemoShopGenerator.h"
#include "source/minishop2/ShopDb.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>

using namespace AmoTestKit;
using Sandbox::Testing::SandboxTestClient;

namespace {

double percentile(QList<qint64> values, double p)
{
    std::sort(values.begin(), values.end());
    const qsizetype rank = qsizetype(std::ceil(p * double(values.size()))) - 1;
    return double(values.value(std::clamp<qsizetype>(rank, 0, values.size() - 1)));
}

} // namespace

class BenchLiveLatency : public QObject
{
    Q_OBJECT
public:
    BenchLiveLatency() { Bench::allowMinutes(15); }

private:
    Bench::DemoSandboxProcess m_sandbox;

    bool dealVisible(const QString &externalId)
    {
        const QJsonObject state = m_sandbox.control->get(QStringLiteral("/__sandbox/state")).object();
        return dealsByExternalId(state).contains(externalId);
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY2(m_sandbox.start(), "crm-sandbox did not start"); }
    void cleanupTestCase() { m_sandbox.stop(); }

    void liveLatency()
    {
        const int orders = Bench::envInt("CRMBRIDGE_BENCH_LIVE_ORDERS", 40);
        const int pollMs = Bench::envInt("CRMBRIDGE_BENCH_POLL_MS", Engine::PollerConfig().intervalMs);

        // A demo shop whose orders are taken out, to be placed again one at a time.
        QTemporaryDir dir;
        auto url = Source::MiniShop2::ShopDbUrl::parse(QStringLiteral("sqlite://") + dir.filePath("shop.db"));
        QVERIFY_OK(url);
        auto shopDb = Source::MiniShop2::ShopDb::open(url.value(), QStringLiteral("modx_"));
        QVERIFY_OK(shopDb);
        auto &shop = *shopDb.value();
        Source::MiniShop2::DemoShopGenerator::Options demo;
        demo.orders = orders + 1;
        QVERIFY_OK(Source::MiniShop2::DemoShopGenerator::generate(shop, demo));
        const QStringList tables { QStringLiteral("ms2_orders"), QStringLiteral("ms2_order_addresses"),
                                   QStringLiteral("ms2_order_products"), QStringLiteral("ms2_order_logs") };
        for (const QString &table : tables) {
            const QString name = shop.table(table.toLatin1().constData());
            QVERIFY_OK(
                shop.exec(QStringLiteral("CREATE TABLE held_%1 AS SELECT * FROM %2").arg(table, name)));
            QVERIFY_OK(shop.exec(QStringLiteral("DELETE FROM %1").arg(name)));
        }
        // What msOrderHandler::submit writes for one order, in one transaction.
        const auto place = [&shop](qint64 id) -> Common::Status {
            if (auto begun = shop.begin(); !begun)
                return begun;
            const std::pair<const char *, const char *> rows[] = { { "ms2_orders", "id" },
                                                                   { "ms2_order_addresses", "order_id" },
                                                                   { "ms2_order_products", "order_id" },
                                                                   { "ms2_order_logs", "order_id" } };
            for (const auto &[table, key] : rows) {
                auto copied = shop.exec(QStringLiteral("INSERT INTO %1 SELECT * FROM held_%2 WHERE %3 = ?")
                                            .arg(shop.table(table), QLatin1String(table), QLatin1String(key)),
                                        { id });
                if (!copied) {
                    shop.rollback();
                    return copied.error();
                }
            }
            return shop.commit();
        };
        QList<qint64> ids;
        {
            auto rows = shop.exec(QStringLiteral("SELECT id FROM held_ms2_orders ORDER BY id"));
            QVERIFY_OK(rows);
            while (rows->next())
                ids << rows->value(0).toLongLong();
        }
        QCOMPARE(int(ids.size()), orders + 1);

        auto store = TestSupport::TestDatabase::create(QStringLiteral("sqlite"));
        QVERIFY_OK(store);
        auto db = store.value()->db();
        auto secrets = std::make_shared<Secrets::MemorySecretStore>();
        const qint64 connectionId = addConnection(db, *m_sandbox.keys);
        QVERIFY(connectionId > 0);
        writeSecret(*secrets, connectionId, Crm::AmoCrm::AmoSecretNames::clientSecret(),
                    m_sandbox.keys->clientSecret.toUtf8());
        {
            QNetworkAccessManager network;
            Net::HttpClient client(&network, clientOptions(m_sandbox.keys->limiterAccount()));
            QVERIFY_OK(signInWithCode(&client, secrets, connectionId, *m_sandbox.keys, *m_sandbox.control));
        }

        const bool peakReset = Bench::resetPeakRss();
        Crm::ConnectorFactory factory(db, secrets);
        Source::SourceRecord record;
        record.name = QStringLiteral("demo");
        record.kind = QStringLiteral("minishop2");
        record.url = url->toDisplayString();
        record.config = QJsonObject { { "prefix", "modx_" }, { "start", "beginning" } };
        QVERIFY_OK(Source::SourceRepo(db).add(record));
        Engine::SyncEngine engine(
            db, [&factory](const Store::Connection &c) { return factory.forConnection(c); });
        engine.setSecretStore(secrets);
        engine.setSources(TestSupport::shopSources());
        Engine::PollerConfig poller;
        poller.intervalMs = pollMs;
        engine.setPollerTemplate(poller);
        QVERIFY_OK(engine.start());
        QCOMPARE(engine.polledSources(), QStringList { record.name });

        QRandomGenerator random(20231101);
        QList<qint64> latencies;
        qint64 warmUpMs = 0;
        for (qsizetype i = 0; i < ids.size(); ++i) {
            QTest::qWait(300 + int(random.bounded(700))); // idle: the lane is waiting, the source polling
            QElapsedTimer timer;
            timer.start();
            QVERIFY_OK(place(ids[i]));
            const QString externalId = QStringLiteral("order:demo:%1").arg(ids[i]);
            QTRY_VERIFY_WITH_TIMEOUT(dealVisible(externalId), 60000);
            if (i == 0)
                warmUpMs = timer.elapsed();
            else
                latencies << timer.elapsed();
        }
        const double rss = Bench::peakRssMb();
        QSignalSpy stopped(&engine, &Engine::SyncEngine::stopped);
        engine.stop();
        QVERIFY(stopped.count() == 1 || stopped.wait(30000));

        const QJsonObject counters = m_sandbox.control->get(QStringLiteral("/__sandbox/state"))
                                         .object()
                                         .value("counters")
                                         .toObject();
        printf(
            "DETAIL latency orders=%d poll_ms=%d first_order_ms=%lld min_ms=%.0f max_ms=%.0f http_429=%d\n",
            orders, pollMs, warmUpMs, percentile(latencies, 0), percentile(latencies, 1),
            counters.value("by_status").toObject().value("429").toInt());
        printf("RSS latency engine_peak_mb=%.1f (%s)\n", rss,
               peakReset ? "VmHWM of the engine run" : "ru_maxrss of the whole bench");
        printf("RESULT latency p50_ms=%.0f p95_ms=%.0f\n", percentile(latencies, 0.5),
               percentile(latencies, 0.95));
        fflush(stdout);
    }
};

QTEST_GUILESS_MAIN(BenchLiveLatency)
#include "bench_live_latency.moc"
