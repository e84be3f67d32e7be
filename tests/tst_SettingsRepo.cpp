// SPDX-License-Identifier: GPL-3.0-or-later
#include "DialectSuite.h"
#include "TestEnv.h"
#include "store/SettingsRepo.h"

#include <QTest>

using namespace Store;

class TestSettingsRepo : public TestSupport::DialectSuite
{
    Q_OBJECT
private:
private Q_SLOTS:

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
