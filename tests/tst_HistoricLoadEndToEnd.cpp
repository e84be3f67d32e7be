// SPDX-License-Identifier: GPL-3.0-or-later
// The historic load as an operator runs it, every step a crmbridgectl process: a miniShop2 shop of
// 3,000 orders with their status histories is added as a source (new orders only), `source load`
// reads it into the outbox and is killed with SIGKILL midway, run again it resumes; `crmbridgectl run`
// sends it to the amoCRM sandbox at the account's 7 requests/s and is killed midway too, run again it
// finishes. Counted in the sandbox: every order exactly one deal, no status change sent (the orders'
// present status only), and `source load --progress` ends at every job done.
// CRMBRIDGE_LOAD_ORDERS=10000 runs the same with more orders (the figure).
#include "CtlProcess.h"
#include "fixtures/amocrm/AmoTestKit.h"
#include "secrets/SecretKey.h"
#include "source/ShopDb.h"
#include "source/minishop2/DemoShopGenerator.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <csignal>

using Sandbox::AmoCrm::AmoCrmSandbox;
using Sandbox::AmoCrm::AmoSandboxOptions;
using Sandbox::Testing::SandboxTestClient;
using TestSupport::CtlRun;
using namespace Source;
using namespace Source::MiniShop2;

class TestHistoricLoadEndToEnd : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QStringList m_base;
    std::unique_ptr<AmoCrmSandbox> m_sandbox;
    std::unique_ptr<SandboxTestClient> m_control;
    std::shared_ptr<Storage::Database> m_store;
    int m_orders = qEnvironmentVariableIntValue("CRMBRIDGE_LOAD_ORDERS");

    CtlRun ctl(const QStringList &args, const QByteArray &in = {}, int timeoutMs = 120000)
    {
        return TestSupport::runCtl(QStringLiteral(CRMBRIDGECTL_PATH), m_base + args, in, timeoutMs);
    }

    int count(const QString &sql)
    {
        auto n = Storage::Sql::scalar(*m_store, sql);
        if (!n)
            qWarning("not counted: %s", qPrintable(n.error().toString()));
        return n ? n->toInt() : -1;
    }

    int jobs(const QString &where = QStringLiteral("1 = 1"))
    {
        return count(QStringLiteral("SELECT COUNT(*) FROM jobs WHERE %1").arg(where));
    }

    QJsonObject progress()
    {
        const CtlRun run = ctl({ QStringLiteral("source"), QStringLiteral("load"), QStringLiteral("shop"),
                                 QStringLiteral("--progress"), QStringLiteral("--json") });
        return QJsonDocument::fromJson(run.out.toUtf8()).object();
    }

    QJsonObject state()
    {
        return m_control->send("GET", QStringLiteral("/__sandbox/state"), {}, {}, QStringLiteral("*"), 120000)
            .object();
    }

    /** Starts `crmbridgectl ARGS`, waits until @p ready, kills it with SIGKILL. */
    template<typename Ready> void startAndKill(const QStringList &args, const QString &log, Ready ready)
    {
        QProcess process;
        TestSupport::prepareCtl(process, QStringLiteral(CRMBRIDGECTL_PATH), m_base + args);
        process.setStandardOutputFile(QProcess::nullDevice());
        process.setStandardErrorFile(log);
        process.start();
        QVERIFY(process.waitForStarted(10000));
        QElapsedTimer waited;
        waited.start();
        while (!ready()) {
            QVERIFY2(process.state() == QProcess::Running,
                     qPrintable(QStringLiteral("%1 ended before it could be killed").arg(args.join(' '))));
            QVERIFY2(waited.elapsed() < 180000, "the process never got there");
            QTest::qWait(5);
        }
        ::kill(pid_t(process.processId()), SIGKILL);
        QVERIFY(process.waitForFinished(10000));
        QCOMPARE(process.exitStatus(), QProcess::CrashExit);
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (m_orders <= 0)
            m_orders = 3000;
        QVERIFY(m_dir.isValid());
        AmoSandboxOptions options;
        options.seed = QStringLiteral("demo");
        m_sandbox = std::make_unique<AmoCrmSandbox>(options);
        QString error;
        QVERIFY2(m_sandbox->start(&error), qPrintable(error));
        m_control = std::make_unique<SandboxTestClient>(m_sandbox->baseUrl());
        // The account's real budget.
        m_control->control(QStringLiteral("account"), { { "rate", 7 }, { "burst", 7 } });

        const QString database = QStringLiteral("sqlite://") + m_dir.filePath(QStringLiteral("store.db"));
        const QString keyFile = m_dir.filePath(QStringLiteral("secret.key"));
        QVERIFY_OK(Secrets::SecretKey::generateFile(keyFile));
        m_base = { QStringLiteral("--database"), database, QStringLiteral("--secret-key-file"), keyFile };
        const auto call = [this](const QStringList &args, const QByteArray &in) { return ctl(args, in); };
        const CtlRun added = AmoTestKit::ctlAddConnection(call, QStringLiteral("crm"), *m_sandbox);
        QVERIFY2(added.exitCode == 0, qPrintable(added.err));
        const CtlRun login = AmoTestKit::ctlLoginByCode(call, QStringLiteral("crm"), *m_control);
        QVERIFY2(login.exitCode == 0, qPrintable(login.err + login.out));
        auto store = Storage::Database::open(database);
        QVERIFY_OK(store);
        m_store = store.value();

        // A shop with a past: orders in every status, each with its status log.
        const QString shopUrl = QStringLiteral("sqlite://") + m_dir.filePath(QStringLiteral("shop.db"));
        auto url = ShopDbUrl::parse(shopUrl);
        QVERIFY_OK(url);
        auto shop = ShopDb::open(url.value(), QStringLiteral("modx_"));
        QVERIFY_OK(shop);
        DemoShopGenerator::Options demo;
        demo.orders = m_orders;
        QVERIFY_OK(DemoShopGenerator::generate(*shop.value(), demo));
        shop.value()->releaseThreadConnection();
        const CtlRun source
            = ctl({ QStringLiteral("source"), QStringLiteral("add"), QStringLiteral("minishop2"),
                    QStringLiteral("shop"), QStringLiteral("--url"), shopUrl },
                  "\n");
        QVERIFY2(source.exitCode == 0, qPrintable(source.err + source.out));
    }

    void loadStoppedAndResumedThenSentOnceEach()
    {
        QElapsedTimer total;
        total.start();
        const int leadsBefore = int(state().value("leads").toArray().size());
        const QString created = QStringLiteral("kind = 'order.created'");

        // Reading, killed once some orders are in the outbox; run again, it goes on after them.
        startAndKill({ QStringLiteral("source"), QStringLiteral("load"), QStringLiteral("shop"),
                       QStringLiteral("--batch"), QStringLiteral("2") },
                     m_dir.filePath(QStringLiteral("load-1.log")), [&] { return jobs(created) >= 100; });
        if (QTest::currentTestFailed())
            return;
        const int readBeforeKill = jobs(created);
        QVERIFY2(readBeforeKill < m_orders, "the load was not stopped midway");
        QJsonObject p = progress();
        QVERIFY2(p.value("queued").toInteger() > 0 && p.value("queued").toInteger() < m_orders,
                 qPrintable(QJsonDocument(p).toJson(QJsonDocument::Compact)));
        QCOMPARE(p.value("total").toInteger(), qint64(m_orders));
        QVERIFY(p.value("read_at").toInteger() == 0); // not finished reading

        QElapsedTimer reading;
        reading.start();
        const CtlRun resumed
            = ctl({ QStringLiteral("source"), QStringLiteral("load"), QStringLiteral("shop") });
        QVERIFY2(resumed.exitCode == 0, qPrintable(resumed.err + resumed.out));
        QVERIFY2(resumed.out.contains(QStringLiteral("resumed after order")), qPrintable(resumed.out));
        const qint64 readMs = reading.elapsed();
        QCOMPARE(jobs(created), m_orders);
        // The orders' present state only: no status change, no other event of the past.
        QCOMPARE(jobs(QStringLiteral("kind <> 'order.created'")), 0);

        // Sending, killed midway; run again until nothing is due.
        QElapsedTimer sending;
        sending.start();
        const int half = m_orders / 2;
        startAndKill({ QStringLiteral("run") }, m_dir.filePath(QStringLiteral("run-1.log")),
                     [&] { return jobs(QStringLiteral("state = 'done'")) >= half; });
        if (QTest::currentTestFailed())
            return;
        const int doneAtKill = jobs(QStringLiteral("state = 'done'"));
        QVERIFY(doneAtKill < m_orders);
        p = progress();
        QCOMPARE(p.value("jobs").toInteger(), qint64(m_orders));
        QCOMPARE(p.value("done").toInteger(), qint64(doneAtKill));
        QVERIFY(!p.value("stalled").toBool());

        const CtlRun finish = ctl({ QStringLiteral("run"), QStringLiteral("--once") }, {}, 900000);
        QVERIFY2(finish.exitCode == 0, qPrintable(finish.err.right(3000)));
        const qint64 sendMs = sending.elapsed();

        // Counted in the CRM: one deal per order, none more.
        const QJsonObject after = state();
        const QHash<QString, int> deals = AmoTestKit::dealsByExternalId(after);
        auto refs = Storage::Sql::exec(*m_store,
                                       QStringLiteral("SELECT source_ref FROM jobs WHERE %1").arg(created));
        QVERIFY_OK(refs);
        int once = 0;
        while (refs->next()) {
            const QString external = QStringLiteral("order:shop:%1").arg(refs->value(0).toString());
            QVERIFY2(deals.value(external) == 1,
                     qPrintable(QStringLiteral("%1 has %2 deals").arg(external).arg(deals.value(external))));
            ++once;
        }
        QCOMPARE(once, m_orders);
        QCOMPARE(int(after.value("leads").toArray().size()) - leadsBefore, m_orders);
        QCOMPARE(jobs(QStringLiteral("state <> 'done'")), 0);
        QCOMPARE(jobs(QStringLiteral("kind <> 'order.created'")), 0);

        p = progress();
        QCOMPARE(p.value("done").toInteger(), qint64(m_orders));
        QCOMPARE(p.value("failed").toInteger(), qint64(0));
        QVERIFY(p.value("read_at").toInteger() > 0);
        const int http429 = count(QStringLiteral("SELECT COUNT(*) FROM op_log WHERE status = 429"));
        qInfo(
            "historic load of %d orders: killed while reading at %d, the rest read in %lld ms; killed while "
            "sending at %d done; all sent in %.1f s (%.1f orders/s at 7 requests/s, both engines' time); "
            "%d answers 429; %.1f s in all",
            m_orders, readBeforeKill, readMs, doneAtKill, sendMs / 1000.0, m_orders * 1000.0 / sendMs,
            http429, total.elapsed() / 1000.0);
    }
};

QTEST_GUILESS_MAIN(TestHistoricLoadEndToEnd)
#include "tst_HistoricLoadEndToEnd.moc"
