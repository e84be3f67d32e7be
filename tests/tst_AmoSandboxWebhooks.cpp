// SPDX-License-Identifier: GPL-3.0-or-later
// Conformance of the amoCRM sandbox's webhooks: the legacy form-encoded payload (Cyrillic, '+' for
// spaces, string values), the retry schedule on the sandbox clock, the 2 s deadline and auto-disable.

#include "amocrm/AmoCrmSandbox.h"
#include "common/HttpServer.h"
#include "common/QueryParams.h"
#include "sandbox/tests/DemoAmoSandbox.h"
#include "sandbox/tests/SandboxTestClient.h"

#include <QTest>

using namespace Sandbox;
using namespace Sandbox::AmoCrm;
using namespace Sandbox::Testing;

class TestAmoSandboxWebhooks : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void addAndStatusPayloads();
    void retryScheduleFollowsTheClock();
    void noLateRetriesAfterClientErrors();
    void timeoutCountsAs499();
    void autoDisableAfterHundredInvalid();
    void subscriptionApi();

private:
    QString subscribe(const QJsonArray &settings);
    qint64 addLead(const QString &name);
    QMap<QString, QString> form(int index) const;
    QJsonArray deliveries()
    {
        return m_client->control("webhook-deliveries", {}, "GET").value("deliveries").toArray();
    }

    /** Waits until the receiver got @p count posts and the sandbox has settled (and scheduled) each of them.
     */
    bool waitAttempts(int count);

    std::unique_ptr<AmoCrmSandbox> m_sandbox;
    std::unique_ptr<SandboxTestClient> m_client;
    std::unique_ptr<HttpServer> m_receiver;
    QList<HttpRequest> m_received;
    int m_answer = 200;
    int m_answerDelayMs = 0;
};

void TestAmoSandboxWebhooks::initTestCase()
{
    // The receiver lives on the test thread; the sandbox posts to it from its own thread.
    m_receiver = std::make_unique<HttpServer>([this](const HttpRequest &request) {
        m_received.append(request);
        HttpResponse response = HttpResponse::text(m_answer, "ok", "text/plain");
        response.delayMs = m_answerDelayMs;
        return response;
    });
    QVERIFY(m_receiver->listen(QHostAddress::LocalHost, 0));
    QString error;
    QVERIFY2(Sandbox::Testing::startDemoAmoSandbox(m_sandbox, m_client, &error), qPrintable(error));
}

void TestAmoSandboxWebhooks::init()
{
    m_client->control("reset", { { "seed", "demo" } });
    m_client->control("integration", { { "webhook_timeout_ms", 2000 } });
    m_client->authorize(m_sandbox->readyInfo());
    m_received.clear();
    m_answer = 200;
    m_answerDelayMs = 0;
}

QString TestAmoSandboxWebhooks::subscribe(const QJsonArray &settings)
{
    const QString destination
        = QStringLiteral("http://127.0.0.1:%1/hooks/amo?secret=s3").arg(m_receiver->port());
    const TestReply reply = m_client->post(
        "/api/v4/webhooks", QJsonObject { { "destination", destination }, { "settings", settings } });
    [&] { QCOMPARE(reply.status, 200); }();
    return destination;
}

qint64 TestAmoSandboxWebhooks::addLead(const QString &name)
{
    return m_client->post("/api/v4/leads", QJsonArray { QJsonObject { { "name", name }, { "price", 1500 } } })
        .object()
        .value("_embedded")
        .toObject()
        .value("leads")
        .toArray()[0]
        .toObject()
        .value("id")
        .toInteger();
}

bool TestAmoSandboxWebhooks::waitAttempts(int count)
{
    // The receiver sees a post before the sandbox has read the answer and scheduled the retry; moving
    // the clock in between would schedule the retry from the moved time.
    return QTest::qWaitFor([&] { return m_received.size() >= count; }, 5000) && m_received.size() == count
        && QTest::qWaitFor([&] { return deliveries().size() >= count; }, 5000)
        && deliveries().size() == count;
}

QMap<QString, QString> TestAmoSandboxWebhooks::form(int index) const
{
    QMap<QString, QString> out;
    for (const auto &[key, value] : parseFormPairs(m_received.value(index).body))
        out.insert(key, value);
    return out;
}

void TestAmoSandboxWebhooks::addAndStatusPayloads()
{
    subscribe({ "add_lead", "status_lead" });
    const qint64 id = addLead(QStringLiteral("Заказ с сайта №5"));
    QTRY_COMPARE_WITH_TIMEOUT(m_received.size(), 1, 5000);
    const HttpRequest &request = m_received[0];
    QCOMPARE(request.method, QByteArray("POST"));
    QCOMPARE(request.path, QStringLiteral("/hooks/amo"));
    QVERIFY(request.header("content-type").startsWith("application/x-www-form-urlencoded"));
    // PHP-style encoding: brackets and UTF-8 percent-encoded, '+' for spaces.
    QVERIFY(request.body.contains("leads%5Badd%5D%5B0%5D%5Bname%5D=%D0%97%D0%B0%D0%BA%D0%B0%D0%B7+%D1%81+"));
    QVERIFY(!request.body.contains(' '));
    QMap<QString, QString> added = form(0);
    QCOMPARE(added.value("leads[add][0][id]"), QString::number(id));
    QCOMPARE(added.value("leads[add][0][name]"), QStringLiteral("Заказ с сайта №5"));
    QCOMPARE(added.value("leads[add][0][price]"), QStringLiteral("1500"));
    QCOMPARE(added.value("account[subdomain]"), QStringLiteral("sandbox"));
    QCOMPARE(added.value("account[id]"), QStringLiteral("31234567"));

    const QJsonObject lead = m_client->get(QStringLiteral("/api/v4/leads/%1").arg(id)).object();
    const qint64 pipeline = lead.value("pipeline_id").toInteger();
    const qint64 oldStatus = lead.value("status_id").toInteger();
    m_client->control("manager/lead-status",
                      { { "lead_id", id }, { "pipeline_id", pipeline }, { "status_id", 142 } });
    QTRY_COMPARE_WITH_TIMEOUT(m_received.size(), 2, 5000);
    const QMap<QString, QString> status = form(1);
    QCOMPARE(status.value("leads[status][0][id]"), QString::number(id));
    QCOMPARE(status.value("leads[status][0][status_id]"), QStringLiteral("142"));
    QCOMPARE(status.value("leads[status][0][old_status_id]"), QString::number(oldStatus));
    QCOMPARE(status.value("leads[status][0][pipeline_id]"), QString::number(pipeline));
    QCOMPARE(status.value("leads[status][0][old_pipeline_id]"), QString::number(pipeline));
    QCOMPARE(status.value("account[id]"), QStringLiteral("31234567"));
    // Not subscribed to update_lead: nothing else arrives.
    QTest::qWait(200);
    QCOMPARE(m_received.size(), 2);
}

void TestAmoSandboxWebhooks::retryScheduleFollowsTheClock()
{
    m_answer = 500;
    subscribe({ "add_lead" });
    addLead(QStringLiteral("retry"));
    QVERIFY(waitAttempts(1));
    m_client->control("clock", { { "advance", 299 } });
    QTest::qWait(150);
    QCOMPARE(m_received.size(), 1);
    const QList<int> delays { 1, 900, 900, 3600 };
    for (int i = 0; i < delays.size(); ++i) {
        m_client->control("clock", { { "advance", delays[i] } });
        QVERIFY(waitAttempts(i + 2));
    }
    m_client->control("clock", { { "advance", 86400 } });
    QTest::qWait(150);
    QCOMPARE(m_received.size(), 5);
    const QJsonArray log = deliveries();
    QCOMPARE(log.size(), 5);
    QCOMPARE(log[4].toObject().value("attempt").toInt(), 5);
    QCOMPARE(log[4].toObject().value("status").toInt(), 500);
    QVERIFY(!log[4].toObject().contains("next_attempt_at"));
    // The same body every time.
    QCOMPARE(m_received[4].body, m_received[0].body);
}

void TestAmoSandboxWebhooks::noLateRetriesAfterClientErrors()
{
    m_answer = 404;
    subscribe({ "add_lead" });
    addLead(QStringLiteral("gone"));
    QVERIFY(waitAttempts(1));
    m_client->control("clock", { { "advance", 300 } });
    QVERIFY(waitAttempts(2));
    m_client->control("clock", { { "advance", 900 } });
    QVERIFY(waitAttempts(3));
    m_client->control("clock", { { "advance", 5000 } });
    QTest::qWait(150);
    QCOMPARE(m_received.size(), 3);

    m_answer = 200;
    m_client->control("clock", { { "advance", 10 } });
    addLead(QStringLiteral("fine"));
    QVERIFY(waitAttempts(4));
    m_client->control("clock", { { "advance", 7200 } });
    QTest::qWait(150);
    QCOMPARE(m_received.size(), 4);
}

void TestAmoSandboxWebhooks::timeoutCountsAs499()
{
    m_client->control("integration", { { "webhook_timeout_ms", 300 } });
    m_answerDelayMs = 1000;
    subscribe({ "add_lead" });
    addLead(QStringLiteral("slow receiver"));
    QTRY_VERIFY_WITH_TIMEOUT(!deliveries().isEmpty(), 5000);
    const QJsonObject first = deliveries()[0].toObject();
    QCOMPARE(first.value("status").toInt(), 499);
    QCOMPARE(first.value("valid").toBool(), false);
    QVERIFY(first.contains("next_attempt_at"));
}

void TestAmoSandboxWebhooks::autoDisableAfterHundredInvalid()
{
    m_answer = 500;
    subscribe({ "add_lead" });
    QJsonArray leads;
    for (int i = 0; i < 101; ++i)
        leads.append(QJsonObject { { "name", QStringLiteral("Заказ %1").arg(i) } });
    QCOMPARE(m_client->post("/api/v4/leads", leads).status, 200);
    QTRY_COMPARE_WITH_TIMEOUT(m_received.size(), 101, 15000);
    QTRY_VERIFY_WITH_TIMEOUT(m_client->get("/api/v4/webhooks")
                                 .object()
                                 .value("_embedded")
                                 .toObject()
                                 .value("webhooks")
                                 .toArray()[0]
                                 .toObject()
                                 .value("disabled")
                                 .toBool(),
                             5000);
    // Disabled: no new deliveries and no pending retries.
    addLead(QStringLiteral("after"));
    m_client->control("clock", { { "advance", 400 } });
    QTest::qWait(200);
    QCOMPARE(m_received.size(), 101);
    // Saving the webhook again re-enables it.
    subscribe({ "add_lead" });
    m_answer = 200;
    addLead(QStringLiteral("again"));
    QTRY_COMPARE_WITH_TIMEOUT(m_received.size(), 102, 5000);
}

void TestAmoSandboxWebhooks::subscriptionApi()
{
    const QString destination = subscribe({ "add_lead", "update_lead" });
    const TestReply list
        = m_client->get("/api/v4/webhooks?filter[destination]=" + SandboxTestClient::enc(destination));
    QCOMPARE(list.status, 200);
    const QJsonObject hook
        = list.object().value("_embedded").toObject().value("webhooks").toArray()[0].toObject();
    QCOMPARE(hook.value("settings").toArray(), (QJsonArray { "add_lead", "update_lead" }));
    QCOMPARE(hook.value("disabled").toBool(), false);
    QCOMPARE(
        m_client
            ->post("/api/v4/webhooks",
                   QJsonObject { { "destination", "not a url" }, { "settings", QJsonArray { "add_lead" } } })
            .status,
        400);
    QCOMPARE(
        m_client
            ->post("/api/v4/webhooks",
                   QJsonObject { { "destination", destination }, { "settings", QJsonArray { "add_lemon" } } })
            .status,
        400);
    QCOMPARE(m_client
                 ->send("DELETE", "/api/v4/webhooks",
                        SandboxTestClient::toBytes(QJsonObject { { "destination", destination } }))
                 .status,
             204);
    QCOMPARE(m_client->get("/api/v4/webhooks").status, 204);
}

QTEST_GUILESS_MAIN(TestAmoSandboxWebhooks)
#include "tst_AmoSandboxWebhooks.moc"
