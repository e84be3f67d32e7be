// SPDX-License-Identifier: GPL-3.0-or-later
// The headless engine (`crmbridgectl run`) killed with SIGKILL while creates are in flight, its clock
// ten minutes ahead of or behind the CRM's (CRMBRIDGE_CLOCK_OFFSET_MS): after a restart every order is
// still exactly one deal. Then the whole product at the account's real 7 requests/s: a live shop
// poller, orders placed while the engine runs, notes that fail, SIGKILLs and a `resend --failed`:
// one deal per shop order, none lost, each deal with its note. Deals are counted in the sandbox.
#include "CtlProcess.h"
#include "engine/SourcePoller.h"
#include "fixtures/amocrm/AmoTestKit.h"
#include "secrets/SecretKey.h"
#include "source/SourceRepo.h"
#include "source/minishop2/DemoShopGenerator.h"
#include "source/minishop2/MiniShop2Source.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <csignal>

using Sandbox::AmoCrm::AmoCrmSandbox;
using Sandbox::AmoCrm::AmoSandboxOptions;
using Sandbox::Testing::SandboxTestClient;
using TestSupport::CtlRun;
using namespace Source::MiniShop2;

class TestEngineOnceKill : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_database;
    QStringList m_base;
    std::unique_ptr<AmoCrmSandbox> m_sandbox;
    std::unique_ptr<SandboxTestClient> m_control;
    std::shared_ptr<Storage::Database> m_store;

    CtlRun ctl(const QStringList &args, qint64 clockOffsetMs = 0, int timeoutMs = 120000)
    {
        QProcess process;
        prepare(process, args, clockOffsetMs);
        process.start();
        CtlRun run;
        if (!process.waitForStarted(10000) || !process.waitForFinished(timeoutMs)) {
            process.kill();
            process.waitForFinished(5000);
            return run;
        }
        run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        run.out = QString::fromUtf8(process.readAllStandardOutput());
        run.err = QString::fromUtf8(process.readAllStandardError());
        return run;
    }

    void prepare(QProcess &process, const QStringList &args, qint64 clockOffsetMs)
    {
        TestSupport::prepareCtl(process, QStringLiteral(CRMBRIDGECTL_PATH), m_base + args);
        if (clockOffsetMs != 0) {
            QProcessEnvironment env = process.processEnvironment();
            env.insert(QStringLiteral("CRMBRIDGE_CLOCK_OFFSET_MS"), QString::number(clockOffsetMs));
            process.setProcessEnvironment(env);
        }
    }

    int jobsIn(const QString &states, const QString &kind = QStringLiteral("order.created"))
    {
        auto count = Storage::Sql::scalar(
            *m_store,
            QStringLiteral("SELECT COUNT(*) FROM jobs WHERE state IN (%1) AND kind = ?").arg(states),
            { kind });
        if (!count)
            qWarning("jobs not counted: %s", qPrintable(count.error().toString()));
        return count ? count->toInt() : -1;
    }

    QJsonObject state()
    {
        return m_control->send("GET", QStringLiteral("/__sandbox/state"), {}, {}, QStringLiteral("*"), 60000)
            .object();
    }

    /** A fresh store with connection "shop" signed in to the reset sandbox. */
    void freshStore()
    {
        m_store.reset();
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_database = QStringLiteral("sqlite://") + m_dir->filePath(QStringLiteral("run.db"));
        const QString keyFile = m_dir->filePath(QStringLiteral("secret.key"));
        QVERIFY_OK(Secrets::SecretKey::generateFile(keyFile));
        m_base = QStringList { QStringLiteral("--database"), m_database, QStringLiteral("--secret-key-file"),
                               keyFile };
        m_control->control(QStringLiteral("reset"), { { "seed", "demo" } });
        const auto call = [this](const QStringList &args, const QByteArray &in) {
            return TestSupport::runCtl(QStringLiteral(CRMBRIDGECTL_PATH), m_base + args, in);
        };
        const CtlRun added = AmoTestKit::ctlAddConnection(call, QStringLiteral("shop"), *m_sandbox);
        QVERIFY2(added.exitCode == 0, qPrintable(added.err));
        const CtlRun login = AmoTestKit::ctlLoginByCode(call, QStringLiteral("shop"), *m_control);
        QVERIFY2(login.exitCode == 0, qPrintable(login.err + login.out));
        // Rounds of 50: each kill waits for a round settled and the next one out.
        const CtlRun rounds = call({ QStringLiteral("settings"), QStringLiteral("set"),
                                     QStringLiteral("lane.round_size"), QStringLiteral("50") },
                                   {});
        QVERIFY2(rounds.exitCode == 0, qPrintable(rounds.err));
        auto store = Storage::Database::open(m_database);
        QVERIFY_OK(store);
        m_store = store.value();
    }

    /** Every order.created job of the store is exactly one deal; returns how many were checked. */
    int verifyOneDealPerOrder(const QJsonObject &state)
    {
        const QHash<QString, int> deals = AmoTestKit::dealsByExternalId(state);
        auto orders = Storage::Sql::exec(
            *m_store, QStringLiteral("SELECT source, source_ref FROM jobs WHERE kind = 'order.created'"));
        if (!orders)
            return -1;
        int checked = 0;
        while (orders->next()) {
            const QString external
                = QStringLiteral("order:%1:%2").arg(orders->value(0).toString(), orders->value(1).toString());
            if (deals.value(external) != 1) {
                qWarning("%s has %d deals", qPrintable(external), deals.value(external));
                return -1;
            }
            ++checked;
        }
        return checked;
    }

    /** Starts `run`, waits until @p ready says so, kills it with SIGKILL. */
    template<typename Ready> void runAndKill(qint64 clockOffsetMs, const QString &log, Ready ready)
    {
        QProcess engine;
        prepare(engine, { QStringLiteral("run") }, clockOffsetMs);
        engine.setStandardOutputFile(QProcess::nullDevice());
        engine.setStandardErrorFile(log);
        engine.start();
        QVERIFY(engine.waitForStarted(10000));
        QTRY_VERIFY_WITH_TIMEOUT(ready(), 90000);
        ::kill(pid_t(engine.processId()), SIGKILL);
        QVERIFY(engine.waitForFinished(10000));
        QCOMPARE(engine.exitStatus(), QProcess::CrashExit);
    }

private Q_SLOTS:
    void initTestCase()
    {
        AmoSandboxOptions options;
        options.seed = QStringLiteral("demo");
        m_sandbox = std::make_unique<AmoCrmSandbox>(options);
        QString error;
        QVERIFY2(m_sandbox->start(&error), qPrintable(error));
        m_control = std::make_unique<SandboxTestClient>(m_sandbox->baseUrl());
    }

    void cleanup() { m_control->control(QStringLiteral("faults"), { { "clear", true } }); }

    void killedMidSendWithTheClockOff_data()
    {
        QTest::addColumn<qint64>("offsetMs");
        QTest::newRow("engine 10 min ahead") << qint64(600'000);
        QTest::newRow("engine 10 min behind") << qint64(-600'000);
    }

    void killedMidSendWithTheClockOff()
    {
        QFETCH(qint64, offsetMs);
        constexpr int kOrders = 300;
        constexpr int kKills = 4;
        freshStore();
        if (QTest::currentTestFailed())
            return;
        // Fast enough that only the kills matter; each create answers slowly, so a kill lands mid-send.
        m_control->control(QStringLiteral("account"), { { "rate", 50 }, { "burst", 50 } });
        m_control->control(QStringLiteral("faults"),
                           QJsonObject { { "action", "slow" },
                                         { "method", "POST" },
                                         { "path", "/api/v4/leads/complex" },
                                         { "delay_ms", 700 } });
        auto url = ShopDbUrl::parse(QStringLiteral("sqlite://") + m_dir->filePath(QStringLiteral("shop.db")));
        QVERIFY_OK(url);
        auto shop = ShopDb::open(url.value(), QStringLiteral("modx_"));
        QVERIFY_OK(shop);
        DemoShopGenerator::Options demo;
        demo.orders = kOrders;
        QVERIFY_OK(DemoShopGenerator::generate(*shop.value(), demo));
        {
            MiniShop2Config config;
            config.name = QStringLiteral("demo");
            config.url = url.value();
            config.fromBeginning = true;
            auto source = MiniShop2Source::open(config, m_store);
            QVERIFY_OK(source);
            for (;;) {
                auto polled = Engine::readIntoOutbox(*source.value(), m_store, 1000);
                QVERIFY_OK(polled);
                if (polled->taken.events == 0 && !polled->more)
                    break;
            }
        }
        QVERIFY_OK(
            Storage::Sql::exec(*m_store, QStringLiteral("DELETE FROM jobs WHERE kind <> 'order.created'")));
        // Queued as by a source on the engine's machine: due by its clock too.
        QVERIFY_OK(Storage::Sql::exec(*m_store, QStringLiteral("UPDATE jobs SET next_attempt_at = 0")));
        QCOMPARE(jobsIn(QStringLiteral("'pending'")), kOrders);
        const int leadsBefore = int(state().value("leads").toArray().size());

        // Each engine is killed while a create call is out (jobs `sending`, deals maybe made).
        QStringList kills;
        for (int kill = 0; kill < kKills; ++kill) {
            const int doneBefore = jobsIn(QStringLiteral("'done'"));
            runAndKill(offsetMs, m_dir->filePath(QStringLiteral("engine-%1.log").arg(kill)), [&] {
                return jobsIn(QStringLiteral("'done'")) > doneBefore
                    && jobsIn(QStringLiteral("'sending'")) > 0;
            });
            if (QTest::currentTestFailed())
                return;
            kills << QStringLiteral("%1 done/%2 sending")
                         .arg(jobsIn(QStringLiteral("'done'")))
                         .arg(jobsIn(QStringLiteral("'sending'")));
        }
        qInfo("clock %+lld s, killed at: %s", offsetMs / 1000, qPrintable(kills.join(QStringLiteral(", "))));
        QVERIFY(jobsIn(QStringLiteral("'done'")) < kOrders);

        const CtlRun last = ctl({ QStringLiteral("run"), QStringLiteral("--once") }, offsetMs, 240000);
        QVERIFY2(last.exitCode == 0, qPrintable(last.err.right(2000)));
        const QJsonObject after = state();
        QCOMPARE(verifyOneDealPerOrder(after), kOrders);
        QCOMPARE(int(after.value("leads").toArray().size()) - leadsBefore, kOrders);
        QCOMPARE(jobsIn(QStringLiteral("'done'")), kOrders);
        QCOMPARE(jobsIn(QStringLiteral("'pending', 'running', 'sending', 'failed'")), 0);
    }

    void liveShopAtTheRealRateWithKillsNoteFailuresAndResend()
    {
        freshStore();
        if (QTest::currentTestFailed())
            return;
        // amoCRM's real budget; a restarted engine does not know what the killed one spent in its last
        // second, so the sandbox does not block the account for the few 429s that brings.
        m_control->control(QStringLiteral("account"),
                           { { "rate", 7 }, { "burst", 7 }, { "violation_threshold", 100000 } });
        // Every second notes call fails: deals made, notes pending, retried on those deals.
        m_control->control(QStringLiteral("faults"),
                           QJsonObject { { "action", "status" },
                                         { "method", "POST" },
                                         { "path", "/api/v4/leads/notes" },
                                         { "status", 500 },
                                         { "every", 2 } });
        // Passing failures tried again after 2 s (doubling), failed after 4 tries: the notes that keep
        // failing reach the operator within the test's time, as they would within hours in a shop.
        for (const auto &[key, value] :
             { std::pair { "retry.first_delay_s", "2" }, std::pair { "retry.max_attempts", "4" } }) {
            const CtlRun set = ctl({ QStringLiteral("settings"), QStringLiteral("set"), QLatin1String(key),
                                     QLatin1String(value) });
            QVERIFY2(set.exitCode == 0, qPrintable(set.err));
            QVERIFY2(
                set.out.startsWith(QStringLiteral("%1 = %2").arg(QLatin1String(key), QLatin1String(value))),
                qPrintable(set.out));
        }
        // Creates answer in half a second, so a kill can land while one is out.
        m_control->control(QStringLiteral("faults"),
                           QJsonObject { { "action", "slow" },
                                         { "method", "POST" },
                                         { "path", "/api/v4/leads/complex" },
                                         { "delay_ms", 500 } });
        const QString shopUrl = QStringLiteral("sqlite://") + m_dir->filePath(QStringLiteral("live.db"));
        auto shop = ShopDb::open(ShopDbUrl::parse(shopUrl).value(), QStringLiteral("modx_"));
        QVERIFY_OK(shop);
        DemoShopGenerator::Options demo;
        demo.orders = 10;
        QVERIFY_OK(DemoShopGenerator::generate(*shop.value(), demo));
        Source::SourceRecord source;
        source.name = QStringLiteral("web");
        source.kind = QStringLiteral("minishop2");
        source.url = shopUrl;
        source.config = QJsonObject { { "start", "beginning" } }; // the shop's ten orders, then the new ones
        QVERIFY_OK(Source::SourceRepo(m_store).add(source));
        const int leadsBefore = int(state().value("leads").toArray().size());

        // Three engines killed while the shop takes orders; orders keep coming in between.
        int placed = 10;
        quint32 seed = 100;
        QElapsedTimer clock;
        clock.start();
        for (int kill = 0; kill < 3; ++kill) {
            QVERIFY_OK(DemoShopGenerator::addOrders(*shop.value(), 40, 4, ++seed));
            placed += 40;
            // More orders while it runs (ten every second or so), then the kill mid-send: a create out
            // after this engine delivered some.
            const int doneBefore = jobsIn(QStringLiteral("'done'"));
            const qint64 roundStart = QDateTime::currentMSecsSinceEpoch();
            int round = 0;
            runAndKill(0, m_dir->filePath(QStringLiteral("live-%1.log").arg(kill)), [&] {
                if (++round % 20 == 0 && placed < 300) {
                    if (DemoShopGenerator::addOrders(*shop.value(), 10, 4, ++seed))
                        placed += 10;
                }
                // Marked sending by this engine (the killed one's may still be there, unreconciled).
                auto sendingNow = Storage::Sql::scalar(
                    *m_store,
                    QStringLiteral(
                        "SELECT COUNT(*) FROM jobs WHERE kind = 'order.created' AND state = 'sending'"
                        " AND updated_at >= ?"),
                    { roundStart });
                return sendingNow && sendingNow->toInt() > 0
                    && jobsIn(QStringLiteral("'done'")) >= doneBefore + 10;
            });
            if (QTest::currentTestFailed())
                return;
        }
        // The last engine runs as a service until every order is settled.
        QVERIFY_OK(DemoShopGenerator::addOrders(*shop.value(), 20, 4, ++seed));
        placed += 20;
        QProcess engine;
        prepare(engine, { QStringLiteral("run") }, 0);
        engine.setStandardOutputFile(QProcess::nullDevice());
        engine.setStandardErrorFile(m_dir->filePath(QStringLiteral("live-last.log")));
        engine.start();
        QVERIFY(engine.waitForStarted(10000));
        QTRY_VERIFY_WITH_TIMEOUT(jobsIn(QStringLiteral("'done', 'failed'")) == placed
                                     && jobsIn(QStringLiteral("'pending', 'running', 'sending'")) == 0,
                                 240000);
        // The notes that kept failing: the operator resends the failures (none may be a second deal).
        const int failed = jobsIn(QStringLiteral("'failed'"));
        m_control->control(QStringLiteral("faults"), QJsonObject { { "clear", true } });
        const CtlRun resend = ctl({ QStringLiteral("resend"), QStringLiteral("--failed") });
        QCOMPARE(resend.exitCode, 0);
        QVERIFY2(resend.out.contains(QStringLiteral(" requeued")), qPrintable(resend.out));
        QTRY_COMPARE_WITH_TIMEOUT(jobsIn(QStringLiteral("'done'")), placed, 120000);
        // Saved customers make no contacts here (customers.upsert_contacts is off): each one is settled
        // as skipped, none is left waiting in the queue.
        QTRY_COMPARE(
            jobsIn(QStringLiteral("'pending', 'running', 'sending'"), QStringLiteral("customer.saved")), 0);
        QVERIFY(jobsIn(QStringLiteral("'cancelled'"), QStringLiteral("customer.saved")) > 0);
        ::kill(pid_t(engine.processId()), SIGTERM);
        QVERIFY(engine.waitForFinished(30000));

        const QJsonObject after = state();
        auto shopOrders = shop.value()->exec(
            QStringLiteral("SELECT COUNT(*) FROM %1").arg(shop.value()->table("ms2_orders")));
        QVERIFY_OK(shopOrders);
        QVERIFY(shopOrders->next());
        QCOMPARE(shopOrders->value(0).toInt(), placed); // no order lost on the way in
        QCOMPARE(verifyOneDealPerOrder(after), placed); // ... nor on the way out, and none twice
        QCOMPARE(int(after.value("leads").toArray().size()) - leadsBefore, placed);
        QHash<qint64, int> notes;
        for (const QJsonValue &n : after.value("notes").toArray())
            ++notes[n.toObject().value("entity_id").toInteger()];
        auto linked = Storage::Sql::exec(
            *m_store, QStringLiteral("SELECT crm_id FROM jobs WHERE kind = 'order.created'"));
        QVERIFY_OK(linked);
        int withoutNote = 0, withTwo = 0;
        while (linked->next()) {
            withoutNote += notes.value(linked->value(0).toLongLong()) == 0;
            withTwo += notes.value(linked->value(0).toLongLong()) > 1;
        }
        QCOMPARE(withoutNote, 0);
        QCOMPARE(withTwo, 0); // a note whose answer was lost (a kill mid-call) is looked up, not added again
        const QJsonObject counters = after.value("counters").toObject();
        qInfo("%d orders in %.0f s, %d failed before the resend, max %d requests/s, %d answers 429, %d 500s",
              placed, clock.elapsed() / 1000.0, failed, counters.value("max_rps").toInt(),
              counters.value("by_status").toObject().value("429").toInt(),
              counters.value("by_status").toObject().value("500").toInt());
    }
};

QTEST_GUILESS_MAIN(TestEngineOnceKill)
#include "tst_EngineOnceKill.moc"
