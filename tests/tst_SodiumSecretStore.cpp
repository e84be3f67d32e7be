// SPDX-License-Identifier: GPL-3.0-or-later
// The key-file backend: sealing, key files, what reaches the database, and two engines sharing one
// store. The same suite runs on SQLite and on PostgreSQL (global data rows).
#include "AwaitCallback.h"
#include "PgServer.h"
#include "TestDatabase.h"
#include "secrets/SodiumSecretStore.h"
#include "storage/Database.h"
#include "storage/Sql.h"

#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QSemaphore>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimer>
#include <sys/stat.h>

using Common::ErrorKind;
using Common::Result;
using Secrets::SecretStore;
using Secrets::SodiumSecretStore;

using TestSupport::await;
using TestSupport::checkStore;
using TestSupport::readSecret;
using TestSupport::removeSecret;
using TestSupport::writeSecret;

namespace {

constexpr int kWaitMs = 20000;

QByteArray readWholeFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &content, int mode)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(content) != content.size())
        return false;
    file.close();
    return ::chmod(QFile::encodeName(path).constData(), mode_t(mode)) == 0;
}

} // namespace

class TestSodiumSecretStore : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase_data();
    void init();
    void cleanup();

    void roundTrip();
    void binaryAndUnicodeValues();
    void scopesDoNotCollide();
    void invalidInput();
    void wrongKey();
    void missingKeyFile();
    void keyFileReadableByOthers();
    void malformedKeyFile();
    void hexAndBase64KeyFiles();
    void generateKeyFileRefusesOverwrite();
    void keyFromCredentialsDirectory();
    void onlyCiphertextReachesTheDatabase();
    void swappedCiphertextRejected();
    void tamperedCiphertextRejected();
    void twoEnginesShareSecrets();
    void destroyedStoreStillAnswers();

private:
    std::unique_ptr<SodiumSecretStore> openStore(const QString &keyFile);
    std::unique_ptr<SodiumSecretStore> openStore(std::shared_ptr<Storage::Database> db,
                                                 const QString &keyFile);

    std::unique_ptr<TestSupport::TestDatabase> m_test;
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_keyFile;
};

void TestSodiumSecretStore::initTestCase_data()
{
    QTest::addColumn<QString>("dialect");
    QTest::newRow("sqlite") << QStringLiteral("sqlite");
    QTest::newRow("postgresql") << QStringLiteral("postgresql");
}

void TestSodiumSecretStore::init()
{
    QFETCH_GLOBAL(QString, dialect);
    auto test = TestSupport::TestDatabase::create(dialect);
    if (!test) {
        const QString pg
            = dialect == QLatin1String("postgresql") ? TestSupport::PgServer::instance().error() : QString();
        QFAIL(qPrintable(test.error().toString() + QLatin1Char(' ') + pg));
    }
    m_test = std::move(test).value();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_keyFile = m_dir->filePath(QStringLiteral("secret.key"));
    const auto generated = SodiumSecretStore::generateKeyFile(m_keyFile);
    QVERIFY2(generated, qPrintable(generated ? QString() : generated.error().toString()));
}

void TestSodiumSecretStore::cleanup()
{
    m_test.reset();
    m_dir.reset();
    qunsetenv("CREDENTIALS_DIRECTORY");
}

std::unique_ptr<SodiumSecretStore> TestSodiumSecretStore::openStore(const QString &keyFile)
{
    return openStore(m_test->db(), keyFile);
}

std::unique_ptr<SodiumSecretStore> TestSodiumSecretStore::openStore(std::shared_ptr<Storage::Database> db,
                                                                    const QString &keyFile)
{
    auto store = SodiumSecretStore::open(std::move(db), keyFile);
    if (!store) {
        qWarning() << store.error().toString();
        return nullptr;
    }
    return std::move(store).value();
}

void TestSodiumSecretStore::roundTrip()
{
    const QString scope = SecretStore::connectionScope(42);
    {
        auto store = openStore(m_keyFile);
        QVERIFY(store);
        QCOMPARE(store->backendName(), QStringLiteral("database"));
        QVERIFY(checkStore(*store));
        QVERIFY(writeSecret(*store, scope, QStringLiteral("refresh_token"), "def50200-first"));
    }
    // A new store object on the same database and key reads it back.
    auto store = openStore(m_keyFile);
    QVERIFY(store);
    auto read = readSecret(*store, scope, QStringLiteral("refresh_token"));
    QVERIFY2(read, qPrintable(read ? QString() : read.error().toString()));
    QCOMPARE(read.value(), QByteArray("def50200-first"));

    QVERIFY(writeSecret(*store, scope, QStringLiteral("refresh_token"), "def50200-second"));
    QCOMPARE(readSecret(*store, scope, QStringLiteral("refresh_token")).value(),
             QByteArray("def50200-second"));
    auto rows = Storage::Sql::scalar(*m_test->db(), QStringLiteral("SELECT COUNT(*) FROM secrets"));
    QVERIFY(rows);
    QCOMPARE(rows->toInt(), 1);

    QVERIFY(removeSecret(*store, scope, QStringLiteral("refresh_token")));
    read = readSecret(*store, scope, QStringLiteral("refresh_token"));
    QVERIFY(!read);
    QCOMPARE(read.error().kind, ErrorKind::NotFound);
    QVERIFY(removeSecret(*store, scope, QStringLiteral("refresh_token"))); // removing nothing is fine
}

void TestSodiumSecretStore::binaryAndUnicodeValues()
{
    auto store = openStore(m_keyFile);
    QVERIFY(store);
    QByteArray binary;
    for (int i = 0; i < 256; ++i)
        binary.append(char(i));
    binary.append(binary);
    const QByteArray unicode = QStringLiteral("пароль ✓ 🔑 \"quoted\" ' ; DROP TABLE secrets").toUtf8();
    const QString scope = SecretStore::connectionScope(QStringLiteral("Магазин №1"));
    QVERIFY(writeSecret(*store, scope, QStringLiteral("client_secret"), binary));
    QVERIFY(writeSecret(*store, scope, QStringLiteral("api_key"), unicode));
    QCOMPARE(readSecret(*store, scope, QStringLiteral("client_secret")).value(), binary);
    QCOMPARE(readSecret(*store, scope, QStringLiteral("api_key")).value(), unicode);
}

void TestSodiumSecretStore::scopesDoNotCollide()
{
    auto store = openStore(m_keyFile);
    QVERIFY(store);
    QVERIFY(writeSecret(*store, QStringLiteral("connection:1"), QStringLiteral("api_key"), "one"));
    QVERIFY(writeSecret(*store, QStringLiteral("connection:2"), QStringLiteral("api_key"), "two"));
    QVERIFY(writeSecret(*store, QStringLiteral("connection:1/api_key"), QStringLiteral("x"), "three"));
    QCOMPARE(readSecret(*store, QStringLiteral("connection:1"), QStringLiteral("api_key")).value(),
             QByteArray("one"));
    QCOMPARE(readSecret(*store, QStringLiteral("connection:2"), QStringLiteral("api_key")).value(),
             QByteArray("two"));
    QVERIFY(removeSecret(*store, QStringLiteral("connection:1"), QStringLiteral("api_key")));
    QCOMPARE(readSecret(*store, QStringLiteral("connection:2"), QStringLiteral("api_key")).value(),
             QByteArray("two"));
    QCOMPARE(readSecret(*store, QStringLiteral("connection:1/api_key"), QStringLiteral("x")).value(),
             QByteArray("three"));
}

void TestSodiumSecretStore::invalidInput()
{
    auto store = openStore(m_keyFile);
    QVERIFY(store);
    QCOMPARE(writeSecret(*store, QString(), QStringLiteral("api_key"), "x").error().kind,
             ErrorKind::InvalidInput);
    QCOMPARE(writeSecret(*store, QStringLiteral("s"), QStringLiteral("a/b"), "x").error().kind,
             ErrorKind::InvalidInput);
    QCOMPARE(writeSecret(*store, QStringLiteral("s"), QStringLiteral("a"), QByteArray()).error().kind,
             ErrorKind::InvalidInput);
    QCOMPARE(writeSecret(*store, QStringLiteral("s"), QStringLiteral("a"), QByteArray(64 * 1024 + 1, 'x'))
                 .error()
                 .kind,
             ErrorKind::InvalidInput);
    QCOMPARE(readSecret(*store, QStringLiteral("s\n"), QStringLiteral("a")).error().kind,
             ErrorKind::InvalidInput);
}

void TestSodiumSecretStore::wrongKey()
{
    auto store = openStore(m_keyFile);
    QVERIFY(store);
    QVERIFY(writeSecret(*store, QStringLiteral("connection:7"), QStringLiteral("db_password"), "hunter2"));

    const QString otherKey = m_dir->filePath(QStringLiteral("other.key"));
    QVERIFY(SodiumSecretStore::generateKeyFile(otherKey));
    auto wrong = openStore(otherKey);
    QVERIFY(wrong);
    const auto read = readSecret(*wrong, QStringLiteral("connection:7"), QStringLiteral("db_password"));
    QVERIFY(!read);
    QCOMPARE(read.error().kind, ErrorKind::Permanent);
    QVERIFY2(read.error().message.contains(
                 QLatin1String("the secret key does not match the one these secrets were "
                               "stored with")),
             qPrintable(read.error().message));
    const auto checked = checkStore(*wrong);
    QVERIFY(!checked);
    QCOMPARE(checked.error().code, QStringLiteral("secret-wrong-key"));
    QVERIFY(checkStore(*store));
}

void TestSodiumSecretStore::missingKeyFile()
{
    const QString missing = m_dir->filePath(QStringLiteral("nowhere.key"));
    auto store = SodiumSecretStore::open(m_test->db(), missing);
    QVERIFY(!store);
    QCOMPARE(store.error().kind, ErrorKind::Unavailable);
    QVERIFY2(store.error().message.contains(missing)
                 && store.error().message.contains(QLatin1String("does not exist")),
             qPrintable(store.error().message));

    qunsetenv("CREDENTIALS_DIRECTORY");
    const auto located = Secrets::SecretKey::locate(QString());
    QVERIFY(!located);
    QCOMPARE(located.error().kind, ErrorKind::NotFound);
    QVERIFY(located.error().message.contains(QLatin1String("--secret-key-file")));
}

void TestSodiumSecretStore::keyFileReadableByOthers()
{
    for (const int mode : { 0644, 0640, 0604, 0620 }) {
        QVERIFY(::chmod(QFile::encodeName(m_keyFile).constData(), mode_t(mode)) == 0);
        auto store = SodiumSecretStore::open(m_test->db(), m_keyFile);
        QVERIFY(!store);
        QCOMPARE(store.error().code, QStringLiteral("secret-key-permissions"));
        QVERIFY2(store.error().message.contains(QStringLiteral("chmod 600 %1").arg(m_keyFile)),
                 qPrintable(store.error().message));
        if (mode & 044)
            QVERIFY(store.error().message.contains(
                QStringLiteral("key file %1 is readable by others").arg(m_keyFile)));
    }
    QVERIFY(::chmod(QFile::encodeName(m_keyFile).constData(), 0400) == 0);
    QVERIFY(openStore(m_keyFile));
}

void TestSodiumSecretStore::malformedKeyFile()
{
    const QString path = m_dir->filePath(QStringLiteral("bad.key"));
    const QList<QByteArray> bad = { "",
                                    "hello\n",
                                    QByteArray(63, 'a'),
                                    QByteArray(65, 'a'),
                                    QByteArray(64, 'g'),
                                    QByteArray(31, 'k').toBase64(),
                                    QByteArray(4096, '0') };
    for (const QByteArray &content : bad) {
        QVERIFY(writeFile(path, content, 0600));
        auto store = SodiumSecretStore::open(m_test->db(), path);
        QVERIFY(!store);
        QCOMPARE(store.error().kind, ErrorKind::InvalidInput);
        QVERIFY2(store.error().message.contains(QLatin1String("not a CRM Bridge secret key file")),
                 qPrintable(store.error().message));
    }
}

void TestSodiumSecretStore::hexAndBase64KeyFiles()
{
    QByteArray raw(32, '\0');
    for (int i = 0; i < raw.size(); ++i)
        raw[i] = char(i * 7 + 3);
    const QString hexPath = m_dir->filePath(QStringLiteral("hex.key"));
    const QString base64Path = m_dir->filePath(QStringLiteral("base64.key"));
    QVERIFY(writeFile(hexPath, "  " + raw.toHex().toUpper() + "\r\n", 0600));
    QVERIFY(writeFile(base64Path, raw.toBase64() + "\n", 0400));

    auto hexStore = openStore(hexPath);
    auto base64Store = openStore(base64Path);
    QVERIFY(hexStore && base64Store);
    QVERIFY(writeSecret(*hexStore, QStringLiteral("connection:1"), QStringLiteral("api_key"), "same key"));
    QCOMPARE(readSecret(*base64Store, QStringLiteral("connection:1"), QStringLiteral("api_key")).value(),
             QByteArray("same key"));

    // The generated file: 64 lower-case hex digits and a newline, mode 0600.
    const QByteArray generated = readWholeFile(m_keyFile);
    QCOMPARE(generated.size(), 65);
    QVERIFY(generated.endsWith('\n'));
    QCOMPARE(QByteArray::fromHex(generated.trimmed()).toHex(), generated.trimmed());
    struct stat info = {};
    QCOMPARE(::stat(QFile::encodeName(m_keyFile).constData(), &info), 0);
    QCOMPARE(int(info.st_mode & 07777), 0600);
}

void TestSodiumSecretStore::generateKeyFileRefusesOverwrite()
{
    const QByteArray before = readWholeFile(m_keyFile);
    const auto again = SodiumSecretStore::generateKeyFile(m_keyFile);
    QVERIFY(!again);
    QVERIFY(again.error().message.contains(QLatin1String("never overwritten")));
    QCOMPARE(readWholeFile(m_keyFile), before);

    const QString other = m_dir->filePath(QStringLiteral("sub/dir/new.key"));
    QVERIFY(SodiumSecretStore::generateKeyFile(other));
    QVERIFY(readWholeFile(other) != before);
}

void TestSodiumSecretStore::keyFromCredentialsDirectory()
{
    // systemd: LoadCredential=crmbridge-key:... puts a 0400 file into $CREDENTIALS_DIRECTORY.
    QTemporaryDir credentials;
    QVERIFY(credentials.isValid());
    const QString credential = QDir(credentials.path()).filePath(QStringLiteral("crmbridge-key"));
    QVERIFY(QFile::copy(m_keyFile, credential));
    QVERIFY(::chmod(QFile::encodeName(credential).constData(), 0400) == 0);
    qputenv("CREDENTIALS_DIRECTORY", QFile::encodeName(credentials.path()));

    auto located = Secrets::SecretKey::locate(QString());
    QVERIFY(located);
    QCOMPARE(located.value(), credential);
    // The command-line option wins over the credential.
    QCOMPARE(Secrets::SecretKey::locate(QStringLiteral("/etc/crmbridge/other.key")).value(),
             QStringLiteral("/etc/crmbridge/other.key"));

    auto fromCredential = openStore(located.value());
    auto fromFile = openStore(m_keyFile);
    QVERIFY(fromCredential && fromFile);
    QVERIFY(writeSecret(*fromCredential, QStringLiteral("connection:3"), QStringLiteral("api_key"),
                        "via credential"));
    QCOMPARE(readSecret(*fromFile, QStringLiteral("connection:3"), QStringLiteral("api_key")).value(),
             QByteArray("via credential"));

    QVERIFY(::chmod(QFile::encodeName(credential).constData(), 0444) == 0);
    auto tooOpen = SodiumSecretStore::open(m_test->db(), credential);
    QVERIFY(!tooOpen);
    QVERIFY(tooOpen.error().message.contains(QLatin1String("is readable by others")));
}

void TestSodiumSecretStore::onlyCiphertextReachesTheDatabase()
{
    const QByteArray marker = "PLAINTEXT-MARKER-5d41402abc4b2a76b9719d911017c592";
    {
        auto store = openStore(m_keyFile);
        QVERIFY(store);
        QVERIFY(writeSecret(*store, QStringLiteral("connection:9"), QStringLiteral("client_secret"), marker));
        QVERIFY(writeSecret(*store, QStringLiteral("connection:9"), QStringLiteral("refresh_token"),
                            marker + marker));
        QCOMPARE(readSecret(*store, QStringLiteral("connection:9"), QStringLiteral("client_secret")).value(),
                 marker);
    }
    const QList<QByteArray> forms = { marker, marker.toHex(), marker.toBase64(), marker.left(24) };

    auto query = Storage::Sql::exec(*m_test->db(),
                                    QStringLiteral("SELECT scope, name, nonce, ciphertext FROM secrets"));
    QVERIFY(query);
    int rows = 0;
    QSet<QByteArray> nonces;
    while (query->next()) {
        ++rows;
        const QByteArray nonce = query->value(2).toByteArray();
        const QByteArray ciphertext = query->value(3).toByteArray();
        QCOMPARE(nonce.size(), 24);
        QVERIFY(ciphertext.size() >= marker.size() + 16);
        nonces.insert(nonce);
        for (int column = 0; column < 4; ++column) {
            for (const QByteArray &form : forms)
                QVERIFY(!query->value(column).toByteArray().contains(form));
        }
    }
    QCOMPARE(rows, 2);
    QCOMPARE(nonces.size(), 2);

    if (!m_test->sqliteFile().isEmpty()) {
        // Every byte SQLite wrote: the database file and its write-ahead log.
        int scanned = 0;
        for (const QString &suffix : { QString(), QStringLiteral("-wal"), QStringLiteral("-journal") }) {
            const QByteArray bytes = readWholeFile(m_test->sqliteFile() + suffix);
            scanned += int(bytes.size());
            for (const QByteArray &form : forms)
                QVERIFY2(!bytes.contains(form), qPrintable(m_test->sqliteFile() + suffix));
        }
        QVERIFY(scanned > 0);
    }
}

void TestSodiumSecretStore::swappedCiphertextRejected()
{
    auto store = openStore(m_keyFile);
    QVERIFY(store);
    QVERIFY(writeSecret(*store, QStringLiteral("connection:1"), QStringLiteral("api_key"), "api key of 1"));
    QVERIFY(writeSecret(*store, QStringLiteral("connection:1"), QStringLiteral("db_password"),
                        "db password of 1"));
    QVERIFY(writeSecret(*store, QStringLiteral("connection:2"), QStringLiteral("api_key"), "api key of 2"));

    auto &db = *m_test->db();
    auto copyRow = [&db](const QString &fromScope, const QString &fromName, const QString &toScope,
                         const QString &toName) {
        auto from = Storage::Sql::exec(
            db, QStringLiteral("SELECT nonce, ciphertext FROM secrets WHERE scope = ? AND name = ?"),
            { fromScope, fromName });
        if (!from || !from->next())
            return false;
        const QVariantList binds
            = { from->value(0).toByteArray(), from->value(1).toByteArray(), toScope, toName };
        auto updated = Storage::Sql::update(
            db, QStringLiteral("UPDATE secrets SET nonce = ?, ciphertext = ? WHERE scope = ? AND name = ?"),
            binds);
        return updated && updated.value() == 1;
    };

    // Another name in the same scope, and the same name in another scope.
    QVERIFY(copyRow(QStringLiteral("connection:1"), QStringLiteral("db_password"),
                    QStringLiteral("connection:1"), QStringLiteral("api_key")));
    auto read = readSecret(*store, QStringLiteral("connection:1"), QStringLiteral("api_key"));
    QVERIFY(!read);
    QCOMPARE(read.error().kind, ErrorKind::Permanent);
    QCOMPARE(read.error().code, QStringLiteral("secret-moved"));

    QVERIFY(copyRow(QStringLiteral("connection:1"), QStringLiteral("db_password"),
                    QStringLiteral("connection:2"), QStringLiteral("api_key")));
    read = readSecret(*store, QStringLiteral("connection:2"), QStringLiteral("api_key"));
    QVERIFY(!read);
    QCOMPARE(read.error().code, QStringLiteral("secret-moved"));

    // The untouched row still opens; a rewrite repairs the moved one.
    QCOMPARE(readSecret(*store, QStringLiteral("connection:1"), QStringLiteral("db_password")).value(),
             QByteArray("db password of 1"));
    QVERIFY(writeSecret(*store, QStringLiteral("connection:1"), QStringLiteral("api_key"), "api key of 1"));
    QCOMPARE(readSecret(*store, QStringLiteral("connection:1"), QStringLiteral("api_key")).value(),
             QByteArray("api key of 1"));
}

void TestSodiumSecretStore::tamperedCiphertextRejected()
{
    auto store = openStore(m_keyFile);
    QVERIFY(store);
    QVERIFY(writeSecret(*store, QStringLiteral("connection:1"), QStringLiteral("api_key"), "value"));
    auto &db = *m_test->db();
    auto row = Storage::Sql::exec(db, QStringLiteral("SELECT ciphertext FROM secrets"));
    QVERIFY(row && row->next());
    QByteArray ciphertext = row->value(0).toByteArray();
    ciphertext[ciphertext.size() - 1] = char(ciphertext.at(ciphertext.size() - 1) ^ 1);
    QVERIFY(Storage::Sql::update(db, QStringLiteral("UPDATE secrets SET ciphertext = ?"), { ciphertext }));
    const auto read = readSecret(*store, QStringLiteral("connection:1"), QStringLiteral("api_key"));
    QVERIFY(!read);
    QCOMPARE(read.error().kind, ErrorKind::Permanent);
    QCOMPARE(read.error().code, QStringLiteral("secret-wrong-key"));

    QVERIFY(
        Storage::Sql::update(db, QStringLiteral("UPDATE secrets SET nonce = ?"), { QByteArray("short") }));
    QCOMPARE(readSecret(*store, QStringLiteral("connection:1"), QStringLiteral("api_key")).error().code,
             QStringLiteral("secret-damaged"));
}

void TestSodiumSecretStore::twoEnginesShareSecrets()
{
    // Two engines: two Database handles on one store (each with its own connections) and one key file.
    auto first = Storage::Database::open(m_test->url());
    auto second = Storage::Database::open(m_test->url());
    QVERIFY(first && second);
    auto engineA = openStore(first.value(), m_keyFile);
    auto engineB = openStore(second.value(), m_keyFile);
    QVERIFY(engineA && engineB);

    QVERIFY(writeSecret(*engineA, QStringLiteral("connection:5"), QStringLiteral("refresh_token"),
                        "from engine A"));

    // Engine B is asked from a lane-like thread of its own; its answer comes back on that thread.
    QThread lane;
    lane.setObjectName(QStringLiteral("lane"));
    QObject laneContext;
    laneContext.moveToThread(&lane);
    lane.start();
    std::optional<Result<QByteArray>> laneResult;
    QThread *answeredOn = nullptr;
    QSemaphore answered;
    QMetaObject::invokeMethod(&laneContext, [&] {
        engineB->read(QStringLiteral("connection:5"), QStringLiteral("refresh_token"),
                      [&](Result<QByteArray> result) {
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
    QCOMPARE(laneResult->value(), QByteArray("from engine A"));

    QVERIFY(writeSecret(*engineB, QStringLiteral("connection:5"), QStringLiteral("refresh_token"),
                        "rotated by B"));
    QCOMPARE(readSecret(*engineA, QStringLiteral("connection:5"), QStringLiteral("refresh_token")).value(),
             QByteArray("rotated by B"));
    QVERIFY(removeSecret(*engineA, QStringLiteral("connection:5"), QStringLiteral("refresh_token")));
    QCOMPARE(
        readSecret(*engineB, QStringLiteral("connection:5"), QStringLiteral("refresh_token")).error().kind,
        ErrorKind::NotFound);
}

void TestSodiumSecretStore::destroyedStoreStillAnswers()
{
    auto store = openStore(m_keyFile);
    QVERIFY(store);
    int calls = 0;
    for (int i = 0; i < 20; ++i)
        store->read(QStringLiteral("connection:1"), QStringLiteral("api_key"),
                    [&calls](Result<QByteArray>) { ++calls; });
    store.reset();
    QTRY_COMPARE_WITH_TIMEOUT(calls, 20, kWaitMs);
    QTest::qWait(100);
    QCOMPARE(calls, 20);
}

QTEST_GUILESS_MAIN(TestSodiumSecretStore)
#include "tst_SodiumSecretStore.moc"
