// SPDX-License-Identifier: GPL-3.0-or-later
// The keychain backend against a real Secret Service: CTest runs this inside
// tests/support/with-keyring.sh (a private D-Bus session with an unlocked, throwaway gnome-keyring).
#include "AwaitCallback.h"
#include "TestDatabase.h"
#include "TestEnv.h"
#include "secrets/KeychainSecretStore.h"
#include "secrets/SecretStoreFactory.h"
#include "secrets/SodiumSecretStore.h"

#include <QEventLoop>
#include <QSemaphore>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
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

constexpr int kWaitMs = 30000;

QString describe(const Common::Status &status)
{
    return status ? QString() : status.error().toString();
}

/** A unique scope per test run, so a leftover entry can never make a test pass. */
QString freshScope(const QString &tag)
{
    static int s_counter = 0;
    return QStringLiteral("test:%1:%2:%3").arg(tag).arg(QCoreApplication::applicationPid()).arg(++s_counter);
}

} // namespace

class TestKeychainSecretStore : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void serviceAnswers();
    void roundTripThroughSecretService();
    void binaryAndUnicodeValues();
    void scopesDoNotCollide();
    void invalidInput();
    void callbackRunsOnCallerThread();
    void headlessChoosesKeychainWhenItAnswers();
    void keyFileTakesPrecedence();
};

void TestKeychainSecretStore::initTestCase()
{
    if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
        QFAIL("no D-Bus session: run this test through tests/support/with-keyring.sh (ctest does)");
}

void TestKeychainSecretStore::serviceAnswers()
{
    KeychainSecretStore store;
    QCOMPARE(store.backendName(), QStringLiteral("keychain"));
    const auto checked = await<void>([&](auto done) { store.checkAvailable(done); });
    QVERIFY2(checked, qPrintable(describe(checked)));
}

void TestKeychainSecretStore::roundTripThroughSecretService()
{
    const QString scope = freshScope(QStringLiteral("roundtrip"));
    const QString name = QStringLiteral("refresh_token");
    {
        KeychainSecretStore writer;
        const auto written = writeSecret(writer, scope, name, "def50200-first");
        QVERIFY2(written, qPrintable(describe(written)));
    }

    // Outside our process: secret-tool sees the entry QtKeychain made (base64, as written binary).
    QString output;
    const int code = TestSupport::runProgram(QStringLiteral("secret-tool"),
                                             { QStringLiteral("lookup"), QStringLiteral("server"),
                                               QStringLiteral("crmbridge"), QStringLiteral("user"),
                                               scope + QLatin1Char('/') + name },
                                             &output, 20000);
    QCOMPARE(code, 0);
    QCOMPARE(QByteArray::fromBase64(output.trimmed().toLatin1()), QByteArray("def50200-first"));

    KeychainSecretStore store; // a new store object reads it back
    auto read = readSecret(store, scope, name);
    QVERIFY2(read, qPrintable(read ? QString() : read.error().toString()));
    QCOMPARE(read.value(), QByteArray("def50200-first"));

    QVERIFY(writeSecret(store, scope, name, "def50200-second"));
    QCOMPARE(readSecret(store, scope, name).value(), QByteArray("def50200-second"));

    QVERIFY(removeSecret(store, scope, name));
    read = readSecret(store, scope, name);
    QVERIFY(!read);
    QCOMPARE(read.error().kind, ErrorKind::NotFound);
    const auto again = removeSecret(store, scope, name);
    QVERIFY2(again, qPrintable(describe(again)));
}

void TestKeychainSecretStore::binaryAndUnicodeValues()
{
    KeychainSecretStore store;
    const QString scope = freshScope(QStringLiteral("Магазин №1"));
    QByteArray binary;
    for (int i = 0; i < 256; ++i)
        binary.append(char(i));
    const QByteArray unicode = QStringLiteral("пароль ✓ 🔑 \"quoted\" ' ;").toUtf8();
    QVERIFY(writeSecret(store, scope, QStringLiteral("client_secret"), binary));
    QVERIFY(writeSecret(store, scope, QStringLiteral("api_key"), unicode));
    QVERIFY(writeSecret(store, scope, QStringLiteral("nul_first"), QByteArray("\0tail", 5)));
    QCOMPARE(readSecret(store, scope, QStringLiteral("client_secret")).value(), binary);
    QCOMPARE(readSecret(store, scope, QStringLiteral("api_key")).value(), unicode);
    QCOMPARE(readSecret(store, scope, QStringLiteral("nul_first")).value(), QByteArray("\0tail", 5));
    for (const QString &name :
         { QStringLiteral("client_secret"), QStringLiteral("api_key"), QStringLiteral("nul_first") })
        QVERIFY(removeSecret(store, scope, name));
}

void TestKeychainSecretStore::scopesDoNotCollide()
{
    KeychainSecretStore store;
    const QString one = freshScope(QStringLiteral("one"));
    const QString two = freshScope(QStringLiteral("two"));
    QVERIFY(writeSecret(store, one, QStringLiteral("api_key"), "first"));
    QVERIFY(writeSecret(store, two, QStringLiteral("api_key"), "second"));
    QCOMPARE(readSecret(store, one, QStringLiteral("api_key")).value(), QByteArray("first"));
    QCOMPARE(readSecret(store, two, QStringLiteral("api_key")).value(), QByteArray("second"));
    QVERIFY(removeSecret(store, one, QStringLiteral("api_key")));
    QCOMPARE(readSecret(store, one, QStringLiteral("api_key")).error().kind, ErrorKind::NotFound);
    QCOMPARE(readSecret(store, two, QStringLiteral("api_key")).value(), QByteArray("second"));
    QVERIFY(removeSecret(store, two, QStringLiteral("api_key")));

    // Another service name is another namespace.
    KeychainSecretStore::Options other;
    other.service = QStringLiteral("crmbridge-test-other");
    KeychainSecretStore otherStore(other);
    QVERIFY(writeSecret(otherStore, one, QStringLiteral("api_key"), "elsewhere"));
    QCOMPARE(readSecret(store, one, QStringLiteral("api_key")).error().kind, ErrorKind::NotFound);
    QVERIFY(removeSecret(otherStore, one, QStringLiteral("api_key")));
}

void TestKeychainSecretStore::invalidInput()
{
    KeychainSecretStore store;
    QCOMPARE(writeSecret(store, QString(), QStringLiteral("api_key"), "x").error().kind,
             ErrorKind::InvalidInput);
    QCOMPARE(writeSecret(store, QStringLiteral("s"), QStringLiteral("a/b"), "x").error().kind,
             ErrorKind::InvalidInput);
    QCOMPARE(writeSecret(store, QStringLiteral("s"), QStringLiteral("a"), {}).error().kind,
             ErrorKind::InvalidInput);
    QCOMPARE(readSecret(store, QStringLiteral("s"), QString()).error().kind, ErrorKind::InvalidInput);
}

void TestKeychainSecretStore::callbackRunsOnCallerThread()
{
    KeychainSecretStore store;
    const QString scope = freshScope(QStringLiteral("lane"));
    QVERIFY(writeSecret(store, scope, QStringLiteral("api_key"), "for the lane"));

    QThread lane;
    QObject laneContext;
    laneContext.moveToThread(&lane);
    lane.start();
    std::optional<Result<QByteArray>> laneResult;
    QThread *answeredOn = nullptr;
    QSemaphore answered;
    QMetaObject::invokeMethod(&laneContext, [&] {
        store.read(scope, QStringLiteral("api_key"), [&](Result<QByteArray> result) {
            laneResult = std::move(result);
            answeredOn = QThread::currentThread();
            answered.release();
        });
    });
    QVERIFY(answered.tryAcquire(1, kWaitMs));
    lane.quit();
    QVERIFY(lane.wait(kWaitMs));
    QCOMPARE(answeredOn, &lane);
    QVERIFY(laneResult && laneResult->ok());
    QCOMPARE(laneResult->value(), QByteArray("for the lane"));
    QVERIFY(removeSecret(store, scope, QStringLiteral("api_key")));
}

void TestKeychainSecretStore::headlessChoosesKeychainWhenItAnswers()
{
    qunsetenv("CREDENTIALS_DIRECTORY");
    auto chosen = await<std::shared_ptr<SecretStore>>(
        [](auto done) { Secrets::SecretStoreFactory::chooseForHeadless(nullptr, QString(), done); });
    QVERIFY2(chosen, qPrintable(chosen ? QString() : chosen.error().toString()));
    QCOMPARE(chosen.value()->backendName(), QStringLiteral("keychain"));
    QCOMPARE(Secrets::SecretStoreFactory::forDesktop()->backendName(), QStringLiteral("keychain"));
}

void TestKeychainSecretStore::keyFileTakesPrecedence()
{
    auto test = TestSupport::TestDatabase::create(QStringLiteral("sqlite"));
    QVERIFY2(test, qPrintable(test ? QString() : test.error().toString()));
    QTemporaryDir dir;
    const QString keyFile = dir.filePath(QStringLiteral("secret.key"));
    QVERIFY(Secrets::SodiumSecretStore::generateKeyFile(keyFile));
    auto chosen = await<std::shared_ptr<SecretStore>>([&](auto done) {
        Secrets::SecretStoreFactory::chooseForHeadless(test.value()->db(), keyFile, done);
    });
    QVERIFY2(chosen, qPrintable(chosen ? QString() : chosen.error().toString()));
    QCOMPARE(chosen.value()->backendName(), QStringLiteral("database"));
}

QTEST_GUILESS_MAIN(TestKeychainSecretStore)
#include "tst_KeychainSecretStore.moc"
