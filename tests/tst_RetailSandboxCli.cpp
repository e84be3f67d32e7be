// SPDX-License-Identifier: GPL-3.0-or-later
// crm-sandbox --crm retailcrm: the ready line, a clean stop on SIGTERM/SIGINT, bad flags.

#include "sandbox/tests/RetailTestClient.h"

#include <QProcess>
#include <QTest>
#include <csignal>

using namespace Sandbox::Testing;

class TestRetailSandboxCli : public QObject
{
    Q_OBJECT

private slots:
    void readyLineAndSigterm();
    void sigintStopsToo();
    void rejectsBadFlags();

private:
    QJsonObject start(QProcess &process, const QStringList &arguments);
};

QJsonObject TestRetailSandboxCli::start(QProcess &process, const QStringList &arguments)
{
    process.setProgram(QStringLiteral(CRM_SANDBOX_EXE));
    process.setArguments(QStringList { "--crm", "retailcrm", "--port", "0" } + arguments);
    process.start();
    if (!process.waitForStarted(5000))
        return {};
    while (!process.canReadLine()) {
        if (!process.waitForReadyRead(10000))
            return {};
    }
    return QJsonDocument::fromJson(process.readLine()).object();
}

void TestRetailSandboxCli::readyLineAndSigterm()
{
    QProcess process;
    const QJsonObject ready = start(process, { "--seed", "demo", "--api-key", "cli-key", "--rate", "10" });
    QVERIFY2(!ready.isEmpty(), process.readAllStandardError().constData());
    QCOMPARE(ready.value("crm").toString(), QStringLiteral("retailcrm"));
    QCOMPARE(ready.value("site").toString(), QStringLiteral("demo-shop"));
    QCOMPARE(ready.value("api_key").toString(), QStringLiteral("cli-key"));
    const QUrl base(ready.value("base_url").toString());
    QCOMPARE(base.host(), QStringLiteral("127.0.0.1"));
    QVERIFY(base.port() > 0);
    QCOMPARE(ready.value("api_url").toString(), base.toString() + QStringLiteral("/api/v5"));

    RetailTestClient client(base, QStringLiteral("cli-key"));
    const TestReply statuses = client.get("/api/v5/reference/delivery-types");
    QCOMPARE(statuses.status, 200);
    QCOMPARE(statuses.object()
                 .value("deliveryTypes")
                 .toObject()
                 .value("self-delivery")
                 .toObject()
                 .value("name")
                 .toString(),
             QStringLiteral("Самовывоз"));
    QCOMPARE(client.postForm("/api/v5/orders/create", { { "order", R"({"externalId":"cli-1"})" } }).status,
             201);

    ::kill(pid_t(process.processId()), SIGTERM);
    QVERIFY(process.waitForFinished(5000));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 0);
}

void TestRetailSandboxCli::sigintStopsToo()
{
    QProcess process;
    const QJsonObject ready = start(process, { "--site", "my-shop" });
    QCOMPARE(ready.value("site").toString(), QStringLiteral("my-shop"));
    ::kill(pid_t(process.processId()), SIGINT);
    QVERIFY(process.waitForFinished(5000));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 0);
}

void TestRetailSandboxCli::rejectsBadFlags()
{
    for (const QStringList &args :
         { QStringList { "--seed", "nope" }, QStringList { "--faults", "meteor" },
           QStringList { "--snapshot", "/tmp/x.json" }, QStringList { "--rate", "-1" } }) {
        QProcess process;
        process.start(QStringLiteral(CRM_SANDBOX_EXE),
                      QStringList { "--crm", "retailcrm", "--port", "0" } + args);
        QVERIFY(process.waitForFinished(5000));
        QCOMPARE(process.exitCode(), 2);
        QVERIFY(process.readAllStandardOutput().isEmpty());
    }
}

QTEST_GUILESS_MAIN(TestRetailSandboxCli)
#include "tst_RetailSandboxCli.moc"
