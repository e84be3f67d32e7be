// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <memory>

namespace Net {

/** One HTTP/1.1 request as a server read it. Header names are kept as sent; lookups ignore case. */
struct IncomingRequest
{
    QByteArray method;
    QByteArray target; ///< "/forms/callback?x=1", still percent-encoded
    int versionMajor = 1;
    int versionMinor = 1;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    qint64 contentLength = -1; ///< as declared; -1 when chunked or absent
    bool chunked = false;
    bool keepAlive = false; ///< the client wants the connection kept after the answer

    QByteArray header(const QByteArray &name) const;
    QByteArray path() const; ///< target without the query
    QByteArray query() const; ///< after the '?', still encoded
    QByteArray version() const; ///< "HTTP/1.1"
    bool expectsContinue() const; ///< `Expect: 100-continue`: the client waits for a go-ahead
};

/**
 * An incremental HTTP/1.1 request reader for servers, on Node's http_parser (libhttp-parser): feed it
 * the bytes of one connection as they arrive and take requests out one at a time, in order, so
 * pipelined requests are answered in the order sent. It stops after each request's head (so the
 * server can check the client's secret and rate before a body byte is read or `100 Continue` is sent)
 * and after each complete request.
 *
 * Hostile input ends in Failed with an HTTP status, never in unbounded memory: headers past
 * maxHeaderBytes → 431; a declared or received body past maxBodyBytes → 413 (chunk sizes are checked
 * before their bytes arrive, overflow-safe); conflicting or repeated Content-Length, Content-Length
 * with chunked, control bytes (NUL, CR, …) in a header, a malformed chunk or request line → 400; an
 * unknown Transfer-Encoding → 501. Pure; one per connection, on the connection's thread.
 */
class HttpRequestReader
{
public:
    struct Limits
    {
        qsizetype maxHeaderBytes = 16 * 1024; ///< request line plus headers
        int maxHeaderCount = 100;
        qsizetype maxBodyBytes = 1024 * 1024;
    };
    enum class Event {
        NeedMore, ///< all input consumed; feed more
        HeadReady, ///< request() has the head (no body yet); call next() to go on
        RequestReady, ///< request() is complete; next() starts the next one
        Failed ///< errorStatus()/errorMessage() say why; the connection should answer and close
    };

    explicit HttpRequestReader(Limits limits);
    HttpRequestReader(); ///< default limits
    ~HttpRequestReader();
    HttpRequestReader(const HttpRequestReader &) = delete;
    HttpRequestReader &operator=(const HttpRequestReader &) = delete;

    /** Appends received bytes; nothing is parsed until next(). */
    void append(const QByteArray &bytes);
    /** Parses the input held so far up to the next event. */
    Event next();

    const IncomingRequest &request() const { return m_request; }
    /** Moves the request out (after RequestReady). */
    IncomingRequest takeRequest();
    int errorStatus() const { return m_errorStatus; }
    const QByteArray &errorMessage() const { return m_errorMessage; }
    /** Bytes held: input not yet parsed plus the body read so far (for per-client memory caps). */
    qsizetype bufferedBytes() const;
    /** True when no part of a next request has been received (an idle keep-alive connection). */
    bool isIdle() const;

private:
    struct Parser;
    friend struct Parser;
    Event fail(int status, const QByteArray &message);

    Limits m_limits;
    std::unique_ptr<Parser> m_parser;
    QByteArray m_input;
    qsizetype m_inputOffset = 0;
    IncomingRequest m_request;
    QByteArray m_headerName;
    QByteArray m_headerValue;
    bool m_inHeaderValue = false;
    bool m_inTrailers = false; ///< past the head of a chunked request: trailer fields are checked, not kept
    qsizetype m_headerBytes = 0;
    bool m_inMessage = false;
    Event m_pausedOn = Event::NeedMore;
    int m_errorStatus = 0;
    QByteArray m_errorMessage;
};

} // namespace Net
