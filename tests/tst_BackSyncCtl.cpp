// SPDX-License-Identifier: GPL-3.0-or-later
// `crmbridgectl backsync` as an operator uses it against the amoCRM sandbox: the webhook is registered
// and removed, polling is switched on, bad options are refused, and the URL secret stays out of the store.
#include "CtlProcess.h"
#include "TestEnv.h"
#include "amocrm/AmoCrmSandbox.h"
#include "fixtures/amocrm/AmoTestKit.h"
#include "sandbox/tests/SandboxTestClient.h"
#include "secrets/SecretKey.h"

#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using Sandbox::AmoCrm::AmoCrmSandbox;
using Sandbox::AmoCrm::AmoSandboxOptions;
using Sandbox::Testing::SandboxTestClient;
using TestSupport::CtlRun;

class TestBackSyncCtl : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_database;
    QString m_keyFile;
    std::unique_ptr<AmoCrmSandbox> m_sandbox;
    std::unique_ptr<SandboxTestClient> m_control;

    CtlRun ctl(const QStringList &args, const QByteArray &stdinData = {})
    {
        return TestSupport::runCtl(QStringLiteral(CRMBRIDGECTL_PATH),
                                   QStringList { QStringLiteral("--database"), m_database,
                                                 QStringLiteral("--secret-key-file"), m_keyFile }
                                       + args,
                                   stdinData);
    }
    QJsonArray webhooks()
    {
        return m_control->get(QStringLiteral("/__sandbox/state")).object().value("webhooks").toArray();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_database = QStringLiteral("sqlite://") + m_dir.filePath(QStringLiteral("ctl.db"));
        m_keyFile = m_dir.filePath(QStringLiteral("secret.key"));
        QVERIFY_OK(Secrets::SecretKey::generateFile(m_keyFile));
        AmoSandboxOptions options;
        options.seed = QStringLiteral("demo");
        m_sandbox = std::make_unique<AmoCrmSandbox>(options);
        QString error;
        QVERIFY2(m_sandbox->start(&error), qPrintable(error));
        m_control = std::make_unique<SandboxTestClient>(m_sandbox->baseUrl());
        const auto call = [this](const QStringList &args, const QByteArray &in) { return ctl(args, in); };
        const CtlRun added = AmoTestKit::ctlAddConnection(call, QStringLiteral("shop"), *m_sandbox);
        QVERIFY2(added.exitCode == 0, qPrintable(added.err));
        const CtlRun login = AmoTestKit::ctlLoginByCode(call, QStringLiteral("shop"), *m_control);
        QVERIFY2(login.exitCode == 0, qPrintable(login.err + login.out));
    }

    void badOptionsAreRefused()
    {
        QCOMPARE(
            ctl({ QStringLiteral("backsync"), QStringLiteral("enable"), QStringLiteral("shop") }).exitCode,
            2);
        QCOMPARE(
            ctl({ QStringLiteral("backsync"), QStringLiteral("enable"), QStringLiteral("shop"),
                  QStringLiteral("--poll"), QStringLiteral("--url"), QStringLiteral("https://x.example") })
                .exitCode,
            2);
        const CtlRun unknown
            = ctl({ QStringLiteral("backsync"), QStringLiteral("disable"), QStringLiteral("nope") });
        QCOMPARE(unknown.exitCode, 1);
        QVERIFY2(unknown.err.contains(QStringLiteral("no connection named")), qPrintable(unknown.err));
        const CtlRun badUrl
            = ctl({ QStringLiteral("backsync"), QStringLiteral("enable"), QStringLiteral("shop"),
                    QStringLiteral("--url"), QStringLiteral("ftp://bridge.example") });
        QCOMPARE(badUrl.exitCode, 1);
        QCOMPARE(webhooks().size(), 0);
    }

    void webhookIsRegisteredAndRemoved()
    {
        const CtlRun enabled
            = ctl({ QStringLiteral("backsync"), QStringLiteral("enable"), QStringLiteral("shop"),
                    QStringLiteral("--url"), QStringLiteral("https://bridge.example.ru/") });
        QVERIFY2(enabled.exitCode == 0, qPrintable(enabled.err));
        QVERIFY2(enabled.out.contains(QStringLiteral("webhook to https://bridge.example.ru")),
                 qPrintable(enabled.out));
        QCOMPARE(webhooks().size(), 1);
        const QString destination = webhooks().first().toObject().value("destination").toString();
        QVERIFY2(destination.startsWith(QStringLiteral("https://bridge.example.ru/hooks/amocrm/")),
                 qPrintable(destination));
        const QString secret = destination.section(QLatin1Char('/'), -1);
        QVERIFY(secret.size() >= 32);
        // The secret is in the encrypted secret store only: neither the output nor the store file shows it.
        QVERIFY(!enabled.out.contains(secret) && !enabled.err.contains(secret));
        QFile store(m_dir.filePath(QStringLiteral("ctl.db")));
        QVERIFY(store.open(QIODevice::ReadOnly));
        QVERIFY(!store.readAll().contains(secret.toUtf8()));

        const CtlRun status
            = ctl({ QStringLiteral("backsync"), QStringLiteral("status"), QStringLiteral("--json") });
        QCOMPARE(status.exitCode, 0);
        QVERIFY2(status.out.contains(QStringLiteral("\"mode\":\"webhook\"")), qPrintable(status.out));

        const CtlRun disabled
            = ctl({ QStringLiteral("backsync"), QStringLiteral("disable"), QStringLiteral("shop") });
        QVERIFY2(disabled.exitCode == 0, qPrintable(disabled.err));
        QVERIFY2(disabled.out.contains(QStringLiteral("shop: off")), qPrintable(disabled.out));
        QCOMPARE(webhooks().size(), 0);
    }

    void pollingIsSwitchedOn()
    {
        const CtlRun enabled
            = ctl({ QStringLiteral("backsync"), QStringLiteral("enable"), QStringLiteral("shop"),
                    QStringLiteral("--poll"), QStringLiteral("--interval"), QStringLiteral("45"),
                    QStringLiteral("--loss-reason"), QStringLiteral("4711") });
        QVERIFY2(enabled.exitCode == 0, qPrintable(enabled.err));
        QVERIFY2(enabled.out.contains(QStringLiteral("shop: polling every 45 s")), qPrintable(enabled.out));
        QCOMPARE(webhooks().size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestBackSyncCtl)
#include "tst_BackSyncCtl.moc"
