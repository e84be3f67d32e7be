// SPDX-License-Identifier: GPL-3.0-or-later
// Shop orders sent by the real engine (SyncEngine, the RetailCRM connector, its limiter at the default)
// into the `crm-sandbox --crm retailcrm` process at RetailCRM's real 10 requests/s. Two runs on a fresh
// demo account each, in one process:
// - baseline: the lane one order per round (lease 1), which is how the lane sent before batching and
//   how modRetailCRM sends (seed 002): per order the customer looked up by externalId, searched by
//   e-mail and phone, created when missing, then orders/create;
// - batched: the lane as shipped (50 per round): the contact index matches known people, the new ones
//   go in one customers/upload, the orders in one orders/upload.
// Each run must turn every order into exactly one RetailCRM order and every person into one customer
// (the benchmark fails otherwise). Prints, last,
//   RESULT retail orders_per_s=… baseline_orders_per_s=… ratio=… requests_per_order=…
//          baseline_requests_per_order=… http_503=… peak_rss_mb=…
// Orders: CRMBRIDGE_BENCH_ORDERS (default 600); baseline: CRMBRIDGE_BENCH_BASELINE (120); 3 orders a person.
#include "BenchSupport.h"
#include "crm/ConnectorFactory.h"
#include "engine/SyncEngine.h"
#include "fixtures/retailcrm/RetailTestKit.h"
#include "store/EntityLinkRepo.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QSet>
#include <QSignalSpy>

using namespace RetailTestKit;
using Sandbox::Testing::RetailTestClient;

namespace {

/** The `crm-sandbox` process as the test kit wants an account: its address and site. */
struct SandboxProcess
{
    QJsonObject ready;
    QUrl baseUrl() const { return QUrl(ready.value("base_url").toString()); }
    QString site() const { return ready.value("site").toString(); }
    QString apiKey() const { return ready.value("api_key").toString(); }
};

struct RunFigures
{
    int orders = 0;
    double seconds = 0;
    int requests = 0;
    int http503 = 0;
    double peakRssMb = 0;
    QJsonObject byEndpoint;
    double ordersPerSecond() const { return seconds > 0 ? orders / seconds : 0; }
    double requestsPerOrder() const { return orders > 0 ? double(requests) / orders : 0; }
};

int apiRequests(const QJsonObject &counters, QJsonObject *byEndpoint = nullptr)
{
    int n = 0;
    const QJsonObject endpoints = counters.value("by_endpoint").toObject();
    for (auto it = endpoints.begin(); it != endpoints.end(); ++it) {
        if (it.key().contains(QLatin1String(" /api/"))) {
            n += it.value().toInt();
            if (byEndpoint)
                byEndpoint->insert(it.key(), it.value().toInt());
        }
    }
    return n;
}

} // namespace

class BenchRetailSync : public QObject
{
    Q_OBJECT
public:
    BenchRetailSync() { Bench::allowMinutes(30); }

private:
    QProcess m_process;
    SandboxProcess m_sandbox;
    std::unique_ptr<RetailTestClient> m_control;

    /** @p orders orders of @p orders / 3 people on a fresh account, sent with rounds of @p lease jobs. */
    void run(int orders, int lease, RunFigures *figures)
    {
        m_control->control(QStringLiteral("reset"), { { "seed", "demo" } });
        auto store = TestSupport::TestDatabase::create(QStringLiteral("sqlite"));
        QVERIFY_OK(store);
        auto db = store.value()->db();
        auto secrets = std::make_shared<Secrets::MemorySecretStore>();
        const qint64 connectionId = addConnection(db, m_sandbox);
        AmoTestKit::writeSecret(*secrets, connectionId, Crm::RetailCrm::RetailSecretNames::apiKey(),
                                m_sandbox.apiKey().toUtf8());
        QVERIFY_OK(saveMapping(db, secrets, connectionId, m_sandbox));
        const int people = std::max(1, orders / 3);
        Store::JobRepo jobs(db);
        for (int n = 0; n < orders; ++n)
            QVERIFY_OK(jobs.enqueue(
                jobFor(order(n, people, n % 7 == 5 ? QStringLiteral("2") : QStringLiteral("1")))));
        const QJsonObject before = m_control->control(QStringLiteral("state"), {}, "GET");
        const int customersBefore = before.value("customers").toArray().size();
        const QJsonObject countersBefore = before.value("counters").toObject();

        Crm::ConnectorFactory factory(db, secrets);
        Engine::SyncEngine engine(
            db, [&factory](const Store::Connection &c) { return factory.forConnection(c); });
        Engine::LaneConfig lane;
        lane.idlePollMs = 100;
        lane.leaseMax = lease;
        engine.setLaneTemplate(lane);
        Bench::resetPeakRss();
        QElapsedTimer clock;
        clock.start();
        QVERIFY_OK(engine.start());
        QTRY_VERIFY_WITH_TIMEOUT(Store::JobRepo(db).countsByState()->value(Store::JobState::Done) >= orders
                                     || Store::JobRepo(db).countsByState()->value(Store::JobState::Failed)
                                         > 0,
                                 1'200'000);
        figures->seconds = clock.elapsed() / 1000.0;
        figures->peakRssMb = Bench::peakRssMb();
        QSignalSpy stopped(&engine, &Engine::SyncEngine::stopped);
        engine.stop();
        QVERIFY(stopped.count() > 0 || stopped.wait(30000));

        const QJsonObject after = m_control->control(QStringLiteral("state"), {}, "GET");
        const QJsonObject countersAfter = after.value("counters").toObject();
        figures->orders = orders;
        QJsonObject endpointsBefore;
        figures->requests = apiRequests(countersAfter, &figures->byEndpoint)
            - apiRequests(countersBefore, &endpointsBefore);
        for (auto it = endpointsBefore.begin(); it != endpointsBefore.end(); ++it)
            figures->byEndpoint.insert(it.key(),
                                       figures->byEndpoint.value(it.key()).toInt() - it.value().toInt());
        figures->http503 = countersAfter.value("by_status").toObject().value("503").toInt()
            - countersBefore.value("by_status").toObject().value("503").toInt();

        // Exactly once: every order one RetailCRM order, every person one customer, every job linked.
        QCOMPARE(Store::JobRepo(db).countsByState()->value(Store::JobState::Done), orders);
        QSet<QString> externalIds;
        QSet<qint64> customers;
        for (const QJsonValue &v : after.value("orders").toArray()) {
            externalIds.insert(v.toObject().value("externalId").toString());
            customers.insert(v.toObject().value("customer").toObject().value("id").toInteger());
        }
        QCOMPARE(after.value("orders").toArray().size(), orders);
        QCOMPARE(externalIds.size(), orders);
        QCOMPARE(customers.size(), people);
        QCOMPARE(after.value("customers").toArray().size(), customersBefore + people);
        QCOMPARE(Store::EntityLinkRepo(db).count(connectionId, QStringLiteral("order")).value(), orders);
    }

    static void print(const char *name, const RunFigures &f)
    {
        printf("RUN %s orders=%d seconds=%.1f orders_per_s=%.2f requests=%d requests_per_order=%.3f "
               "http_503=%d peak_rss_mb=%.1f\n",
               name, f.orders, f.seconds, f.ordersPerSecond(), f.requests, f.requestsPerOrder(), f.http503,
               f.peakRssMb);
        for (auto it = f.byEndpoint.begin(); it != f.byEndpoint.end(); ++it) {
            if (it.value().toInt() > 0)
                printf("  %s %s: %d\n", name, qPrintable(it.key()), it.value().toInt());
        }
        fflush(stdout);
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_sandbox.ready
            = Bench::startSandbox(m_process, QStringLiteral(CRM_SANDBOX_EXE),
                                  { "--crm", "retailcrm", "--port", "0", "--seed", "demo", "--rate", "10" });
        QVERIFY2(!m_sandbox.ready.isEmpty(), "crm-sandbox --crm retailcrm did not start");
        m_control = std::make_unique<RetailTestClient>(m_sandbox.baseUrl());
    }

    void cleanupTestCase()
    {
        m_process.terminate();
        m_process.waitForFinished(5000);
    }

    void batchedAgainstOneOrderAtATime()
    {
        const int orders = Bench::envInt("CRMBRIDGE_BENCH_ORDERS", 600);
        const int baselineOrders = Bench::envInt("CRMBRIDGE_BENCH_BASELINE", 120);
        RunFigures baseline;
        run(baselineOrders, 1, &baseline);
        if (QTest::currentTestFailed())
            return;
        print("baseline", baseline);
        RunFigures batched;
        run(orders, 50, &batched);
        if (QTest::currentTestFailed())
            return;
        print("batched", batched);
        printf(
            "RESULT retail orders_per_s=%.1f baseline_orders_per_s=%.2f ratio=%.1f requests_per_order=%.3f "
            "baseline_requests_per_order=%.2f http_503=%d peak_rss_mb=%.1f\n",
            batched.ordersPerSecond(), baseline.ordersPerSecond(),
            baseline.ordersPerSecond() > 0 ? batched.ordersPerSecond() / baseline.ordersPerSecond() : 0,
            batched.requestsPerOrder(), baseline.requestsPerOrder(), batched.http503 + baseline.http503,
            batched.peakRssMb);
        fflush(stdout);
    }
};

QTEST_GUILESS_MAIN(BenchRetailSync)
#include "bench_retail_sync.moc"
