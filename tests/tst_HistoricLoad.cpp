// SPDX-License-Identifier: GPL-3.0-or-later
// The historic load of a miniShop2 demo shop (SQLite, with status histories) into a SQLite store:
// each order once in its present status and no status change; a load stopped midway resumes after
// the last order it took; a dry run stores nothing; ranges by id and by date; orders already queued
// are not queued again; progress counts the CRMs' work; `crmbridgectl source load` does the same.
#include "CtlProcess.h"
#include "TestDatabase.h"
#include "TestEnv.h"
#include "dashboard/LoadProgressPanel.h"
#include "engine/HistoricLoad.h"
#include "source/SourceRepo.h"
#include "source/minishop2/DemoShopGenerator.h"
#include "source/minishop2/MiniShop2Source.h"
#include "storage/Sql.h"
#include "store/ConnectionRepo.h"
#include "store/JobRepo.h"

#include <QJsonDocument>
#include <QLabel>
#include <QProgressBar>
#include <QTemporaryDir>
#include <QTest>

using namespace Source::MiniShop2;
namespace Sql = Storage::Sql;

class TestHistoricLoad : public QObject
{
    Q_OBJECT
private:
    /** Marks the oldest @p count pending jobs delivered at @p atMs, as a lane settles them. */
    void settle(int count, qint64 atMs)
    {
        QVERIFY_OK(
            Sql::exec(*m_store->db(),
                      QStringLiteral("UPDATE jobs SET state = 'done', settled_at = ? WHERE id IN"
                                     " (SELECT id FROM jobs WHERE state = 'pending' ORDER BY id LIMIT %1)")
                          .arg(count),
                      { atMs }));
    }

    QTemporaryDir m_dir;
    QString m_shopUrl;
    int m_orders = 0;
    std::unique_ptr<TestSupport::TestDatabase> m_store;
    Common::ManualClock m_clock;

    std::unique_ptr<MiniShop2Source> openSource()
    {
        MiniShop2Config config;
        config.name = QStringLiteral("shop");
        config.url = ShopDbUrl::parse(m_shopUrl).value();
        auto source = MiniShop2Source::open(config, m_store->db(), &m_clock);
        if (!source)
            qFatal("%s", qPrintable(source.error().toString()));
        return std::move(source).value();
    }
    int jobs(const QString &where)
    {
        return Sql::scalar(*m_store->db(), QStringLiteral("SELECT COUNT(*) FROM jobs WHERE ") + where)
            ->toInt();
    }
    int shopCount(const QString &where)
    {
        auto shop = ShopDb::open(ShopDbUrl::parse(m_shopUrl).value(), QStringLiteral("modx_"));
        const int n = shop.value()
                          ->scalar(QStringLiteral("SELECT COUNT(*) FROM modx_ms2_orders WHERE ") + where)
                          ->toInt();
        shop.value()->releaseThreadConnection();
        return n;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_shopUrl = QStringLiteral("sqlite://") + m_dir.filePath(QStringLiteral("shop.db"));
        auto shop = ShopDb::open(ShopDbUrl::parse(m_shopUrl).value(), QStringLiteral("modx_"));
        QVERIFY_OK(shop);
        DemoShopGenerator::Options options;
        options.orders = 40;
        auto stats = DemoShopGenerator::generate(*shop.value(), options);
        QVERIFY_OK(stats);
        QVERIFY2(stats->logs > stats->orders, "the demo orders have status histories");
        shop.value()->releaseThreadConnection();
        m_orders = shopCount(QStringLiteral("status <> 0"));
        QVERIFY(m_orders > 30);
    }

    void init()
    {
        auto store = TestSupport::TestDatabase::create(QStringLiteral("sqlite"));
        QVERIFY_OK(store);
        m_store = std::move(store).value();
        for (const QString &crm : { QStringLiteral("amocrm"), QStringLiteral("retailcrm") }) {
            Store::Connection c;
            c.name = crm;
            c.crm = crm;
            c.baseUrl = QStringLiteral("https://%1.example").arg(crm);
            QVERIFY_OK(Store::ConnectionRepo(m_store->db()).add(c));
        }
    }

    /** Stopped after two batches, resumed by a new load (a new process): every order once. */
    void eachOrderOnceAcrossAStop()
    {
        {
            auto source = openSource();
            Engine::HistoricLoad load(*source, m_store->db(), &m_clock);
            auto state = load.begin({}, false);
            QVERIFY_OK(state);
            QCOMPARE(state->total, m_orders);
            for (int i = 0; i < 2; ++i) {
                auto batch = load.step(state.value(), 7, false);
                QVERIFY_OK(batch);
                QCOMPARE(batch->fresh, 7);
                state = batch->state;
            }
            QCOMPARE(jobs(QStringLiteral("1 = 1")), 14 * 2); // two connections
        }
        auto source = openSource();
        Engine::HistoricLoad load(*source, m_store->db(), &m_clock);
        auto state = load.begin({}, false);
        QVERIFY_OK(state);
        QCOMPARE(state->queued, 14); // resumed
        while (!state->finishedReading()) {
            auto batch = load.step(state.value(), 7, false);
            QVERIFY_OK(batch);
            state = batch->state;
        }
        QCOMPARE(state->queued, m_orders);
        QCOMPARE(jobs(QStringLiteral("kind = 'order.created'")), m_orders * 2);
        QCOMPARE(Sql::scalar(*m_store->db(), QStringLiteral("SELECT COUNT(DISTINCT source_ref) FROM jobs"))
                     ->toInt(),
                 m_orders);
        QCOMPARE(jobs(QStringLiteral("kind <> 'order.created'")), 0); // no status history

        // Each order's present status, not its first one.
        auto shop = ShopDb::open(ShopDbUrl::parse(m_shopUrl).value(), QStringLiteral("modx_"));
        auto statuses = shop.value()->exec(QStringLiteral("SELECT id, status FROM modx_ms2_orders"));
        QVERIFY_OK(statuses);
        QHash<QString, QString> present;
        while (statuses->next())
            present.insert(statuses->value(0).toString(), statuses->value(1).toString());
        statuses = QSqlQuery();
        shop.value()->releaseThreadConnection();
        Store::JobQuery query;
        query.limit = 1000;
        for (const Store::Job &job : Store::JobRepo(m_store->db()).search(query).value())
            QCOMPARE(Model::ShopOrder::fromJson(job.payload).statusId, present.value(job.sourceRef));

        // Loaded again from the start: nothing new.
        auto again = load.begin({}, true);
        QVERIFY_OK(again);
        auto batch = load.step(again.value(), 1000, false);
        QVERIFY_OK(batch);
        QCOMPARE(batch->read, m_orders);
        QCOMPARE(batch->fresh, 0);
        QCOMPARE(jobs(QStringLiteral("1 = 1")), m_orders * 2);

        // Progress: the CRMs' work on the load's jobs. 20 settled 5 s in, asked 10 s in: 2 a second.
        settle(20, m_clock.nowMs() + 5'000);
        m_clock.advanceMs(10'000);
        auto progress = Engine::HistoricLoad::progress(QStringLiteral("shop"), m_store->db(), &m_clock);
        QVERIFY_OK(progress);
        QVERIFY(progress->has_value());
        QCOMPARE((*progress)->jobs, m_orders * 2);
        QCOMPARE((*progress)->done, 20);
        QVERIFY((*progress)->perSecond > 1.9 && (*progress)->perSecond < 2.1);
        QCOMPARE((*progress)->secondsLeft, qint64((m_orders * 2 - 20) / (*progress)->perSecond));
        QVERIFY(!(*progress)->stalled);

        // No engine sends for a minute: stalled, and no rate or time left is made up.
        m_clock.advanceMs(70'000);
        progress = Engine::HistoricLoad::progress(QStringLiteral("shop"), m_store->db(), &m_clock);
        QVERIFY_OK(progress);
        QVERIFY((*progress)->stalled);
        QCOMPARE((*progress)->perSecond, 0.0);
        QCOMPARE((*progress)->secondsLeft, qint64(-1));
        QCOMPARE((*progress)->idleMs, qint64(75'000));

        // Sending again: the rate is the last minute's (30 in 60 s), not averaged over the pause.
        settle(30, m_clock.nowMs());
        progress = Engine::HistoricLoad::progress(QStringLiteral("shop"), m_store->db(), &m_clock);
        QVERIFY_OK(progress);
        QVERIFY(!(*progress)->stalled);
        QCOMPARE((*progress)->done, 50);
        QCOMPARE((*progress)->perSecond, 0.5);
        QCOMPARE((*progress)->secondsLeft, qint64((m_orders * 2 - 50) / 0.5));
    }

    void rangesAndDryRun()
    {
        auto source = openSource();
        Engine::HistoricLoad load(*source, m_store->db(), &m_clock);
        Source::OrderRange byId;
        byId.fromId = 5;
        byId.toId = 14;
        auto dry = load.begin(byId, false);
        QVERIFY_OK(dry);
        const int inIds = shopCount(QStringLiteral("status <> 0 AND id BETWEEN 5 AND 14"));
        QCOMPARE(dry->total, inIds);
        auto batch = load.step(dry.value(), 1000, true);
        QVERIFY_OK(batch);
        QCOMPARE(batch->read, inIds);
        QCOMPARE(jobs(QStringLiteral("1 = 1")), 0); // a dry run stores nothing
        QVERIFY(
            !Engine::HistoricLoad::progress(QStringLiteral("shop"), m_store->db(), &m_clock)->has_value());

        auto state = load.begin(byId, false);
        batch = load.step(state.value(), 1000, false);
        QVERIFY_OK(batch);
        QCOMPARE(batch->fresh, inIds);
        QCOMPARE(jobs(QStringLiteral("CAST(source_ref AS INTEGER) NOT BETWEEN 5 AND 14")), 0);

        // By creation date: the orders of the newest half.
        auto shop = ShopDb::open(ShopDbUrl::parse(m_shopUrl).value(), QStringLiteral("modx_"));
        const QString middle
            = shop.value()
                  ->scalar(QStringLiteral(
                      "SELECT createdon FROM modx_ms2_orders ORDER BY createdon LIMIT 1 OFFSET 20"))
                  ->toString();
        shop.value()->releaseThreadConnection();
        Source::OrderRange byDate;
        byDate.from = OrderReader::toDateTime(middle);
        const int inDates = shopCount(QStringLiteral("status <> 0 AND createdon >= '%1'").arg(middle));
        auto dated = load.begin(byDate, false);
        QVERIFY_OK(dated);
        QCOMPARE(dated->total, inDates);
    }

    /** The command: a dry run, the load, and its progress. */
    void theCommand()
    {
        Source::SourceRecord record;
        record.name = QStringLiteral("shop");
        record.kind = QStringLiteral("minishop2");
        record.url = m_shopUrl;
        record.config = QJsonObject { { "prefix", "modx_" } };
        QVERIFY_OK(Source::SourceRepo(m_store->db()).add(record));
        const QString db = m_store->url();
        auto dry = TestSupport::runCtl(QStringLiteral(CRMBRIDGECTL_PATH),
                                       { QStringLiteral("--database"), db, QStringLiteral("source"),
                                         QStringLiteral("load"), QStringLiteral("shop"),
                                         QStringLiteral("--dry-run") });
        QCOMPARE(dry.exitCode, 0);
        QVERIFY2(dry.out.contains(QStringLiteral("Would send %1 orders").arg(m_orders)), qPrintable(dry.out));
        QCOMPARE(jobs(QStringLiteral("1 = 1")), 0);
        auto loaded = TestSupport::runCtl(QStringLiteral(CRMBRIDGECTL_PATH),
                                          { QStringLiteral("--database"), db, QStringLiteral("source"),
                                            QStringLiteral("load"), QStringLiteral("shop"),
                                            QStringLiteral("--batch"), QStringLiteral("10") });
        QCOMPARE(loaded.exitCode, 0);
        QVERIFY2(loaded.out.contains(QStringLiteral("%1 orders are in the outbox").arg(m_orders)),
                 qPrintable(loaded.out));
        QVERIFY2(loaded.out.contains(QStringLiteral("%1 / %1 orders read").arg(m_orders)),
                 qPrintable(loaded.out));
        QCOMPARE(jobs(QStringLiteral("kind = 'order.created'")), m_orders * 2);
        auto progress = TestSupport::runCtl(QStringLiteral(CRMBRIDGECTL_PATH),
                                            { QStringLiteral("--database"), db, QStringLiteral("source"),
                                              QStringLiteral("load"), QStringLiteral("shop"),
                                              QStringLiteral("--progress"), QStringLiteral("--json") });
        QCOMPARE(progress.exitCode, 0);
        const QJsonObject json = QJsonDocument::fromJson(progress.out.toUtf8()).object();
        QCOMPARE(json.value("jobs").toInteger(), m_orders * 2);
        QCOMPARE(json.value("queued").toInteger(), m_orders);
        QCOMPARE(json.value("done").toInteger(), 0);
    }

    /** The console's dashboard shows a load under way as a bar with its figures, and nothing once
     *  every job of the load is settled. */
    void theDashboardShowsALoadUnderWay()
    {
        Source::SourceRecord record;
        record.name = QStringLiteral("shop");
        record.kind = QStringLiteral("minishop2");
        record.url = m_shopUrl;
        QVERIFY_OK(Source::SourceRepo(m_store->db()).add(record));
        Gui::LoadProgressPanel panel(m_store->db(), nullptr, &m_clock);
        panel.refresh();
        QVERIFY(panel.isHidden()); // no load

        auto source = openSource();
        Engine::HistoricLoad load(*source, m_store->db(), &m_clock);
        auto state = load.begin({}, false);
        QVERIFY_OK(state);
        auto batch = load.step(state.value(), 10, false);
        QVERIFY_OK(batch);
        // Ten orders read into the two connections' queues; six of their jobs delivered.
        settle(6, m_clock.nowMs());
        panel.refresh();
        QVERIFY(!panel.isHidden());
        auto *bar = panel.findChild<QProgressBar *>(QStringLiteral("loadBar:shop"));
        auto *text = panel.findChild<QLabel *>(QStringLiteral("loadText:shop"));
        QVERIFY(bar && text);
        QCOMPARE(bar->value(), 6);
        QCOMPARE(bar->maximum(), m_orders * 2); // every order of the range, to each connection
        QVERIFY2(
            text->text().startsWith(
                QStringLiteral("Loading the orders of shop: 10 of %1 read, 6 sent, 0 failed").arg(m_orders)),
            qPrintable(text->text()));
        QVERIFY2(!text->text().contains(QStringLiteral("stalled")), qPrintable(text->text()));

        // Nothing sent for two minutes: the row says so instead of a rate.
        m_clock.advanceMs(120'000);
        panel.refresh();
        QVERIFY2(text->text().endsWith(
                     QStringLiteral(" — stalled: nothing sent for 2 min. Is an engine running?")),
                 qPrintable(text->text()));

        // Read to the end and every job delivered: the row goes.
        state = batch->state;
        while (!state->finishedReading()) {
            auto next = load.step(state.value(), 10, false);
            QVERIFY_OK(next);
            state = next->state;
        }
        QVERIFY_OK(Sql::exec(*m_store->db(), QStringLiteral("UPDATE jobs SET state = 'done'")));
        panel.refresh();
        QVERIFY(panel.isHidden());
    }
};

QTEST_MAIN(TestHistoricLoad)
#include "tst_HistoricLoad.moc"
