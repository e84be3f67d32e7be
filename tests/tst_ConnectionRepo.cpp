// SPDX-License-Identifier: GPL-3.0-or-later
#include "DialectSuite.h"
#include "TestEnv.h"
#include "store/ConnectionRepo.h"

#include <QTest>

using namespace Store;

class TestConnectionRepo : public TestSupport::DialectSuite
{
    Q_OBJECT
private:
    static Connection amo(const QString &name)
    {
        Connection c;
        c.name = name;
        c.crm = QStringLiteral("amocrm");
        c.baseUrl = QStringLiteral("https://shop.amocrm.ru");
        c.config = { { QStringLiteral("client_id"), QStringLiteral("abc-123") },
                     { QStringLiteral("redirect_uri"), QStringLiteral("http://127.0.0.1:8765/callback") } };
        return c;
    }

private Q_SLOTS:

    void addListUpdateRemove()
    {
        ConnectionRepo repo(m_test->db());
        auto added = repo.add(amo(QStringLiteral("Магазин")));
        QVERIFY2(added.ok(), qPrintable(added.ok() ? QString() : added.error().message));
        QCOMPARE(added->state, QStringLiteral("new"));
        QCOMPARE(added->config.value(QStringLiteral("client_id")).toString(), QStringLiteral("abc-123"));

        Connection changed = added.value();
        changed.baseUrl = QStringLiteral("https://other.amocrm.ru");
        QVERIFY_OK(repo.update(changed));
        QCOMPARE(repo.byName(QStringLiteral("Магазин"))->baseUrl, QStringLiteral("https://other.amocrm.ru"));
        QVERIFY_OK(repo.setState(added->id, QStringLiteral("needs-sign-in")));
        QCOMPARE(repo.byId(added->id)->state, QStringLiteral("needs-sign-in"));
        QCOMPARE(repo.list()->size(), 1);
        QVERIFY_OK(repo.remove(added->id));
        QVERIFY(repo.list()->isEmpty());
        QCOMPARE(repo.byId(added->id).error().kind, Common::ErrorKind::NotFound);
    }

    void namesAreUnique()
    {
        ConnectionRepo repo(m_test->db());
        QVERIFY_OK(repo.add(amo(QStringLiteral("main"))));
        auto twin = repo.add(amo(QStringLiteral("main")));
        QVERIFY(!twin.ok());
        QVERIFY(twin.error().message.contains(QStringLiteral("already exists")));
    }

    void refusesSecretsInConfig()
    {
        ConnectionRepo repo(m_test->db());
        Connection c = amo(QStringLiteral("leaky"));
        c.config.insert(QStringLiteral("client_secret"), QStringLiteral("hunter2"));
        auto result = repo.add(c);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, QStringLiteral("secret-in-plain-text"));
        Connection nested = amo(QStringLiteral("leaky2"));
        nested.config.insert(QStringLiteral("oauth"),
                             QJsonObject { { QStringLiteral("access_token"), QStringLiteral("x") } });
        QVERIFY(!repo.add(nested).ok());
        QVERIFY(repo.list()->isEmpty());
    }

    void unknownCrmIsRefused()
    {
        ConnectionRepo repo(m_test->db());
        Connection c = amo(QStringLiteral("x"));
        c.crm = QStringLiteral("bitrix24");
        QCOMPARE(repo.add(c).error().kind, Common::ErrorKind::InvalidInput);
    }
};

QTEST_GUILESS_MAIN(TestConnectionRepo)
#include "tst_ConnectionRepo.moc"
