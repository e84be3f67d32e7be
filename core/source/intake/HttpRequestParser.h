// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>

namespace Source::Intake {

/** One HTTP/1.1 request as read from a socket. Header names are kept as sent; lookups ignore case. */
struct HttpRequest
{
    QByteArray method;
    QByteArray target; ///< "/forms/callback?x=1", still percent-encoded
    QByteArray version;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;

    QByteArray header(const QByteArray &name) const;
    QByteArray path() const; ///< target without the query
};

/**
 * An incremental HTTP/1.1 request reader with hard limits, fed straight from a socket: it stops with
 * 413 as soon as the declared (Content-Length) or received (chunked) body passes maxBody — without
 * reading the rest — with 431 for oversized headers, and 400/501 for malformed or unsupported framing.
 * Pure; one per connection.
 */
class HttpRequestParser
{
public:
    enum class State { ReadingHeaders, ReadingBody, Complete, Failed };

    explicit HttpRequestParser(qsizetype maxBody, qsizetype maxHeaders = 16 * 1024);

    /** Consumes bytes; returns the state after them. */
    State feed(const QByteArray &bytes);
    State state() const { return m_state; }
    /** True once, right after the header block was read (for early checks: rate limit, 100-continue). */
    bool takeHeadersReady();
    const HttpRequest &request() const { return m_request; }
    int errorStatus() const { return m_errorStatus; }
    const QByteArray &errorMessage() const { return m_errorMessage; }

private:
    State fail(int status, const char *message);
    State parseHeaders(qsizetype end);
    State parseBody();
    State parseChunks();

    qsizetype m_maxBody;
    qsizetype m_maxHeaders;
    State m_state = State::ReadingHeaders;
    QByteArray m_buffer;
    HttpRequest m_request;
    qsizetype m_contentLength = 0;
    bool m_chunked = false;
    bool m_headersReady = false;
    int m_errorStatus = 0;
    QByteArray m_errorMessage;
};

} // namespace Source::Intake
