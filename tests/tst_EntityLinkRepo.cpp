// SPDX-License-Identifier: GPL-3.0-or-later
#include "DialectSuite.h"
#include "TestEnv.h"
#include "store/EntityLinkRepo.h"

#include <QTest>

using namespace Store;

class TestEntityLinkRepo : public TestSupport::DialectSuite
{
    Q_OBJECT
private:
private Q_SLOTS:

    void linkBothWays()
    {
        EntityLinkRepo links(m_test->db());
        QVERIFY_OK(links.link({ 1, QStringLiteral("order"), QStringLiteral("17"), QStringLiteral("lead"),
                                QStringLiteral("9001") }));
        QCOMPARE(
            links.crmIdFor(1, QStringLiteral("order"), QStringLiteral("17"), QStringLiteral("lead")).value(),
            std::optional<QString>(QStringLiteral("9001")));
        QCOMPARE(links.sourceIdFor(1, QStringLiteral("lead"), QStringLiteral("9001"), QStringLiteral("order"))
                     .value(),
                 std::optional<QString>(QStringLiteral("17")));
        QVERIFY(!links.crmIdFor(2, QStringLiteral("order"), QStringLiteral("17"), QStringLiteral("lead"))
                     ->has_value());
    }

    void sameLinkTwiceIsFine()
    {
        EntityLinkRepo links(m_test->db());
        const EntityLink link { 1, QStringLiteral("order"), QStringLiteral("17"), QStringLiteral("lead"),
                                QStringLiteral("9001") };
        QVERIFY_OK(links.link(link));
        QVERIFY_OK(links.link(link));
        QCOMPARE(links.count(1, QStringLiteral("order")).value(), 1);
    }

    void anOrderNeverGetsASecondLead()
    {
        EntityLinkRepo links(m_test->db());
        QVERIFY_OK(links.link({ 1, QStringLiteral("order"), QStringLiteral("17"), QStringLiteral("lead"),
                                QStringLiteral("9001") }));
        auto second = links.link({ 1, QStringLiteral("order"), QStringLiteral("17"), QStringLiteral("lead"),
                                   QStringLiteral("9002") });
        QVERIFY(!second.ok());
        QCOMPARE(second.error().code, QStringLiteral("link-conflict"));
        auto reused = links.link({ 1, QStringLiteral("order"), QStringLiteral("18"), QStringLiteral("lead"),
                                   QStringLiteral("9001") });
        QVERIFY(!reused.ok());
        QCOMPARE(reused.error().code, QStringLiteral("link-conflict"));
        QCOMPARE(links.count(1, QStringLiteral("order")).value(), 1);
    }

    void unlink()
    {
        EntityLinkRepo links(m_test->db());
        QVERIFY_OK(links.link({ 1, QStringLiteral("customer"), QStringLiteral("5"), QStringLiteral("contact"),
                                QStringLiteral("77") }));
        QVERIFY_OK(
            links.unlink(1, QStringLiteral("customer"), QStringLiteral("5"), QStringLiteral("contact")));
        QVERIFY(
            !links.crmIdFor(1, QStringLiteral("customer"), QStringLiteral("5"), QStringLiteral("contact"))
                 ->has_value());
    }
};

QTEST_GUILESS_MAIN(TestEntityLinkRepo)
#include "tst_EntityLinkRepo.moc"
