// SPDX-License-Identifier: GPL-3.0-or-later
#include "PgServer.h"
#include "TestDatabase.h"
#include "TestEnv.h"
#include "store/SettingsRepo.h"

#include <QTest>

using namespace Store;
using TestSupport::TestDatabase;

class TestSettingsRepo : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<TestDatabase> m_test;

private Q_SLOTS:
    void initTestCase_data() { TestDatabase::addDialectRows(); }
    void initTestCase()
    {
        QVERIFY2(TestSupport::PgServer::instance().ok(),
                 qPrintable(TestSupport::PgServer::instance().error()));
    }
    void init()
    {
        QFETCH_GLOBAL(QString, dialect);
        auto test = TestDatabase::create(dialect);
        QVERIFY_OK(test);
        m_test = std::move(test.value());
    }
    void cleanup() { m_test.reset(); }

    void setGetOverwrite()
    {
        SettingsRepo settings(m_test->db());
        QCOMPARE(settings.value(QStringLiteral("sync.interval"), QStringLiteral("30")).value(),
                 QStringLiteral("30"));
        QVERIFY_OK(settings.setValue(QStringLiteral("sync.interval"), QStringLiteral("60")));
        QVERIFY_OK(settings.setValue(QStringLiteral("sync.interval"), QStringLiteral("90")));
        QCOMPARE(settings.value(QStringLiteral("sync.interval")).value(), QStringLiteral("90"));
        QVERIFY_OK(settings.setValue(QStringLiteral("ui.language"), QStringLiteral("ru")));
        QCOMPARE(settings.all()->size(), 2);
        QVERIFY_OK(settings.remove(QStringLiteral("ui.language")));
        QCOMPARE(settings.all()->size(), 1);
    }

    void refusesSecrets_data()
    {
        QTest::addColumn<QString>("key");
        QTest::newRow("client secret") << QStringLiteral("amocrm.client_secret");
        QTest::newRow("token") << QStringLiteral("refresh_token");
        QTest::newRow("password") << QStringLiteral("shop.db.password");
        QTest::newRow("api key") << QStringLiteral("retailcrm.apiKey");
    }
    void refusesSecrets()
    {
        QFETCH(QString, key);
        SettingsRepo settings(m_test->db());
        auto result = settings.setValue(key, QStringLiteral("hunter2"));
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, QStringLiteral("secret-in-plain-text"));
        QVERIFY(settings.all()->isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSettingsRepo)
#include "tst_SettingsRepo.moc"
