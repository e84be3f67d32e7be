// SPDX-License-Identifier: GPL-3.0-or-later
// The crm-sandbox executable: the ready line, a clean stop on SIGTERM/SIGINT, snapshots, bad flags.

#include "sandbox/tests/SandboxTestClient.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>

using namespace Sandbox::Testing;

class TestAmoSandboxCli : public QObject
{
    Q_OBJECT

private slots:
    void readyLineAndSigterm();
    void snapshotSurvivesRestart();
    void sigintStopsToo();
    void rejectsUnknownCrmAndSeed();

private:
    /** Starts crm-sandbox and returns its parsed ready line (empty on failure). */
    QJsonObject start(QProcess &process, const QStringList &arguments);
};

QJsonObject TestAmoSandboxCli::start(QProcess &process, const QStringList &arguments)
{
    process.setProgram(QStringLiteral(CRM_SANDBOX_EXE));
    process.setArguments(arguments);
    process.start();
    if (!process.waitForStarted(5000))
        return {};
    while (!process.canReadLine()) {
        if (!process.waitForReadyRead(10000))
            return {};
    }
    return QJsonDocument::fromJson(process.readLine()).object();
}

void TestAmoSandboxCli::readyLineAndSigterm()
{
    QProcess process;
    const QJsonObject ready = start(
        process,
        { "--port", "0", "--seed", "demo", "--redirect-uri", "http://127.0.0.1:9/callback", "--rate", "7" });
    QVERIFY2(!ready.isEmpty(), process.readAllStandardError().constData());
    for (const char *key : { "base_url", "subdomain", "client_id", "client_secret", "redirect_uri" })
        QVERIFY2(!ready.value(QLatin1String(key)).toString().isEmpty(), key);
    QCOMPARE(ready.value("redirect_uri").toString(), QStringLiteral("http://127.0.0.1:9/callback"));
    const QUrl base(ready.value("base_url").toString());
    QCOMPARE(base.host(), QStringLiteral("127.0.0.1"));
    QVERIFY(base.port() > 0);

    SandboxTestClient client(base);
    QVERIFY(!client.authorize(ready).value("access_token").toString().isEmpty());
    const TestReply pipelines = client.get("/api/v4/leads/pipelines");
    QCOMPARE(pipelines.status, 200);
    QCOMPARE(pipelines.object()
                 .value("_embedded")
                 .toObject()
                 .value("pipelines")
                 .toArray()[0]
                 .toObject()
                 .value("name")
                 .toString(),
             QStringLiteral("Заказы с сайта"));

    ::kill(pid_t(process.processId()), SIGTERM);
    QVERIFY(process.waitForFinished(5000));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 0);
}

void TestAmoSandboxCli::snapshotSurvivesRestart()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("amo.json"));
    qint64 leadId = 0;
    QString refreshToken;
    {
        QProcess process;
        const QJsonObject ready = start(process, { "--port", "0", "--seed", "demo", "--snapshot", file });
        QVERIFY(!ready.isEmpty());
        SandboxTestClient client(QUrl(ready.value("base_url").toString()));
        refreshToken = client.authorize(ready).value("refresh_token").toString();
        leadId = client.control("manager/lead", { { "name", QStringLiteral("Сохранённая сделка") } })
                     .value("id")
                     .toInteger();
        QVERIFY(leadId > 0);
        process.terminate();
        QVERIFY(process.waitForFinished(5000));
        QCOMPARE(process.exitCode(), 0);
    }
    QVERIFY(QFile::exists(file));
    QProcess process;
    const QJsonObject ready = start(process, { "--port", "0", "--snapshot", file });
    QVERIFY(!ready.isEmpty());
    SandboxTestClient client(QUrl(ready.value("base_url").toString()));
    // Tokens survive too: the stored refresh token still works.
    const TestReply refreshed = client.send(
        "POST", "/oauth2/access_token",
        SandboxTestClient::toBytes(QJsonObject { { "client_id", ready.value("client_id") },
                                                 { "client_secret", ready.value("client_secret") },
                                                 { "redirect_uri", ready.value("redirect_uri") },
                                                 { "grant_type", "refresh_token" },
                                                 { "refresh_token", refreshToken } }),
        "application/json", QString());
    QCOMPARE(refreshed.status, 200);
    client.token = refreshed.object().value("access_token").toString();
    QCOMPARE(client.get(QStringLiteral("/api/v4/leads/%1").arg(leadId)).object().value("name").toString(),
             QStringLiteral("Сохранённая сделка"));
    process.terminate();
    QVERIFY(process.waitForFinished(5000));
}

void TestAmoSandboxCli::sigintStopsToo()
{
    QProcess process;
    QVERIFY(!start(process, { "--port", "0" }).isEmpty());
    ::kill(pid_t(process.processId()), SIGINT);
    QVERIFY(process.waitForFinished(5000));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 0);
}

void TestAmoSandboxCli::rejectsUnknownCrmAndSeed()
{
    for (const QStringList &args : { QStringList { "--crm", "bitrix" }, QStringList { "--seed", "nope" },
                                     QStringList { "--faults", "meteor" } }) {
        QProcess process;
        process.start(QStringLiteral(CRM_SANDBOX_EXE), args + QStringList { "--port", "0" });
        QVERIFY(process.waitForFinished(5000));
        QCOMPARE(process.exitCode(), 2);
        QVERIFY(process.readAllStandardOutput().isEmpty());
    }
}

QTEST_GUILESS_MAIN(TestAmoSandboxCli)
#include "tst_AmoSandboxCli.moc"
