// SPDX-License-Identifier: GPL-3.0-or-later
#include "IntakeConnection.h"

#include "ClientQuota.h"

#include <QTcpSocket>
#include <sys/socket.h>

namespace Source::Intake {

namespace {

constexpr qint64 kReadChunk = 16 * 1024;
// After the answer: how long and how much the client may still send before the socket is reset.
constexpr int kLingerMs = 2000;
constexpr qsizetype kLingerBytes = 1024 * 1024;

} // namespace

IntakeConnection::IntakeConnection(QTcpSocket *socket, QString client, ClientQuota *quota,
                                   Net::HttpRequestReader::Limits limits, int timeoutMs, Hooks hooks,
                                   QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_client(std::move(client))
    , m_quota(quota)
    , m_reader(std::make_unique<Net::HttpRequestReader>(limits))
    , m_hooks(std::move(hooks))
{
    m_socket->setParent(this);
    // Qt stops reading from the kernel when this much is waiting: the client's sending is then
    // throttled by TCP instead of filling our memory.
    m_socket->setReadBufferSize(kReadChunk);
    m_timeout.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this, [this] {
        if (m_answered)
            drop();
        else
            answer(HttpResponse::json(408, "timeout", QStringLiteral("The request took too long")));
    });
    m_timeout.start(timeoutMs);
    connect(m_socket, &QTcpSocket::readyRead, this, &IntakeConnection::onReadyRead);
    connect(m_socket, &QTcpSocket::disconnected, this, &QObject::deleteLater);
    connect(m_socket, &QTcpSocket::bytesWritten, this, [this] {
        if (m_answered && m_socket->bytesToWrite() == 0)
            lingerAndClose();
    });
}

IntakeConnection::~IntakeConnection()
{
    if (m_quota)
        m_quota->release(m_client, m_held);
}

void IntakeConnection::onReadyRead()
{
    if (m_answered) {
        m_drained += m_socket->skip(m_socket->bytesAvailable());
        if (m_drained > kLingerBytes)
            drop();
        return;
    }
    while (!m_answered && m_socket->bytesAvailable() > 0) {
        m_reader->append(m_socket->read(kReadChunk));
        account();
        if (m_answered)
            return;
        for (;;) {
            const auto event = m_reader->next();
            account();
            if (m_answered)
                return;
            if (event == Net::HttpRequestReader::Event::NeedMore)
                break;
            if (event == Net::HttpRequestReader::Event::Failed) {
                answer(HttpResponse::json(m_reader->errorStatus(), "bad-request",
                                          QString::fromUtf8(m_reader->errorMessage())));
                return;
            }
            const HttpRequest &request = m_reader->request();
            if (event == Net::HttpRequestReader::Event::HeadReady) {
                if (auto refusal = m_hooks.checkHead(request)) {
                    answer(*refusal, &request);
                    return;
                }
                if (request.expectsContinue() && (request.chunked || request.contentLength > 0))
                    m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
                continue;
            }
            const HttpRequest complete = m_reader->takeRequest();
            answer(m_hooks.handle(complete), &complete);
            return;
        }
    }
}

void IntakeConnection::account()
{
    const qsizetype held = m_reader ? m_reader->bufferedBytes() : 0;
    const bool withinQuota = !m_quota || m_quota->hold(m_client, m_held, held);
    m_held = held;
    if (!withinQuota && !m_answered) {
        HttpResponse response = HttpResponse::json(
            503, "busy", QStringLiteral("Too much data in flight from this address; try again later"));
        response.headers.append(qMakePair(QByteArray("Retry-After"), QByteArray("5")));
        answer(response);
    }
}

void IntakeConnection::answer(const HttpResponse &response, const HttpRequest *request)
{
    if (m_answered)
        return;
    m_answered = true;
    m_socket->write(response.serialise());
    if (m_hooks.answered)
        m_hooks.answered(response, request);
    // What the reader held is not needed any more: the handler kept what is to be kept. A lingering
    // connection holds no memory and ends within kLingerMs, so it no longer counts against its client.
    m_reader.reset();
    account();
    if (m_quota) {
        m_quota->release(m_client, 0);
        m_quota = nullptr;
    }
    m_timeout.start(kLingerMs);
    if (m_socket->bytesToWrite() == 0)
        lingerAndClose();
}

void IntakeConnection::lingerAndClose()
{
    const qintptr fd = m_socket->socketDescriptor();
    if (fd < 0 || m_socket->state() != QAbstractSocket::ConnectedState) {
        drop();
        return;
    }
    // Half-close: the client reads the answer and an end of stream; what it still sends is dropped
    // by onReadyRead until it closes, or the linger time or byte budget runs out.
    ::shutdown(int(fd), SHUT_WR);
}

void IntakeConnection::drop()
{
    m_socket->abort();
    deleteLater();
}

} // namespace Source::Intake
