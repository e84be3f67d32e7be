// SPDX-License-Identifier: GPL-3.0-or-later
// Conformance of the amoCRM sandbox's OAuth: codes, the refresh grace rule, expiry, long-lived tokens.

#include "amocrm/AmoCrmSandbox.h"
#include "sandbox/tests/SandboxTestClient.h"

#include <QTest>
#include <QUrlQuery>

using namespace Sandbox::AmoCrm;
using namespace Sandbox::Testing;

class TestAmoSandboxOAuth : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void codeExchangeGivesJwtAndWorks();
    void codeIsSingleUse();
    void codeExpiresAfter20Minutes();
    void wrongClientAndRedirect();
    void refreshGraceRule();
    void accessTokenExpires();
    void longLivedTokenAndRevocation();
    void consentPageAllowDeny();
    void autoApproveRedirectAndReferer();
    void badTokensAre401();

private:
    TestReply grant(const QJsonObject &fields);
    TestReply refresh(const QString &refreshToken)
    {
        return grant({ { "grant_type", "refresh_token" }, { "refresh_token", refreshToken } });
    }

    std::unique_ptr<AmoCrmSandbox> m_sandbox;
    std::unique_ptr<SandboxTestClient> m_client;
};

void TestAmoSandboxOAuth::initTestCase()
{
    AmoSandboxOptions options;
    options.rate = 0;
    m_sandbox = std::make_unique<AmoCrmSandbox>(options);
    QString error;
    QVERIFY2(m_sandbox->start(&error), qPrintable(error));
    m_client = std::make_unique<SandboxTestClient>(m_sandbox->baseUrl());
}

void TestAmoSandboxOAuth::init()
{
    m_client->control("reset");
    m_client->control("integration", { { "access_token_ttl", 86400 }, { "auto_approve", false } });
    m_client->token.clear();
}

TestReply TestAmoSandboxOAuth::grant(const QJsonObject &fields)
{
    QJsonObject body { { "client_id", m_sandbox->clientId() },
                       { "client_secret", m_sandbox->clientSecret() },
                       { "redirect_uri", m_sandbox->redirectUri() } };
    for (auto it = fields.begin(); it != fields.end(); ++it)
        body.insert(it.key(), it.value());
    return m_client->send("POST", "/oauth2/access_token", SandboxTestClient::toBytes(body),
                          "application/json", QString());
}

void TestAmoSandboxOAuth::codeExchangeGivesJwtAndWorks()
{
    const QString code = m_client->control("auth-code").value("code").toString();
    QVERIFY(!code.isEmpty());
    const TestReply reply = grant({ { "grant_type", "authorization_code" }, { "code", code } });
    QCOMPARE(reply.status, 200);
    const QJsonObject tokens = reply.object();
    QCOMPARE(tokens.value("token_type").toString(), QStringLiteral("Bearer"));
    QCOMPARE(tokens.value("expires_in").toInt(), 86400);
    QCOMPARE(tokens.value("access_token").toString().split('.').size(), 3);
    QVERIFY(!tokens.value("refresh_token").toString().isEmpty());
    QVERIFY(tokens.value("server_time").toInteger() > 0);
    m_client->token = tokens.value("access_token").toString();
    QCOMPARE(m_client->get("/api/v4/account").status, 200);
}

void TestAmoSandboxOAuth::codeIsSingleUse()
{
    const QString code = m_client->control("auth-code").value("code").toString();
    QCOMPARE(grant({ { "grant_type", "authorization_code" }, { "code", code } }).status, 200);
    const TestReply again = grant({ { "grant_type", "authorization_code" }, { "code", code } });
    QCOMPARE(again.status, 400);
    QVERIFY(again.contentType.startsWith("application/problem+json"));
    QCOMPARE(again.object().value("type").toString(),
             QStringLiteral("https://developers.amocrm.ru/v3/errors/OAuthProblemJson"));
    QCOMPARE(again.object().value("hint").toString(), QStringLiteral("Authorization code has been revoked"));
}

void TestAmoSandboxOAuth::codeExpiresAfter20Minutes()
{
    const QString fresh = m_client->control("auth-code").value("code").toString();
    const QString stale = m_client->control("auth-code").value("code").toString();
    m_client->control("clock", { { "advance", 19 * 60 } });
    QCOMPARE(grant({ { "grant_type", "authorization_code" }, { "code", fresh } }).status, 200);
    m_client->control("clock", { { "advance", 61 } });
    const TestReply reply = grant({ { "grant_type", "authorization_code" }, { "code", stale } });
    QCOMPARE(reply.status, 400);
    QCOMPARE(reply.object().value("hint").toString(), QStringLiteral("Authorization code has expired"));
}

void TestAmoSandboxOAuth::wrongClientAndRedirect()
{
    const QString code = m_client->control("auth-code").value("code").toString();
    const TestReply badSecret
        = grant({ { "grant_type", "authorization_code" }, { "code", code }, { "client_secret", "nope" } });
    QCOMPARE(badSecret.status, 401);
    QCOMPARE(badSecret.object().value("title").toString(), QStringLiteral("Некорректный клиент"));
    const TestReply badRedirect = grant(
        { { "grant_type", "authorization_code" }, { "code", code }, { "redirect_uri", "http://evil/" } });
    QCOMPARE(badRedirect.status, 400);
    // Neither failure used the code up.
    QCOMPARE(grant({ { "grant_type", "authorization_code" }, { "code", code } }).status, 200);
}

void TestAmoSandboxOAuth::refreshGraceRule()
{
    const QJsonObject first = m_client->authorize(m_sandbox->readyInfo());
    const QString r1 = first.value("refresh_token").toString();

    // The answer to this refresh is "lost": the client retries with the same old token, which still works.
    const TestReply lost = refresh(r1);
    QCOMPARE(lost.status, 200);
    const QString r2 = lost.object().value("refresh_token").toString();
    QVERIFY(r2 != r1);
    const TestReply retried = refresh(r1);
    QCOMPARE(retried.status, 200);
    const QString a3 = retried.object().value("access_token").toString();
    const QString r3 = retried.object().value("refresh_token").toString();

    // First use of the new pair ends the grace period of r1 and kills the other branch (r2).
    m_client->token = a3;
    QCOMPARE(m_client->get("/api/v4/account").status, 200);
    for (const QString &dead : { r1, r2 }) {
        const TestReply reused = refresh(dead);
        QCOMPARE(reused.status, 401);
        QVERIFY(reused.contentType.startsWith("application/problem+json"));
        QCOMPARE(reused.object().value("type").toString(),
                 QStringLiteral("https://developers.amocrm.ru/v3/errors/OAuthProblemJson"));
        QCOMPARE(reused.object().value("hint").toString(), QStringLiteral("Token has been revoked"));
    }
    // The surviving refresh token rotates again; using the new refresh token also ends r3's grace.
    const TestReply next = refresh(r3);
    QCOMPARE(next.status, 200);
    QCOMPARE(refresh(next.object().value("refresh_token").toString()).status, 200);
    QCOMPARE(refresh(r3).status, 401);
}

void TestAmoSandboxOAuth::accessTokenExpires()
{
    m_client->control("integration", { { "access_token_ttl", 60 } });
    const QJsonObject tokens = m_client->authorize(m_sandbox->readyInfo());
    QCOMPARE(tokens.value("expires_in").toInt(), 60);
    QCOMPARE(m_client->get("/api/v4/account").status, 200);
    m_client->control("clock", { { "advance", 61 } });
    const TestReply expired = m_client->get("/api/v4/account");
    QCOMPARE(expired.status, 401);
    QVERIFY(expired.contentType.startsWith("application/problem+json"));
    const TestReply renewed = refresh(tokens.value("refresh_token").toString());
    QCOMPARE(renewed.status, 200);
    m_client->token = renewed.object().value("access_token").toString();
    QCOMPARE(m_client->get("/api/v4/account").status, 200);
}

void TestAmoSandboxOAuth::longLivedTokenAndRevocation()
{
    const QString token
        = m_client->control("long-lived-token", { { "expires_in", 3600 } }).value("access_token").toString();
    QCOMPARE(token.split('.').size(), 3);
    m_client->token = token;
    QCOMPARE(m_client->get("/api/v4/account").status, 200);
    QCOMPARE(m_client->control("revoke", { { "token", token } }).value("revoked").toInt(), 1);
    QCOMPARE(m_client->get("/api/v4/account").status, 401);

    // Revoking everything (the admin switched the integration off) also kills refresh tokens.
    const QJsonObject tokens = m_client->authorize(m_sandbox->readyInfo());
    m_client->control("revoke");
    QCOMPARE(m_client->get("/api/v4/account").status, 401);
    QCOMPARE(refresh(tokens.value("refresh_token").toString()).status, 401);
}

void TestAmoSandboxOAuth::consentPageAllowDeny()
{
    const TestReply page = m_client->send(
        "GET", "/oauth?client_id=" + m_sandbox->clientId() + "&state=st%2B1&mode=popup", {}, {}, QString());
    QCOMPARE(page.status, 200);
    QVERIFY(page.contentType.startsWith("text/html"));
    QVERIFY(QString::fromUtf8(page.body).contains(QStringLiteral("Разрешить")));
    QVERIFY(page.body.contains("action=\"/oauth/decision\""));

    const QByteArray form = "client_id=" + m_sandbox->clientId().toLatin1()
        + "&account=sandbox&state=st%2B1&has_state=1&mode=popup";
    const TestReply allow = m_client->send("POST", "/oauth/decision", form + "&decision=allow",
                                           "application/x-www-form-urlencoded", QString());
    QCOMPARE(allow.status, 302);
    const QUrl target = QUrl::fromEncoded(allow.location);
    QVERIFY(target.toString().startsWith(m_sandbox->redirectUri()));
    const QUrlQuery query(target);
    QCOMPARE(query.queryItemValue("state", QUrl::FullyDecoded), QStringLiteral("st+1"));
    QCOMPARE(query.queryItemValue("referer"), m_sandbox->baseUrl().authority());
    QCOMPARE(
        grant({ { "grant_type", "authorization_code" }, { "code", query.queryItemValue("code") } }).status,
        200);

    const TestReply deny = m_client->send("POST", "/oauth/decision", form + "&decision=deny",
                                          "application/x-www-form-urlencoded", QString());
    QCOMPARE(deny.status, 302);
    const QUrlQuery denied(QUrl::fromEncoded(deny.location));
    QCOMPARE(denied.queryItemValue("error"), QStringLiteral("access_denied"));
    QCOMPARE(denied.queryItemValue("state", QUrl::FullyDecoded), QStringLiteral("st+1"));
    QVERIFY(!denied.hasQueryItem("code"));

    const TestReply unknown = m_client->send("GET", "/oauth?client_id=someone-else", {}, {}, QString());
    QCOMPARE(unknown.status, 400);
}

void TestAmoSandboxOAuth::autoApproveRedirectAndReferer()
{
    m_client->control("integration", { { "auto_approve", true } });
    const TestReply reply
        = m_client->send("GET", "/oauth?client_id=" + m_sandbox->clientId() + "&state=abc&mode=post_message",
                         {}, {}, QString());
    QCOMPARE(reply.status, 302);
    const QUrlQuery query(QUrl::fromEncoded(reply.location));
    QCOMPARE(query.queryItemValue("state"), QStringLiteral("abc"));
    // The referer is what the client uses as its base: http:// + referer must reach the account.
    SandboxTestClient viaReferer(QUrl(QStringLiteral("http://") + query.queryItemValue("referer")));
    const TestReply tokens = viaReferer.send(
        "POST", "/oauth2/access_token",
        SandboxTestClient::toBytes(QJsonObject { { "client_id", m_sandbox->clientId() },
                                                 { "client_secret", m_sandbox->clientSecret() },
                                                 { "redirect_uri", m_sandbox->redirectUri() },
                                                 { "grant_type", "authorization_code" },
                                                 { "code", query.queryItemValue("code") } }),
        "application/json", QString());
    QCOMPARE(tokens.status, 200);
}

void TestAmoSandboxOAuth::badTokensAre401()
{
    m_client->token.clear();
    QCOMPARE(m_client->get("/api/v4/leads").status, 401);
    m_client->token = QStringLiteral("eyJ.bogus.token");
    const TestReply reply = m_client->get("/api/v4/leads");
    QCOMPARE(reply.status, 401);
    QCOMPARE(reply.object().value("status").toInt(), 401);

    // A token of one account does not open another.
    m_client->control("accounts", { { "subdomain", "second" } });
    m_client->authorize(m_sandbox->readyInfo());
    SandboxTestClient other(m_sandbox->accountUrl(QStringLiteral("second")));
    other.token = m_client->token;
    QCOMPARE(other.get("/api/v4/account").status, 401);
    QCOMPARE(m_client->get("/api/v4/account").status, 200);
}

QTEST_GUILESS_MAIN(TestAmoSandboxOAuth)
#include "tst_AmoSandboxOAuth.moc"
