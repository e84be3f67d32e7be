// SPDX-License-Identifier: GPL-3.0-or-later
// End to end, as an operator runs it (issue 24): a miniShop2 demo shop of N orders built by
// `crmbridgectl demo-shop`, added with `source add --from-start`, an amoCRM connection signed in with
// `connection add` + `login`, then `crmbridgectl run` as a process of its own against a `crm-sandbox`
// process at amoCRM's 7 requests/s whose every answer takes a realistic time (`answer_ms`, as a CRM
// over the internet; 0 = loopback). Timed from the engine's start (its first poll) until every order's
// job is done (deal, contact, note). Then, on a fresh account at the same answer time, the plugin
// baseline (search contact, create contact, create lead, add note; one order at a time) on the first
// orders. One row per answer time (CRMBRIDGE_BENCH_ANSWER_MS, default "0,200"); each prints
//   RESULT e2e orders=… latency_ms=… orders_per_s=… baseline_orders_per_s=… ratio=…
//          requests_per_order=… ingest_s=… http_429=… http_403=… engine_peak_rss_mb=…
// (targets at 200 ms: ≥ 250 orders/s, ratio ≥ 120, no 429/403, RSS < 150 MB). It fails only when an
// order is not exactly one deal. CRMBRIDGE_BENCH_ORDERS (10000), CRMBRIDGE_BENCH_BASELINE (300).
#include "BenchSupport.h"
#include "DemoSandboxProcess.h"
#include "PluginBaseline.h"
#include "fixtures/amocrm/AmoTestKit.h"
#include "secrets/SecretKey.h"
#include "storage/Database.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QTemporaryDir>
#include <csignal>

using namespace AmoTestKit;
using Sandbox::Testing::SandboxTestClient;
using TestSupport::CtlRun;

namespace {

int byStatus(const QJsonObject &state, const char *status)
{
    return state.value("counters")
        .toObject()
        .value("by_status")
        .toObject()
        .value(QLatin1String(status))
        .toInt();
}

/** A /proc/<pid>/status figure in MB (VmHWM: the peak RSS), or -1. */
double procMb(qint64 pid, const QByteArray &field)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(field + ':'))
            return line.mid(field.size() + 1).trimmed().split(' ').first().toDouble() / 1024.0;
    }
    return -1;
}

} // namespace

class BenchEndToEnd : public QObject
{
    Q_OBJECT
public:
    BenchEndToEnd() { Bench::allowMinutes(40); }

private:
    Bench::DemoSandboxProcess m_sandbox;

    QJsonObject state()
    {
        return m_sandbox.control
            ->send("GET", QStringLiteral("/__sandbox/state"), {}, {}, QStringLiteral("*"), 180000)
            .object();
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY2(m_sandbox.start(), "crm-sandbox did not start"); }
    void cleanupTestCase() { m_sandbox.stop(); }

    void endToEnd_data()
    {
        QTest::addColumn<int>("answerMs");
        const QString list = qEnvironmentVariable("CRMBRIDGE_BENCH_ANSWER_MS", QStringLiteral("0,200"));
        for (const QString &ms : list.split(QLatin1Char(','), Qt::SkipEmptyParts))
            QTest::newRow(qPrintable(QStringLiteral("answer %1 ms").arg(ms.trimmed())))
                << ms.trimmed().toInt();
    }

    void endToEnd()
    {
        QFETCH(int, answerMs);
        const int orders = Bench::envInt("CRMBRIDGE_BENCH_ORDERS", 10'000);
        const int baselineOrders = std::min(orders, Bench::envInt("CRMBRIDGE_BENCH_BASELINE", 300));

        // A fresh account whose every answer takes answerMs.
        m_sandbox.control->control(QStringLiteral("reset"), { { "seed", "demo" } });
        m_sandbox.control->control(QStringLiteral("account"), { { "answer_ms", answerMs } });

        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        dir.setAutoRemove(!qEnvironmentVariableIsSet("CRMBRIDGE_BENCH_KEEP")); // the store and the engine log
        const QString database = QStringLiteral("sqlite://") + dir.filePath(QStringLiteral("bridge.db"));
        const QString keyFile = dir.filePath(QStringLiteral("secret.key"));
        QVERIFY_OK(Secrets::SecretKey::generateFile(keyFile));
        const QStringList base { QStringLiteral("--database"), database, QStringLiteral("--secret-key-file"),
                                 keyFile };
        const auto ctl = [&base](const QStringList &args, const QByteArray &in) {
            return TestSupport::runCtl(QStringLiteral(CRMBRIDGECTL_PATH), base + args, in, 600000);
        };

        // The shop, the source and the connection, as an operator sets them up.
        QElapsedTimer phase;
        phase.start();
        const QString shopUrl = QStringLiteral("sqlite://") + dir.filePath(QStringLiteral("shop.db"));
        const CtlRun shop = ctl({ QStringLiteral("demo-shop"), QStringLiteral("--database"), shopUrl,
                                  QStringLiteral("--orders"), QString::number(orders) },
                                {});
        QVERIFY2(shop.exitCode == 0, qPrintable(shop.err));
        const qint64 shopMs = phase.restart();
        const CtlRun added = ctlAddConnection(ctl, QStringLiteral("amo"), *m_sandbox.keys);
        QVERIFY2(added.exitCode == 0, qPrintable(added.err));
        const CtlRun login = ctlLoginByCode(ctl, QStringLiteral("amo"), *m_sandbox.control);
        QVERIFY2(login.exitCode == 0, qPrintable(login.err + login.out));
        const CtlRun source = ctl({ QStringLiteral("source"), QStringLiteral("add"),
                                    QStringLiteral("minishop2"), QStringLiteral("demo"),
                                    QStringLiteral("--url"), shopUrl, QStringLiteral("--from-start") },
                                  {});
        QVERIFY2(source.exitCode == 0, qPrintable(source.err));
        auto opened = Storage::Database::open(database);
        QVERIFY_OK(opened);
        const std::shared_ptr<Storage::Database> store = opened.value();

        const QJsonObject seeded = state();
        const qsizetype seededLeads = seeded.value("leads").toArray().size();
        const qsizetype seededContacts = seeded.value("contacts").toArray().size();
        const qsizetype seededNotes = seeded.value("notes").toArray().size();
        const int requestsBefore = seeded.value("counters").toObject().value("total").toInt();

        // The engine, as the service runs it.
        QProcess engine;
        TestSupport::prepareCtl(engine, QStringLiteral(CRMBRIDGECTL_PATH), base + QStringList { "run" });
        engine.setStandardOutputFile(QProcess::nullDevice());
        engine.setStandardErrorFile(dir.filePath(QStringLiteral("engine.log")));
        const QString createdJobs = QStringLiteral("FROM jobs WHERE kind = 'order.created'");
        double ingestSecs = -1;
        int done = 0;
        double peakRss = -1;
        phase.restart();
        engine.start();
        QVERIFY(engine.waitForStarted(10000));
        const qint64 pid = engine.processId();
        const auto progress = [&] {
            auto row = Storage::Sql::exec(
                *store, QStringLiteral("SELECT COUNT(*), COALESCE(SUM(state = 'done'), 0) ") + createdJobs);
            if (row && row->next()) {
                if (ingestSecs < 0 && row->value(0).toInt() >= orders)
                    ingestSecs = phase.elapsed() / 1000.0;
                done = row->value(1).toInt();
            }
            peakRss = std::max(peakRss, procMb(pid, "VmHWM"));
            return done >= orders || engine.state() != QProcess::Running;
        };
        QTRY_VERIFY_WITH_TIMEOUT(progress(), 1'800'000);
        const double engineSecs = phase.elapsed() / 1000.0;
        QVERIFY2(engine.state() == QProcess::Running, "the engine stopped before the last deal");
        peakRss = std::max(peakRss, procMb(pid, "VmHWM"));
        ::kill(pid_t(pid), SIGTERM);
        QVERIFY(engine.waitForFinished(60000));

        const QJsonObject after = state();
        const QJsonObject counters = after.value("counters").toObject();
        const int requests = counters.value("total").toInt() - requestsBefore;
        const QHash<QString, int> deals = dealsByExternalId(after);
        const int failed
            = Storage::Sql::scalar(*store,
                                   QStringLiteral("SELECT COUNT(*) ") + createdJobs + " AND state = 'failed'")
                  ->toInt();
        const int people
            = Storage::Sql::scalar(*store, QStringLiteral("SELECT COUNT(DISTINCT email) ") + createdJobs)
                  ->toInt();
        const int http429 = byStatus(after, "429");
        const int http403 = byStatus(after, "403");

        // Every order is exactly one deal.
        QCOMPARE(failed, 0);
        QCOMPARE(int(after.value("leads").toArray().size() - seededLeads), orders);
        QCOMPARE(int(deals.size()), orders);
        {
            auto ids = Storage::Sql::exec(*store, QStringLiteral("SELECT source, source_ref ") + createdJobs);
            QVERIFY_OK(ids);
            int checked = 0;
            while (ids->next()) {
                const QString external
                    = QStringLiteral("order:%1:%2").arg(ids->value(0).toString(), ids->value(1).toString());
                QVERIFY2(deals.value(external) == 1, qPrintable(external));
                ++checked;
            }
            QCOMPARE(checked, orders);
        }

        // The baseline: a fresh account, the same answer time, the same limiter, the first orders.
        m_sandbox.control->control(QStringLiteral("reset"), { { "seed", "demo" } });
        const QByteArray token = m_sandbox.control->control(QStringLiteral("long-lived-token"))
                                     .value("access_token")
                                     .toString()
                                     .toUtf8();
        QVERIFY(!token.isEmpty());
        QList<Model::ShopOrder> first;
        {
            auto rows = Storage::Sql::exec(*store,
                                           QStringLiteral("SELECT payload ") + createdJobs
                                               + QStringLiteral(" ORDER BY id LIMIT ?"),
                                           { baselineOrders });
            QVERIFY_OK(rows);
            while (rows->next())
                first << Model::ShopOrder::fromJson(
                    QJsonDocument::fromJson(rows->value(0).toString().toUtf8()).object());
        }
        QNetworkAccessManager network;
        Net::HttpClient::Options http;
        http.account = m_sandbox.keys->limiterAccount();
        Net::HttpClient client(&network, http);
        Bench::PluginBaseline baseline(&client, m_sandbox.keys->baseUrl, first);
        baseline.setBearer(token);
        phase.restart();
        baseline.start();
        QTRY_VERIFY_WITH_TIMEOUT(baseline.finished(), 1'200'000);
        const double baselineSecs = phase.elapsed() / 1000.0;
        QVERIFY2(baseline.error().isEmpty(), qPrintable(baseline.error()));
        const QJsonObject afterBaseline = state();
        const int baselineRequests = afterBaseline.value("counters").toObject().value("total").toInt();
        QCOMPARE(int(afterBaseline.value("leads").toArray().size() - seededLeads), baselineOrders);

        const double ordersPerS = orders / engineSecs;
        const double baselinePerS = baselineOrders / baselineSecs;
        printf("SETUP e2e orders=%d people=%d answer_ms=%d shop_build_ms=%lld\n", orders, people, answerMs,
               shopMs);
        printf("BASELINE e2e orders=%d seconds=%.1f requests=%d requests_per_order=%.2f contacts_created=%d "
               "http_429=%d\n",
               baselineOrders, baselineSecs, baselineRequests, double(baselineRequests) / baselineOrders,
               baseline.contactsCreated(), byStatus(afterBaseline, "429"));
        printf("ENGINE e2e orders=%d seconds=%.1f ingest_s=%.1f requests=%d max_rps=%d deals=%d contacts=%d "
               "notes=%d failed=%d\n",
               orders, engineSecs, ingestSecs, requests, counters.value("max_rps").toInt(), int(deals.size()),
               int(after.value("contacts").toArray().size() - seededContacts),
               int(after.value("notes").toArray().size() - seededNotes), failed);
        printf("RESULT e2e orders=%d latency_ms=%d orders_per_s=%.1f baseline_orders_per_s=%.2f ratio=%.1f "
               "requests_per_order=%.3f ingest_s=%.1f http_429=%d http_403=%d engine_peak_rss_mb=%.1f\n",
               orders, answerMs, ordersPerS, baselinePerS, ordersPerS / baselinePerS,
               double(requests) / orders, ingestSecs, http429, http403, peakRss);
        fflush(stdout);
        QCOMPARE(http403, 0);
    }
};

QTEST_GUILESS_MAIN(BenchEndToEnd)
#include "bench_e2e.moc"
