// SPDX-License-Identifier: GPL-3.0-or-later
// The keychain backend with no secret service at all: the session bus address points at nothing.
// Every call must end, quickly and with Unavailable, and no secret may land anywhere in plain text.
#include "AwaitCallback.h"
#include "TestDatabase.h"
#include "secrets/KeychainSecretStore.h"
#include "secrets/SecretStoreFactory.h"
#include "secrets/SodiumSecretStore.h"

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using Common::ErrorKind;
using Common::Result;
using Secrets::KeychainSecretStore;
using Secrets::SecretStore;

using TestSupport::await;
using TestSupport::readSecret;
using TestSupport::removeSecret;
using TestSupport::writeSecret;

namespace {

KeychainSecretStore::Options quickOptions()
{
    KeychainSecretStore::Options options;
    options.timeoutMs = 5000;
    options.retries = 2;
    options.retryDelayMs = 100;
    return options;
}

} // namespace

class TestKeychainUnavailable : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void everyCallReportsUnavailable();
    void nothingWrittenInPlainText();
    void headlessWithoutKeyIsAClearError();
    void headlessWithKeyFileUsesTheDatabase();

private:
    QTemporaryDir m_home;
    const QByteArray m_secret = "NO-PLAINTEXT-7c6a180b36896a0a8c02787eeafb0e4c";
};

void TestKeychainUnavailable::initTestCase()
{
    QVERIFY(m_home.isValid());
    // Before the first keychain call: QtKeychain picks its backend once, libsecret reads the
    // bus address once. A unix socket that does not exist is a session with no bus at all.
    const QByteArray home = QFile::encodeName(m_home.path());
    qputenv("HOME", home);
    qputenv("XDG_CONFIG_HOME", home + "/.config");
    qputenv("XDG_DATA_HOME", home + "/.local/share");
    qputenv("XDG_CACHE_HOME", home + "/.cache");
    qputenv("XDG_RUNTIME_DIR", home + "/run");
    QVERIFY(QDir().mkpath(m_home.filePath(QStringLiteral("run"))));
    qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=" + home + "/no-such-bus");
    for (const char *name : { "XDG_CURRENT_DESKTOP", "DESKTOP_SESSION", "KDE_FULL_SESSION",
                              "KDE_SESSION_VERSION", "DISPLAY", "WAYLAND_DISPLAY", "CREDENTIALS_DIRECTORY" })
        qunsetenv(name);
    // QtKeychain's insecure fallback would write to QSettings(organization, application) under $HOME.
    QCoreApplication::setOrganizationName(QStringLiteral("crmbridge-test"));
    QCoreApplication::setApplicationName(QStringLiteral("keychain-unavailable"));
}

void TestKeychainUnavailable::everyCallReportsUnavailable()
{
    KeychainSecretStore store(quickOptions());
    const QString scope = SecretStore::connectionScope(42);
    QElapsedTimer elapsed;
    elapsed.start();

    const auto written
        = await<void>([&](auto done) { store.write(scope, QStringLiteral("api_key"), m_secret, done); });
    QVERIFY(!written);
    QCOMPARE(written.error().kind, ErrorKind::Unavailable);
    QVERIFY2(written.error().message.contains(QLatin1String("secret service")),
             qPrintable(written.error().message));

    const auto read
        = await<QByteArray>([&](auto done) { store.read(scope, QStringLiteral("api_key"), done); });
    QVERIFY(!read);
    QCOMPARE(read.error().kind, ErrorKind::Unavailable);

    const auto removed
        = await<void>([&](auto done) { store.remove(scope, QStringLiteral("api_key"), done); });
    QVERIFY(!removed);
    QCOMPARE(removed.error().kind, ErrorKind::Unavailable);

    const auto checked = await<void>([&](auto done) { store.checkAvailable(done); });
    QVERIFY(!checked);
    QCOMPARE(checked.error().kind, ErrorKind::Unavailable);
    QCOMPARE(checked.error().code, QStringLiteral("no-secret-service"));

    // Four calls, each with at most three attempts, 5 s each, and short pauses: far from a hang.
    QVERIFY2(elapsed.elapsed() < 45000, qPrintable(QString::number(elapsed.elapsed())));
}

void TestKeychainUnavailable::nothingWrittenInPlainText()
{
    KeychainSecretStore store(quickOptions());
    const auto written = await<void>([&](auto done) {
        store.write(QStringLiteral("connection:9"), QStringLiteral("client_secret"), m_secret, done);
    });
    QVERIFY(!written);

    const QList<QByteArray> forms = { m_secret, m_secret.toBase64(), m_secret.toHex() };
    int files = 0;
    QDirIterator it(m_home.path(), QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            continue;
        ++files;
        const QByteArray bytes = file.readAll();
        for (const QByteArray &form : forms)
            QVERIFY2(!bytes.contains(form), qPrintable(path));
    }
    qInfo() << "scanned" << files << "files under the throwaway HOME";
    // Where QtKeychain's insecure fallback would have put it.
    const QString fallback
        = QSettings(QCoreApplication::organizationName(), QCoreApplication::applicationName()).fileName();
    QVERIFY2(fallback.startsWith(m_home.path()), qPrintable(fallback));
    QVERIFY2(!QFile::exists(fallback), qPrintable(fallback));
}

void TestKeychainUnavailable::headlessWithoutKeyIsAClearError()
{
    auto chosen = await<std::shared_ptr<SecretStore>>([](auto done) {
        Secrets::SecretStoreFactory::chooseForHeadless(nullptr, QString(), done, quickOptions());
    });
    QVERIFY(!chosen);
    QCOMPARE(chosen.error().kind, ErrorKind::Unavailable);
    QCOMPARE(chosen.error().code, QStringLiteral("no-secret-store"));
    QVERIFY2(chosen.error().message.contains(QLatin1String("--secret-key-file"))
                 && chosen.error().message.contains(QLatin1String("crmbridge-key")),
             qPrintable(chosen.error().message));
}

void TestKeychainUnavailable::headlessWithKeyFileUsesTheDatabase()
{
    auto test = TestSupport::TestDatabase::create(QStringLiteral("sqlite"));
    QVERIFY2(test, qPrintable(test ? QString() : test.error().toString()));
    const QString keyFile = m_home.filePath(QStringLiteral("secret.key"));
    QVERIFY(Secrets::SodiumSecretStore::generateKeyFile(keyFile));

    auto chosen = await<std::shared_ptr<SecretStore>>([&](auto done) {
        Secrets::SecretStoreFactory::chooseForHeadless(test.value()->db(), keyFile, done, quickOptions());
    });
    QVERIFY2(chosen, qPrintable(chosen ? QString() : chosen.error().toString()));
    QCOMPARE(chosen.value()->backendName(), QStringLiteral("database"));
    auto store = chosen.value();
    QVERIFY(await<void>([&](auto done) {
        store->write(QStringLiteral("connection:1"), QStringLiteral("api_key"), "k", done);
    }));

    // A configured key that does not work is an error, never a silent switch to something else.
    QVERIFY(QFile::remove(keyFile));
    auto missing = await<std::shared_ptr<SecretStore>>([&](auto done) {
        Secrets::SecretStoreFactory::chooseForHeadless(test.value()->db(), keyFile, done, quickOptions());
    });
    QVERIFY(!missing);
    QVERIFY(missing.error().message.contains(QLatin1String("does not exist")));

    const QString otherKey = m_home.filePath(QStringLiteral("other.key"));
    QVERIFY(Secrets::SodiumSecretStore::generateKeyFile(otherKey));
    auto wrong = await<std::shared_ptr<SecretStore>>([&](auto done) {
        Secrets::SecretStoreFactory::chooseForHeadless(test.value()->db(), otherKey, done, quickOptions());
    });
    QVERIFY(!wrong);
    QCOMPARE(wrong.error().code, QStringLiteral("secret-wrong-key"));
}

QTEST_GUILESS_MAIN(TestKeychainUnavailable)
#include "tst_KeychainUnavailable.moc"
