// SPDX-License-Identifier: GPL-3.0-or-later
// crm-sandbox --crm moysklad: the ready line, a gzip answer with the token it printed, a clean stop, bad
// flags.

#include "sandbox/tests/MoySkladTestClient.h"

#include <QProcess>
#include <QTest>
#include <csignal>

using namespace Sandbox::Testing;

class TestMoySkladSandboxCli : public QObject
{
    Q_OBJECT

private slots:
    void readyLineAndSigterm();
    void rejectsBadFlags();
};

void TestMoySkladSandboxCli::readyLineAndSigterm()
{
    QProcess process;
    process.start(
        QStringLiteral(CRM_SANDBOX_EXE),
        { "--crm", "moysklad", "--port", "0", "--seed", "demo", "--login", "cli@shop", "--weight", "4" });
    QVERIFY(process.waitForStarted(5000));
    while (!process.canReadLine())
        QVERIFY2(process.waitForReadyRead(10000), process.readAllStandardError().constData());
    const QJsonObject ready = QJsonDocument::fromJson(process.readLine()).object();
    QCOMPARE(ready.value("crm").toString(), QStringLiteral("moysklad"));
    QCOMPARE(ready.value("login").toString(), QStringLiteral("cli@shop"));
    const QUrl base(ready.value("base_url").toString());
    QCOMPARE(base.host(), QStringLiteral("127.0.0.1"));
    QCOMPARE(ready.value("api_url").toString(), base.toString() + QStringLiteral("/api/remap/1.2"));

    MoySkladTestClient client(base, ready.value("token").toString());
    const MsReply retail = client.get("/entity/retaildemand");
    QCOMPARE(retail.status, 200);
    QCOMPARE(retail.object().value("meta").toObject().value("size").toInt(), 6);
    QCOMPARE(retail.header("X-RateLimit-Limit"), QByteArray("11")); // --weight 4

    ::kill(pid_t(process.processId()), SIGTERM);
    QVERIFY(process.waitForFinished(5000));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 0);
}

void TestMoySkladSandboxCli::rejectsBadFlags()
{
    for (const QStringList &args :
         { QStringList { "--seed", "nope" }, QStringList { "--weight", "0" },
           QStringList { "--snapshot", "/tmp/x.json" }, QStringList { "--budget", "-1" } }) {
        QProcess process;
        process.start(QStringLiteral(CRM_SANDBOX_EXE),
                      QStringList { "--crm", "moysklad", "--port", "0" } + args);
        QVERIFY(process.waitForFinished(5000));
        QCOMPARE(process.exitCode(), 2);
        QVERIFY(process.readAllStandardOutput().isEmpty());
    }
}

QTEST_GUILESS_MAIN(TestMoySkladSandboxCli)
#include "tst_MoySkladSandboxCli.moc"
