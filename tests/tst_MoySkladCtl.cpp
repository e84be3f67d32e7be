// SPDX-License-Identifier: GPL-3.0-or-later
// crmbridgectl source add moysklad against the MoySklad sandbox: a refused token saves nothing, a good
// one is checked, kept in the secret store (never in the store's tables) and opens the source for
// `source test`.
#include "TestEnv.h"
#include "moysklad/MoySkladSandbox.h"
#include "secrets/SecretKey.h"
#include "storage/Database.h"
#include "storage/Sql.h"

#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct Run
{
    int code = -1;
    QString out;
    QString err;
};

Run ctl(const QStringList &args, const QByteArray &stdinBytes = {})
{
    QProcess process;
    process.start(QStringLiteral(CRMBRIDGECTL_PATH), args);
    Run run;
    if (!process.waitForStarted(10000))
        return run;
    process.write(stdinBytes);
    process.closeWriteChannel();
    if (!process.waitForFinished(60000))
        return run;
    run.code = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

} // namespace

class TestMoySkladCtl : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_store;
    QString m_keyFile;
    std::unique_ptr<Sandbox::MoySklad::MoySkladSandbox> m_sandbox;

    QStringList add(const QString &name) const
    {
        return { "--database",
                 m_store,
                 "source",
                 "add",
                 "moysklad",
                 name,
                 "--token-stdin",
                 "--url",
                 m_sandbox->apiUrl().toString(),
                 "--secret-key-file",
                 m_keyFile };
    }

private Q_SLOTS:
    void initTestCase()
    {
        Sandbox::MoySklad::MoySkladSandboxOptions options;
        options.seed = QStringLiteral("demo");
        m_sandbox = std::make_unique<Sandbox::MoySklad::MoySkladSandbox>(options);
        QString error;
        QVERIFY2(m_sandbox->start(&error), qPrintable(error));
        m_store = QStringLiteral("sqlite://") + m_dir.filePath(QStringLiteral("store.db"));
        m_keyFile = m_dir.filePath(QStringLiteral("secret.key"));
        QVERIFY_OK(Secrets::SecretKey::generateFile(m_keyFile));
    }

    void tokenIsCheckedAndKeptSecret()
    {
        const Run refused = ctl(add("sklad"), "0000000000000000000000000000000000000000\n");
        QCOMPARE(refused.code, 1);
        QVERIFY2(refused.err.contains(QStringLiteral("1056")), qPrintable(refused.err));
        const Run usage = ctl({ "--database", m_store, "source", "add", "moysklad", "sklad" });
        QCOMPARE(usage.code, 2);

        const QByteArray token = m_sandbox->token().toLatin1();
        const Run added = ctl(add("sklad"), token + '\n');
        QVERIFY2(added.code == 0, qPrintable(added.out + added.err));
        QVERIFY2(added.out.contains(QStringLiteral("6 retail sales, 4 private buyers")),
                 qPrintable(added.out));
        const Run again = ctl(add("sklad"), token + '\n');
        QCOMPARE(again.code, 1);

        const Run test
            = ctl({ "--database", m_store, "source", "test", "sklad", "--secret-key-file", m_keyFile });
        QVERIFY2(test.code == 0, qPrintable(test.out + test.err));
        QVERIFY2(test.out.contains(QStringLiteral("Orders: 6")), qPrintable(test.out));

        QFile file(m_dir.filePath(QStringLiteral("store.db")));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(!file.readAll().contains(token));
        auto db = Storage::Database::open(m_store);
        QVERIFY_OK(db);
        QCOMPARE(Storage::Sql::scalar(
                     *db.value(), QStringLiteral("SELECT COUNT(*) FROM secrets WHERE scope = 'source:sklad'"))
                     ->toInt(),
                 1);
        // A login instead of a token: the password is checked and kept as the secret.
        const Run byLogin = ctl({ "--database", m_store, "source", "add", "moysklad", "sklad2", "--login",
                                  m_sandbox->login(), "--url", m_sandbox->apiUrl().toString(),
                                  "--secret-key-file", m_keyFile },
                                m_sandbox->password().toUtf8() + '\n');
        QVERIFY2(byLogin.code == 0, qPrintable(byLogin.out + byLogin.err));
        QVERIFY(byLogin.out.contains(QStringLiteral("its password is in the secret store")));
        QCOMPARE(Storage::Sql::scalar(*db.value(),
                                      QStringLiteral("SELECT COUNT(*) FROM sources WHERE kind = 'moysklad'"))
                     ->toInt(),
                 2);
    }

    void webhooksAreSwitchedOnAndOff()
    {
        // tokenIsCheckedAndKeptSecret added "sklad" to this store.
        const auto webhooks = [this](const QStringList &more) {
            return ctl(QStringList { "--database", m_store, "source", "webhooks", "sklad",
                                     "--secret-key-file", m_keyFile }
                       + more);
        };
        const auto inSklad = [this] {
            QNetworkAccessManager network;
            QNetworkRequest request(QUrl(m_sandbox->apiUrl().toString() + "/entity/webhook"));
            request.setRawHeader("Authorization", "Bearer " + m_sandbox->token().toLatin1());
            request.setTransferTimeout(10000);
            QNetworkReply *reply = network.get(request);
            QEventLoop loop;
            connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
            loop.exec();
            reply->deleteLater();
            return int(QJsonDocument::fromJson(reply->readAll()).object().value("rows").toArray().size());
        };
        const Run none = webhooks({});
        QVERIFY2(none.code == 0 && none.out.contains("no webhooks"), qPrintable(none.out + none.err));
        const Run bad = webhooks({ "--url", "ftp://bridge" });
        QCOMPARE(bad.code, 1);
        QVERIFY2(bad.err.contains("public address"), qPrintable(bad.err));
        QCOMPARE(inSklad(), 0);

        const Run on = webhooks({ "--url", "https://bridge.example.ru/" });
        QVERIFY2(on.code == 0, qPrintable(on.out + on.err));
        QVERIFY2(on.out.contains("8 webhooks to https://bridge.example.ru/shops/sklad/"), qPrintable(on.out));
        QCOMPARE(inSklad(), 8);
        const Run shown = webhooks({});
        QVERIFY2(shown.out.contains("8 webhooks"), qPrintable(shown.out));
        const Run off = webhooks({ "--off" });
        QVERIFY2(off.code == 0 && off.out.contains("no webhooks"), qPrintable(off.out + off.err));
        QCOMPARE(inSklad(), 0);
    }
};

QTEST_GUILESS_MAIN(TestMoySkladCtl)
#include "tst_MoySkladCtl.moc"
