// SPDX-License-Identifier: GPL-3.0-or-later
// The headless engine (`crmbridgectl run`) killed with SIGKILL at random moments while it sends the
// 3,000 orders of a demo shop, ten times, restarted each time, then run to the end: every order is
// exactly one deal (by its "CRM Bridge ID"), every person one contact, and no job is left pending,
// running or sending. The sandbox is in this process; its rate is raised because a restarted engine
// does not know what the killed one sent in its last second (this test is about correctness). Every
// answer takes 200 ms, as over the internet: a round's calls are in flight together (the CRM did the
// work, the answer is on its way) for most of the engine's life, and that is where the kills land.
#include "CtlProcess.h"
#include "engine/SourcePoller.h"
#include "fixtures/amocrm/AmoTestKit.h"
#include "secrets/SecretKey.h"
#include "source/minishop2/DemoShopGenerator.h"
#include "source/minishop2/MiniShop2Source.h"

#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <csignal>

using Sandbox::AmoCrm::AmoCrmSandbox;
using Sandbox::AmoCrm::AmoSandboxOptions;
using Sandbox::Testing::SandboxTestClient;
using TestSupport::CtlRun;

namespace {
constexpr int kOrders = 3000;
constexpr int kKills = 10;
} // namespace

class TestEngineCrash : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_database;
    QStringList m_base;
    std::unique_ptr<AmoCrmSandbox> m_sandbox;
    std::unique_ptr<SandboxTestClient> m_control;
    std::shared_ptr<Storage::Database> m_store;

    CtlRun ctl(const QStringList &args, const QByteArray &stdinData = {}, int timeoutMs = 90000)
    {
        return TestSupport::runCtl(QStringLiteral(CRMBRIDGECTL_PATH), m_base + args, stdinData, timeoutMs);
    }

    static QString logTail(const QString &path)
    {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return QStringLiteral("(no log)");
        const QByteArray all = file.readAll();
        return QString::fromUtf8(all.right(4000));
    }

    int jobsIn(const QString &states)
    {
        auto count = Storage::Sql::scalar(
            *m_store, QStringLiteral("SELECT COUNT(*) FROM jobs WHERE state IN (%1)").arg(states));
        return count ? count->toInt() : -1;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_database = QStringLiteral("sqlite://") + m_dir.filePath(QStringLiteral("run.db"));
        const QString keyFile = m_dir.filePath(QStringLiteral("secret.key"));
        QVERIFY_OK(Secrets::SecretKey::generateFile(keyFile));
        m_base = QStringList { QStringLiteral("--database"), m_database, QStringLiteral("--secret-key-file"),
                               keyFile };
        AmoSandboxOptions options;
        options.seed = QStringLiteral("demo");
        options.rate = 50;
        m_sandbox = std::make_unique<AmoCrmSandbox>(options);
        QString error;
        QVERIFY2(m_sandbox->start(&error), qPrintable(error));
        m_control = std::make_unique<SandboxTestClient>(m_sandbox->baseUrl());
        m_control->control(QStringLiteral("account"), { { "answer_ms", 200 } });

        const auto call = [this](const QStringList &args, const QByteArray &in) { return ctl(args, in); };
        const CtlRun added = AmoTestKit::ctlAddConnection(call, QStringLiteral("shop"), *m_sandbox);
        QVERIFY2(added.exitCode == 0, qPrintable(added.err));
        const CtlRun login = AmoTestKit::ctlLoginByCode(call, QStringLiteral("shop"), *m_control);
        QVERIFY2(login.exitCode == 0, qPrintable(login.err + login.out));
        // Rounds of 100 (two leads/complex calls in flight together, one notes call): thirty rounds,
        // so ten kills land before the end.
        const CtlRun rounds = ctl({ QStringLiteral("settings"), QStringLiteral("set"),
                                    QStringLiteral("lane.round_size"), QStringLiteral("100") });
        QVERIFY2(rounds.exitCode == 0, qPrintable(rounds.err));

        auto store = Storage::Database::open(m_database);
        QVERIFY_OK(store);
        m_store = store.value();
    }

    void everyOrderIsOneDealAcrossKills()
    {
        // The shop and its orders in the outbox, as the source puts them there.
        auto url = Source::MiniShop2::ShopDbUrl::parse(QStringLiteral("sqlite://")
                                                       + m_dir.filePath(QStringLiteral("shop.db")));
        QVERIFY_OK(url);
        auto shop = Source::MiniShop2::ShopDb::open(url.value(), QStringLiteral("modx_"));
        QVERIFY_OK(shop);
        Source::MiniShop2::DemoShopGenerator::Options demo;
        demo.orders = kOrders;
        QVERIFY_OK(Source::MiniShop2::DemoShopGenerator::generate(*shop.value(), demo));
        auto people = shop.value()->exec(
            QStringLiteral("SELECT COUNT(DISTINCT user_id) FROM %1").arg(shop.value()->table("ms2_orders")));
        QVERIFY_OK(people);
        QVERIFY(people->next());
        const int persons = people->value(0).toInt();
        {
            Source::MiniShop2::MiniShop2Config config;
            config.name = QStringLiteral("demo");
            config.url = url.value();
            config.fromBeginning = true;
            auto source = Source::MiniShop2::MiniShop2Source::open(config, m_store);
            QVERIFY_OK(source);
            for (;;) {
                auto polled = Engine::readIntoOutbox(*source.value(), m_store, 1000);
                QVERIFY_OK(polled);
                if (polled->taken.events == 0 && !polled->more)
                    break;
            }
        }
        // Status changes of these orders are another lane's business: only creates here.
        QVERIFY_OK(
            Storage::Sql::exec(*m_store, QStringLiteral("DELETE FROM jobs WHERE kind <> 'order.created'")));
        QCOMPARE(jobsIn(QStringLiteral("'pending'")), kOrders);

        const QJsonObject before = m_control->get(QStringLiteral("/__sandbox/state")).object();

        // Ten engines killed at random moments: once each has sent or settled something of its own,
        // within a second — reconciling what the last one left in flight, marking a round, with its
        // calls in flight (the CRM did the work, the answer is on its way), settling.
        const quint32 seed = QRandomGenerator::global()->generate();
        qInfo("random seed %u", seed);
        QRandomGenerator random(seed);
        QStringList kills;
        for (int kill = 0; kill < kKills; ++kill) {
            QProcess engine;
            TestSupport::prepareCtl(engine, QStringLiteral(CRMBRIDGECTL_PATH),
                                    m_base + QStringList { "run" });
            engine.setStandardOutputFile(QProcess::nullDevice());
            const QString log = m_dir.filePath(QStringLiteral("engine-%1.log").arg(kill));
            engine.setStandardErrorFile(log);
            engine.start();
            QVERIFY(engine.waitForStarted(10000));
            const int doneBefore = jobsIn(QStringLiteral("'done'"));
            const int sendingBefore = jobsIn(QStringLiteral("'sending'"));
            const auto progressed = [&] {
                return jobsIn(QStringLiteral("'done'")) > doneBefore
                    || jobsIn(QStringLiteral("'sending'")) > sendingBefore;
            };
            QElapsedTimer waited;
            waited.start();
            const bool inTime = QTest::qWaitFor(progressed, 60000);
            const qint64 firstProgressMs = waited.elapsed();
            QVERIFY2(inTime,
                     qPrintable(QStringLiteral("engine %1 sent nothing in 60 s; its log ends:\n%2")
                                    .arg(kill)
                                    .arg(logTail(log))));
            QTest::qWait(int(random.bounded(1000)));
            ::kill(pid_t(engine.processId()), SIGKILL);
            QVERIFY(engine.waitForFinished(10000));
            QCOMPARE(engine.exitStatus(), QProcess::CrashExit);
            kills << QStringLiteral("%1 done/%2 held (first progress after %3 ms)")
                         .arg(jobsIn(QStringLiteral("'done'")))
                         .arg(jobsIn(QStringLiteral("'running', 'sending'")))
                         .arg(firstProgressMs);
        }
        qInfo("killed at: %s", qPrintable(kills.join(QStringLiteral(", "))));
        QVERIFY2(jobsIn(QStringLiteral("'done'")) < kOrders, "every kill came before the end");

        // The last engine runs until nothing is due or held, in the CRM's own round size.
        QCOMPARE(
            ctl({ QStringLiteral("settings"), QStringLiteral("unset"), QStringLiteral("lane.round_size") })
                .exitCode,
            0);
        const CtlRun last = ctl({ QStringLiteral("run"), QStringLiteral("--once") }, {}, 180000);
        QVERIFY2(last.exitCode == 0, qPrintable(last.err.right(2000)));

        const QJsonObject state
            = m_control->send("GET", QStringLiteral("/__sandbox/state"), {}, {}, QStringLiteral("*"), 60000)
                  .object();
        const QHash<QString, int> deals = AmoTestKit::dealsByExternalId(state);
        auto orders = Storage::Sql::exec(*m_store, QStringLiteral("SELECT source, source_ref FROM jobs"));
        QVERIFY_OK(orders);
        int checked = 0;
        while (orders->next()) {
            const QString external
                = QStringLiteral("order:%1:%2").arg(orders->value(0).toString(), orders->value(1).toString());
            QVERIFY2(deals.value(external) == 1,
                     qPrintable(QStringLiteral("%1 has %2 deals").arg(external).arg(deals.value(external))));
            ++checked;
        }
        QCOMPARE(checked, kOrders);
        const auto added = [&](const char *entity) {
            return int(state.value(QLatin1String(entity)).toArray().size()
                       - before.value(QLatin1String(entity)).toArray().size());
        };
        QCOMPARE(added("leads"), kOrders);
        QCOMPARE(added("contacts"), persons);
        QCOMPARE(jobsIn(QStringLiteral("'done'")), kOrders);
        QCOMPARE(jobsIn(QStringLiteral("'pending', 'running', 'sending', 'failed'")), 0);
    }
};

QTEST_GUILESS_MAIN(TestEngineCrash)
#include "tst_EngineCrash.moc"
