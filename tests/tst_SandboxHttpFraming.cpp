// SPDX-License-Identifier: GPL-3.0-or-later
// HTTP/1.1 framing of both sandboxes' server (tests/sandbox/common/HttpServer, issue 17), over real
// sockets: a raw client sends chunked bodies, `Expect: 100-continue`, several requests on one
// keep-alive connection and pipelined requests in one write; Qt's client reuses and pipelines too.
// Each request does real work (a lead or customer is created from the body), so a body that is
// misread shows up as a refusal or a wrong name, not only as a status.
#include "amocrm/AmoCrmSandbox.h"
#include "amocrm/AmoSandboxOptions.h"
#include "retailcrm/RetailCrmSandbox.h"
#include "retailcrm/RetailSandboxOptions.h"
#include "sandbox/tests/SandboxTestClient.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTcpSocket>
#include <QTest>
#include <memory>

namespace {

struct RawResponse
{
    int status = 0;
    QByteArray head;
    QByteArray body;
    QJsonObject object() const { return QJsonDocument::fromJson(body).object(); }
};

/** A client that writes bytes as given and reads Content-Length answers one by one (1xx included). */
class RawClient
{
public:
    explicit RawClient(quint16 port)
    {
        m_socket.connectToHost(QHostAddress::LocalHost, port);
        m_socket.waitForConnected(5000);
    }
    bool connected() const { return m_socket.state() == QAbstractSocket::ConnectedState; }
    void write(const QByteArray &bytes)
    {
        m_socket.write(bytes);
        m_socket.waitForBytesWritten(5000);
    }
    RawResponse read()
    {
        QElapsedTimer clock;
        clock.start();
        for (;;) {
            const qsizetype end = m_buffer.indexOf("\r\n\r\n");
            if (end >= 0) {
                RawResponse response;
                response.head = m_buffer.left(end);
                response.status = m_buffer.mid(9, 3).toInt();
                qsizetype length = 0;
                for (const QByteArray &line : response.head.split('\n')) {
                    if (line.toLower().startsWith("content-length:"))
                        length = line.mid(15).trimmed().toLongLong();
                }
                if (m_buffer.size() >= end + 4 + length) {
                    response.body = m_buffer.mid(end + 4, length);
                    m_buffer.remove(0, end + 4 + length);
                    return response;
                }
            }
            if (clock.elapsed() > 10000 || (!connected() && m_socket.bytesAvailable() == 0))
                return {};
            if (m_socket.waitForReadyRead(200))
                m_buffer += m_socket.readAll();
        }
    }
    /** True when the server closed the connection (and nothing more came). */
    bool closedByServer()
    {
        QElapsedTimer clock;
        clock.start();
        while (connected() && clock.elapsed() < 5000)
            m_socket.waitForReadyRead(100);
        return !connected();
    }

private:
    QTcpSocket m_socket;
    QByteArray m_buffer;
};

QByteArray chunked(const QList<QByteArray> &pieces)
{
    QByteArray out;
    for (const QByteArray &piece : pieces)
        out += QByteArray::number(piece.size(), 16) + "\r\n" + piece + "\r\n";
    return out + "0\r\n\r\n";
}

} // namespace

/** One sandbox under test: how to create something from a body and check it. */
struct Target
{
    quint16 port = 0;
    QByteArray createPath;
    QByteArray contentType;
    QByteArray auth; ///< a header line
    std::function<QByteArray(const QString &name)> body;
    int createdStatus = 200;
    /** The id of what the answer says was created. */
    std::function<QString(const RawResponse &)> createdId;
    /** A request reading it back, and the name in that answer. */
    std::function<QByteArray(const QString &id)> readBack;
    std::function<QString(const RawResponse &)> nameOf;
};

class TestSandboxHttpFraming : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<Sandbox::AmoCrm::AmoCrmSandbox> m_amo;
    std::unique_ptr<Sandbox::RetailCrm::RetailCrmSandbox> m_retail;
    Target m_amoTarget;
    Target m_retailTarget;

    const Target &target() const
    {
        return QByteArray(QTest::currentDataTag()) == "amocrm" ? m_amoTarget : m_retailTarget;
    }
    static QByteArray head(const Target &t, const QByteArray &framing, bool close = false)
    {
        return "POST " + t.createPath + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: " + t.contentType
            + "\r\n" + t.auth + framing + (close ? "Connection: close\r\n" : "") + "\r\n";
    }
    static QByteArray withLength(const Target &t, const QByteArray &body, const QByteArray &extra = {})
    {
        return head(t, "Content-Length: " + QByteArray::number(body.size()) + "\r\n" + extra) + body;
    }
    void checkCreated(RawClient &client, const Target &t, const RawResponse &created, const QString &name)
    {
        QVERIFY2(created.status == t.createdStatus, created.body.constData());
        const QString id = t.createdId(created);
        QVERIFY(!id.isEmpty());
        client.write(t.readBack(id));
        const RawResponse read = client.read();
        QCOMPARE(read.status, 200);
        QCOMPARE(t.nameOf(read), name);
    }

private Q_SLOTS:
    void initTestCase()
    {
        // The framing is under test here, not the request budget (tst_AmoSandboxLimits has that).
        Sandbox::AmoCrm::AmoSandboxOptions amoOptions;
        amoOptions.rate = 0;
        m_amo = std::make_unique<Sandbox::AmoCrm::AmoCrmSandbox>(amoOptions);
        QString error;
        QVERIFY2(m_amo->start(&error), qPrintable(error));
        Sandbox::Testing::SandboxTestClient control(m_amo->baseUrl());
        const QString token = control.control(QStringLiteral("long-lived-token"), { { "expires_in", 3600 } })
                                  .value("access_token")
                                  .toString();
        QVERIFY(!token.isEmpty());
        m_amoTarget.port = m_amo->port();
        m_amoTarget.createPath = "/api/v4/leads";
        m_amoTarget.contentType = "application/json";
        m_amoTarget.auth = "Authorization: Bearer " + token.toLatin1() + "\r\n";
        m_amoTarget.body = [](const QString &name) {
            return QJsonDocument(QJsonArray { QJsonObject { { "name", name }, { "price", 1990 } } })
                .toJson(QJsonDocument::Compact);
        };
        m_amoTarget.createdId = [](const RawResponse &r) {
            const QJsonArray leads = r.object().value("_embedded").toObject().value("leads").toArray();
            return leads.isEmpty() ? QString()
                                   : QString::number(leads.first().toObject().value("id").toInteger());
        };
        m_amoTarget.readBack = [this](const QString &id) {
            return "GET /api/v4/leads/" + id.toLatin1() + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + m_amoTarget.auth + "\r\n";
        };
        m_amoTarget.nameOf = [](const RawResponse &r) { return r.object().value("name").toString(); };

        Sandbox::RetailCrm::RetailSandboxOptions retailOptions;
        retailOptions.rate = 0;
        m_retail = std::make_unique<Sandbox::RetailCrm::RetailCrmSandbox>(retailOptions);
        QVERIFY2(m_retail->start(&error), qPrintable(error));
        m_retailTarget.port = m_retail->port();
        m_retailTarget.createPath = "/api/v5/customers/create";
        m_retailTarget.contentType = "application/x-www-form-urlencoded";
        m_retailTarget.auth = "X-API-KEY: " + retailOptions.apiKey.toLatin1() + "\r\n";
        m_retailTarget.createdStatus = 201;
        const QByteArray site = retailOptions.site.toLatin1();
        m_retailTarget.body = [site](const QString &name) {
            const QByteArray customer
                = QJsonDocument(QJsonObject { { "firstName", name }, { "externalId", name } })
                      .toJson(QJsonDocument::Compact);
            return "site=" + site + "&customer=" + customer.toPercentEncoding();
        };
        m_retailTarget.createdId = [](const RawResponse &r) {
            return r.object().value("success").toBool() ? QString::number(r.object().value("id").toInteger())
                                                        : QString();
        };
        m_retailTarget.readBack = [this, site](const QString &id) {
            return "GET /api/v5/customers/" + id.toLatin1() + "?by=id&site=" + site
                + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + m_retailTarget.auth + "\r\n";
        };
        m_retailTarget.nameOf = [](const RawResponse &r) {
            return r.object().value("customer").toObject().value("firstName").toString();
        };
    }

    void cleanupTestCase()
    {
        m_amo.reset();
        m_retail.reset();
    }

    void chunkedBodies_data()
    {
        QTest::addColumn<int>("unused");
        QTest::newRow("amocrm") << 0;
        QTest::newRow("retailcrm") << 0;
    }
    void chunkedBodies()
    {
        const Target &t = target();
        const QByteArray body = t.body(QStringLiteral("Чанкед Иван"));
        RawClient client(t.port);
        QVERIFY(client.connected());
        // As Node's http module sends a body of unknown length: the head, then chunks as they come.
        client.write(head(t, "Transfer-Encoding: chunked\r\n"));
        client.write(chunked({ body.left(5) }).chopped(5)); // one chunk, the end not yet
        client.write(chunked({ body.mid(5, 7), body.mid(12) }));
        checkCreated(client, t, client.read(), QStringLiteral("Чанкед Иван"));
        // An empty chunked body is an empty body, refused as such (not a second request).
        client.write(head(t, "Transfer-Encoding: chunked\r\n") + "0\r\n\r\n");
        QCOMPARE(client.read().status, 400);
    }

    void keepAlive_data() { chunkedBodies_data(); }
    void keepAlive()
    {
        const Target &t = target();
        RawClient client(t.port);
        for (int i = 0; i < 3; ++i)
            checkCreated(
                client, t,
                [&] {
                    client.write(withLength(t, t.body(QStringLiteral("keep-%1").arg(i))));
                    return client.read();
                }(),
                QStringLiteral("keep-%1").arg(i));
        QVERIFY(client.connected());
        // Connection: close is honoured after the answer.
        client.write(withLength(t, t.body(QStringLiteral("last")), "Connection: close\r\n"));
        QCOMPARE(client.read().status, t.createdStatus);
        QVERIFY(client.closedByServer());
    }

    void expectContinue_data() { chunkedBodies_data(); }
    void expectContinue()
    {
        const Target &t = target();
        for (const bool isChunked : { false, true }) {
            const QString name = isChunked ? QStringLiteral("curl-chunked") : QStringLiteral("curl-length");
            const QByteArray body = t.body(name);
            RawClient client(t.port);
            client.write(head(t,
                              (isChunked ? QByteArray("Transfer-Encoding: chunked\r\n")
                                         : "Content-Length: " + QByteArray::number(body.size()) + "\r\n")
                                  + "Expect: 100-continue\r\n"));
            const RawResponse go = client.read();
            QCOMPARE(go.status, 100);
            client.write(isChunked ? chunked({ body }) : body);
            checkCreated(client, t, client.read(), name);
        }
    }

    void pipelining_data() { chunkedBodies_data(); }
    void pipelining()
    {
        const Target &t = target();
        RawClient client(t.port);
        // Four requests in one write, chunked and not: four answers, in the order sent.
        QByteArray all;
        for (int i = 0; i < 4; ++i) {
            const QByteArray body = t.body(QStringLiteral("pipe-%1").arg(i));
            all += i % 2 ? head(t, "Transfer-Encoding: chunked\r\n") + chunked({ body.left(3), body.mid(3) })
                         : withLength(t, body);
        }
        client.write(all);
        QList<RawResponse> answers;
        for (int i = 0; i < 4; ++i)
            answers.append(client.read());
        for (int i = 0; i < 4; ++i)
            checkCreated(client, t, answers[i], QStringLiteral("pipe-%1").arg(i));
    }

    void malformedFramingIsRefusedAndClosed_data() { chunkedBodies_data(); }
    void malformedFramingIsRefusedAndClosed()
    {
        const Target &t = target();
        RawClient client(t.port);
        client.write(head(t, "Transfer-Encoding: chunked\r\n") + "1\r\na\r\n7fffffffffffffff\r\n");
        QCOMPARE(client.read().status, 413);
        QVERIFY(client.closedByServer());
        RawClient conflicting(t.port);
        conflicting.write(head(t, "Content-Length: 3\r\nContent-Length: 4\r\n") + "abcd");
        QCOMPARE(conflicting.read().status, 400);
        QVERIFY(conflicting.closedByServer());
    }

    void qtClientReusesAndPipelines_data() { chunkedBodies_data(); }
    void qtClientReusesAndPipelines()
    {
        const Target &t = target();
        QNetworkAccessManager network;
        network.setProxy(QNetworkProxy::NoProxy);
        QList<QNetworkReply *> replies;
        for (int i = 0; i < 8; ++i) {
            QNetworkRequest request(QUrl(
                QStringLiteral("http://127.0.0.1:%1%2").arg(t.port).arg(QString::fromLatin1(t.createPath))));
            request.setHeader(QNetworkRequest::ContentTypeHeader, QString::fromLatin1(t.contentType));
            const QList<QByteArray> auth = t.auth.trimmed().split(':');
            request.setRawHeader(auth[0], auth[1].trimmed());
            request.setAttribute(QNetworkRequest::HttpPipeliningAllowedAttribute, true);
            replies.append(network.post(request, t.body(QStringLiteral("qt-%1").arg(i))));
        }
        for (QNetworkReply *reply : replies) {
            QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 10000);
            QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), t.createdStatus);
        }
        RawClient check(t.port);
        for (int i = 0; i < replies.size(); ++i) {
            RawResponse created;
            created.status = t.createdStatus;
            created.body = replies[i]->readAll();
            checkCreated(check, t, created, QStringLiteral("qt-%1").arg(i));
        }
        qDeleteAll(replies);
    }
};

QTEST_GUILESS_MAIN(TestSandboxHttpFraming)
#include "tst_SandboxHttpFraming.moc"
