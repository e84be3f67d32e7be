// SPDX-License-Identifier: GPL-3.0-or-later
// Conformance of the amoCRM sandbox's limits and faults: 429 with retry_after (sometimes HTML), the
// 403 block after repeated violations, counters, and injected 5xx, resets, slow replies and 504s.

#include "amocrm/AmoCrmSandbox.h"
#include "sandbox/tests/SandboxTestClient.h"

#include <QTest>

using namespace Sandbox::AmoCrm;
using namespace Sandbox::Testing;

class TestAmoSandboxLimits : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void rateLimitThenBlock();
    void every429CanBeHtml();
    void countersSeeEverything();
    void failingEndpointWithTraceId();
    void connectionReset();
    void slowReply();
    void bigBatchGets504();
    void storm();

private:
    QList<TestReply> burst(int count, const QString &path);

    std::unique_ptr<AmoCrmSandbox> m_sandbox;
    std::unique_ptr<SandboxTestClient> m_client;
};

void TestAmoSandboxLimits::initTestCase()
{
    AmoSandboxOptions options;
    options.rate = 0;
    m_sandbox = std::make_unique<AmoCrmSandbox>(options);
    QString error;
    QVERIFY2(m_sandbox->start(&error), qPrintable(error));
    m_client = std::make_unique<SandboxTestClient>(m_sandbox->baseUrl());
}

void TestAmoSandboxLimits::init()
{
    m_client->control("reset");
    m_client->control("account", { { "rate", 0 }, { "reset_limiter", true } });
    m_client->authorize(m_sandbox->readyInfo());
}

QList<TestReply> TestAmoSandboxLimits::burst(int count, const QString &path)
{
    // Parallel requests through one manager (up to 6 connections), like an impatient client.
    QNetworkAccessManager network;
    network.setProxy(QNetworkProxy::NoProxy);
    QList<QNetworkReply *> replies;
    for (int i = 0; i < count; ++i) {
        QNetworkRequest request(QUrl(m_sandbox->baseUrl().toString() + path));
        request.setRawHeader("Authorization", "Bearer " + m_client->token.toLatin1());
        replies.append(network.get(request));
    }
    QList<TestReply> out;
    for (QNetworkReply *reply : replies) {
        if (!reply->isFinished())
            QSignalSpy(reply, &QNetworkReply::finished).wait(10000);
        TestReply r;
        r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        r.body = reply->readAll();
        r.contentType = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
        out.append(r);
        delete reply;
    }
    return out;
}

void TestAmoSandboxLimits::rateLimitThenBlock()
{
    m_client->control("account",
                      { { "rate", 7 },
                        { "html_429_every", 0 },
                        { "violation_threshold", 10 },
                        { "violation_window", 10 },
                        { "block_seconds", 120 },
                        { "reset_limiter", true } });
    const QList<TestReply> replies = burst(30, "/api/v4/account");
    int ok = 0, limited = 0, blocked = 0;
    for (const TestReply &r : replies) {
        if (r.status == 200) {
            ++ok;
        } else if (r.status == 429) {
            ++limited;
            QVERIFY(r.contentType.startsWith("application/problem+json"));
            QCOMPARE(r.object().value("retry_after").toInt(), 1);
        } else if (r.status == 403) {
            ++blocked;
            QVERIFY(r.contentType.startsWith("text/html"));
        }
    }
    // Seven from the full bucket, plus whatever refilled while the burst was in flight.
    QVERIFY2(ok >= 7 && ok <= 15, qPrintable(QString::number(ok)));
    QCOMPARE(limited, 9);
    QCOMPARE(ok + limited + blocked, 30);
    QVERIFY(blocked > 0);

    // The block holds for every request, the token endpoint included, until it runs out.
    m_client->control("clock", { { "advance", 60 } });
    QCOMPARE(m_client->get("/api/v4/account").status, 403);
    QCOMPARE(m_client->send("POST", "/oauth2/access_token", "{}").status, 403);
    QVERIFY(m_client->control("state", {}, "GET").value("rate_limit").toObject().value("blocked").toBool());
    m_client->control("clock", { { "advance", 61 } });
    QCOMPARE(m_client->get("/api/v4/account").status, 200);
}

void TestAmoSandboxLimits::every429CanBeHtml()
{
    m_client->control("account",
                      { { "rate", 1 },
                        { "html_429_every", 2 },
                        { "violation_threshold", 100 },
                        { "reset_limiter", true } });
    QCOMPARE(m_client->get("/api/v4/account").status, 200);
    const TestReply json = m_client->get("/api/v4/account");
    const TestReply html = m_client->get("/api/v4/account");
    QCOMPARE(json.status, 429);
    QVERIFY(json.contentType.startsWith("application/problem+json"));
    QVERIFY(json.object().contains("retry_after"));
    QCOMPARE(html.status, 429);
    QVERIFY(html.contentType.startsWith("text/html"));
    QVERIFY(QJsonDocument::fromJson(html.body).isNull());
}

void TestAmoSandboxLimits::countersSeeEverything()
{
    burst(20, "/api/v4/leads");
    m_client->get("/api/v4/nothing");
    const QJsonObject counters = m_client->control("state", {}, "GET").value("counters").toObject();
    QVERIFY(counters.value("total").toInt() >= 22);
    QCOMPARE(counters.value("by_endpoint").toObject().value("GET /api/v4/leads").toInt(), 20);
    QCOMPARE(counters.value("by_status").toObject().value("404").toInt(), 1);
    QVERIFY2(counters.value("max_rps").toInt() >= 20,
             qPrintable(QString::number(counters.value("max_rps").toInt())));
}

void TestAmoSandboxLimits::failingEndpointWithTraceId()
{
    m_client->control("faults",
                      { { "rules",
                          QJsonArray { QJsonObject { { "action", "status" },
                                                     { "status", 500 },
                                                     { "method", "POST" },
                                                     { "path", "/api/v4/leads" },
                                                     { "times", 2 } } } } });
    const QJsonArray body { QJsonObject { { "name", "x" } } };
    for (int i = 0; i < 2; ++i) {
        const TestReply failed = m_client->post("/api/v4/leads", body);
        QCOMPARE(failed.status, 500);
        QCOMPARE(failed.object().value("title").toString(), QStringLiteral("ErrInternalServer"));
        QVERIFY(!failed.object().value("trace_id").toString().isEmpty());
    }
    QCOMPARE(m_client->get("/api/v4/account").status, 200);
    QCOMPARE(m_client->post("/api/v4/leads", body).status, 200);
}

void TestAmoSandboxLimits::connectionReset()
{
    // Three in a row: Qt retries a request whose connection dropped, so one reset might go unnoticed.
    m_client->control("faults", { { "action", "reset" }, { "path", "/api/v4/account" }, { "times", 3 } });
    const TestReply reset = m_client->get("/api/v4/account");
    QCOMPARE(reset.status, 0);
    QVERIFY(reset.error != QNetworkReply::NoError);
    m_client->control("faults", { { "clear", true } });
    QCOMPARE(m_client->get("/api/v4/account").status, 200);
}

void TestAmoSandboxLimits::slowReply()
{
    m_client->control("faults", { { "action", "slow" }, { "delay_ms", 700 }, { "times", 1 } });
    const TestReply slow = m_client->get("/api/v4/account");
    QCOMPARE(slow.status, 200);
    QVERIFY2(slow.elapsedMs >= 650, qPrintable(QString::number(slow.elapsedMs)));
    const TestReply fast = m_client->get("/api/v4/account");
    QVERIFY(fast.elapsedMs < 650);
}

void TestAmoSandboxLimits::bigBatchGets504()
{
    m_client->control("faults", { { "profile", "big-batches" } });
    QJsonArray leads;
    for (int i = 0; i < 60; ++i)
        leads.append(QJsonObject { { "name", QStringLiteral("L%1").arg(i) } });
    const TestReply big = m_client->post("/api/v4/leads", leads);
    QCOMPARE(big.status, 504);
    QVERIFY(big.contentType.startsWith("text/html"));
    while (leads.size() > 50)
        leads.removeLast();
    QCOMPARE(m_client->post("/api/v4/leads", leads).status, 200);
}

void TestAmoSandboxLimits::storm()
{
    m_client->control("faults", { { "profile", "storm" } });
    QList<int> statuses;
    for (int i = 0; i < 27; ++i)
        statuses << m_client->get("/api/v4/account").status;
    QCOMPARE(statuses.mid(0, 5), QList<int>(5, 200));
    QCOMPARE(statuses.mid(5, 20), QList<int>(20, 429));
    QCOMPARE(statuses.mid(25), QList<int>(2, 200));
}

QTEST_GUILESS_MAIN(TestAmoSandboxLimits)
#include "tst_AmoSandboxLimits.moc"
