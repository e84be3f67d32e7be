// SPDX-License-Identifier: GPL-3.0-or-later
// RetailCRM sandbox conformance: the per-key rate limit answering 503, fault injection, counters.

#include "retailcrm/RetailCrmSandbox.h"
#include "sandbox/tests/RetailTestClient.h"

#include <QTest>

using namespace Sandbox::Testing;
using Sandbox::RetailCrm::RetailCrmSandbox;
using Sandbox::RetailCrm::RetailSandboxOptions;

class TestRetailSandboxLimits : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void overTheRateAnswers503();
    void limitIsPerKey();
    void statusFaultThenRecovery();
    void resetAndThrottleFaults();
    void stateCountsRequests();

private:
    std::unique_ptr<RetailCrmSandbox> m_sandbox;
    std::unique_ptr<RetailTestClient> m_client;
};

void TestRetailSandboxLimits::initTestCase()
{
    RetailSandboxOptions options;
    options.seed = QStringLiteral("demo");
    m_sandbox = std::make_unique<RetailCrmSandbox>(options);
    QString error;
    QVERIFY2(m_sandbox->start(&error), qPrintable(error));
    m_client = std::make_unique<RetailTestClient>(m_sandbox->baseUrl(), m_sandbox->apiKey());
}

void TestRetailSandboxLimits::init()
{
    QVERIFY(m_client->control("reset").value("ok").toBool());
    m_client->control("faults", { { "clear", true } });
    // A slow bucket so the test does not race the wall clock; the sandbox clock refills it.
    QCOMPARE(m_client->control("rate-limit", { { "rate", 0.01 }, { "burst", 5 } }).value("burst").toDouble(),
             5.0);
}

void TestRetailSandboxLimits::overTheRateAnswers503()
{
    int ok = 0;
    int limited = 0;
    for (int i = 0; i < 8; ++i) {
        const TestReply r = m_client->get("/api/v5/reference/statuses");
        if (r.status == 200) {
            ++ok;
        } else {
            QCOMPARE(r.status, 503);
            QCOMPARE(r.object().value("success").toBool(true), false);
            QVERIFY(!r.object().value("errorMsg").toString().isEmpty());
            ++limited;
        }
    }
    QCOMPARE(ok, 5);
    QCOMPARE(limited, 3);
    // 100 s of sandbox time refill one token at 0.01/s.
    m_client->control("clock", { { "advance", 100 } });
    QCOMPARE(m_client->get("/api/v5/reference/statuses").status, 200);
    QCOMPARE(m_client->get("/api/v5/reference/statuses").status, 503);
    m_client->control("rate-limit", { { "rate", 0 } });
    for (int i = 0; i < 20; ++i)
        QCOMPARE(m_client->get("/api/v5/reference/statuses").status, 200);
}

void TestRetailSandboxLimits::limitIsPerKey()
{
    QVERIFY(m_client->control("api-keys", { { "key", "second" } }).value("ok").toBool());
    for (int i = 0; i < 5; ++i)
        QCOMPARE(m_client->get("/api/v5/orders").status, 200);
    QCOMPARE(m_client->get("/api/v5/orders").status, 503);
    RetailTestClient other(m_sandbox->baseUrl(), QStringLiteral("second"));
    QCOMPARE(other.get("/api/v5/orders").status, 200);
}

void TestRetailSandboxLimits::statusFaultThenRecovery()
{
    m_client->control("rate-limit", { { "rate", 0 } });
    const QJsonObject f = m_client->control(
        "faults",
        { { "action", "status" }, { "status", 500 }, { "path", "/api/v5/orders/create" }, { "times", 1 } });
    QCOMPARE(f.value("faults").toArray().size(), 1);
    TestReply r = m_client->postForm("/api/v5/orders/create", { { "order", R"({"externalId":"f-1"})" } });
    QCOMPARE(r.status, 500);
    QCOMPARE(r.object().value("success").toBool(true), false);
    // The fault hit before the handler: nothing was created, and a retry goes through.
    QCOMPARE(m_client->get("/api/v5/orders/f-1").status, 404);
    r = m_client->postForm("/api/v5/orders/create", { { "order", R"({"externalId":"f-1"})" } });
    QCOMPARE(r.status, 201);
    // An nginx page for a gateway error.
    m_client->control("faults", { { "action", "status" }, { "status", 502 }, { "times", 1 } });
    r = m_client->get("/api/v5/orders");
    QCOMPARE(r.status, 502);
    QVERIFY(r.body.contains("<html>"));
}

void TestRetailSandboxLimits::resetAndThrottleFaults()
{
    m_client->control("rate-limit", { { "rate", 0 } });
    // Three in a row: Qt retries a request whose connection dropped, so one reset might go unnoticed.
    m_client->control("faults", { { "action", "reset" }, { "path", "/api/v5/orders" }, { "times", 3 } });
    TestReply r = m_client->get("/api/v5/orders");
    QCOMPARE(r.status, 0);
    QVERIFY(r.error != QNetworkReply::NoError);
    m_client->control("faults", { { "replace", true }, { "action", "429" }, { "times", 1 } });
    r = m_client->get("/api/v5/orders");
    QCOMPARE(r.status, 503); // RetailCRM throttles with 503, never 429
    QCOMPARE(m_client->get("/api/v5/orders").status, 200);
    // Big batches fail with min_batch, small ones pass.
    m_client->control("faults",
                      { { "replace", true }, { "action", "status" }, { "status", 504 }, { "min_batch", 3 } });
    const QJsonArray three { QJsonObject { { "externalId", "b1" } }, QJsonObject { { "externalId", "b2" } },
                             QJsonObject { { "externalId", "b3" } } };
    QCOMPARE(
        m_client->postForm("/api/v5/orders/upload", { { "orders", RetailTestClient::json(three) } }).status,
        504);
    QCOMPARE(m_client
                 ->postForm("/api/v5/orders/upload",
                            { { "orders", RetailTestClient::json(QJsonArray { three[0] }) } })
                 .status,
             201);
}

void TestRetailSandboxLimits::stateCountsRequests()
{
    m_client->control("rate-limit", { { "rate", 0 } });
    m_client->get("/api/v5/orders");
    m_client->get("/api/v5/orders");
    m_client->get("/api/v5/nothing");
    const QJsonObject state = m_client->control("state", {}, "GET");
    QCOMPARE(state.value("crm").toString(), QStringLiteral("retailcrm"));
    const QJsonObject counters = state.value("counters").toObject();
    QVERIFY2(QJsonDocument(counters).toJson().contains("GET /api/v5/orders"),
             QJsonDocument(counters).toJson().constData());
    QCOMPARE(state.value("api_keys").toObject().size(), 1);
    QVERIFY(state.value("sites").toObject().contains("demo-shop"));
}

QTEST_GUILESS_MAIN(TestRetailSandboxLimits)
#include "tst_RetailSandboxLimits.moc"
