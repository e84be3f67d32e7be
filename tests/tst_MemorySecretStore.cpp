// SPDX-License-Identifier: GPL-3.0-or-later
// The demo's in-memory store: the SecretStore contract (asynchronous answers on the caller's
// thread, NotFound, validation, the "no service" state) without any service behind it.
#include "secrets/MemorySecretStore.h"

#include <QTest>

using Common::ErrorKind;
using Common::Result;
using Secrets::MemorySecretStore;

class TestMemorySecretStore : public QObject
{
    Q_OBJECT

private slots:
    void answersLaterOnTheCallersThread();
    void roundTripAndNotFound();
    void unavailableState();
};

void TestMemorySecretStore::answersLaterOnTheCallersThread()
{
    MemorySecretStore store;
    bool answered = false;
    store.write(QStringLiteral("connection:1"), QStringLiteral("api_key"), "demo",
                [&](Common::Status status) {
                    QVERIFY(status);
                    QCOMPARE(QThread::currentThread(), thread());
                    answered = true;
                });
    QVERIFY(!answered); // never inside the call
    QTRY_VERIFY(answered);
}

void TestMemorySecretStore::roundTripAndNotFound()
{
    MemorySecretStore store;
    QCOMPARE(store.backendName(), QStringLiteral("memory"));
    std::optional<Result<QByteArray>> read;
    store.write(QStringLiteral("connection:1"), QStringLiteral("api_key"), "demo", [](Common::Status) {});
    store.read(QStringLiteral("connection:1"), QStringLiteral("api_key"),
               [&](Result<QByteArray> r) { read = r; });
    QTRY_VERIFY(read.has_value());
    QCOMPARE(read->value(), QByteArray("demo"));
    QCOMPARE(store.size(), 1);

    read.reset();
    store.remove(QStringLiteral("connection:1"), QStringLiteral("api_key"), [](Common::Status) {});
    store.read(QStringLiteral("connection:1"), QStringLiteral("api_key"),
               [&](Result<QByteArray> r) { read = r; });
    QTRY_VERIFY(read.has_value());
    QCOMPARE(read->error().kind, ErrorKind::NotFound);

    std::optional<Common::Status> bad;
    store.write(QStringLiteral("connection:1"), QStringLiteral("a/b"), "x",
                [&](Common::Status s) { bad = s; });
    QTRY_VERIFY(bad.has_value());
    QCOMPARE(bad->error().kind, ErrorKind::InvalidInput);
}

void TestMemorySecretStore::unavailableState()
{
    MemorySecretStore store;
    store.setAvailable(false);
    std::optional<Common::Status> checked;
    store.checkAvailable([&](Common::Status s) { checked = s; });
    QTRY_VERIFY(checked.has_value());
    QCOMPARE(checked->error().kind, ErrorKind::Unavailable);
    store.setAvailable(true);
    checked.reset();
    store.checkAvailable([&](Common::Status s) { checked = s; });
    QTRY_VERIFY(checked.has_value());
    QVERIFY(checked->ok());
}

QTEST_GUILESS_MAIN(TestMemorySecretStore)
#include "tst_MemorySecretStore.moc"
