// SPDX-License-Identifier: GPL-3.0-or-later
// The form intake against hostile and careless clients over real sockets (issue 16): the chunk size
// that killed the engine, conflicting lengths, control bytes, secrets checked before the body and
// before `100 Continue`, flood limits and caps on every path (webhooks too), connection and memory
// caps per address, cut UTF-8, reused idempotency keys, the honeypot, posts without a real field and
// webhooks from a foreign account. The engine process itself is stopped by SIGTERM after the attack.
#include "TestDatabase.h"
#include "TestEnv.h"
#include "crm/ConnectorFactory.h"
#include "model/FormSubmission.h"
#include "secrets/SecretKey.h"
#include "source/intake/FormEndpointRepo.h"
#include "source/intake/FormIntakeServer.h"
#include "storage/Migrator.h"
#include "storage/Sql.h"
#include "store/BackSyncConfig.h"
#include "store/ConnectionRepo.h"
#include "store/JobRepo.h"
#include "store/SettingsRepo.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>
#include <memory>

using namespace Source::Intake;
using TestSupport::TestDatabase;

namespace {

const QByteArray kSecret = "callback-secret-0123456789";

struct Answer
{
    int status = 0;
    QByteArray head;
    QJsonObject body;
    QByteArray raw;
};

Answer parse(const QByteArray &bytes)
{
    Answer answer;
    answer.raw = bytes;
    const qsizetype split = bytes.indexOf("\r\n\r\n");
    answer.head = bytes.left(split);
    answer.status = bytes.startsWith("HTTP/1.1 ") ? bytes.mid(9, 3).toInt() : 0;
    answer.body = QJsonDocument::fromJson(bytes.mid(split + 4)).object();
    return answer;
}

/** Reads until the server closes (or 10 s pass). */
Answer readAnswer(QTcpSocket &socket)
{
    QByteArray bytes;
    QElapsedTimer clock;
    clock.start();
    while (socket.state() == QAbstractSocket::ConnectedState && clock.elapsed() < 10000) {
        if (socket.waitForReadyRead(200))
            bytes += socket.readAll();
    }
    bytes += socket.readAll();
    return parse(bytes);
}

Answer send(quint16 port, const QByteArray &raw)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(5000))
        return {};
    socket.write(raw);
    socket.waitForBytesWritten(5000);
    return readAnswer(socket);
}

QByteArray head(const QByteArray &target, const QByteArray &headers)
{
    return "POST " + target + " HTTP/1.1\r\nHost: localhost\r\n" + headers + "\r\n";
}

QByteArray post(const QByteArray &body, const QByteArray &extraHeaders = {},
                const QByteArray &contentType = "application/x-www-form-urlencoded")
{
    return head("/forms/callback",
                "Content-Type: " + contentType + "\r\nContent-Length: " + QByteArray::number(body.size())
                    + "\r\nX-CRMBridge-Secret: " + kSecret + "\r\n" + extraHeaders)
        + body;
}

QByteArray amoHook(const QString &accountId, const QString &subdomain)
{
    return "leads%5Bstatus%5D%5B0%5D%5Bid%5D=5001&leads%5Bstatus%5D%5B0%5D%5Bstatus_id%5D=142"
           "&leads%5Bstatus%5D%5B0%5D%5Bpipeline_id%5D=7&leads%5Bstatus%5D%5B0%5D%5Bold_status_id%5D=141"
           "&account%5Bid%5D="
        + accountId.toUtf8() + "&account%5Bsubdomain%5D=" + subdomain.toUtf8();
}

} // namespace

class TestIntakeHostile : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<TestDatabase> m_store;
    std::unique_ptr<FormIntakeServer> m_server;
    Common::ManualClock m_clock;
    QString m_hookSecret;

    int count(const QString &table, const QString &where = {})
    {
        const QString sql = QStringLiteral("SELECT COUNT(*) FROM %1 %2").arg(table, where);
        auto n = Storage::Sql::scalar(*m_store->db(), sql);
        if (!n)
            n = Storage::Sql::scalar(*m_store->db(), sql);
        return n ? n->toInt() : -1;
    }
    QList<Store::Job> jobs() { return Store::JobRepo(m_store->db()).search({}).value(); }
    void startServer(IntakeConfig config = {})
    {
        m_server.reset();
        config.port = 0;
        config.webhookParsers = Crm::ConnectorFactory::webhookParsers(); // as the app registers them
        m_server = std::make_unique<FormIntakeServer>(m_store->db(), config, &m_clock);
        QVERIFY_OK(m_server->start());
    }
    quint16 port() const { return m_server->port(); }
    bool healthy() { return send(port(), "GET /health HTTP/1.1\r\nHost: x\r\n\r\n").status == 200; }

private Q_SLOTS:
    void init()
    {
        auto store = TestDatabase::create(QStringLiteral("sqlite"));
        QVERIFY_OK(store);
        m_store = std::move(store).value();
        QVERIFY_OK(FormEndpointRepo(m_store->db())
                       .setSecret(QStringLiteral("callback"), QString::fromLatin1(kSecret)));
        Store::Connection amo;
        amo.name = QStringLiteral("amo");
        amo.crm = QStringLiteral("amocrm");
        amo.baseUrl = QStringLiteral("http://127.0.0.1:9");
        Store::BackSyncConfig backSync;
        backSync.mode = Store::BackSyncConfig::Mode::Webhook;
        backSync.accountId = QStringLiteral("29000000");
        backSync.subdomain = QStringLiteral("shop");
        m_hookSecret = backSync.newHookSecret();
        backSync.applyTo(amo);
        QVERIFY_OK(Store::ConnectionRepo(m_store->db()).add(amo));
        startServer();
    }
    void cleanup() { m_server.reset(); }

    void theChunkSizeThatKilledTheEngineIsRefused()
    {
        // Issue 16, replayed as written: no secret, any path, one chunk, then 0x7fffffffffffffff.
        QElapsedTimer clock;
        clock.start();
        const Answer answer = send(port(),
                                   "POST /x HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                                   "1\r\na\r\n7fffffffffffffff\r\n"
                                       + QByteArray(64 * 1024, 'b'));
        QVERIFY2(answer.status == 413 || answer.status == 404 || answer.status == 429,
                 answer.raw.left(200).constData());
        QVERIFY(clock.elapsed() < 5000);
        // And where the route takes posts, with the right secret: the size itself is refused.
        const Answer form = send(port(),
                                 head("/forms/callback",
                                      "Transfer-Encoding: chunked\r\nX-CRMBridge-Secret: " + kSecret
                                          + "\r\nContent-Type: application/x-www-form-urlencoded\r\n")
                                     + "1\r\na\r\n7fffffffffffffff\r\n" + QByteArray(64 * 1024, 'b'));
        QCOMPARE(form.status, 413);
        QVERIFY(healthy());
        QCOMPARE(jobs().size(), 0);
    }

    void malformedFramingIs400()
    {
        QCOMPARE(send(port(), post("name=Ivan", "Content-Length: 4\r\n")).status, 400);
        QCOMPARE(send(port(), post("name=Ivan", QByteArray("X-Evil: a\0b\r\n", 13))).status, 400);
        QCOMPARE(send(port(), post("name=Ivan", "X-Evil: a\x1b[2Jb\r\n")).status, 400);
        QCOMPARE(send(port(), post("name=Ivan", "Transfer-Encoding: chunked\r\n")).status, 400);
        QCOMPARE(jobs().size(), 0);
        QVERIFY(healthy());
    }

    void chunkedPostsAreRead()
    {
        const Answer answer = send(port(),
                                   head("/forms/callback",
                                        "Transfer-Encoding: chunked\r\nX-CRMBridge-Secret: " + kSecret
                                            + "\r\nContent-Type: application/x-www-form-urlencoded\r\n")
                                       + "5\r\nname=\r\n4\r\nIvan\r\n0\r\n\r\n");
        QCOMPARE(answer.status, 202);
        QCOMPARE(Model::FormSubmission::fromJson(jobs().first().payload).field(QStringLiteral("name")),
                 QStringLiteral("Ivan"));
    }

    void theSecretIsCheckedBeforeTheBodyAndBeforeContinue()
    {
        // Only the head of a 1 MiB post is sent: a wrong secret is answered at once, with no
        // "100 Continue" first, and its body is never waited for.
        for (const QByteArray &target :
             { QByteArray("/forms/callback/not-the-secret"), QByteArray("/hooks/amocrm/not-the-secret") }) {
            QTcpSocket socket;
            socket.connectToHost(QHostAddress::LocalHost, port());
            QVERIFY(socket.waitForConnected(5000));
            socket.write(head(target,
                              "Content-Type: application/x-www-form-urlencoded\r\n"
                              "Content-Length: 1048576\r\nExpect: 100-continue\r\n"));
            QElapsedTimer clock;
            clock.start();
            const Answer answer = readAnswer(socket);
            QCOMPARE(answer.status, 403);
            QVERIFY(!answer.raw.contains("100 Continue"));
            QVERIFY(clock.elapsed() < 5000);
        }
        // The right secret gets its go-ahead.
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, port());
        QVERIFY(socket.waitForConnected(5000));
        socket.write(head("/hooks/amocrm/" + m_hookSecret.toUtf8(),
                          "Content-Type: application/x-www-form-urlencoded\r\nExpect: 100-continue\r\n"
                          "Content-Length: "
                              + QByteArray::number(amoHook("29000000", "shop").size()) + "\r\n"));
        QVERIFY(socket.waitForReadyRead(5000));
        QCOMPARE(socket.readAll(), QByteArray("HTTP/1.1 100 Continue\r\n\r\n"));
        socket.write(amoHook("29000000", "shop"));
        QCOMPARE(readAnswer(socket).status, 200);
        QCOMPARE(count(QStringLiteral("jobs"), QStringLiteral("WHERE kind = 'crm.stage_changed'")), 1);
    }

    void webhooksAreFloodLimitedAndCapped()
    {
        IntakeConfig config;
        config.burst = 3;
        config.perMinute = 6;
        config.hookBurst = 5;
        config.hookPerMinute = 6;
        startServer(config);
        const QByteArray wrong = head("/hooks/amocrm/not-the-secret", "Content-Length: 3\r\n") + "a=1";
        for (int i = 0; i < 3; ++i)
            QCOMPARE(send(port(), wrong).status, 403);
        QCOMPARE(send(port(), wrong).status, 429);
        const QByteArray body = amoHook("29000000", "shop");
        const QByteArray right = head("/hooks/amocrm/" + m_hookSecret.toUtf8(),
                                      "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: "
                                          + QByteArray::number(body.size()) + "\r\n")
            + body;
        // The CRM's own posts have their bucket: the guesses above did not use it up.
        for (int i = 0; i < 5; ++i)
            QCOMPARE(send(port(), right).status, 200);
        const Answer flooded = send(port(), right);
        QCOMPARE(flooded.status, 429);
        QVERIFY(flooded.head.contains("Retry-After: 10"));
        // The body cap holds for webhooks as for forms.
        m_clock.advanceMs(60000);
        QCOMPARE(send(port(), head("/hooks/amocrm/" + m_hookSecret.toUtf8(), "Content-Length: 2097152\r\n"))
                     .status,
                 413);
    }

    void connectionsPerAddressAreCapped()
    {
        IntakeConfig config;
        config.maxConnectionsPerClient = 4;
        startServer(config);
        std::vector<std::unique_ptr<QTcpSocket>> idle;
        for (int i = 0; i < 4; ++i) {
            idle.push_back(std::make_unique<QTcpSocket>());
            idle.back()->connectToHost(QHostAddress::LocalHost, port());
            QVERIFY(idle.back()->waitForConnected(5000));
            idle.back()->write("POST /forms/callback HTTP/1.1\r\n"); // and nothing more
            QVERIFY(idle.back()->waitForBytesWritten(5000));
        }
        const Answer refused = send(port(), post("name=Ivan"));
        QCOMPARE(refused.status, 503);
        QVERIFY(refused.head.contains("Retry-After: 5"));
        idle.front()->abort();
        idle.erase(idle.begin());
        // Once the server saw the close, the address has a slot again.
        QTRY_VERIFY_WITH_TIMEOUT(send(port(), post("name=Ivan")).status == 202, 5000);
    }

    void bufferedBytesPerAddressAreCapped()
    {
        IntakeConfig config;
        config.maxBufferedBytesPerClient = 1536 * 1024;
        startServer(config);
        // Two slow posts that each sent 800 KiB of a 1 MiB body pass this address's budget.
        std::vector<std::unique_ptr<QTcpSocket>> slow;
        const QByteArray part = QByteArray(800 * 1024, 'x');
        for (int i = 0; i < 2; ++i) {
            slow.push_back(std::make_unique<QTcpSocket>());
            slow.back()->connectToHost(QHostAddress::LocalHost, port());
            QVERIFY(slow.back()->waitForConnected(5000));
            slow.back()->write(head("/forms/callback",
                                    "Content-Type: application/x-www-form-urlencoded\r\n"
                                    "Content-Length: 1048576\r\nX-CRMBridge-Secret: "
                                        + kSecret + "\r\n")
                               + "name=" + part);
            QVERIFY(slow.back()->waitForBytesWritten(5000));
        }
        // The one that passed the budget is refused with 503; the other keeps waiting for its body.
        const auto refused = [&] {
            int n = 0;
            for (auto &socket : slow) {
                socket->waitForReadyRead(20);
                n += parse(socket->peek(4096)).status == 503;
            }
            return n;
        };
        QTRY_VERIFY_WITH_TIMEOUT(refused() > 0, 10000);
        QCOMPARE(refused(), 1);
        QVERIFY(healthy());
    }

    void pipelinedRequestsGetOneAnswerAndACleanClose()
    {
        // The intake answers one request per connection (Connection: close); a pipelined second one is
        // not answered, and the first answer arrives whole, followed by a clean end of stream.
        const Answer answer = send(port(), post("name=One") + post("name=Two"));
        QCOMPARE(answer.status, 202);
        QVERIFY(answer.head.contains("Connection: close"));
        QCOMPARE(answer.raw.count("HTTP/1.1 "), 1);
        QCOMPARE(jobs().size(), 1);
    }

    void earlyRefusalsReachAClientStillSending()
    {
        // A 413 is decided from the head while the client is still sending its body; the lingering close
        // lets the client read it instead of a reset.
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, port());
        QVERIFY(socket.waitForConnected(5000));
        socket.write(
            head("/forms/callback", "Content-Length: 4194304\r\nX-CRMBridge-Secret: " + kSecret + "\r\n")
            + QByteArray(256 * 1024, 'x'));
        const Answer answer = readAnswer(socket);
        QCOMPARE(answer.status, 413);
    }

    void cutUtf8Is400AndKeptRaw()
    {
        const Answer answer = send(port(), post("name=Ivan&city=%D0%9C%D0"));
        QCOMPARE(answer.status, 400);
        QVERIFY(answer.body.value(QStringLiteral("message")).toString().contains(QStringLiteral("UTF-8")));
        auto body = Storage::Sql::scalar(
            *m_store->db(), QStringLiteral("SELECT body FROM intake_raw WHERE outcome = 'rejected'"));
        QVERIFY_OK(body);
        QCOMPARE(body->toByteArray(), QByteArray("name=Ivan&city=%D0%9C%D0"));
        QCOMPARE(jobs().size(), 0);
        const QByteArray cutMultipart
            = "--b\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\n\xD0\x98\xD0\r\n--b--\r\n";
        QCOMPARE(send(port(), post(cutMultipart, {}, "multipart/form-data; boundary=b")).status, 400);
        QCOMPARE(count(QStringLiteral("intake_raw"), QStringLiteral("WHERE outcome = 'rejected'")), 2);
    }

    void aReusedIdempotencyKeyWithOtherFieldsIs409()
    {
        const QByteArray key = "Idempotency-Key: order-form-17\r\n";
        const Answer first = send(port(), post("name=Ivan&phone=1", key));
        QCOMPARE(first.status, 202);
        // The same fields again (a retry, even in another encoding): the same submission.
        const Answer retry = send(port(), post(R"({"name":"Ivan","phone":"1"})", key, "application/json"));
        QCOMPARE(retry.status, 202);
        QCOMPARE(retry.body.value(QStringLiteral("id")), first.body.value(QStringLiteral("id")));
        // Other fields with the same key: refused, and the body kept for the operator.
        const Answer other = send(port(), post("name=Maria&phone=2", key));
        QCOMPARE(other.status, 409);
        QCOMPARE(jobs().size(), 1);
        QCOMPARE(Model::FormSubmission::fromJson(jobs().first().payload).field(QStringLiteral("name")),
                 QStringLiteral("Ivan"));
        auto kept = Storage::Sql::scalar(
            *m_store->db(), QStringLiteral("SELECT body FROM intake_raw WHERE outcome = 'rejected'"));
        QVERIFY_OK(kept);
        QCOMPARE(kept->toByteArray(), QByteArray("name=Maria&phone=2"));
    }

    void theHoneypotIsKeptAsSpamAndNeverSent()
    {
        const Answer answer = send(port(), post("name=Bot&phone=123&_hp=http%3A%2F%2Fspam.example"));
        QCOMPARE(answer.status, 202); // the bot is not told
        QCOMPARE(answer.body.value(QStringLiteral("status")).toString(), QStringLiteral("stored"));
        QCOMPARE(jobs().size(), 0);
        QCOMPARE(count(QStringLiteral("intake_raw"), QStringLiteral("WHERE outcome = 'spam'")), 1);
        // An empty honeypot is a person.
        QCOMPARE(send(port(), post("name=Ivan&phone=1&_hp=")).status, 202);
        QCOMPARE(jobs().size(), 1);
    }

    void aPostWithoutARealFieldIsRefused()
    {
        QCOMPARE(send(port(), post("_token=abc&_hp=&utm_source=ya&page_url=https%3A%2F%2Fshop")).status, 400);
        QCOMPARE(send(port(), post("name=&phone=++")).status, 400);
        QCOMPARE(send(port(), post(R"({"_csrf":"x"})", {}, "application/json")).status, 400);
        QCOMPARE(jobs().size(), 0);
        QCOMPARE(count(QStringLiteral("intake_raw"), QStringLiteral("WHERE outcome = 'rejected'")), 3);
    }

    void aWebhookNeedsBothTheSubdomainAndTheAccountId()
    {
        const auto hook = [this](const QByteArray &body) {
            return send(port(),
                        head("/hooks/amocrm/" + m_hookSecret.toUtf8(),
                             "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: "
                                 + QByteArray::number(body.size()) + "\r\n")
                            + body);
        };
        QCOMPARE(hook(amoHook("424242", "shop")).status, 403); // the right subdomain, a foreign account
        QCOMPARE(hook(amoHook("29000000", "other")).status, 403);
        QCOMPARE(hook(amoHook("424242", "other")).status, 403);
        QCOMPARE(count(QStringLiteral("jobs"), QStringLiteral("WHERE kind = 'crm.stage_changed'")), 0);
        QCOMPARE(count(QStringLiteral("intake_raw"), QStringLiteral("WHERE outcome = 'rejected'")), 3);
        QCOMPARE(hook(amoHook("29000000", "shop")).status, 200);
        QCOMPARE(count(QStringLiteral("jobs"), QStringLiteral("WHERE kind = 'crm.stage_changed'")), 1);
    }

    /** The engine process: after the request that used to kill it, it answers and SIGTERM stops it. */
    void theEngineStillStopsOnSigtermAfterTheAttack()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString database = QStringLiteral("sqlite://") + dir.filePath(QStringLiteral("run.db"));
        const QString keyFile = dir.filePath(QStringLiteral("secret.key"));
        QVERIFY_OK(Secrets::SecretKey::generateFile(keyFile));
        quint16 enginePort = 0;
        {
            auto db = Storage::Database::open(database);
            QVERIFY_OK(db);
            QVERIFY_OK(Storage::Migrator(*db.value()).migrate());
            QVERIFY_OK(FormEndpointRepo(db.value())
                           .setSecret(QStringLiteral("callback"), QString::fromLatin1(kSecret)));
            // `run` needs a connection; one never signed in sends nothing, so only the intake works.
            Store::Connection amo;
            amo.name = QStringLiteral("amo");
            amo.crm = QStringLiteral("amocrm");
            amo.baseUrl = QStringLiteral("http://127.0.0.1:9");
            QVERIFY_OK(Store::ConnectionRepo(db.value()).add(amo));
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost));
            enginePort = probe.serverPort();
            probe.close();
            QVERIFY_OK(Store::SettingsRepo(db.value())
                           .setValue(QStringLiteral("intake.listen"),
                                     QStringLiteral("127.0.0.1:%1").arg(enginePort)));
        }
        QProcess engine;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("DISPLAY"));
        env.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
        engine.setProcessEnvironment(env);
        engine.start(QStringLiteral(CRMBRIDGECTL_PATH),
                     { QStringLiteral("--database"), database, QStringLiteral("--secret-key-file"), keyFile,
                       QStringLiteral("run") });
        QVERIFY(engine.waitForStarted(10000));
        QString log;
        QTRY_VERIFY2_WITH_TIMEOUT((log += QString::fromUtf8(engine.readAllStandardError()))
                                      .contains(QStringLiteral("form intake listens on port")),
                                  qPrintable(log), 30000);
        const Answer attack = send(
            enginePort,
            head("/forms/callback", "Transfer-Encoding: chunked\r\nX-CRMBridge-Secret: " + kSecret + "\r\n")
                + "1\r\na\r\n7fffffffffffffff\r\n" + QByteArray(1024 * 1024, 'b'));
        QCOMPARE(attack.status, 413);
        QCOMPARE(send(enginePort, post("name=Ivan&phone=%2B79031234567")).status, 202);
        ::kill(pid_t(engine.processId()), SIGTERM);
        QVERIFY2(engine.waitForFinished(20000), "the engine did not stop on SIGTERM");
        QCOMPARE(engine.exitStatus(), QProcess::NormalExit);
        QCOMPARE(engine.exitCode(), 0);
    }
};

QTEST_GUILESS_MAIN(TestIntakeHostile)
#include "tst_IntakeHostile.moc"
