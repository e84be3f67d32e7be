// SPDX-License-Identifier: GPL-3.0-or-later
// crmbridgectl with a RetailCRM connection, as an operator uses it: `connection add retailcrm` with the
// key on stdin (kept encrypted, never in the store's file or the output), `connection test`, `run --once`
// draining the queue into the sandbox, and `resend --failed` after the CRM refused an order, without
// any order arriving twice; `backsync enable --poll` (and --url refused with advice).
#include "CtlProcess.h"
#include "MappingFileKit.h"
#include "TestEnv.h"
#include "fixtures/retailcrm/RetailTestKit.h"
#include "secrets/SecretKey.h"

#include <QTemporaryDir>

using namespace RetailTestKit;
using Sandbox::RetailCrm::RetailCrmSandbox;
using Sandbox::RetailCrm::RetailSandboxOptions;
using Sandbox::Testing::RetailTestClient;

class TestRetailCtl : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_database;
    QString m_keyFile;
    std::unique_ptr<RetailCrmSandbox> m_sandbox;
    std::unique_ptr<RetailTestClient> m_control;
    QString m_output;

    TestSupport::CtlRun ctl(const QStringList &args, const QByteArray &stdinData = {})
    {
        const TestSupport::CtlRun run
            = TestSupport::runCtl(QStringLiteral(CRMBRIDGECTL_PATH),
                                  QStringList { QStringLiteral("--database"), m_database,
                                                QStringLiteral("--secret-key-file"), m_keyFile }
                                      + args,
                                  stdinData);
        m_output += run.out + run.err;
        return run;
    }

    QJsonArray orders()
    {
        return m_control->control(QStringLiteral("state"), {}, "GET").value("orders").toArray();
    }

    void enqueue(int from, int count)
    {
        auto db = Storage::Database::open(m_database);
        QVERIFY_OK(db);
        Store::JobRepo jobs(db.value());
        for (int n = from; n < from + count; ++n)
            QVERIFY_OK(jobs.enqueue(jobFor(order(n, 3))));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_database = QStringLiteral("sqlite://") + m_dir.filePath(QStringLiteral("ctl.db"));
        m_keyFile = m_dir.filePath(QStringLiteral("secret.key"));
        QVERIFY_OK(Secrets::SecretKey::generateFile(m_keyFile));
        const QString error = RetailTestKit::startDemoSandbox(m_sandbox, m_control);
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    void addAndTest()
    {
        const auto usage
            = ctl({ "connection", "add", "retailcrm", "shop", "--base-url", m_sandbox->baseUrl().toString() },
                  m_sandbox->apiKey().toUtf8() + "\n");
        QCOMPARE(usage.exitCode, 2);
        QVERIFY2(usage.err.contains(QLatin1String("--site")), qPrintable(usage.err));
        const auto empty = ctl({ "connection", "add", "retailcrm", "shop", "--base-url",
                                 m_sandbox->baseUrl().toString(), "--site", m_sandbox->site() });
        QCOMPARE(empty.exitCode, 2);
        QVERIFY(empty.err.contains(QLatin1String("stdin")));

        const auto added = ctl({ "connection", "add", "retailcrm", "shop", "--base-url",
                                 m_sandbox->baseUrl().toString(), "--site", m_sandbox->site() },
                               m_sandbox->apiKey().toUtf8() + "\n");
        QVERIFY2(added.exitCode == 0, qPrintable(added.err));
        const auto list = ctl({ "connection", "list", "--json" });
        QVERIFY2(list.out.contains(QLatin1String("\"crm\":\"retailcrm\"")), qPrintable(list.out));

        const auto tested = ctl({ "connection", "test", "shop" });
        QVERIFY2(tested.exitCode == 0, qPrintable(tested.err + tested.out));
        QVERIFY2(tested.out.contains(QStringLiteral("Демо-магазин")), qPrintable(tested.out));
        QVERIFY(tested.out.contains(QLatin1String("access_full")));

        // A second connection with a key the CRM refuses: the test says so, with its own exit code.
        const auto wrong = ctl({ "connection", "add", "retailcrm", "wrong", "--base-url",
                                 m_sandbox->baseUrl().toString(), "--site", m_sandbox->site() },
                               "notTheRightKey123456\n");
        QCOMPARE(wrong.exitCode, 0);
        const auto refused = ctl({ "connection", "test", "wrong" });
        QCOMPARE(refused.exitCode, 3);
        QVERIFY2(refused.err.contains(QLatin1String("apiKey")), qPrintable(refused.err));
    }

    void runResendExactlyOnce()
    {
        // Only the good connection may run the queue: drop the refused one from the store.
        {
            auto db = Storage::Database::open(m_database);
            QVERIFY_OK(db);
            auto wrong = Store::ConnectionRepo(db.value()).byName(QStringLiteral("wrong"));
            if (wrong)
                QVERIFY_OK(Store::ConnectionRepo(db.value()).remove(wrong->id));
        }
        enqueue(0, 5);
        // The CRM refuses the first batch, whose orders then go alone, and the first of those; the
        // other four go through.
        QJsonArray rules;
        for (const char *path : { "/api/v5/orders/upload", "/api/v5/orders/create" })
            rules.append(QJsonObject { { "action", "status" },
                                       { "status", 400 },
                                       { "method", "POST" },
                                       { "path", path },
                                       { "times", 1 } });
        m_control->control(QStringLiteral("faults"), { { "rules", rules } });
        const auto run = ctl({ "run", "--once" });
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.out.contains(QLatin1String("4 done")) && run.out.contains(QLatin1String("1 failed")),
                 qPrintable(run.out));
        QCOMPARE(orders().size(), 4);

        const auto resend = ctl({ "resend", "--failed" });
        QVERIFY2(resend.exitCode == 0, qPrintable(resend.err));
        QVERIFY2(resend.out.contains(QLatin1String("1")), qPrintable(resend.out));
        const auto again = ctl({ "run", "--once" });
        QVERIFY2(again.exitCode == 0, qPrintable(again.err));
        QVERIFY2(again.out.contains(QLatin1String("5 done")), qPrintable(again.out));

        const QJsonArray all = orders();
        QCOMPARE(all.size(), 5);
        QSet<QString> externalIds;
        for (const QJsonValue &v : all)
            externalIds.insert(v.toObject().value("externalId").toString());
        QCOMPARE(externalIds, (QSet<QString> { "2311-1", "2311-2", "2311-3", "2311-4", "2311-5" }));
        // Three people, three customers, plus the seeded one.
        QCOMPARE(m_control->control(QStringLiteral("state"), {}, "GET").value("customers").toArray().size(),
                 4);
    }

    /** Back-sync of a RetailCRM connection polls the order history; a webhook URL is refused with advice. */
    void backsyncPollsTheHistory()
    {
        const auto url = ctl({ "backsync", "enable", "shop", "--url", "https://bridge.example.ru" });
        QCOMPARE(url.exitCode, 1);
        QVERIFY2(url.err.contains(QLatin1String("--poll")), qPrintable(url.err));
        const auto poll = ctl({ "backsync", "enable", "shop", "--poll", "--interval", "20" });
        QVERIFY2(poll.exitCode == 0, qPrintable(poll.err));
        QVERIFY2(poll.out.contains(QLatin1String("shop: polling every 20 s")), qPrintable(poll.out));
        const auto status = ctl({ "backsync", "status", "--json" });
        QCOMPARE(status.exitCode, 0);
        QVERIFY2(status.out.contains(QLatin1String("\"mode\":\"poll\"")), qPrintable(status.out));
    }

    /** A mapping row naming an order field RetailCRM lacks: imported once auto-create is allowed, then
     *  created in RetailCRM by `mapping create-fields` and bound to the row. */
    void createFieldsByHand()
    {
        const QString file = m_dir.filePath(QStringLiteral("mapping.json"));
        QCOMPARE(ctl({ "mapping", "export", file, "--connection", "shop" }).exitCode, 0);
        QVERIFY(TestSupport::addNamedFieldRow(file, QStringLiteral("o90"), QStringLiteral("address.city"),
                                              QStringLiteral("deal"), QStringLiteral("Город доставки")));
        QVERIFY(ctl({ "connection", "set", "shop", "--auto-create-fields", "deals" }).exitCode == 0);
        const auto imported = ctl({ "mapping", "import", file, "--connection", "shop" });
        QVERIFY2(imported.exitCode == 0, qPrintable(imported.err + imported.out));
        const auto created = ctl({ "mapping", "create-fields", "shop" });
        QVERIFY2(created.exitCode == 0, qPrintable(created.err + created.out));
        QVERIFY2(created.out.contains(QStringLiteral("Город доставки")), qPrintable(created.out));
        QString code;
        for (const QJsonValue &f : m_control->control(QStringLiteral("state"), {}, "GET")
                                       .value("custom_fields")
                                       .toObject()
                                       .value("order")
                                       .toArray()) {
            if (f.toObject().value("name").toString() == QStringLiteral("Город доставки"))
                code = f.toObject().value("code").toString();
        }
        QCOMPARE(code, QStringLiteral("gorod_dostavki"));
        QCOMPARE(ctl({ "mapping", "export", file, "--connection", "shop" }).exitCode, 0);
        QFile exported(file);
        QVERIFY(exported.open(QIODevice::ReadOnly));
        QVERIFY(exported.readAll().contains("\"field_id\": \"gorod_dostavki\""));
    }

    void theKeyIsNowhere()
    {
        QFile file(m_dir.filePath(QStringLiteral("ctl.db")));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QVERIFY(!bytes.contains(m_sandbox->apiKey().toUtf8()));
        QVERIFY(!m_output.contains(m_sandbox->apiKey()));
        QVERIFY(!m_output.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestRetailCtl)
#include "tst_RetailCtl.moc"
