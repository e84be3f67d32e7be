// SPDX-License-Identifier: GPL-3.0-or-later
// RetailCRM sandbox conformance: orders/history with sinceId and own-change markers, manager changes
// from the control API, payments.

#include "common/HttpServer.h"
#include "common/QueryParams.h"
#include "retailcrm/RetailCrmSandbox.h"
#include "sandbox/tests/RetailTestClient.h"

#include <QTest>

using namespace Sandbox::Testing;
using Sandbox::RetailCrm::RetailCrmSandbox;
using Sandbox::RetailCrm::RetailSandboxOptions;

class TestRetailSandboxHistory : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void createdEntryCarriesFullOrder();
    void sinceIdAndOwnChanges();
    void paymentsCreateEditAndHistory();
    void historyFiltersAndPaging();
    void controlSeedAndManagerEdits();
    void statusTriggerPostsToShop();

private:
    QJsonArray history(qint64 sinceId, const QString &key = {});
    qint64 createOrder(const QString &externalId);

    std::unique_ptr<RetailCrmSandbox> m_sandbox;
    std::unique_ptr<RetailTestClient> m_client;
};

void TestRetailSandboxHistory::initTestCase()
{
    RetailSandboxOptions options;
    options.seed = QStringLiteral("demo");
    options.rate = 0;
    m_sandbox = std::make_unique<RetailCrmSandbox>(options);
    QString error;
    QVERIFY2(m_sandbox->start(&error), qPrintable(error));
    m_client = std::make_unique<RetailTestClient>(m_sandbox->baseUrl(), m_sandbox->apiKey());
}

void TestRetailSandboxHistory::init()
{
    m_client->apiKey = m_sandbox->apiKey();
    QVERIFY(m_client->control("reset", { { "seed", "demo" } }).value("ok").toBool());
    QVERIFY(m_client->control("api-keys", { { "key", "other-integration" } }).value("ok").toBool());
}

QJsonArray TestRetailSandboxHistory::history(qint64 sinceId, const QString &key)
{
    RetailTestClient client(m_sandbox->baseUrl(), key.isEmpty() ? m_sandbox->apiKey() : key);
    const TestReply r
        = client.get("/api/v5/orders/history", { { "filter[sinceId]", QString::number(sinceId) } });
    if (r.status != 200)
        return {};
    return r.object().value("history").toArray();
}

qint64 TestRetailSandboxHistory::createOrder(const QString &externalId)
{
    const TestReply r = m_client->postForm(
        "/api/v5/orders/create",
        { { "order",
            RetailTestClient::json(
                QJsonObject { { "externalId", externalId },
                              { "delivery", QJsonObject { { "code", "courier" } } },
                              { "payments", QJsonArray { QJsonObject { { "type", "bank-card" } } } } }) } });
    return r.status == 201 ? r.object().value("id").toInteger() : 0;
}

void TestRetailSandboxHistory::createdEntryCarriesFullOrder()
{
    const qint64 id = createOrder("h-1");
    QVERIFY(id > 0);
    const QJsonObject r = m_client->get("/api/v5/orders/history").object();
    QVERIFY(r.value("success").toBool());
    QVERIFY(!r.value("generatedAt").toString().isEmpty());
    QCOMPARE(r.value("pagination").toObject().value("limit").toInt(), 100);
    const QJsonArray entries = r.value("history").toArray();
    QCOMPARE(entries.size(), 1);
    const QJsonObject e = entries[0].toObject();
    QVERIFY(e.value("created").toBool());
    // As recorded (api-client-php OrdersTest::testHistory): the status field, from null to the first status.
    QCOMPARE(e.value("field").toString(), QStringLiteral("status"));
    QVERIFY(e.value("oldValue").isNull());
    QCOMPARE(e.value("newValue").toObject(), (QJsonObject { { "code", "new" } }));
    const QJsonObject order = e.value("order").toObject();
    QVERIFY(order.value("payments").isArray()); // a list here, a map in GET orders/{id}
    QCOMPARE(order.value("payments").toArray().size(), 1);
    QCOMPARE(order.value("payments").toArray()[0].toObject().value("type").toString(),
             QStringLiteral("bank-card"));
    QVERIFY(order.value("customFields").isArray());
    QVERIFY(order.value("customFields").toArray().isEmpty());
    QCOMPARE(e.value("source").toString(), QStringLiteral("api"));
    QCOMPARE(e.value("apiKey").toObject().value("current").toBool(), true);
    QCOMPARE(e.value("order").toObject().value("id").toInteger(), id);
    QCOMPARE(e.value("order").toObject().value("delivery").toObject().value("cost").toDouble(), 300.0);
    QVERIFY(!e.contains("_key"));
}

void TestRetailSandboxHistory::sinceIdAndOwnChanges()
{
    const qint64 id = createOrder("h-2");
    QVERIFY(id > 0);
    const qint64 since = history(0).last().toObject().value("id").toInteger();
    QVERIFY(history(since).isEmpty());

    // Our own change, a manager's change in the CRM, and another integration's change.
    QCOMPARE(
        m_client->postForm("/api/v5/orders/h-2/edit", { { "order", R"({"status":"client-confirmed"})" } })
            .status,
        200);
    const QJsonObject manager
        = m_client->control("manager/order-status", { { "externalId", "h-2" }, { "status", "assembling" } });
    QVERIFY2(manager.value("ok").toBool(), QJsonDocument(manager).toJson().constData());
    QCOMPARE(manager.value("history_ids").toArray().size(), 1);
    QVERIFY(m_client
                ->control("manager/order-status",
                          { { "id", id }, { "status", "delivering" }, { "api_key", "other-integration" } })
                .value("ok")
                .toBool());

    const QJsonArray mine = history(since);
    QCOMPARE(mine.size(), 3);
    qint64 previous = since;
    for (const QJsonValue &v : mine) {
        const qint64 entryId = v.toObject().value("id").toInteger();
        QVERIFY(entryId > previous);
        previous = entryId;
        QCOMPARE(v.toObject().value("field").toString(), QStringLiteral("status"));
    }
    const QJsonObject own = mine[0].toObject(), user = mine[1].toObject(), other = mine[2].toObject();
    QCOMPARE(own.value("source").toString(), QStringLiteral("api"));
    QCOMPARE(own.value("apiKey").toObject().value("current").toBool(), true);
    QCOMPARE(own.value("oldValue").toObject().value("code").toString(), QStringLiteral("new"));
    QCOMPARE(own.value("newValue").toObject().value("code").toString(), QStringLiteral("client-confirmed"));
    QCOMPARE(user.value("source").toString(), QStringLiteral("user"));
    QVERIFY(!user.contains("apiKey"));
    QCOMPARE(user.value("newValue").toObject().value("code").toString(), QStringLiteral("assembling"));
    QCOMPARE(user.value("order").toObject().value("externalId").toString(), QStringLiteral("h-2"));
    QCOMPARE(other.value("apiKey").toObject().value("current").toBool(true), false);
    // The same entries read with the other key flip the marker.
    const QJsonArray theirs = history(since, QStringLiteral("other-integration"));
    QCOMPARE(theirs[0].toObject().value("apiKey").toObject().value("current").toBool(true), false);
    QCOMPARE(theirs[2].toObject().value("apiKey").toObject().value("current").toBool(), true);
    // Ids are not contiguous: never assume +1 steps.
    bool gap = false;
    const QJsonArray all = history(0);
    for (qsizetype i = 1; i < all.size(); ++i)
        gap = gap
            || all[i].toObject().value("id").toInteger() - all[i - 1].toObject().value("id").toInteger() > 1;
    QVERIFY(gap);
    QVERIFY(history(mine.last().toObject().value("id").toInteger()).isEmpty());
    QCOMPARE(
        m_client->get("/api/v5/orders/h-2").object().value("order").toObject().value("status").toString(),
        QStringLiteral("delivering"));
}

void TestRetailSandboxHistory::paymentsCreateEditAndHistory()
{
    const qint64 orderId = createOrder("h-3");
    QVERIFY(orderId > 0);
    TestReply r
        = m_client->postForm("/api/v5/orders/payments/create",
                             { { "payment", R"({"order":{"externalId":"h-3"},"type":"cash","amount":500})" },
                               { "site", "demo-shop" } });
    QCOMPARE(r.status, 201);
    const qint64 paymentId = r.object().value("id").toInteger();
    QVERIFY(paymentId > 0);
    r = m_client->postForm("/api/v5/orders/payments/create",
                           { { "payment", R"({"order":{"externalId":"h-3"},"type":"bitcoin"})" } });
    QCOMPARE(r.status, 400);
    QVERIFY(r.object().value("errors").toObject().contains("payment.type"));
    const qint64 since = history(0).last().toObject().value("id").toInteger();
    r = m_client->postForm(QStringLiteral("/api/v5/orders/payments/%1/edit").arg(paymentId),
                           { { "payment", R"({"status":"paid"})" } });
    QCOMPARE(r.status, 200);
    const QJsonArray entries = history(since);
    QCOMPARE(entries.size(), 1);
    QCOMPARE(entries[0].toObject().value("field").toString(), QStringLiteral("payments.status"));
    QCOMPARE(entries[0].toObject().value("newValue").toObject().value("code").toString(),
             QStringLiteral("paid"));
    QCOMPARE(entries[0].toObject().value("payment").toObject().value("id").toInteger(), paymentId);
    const QJsonObject payments
        = m_client->get("/api/v5/orders/h-3").object().value("order").toObject().value("payments").toObject();
    QCOMPARE(payments.size(), 2);
    QCOMPARE(payments.value(QString::number(paymentId)).toObject().value("status").toString(),
             QStringLiteral("paid"));
    QCOMPARE(m_client->postForm("/api/v5/orders/payments/999999/edit", { { "payment", "{}" } }).status, 404);
}

void TestRetailSandboxHistory::historyFiltersAndPaging()
{
    for (int i = 0; i < 25; ++i)
        QVERIFY(createOrder(QStringLiteral("p-%1").arg(i)) > 0);
    TestReply r = m_client->get("/api/v5/orders/history", { { "limit", "20" } });
    QCOMPARE(r.object().value("history").toArray().size(), 20);
    QCOMPARE(r.object().value("pagination").toObject().value("totalPageCount").toInt(), 2);
    r = m_client->get("/api/v5/orders/history", { { "limit", "20" }, { "page", "2" } });
    QCOMPARE(r.object().value("history").toArray().size(), 5);
    r = m_client->get("/api/v5/orders/history", { { "filter[orderExternalId]", "p-7" } });
    QCOMPARE(r.object().value("history").toArray().size(), 1);
    QCOMPARE(m_client->get("/api/v5/orders/history", { { "limit", "33" } }).status, 400);
}

void TestRetailSandboxHistory::controlSeedAndManagerEdits()
{
    // Orders seeded through the control API are made "in the CRM": a user entry, no apiKey.
    const QJsonObject seeded = m_client->control(
        "seed", { { "orders", QJsonArray { QJsonObject { { "number", "CRM-1" }, { "status", "new" } } } } });
    QVERIFY2(seeded.value("ok").toBool(), QJsonDocument(seeded).toJson().constData());
    const qint64 id = seeded.value("orders").toArray()[0].toInteger();
    QJsonArray entries = history(0);
    QCOMPARE(entries.size(), 1);
    QCOMPARE(entries[0].toObject().value("source").toString(), QStringLiteral("user"));
    QVERIFY(!entries[0].toObject().contains("apiKey"));
    // The shop adopts it with fix-external-ids.
    TestReply r = m_client->postForm("/api/v5/orders/fix-external-ids",
                                     { { "orders",
                                         RetailTestClient::json(QJsonArray {
                                             QJsonObject { { "id", id }, { "externalId", "shop-9" } } }) } });
    QCOMPARE(r.status, 200);
    QCOMPARE(
        m_client->get("/api/v5/orders/shop-9").object().value("order").toObject().value("id").toInteger(),
        id);
    // A manager edits a custom field and the comment.
    const QJsonObject edit
        = m_client->control("manager/order",
                            { { "id", id },
                              { "order",
                                QJsonObject { { "managerComment", QStringLiteral("Позвонить") },
                                              { "customFields", QJsonObject { { "gift", true } } } } } });
    QCOMPARE(edit.value("history_ids").toArray().size(), 2);
    entries = history(entries[0].toObject().value("id").toInteger());
    QStringList fields;
    for (const QJsonValue &v : entries)
        fields.append(v.toObject().value("field").toString());
    fields.sort();
    QCOMPARE(fields, (QStringList { "custom_gift", "manager_comment" }));
    QCOMPARE(
        m_client->control("manager/order-status", { { "id", id }, { "status", "nope" } }).contains("error"),
        true);
}

void TestRetailSandboxHistory::statusTriggerPostsToShop()
{
    // The shop's endpoint, on this thread: the wait below keeps its event loop running.
    QList<QByteArray> bodies;
    Sandbox::HttpServer shop([&bodies](const Sandbox::HttpRequest &request) {
        bodies.append(request.body);
        return Sandbox::HttpResponse::text(200, "ok", "text/plain");
    });
    QVERIFY(shop.listen(QHostAddress::LocalHost, 0));
    const QString url = QStringLiteral("http://127.0.0.1:%1/?action=retailcrm").arg(shop.port());
    QCOMPARE(m_client->control("trigger", { { "url", url }, { "extra", QJsonObject { { "secret", "s1" } } } })
                 .value("url")
                 .toString(),
             url);
    QVERIFY(createOrder("t-1") > 0); // a create is no status change
    QVERIFY(m_client->control("manager/order-status", { { "externalId", "t-1" }, { "status", "complete" } })
                .value("ok")
                .toBool());
    QTRY_COMPARE(bodies.size(), 1);
    const QJsonObject fields = Sandbox::parsePhpQuery(bodies[0]);
    QCOMPARE(fields.value("retailCRM_action").toString(), QStringLiteral("change_status"));
    QCOMPARE(fields.value("status").toString(), QStringLiteral("complete"));
    QCOMPARE(fields.value("order_id").toString(), QStringLiteral("t-1"));
    QCOMPARE(fields.value("site").toString(), QStringLiteral("demo-shop"));
    QCOMPARE(fields.value("secret").toString(), QStringLiteral("s1"));
    QTRY_COMPARE(m_client->control("trigger", {}, "GET")
                     .value("deliveries")
                     .toArray()[0]
                     .toObject()
                     .value("http_status")
                     .toInt(),
                 200);
    // An API status change fires it too.
    QCOMPARE(m_client->postForm("/api/v5/orders/t-1/edit", { { "order", R"({"status":"new"})" } }).status,
             200);
    QTRY_COMPARE(bodies.size(), 2);
}

QTEST_GUILESS_MAIN(TestRetailSandboxHistory)
#include "tst_RetailSandboxHistory.moc"
