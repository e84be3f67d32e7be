// SPDX-License-Identifier: GPL-3.0-or-later
// The way in, measured: a 10,000-order miniShop2 demo shop (SQLite) read by the real source into the
// real outbox (Engine::readIntoOutbox, 200 events a round as the poller does) — into an empty store
// and into a store that already holds 250,000 jobs — then idle rounds that find nothing new. As the
// baseline, measured in the same run on the 250,000-job store, the path the source had before
// (issue 18): every order read on its own, and every event looked up with
// `idempotency_key = ? OR idempotency_key LIKE ?` inside the write transaction; it runs on the first
// CRMBRIDGE_BENCH_BASELINE orders (default 300) and is extrapolated to the whole shop. Prints, last,
// The historic load (Engine::HistoricLoad, `crmbridgectl source load`) of the whole shop is timed too.
//   RESULT ingest orders=… seconds=… seconds_at_250k=… load_seconds=… idle_round_ms=… baseline_seconds=…
// (targets: seconds < 10 either way, idle rounds of a few milliseconds). It fails only when an order
// did not become exactly one job. Orders: CRMBRIDGE_BENCH_ORDERS (default 10000).
#include "BenchSupport.h"
#include "TestDatabase.h"
#include "TestEnv.h"
#include "engine/HistoricLoad.h"
#include "engine/SourcePoller.h"
#include "source/minishop2/DemoShopGenerator.h"
#include "source/minishop2/MiniShop2Source.h"
#include "storage/Sql.h"
#include "storage/Transaction.h"
#include "store/ConnectionRepo.h"
#include "store/Outbox.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>

using namespace Source::MiniShop2;
namespace Sql = Storage::Sql;

class TestSourceIngestBench : public QObject
{
    Q_OBJECT
public:
    TestSourceIngestBench() { Bench::allowMinutes(30); }

private:
    QTemporaryDir m_dir;
    ShopDbUrl m_url;
    int m_orders = 0;

    std::unique_ptr<TestSupport::TestDatabase> freshStore()
    {
        auto store = TestSupport::TestDatabase::create(QStringLiteral("sqlite"));
        if (!store)
            qFatal("%s", qPrintable(store.error().toString()));
        Store::Connection c;
        c.name = QStringLiteral("amo");
        c.crm = QStringLiteral("amocrm");
        c.baseUrl = QStringLiteral("https://amo.example");
        if (!Store::ConnectionRepo(store.value()->db()).add(c))
            qFatal("cannot add the connection");
        return std::move(store).value();
    }

    /** @p count settled jobs of earlier events, as a store in use for a year has them. */
    static void fillWithOldJobs(Storage::Database &db, int count)
    {
        Storage::Transaction tx(db);
        for (int i = 1; i <= count; ++i) {
            auto added = Sql::exec(
                db,
                QStringLiteral("INSERT INTO jobs (kind, connection_id, source, source_ref, idempotency_key,"
                               " payload, state, next_attempt_at, created_at, updated_at, settled_at)"
                               " VALUES ('order.created', 1, 'shop', ?, ?, '{}', 'done', 0, 0, 0, 0)"),
                { QString::number(1'000'000 + i), QStringLiteral("order:old:%1:created@1").arg(i) });
            if (!added)
                qFatal("%s", qPrintable(added.error().toString()));
        }
        if (!tx.commit())
            qFatal("cannot fill the store");
    }

    std::unique_ptr<MiniShop2Source> openSource(std::shared_ptr<Storage::Database> store, const QString &name)
    {
        MiniShop2Config config;
        config.name = name;
        config.url = m_url;
        config.fromBeginning = true;
        auto source = MiniShop2Source::open(config, std::move(store));
        if (!source)
            qFatal("%s", qPrintable(source.error().toString()));
        return std::move(source).value();
    }

    /** Reads the whole shop into @p store's outbox; the seconds it took. */
    double ingest(std::shared_ptr<Storage::Database> store)
    {
        auto source = openSource(store, QStringLiteral("shop"));
        QElapsedTimer timer;
        timer.start();
        for (;;) {
            auto round = Engine::readIntoOutbox(*source, store, 200);
            if (!round)
                qFatal("%s", qPrintable(round.error().toString()));
            if (round->taken.events == 0 && !round->more)
                break;
        }
        return timer.elapsed() / 1000.0;
    }

    int jobsOf(Storage::Database &db, const QString &where)
    {
        return Sql::scalar(db, QStringLiteral("SELECT COUNT(*) FROM jobs WHERE ") + where)->toInt();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_orders = Bench::envInt("CRMBRIDGE_BENCH_ORDERS", 10'000);
        m_url = ShopDbUrl::parse(QStringLiteral("sqlite://") + m_dir.filePath(QStringLiteral("shop.db")))
                    .value();
        auto shop = ShopDb::open(m_url, QStringLiteral("modx_"));
        QVERIFY_OK(shop);
        DemoShopGenerator::Options options;
        options.orders = m_orders;
        QElapsedTimer timer;
        timer.start();
        QVERIFY_OK(DemoShopGenerator::generate(*shop.value(), options));
        shop.value()->releaseThreadConnection();
        qInfo("shop: %d orders generated in %.1f s", m_orders, timer.elapsed() / 1000.0);
    }

    void ingest()
    {
        auto empty = freshStore();
        const double seconds = ingest(empty->db());
        QCOMPARE(jobsOf(*empty->db(), QStringLiteral("kind = 'order.created'")), m_orders);
        QCOMPARE(jobsOf(*empty->db(), QStringLiteral("kind <> 'order.created'")), 0); // no history
        qInfo("new path, empty store: %d orders in the outbox in %.2f s (%.0f orders/s)", m_orders, seconds,
              m_orders / seconds);

        // The historic load of the whole shop (crmbridgectl source load), 500 orders a transaction.
        auto loaded = freshStore();
        QElapsedTimer timer;
        timer.start();
        {
            auto source = openSource(loaded->db(), QStringLiteral("shop"));
            Engine::HistoricLoad load(*source, loaded->db());
            auto state = load.begin({}, false);
            QVERIFY_OK(state);
            while (!state->finishedReading()) {
                auto batch = load.step(state.value(), 500, false);
                QVERIFY_OK(batch);
                state = batch->state;
            }
        }
        const double loadSeconds = timer.elapsed() / 1000.0;
        QCOMPARE(jobsOf(*loaded->db(), QStringLiteral("kind = 'order.created'")), m_orders);
        QCOMPARE(jobsOf(*loaded->db(), QStringLiteral("kind <> 'order.created'")), 0);
        qInfo("historic load, empty store: %d orders in the outbox in %.2f s", m_orders, loadSeconds);

        auto full = freshStore();
        timer.restart();
        const int old = Bench::envInt("CRMBRIDGE_BENCH_STORE_JOBS", 250'000);
        fillWithOldJobs(*full->db(), old);
        qInfo("store: %d earlier jobs written in %.1f s", old, timer.elapsed() / 1000.0);
        const double secondsFull = ingest(full->db());
        QCOMPARE(jobsOf(*full->db(),
                        QStringLiteral("kind = 'order.created' AND source = 'shop'"
                                       " AND idempotency_key NOT LIKE 'order:old:%'")),
                 m_orders);
        qInfo("new path, store with %d jobs: %d orders in the outbox in %.2f s (%.0f orders/s)", old,
              m_orders, secondsFull, m_orders / secondsFull);

        // Rounds that find nothing: the marks, one query per stream of the shop, nothing written.
        auto source = openSource(full->db(), QStringLiteral("shop"));
        constexpr int kIdle = 200;
        timer.restart();
        for (int i = 0; i < kIdle; ++i) {
            auto round = Engine::readIntoOutbox(*source, full->db(), 200);
            QVERIFY_OK(round);
            QCOMPARE(round->taken.events, 0);
        }
        const double idleMs = double(timer.elapsed()) / kIdle;
        qInfo("idle round (nothing new) on the store with %d jobs: %.2f ms", old + m_orders, idleMs);

        // The baseline: the old path on the same full store, for the first orders, extrapolated.
        const int sample = std::min(m_orders, Bench::envInt("CRMBRIDGE_BENCH_BASELINE", 300));
        auto reader = openSource(full->db(), QStringLiteral("old"));
        Store::JobRepo jobs(full->db());
        timer.restart();
        qint64 after = 0;
        for (int done = 0; done < sample;) {
            Storage::Transaction tx(*full->db());
            for (int i = 0; i < 200 && done < sample; ++i, ++done) {
                auto orders = reader->ordersAfter(after, 1); // one order at a time, as before
                QVERIFY_OK(orders);
                QCOMPARE(orders->size(), 1);
                const Model::ShopOrder &order = orders->first();
                after = order.id.toLongLong();
                const QString key = QStringLiteral("order:old:%1:created").arg(order.id);
                auto existing
                    = Sql::exec(*full->db(),
                                QStringLiteral("SELECT id FROM jobs WHERE idempotency_key = ?"
                                               " OR idempotency_key LIKE ? ESCAPE '\\' ORDER BY id"),
                                { key, Sql::likeEscape(key + QLatin1Char('@')) + QLatin1Char('%') });
                QVERIFY_OK(existing);
                Store::NewJob job;
                job.kind = QStringLiteral("order.created");
                job.connectionId = 1;
                job.source = QStringLiteral("old");
                job.sourceRef = order.id;
                job.idempotencyKey = key + QStringLiteral("@1");
                job.payload = order.toJson();
                QVERIFY_OK(jobs.enqueue(job));
            }
            QVERIFY_OK(tx.commit());
        }
        const double baselineSample = timer.elapsed() / 1000.0;
        const double baseline = baselineSample * m_orders / sample;
        qInfo("old path (each order read alone, LIKE lookup) on the store with %d jobs: %d orders in %.2f s"
              " -> %d orders in about %.0f s",
              old + m_orders, sample, baselineSample, m_orders, baseline);
        qInfo(
            "RESULT ingest orders=%d seconds=%.2f seconds_at_250k=%.2f load_seconds=%.2f idle_round_ms=%.2f "
            "baseline_seconds=%.0f",
            m_orders, seconds, secondsFull, loadSeconds, idleMs, baseline);
    }
};

QTEST_GUILESS_MAIN(TestSourceIngestBench)
#include "bench_source_ingest.moc"
