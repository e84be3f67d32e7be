// SPDX-License-Identifier: GPL-3.0-or-later
// MoySklad sandbox conformance: the 45-units-per-3-s budget and its headers, 429 with 1049 and 1073,
// request weights, the automatic API switch-off and the counters a test reads.

#include "moysklad/MoySkladSandbox.h"
#include "sandbox/tests/MoySkladTestClient.h"

#include <QTest>

using namespace Sandbox::Testing;
using Sandbox::MoySklad::MoySkladSandbox;
using Sandbox::MoySklad::MoySkladSandboxOptions;

class TestMoySkladSandboxLimits : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void fortyFivePerThreeSeconds();
    void headersCountDown();
    void weightOfUserRequests();
    void parallelLimitAnswers1073();
    void many429sSwitchTheApiOff();
    void repeatedPutsSwitchTheApiOff();
    void countersSeeThePeak();

private:
    std::unique_ptr<MoySkladSandbox> m_sandbox;
    std::unique_ptr<MoySkladTestClient> m_client;
};

void TestMoySkladSandboxLimits::initTestCase()
{
    MoySkladSandboxOptions options;
    options.seed = QStringLiteral("demo");
    m_sandbox = std::make_unique<MoySkladSandbox>(options);
    QString error;
    QVERIFY2(m_sandbox->start(&error), qPrintable(error));
    m_client = std::make_unique<MoySkladTestClient>(m_sandbox->baseUrl());
    m_client->basic = (m_sandbox->login() + ':' + m_sandbox->password()).toUtf8();
}

void TestMoySkladSandboxLimits::init()
{
    QVERIFY(m_client->control("reset").value("ok").toBool());
    m_client->control("faults", { { "clear", true } });
    // A long window: the test's own pace cannot free units; the sandbox clock does it.
    m_client->control("rate-limit",
                      { { "budget", 45 },
                        { "weight", 1 },
                        { "window_ms", 600000 },
                        { "ban_after_429s", 200 },
                        { "ban_after_puts", 100 } });
}

void TestMoySkladSandboxLimits::fortyFivePerThreeSeconds()
{
    int ok = 0;
    MsReply limited;
    for (int i = 0; i < 50; ++i) {
        const MsReply r = m_client->get("/entity/product?limit=1");
        if (r.status == 200)
            ++ok;
        else if (limited.status == 0)
            limited = r;
    }
    QCOMPARE(ok, 45);
    QCOMPARE(limited.status, 429);
    QCOMPARE(limited.firstError().value("code").toInt(), 1049);
    QCOMPARE(limited.header("X-RateLimit-Remaining"), QByteArray("0"));
    QVERIFY(limited.header("X-Lognex-Retry-After").toLongLong() > 0);
    QVERIFY(limited.header("X-Lognex-Reset").toLongLong() > 0);
    // Once the window has passed (sandbox clock), requests go through again.
    m_client->control("clock", { { "advance", 601 } });
    QCOMPARE(m_client->get("/entity/product?limit=1").status, 200);
    const QJsonObject budget = m_client->control("state", {}, "GET").value("budget").toObject();
    QCOMPARE(budget.value("rejected_429").toInt(), 5);
    QCOMPARE(budget.value("requests").toInt(), 51);
}

void TestMoySkladSandboxLimits::headersCountDown()
{
    const MsReply first = m_client->get("/entity/counterparty");
    QCOMPARE(first.header("X-RateLimit-Limit"), QByteArray("45"));
    QCOMPARE(first.header("X-RateLimit-Remaining"), QByteArray("44"));
    QCOMPARE(first.header("X-Lognex-Retry-TimeInterval"), QByteArray("600000"));
    const MsReply second = m_client->get("/entity/counterparty");
    QCOMPARE(second.header("X-RateLimit-Remaining"), QByteArray("43"));
    QVERIFY(second.header("X-Lognex-Reset").toLongLong() <= 600000);
    QVERIFY(second.header("X-Lognex-Retry-After").isEmpty());
    // The budget is counted per user: a token of the same user shares it.
    const MsReply token = m_client->send("POST", "/security/token");
    QCOMPARE(token.header("X-RateLimit-Remaining"), QByteArray("42"));
}

void TestMoySkladSandboxLimits::weightOfUserRequests()
{
    // Since 2026-12-01 a request by a user's login or token costs 4 units: 11 requests per window.
    m_client->control("rate-limit", { { "weight", 4 } });
    int ok = 0;
    MsReply last;
    for (int i = 0; i < 14; ++i) {
        last = m_client->get("/entity/product?limit=1");
        ok += last.status == 200 ? 1 : 0;
    }
    QCOMPARE(ok, 11);
    QCOMPARE(last.status, 429);
    QCOMPARE(last.header("X-RateLimit-Limit"), QByteArray("11"));
}

void TestMoySkladSandboxLimits::parallelLimitAnswers1073()
{
    m_client->control("faults",
                      { { "action", "429" }, { "path", "/api/remap/1.2/entity/product" }, { "times", 1 } });
    const MsReply r = m_client->get("/entity/product");
    QCOMPARE(r.status, 429);
    QCOMPARE(r.firstError().value("code").toInt(), 1073);
    QCOMPARE(m_client->get("/entity/product").status, 200);
}

void TestMoySkladSandboxLimits::many429sSwitchTheApiOff()
{
    m_client->control("rate-limit", { { "budget", 2 }, { "ban_after_429s", 5 } });
    QList<int> statuses;
    for (int i = 0; i < 10; ++i)
        statuses.append(m_client->get("/entity/product?limit=1").status);
    QCOMPARE(statuses.mid(0, 2), (QList<int> { 200, 200 }));
    QCOMPARE(statuses.count(429), 6); // the sixth 429 in a minute is one too many
    const MsReply off = m_client->get("/entity/product?limit=1");
    QCOMPARE(off.status, 403);
    QCOMPARE(off.firstError().value("code").toInt(), 1061);
    // It stays off after the window, until support (the control API) turns it back on.
    m_client->control("clock", { { "advance", 3600 } });
    QCOMPARE(m_client->get("/entity/product?limit=1").status, 403);
    QVERIFY(m_client->control("state", {}, "GET").value("budget").toObject().value("banned").toBool());
    m_client->control("unban");
    QCOMPARE(m_client->get("/entity/product?limit=1").status, 200);
}

void TestMoySkladSandboxLimits::repeatedPutsSwitchTheApiOff()
{
    m_client->control("rate-limit", { { "budget", 0 }, { "ban_after_puts", 3 } });
    const QString id = m_client->get("/entity/product?limit=1")
                           .object()
                           .value("rows")
                           .toArray()
                           .first()
                           .toObject()
                           .value("id")
                           .toString();
    for (int i = 0; i < 4; ++i)
        QCOMPARE(m_client->put("/entity/product/" + id, { { "description", QString::number(i) } }).status,
                 200);
    QCOMPARE(m_client->put("/entity/product/" + id, { { "description", "again" } }).status, 403);
    const QJsonObject budget = m_client->control("state", {}, "GET").value("budget").toObject();
    QVERIFY(budget.value("ban_reason").toString().contains("PUT"));
}

void TestMoySkladSandboxLimits::countersSeeThePeak()
{
    for (int i = 0; i < 47; ++i)
        m_client->get("/entity/counterparty?limit=1");
    const QJsonObject state = m_client->control("state", {}, "GET");
    const QJsonObject budget = state.value("budget").toObject();
    QCOMPARE(budget.value("peak_units_per_window").toInt(), 47); // what was asked, admitted or not
    QCOMPARE(budget.value("rejected_429").toInt(), 2);
    const QJsonObject counters = state.value("counters").toObject();
    QCOMPARE(counters.value("by_status").toObject().value("429").toInt(), 2);
    QCOMPARE(counters.value("by_endpoint").toObject().value("GET /api/remap/1.2/entity/counterparty").toInt(),
             47);
}

QTEST_GUILESS_MAIN(TestMoySkladSandboxLimits)
#include "tst_MoySkladSandboxLimits.moc"
