// SPDX-License-Identifier: GPL-3.0-or-later
// amoCRM token health against the sandbox, with its clock and ours (Common::ManualClock) moved months
// ahead: every sign-in and refresh records when the tokens run out (no secret); the connector's timer
// renews the pair in the refresh token's last month even when nothing is sent; a renewal that keeps
// failing raises the 14-day warning; a long-lived token is never refreshed; HTTP 402 makes the
// connector report PaymentRequired until the account is paid again.

#include "crm/amocrm/AmoCrmConnector.h"
#include "fixtures/amocrm/AmoTestKit.h"
#include "store/CredentialExpiryRepo.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>

using namespace Crm::AmoCrm;
using namespace AmoTestKit;
using Sandbox::AmoCrm::AmoCrmSandbox;
using Sandbox::AmoCrm::AmoSandboxOptions;
using Sandbox::Testing::SandboxTestClient;

namespace {
constexpr qint64 kDayMs = 86'400'000;
}

class TestAmoTokenHealth : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void signInRecordsExpiryWithoutSecrets();
    void keepAliveRenewsInTheLastMonth();
    void failingRenewalRaisesTheWarning();
    void longLivedTokenIsNeverRefreshed();
    void paymentRequiredPausesUntilPaid();

private:
    /** Moves the sandbox's clock and ours together. */
    void advanceDays(double days);
    int tokenCalls();
    std::unique_ptr<AmoCrmConnector> connector(int healthCheckMs);
    Store::CredentialExpiry expiry()
    {
        return Store::CredentialExpiryRepo(m_store->db()).load(m_connectionId).value();
    }
    void remember() { m_ledger.addTokens(readSecret(*m_secrets, m_connectionId, AmoSecretNames::tokens())); }

    std::unique_ptr<AmoCrmSandbox> m_sandbox;
    std::unique_ptr<SandboxTestClient> m_control;
    std::unique_ptr<TestSupport::TestDatabase> m_store;
    std::shared_ptr<Secrets::MemorySecretStore> m_secrets;
    std::unique_ptr<Common::ManualClock> m_clock;
    std::shared_ptr<AmoOAuthSession> m_session;
    QNetworkAccessManager m_network;
    qint64 m_connectionId = 0;
    SecretLedger m_ledger;
};

void TestAmoTokenHealth::init()
{
    LogCapture::install();
    // A sandbox per test: its clock only moves forward, and each test starts at "now".
    AmoSandboxOptions options;
    options.seed = QStringLiteral("demo");
    options.rate = 0;
    m_sandbox = std::make_unique<AmoCrmSandbox>(options);
    QString error;
    QVERIFY2(m_sandbox->start(&error), qPrintable(error));
    m_control = std::make_unique<SandboxTestClient>(m_sandbox->baseUrl());
    m_clock = std::make_unique<Common::ManualClock>(QDateTime::currentMSecsSinceEpoch());
    auto store = TestSupport::TestDatabase::create(QStringLiteral("sqlite"));
    QVERIFY_OK(store);
    m_store = std::move(store).value();
    m_secrets = std::make_shared<Secrets::MemorySecretStore>();
    m_connectionId = addConnection(m_store->db(), *m_sandbox);
    QVERIFY(m_connectionId > 0);
    writeSecret(*m_secrets, m_connectionId, AmoSecretNames::clientSecret(),
                m_sandbox->clientSecret().toUtf8());
    m_ledger.add(m_sandbox->clientSecret());
    AmoOAuthSession::Config config;
    config.connectionId = m_connectionId;
    config.integration = integration(*m_sandbox);
    m_session = std::make_shared<AmoOAuthSession>(config, m_secrets, m_store->db(), m_clock.get());
}

void TestAmoTokenHealth::cleanup()
{
    // Each test's store, op log and the tokens it saw: no secret in plain text.
    remember();
    if (m_store)
        m_ledger.assertNowhere(*m_store, LogCapture::text());
    m_session.reset();
}

void TestAmoTokenHealth::advanceDays(double days)
{
    m_control->control(QStringLiteral("clock"), { { "advance", qint64(days * 86400) } });
    m_clock->advanceMs(qint64(days * kDayMs));
}

int TestAmoTokenHealth::tokenCalls()
{
    return m_control->control(QStringLiteral("state"), {}, "GET")
        .value("counters")
        .toObject()
        .value("by_endpoint")
        .toObject()
        .value("POST /oauth2/access_token")
        .toInt();
}

std::unique_ptr<AmoCrmConnector> TestAmoTokenHealth::connector(int healthCheckMs)
{
    AmoConnectorConfig config;
    config.connectionId = m_connectionId;
    config.lane = QStringLiteral("health");
    config.baseUrl = m_sandbox->baseUrl();
    config.retry.baseDelayMs = 20;
    config.retry.maxDelayMs = 100;
    config.retry.maxAttempts = 2;
    config.healthCheckMs = healthCheckMs;
    config.firstHealthCheckMs = healthCheckMs;
    config.paymentProbeMs = 300;
    return std::make_unique<AmoCrmConnector>(config, m_session, m_store->db(), &m_network, m_clock.get());
}

void TestAmoTokenHealth::signInRecordsExpiryWithoutSecrets()
{
    QCOMPARE(expiry().isKnown(), false);
    Net::HttpClient client(&m_network, clientOptions(QStringLiteral("sign-in"), 0));
    const qint64 before = QDateTime::currentMSecsSinceEpoch();
    auto tokens = signInWithCode(&client, m_secrets, m_connectionId, *m_sandbox, *m_control, m_store->db());
    QVERIFY_OK(tokens);
    const Store::CredentialExpiry recorded = expiry();
    QCOMPARE(recorded.kind, QStringLiteral("oauth"));
    // 24 hours for the access token, three months for the refresh token, from the sign-in.
    QVERIFY(qAbs(recorded.accessExpiresAt - (before + kDayMs)) < 60'000);
    QVERIFY(qAbs(recorded.refreshExpiresAt - (before + 90 * kDayMs)) < 60'000);
    QVERIFY(recorded.warning.isEmpty());
    QCOMPARE(recorded.deadline().toMSecsSinceEpoch(), recorded.refreshExpiresAt);
    // The settings table holds the times and nothing of the pair.
    auto rows = Storage::Sql::exec(*m_store->db(), QStringLiteral("SELECT key, value FROM settings"));
    QVERIFY_OK(rows);
    QString all;
    while (rows->next())
        all += rows->value(0).toString() + QLatin1Char('=') + rows->value(1).toString() + QLatin1Char('\n');
    QVERIFY2(all.contains(QStringLiteral("connection.%1.refresh_expires_at=").arg(m_connectionId)),
             qPrintable(all));
    QVERIFY(!all.contains(tokens->accessToken) && !all.contains(tokens->refreshToken));
    remember();
    // The session that loads the pair agrees with the record, and does not rewrite it.
    auto amo = connector(3'600'000);
    Wait<Common::Result<Crm::AccountInfo>> tested;
    amo->testConnection(tested.callback());
    QTRY_VERIFY_WITH_TIMEOUT(tested.done(), 10000);
    QVERIFY_OK(tested.get());
    QCOMPARE(m_session->health().refreshExpiresAt.toMSecsSinceEpoch(), recorded.refreshExpiresAt);
}

void TestAmoTokenHealth::keepAliveRenewsInTheLastMonth()
{
    Net::HttpClient client(&m_network, clientOptions(QStringLiteral("sign-in"), 0));
    QVERIFY_OK(signInWithCode(&client, m_secrets, m_connectionId, *m_sandbox, *m_control, m_store->db()));
    remember();
    const QByteArray firstPair = readSecret(*m_secrets, m_connectionId, AmoSecretNames::tokens());
    auto amo = connector(100);
    QSignalSpy refreshed(m_session.get(), &AmoOAuthSession::tokensRefreshed);
    QSignalSpy expiring(m_session.get(), &AmoOAuthSession::tokenExpiring);
    const int callsAtStart = tokenCalls();

    // Two idle days: the access token is dead, but the refresh token has 88 days: nothing is renewed.
    advanceDays(2);
    QTest::qWait(600);
    QCOMPARE(tokenCalls(), callsAtStart);
    QCOMPARE(m_session->refreshCount(), 0);

    // Sixty-one idle days: 29 left, inside the last month: the timer renews the pair by itself.
    advanceDays(59);
    QTRY_COMPARE_WITH_TIMEOUT(m_session->refreshCount(), 1, 10000);
    QCOMPARE(refreshed.size(), 1);
    QCOMPARE(tokenCalls(), callsAtStart + 1);
    remember();
    const QByteArray secondPair = readSecret(*m_secrets, m_connectionId, AmoSecretNames::tokens());
    QVERIFY(secondPair != firstPair);
    const auto stored = AmoTokenSet::fromJson(secondPair);
    QVERIFY_OK(stored);
    QCOMPARE(stored->refreshExpiresAtMs, m_clock->nowMs() + 90 * kDayMs);
    // The record follows the new pair; more checks do not renew it again.
    QCOMPARE(expiry().refreshExpiresAt, stored->refreshExpiresAtMs);
    QTest::qWait(500);
    QCOMPARE(m_session->refreshCount(), 1);
    QCOMPARE(expiring.size(), 0);

    // The renewed pair works (its first use kills the old refresh token on the server: fine, it is saved).
    Wait<Common::Result<Crm::AccountInfo>> tested;
    amo->testConnection(tested.callback());
    QTRY_VERIFY_WITH_TIMEOUT(tested.done(), 10000);
    QVERIFY_OK(tested.get());
    QCOMPARE(m_session->state(), Crm::ConnectorState::Ready);
}

void TestAmoTokenHealth::failingRenewalRaisesTheWarning()
{
    Net::HttpClient client(&m_network, clientOptions(QStringLiteral("sign-in"), 0));
    QVERIFY_OK(signInWithCode(&client, m_secrets, m_connectionId, *m_sandbox, *m_control, m_store->db()));
    remember();
    auto amo = connector(100);
    QSignalSpy expiring(m_session.get(), &AmoOAuthSession::tokenExpiring);
    m_control->control(QStringLiteral("faults"),
                       { { "action", "status" },
                         { "path", "/oauth2/access_token" },
                         { "status", 500 },
                         { "times", 100000 } });

    // 70 days: renewals start and fail, but 20 days are left: no warning yet.
    const int callsAtStart = tokenCalls();
    advanceDays(70);
    QTRY_VERIFY_WITH_TIMEOUT(tokenCalls() >= callsAtStart + 2, 10000);
    QCOMPARE(expiring.size(), 0);
    QVERIFY(expiry().warning.isEmpty());

    // 80 days: 10 left and renewing still fails: the warning is recorded and signalled.
    advanceDays(10);
    QTRY_VERIFY_WITH_TIMEOUT(!expiring.isEmpty(), 10000);
    const Store::CredentialExpiry warned = expiry();
    QVERIFY2(warned.warning.contains(QStringLiteral("sign in again")), qPrintable(warned.warning));
    QCOMPARE(expiring.first().first().toDateTime().toMSecsSinceEpoch(), warned.refreshExpiresAt);
    // A failing renewal is not a lost grant: the connection still counts as signed in.
    QCOMPARE(m_session->state(), Crm::ConnectorState::Ready);
    QCOMPARE(m_session->refreshCount(), 0);

    // The server recovers: the next check renews the pair and clears the warning.
    m_control->control(QStringLiteral("faults"), { { "clear", true } });
    QTRY_COMPARE_WITH_TIMEOUT(m_session->refreshCount(), 1, 10000);
    QTRY_VERIFY(expiry().warning.isEmpty());
    QCOMPARE(expiry().refreshExpiresAt, m_clock->nowMs() + 90 * kDayMs);
    remember();
}

void TestAmoTokenHealth::longLivedTokenIsNeverRefreshed()
{
    const QJsonObject issued
        = m_control->control(QStringLiteral("long-lived-token"), { { "expires_in", 20 * 86400 } });
    const QString token = issued.value("access_token").toString();
    QVERIFY(!token.isEmpty());
    m_ledger.add(token);
    Net::HttpClient client(&m_network, clientOptions(QStringLiteral("sign-in"), 0));
    AmoBrowserSignIn signIn(&client, m_secrets);
    signIn.setExpiryStore(m_store->db());
    QSignalSpy finished(&signIn, &AmoBrowserSignIn::finished);
    QVERIFY_OK(signIn.submitLongLivedToken(
        { m_connectionId, integration(*m_sandbox), m_sandbox->clientSecret() }, token));
    QTRY_COMPARE(finished.size(), 1);
    QCOMPARE(expiry().kind, QStringLiteral("long-lived"));
    QCOMPARE(expiry().accessExpiresAt / 1000, issued.value("expires_at").toInteger());
    QCOMPARE(expiry().refreshExpiresAt, 0);

    auto amo = connector(100);
    QSignalSpy expiring(m_session.get(), &AmoOAuthSession::tokenExpiring);
    const int callsAtStart = tokenCalls();
    Wait<Common::Result<Crm::AccountInfo>> used;
    amo->testConnection(used.callback());
    QTRY_VERIFY_WITH_TIMEOUT(used.done(), 10000);
    QVERIFY_OK(used.get());

    // Ten days before its end the warning says to paste a new one; nothing is ever refreshed.
    advanceDays(11);
    QTRY_VERIFY_WITH_TIMEOUT(!expiring.isEmpty(), 5000);
    QVERIFY2(expiry().warning.contains(QStringLiteral("paste a new one")), qPrintable(expiry().warning));
    // Past its end: the call fails with a clear reason, and still no refresh is tried.
    advanceDays(10);
    Wait<Common::Result<Crm::AccountInfo>> expired;
    amo->testConnection(expired.callback());
    QTRY_VERIFY_WITH_TIMEOUT(expired.done(), 10000);
    QVERIFY(!expired.get().ok());
    QCOMPARE(expired.get().error().kind, Common::ErrorKind::Auth);
    QVERIFY2(expired.get().error().message.contains(QStringLiteral("long-lived")),
             qPrintable(expired.get().error().message));
    QCOMPARE(m_session->state(), Crm::ConnectorState::NeedsSignIn);
    QCOMPARE(tokenCalls(), callsAtStart);
    QCOMPARE(m_session->refreshCount(), 0);
}

void TestAmoTokenHealth::paymentRequiredPausesUntilPaid()
{
    Net::HttpClient client(&m_network, clientOptions(QStringLiteral("sign-in"), 0));
    QVERIFY_OK(signInWithCode(&client, m_secrets, m_connectionId, *m_sandbox, *m_control, m_store->db()));
    remember();
    auto amo = connector(3'600'000);
    QSignalSpy states(amo.get(), &Crm::CrmConnector::stateChanged);
    m_control->control(QStringLiteral("account"), { { "unpaid", true } });
    Wait<Common::Result<Crm::AccountInfo>> unpaid;
    amo->testConnection(unpaid.callback());
    QTRY_VERIFY_WITH_TIMEOUT(unpaid.done(), 10000);
    QVERIFY(!unpaid.get().ok());
    QCOMPARE(unpaid.get().error().httpStatus, 402);
    QCOMPARE(unpaid.get().error().kind, Common::ErrorKind::Permanent);
    QCOMPARE(amo->state(), Crm::ConnectorState::PaymentRequired);
    QCOMPARE(states.size(), 1);
    QVERIFY(!states.first().at(1).toString().isEmpty());
    // Still unpaid at the next probes: the state stays; once paid, a probe brings it back.
    QTest::qWait(800);
    QCOMPARE(amo->state(), Crm::ConnectorState::PaymentRequired);
    m_control->control(QStringLiteral("account"), { { "unpaid", false } });
    QTRY_COMPARE_WITH_TIMEOUT(amo->state(), Crm::ConnectorState::Ready, 5000);
    QCOMPARE(states.last().first().value<Crm::ConnectorState>(), Crm::ConnectorState::Ready);
}

QTEST_GUILESS_MAIN(TestAmoTokenHealth)
#include "tst_AmoTokenHealth.moc"
