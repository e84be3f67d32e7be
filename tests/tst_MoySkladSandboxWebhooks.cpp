// SPDX-License-Identifier: GPL-3.0-or-later
// MoySklad sandbox conformance: webhooks — hrefs only with requestId, updatedFields for diffType FIELDS,
// three immediate retries with the same requestId when the receiver is slow, muting by
// X-Lognex-WebHook-DisableByPrefix, the limits on webhook definitions, changes made in the web UI.

#include "common/HttpServer.h"
#include "moysklad/MoySkladSandbox.h"
#include "sandbox/tests/MoySkladTestClient.h"

#include <QTest>
#include <QUrlQuery>

using namespace Sandbox::Testing;
using Sandbox::HttpRequest;
using Sandbox::HttpResponse;
using Sandbox::MoySklad::MoySkladSandbox;
using Sandbox::MoySklad::MoySkladSandboxOptions;

class TestMoySkladSandboxWebhooks : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void createSendsHrefOnly();
    void updateWithFieldsDiff();
    void slowReceiverGetsThreeRetries();
    void disableByPrefixMutesOwnWrites();
    void webhookDefinitionRules();
    void userInterfaceChangesFire();

private:
    void addHook(const QString &entityType, const QString &action, const QString &path = "/hook",
                 const QString &diffType = {});
    QString receiverUrl(const QString &path) const
    {
        return QStringLiteral("http://127.0.0.1:%1%2").arg(m_receiver->port()).arg(path);
    }
    QJsonObject agentLink();

    std::unique_ptr<MoySkladSandbox> m_sandbox;
    std::unique_ptr<MoySkladTestClient> m_client;
    std::unique_ptr<Sandbox::HttpServer> m_receiver;
    QList<HttpRequest> m_received;
    int m_replyDelayMs = 0;
};

void TestMoySkladSandboxWebhooks::initTestCase()
{
    MoySkladSandboxOptions options;
    options.seed = QStringLiteral("demo");
    options.budget = 0;
    m_sandbox = std::make_unique<MoySkladSandbox>(options);
    QString error;
    QVERIFY2(m_sandbox->start(&error), qPrintable(error));
    m_client = std::make_unique<MoySkladTestClient>(m_sandbox->baseUrl(), m_sandbox->token());
    m_receiver = std::make_unique<Sandbox::HttpServer>([this](const HttpRequest &r) {
        m_received.append(r);
        HttpResponse answer = HttpResponse::noContent(200);
        answer.delayMs = m_replyDelayMs;
        return answer;
    });
    QVERIFY(m_receiver->listen(QHostAddress::LocalHost, 0));
}

void TestMoySkladSandboxWebhooks::init()
{
    QVERIFY(m_client->control("reset").value("ok").toBool());
    m_client->basic = (m_sandbox->login() + ':' + m_sandbox->password()).toUtf8();
    m_client->token = m_client->send("POST", "/security/token").object().value("access_token").toString();
    m_client->basic.clear();
    m_received.clear();
    m_replyDelayMs = 0;
    m_client->control("webhooks", { { "timeout_ms", 1500 }, { "clear", true } });
}

void TestMoySkladSandboxWebhooks::addHook(const QString &entityType, const QString &action,
                                          const QString &path, const QString &diffType)
{
    QJsonObject body { { "url", receiverUrl(path) }, { "action", action }, { "entityType", entityType } };
    if (!diffType.isEmpty())
        body.insert("diffType", diffType);
    const MsReply r = m_client->post("/entity/webhook", body);
    QVERIFY2(r.status == 200, r.body.constData());
}

QJsonObject TestMoySkladSandboxWebhooks::agentLink()
{
    const QJsonObject row
        = m_client->get("/entity/counterparty?limit=1").object().value("rows").toArray().first().toObject();
    return QJsonObject { { "meta", row.value("meta") } };
}

void TestMoySkladSandboxWebhooks::createSendsHrefOnly()
{
    addHook("counterparty", "CREATE");
    const MsReply created = m_client->post(
        "/entity/counterparty", QJsonObject { { "name", "Волкова Ирина" }, { "companyType", "individual" } });
    QCOMPARE(created.status, 200);
    QTRY_COMPARE(m_received.size(), 1);
    const HttpRequest &hit = m_received.first();
    QCOMPARE(hit.method, QByteArray("POST"));
    QCOMPARE(hit.path, QStringLiteral("/hook"));
    const QString requestId = QUrlQuery(QString::fromLatin1(hit.rawQuery)).queryItemValue("requestId");
    QVERIFY(!QUuid::fromString(requestId).isNull());
    const QJsonObject body = QJsonDocument::fromJson(hit.body).object();
    const QJsonArray events = body.value("events").toArray();
    QCOMPARE(events.size(), 1);
    const QJsonObject event = events.first().toObject();
    QCOMPARE(event.value("action").toString(), QStringLiteral("CREATE"));
    QCOMPARE(event.value("meta").toObject().value("href"),
             created.object().value("meta").toObject().value("href"));
    QCOMPARE(event.value("meta").toObject().value("type").toString(), QStringLiteral("counterparty"));
    QVERIFY(!event.contains("name")); // only the href: the receiver must GET the object
    QVERIFY(!event.contains("updatedFields"));
    QCOMPARE(body.value("auditContext").toObject().value("uid").toString(), m_sandbox->login());
    QCOMPARE(body.value("auditContext").toObject().value("meta").toObject().value("type").toString(),
             QStringLiteral("audit"));
    // A retail sale is another entity type: this webhook stays quiet.
    m_client->post("/entity/productfolder", QJsonObject { { "name", "Другое" } });
    QTest::qWait(200); // negative check: nothing may arrive; the sender is asynchronous
    QCOMPARE(m_received.size(), 1);
}

void TestMoySkladSandboxWebhooks::updateWithFieldsDiff()
{
    addHook("counterparty", "UPDATE", "/fields", "FIELDS");
    addHook("counterparty", "UPDATE", "/plain");
    const QString id = m_client->get("/entity/counterparty?limit=1")
                           .object()
                           .value("rows")
                           .toArray()
                           .first()
                           .toObject()
                           .value("id")
                           .toString();
    QCOMPARE(m_client
                 ->put("/entity/counterparty/" + id,
                       { { "phone", "+7 900 000-00-00" }, { "email", "new@example.ru" } })
                 .status,
             200);
    QTRY_COMPARE(m_received.size(), 2);
    for (const HttpRequest &hit : std::as_const(m_received)) {
        const QJsonObject event
            = QJsonDocument::fromJson(hit.body).object().value("events").toArray().first().toObject();
        QCOMPARE(event.value("action").toString(), QStringLiteral("UPDATE"));
        if (hit.path == QLatin1String("/fields")) {
            QStringList fields;
            for (const QJsonValue &f : event.value("updatedFields").toArray())
                fields.append(f.toString());
            fields.sort();
            QCOMPARE(fields, (QStringList { "email", "phone" }));
        } else {
            QVERIFY(!event.contains("updatedFields"));
        }
    }
}

void TestMoySkladSandboxWebhooks::slowReceiverGetsThreeRetries()
{
    m_client->control("webhooks", { { "timeout_ms", 300 } });
    m_replyDelayMs = 600;
    addHook("product", "CREATE");
    QCOMPARE(m_client->post("/entity/product", QJsonObject { { "name", "Бленда" } }).status, 200);
    QTRY_COMPARE_WITH_TIMEOUT(m_received.size(), 4, 10000);
    QSet<QByteArray> ids;
    for (const HttpRequest &hit : std::as_const(m_received))
        ids.insert(hit.rawQuery);
    QCOMPARE(ids.size(), 1); // every retry carries the same requestId
    QTRY_COMPARE(m_client->control("webhooks", {}, "GET").value("deliveries").toArray().size(), 4);
    QTest::qWait(1000); // negative check: no fifth attempt; the notification is dropped
    QCOMPARE(m_received.size(), 4);
    const QJsonArray log = m_client->control("webhooks", {}, "GET").value("deliveries").toArray();
    QCOMPARE(log.last().toObject().value("attempt").toInt(), 4);
    QCOMPARE(log.last().toObject().value("delivered").toBool(), false);

    // A quick receiver takes it in one attempt (with the usual 1.5 s, so a loaded machine is not "slow").
    m_received.clear();
    m_replyDelayMs = 0;
    m_client->control("webhooks", { { "timeout_ms", 1500 } });
    QCOMPARE(m_client->post("/entity/product", QJsonObject { { "name", "Фильтр" } }).status, 200);
    QTRY_COMPARE(m_received.size(), 1);
    QTest::qWait(400);
    QCOMPARE(m_received.size(), 1);
}

void TestMoySkladSandboxWebhooks::disableByPrefixMutesOwnWrites()
{
    addHook("counterparty", "CREATE", "/ours/hook");
    addHook("counterparty", "CREATE", "/theirs/hook");
    const QByteArray ours = receiverUrl("/ours").toUtf8();
    QCOMPARE(m_client
                 ->send("POST", "/entity/counterparty", R"({"name":"Без эха"})",
                        { { "X-Lognex-WebHook-DisableByPrefix", ours } })
                 .status,
             200);
    QTRY_COMPARE(m_received.size(), 1);
    QCOMPARE(m_received.first().path, QStringLiteral("/theirs/hook"));
    // A write without the header reaches both.
    QCOMPARE(m_client->post("/entity/counterparty", QJsonObject { { "name", "С эхом" } }).status, 200);
    QTRY_COMPARE(m_received.size(), 3);
    QTRY_COMPARE(m_client->control("webhooks", {}, "GET").value("deliveries").toArray().size(), 3);
    // A bare scheme would mute everybody's webhooks: refused.
    const MsReply bare = m_client->send("POST", "/entity/counterparty", R"({"name":"x"})",
                                        { { "X-Lognex-WebHook-DisableByPrefix", "https://" } });
    QCOMPARE(bare.status, 400);
}

void TestMoySkladSandboxWebhooks::webhookDefinitionRules()
{
    const auto post = [this](const QJsonObject &body) { return m_client->post("/entity/webhook", body); };
    QCOMPARE(
        post({ { "url", receiverUrl("/w") }, { "action", "CREATE" }, { "entityType", "webhook" } }).status,
        412);
    QCOMPARE(
        post({ { "url", receiverUrl("/w") }, { "action", "PROCESSED" }, { "entityType", "product" } }).status,
        412);
    QCOMPARE(post({ { "url", "ftp://x" }, { "action", "CREATE" }, { "entityType", "product" } }).status, 412);
    for (int i = 0; i < 5; ++i)
        QCOMPARE(post({ { "url", receiverUrl("/w" + QString::number(i)) },
                        { "action", "CREATE" },
                        { "entityType", "product" } })
                     .status,
                 200);
    const MsReply sixth
        = post({ { "url", receiverUrl("/w5") }, { "action", "CREATE" }, { "entityType", "product" } });
    QCOMPARE(sixth.status, 412);
    QCOMPARE(
        post({ { "url", receiverUrl("/w5") }, { "action", "UPDATE" }, { "entityType", "product" } }).status,
        200);
    // A disabled webhook stays silent.
    const QJsonArray hooks = m_client->get("/entity/webhook").object().value("rows").toArray();
    QCOMPARE(hooks.size(), 6);
    for (const QJsonValue &h : hooks)
        QCOMPARE(
            m_client->put("/entity/webhook/" + h.toObject().value("id").toString(), { { "enabled", false } })
                .status,
            200);
    m_client->post("/entity/product", QJsonObject { { "name", "Тихо" } });
    QTest::qWait(300); // negative check
    QVERIFY(m_received.isEmpty());
}

void TestMoySkladSandboxWebhooks::userInterfaceChangesFire()
{
    addHook("retaildemand", "CREATE");
    const QJsonObject product
        = m_client->get("/entity/product?limit=1").object().value("rows").toArray().first().toObject();
    const QJsonObject organization
        = m_client->get("/entity/organization").object().value("rows").toArray().first().toObject();
    const QJsonObject sale = m_client->control(
        "ui/retaildemand",
        { { "agent", agentLink() },
          { "organization", QJsonObject { { "meta", organization.value("meta") } } },
          { "positions",
            QJsonArray { QJsonObject { { "assortment", QJsonObject { { "meta", product.value("meta") } } },
                                       { "quantity", 1 },
                                       { "price", 1234500 } } } } });
    QCOMPARE(sale.value("sum").toDouble(), 1234500.0);
    QTRY_COMPARE(m_received.size(), 1);
    const QJsonObject event = QJsonDocument::fromJson(m_received.first().body)
                                  .object()
                                  .value("events")
                                  .toArray()
                                  .first()
                                  .toObject();
    QCOMPARE(event.value("meta").toObject().value("href"), sale.value("meta").toObject().value("href"));
}

QTEST_GUILESS_MAIN(TestMoySkladSandboxWebhooks)
#include "tst_MoySkladSandboxWebhooks.moc"
