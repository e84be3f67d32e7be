// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/SecretGuard.h"

#include <QTest>

class TestSecretGuard : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void redacts_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("secret");
        QTest::newRow("json token") << QStringLiteral("{\"access_token\": \"eyJ0eXAi.abc\", \"x\": 1}")
                                    << QStringLiteral("eyJ0eXAi.abc");
        QTest::newRow("json client secret")
            << QStringLiteral("{\"client_secret\":\"s3cr3t\"}") << QStringLiteral("s3cr3t");
        QTest::newRow("json escaped quote")
            << QStringLiteral("{\"refresh_token\":\"a\\\"b\"}") << QStringLiteral("a\\\"b");
        QTest::newRow("form api key")
            << QStringLiteral("limit=20&apiKey=KEY123&page=2") << QStringLiteral("KEY123");
        QTest::newRow("query string")
            << QStringLiteral("https://x.retailcrm.ru/api/v5/orders?apiKey=K9") << QStringLiteral("K9");
        QTest::newRow("bearer header") << QStringLiteral("Authorization: Bearer eyJ.abc.def\r\nAccept: */*")
                                       << QStringLiteral("eyJ.abc.def");
        QTest::newRow("api key header") << QStringLiteral("X-API-KEY: K777") << QStringLiteral("K777");
    }
    void redacts()
    {
        QFETCH(QString, text);
        QFETCH(QString, secret);
        const QString out = Store::redactSecrets(text);
        QVERIFY2(!out.contains(secret), qPrintable(out));
        QVERIFY(out.contains(QStringLiteral("***")));
    }

    void keepsOrdinaryText()
    {
        const QString text
            = QStringLiteral("{\"name\":\"Заказ 2311/1\",\"price\":1500,\"grant_type\":\"refresh_token\"}");
        QCOMPARE(Store::redactSecrets(text), text);
    }
};

QTEST_GUILESS_MAIN(TestSecretGuard)
#include "tst_SecretGuard.moc"
