// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "HttpRequestReader.h"
#include "IntakeHandler.h"

#include <QObject>
#include <QTimer>
#include <functional>
#include <memory>
#include <optional>

class QTcpSocket;

namespace Source::Intake {

class ClientQuota;

/**
 * One client connection of the form intake: reads one request with HttpRequestReader, asks for a
 * decision on its head before any body byte is read (rate, route, secret; only then `100 Continue`),
 * then for the answer to the complete request, and closes. Every answer closes the connection
 * (`Connection: close`; pipelined requests after the first are not read), with a lingering close:
 * the write side is shut first and what the client still sends is read and dropped for a moment,
 * so an early refusal (413, 403) reaches a client that is still sending instead of a reset.
 * The bytes it holds count against its client's ClientQuota. Owns its socket; lives on the intake
 * server's thread and deletes itself when the socket closes.
 */
class IntakeConnection : public QObject
{
public:
    struct Hooks
    {
        /** A refusal for the head (its body is not read), or nullopt to go on. */
        std::function<std::optional<HttpResponse>(const HttpRequest &)> checkHead;
        std::function<HttpResponse(const HttpRequest &)> handle;
        /** Called once per answer, with the request when there was one (not for a malformed one). */
        std::function<void(const HttpResponse &, const HttpRequest *)> answered;
    };

    IntakeConnection(QTcpSocket *socket, QString client, ClientQuota *quota,
                     Net::HttpRequestReader::Limits limits, int timeoutMs, Hooks hooks, QObject *parent);
    ~IntakeConnection() override;

    /** Answers and closes; for refusals decided outside (too many connections). */
    void answer(const HttpResponse &response, const HttpRequest *request = nullptr);

private:
    void onReadyRead();
    void account();
    void lingerAndClose();
    void drop();

    QTcpSocket *m_socket;
    QString m_client;
    ClientQuota *m_quota; ///< null: a connection refused at accept, counted nowhere
    std::unique_ptr<Net::HttpRequestReader> m_reader; ///< null once answered
    Hooks m_hooks;
    QTimer m_timeout;
    qsizetype m_held = 0;
    qsizetype m_drained = 0;
    bool m_answered = false;
};

} // namespace Source::Intake
