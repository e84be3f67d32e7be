// SPDX-License-Identifier: GPL-3.0-or-later
// `crmbridgectl keygen FILE` as a server operator runs it: a real process writes the key, which then
// keeps a connection's secret encrypted in the store, given as --secret-key-file or as the systemd
// credential crmbridge-key (what the packaged unit does).
#include "AwaitCallback.h"
#include "CtlProcess.h"
#include "TestEnv.h"
#include "crm/amocrm/AmoTokens.h"
#include "secrets/SecretKey.h"
#include "secrets/SodiumSecretStore.h"
#include "storage/Database.h"
#include "store/ConnectionRepo.h"

#include <QFile>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTest>
#include <sys/stat.h>

using TestSupport::CtlRun;
using TestSupport::runCtl;

namespace {

const QString kCtl = QStringLiteral(CRMBRIDGECTL_PATH);

QByteArray contentOf(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

mode_t modeOf(const QString &path)
{
    struct stat info = {};
    return ::stat(QFile::encodeName(path).constData(), &info) == 0 ? (info.st_mode & 07777) : 0;
}

/** Runs crmbridgectl with extra environment (e.g. CREDENTIALS_DIRECTORY, as systemd sets it). */
CtlRun runCtlWithEnv(const QStringList &args, const QByteArray &stdinData,
                     const QList<QPair<QString, QString>> &env)
{
    QProcess process;
    TestSupport::prepareCtl(process, kCtl, args);
    QProcessEnvironment environment = process.processEnvironment();
    for (const auto &[name, value] : env)
        environment.insert(name, value);
    process.setProcessEnvironment(environment);
    process.start();
    CtlRun run;
    if (!process.waitForStarted(10000))
        return run;
    process.write(stdinData);
    process.closeWriteChannel();
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished(5000);
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

QStringList amoConnectionAdd(const QString &name)
{
    return { QStringLiteral("connection"),     QStringLiteral("add"),
             QStringLiteral("amocrm"),         name,
             QStringLiteral("--base-url"),     QStringLiteral("http://127.0.0.1:9/"),
             QStringLiteral("--client-id"),    QStringLiteral("client-of-") + name,
             QStringLiteral("--redirect-uri"), QStringLiteral("http://127.0.0.1:8787/callback") };
}

} // namespace

class TestKeygenCtl : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;

    /** The client secret of connection @p name as the key file @p keyFile opens it from @p storeUrl. */
    Common::Result<QByteArray> storedSecret(const QString &storeUrl, const QString &name,
                                            const QString &keyFile)
    {
        auto db = Storage::Database::open(storeUrl);
        if (!db)
            return db.error();
        auto connection = Store::ConnectionRepo(db.value()).byName(name);
        if (!connection)
            return connection.error();
        auto store = Secrets::SodiumSecretStore::open(db.value(), keyFile);
        if (!store)
            return store.error();
        return TestSupport::readSecret(*store.value(), Secrets::SecretStore::connectionScope(connection->id),
                                       Crm::AmoCrm::AmoSecretNames::clientSecret());
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void writesAKeyOnlyItsOwnerReadsAndNeverOverwritesIt()
    {
        const QString keyFile = m_dir.filePath(QStringLiteral("etc/crmbridge/secret.key"));
        const CtlRun made = runCtl(kCtl, { QStringLiteral("keygen"), keyFile });
        QVERIFY2(made.exitCode == 0, qPrintable(made.err));
        QVERIFY2(made.out.contains(keyFile), qPrintable(made.out));
        QVERIFY2(made.out.contains(QStringLiteral("LoadCredential=crmbridge-key:") + keyFile),
                 qPrintable(made.out));
        QCOMPARE(modeOf(keyFile), mode_t(0600));
        const QByteArray key = contentOf(keyFile);
        QVERIFY(!key.isEmpty());
        QVERIFY(!made.out.toUtf8().contains(key.trimmed())); // the key itself is never printed
        QVERIFY_OK(Secrets::SecretKey::load(keyFile));

        const CtlRun again = runCtl(kCtl, { QStringLiteral("keygen"), keyFile });
        QCOMPARE(again.exitCode, 1);
        QVERIFY2(again.err.contains(QStringLiteral("already exists")), qPrintable(again.err));
        QCOMPARE(contentOf(keyFile), key);

        const QString other = m_dir.filePath(QStringLiteral("other.key"));
        QCOMPARE(runCtl(kCtl, { QStringLiteral("keygen"), other }).exitCode, 0);
        QVERIFY(contentOf(other) != key); // a new random key each time

        QCOMPARE(runCtl(kCtl, { QStringLiteral("keygen") }).exitCode, 2);
    }

    void theKeyKeepsASecretEncryptedAsKeyFileAndAsSystemdCredential()
    {
        const QString keyFile = m_dir.filePath(QStringLiteral("operator.key"));
        QCOMPARE(runCtl(kCtl, { QStringLiteral("keygen"), keyFile }).exitCode, 0);
        const QString storePath = m_dir.filePath(QStringLiteral("store.db"));
        const QString storeUrl = QStringLiteral("sqlite://") + storePath;
        const QByteArray secret = "client-secret-given-on-stdin-1f0e";

        const CtlRun added = runCtl(kCtl,
                                    QStringList { QStringLiteral("--database"), storeUrl,
                                                  QStringLiteral("--secret-key-file"), keyFile }
                                        + amoConnectionAdd(QStringLiteral("shop")),
                                    secret + '\n');
        QVERIFY2(added.exitCode == 0, qPrintable(added.err));
        auto read = storedSecret(storeUrl, QStringLiteral("shop"), keyFile);
        QVERIFY_OK(read);
        QCOMPARE(read.value(), secret);

        // The service's way: systemd puts the credential crmbridge-key into $CREDENTIALS_DIRECTORY.
        QTemporaryDir credentials;
        const QString credential = credentials.filePath(Secrets::SecretKey::credentialName());
        QCOMPARE(runCtl(kCtl, { QStringLiteral("keygen"), credential }).exitCode, 0);
        const QList<QPair<QString, QString>> serviceEnv { { QStringLiteral("CREDENTIALS_DIRECTORY"),
                                                            credentials.path() } };
        const QByteArray secondSecret = "second-secret-via-credential-77aa";
        // A key that is not the one the store's secrets were kept under is refused; nothing is added.
        const CtlRun wrongKey = runCtlWithEnv(QStringList { QStringLiteral("--database"), storeUrl }
                                                  + amoConnectionAdd(QStringLiteral("office")),
                                              secondSecret + '\n', serviceEnv);
        QCOMPARE(wrongKey.exitCode, 1);
        QVERIFY2(wrongKey.err.contains(QStringLiteral("does not match")), qPrintable(wrongKey.err));
        {
            auto db = Storage::Database::open(storeUrl);
            QVERIFY_OK(db);
            QVERIFY(!Store::ConnectionRepo(db.value()).byName(QStringLiteral("office")).ok());
        }

        // On the service's own store, the credential's key keeps the secret.
        const QString servicePath = m_dir.filePath(QStringLiteral("service.db"));
        const QString serviceUrl = QStringLiteral("sqlite://") + servicePath;
        const CtlRun viaCredential = runCtlWithEnv(QStringList { QStringLiteral("--database"), serviceUrl }
                                                       + amoConnectionAdd(QStringLiteral("office")),
                                                   secondSecret + '\n', serviceEnv);
        QVERIFY2(viaCredential.exitCode == 0, qPrintable(viaCredential.err));
        auto viaCredentialRead = storedSecret(serviceUrl, QStringLiteral("office"), credential);
        QVERIFY_OK(viaCredentialRead);
        QCOMPARE(viaCredentialRead.value(), secondSecret);
        // Each secret opens only under its own key, and neither is in a store in plain text.
        QVERIFY(!storedSecret(serviceUrl, QStringLiteral("office"), keyFile).ok());
        for (const QString &path : { storePath, servicePath }) {
            const QByteArray content = contentOf(path);
            QVERIFY(!content.isEmpty());
            QVERIFY(!content.contains(secret) && !content.contains(secondSecret));
        }
    }
};

QTEST_GUILESS_MAIN(TestKeygenCtl)
#include "tst_KeygenCtl.moc"
