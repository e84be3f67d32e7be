// SPDX-License-Identifier: GPL-3.0-or-later
#include "HttpServer.h"

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

/** One client connection: reads requests, answers them in order, owns its socket. */
class HttpConnection : public QObject
{
public:
    HttpConnection(QTcpSocket *socket, const HttpServer::Handler &handler, QObject *parent)
        : QObject(parent)
        , m_socket(socket)
        , m_handler(handler)
    {
        m_socket->setParent(this);
        connect(m_socket, &QTcpSocket::readyRead, this, [this] { onReadyRead(); });
        connect(m_socket, &QTcpSocket::disconnected, this, &QObject::deleteLater);
    }

private:
    void onReadyRead()
    {
        m_buffer += m_socket->readAll();
        processBuffer();
    }

    void processBuffer()
    {
        while (!m_busy && m_socket->state() == QAbstractSocket::ConnectedState) {
            if (!m_haveHead) {
                const qsizetype end = m_buffer.indexOf("\r\n\r\n");
                if (end < 0) {
                    if (m_buffer.size() > kMaxHeadBytes)
                        m_socket->disconnectFromHost();
                    return;
                }
                if (!parseHead(m_buffer.left(end))) {
                    writeRaw(400, "text/plain", "bad request", false);
                    return;
                }
                m_buffer.remove(0, end + 4);
                m_haveHead = true;
                // curl and others wait (up to a second) for this before sending a large body.
                if (m_contentLength > 0 && m_request.header("expect").toLower() == "100-continue")
                    m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
            }
            if (m_buffer.size() < m_contentLength)
                return;
            m_request.body = m_buffer.left(m_contentLength);
            m_buffer.remove(0, m_contentLength);
            m_haveHead = false;
            dispatch();
        }
    }

    bool parseHead(const QByteArray &head)
    {
        const QList<QByteArray> lines = head.split('\n');
        if (lines.isEmpty())
            return false;
        const QList<QByteArray> requestLine = lines.first().trimmed().split(' ');
        if (requestLine.size() != 3)
            return false;
        m_request = HttpRequest();
        m_request.method = requestLine[0];
        m_request.target = requestLine[1];
        m_request.peer = m_socket->peerAddress();
        const qsizetype q = m_request.target.indexOf('?');
        const QByteArray rawPath = q < 0 ? m_request.target : m_request.target.left(q);
        m_request.rawQuery = q < 0 ? QByteArray() : m_request.target.mid(q + 1);
        m_request.path = QUrl::fromPercentEncoding(rawPath);
        const bool http10 = requestLine[2].trimmed() == "HTTP/1.0";
        m_keepAlive = !http10;
        m_contentLength = 0;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines[i].trimmed();
            const qsizetype colon = line.indexOf(':');
            if (colon <= 0)
                continue;
            const QByteArray name = line.left(colon).trimmed().toLower();
            const QByteArray value = line.mid(colon + 1).trimmed();
            m_request.headers.append({ name, value });
            if (name == "content-length") {
                bool ok = false;
                m_contentLength = value.toLongLong(&ok);
                if (!ok || m_contentLength < 0 || m_contentLength > kMaxBodyBytes)
                    return false;
            } else if (name == "connection") {
                const QByteArray v = value.toLower();
                if (v.contains("close"))
                    m_keepAlive = false;
                else if (v.contains("keep-alive"))
                    m_keepAlive = true;
            }
        }
        return true;
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
        if (!m_buffer.isEmpty())
            QTimer::singleShot(0, this, [this] { processBuffer(); });
    }

    QTcpSocket *m_socket;
    HttpServer::Handler m_handler;
    QByteArray m_buffer;
    HttpRequest m_request;
    qsizetype m_contentLength = 0;
    bool m_haveHead = false;
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
