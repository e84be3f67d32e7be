// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "HttpTypes.h"

#include <QObject>
#include <QTcpServer>
#include <functional>

namespace Sandbox {

/**
 * A small HTTP/1.1 server on QTcpServer: requests read by the product's shared Net::HttpRequestReader
 * (Content-Length and chunked bodies, `Expect: 100-continue`), keep-alive, pipelined requests
 * answered one at a time in the order sent. We do not use QHttpServer because Qt 6.4's tech preview cannot
 * delay a reply, reset a connection or hand out the raw request line, and fault injection needs all three.
 * Lives on the thread that created it; the handler runs on that thread.
 */
class HttpServer : public QObject
{
    Q_OBJECT
public:
    using Handler = std::function<HttpResponse(const HttpRequest &)>;

    explicit HttpServer(Handler handler, QObject *parent = nullptr);
    ~HttpServer() override;

    bool listen(const QHostAddress &address, quint16 port);
    quint16 port() const { return m_server.serverPort(); }
    QString errorString() const { return m_server.errorString(); }
    void close();

private:
    void onNewConnection();

    QTcpServer m_server;
    Handler m_handler;
};

} // namespace Sandbox
