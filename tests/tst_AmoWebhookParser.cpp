// SPDX-License-Identifier: GPL-3.0-or-later
// amoCRM's legacy webhook bodies (form-encoded, PHP-style keys, strings, Cyrillic percent-encoded).
#include "TestEnv.h"
#include "crm/ConnectorFactory.h"
#include "crm/amocrm/AmoWebhookParser.h"

#include <QTest>

using Crm::AmoCrm::AmoWebhookParser;

namespace {
const QByteArray kForm = "application/x-www-form-urlencoded";
}

class TestAmoWebhookParser : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    /** A status_lead delivery as amoCRM sends it (the keys percent-encoded by http_build_query). */
    void statusChangesAreRead()
    {
        const QByteArray body
            = "leads%5Bstatus%5D%5B0%5D%5Bid%5D=25399013"
              "&leads%5Bstatus%5D%5B0%5D%5Bname%5D=%D0%97%D0%B0%D0%BA%D0%B0%D0%B7+2311%2F1"
              "&leads%5Bstatus%5D%5B0%5D%5Bstatus_id%5D=142&leads%5Bstatus%5D%5B0%5D%5Bold_status_id%5D="
              "13670637"
              "&leads%5Bstatus%5D%5B0%5D%5Bpipeline_id%5D=1300&leads%5Bstatus%5D%5B0%5D%5Bold_pipeline_id%5D="
              "1299"
              "&leads%5Bstatus%5D%5B0%5D%5Blast_modified%5D=1700000000"
              "&leads%5Bstatus%5D%5B1%5D%5Bid%5D=25399014&leads%5Bstatus%5D%5B1%5D%5Bstatus_id%5D=143"
              "&leads%5Bstatus%5D%5B1%5D%5Bupdated_at%5D=1700000005"
              "&leads%5Bstatus%5D%5B1%5D%5Bcustom_fields%5D%5B0%5D%5Bvalues%5D%5B0%5D%5Bvalue%5D=%D0%B4%D0%B0"
              "&account%5Bsubdomain%5D=shop&account%5Bid%5D=29085955"
              "&account%5B_links%5D%5Bself%5D=https%3A%2F%2Fshop.amocrm.ru";
        auto delivery = AmoWebhookParser::parse(kForm, body);
        QVERIFY_OK(delivery);
        QCOMPARE(delivery->accountId, QStringLiteral("29085955"));
        QCOMPARE(delivery->subdomain, QStringLiteral("shop"));
        QCOMPARE(delivery->stageChanges.size(), 2);
        const Model::StatusChange &won = delivery->stageChanges[0];
        QCOMPARE(won.origin, Model::StatusChange::Origin::Crm);
        QCOMPARE(won.orderId, QStringLiteral("25399013"));
        QCOMPARE(won.toStatus, QStringLiteral("142"));
        QCOMPARE(won.fromStatus, QStringLiteral("13670637"));
        QCOMPARE(won.pipelineId, QStringLiteral("1300"));
        QCOMPARE(won.fromPipelineId, QStringLiteral("1299"));
        QCOMPARE(won.at.toSecsSinceEpoch(), 1700000000);
        const Model::StatusChange &lost = delivery->stageChanges[1];
        QCOMPARE(lost.toStatus, QStringLiteral("143"));
        QVERIFY(lost.pipelineId.isEmpty()); // optional in amoCRM's own examples
        QCOMPARE(lost.at.toSecsSinceEpoch(), 1700000005);
    }

    /** Other deliveries (a lead added, a contact changed) are understood and change no stage. */
    void otherDeliveriesCarryNoStageChange()
    {
        const QByteArray body = "leads%5Badd%5D%5B0%5D%5Bid%5D=5&leads%5Badd%5D%5B0%5D%5Bstatus_id%5D=7"
                                "&contacts%5Bupdate%5D%5B0%5D%5Bid%5D=9&account%5Bid%5D=1";
        auto delivery = AmoWebhookParser::parse(kForm + "; charset=UTF-8", body);
        QVERIFY_OK(delivery);
        QCOMPARE(delivery->accountId, QStringLiteral("1"));
        QVERIFY(delivery->stageChanges.isEmpty());
    }

    void malformedBodiesAreRefused_data()
    {
        QTest::addColumn<QByteArray>("type");
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("json") << QByteArray("application/json") << QByteArray("{\"leads\":{}}");
        QTest::newRow("no account") << kForm << QByteArray("leads%5Bstatus%5D%5B0%5D%5Bid%5D=1");
        QTest::newRow("no status id")
            << kForm << QByteArray("leads%5Bstatus%5D%5B0%5D%5Bid%5D=1&account%5Bid%5D=2");
        QTest::newRow("id not a number") << kForm
                                         << QByteArray("leads%5Bstatus%5D%5B0%5D%5Bid%5D=%D0%BD%D0%B5%D1%82"
                                                       "&leads%5Bstatus%5D%5B0%5D%5Bstatus_id%5D=3"
                                                       "&account%5Bid%5D=2");
        QTest::newRow("not utf-8") << kForm << QByteArray("account%5Bid%5D=%FF%FE");
        QTest::newRow("broken key") << kForm << QByteArray("leads%5Bstatus=1&account%5Bid%5D=2");
    }
    void malformedBodiesAreRefused()
    {
        QFETCH(QByteArray, type);
        QFETCH(QByteArray, body);
        auto delivery = AmoWebhookParser::parse(type, body);
        QVERIFY(!delivery.ok());
        QCOMPARE(delivery.error().code, QStringLiteral("malformed"));
        QCOMPARE(delivery.error().kind, Common::ErrorKind::InvalidInput);
    }

    /** The intake server finds the reader by the connection's CRM; a CRM without webhooks has none. */
    void theReaderIsFoundByTheCrm()
    {
        QVERIFY(Crm::ConnectorFactory::webhookParsers().contains(QStringLiteral("amocrm")));
        QVERIFY(!Crm::ConnectorFactory::webhookParsers().contains(QStringLiteral("nosuchcrm")));
    }
};

QTEST_GUILESS_MAIN(TestAmoWebhookParser)
#include "tst_AmoWebhookParser.moc"
