// SPDX-License-Identifier: GPL-3.0-or-later
// RetailCodec reads every shape RetailCRM answers with: payments as a list (orders/create, orders/upload,
// history) or as a map keyed by payment id (GET orders/{id}, orders/{id}/edit), and the history entry of a
// created order (api-client-php tests/src/ResourceGroup/OrdersTest.php).
#include "TestEnv.h"
#include "crm/retailcrm/RetailCodec.h"

#include <QJsonDocument>
#include <QTest>

using namespace Crm::RetailCrm;

namespace {

QJsonObject parse(const char *json)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray(json), &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("bad fixture: %s", qPrintable(error.errorString()));
    return doc.object();
}

QStringList idsOf(const QList<QJsonObject> &payments)
{
    QStringList ids;
    for (const QJsonObject &p : payments)
        ids << QString::number(p.value("id").toInteger()) + QLatin1Char(':') + p.value("status").toString();
    return ids;
}

} // namespace

class TestRetailCodecShapes : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void paymentsAsListOrMap_data()
    {
        QTest::addColumn<QByteArray>("order");
        QTest::addColumn<QStringList>("expected");
        // orders/create and orders/upload answer a list.
        QTest::newRow("list") << QByteArray(R"({"id":7146,"payments":[{"id":4555,"status":"not-paid"},
                                               {"id":4554,"status":"paid","type":"bank-card"}]})")
                              << QStringList { "4554:paid", "4555:not-paid" };
        // GET orders/{id} and orders/{id}/edit answer a map keyed by payment id.
        QTest::newRow("map") << QByteArray(R"({"id":6722,"payments":{"4327":{"id":4327,"status":"paid"},
                                              "4326":{"id":4326,"status":"not-paid"}}})")
                             << QStringList { "4326:not-paid", "4327:paid" };
        // GET orders shows an order without payments with an empty map, history leaves the key out, and
        // PHP serialises an empty array as [].
        QTest::newRow("empty map") << QByteArray(R"({"id":7141,"payments":{}})") << QStringList {};
        QTest::newRow("empty list") << QByteArray(R"({"id":7141,"payments":[]})") << QStringList {};
        QTest::newRow("missing") << QByteArray(R"({"id":2031})") << QStringList {};
    }
    void paymentsAsListOrMap()
    {
        QFETCH(QByteArray, order);
        QFETCH(QStringList, expected);
        QCOMPARE(idsOf(RetailCodec::paymentsOf(parse(order.constData()))), expected);
    }

    /** A created order's entry (field "status", null → {"code":…}) is not a manager's stage change. */
    void createdEntryIsNoStageChange()
    {
        const QJsonObject created = parse(R"({"id":7038,"createdAt":"2018-10-02 13:30:06","created":true,
            "source":"api","field":"status","apiKey":{"current":false},"oldValue":null,
            "newValue":{"code":"new"},"order":{"id":2031,"number":"14","externalId":"14","site":"BitrixMod",
            "status":"new","payments":[{"id":1422,"status":"not-paid","type":"cash"}],"customFields":[]}})");
        QVERIFY(!RetailCodec::stageChange(created).has_value());

        QJsonObject moved = created;
        moved.remove("created");
        moved.insert("id", 7044);
        moved.insert("oldValue", QJsonObject { { "code", "new" } });
        moved.insert("newValue", QJsonObject { { "code", "client-confirmed" } });
        const auto change = RetailCodec::stageChange(moved);
        QVERIFY(change.has_value());
        QCOMPARE(change->orderId, QStringLiteral("2031"));
        QCOMPARE(change->fromStatus, QStringLiteral("new"));
        QCOMPARE(change->toStatus, QStringLiteral("client-confirmed"));
        QCOMPARE(change->eventId, QStringLiteral("7044"));
    }

    /** Customers come with customFields [] when empty and an object otherwise; the summary reads both. */
    void customerSummaryWithEitherCustomFields()
    {
        for (const char *json :
             { R"({"id":982,"externalId":"2","customFields":[],"email":"Admin@Mail.ru",
                   "phones":[{"number":"89003005069"}],"createdAt":"2018-10-05 13:49:07"})",
               R"({"id":982,"externalId":"2","customFields":{"galka":true},"email":"Admin@Mail.ru",
                   "phones":[{"number":"89003005069"}],"createdAt":"2018-10-05 13:49:07"})" }) {
            const Crm::ContactSummary s = RetailCodec::contactSummary(parse(json), QStringLiteral("RU"));
            QCOMPARE(s.contactId, QStringLiteral("982"));
            QCOMPARE(s.emails, QStringList { "admin@mail.ru" });
            QCOMPARE(s.phones, QStringList { "+79003005069" });
        }
    }
};

QTEST_GUILESS_MAIN(TestRetailCodecShapes)
#include "tst_RetailCodecShapes.moc"
