// SPDX-License-Identifier: GPL-3.0-or-later
// amoCRM sign-in and tokens against the sandbox: the browser flow with a fake browser, code paste,
// expired / reused codes, state mismatch, cancel, a refused second sign-in, single-flight refresh
// from 8 threads, the grace rule after a lost answer, and one refresh between two engines (PostgreSQL).

#include "PgServer.h"
#include "fixtures/amocrm/AmoTestKit.h"
#include "store/OpLogRepo.h"

#include <QMutex>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QThread>
#include <atomic>

using namespace Crm::AmoCrm;
using namespace AmoTestKit;
using Sandbox::AmoCrm::AmoCrmSandbox;
using Sandbox::AmoCrm::AmoSandboxOptions;
using Sandbox::Testing::SandboxTestClient;

namespace {

/** Sends GET /api/v4/account in a loop on its own thread until the deadline. */
class Hammer : public QObject
{
public:
    Hammer(std::shared_ptr<AmoOAuthSession> session, QUrl base, qint64 untilMs)
        : m_session(std::move(session))
        , m_base(std::move(base))
        , m_until(untilMs)
    { }
    std::atomic_int ok { 0 };
    std::atomic_int failed { 0 };
    std::atomic_bool finished { false };
    QString lastError;

    void start()
    {
        m_network = new QNetworkAccessManager(this);
        m_client = new Net::HttpClient(m_network, clientOptions(QStringLiteral("refresh-storm"), 0), this);
        m_client->setAuthenticator(m_session);
        next();
    }

private:
    void next()
    {
        if (QDateTime::currentMSecsSinceEpoch() >= m_until) {
            finished = true;
            return;
        }
        Net::HttpRequest request;
        request.url = QUrl(m_base.toString() + QStringLiteral("/api/v4/account"));
        m_client->send(request, [this](Common::Result<Net::HttpResponse> r) {
            if (r)
                ++ok;
            else {
                ++failed;
                lastError = r.error().toString();
            }
            QTimer::singleShot(20, this, [this] { next(); });
        });
    }

    std::shared_ptr<AmoOAuthSession> m_session;
    QUrl m_base;
    qint64 m_until;
    QNetworkAccessManager *m_network = nullptr;
    Net::HttpClient *m_client = nullptr;
};

} // namespace

class TestAmoOAuth : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanupTestCase();
    void browserFlowEndToEnd();
    void browserStateMismatchFails();
    void cancelAndSecondSignInRefused();
    void browserTimesOut();
    void pastedCodeAndRedirectUrl();
    void expiredCodeIsExplained();
    void reusedCodeIsExplained();
    void eightThreadsOneRefreshPerExpiry();
    void lostRefreshAnswerUsesGraceRule();
    void twoEnginesRefreshOnce();

private:
    std::shared_ptr<AmoOAuthSession> makeSession(std::shared_ptr<Storage::Database> db);
    int tokenCalls();
    void remember();

    int m_port = 0;
    std::unique_ptr<AmoCrmSandbox> m_sandbox;
    std::unique_ptr<SandboxTestClient> m_control;
    std::unique_ptr<TestSupport::TestDatabase> m_store;
    std::shared_ptr<Secrets::MemorySecretStore> m_secrets;
    QNetworkAccessManager m_network;
    std::unique_ptr<Net::HttpClient> m_client;
    qint64 m_connectionId = 0;
    SecretLedger m_ledger;
};

void TestAmoOAuth::initTestCase()
{
    LogCapture::install();
    m_port = TestSupport::freeLoopbackPort();
    AmoSandboxOptions options;
    options.rate = 0;
    options.autoApprove = true;
    options.redirectUri = QStringLiteral("http://127.0.0.1:%1/callback").arg(m_port);
    m_sandbox = std::make_unique<AmoCrmSandbox>(options);
    QString error;
    QVERIFY2(m_sandbox->start(&error), qPrintable(error));
    m_control = std::make_unique<SandboxTestClient>(m_sandbox->baseUrl());
    auto store = TestSupport::TestDatabase::create(QStringLiteral("sqlite"));
    QVERIFY_OK(store);
    m_store = std::move(store).value();
    m_secrets = std::make_shared<Secrets::MemorySecretStore>();
    m_connectionId = addConnection(m_store->db(), *m_sandbox);
    QVERIFY(m_connectionId > 0);
    writeSecret(*m_secrets, m_connectionId, AmoSecretNames::clientSecret(),
                m_sandbox->clientSecret().toUtf8());
    m_ledger.add(m_sandbox->clientSecret());
    m_client = std::make_unique<Net::HttpClient>(&m_network, clientOptions(QStringLiteral("oauth-main"), 0));
    m_client->setOpLogHook([db = m_store->db(), id = m_connectionId](const Net::CallRecord &r) {
        Store::OpLogEntry e;
        e.connectionId = id;
        e.method = QString::fromLatin1(r.method);
        e.url = r.url;
        e.status = r.status;
        e.requestHeaders = r.requestHeaders;
        e.requestBody = r.requestBody;
        e.responseBody = r.responseBody;
        e.error = r.error;
        QVERIFY(Store::OpLogRepo(db).append(e).ok());
    });
}

void TestAmoOAuth::init()
{
    m_control->control(QStringLiteral("reset"), { { "seed", "empty" } });
    m_control->control(QStringLiteral("integration"), { { "access_token_ttl", 86400 } });
}

void TestAmoOAuth::remember()
{
    m_ledger.addTokens(readSecret(*m_secrets, m_connectionId, AmoSecretNames::tokens()));
}

void TestAmoOAuth::cleanupTestCase()
{
    remember();
    m_ledger.assertNowhere(*m_store, LogCapture::text());
}

std::shared_ptr<AmoOAuthSession> TestAmoOAuth::makeSession(std::shared_ptr<Storage::Database> db)
{
    AmoOAuthSession::Config config;
    config.connectionId = m_connectionId;
    config.integration = integration(*m_sandbox);
    return std::make_shared<AmoOAuthSession>(config, m_secrets, db);
}

int TestAmoOAuth::tokenCalls()
{
    return m_control->control(QStringLiteral("state"), {}, "GET")
        .value("counters")
        .toObject()
        .value("by_endpoint")
        .toObject()
        .value("POST /oauth2/access_token")
        .toInt();
}

void TestAmoOAuth::browserFlowEndToEnd()
{
    AmoBrowserSignIn signIn(m_client.get(), m_secrets);
    QSignalSpy states(&signIn, &AmoBrowserSignIn::statusChanged);
    QSignalSpy urls(&signIn, &AmoBrowserSignIn::authorizeUrlReady);
    std::optional<Common::Result<AmoTokenSet>> result;
    connect(&signIn, &AmoBrowserSignIn::finished, this,
            [&](const Common::Result<AmoTokenSet> &r) { result.emplace(r); });
    QVERIFY_OK(signIn.start({ m_connectionId, integration(*m_sandbox), m_sandbox->clientSecret() }));
    QCOMPARE(signIn.state(), AmoBrowserSignIn::State::WaitingForBrowser);
    QCOMPARE(urls.size(), 1);
    const QUrl url = urls.first().first().toUrl();
    QVERIFY(url.toString().contains(QStringLiteral("client_id=") + m_sandbox->clientId()));
    QVERIFY(url.toString().contains(QStringLiteral("state=")));

    // The fake browser: open the URL, follow the sandbox's redirect to our loopback listener.
    QNetworkAccessManager browser;
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    QNetworkReply *reply = browser.get(request);
    QSignalSpy replied(reply, &QNetworkReply::finished);
    QVERIFY(replied.wait(15000));
    const QByteArray page = reply->readAll();
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    QVERIFY2(page.contains("you can close this tab"), page.constData());
    reply->deleteLater();

    QTRY_VERIFY(result.has_value());
    QVERIFY_OK(*result);
    QCOMPARE(signIn.state(), AmoBrowserSignIn::State::SignedIn);
    QList<AmoBrowserSignIn::State> seen;
    for (const auto &args : states)
        seen << args.first().value<AmoBrowserSignIn::State>();
    QVERIFY(seen.contains(AmoBrowserSignIn::State::WaitingForBrowser));
    QVERIFY(seen.contains(AmoBrowserSignIn::State::Exchanging));
    QCOMPARE(seen.last(), AmoBrowserSignIn::State::SignedIn);

    // The pair is in the SecretStore, and the session uses it.
    const auto stored
        = AmoTokenSet::fromJson(readSecret(*m_secrets, m_connectionId, AmoSecretNames::tokens()));
    QVERIFY_OK(stored);
    QCOMPARE(stored->accessToken, result->value().accessToken);
    remember();
    auto session = makeSession(m_store->db());
    m_client->setAuthenticator(session);
    Wait<Common::Result<Net::HttpResponse>> call;
    m_client->send({ "GET", QUrl(m_sandbox->baseUrl().toString() + "/api/v4/account") }, call.callback());
    QTRY_VERIFY_WITH_TIMEOUT(call.done(), 10000);
    QVERIFY_OK(call.get());
    QCOMPARE(call.get()->status, 200);
    m_client->setAuthenticator(nullptr);
}

void TestAmoOAuth::browserStateMismatchFails()
{
    AmoBrowserSignIn signIn(m_client.get(), m_secrets);
    std::optional<Common::Result<AmoTokenSet>> result;
    connect(&signIn, &AmoBrowserSignIn::finished, this,
            [&](const Common::Result<AmoTokenSet> &r) { result.emplace(r); });
    QVERIFY_OK(signIn.start({ m_connectionId, integration(*m_sandbox), m_sandbox->clientSecret() }));
    const QString code = m_control->control(QStringLiteral("auth-code")).value("code").toString();
    SandboxTestClient browser(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_port)));
    const auto answer
        = browser.send("GET", QStringLiteral("/callback?code=%1&state=forged&referer=x").arg(code), {},
                       "text/html", QString());
    QCOMPARE(answer.status, 400);
    QTRY_VERIFY(result.has_value());
    QVERIFY(!result->ok());
    QCOMPARE(result->error().code, QStringLiteral("state-mismatch"));
    QCOMPARE(signIn.state(), AmoBrowserSignIn::State::Failed);
    QVERIFY(signIn.failureReason().contains(QStringLiteral("state")));
}

void TestAmoOAuth::cancelAndSecondSignInRefused()
{
    AmoBrowserSignIn signIn(m_client.get(), m_secrets);
    const AmoBrowserSignIn::Config config { m_connectionId, integration(*m_sandbox),
                                            m_sandbox->clientSecret() };
    QVERIFY_OK(signIn.start(config));
    const auto second = signIn.start(config);
    QVERIFY(!second.ok());
    QCOMPARE(second.error().code, QStringLiteral("busy"));
    const auto pasted = signIn.submitPasted(config, QStringLiteral("somecode"));
    QCOMPARE(pasted.error().code, QStringLiteral("busy"));
    QCOMPARE(signIn.state(), AmoBrowserSignIn::State::WaitingForBrowser);

    signIn.cancel();
    QCOMPARE(signIn.state(), AmoBrowserSignIn::State::Failed);
    QVERIFY(signIn.failureReason().contains(QStringLiteral("cancelled")));
    // The listener is gone: the browser's redirect finds nobody.
    SandboxTestClient browser(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_port)));
    QTRY_COMPARE(browser.send("GET", "/callback?code=x&state=y", {}, "text/html", QString(), 2000).status, 0);
    // After a cancel a new sign-in may start again.
    QVERIFY_OK(signIn.start(config));
    signIn.cancel();
}

void TestAmoOAuth::browserTimesOut()
{
    AmoBrowserSignIn signIn(m_client.get(), m_secrets);
    QSignalSpy states(&signIn, &AmoBrowserSignIn::statusChanged);
    AmoBrowserSignIn::Config config { m_connectionId, integration(*m_sandbox), m_sandbox->clientSecret() };
    config.timeoutSecs = 2;
    QVERIFY_OK(signIn.start(config));
    QTRY_COMPARE_WITH_TIMEOUT(signIn.state(), AmoBrowserSignIn::State::Failed, 5000);
    QVERIFY(signIn.failureReason().contains(QStringLiteral("in time")));
    bool sawCountdown = false;
    for (const auto &args : states)
        sawCountdown = sawCountdown || args.at(1).toInt() == 1;
    QVERIFY(sawCountdown);
}

void TestAmoOAuth::pastedCodeAndRedirectUrl()
{
    AmoBrowserSignIn signIn(m_client.get(), m_secrets);
    std::optional<Common::Result<AmoTokenSet>> result;
    connect(&signIn, &AmoBrowserSignIn::finished, this,
            [&](const Common::Result<AmoTokenSet> &r) { result.emplace(r); });
    const AmoBrowserSignIn::Config config { m_connectionId, integration(*m_sandbox),
                                            m_sandbox->clientSecret() };
    QVERIFY_OK(signIn.submitPasted(config,
                                   m_control->control(QStringLiteral("auth-code")).value("code").toString()));
    QTRY_VERIFY(result.has_value());
    QVERIFY_OK(*result);
    remember();

    result.reset();
    const QJsonObject code = m_control->control(QStringLiteral("auth-code"));
    QVERIFY_OK(signIn.submitPasted(
        config,
        QStringLiteral("  %1?code=%2&referer=%3&state=abc \n")
            .arg(m_sandbox->redirectUri(), code.value("code").toString(), code.value("referer").toString())));
    QTRY_VERIFY(result.has_value());
    QVERIFY_OK(*result);
    QCOMPARE(result->value().baseUrl, m_sandbox->baseUrl().toString());
    remember();

    const auto empty = signIn.submitPasted(config, QStringLiteral("   "));
    QCOMPARE(empty.error().kind, Common::ErrorKind::InvalidInput);
}

void TestAmoOAuth::expiredCodeIsExplained()
{
    AmoBrowserSignIn signIn(m_client.get(), m_secrets);
    std::optional<Common::Result<AmoTokenSet>> result;
    connect(&signIn, &AmoBrowserSignIn::finished, this,
            [&](const Common::Result<AmoTokenSet> &r) { result.emplace(r); });
    const QString code = m_control->control(QStringLiteral("auth-code")).value("code").toString();
    m_control->control(QStringLiteral("clock"), { { "advance", 21 * 60 } });
    QVERIFY_OK(
        signIn.submitPasted({ m_connectionId, integration(*m_sandbox), m_sandbox->clientSecret() }, code));
    QTRY_VERIFY(result.has_value());
    QVERIFY(!result->ok());
    QCOMPARE(result->error().code, QStringLiteral("code-expired"));
    QVERIFY(result->error().message.contains(QStringLiteral("20 minutes")));
    QCOMPARE(signIn.state(), AmoBrowserSignIn::State::Failed);
}

void TestAmoOAuth::reusedCodeIsExplained()
{
    AmoBrowserSignIn signIn(m_client.get(), m_secrets);
    std::optional<Common::Result<AmoTokenSet>> result;
    connect(&signIn, &AmoBrowserSignIn::finished, this,
            [&](const Common::Result<AmoTokenSet> &r) { result.emplace(r); });
    const AmoBrowserSignIn::Config config { m_connectionId, integration(*m_sandbox),
                                            m_sandbox->clientSecret() };
    const QString code = m_control->control(QStringLiteral("auth-code")).value("code").toString();
    QVERIFY_OK(signIn.submitPasted(config, code));
    QTRY_VERIFY(result.has_value());
    QVERIFY_OK(*result);
    remember();
    result.reset();
    QVERIFY_OK(signIn.submitPasted(config, code));
    QTRY_VERIFY(result.has_value());
    QVERIFY(!result->ok());
    QCOMPARE(result->error().code, QStringLiteral("code-used"));
    QVERIFY(result->error().message.contains(QStringLiteral("already used")));
}

void TestAmoOAuth::eightThreadsOneRefreshPerExpiry()
{
    m_control->control(QStringLiteral("integration"), { { "access_token_ttl", 1 } });
    QVERIFY_OK(signInWithCode(m_client.get(), m_secrets, m_connectionId, *m_sandbox, *m_control));
    const int callsBefore = tokenCalls();
    auto session = makeSession(m_store->db());

    const qint64 runMs = 4000;
    const qint64 started = QDateTime::currentMSecsSinceEpoch();
    std::vector<std::unique_ptr<QThread>> threads;
    std::vector<Hammer *> hammers;
    for (int i = 0; i < 8; ++i) {
        auto thread = std::make_unique<QThread>();
        auto *hammer = new Hammer(session, m_sandbox->baseUrl(), started + runMs);
        hammer->moveToThread(thread.get());
        connect(thread.get(), &QThread::finished, hammer, &QObject::deleteLater);
        thread->start();
        QMetaObject::invokeMethod(hammer, [hammer] { hammer->start(); });
        hammers.push_back(hammer);
        threads.push_back(std::move(thread));
    }
    QTRY_VERIFY_WITH_TIMEOUT(
        std::all_of(hammers.begin(), hammers.end(), [](Hammer *h) { return h->finished.load(); }), 30000);
    const qint64 elapsed = QDateTime::currentMSecsSinceEpoch() - started;
    int ok = 0;
    for (Hammer *h : hammers) {
        QVERIFY2(h->failed == 0, qPrintable(h->lastError));
        ok += h->ok;
    }
    for (auto &t : threads) {
        t->quit();
        t->wait();
    }
    const int refreshes = tokenCalls() - callsBefore;
    qInfo() << ok << "calls," << refreshes << "refreshes in" << elapsed << "ms";
    QVERIFY(ok > 40);
    // Every refresh the server saw was one of the session's (nobody refreshed a second time for the
    // same expiry), and there was about one per token lifetime (refreshed at 80% of its second).
    QCOMPARE(refreshes, session->refreshCount());
    QVERIFY(refreshes >= 3);
    QVERIFY2(refreshes <= elapsed / 800 + 2, qPrintable(QString::number(refreshes)));
    QCOMPARE(session->state(), Crm::ConnectorState::Ready);
    remember();
}

void TestAmoOAuth::lostRefreshAnswerUsesGraceRule()
{
    QVERIFY_OK(signInWithCode(m_client.get(), m_secrets, m_connectionId, *m_sandbox, *m_control));
    remember();
    auto session = makeSession(m_store->db());
    auto options = clientOptions(QStringLiteral("grace"), 0);
    options.transferTimeoutMs = 1000;
    Net::HttpClient client(&m_network, options);
    client.setAuthenticator(session);
    // The access token dies on the server; the refresh is processed but its answer comes too late.
    m_control->control(QStringLiteral("clock"), { { "advance", 2 * 86400 } });
    m_control->control(
        QStringLiteral("faults"),
        { { "action", "slow" }, { "path", "/oauth2/access_token" }, { "delay_ms", 2500 }, { "times", 1 } });
    const int before = tokenCalls();
    Wait<Common::Result<Net::HttpResponse>> call;
    client.send({ "GET", QUrl(m_sandbox->baseUrl().toString() + "/api/v4/account") }, call.callback());
    QTRY_VERIFY_WITH_TIMEOUT(call.done(), 20000);
    QVERIFY_OK(call.get());
    QCOMPARE(call.get()->status, 200);
    QCOMPARE(tokenCalls() - before, 2); // the lost one and the retry with the same refresh token
    QCOMPARE(session->refreshCount(), 1);
    QCOMPARE(session->state(), Crm::ConnectorState::Ready);
    // The pair we kept is the live one: the next call needs no refresh.
    Wait<Common::Result<Net::HttpResponse>> again;
    client.send({ "GET", QUrl(m_sandbox->baseUrl().toString() + "/api/v4/users") }, again.callback());
    QTRY_VERIFY_WITH_TIMEOUT(again.done(), 10000);
    QVERIFY_OK(again.get());
    QCOMPARE(tokenCalls() - before, 2);
    remember();
}

void TestAmoOAuth::twoEnginesRefreshOnce()
{
    auto &pg = TestSupport::PgServer::instance();
    if (!pg.ok())
        QSKIP(qPrintable(QStringLiteral("no PostgreSQL: %1").arg(pg.error())));
    auto store = TestSupport::TestDatabase::create(QStringLiteral("postgresql"));
    QVERIFY_OK(store);
    auto db1 = store.value()->db();
    auto db2 = Storage::Database::open(store.value()->url());
    QVERIFY_OK(db2);
    const qint64 saved = m_connectionId;
    m_connectionId = addConnection(db1, *m_sandbox);
    QVERIFY(m_connectionId > 0);
    writeSecret(*m_secrets, m_connectionId, AmoSecretNames::clientSecret(),
                m_sandbox->clientSecret().toUtf8());
    QVERIFY_OK(signInWithCode(m_client.get(), m_secrets, m_connectionId, *m_sandbox, *m_control));
    auto engine1 = makeSession(db1);
    auto engine2 = makeSession(db2.value());
    Net::HttpClient client1(&m_network, clientOptions(QStringLiteral("engine1"), 0));
    Net::HttpClient client2(&m_network, clientOptions(QStringLiteral("engine2"), 0));
    client1.setAuthenticator(engine1);
    client2.setAuthenticator(engine2);
    const QUrl account(m_sandbox->baseUrl().toString() + "/api/v4/account");
    // Both engines load the pair, then its access token dies on the server.
    for (Net::HttpClient *c : { &client1, &client2 }) {
        Wait<Common::Result<Net::HttpResponse>> w;
        c->send({ "GET", account }, w.callback());
        QTRY_VERIFY_WITH_TIMEOUT(w.done(), 10000);
        QVERIFY_OK(w.get());
    }
    m_control->control(QStringLiteral("clock"), { { "advance", 2 * 86400 } });
    const int before = tokenCalls();
    Wait<Common::Result<Net::HttpResponse>> a;
    Wait<Common::Result<Net::HttpResponse>> b;
    client1.send({ "GET", account }, a.callback());
    client2.send({ "GET", account }, b.callback());
    QTRY_VERIFY_WITH_TIMEOUT(a.done() && b.done(), 20000);
    QVERIFY_OK(a.get());
    QVERIFY_OK(b.get());
    QCOMPARE(tokenCalls() - before, 1);
    QCOMPARE(engine1->refreshCount() + engine2->refreshCount(), 1);
    remember();
    m_connectionId = saved;
}

QTEST_GUILESS_MAIN(TestAmoOAuth)
#include "tst_AmoOAuth.moc"
