// SPDX-License-Identifier: GPL-3.0-or-later
// The form intake endpoint over real sockets: good posts in three encodings, and every kind of bad one.
#include "PgServer.h"
#include "TestDatabase.h"
#include "TestEnv.h"
#include "crm/ConnectorFactory.h"
#include "model/FormSubmission.h"
#include "source/intake/FormEndpointRepo.h"
#include "source/intake/FormIntakeServer.h"
#include "storage/Sql.h"
#include "store/JobRepo.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>
#include <QTest>

using namespace Source::Intake;
using TestSupport::TestDatabase;

namespace {

const QByteArray kSecret = "callback-secret-0123456789";

struct Answer
{
    int status = 0;
    QByteArray head;
    QJsonObject body;
};

Answer send(quint16 port, const QByteArray &raw)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    Answer answer;
    if (!socket.waitForConnected(5000))
        return answer;
    socket.write(raw);
    socket.waitForBytesWritten(5000);
    QByteArray bytes;
    while (socket.state() == QAbstractSocket::ConnectedState && socket.waitForReadyRead(5000))
        bytes += socket.readAll();
    bytes += socket.readAll();
    const qsizetype split = bytes.indexOf("\r\n\r\n");
    answer.head = bytes.left(split);
    answer.status = bytes.mid(9, 3).toInt();
    answer.body = QJsonDocument::fromJson(bytes.mid(split + 4)).object();
    return answer;
}

QByteArray post(const QByteArray &target, const QByteArray &contentType, const QByteArray &body,
                const QByteArray &extraHeaders = "X-CRMBridge-Secret: " + kSecret + "\r\n")
{
    return "POST " + target + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: " + contentType
        + "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n" + extraHeaders + "\r\n" + body;
}

} // namespace

class TestFormIntake : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<TestDatabase> m_store;
    std::unique_ptr<FormIntakeServer> m_server;
    Common::ManualClock m_clock;

    int count(const QString &table, const QString &where = {})
    {
        const QString sql = QStringLiteral("SELECT COUNT(*) FROM %1 %2").arg(table, where);
        auto n = Storage::Sql::scalar(*m_store->db(), sql);
        if (!n) // this thread's connection did not survive a server restart; the next one is fresh
            n = Storage::Sql::scalar(*m_store->db(), sql);
        return n ? n->toInt() : -1;
    }
    QList<Store::Job> jobs() { return Store::JobRepo(m_store->db()).search({}).value(); }
    void startServer(IntakeConfig config = {})
    {
        config.port = 0;
        config.webhookParsers = Crm::ConnectorFactory::webhookParsers(); // as the app registers them
        m_server = std::make_unique<FormIntakeServer>(m_store->db(), config, &m_clock);
        QVERIFY_OK(m_server->start());
    }

private Q_SLOTS:
    void init()
    {
        auto store = TestDatabase::create(QStringLiteral("sqlite"));
        QVERIFY_OK(store);
        m_store = std::move(store).value();
        QVERIFY_OK(FormEndpointRepo(m_store->db())
                       .setSecret(QStringLiteral("callback"), QString::fromLatin1(kSecret)));
        startServer();
    }
    void cleanup() { m_server.reset(); }

    void urlEncodedPostIsStoredBeforeTheAnswer()
    {
        const QByteArray body
            = "name=%D0%98%D0%B2%D0%B0%D0%BD+%D0%9F%D0%B5%D1%82%D1%80%D0%BE%D0%B2&phone=8+(912)+345-67-89"
              "&email=Ivan%40Mail.RU&message=%D0%9F%D0%B5%D1%80%D0%B5%D0%B7%D0%B2%D0%BE%D0%BD%D0%B8%D1%82%D0%"
              "B5"
              "&utm_source=yandex&page_url=https%3A%2F%2Fshop.ru%2Fcontacts%3Futm_campaign%3Dspring&_token=x";
        const Answer answer
            = send(m_server->port(), post("/forms/callback", "application/x-www-form-urlencoded", body));
        QCOMPARE(answer.status, 202);
        QCOMPARE(answer.body.value(QStringLiteral("status")).toString(), QStringLiteral("stored"));
        const QList<Store::Job> stored = jobs();
        QCOMPARE(stored.size(), 1); // already committed when the 202 arrived
        const Store::Job &job = stored.first();
        QCOMPARE(job.kind, QStringLiteral("form.submitted"));
        QCOMPARE(job.reference, QStringLiteral("callback"));
        QCOMPARE(job.customer, QStringLiteral("Иван Петров"));
        QCOMPARE(job.phone, QStringLiteral("+79123456789"));
        QCOMPARE(job.email, QStringLiteral("ivan@mail.ru"));
        const Model::FormSubmission form = Model::FormSubmission::fromJson(job.payload);
        QCOMPARE(form.id, answer.body.value(QStringLiteral("id")).toString());
        QCOMPARE(form.formName, QStringLiteral("callback"));
        QCOMPARE(form.clientIp, QStringLiteral("127.0.0.1"));
        QCOMPARE(form.pageUrl, QStringLiteral("https://shop.ru/contacts?utm_campaign=spring"));
        QCOMPARE(form.field(QStringLiteral("message")), QStringLiteral("Перезвоните"));
        QCOMPARE(form.fields.size(), 4); // name, phone, email, message: no utm_*, page_url or _token
        QCOMPARE(form.utm.value(QStringLiteral("utm_source")), QStringLiteral("yandex"));
        QCOMPARE(form.utm.value(QStringLiteral("utm_campaign")), QStringLiteral("spring"));
        // The raw request is kept, without the secret.
        auto raw = Storage::Sql::exec(
            *m_store->db(), QStringLiteral("SELECT outcome, headers, body, job_id FROM intake_raw"));
        QVERIFY(raw->next());
        QCOMPARE(raw->value(0).toString(), QStringLiteral("stored"));
        QVERIFY(raw->value(1).toString().contains(QStringLiteral("X-CRMBridge-Secret: ***")));
        QVERIFY(!raw->value(1).toString().contains(QString::fromLatin1(kSecret)));
        QCOMPARE(raw->value(2).toByteArray(), body);
        QCOMPARE(raw->value(3).toLongLong(), job.id);
    }

    void multipartWithTheSecretInThePath()
    {
        const QByteArray body
            = "--XyZ\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nОльга\r\n"
              "--XyZ\r\nContent-Disposition: form-data; name=\"phone\"\r\n\r\n+7 903 111 22 33\r\n"
              "--XyZ\r\nContent-Disposition: form-data; name=\"cv\"; filename=\"резюме.pdf\"\r\n"
              "Content-Type: application/pdf\r\n\r\n%PDF-1.4 binary\r\n--XyZ--\r\n";
        const Answer answer
            = send(m_server->port(),
                   post("/forms/callback/" + kSecret, "multipart/form-data; boundary=XyZ", body, {}));
        QCOMPARE(answer.status, 202);
        const Model::FormSubmission form = Model::FormSubmission::fromJson(jobs().first().payload);
        QCOMPARE(form.field(QStringLiteral("name")), QStringLiteral("Ольга"));
        QCOMPARE(form.field(QStringLiteral("cv")), QStringLiteral("[file резюме.pdf, 15 bytes]"));
        QCOMPARE(jobs().first().phone, QStringLiteral("+79031112233"));
        auto target = Storage::Sql::scalar(*m_store->db(), QStringLiteral("SELECT target FROM intake_raw"));
        QCOMPARE(target->toString(), QStringLiteral("/forms/callback/***"));
    }

    void jsonAndRetriesWithAnIdempotencyKey()
    {
        const QByteArray body
            = R"({"name":"Анна","contact":{"email":"ANNA@example.com","phone":"89161234567"},"agree":true,"items":["a","b"]})";
        const QByteArray headers = "X-CRMBridge-Secret: " + kSecret + "\r\nIdempotency-Key: attempt-1\r\n";
        const Answer first = send(m_server->port(),
                                  post("/forms/callback", "application/json; charset=utf-8", body, headers));
        const Answer retry
            = send(m_server->port(), post("/forms/callback", "application/json", body, headers));
        QCOMPARE(first.status, 202);
        QCOMPARE(retry.status, 202);
        QCOMPARE(retry.body.value(QStringLiteral("id")), first.body.value(QStringLiteral("id")));
        QCOMPARE(jobs().size(), 1);
        const Model::FormSubmission form = Model::FormSubmission::fromJson(jobs().first().payload);
        QCOMPARE(form.field(QStringLiteral("contact.email")), QStringLiteral("ANNA@example.com"));
        QCOMPARE(form.field(QStringLiteral("agree")), QStringLiteral("1"));
        QCOMPARE(form.field(QStringLiteral("items")), QStringLiteral("a, b"));
    }

    void badRequestsAreRefusedClearly()
    {
        const quint16 port = m_server->port();
        Answer answer = send(port, post("/forms/callback", "application/json", "{\"name\": "));
        QCOMPARE(answer.status, 400);
        QVERIFY(
            answer.body.value(QStringLiteral("message")).toString().contains(QStringLiteral("malformed")));
        QCOMPARE(count(QStringLiteral("intake_raw"), QStringLiteral("WHERE outcome = 'rejected'")),
                 1); // kept for the operator
        QCOMPARE(send(port, post("/forms/callback", "application/json", "[1,2]")).status, 400);
        QCOMPARE(send(port, post("/forms/callback", "application/x-www-form-urlencoded", "")).status, 400);
        QCOMPARE(
            send(port, post("/forms/callback", "application/x-www-form-urlencoded", "name=%FF%FE")).status,
            400);
        QCOMPARE(send(port, post("/forms/callback", "text/plain", "hello")).status, 415);
        QCOMPARE(send(port, "GARBAGE\r\n\r\n").status, 400);
        QCOMPARE(send(port, post("/elsewhere", "application/json", "{}")).status, 404);
        QCOMPARE(send(port, "GET /forms/callback HTTP/1.1\r\nHost: x\r\n\r\n").status, 405);
        QCOMPARE(send(port, "GET /health HTTP/1.1\r\nHost: x\r\n\r\n").status, 200);
        QCOMPARE(jobs().size(), 0);
    }

    void secretsAreCheckedAndWrongOnesStoreNothing()
    {
        const quint16 port = m_server->port();
        const QByteArray body = "name=x&phone=1";
        QCOMPARE(send(port, post("/forms/callback", "application/x-www-form-urlencoded", body, {})).status,
                 401);
        const Answer wrong = send(port,
                                  post("/forms/callback", "application/x-www-form-urlencoded", body,
                                       "X-CRMBridge-Secret: callback-secret-0123456788\r\n"));
        QCOMPARE(wrong.status, 403);
        QCOMPARE(
            send(port, post("/forms/callback/not-the-secret", "application/x-www-form-urlencoded", body, {}))
                .status,
            403);
        QCOMPARE(send(port, post("/forms/unknown", "application/x-www-form-urlencoded", body)).status, 404);
        QVERIFY_OK(FormEndpointRepo(m_store->db()).setEnabled(QStringLiteral("callback"), false));
        QCOMPARE(send(port, post("/forms/callback", "application/x-www-form-urlencoded", body)).status, 403);
        QCOMPARE(jobs().size(), 0);
        QCOMPARE(count(QStringLiteral("intake_raw")), 0);
        // The secret itself is nowhere in the store.
        QFile file(m_store->sqliteFile());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(!file.readAll().contains(kSecret));
    }

    void oversizedBodiesAreRefusedBeforeTheyAreRead()
    {
        const quint16 port = m_server->port();
        // Only the headers are sent: the answer must not wait for 2 MiB that never come.
        const Answer declared
            = send(port,
                   "POST /forms/callback HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                   "Content-Length: 2097152\r\nX-CRMBridge-Secret: "
                       + kSecret + "\r\n\r\n");
        QCOMPARE(declared.status, 413);
        QByteArray chunked = "POST /forms/callback HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                             "Transfer-Encoding: chunked\r\nX-CRMBridge-Secret: "
            + kSecret + "\r\n\r\n";
        for (int i = 0; i < 20; ++i)
            chunked += "10000\r\n" + QByteArray(0x10000, 'a') + "\r\n";
        QCOMPARE(send(port, chunked).status, 413);
        const QByteArray exactlyOneMiB = "{\"name\":\"" + QByteArray(1024 * 1024 - 11, 'x') + "\"}";
        QCOMPARE(exactlyOneMiB.size(), 1024 * 1024);
        QCOMPARE(send(port, post("/forms/callback", "application/json", exactlyOneMiB)).status, 202);
        QCOMPARE(jobs().size(), 1);
    }

    void floodsFromOneAddressGet429()
    {
        IntakeConfig config;
        config.burst = 3;
        config.perMinute = 6; // one every 10 s
        startServer(config);
        const QByteArray request = post("/forms/callback", "application/x-www-form-urlencoded", "name=x");
        for (int i = 0; i < 3; ++i)
            QCOMPARE(send(m_server->port(), request).status, 202);
        const Answer flooded = send(m_server->port(), request);
        QCOMPARE(flooded.status, 429);
        QVERIFY2(flooded.head.contains("Retry-After: 10"), flooded.head.constData());
        m_clock.advanceMs(10000);
        QCOMPARE(send(m_server->port(), request).status, 202);
        QCOMPARE(jobs().size(), 4);
    }

    void expectContinueIsAnsweredBeforeTheBody()
    {
        // curl sends "Expect: 100-continue" for larger bodies and waits for the go-ahead.
        const QByteArray body = "name=" + QByteArray(4000, 'x');
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, m_server->port());
        QVERIFY(socket.waitForConnected(5000));
        socket.write(
            "POST /forms/callback HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
            "Expect: 100-continue\r\nX-CRMBridge-Secret: "
            + kSecret + "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n\r\n");
        QVERIFY(socket.waitForReadyRead(5000));
        QCOMPARE(socket.readAll(), QByteArray("HTTP/1.1 100 Continue\r\n\r\n"));
        socket.write(body);
        QByteArray answer;
        while (socket.state() == QAbstractSocket::ConnectedState && socket.waitForReadyRead(5000))
            answer += socket.readAll();
        QVERIFY2(answer.startsWith("HTTP/1.1 202"), answer.constData());
    }

    void slowClientsAreDropped()
    {
        IntakeConfig config;
        config.requestTimeoutMs = 300;
        startServer(config);
        const Answer answer
            = send(m_server->port(), "POST /forms/callback HTTP/1.1\r\nHost: x\r\nContent-Le");
        QCOMPARE(answer.status, 408);
        QCOMPARE(jobs().size(), 0);
    }

    void configFromSettings()
    {
        auto config = IntakeConfig::fromSettings(
            { { QStringLiteral("intake.listen"), QStringLiteral("0.0.0.0:9099") },
              { QStringLiteral("intake.burst"), QStringLiteral("5") },
              { QStringLiteral("intake.trust_forwarded_for"), QStringLiteral("1") } });
        QVERIFY_OK(config);
        QCOMPARE(config->address, QHostAddress(QHostAddress::AnyIPv4));
        QCOMPARE(config->port, quint16(9099));
        QCOMPARE(config->burst, 5);
        QVERIFY(config->trustForwardedFor);
        QCOMPARE(config->maxBodyBytes, 1024 * 1024);
        QVERIFY(
            !IntakeConfig::fromSettings({ { QStringLiteral("intake.listen"), QStringLiteral("localhost") } })
                 .ok());
    }

    void forwardedForIsUsedOnlyWhenTrusted()
    {
        const QByteArray request
            = post("/forms/callback", "application/x-www-form-urlencoded", "name=x",
                   "X-CRMBridge-Secret: " + kSecret + "\r\nX-Forwarded-For: 203.0.113.7\r\n");
        QCOMPARE(send(m_server->port(), request).status, 202);
        IntakeConfig config;
        config.trustForwardedFor = true;
        startServer(config);
        QCOMPARE(send(m_server->port(), request).status, 202);
        QStringList ips;
        for (const Store::Job &job : jobs())
            ips << Model::FormSubmission::fromJson(job.payload).clientIp;
        ips.sort();
        QCOMPARE(ips, QStringList({ QStringLiteral("127.0.0.1"), QStringLiteral("203.0.113.7") }));
    }

    void storeDownMeans503AndNothingHalfStored()
    {
        QVERIFY2(TestSupport::PgServer::instance().ok(),
                 qPrintable(TestSupport::PgServer::instance().error()));
        m_server.reset();
        auto pg = TestDatabase::create(QStringLiteral("postgresql"));
        QVERIFY_OK(pg);
        m_store = std::move(pg).value();
        QVERIFY_OK(FormEndpointRepo(m_store->db())
                       .setSecret(QStringLiteral("callback"), QString::fromLatin1(kSecret)));
        startServer();
        const QByteArray request
            = post("/forms/callback", "application/x-www-form-urlencoded", "name=Пётр&phone=89001112233");
        QCOMPARE(send(m_server->port(), request).status, 202);

        QVERIFY(TestSupport::PgServer::instance().stop());
        const Answer down = send(m_server->port(), request);
        QVERIFY(TestSupport::PgServer::instance().start());
        QCOMPARE(down.status, 503);
        QVERIFY(down.head.contains("Retry-After"));
        QCOMPARE(count(QStringLiteral("jobs")), 1);
        QCOMPARE(count(QStringLiteral("intake_raw")), 1);
        // The server recovers with the store.
        QCOMPARE(send(m_server->port(), request).status, 202);
        QCOMPARE(count(QStringLiteral("jobs")), 2);
    }
};

QTEST_GUILESS_MAIN(TestFormIntake)
#include "tst_FormIntake.moc"
