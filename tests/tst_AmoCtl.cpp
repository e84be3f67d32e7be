// SPDX-License-Identifier: GPL-3.0-or-later
// crmbridgectl connection add / list / login --code / connection test against the amoCRM sandbox,
// with secrets encrypted in the store under a key file; no secret may reach the database file or output.

#include "TestEnv.h"
#include "amocrm/AmoCrmSandbox.h"
#include "sandbox/tests/SandboxTestClient.h"
#include "secrets/SecretKey.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using Sandbox::AmoCrm::AmoCrmSandbox;
using Sandbox::AmoCrm::AmoSandboxOptions;
using Sandbox::Testing::SandboxTestClient;

class TestAmoCtl : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void addListLoginTest();
    void errorsAreClear();

private:
    struct Run
    {
        int exitCode = -1;
        QString out;
        QString err;
    };
    Run ctl(const QStringList &args, const QByteArray &stdinData = {});

    QTemporaryDir m_dir;
    QString m_database;
    QString m_keyFile;
    std::unique_ptr<AmoCrmSandbox> m_sandbox;
    std::unique_ptr<SandboxTestClient> m_control;
    QString m_allOutput;
};

void TestAmoCtl::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_database = QStringLiteral("sqlite://") + m_dir.filePath(QStringLiteral("ctl.db"));
    m_keyFile = m_dir.filePath(QStringLiteral("secret.key"));
    QVERIFY(Secrets::SecretKey::generateFile(m_keyFile).ok());
    AmoSandboxOptions options;
    options.seed = QStringLiteral("demo");
    m_sandbox = std::make_unique<AmoCrmSandbox>(options);
    QString error;
    QVERIFY2(m_sandbox->start(&error), qPrintable(error));
    m_control = std::make_unique<SandboxTestClient>(m_sandbox->baseUrl());
}

TestAmoCtl::Run TestAmoCtl::ctl(const QStringList &args, const QByteArray &stdinData)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(CRMBRIDGECTL_PATH),
                  QStringList { QStringLiteral("--database"), m_database, QStringLiteral("--secret-key-file"),
                                m_keyFile }
                      + args);
    Run run;
    if (!process.waitForStarted(10000))
        return run;
    process.write(stdinData);
    process.closeWriteChannel();
    if (!process.waitForFinished(60000)) {
        process.kill();
        return run;
    }
    run.exitCode = process.exitCode();
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    m_allOutput += run.out + run.err;
    return run;
}

void TestAmoCtl::addListLoginTest()
{
    Run added = ctl({ "connection", "add", "amocrm", "shop", "--base-url", m_sandbox->baseUrl().toString(),
                      "--client-id", m_sandbox->clientId(), "--redirect-uri", m_sandbox->redirectUri() },
                    m_sandbox->clientSecret().toUtf8() + "\n");
    QVERIFY2(added.exitCode == 0, qPrintable(added.err));
    QVERIFY(added.out.contains(QStringLiteral("shop")));

    Run listed = ctl({ "connection", "list" });
    QCOMPARE(listed.exitCode, 0);
    QVERIFY(listed.out.contains(QStringLiteral("shop")) && listed.out.contains(QStringLiteral("amocrm")));
    QVERIFY(listed.out.contains(QStringLiteral("new")));

    Run before = ctl({ "connection", "test", "shop" });
    QVERIFY(before.exitCode != 0);
    QVERIFY2(before.err.contains(QStringLiteral("sign in"), Qt::CaseInsensitive), qPrintable(before.err));

    const QString code = m_control->control(QStringLiteral("auth-code")).value("code").toString();
    Run login = ctl({ "login", "shop", "--code", code });
    QVERIFY2(login.exitCode == 0, qPrintable(login.err + login.out));
    QVERIFY(login.out.contains(QStringLiteral("Signed in")));

    Run tested = ctl({ "connection", "test", "shop" });
    QVERIFY2(tested.exitCode == 0, qPrintable(tested.err));
    QVERIFY2(tested.out.contains(QStringLiteral("Интернет-магазин «Ромашка»")), qPrintable(tested.out));
    QVERIFY(tested.out.contains(QStringLiteral("Анна Смирнова")));

    Run again = ctl({ "connection", "list", "--json" });
    QVERIFY(again.out.contains(QStringLiteral("\"state\":\"signed-in\"")));

    // The secret and the code never reach the store file or the output in plain text.
    QFile db(m_dir.filePath(QStringLiteral("ctl.db")));
    QVERIFY(db.open(QIODevice::ReadOnly));
    QByteArray bytes = db.readAll();
    QFile wal(m_dir.filePath(QStringLiteral("ctl.db-wal")));
    if (wal.open(QIODevice::ReadOnly))
        bytes += wal.readAll();
    QVERIFY(!bytes.isEmpty());
    for (const QString &secret : { m_sandbox->clientSecret(), code }) {
        QVERIFY2(!bytes.contains(secret.toUtf8()), "a secret is in the database file");
        QVERIFY2(!m_allOutput.contains(secret), "a secret is in the output");
    }
    QVERIFY(!bytes.contains("def50200")); // no refresh token in plain text either
}

void TestAmoCtl::errorsAreClear()
{
    const QString code = m_control->control(QStringLiteral("auth-code")).value("code").toString();
    m_control->control(QStringLiteral("clock"), { { "advance", 21 * 60 } });
    Run expired = ctl({ "login", "shop", "--code", code });
    QVERIFY(expired.exitCode != 0);
    QVERIFY2(expired.err.contains(QStringLiteral("20 minutes")), qPrintable(expired.err));
    Run unknown = ctl({ "connection", "test", "nope" });
    QVERIFY(unknown.exitCode != 0);
    QVERIFY(unknown.err.contains(QStringLiteral("No connection named")));
    Run noSecret = ctl({ "connection", "add", "amocrm", "other", "--base-url", "https://x.amocrm.ru",
                         "--client-id", "id", "--redirect-uri", "http://127.0.0.1:1/cb" });
    QCOMPARE(noSecret.exitCode, 2);
}

QTEST_GUILESS_MAIN(TestAmoCtl)
#include "tst_AmoCtl.moc"
