// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/DatabaseUrl.h"

#include <QTest>

using Storage::DatabaseUrl;
using Storage::Dialect;

class TestDatabaseUrl : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void sqliteFile()
    {
        auto url = DatabaseUrl::parse(QStringLiteral("sqlite:///var/lib/crmbridge/store.db"));
        QVERIFY(url.ok());
        QCOMPARE(url->dialect, Dialect::Sqlite);
        QCOMPARE(url->path, QStringLiteral("/var/lib/crmbridge/store.db"));
    }

    void postgres()
    {
        auto url = DatabaseUrl::parse(
            QStringLiteral("postgresql://bridge:s3cret@db.local:6543/crm?sslmode=require"));
        QVERIFY(url.ok());
        QCOMPARE(url->dialect, Dialect::Postgres);
        QCOMPARE(url->host, QStringLiteral("db.local"));
        QCOMPARE(url->port, 6543);
        QCOMPARE(url->user, QStringLiteral("bridge"));
        QCOMPARE(url->password, QStringLiteral("s3cret"));
        QCOMPARE(url->database, QStringLiteral("crm"));
        QCOMPARE(url->options, QStringLiteral("sslmode=require"));
    }

    void defaultPort()
    {
        auto url = DatabaseUrl::parse(QStringLiteral("postgres://bridge@127.0.0.1/crm"));
        QVERIFY(url.ok());
        QCOMPARE(url->port, 5432);
    }

    void displayHidesPassword()
    {
        auto url = DatabaseUrl::parse(QStringLiteral("postgresql://bridge:s3cret@db.local:6543/crm"));
        QVERIFY(url.ok());
        QVERIFY(!url->toDisplayString().contains(QStringLiteral("s3cret")));
        QCOMPARE(url->toDisplayString(), QStringLiteral("postgresql://bridge:***@db.local:6543/crm"));
    }

    void rejectsGarbage_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("mysql") << QStringLiteral("mysql://root@localhost/shop");
        QTest::newRow("no database") << QStringLiteral("postgresql://bridge@localhost:5432/");
        QTest::newRow("empty sqlite") << QStringLiteral("sqlite://");
        QTest::newRow("plain path") << QStringLiteral("/tmp/store.db");
    }
    void rejectsGarbage()
    {
        QFETCH(QString, text);
        auto url = DatabaseUrl::parse(text);
        QVERIFY(!url.ok());
        QCOMPARE(url.error().kind, Common::ErrorKind::InvalidInput);
        QVERIFY(!url.error().message.isEmpty());
    }

    void errorNeverEchoesPassword()
    {
        auto url = DatabaseUrl::parse(QStringLiteral("mysql://root:hunter2@localhost/shop"));
        QVERIFY(!url.ok());
        QVERIFY(!url.error().message.contains(QStringLiteral("hunter2")));
    }
};

QTEST_GUILESS_MAIN(TestDatabaseUrl)
#include "tst_DatabaseUrl.moc"
