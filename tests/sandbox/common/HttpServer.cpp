// SPDX-License-Identifier: GPL-3.0-or-later
#include "HttpServer.h"

#include "HttpRequestReader.h"

#include <QDateTime>
#include <QLocale>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>
#include <sys/socket.h>

namespace Sandbox {

namespace {

constexpr qsizetype kMaxHeadBytes = 64 * 1024;
constexpr qsizetype kMaxBodyBytes = 64 * 1024 * 1024;
constexpr qint64 kReadChunk = 256 * 1024;

/**
 * One client connection: reads requests with the shared Net::HttpRequestReader (Content-Length and
 * chunked bodies, `Expect: 100-continue`), answers pipelined requests one at a time in the order
 * sent, keeps the connection open unless the client or HTTP/1.0 asks otherwise. Owns its socket.
 */
class HttpConnection : public QObject
{
public:
    HttpConnection(QTcpSocket *socket, const HttpServer::Handler &handler, QObject *parent)
        : QObject(parent)
        , m_socket(socket)
        , m_handler(handler)
        , m_reader(readerLimits())
    {
        m_socket->setParent(this);
        // While a request is being answered (a delayed reply), the next ones wait in the kernel.
        m_socket->setReadBufferSize(kReadChunk);
        connect(m_socket, &QTcpSocket::readyRead, this, [this] { processInput(); });
        connect(m_socket, &QTcpSocket::disconnected, this, &QObject::deleteLater);
    }

private:
    static Net::HttpRequestReader::Limits readerLimits()
    {
        Net::HttpRequestReader::Limits limits;
        limits.maxHeaderBytes = kMaxHeadBytes;
        limits.maxBodyBytes = kMaxBodyBytes;
        return limits;
    }

    void processInput()
    {
        while (!m_busy && m_socket->state() == QAbstractSocket::ConnectedState) {
            const auto event = m_reader.next();
            switch (event) {
            case Net::HttpRequestReader::Event::NeedMore:
                if (m_socket->bytesAvailable() <= 0)
                    return;
                m_reader.append(m_socket->read(kReadChunk));
                break;
            case Net::HttpRequestReader::Event::Failed:
                writeRaw(m_reader.errorStatus(), "text/plain", m_reader.errorMessage(), false);
                return;
            case Net::HttpRequestReader::Event::HeadReady:
                // curl and others wait (up to a second) for this before sending a large body.
                if (m_reader.request().expectsContinue()
                    && (m_reader.request().chunked || m_reader.request().contentLength > 0))
                    m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
                break;
            case Net::HttpRequestReader::Event::RequestReady:
                takeRequest(m_reader.takeRequest());
                dispatch();
                break;
            }
        }
    }

    void takeRequest(Net::IncomingRequest incoming)
    {
        m_request = HttpRequest();
        m_request.method = incoming.method;
        m_request.target = incoming.target;
        m_request.peer = m_socket->peerAddress();
        m_request.rawQuery = incoming.query();
        m_request.path = QUrl::fromPercentEncoding(incoming.path());
        for (auto &[name, value] : incoming.headers)
            m_request.headers.append({ name.toLower(), std::move(value) });
        m_request.body = std::move(incoming.body);
        m_keepAlive = incoming.keepAlive;
    }

    void dispatch()
    {
        m_busy = true;
        const HttpResponse response = m_handler(m_request);
        if (response.resetConnection && response.delayMs <= 0) {
            resetSocket();
            return;
        }
        if (response.delayMs > 0) {
            QTimer::singleShot(response.delayMs, this, [this, response] {
                if (response.resetConnection)
                    resetSocket();
                else
                    send(response);
            });
            return;
        }
        send(response);
    }

    void resetSocket()
    {
        // SO_LINGER with a zero timeout makes close() send an RST instead of a FIN: the client sees
        // "connection reset by peer", which is what a crashed upstream looks like.
        const qintptr fd = m_socket->socketDescriptor();
        if (fd >= 0) {
            struct linger lg
            {
                1, 0
            };
            ::setsockopt(static_cast<int>(fd), SOL_SOCKET, SO_LINGER, &lg, sizeof lg);
        }
        m_socket->abort();
        deleteLater();
    }

    void send(const HttpResponse &response)
    {
        QByteArray out = "HTTP/1.1 " + QByteArray::number(response.status) + ' '
            + reasonPhrase(response.status) + "\r\n";
        out += "Server: nginx\r\n";
        out += "Date: "
            + QLocale::c()
                  .toString(QDateTime::currentDateTimeUtc(), QStringLiteral("ddd, dd MMM yyyy hh:mm:ss"))
                  .toLatin1()
            + " GMT\r\n";
        if (!response.contentType.isEmpty())
            out += "Content-Type: " + response.contentType + "\r\n";
        for (const auto &h : response.headers)
            out += h.first + ": " + h.second + "\r\n";
        out += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n";
        out += m_keepAlive ? "Connection: keep-alive\r\n" : "Connection: close\r\n";
        out += "\r\n";
        if (m_request.method != "HEAD")
            out += response.body;
        writeBytes(out, m_keepAlive);
    }

    void writeRaw(int status, const QByteArray &type, const QByteArray &body, bool keepAlive)
    {
        m_keepAlive = keepAlive;
        HttpResponse r = HttpResponse::text(status, body, type);
        send(r);
    }

    void writeBytes(const QByteArray &bytes, bool keepAlive)
    {
        m_socket->write(bytes);
        m_busy = false;
        if (!keepAlive) {
            m_socket->disconnectFromHost();
            return;
        }
        // The next pipelined request, if any, is in the reader or the socket already.
        QTimer::singleShot(0, this, [this] { processInput(); });
    }

    QTcpSocket *m_socket;
    HttpServer::Handler m_handler;
    Net::HttpRequestReader m_reader;
    HttpRequest m_request;
    bool m_busy = false;
    bool m_keepAlive = true;
};

} // namespace

HttpServer::HttpServer(Handler handler, QObject *parent)
    : QObject(parent)
    , m_server(this)
    , m_handler(std::move(handler))
{
    connect(&m_server, &QTcpServer::newConnection, this, &HttpServer::onNewConnection);
}

HttpServer::~HttpServer()
{
    close();
}

bool HttpServer::listen(const QHostAddress &address, quint16 port)
{
    return m_server.listen(address, port);
}

void HttpServer::close()
{
    m_server.close();
    const auto connections = findChildren<QObject *>(QString(), Qt::FindDirectChildrenOnly);
    for (QObject *c : connections) {
        if (c != &m_server)
            delete c;
    }
}

void HttpServer::onNewConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection())
        new HttpConnection(socket, m_handler, this);
}

} // namespace Sandbox
