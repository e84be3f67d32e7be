// SPDX-License-Identifier: GPL-3.0-or-later
#include "HttpRequestReader.h"

#include <http_parser.h>
#include <utility>

namespace Net {

QByteArray IncomingRequest::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

QByteArray IncomingRequest::path() const
{
    const qsizetype query = target.indexOf('?');
    return query < 0 ? target : target.left(query);
}

QByteArray IncomingRequest::query() const
{
    const qsizetype query = target.indexOf('?');
    return query < 0 ? QByteArray() : target.mid(query + 1);
}

QByteArray IncomingRequest::version() const
{
    return "HTTP/" + QByteArray::number(versionMajor) + '.' + QByteArray::number(versionMinor);
}

bool IncomingRequest::expectsContinue() const
{
    return header("Expect").trimmed().compare("100-continue", Qt::CaseInsensitive) == 0;
}

namespace {

bool hasControlBytes(const QByteArray &text)
{
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if ((byte < 0x20 && byte != '\t') || byte == 0x7f)
            return true;
    }
    return false;
}

} // namespace

/** The C parser and its callbacks; `data` points back at the reader. */
struct HttpRequestReader::Parser
{
    http_parser parser;
    http_parser_settings settings;

    static HttpRequestReader &reader(http_parser *p) { return *static_cast<HttpRequestReader *>(p->data); }

    // -1 stops http_parser_execute with a callback error; the reader's status says why. (Not 1: from
    // on_headers_complete, 1 means "no body follows", and the request would go on without its body.)
    static int stop(http_parser *p, int status, const char *message)
    {
        HttpRequestReader &r = reader(p);
        r.m_errorStatus = status;
        r.m_errorMessage = message;
        return -1;
    }

    static int countHeaderBytes(http_parser *p, size_t length)
    {
        HttpRequestReader &r = reader(p);
        r.m_headerBytes += qsizetype(length);
        if (r.m_headerBytes > r.m_limits.maxHeaderBytes)
            return stop(p, 431, "The request headers are too large");
        return 0;
    }

    static void flushHeader(HttpRequestReader &r)
    {
        if (r.m_headerName.isEmpty())
            return;
        r.m_request.headers.append({ std::exchange(r.m_headerName, {}), r.m_headerValue.trimmed() });
        r.m_headerValue.clear();
    }

    static int onMessageBegin(http_parser *p)
    {
        HttpRequestReader &r = reader(p);
        r.m_request = IncomingRequest();
        r.m_headerName.clear();
        r.m_headerValue.clear();
        r.m_inHeaderValue = false;
        r.m_inTrailers = false;
        r.m_headerBytes = 0;
        r.m_inMessage = true;
        return 0;
    }

    static int onUrl(http_parser *p, const char *at, size_t length)
    {
        reader(p).m_request.target.append(at, qsizetype(length));
        return countHeaderBytes(p, length);
    }

    /** A chunked body's trailer fields come after the head: nobody here reads them, so they are counted
     *  and checked (a control character is refused as in the head) but not kept with the headers. */
    static int onTrailerBytes(http_parser *p, const char *at, size_t length)
    {
        if (hasControlBytes(QByteArray::fromRawData(at, qsizetype(length))))
            return stop(p, 400, "A trailer field holds a control character");
        return countHeaderBytes(p, length);
    }

    static int onHeaderField(http_parser *p, const char *at, size_t length)
    {
        HttpRequestReader &r = reader(p);
        if (r.m_inTrailers)
            return onTrailerBytes(p, at, length);
        if (r.m_inHeaderValue) {
            flushHeader(r);
            r.m_inHeaderValue = false;
            if (r.m_request.headers.size() >= r.m_limits.maxHeaderCount)
                return stop(p, 431, "Too many request headers");
        }
        r.m_headerName.append(at, qsizetype(length));
        return countHeaderBytes(p, length);
    }

    static int onHeaderValue(http_parser *p, const char *at, size_t length)
    {
        HttpRequestReader &r = reader(p);
        if (r.m_inTrailers)
            return onTrailerBytes(p, at, length);
        r.m_inHeaderValue = true;
        r.m_headerValue.append(at, qsizetype(length));
        return countHeaderBytes(p, length);
    }

    static int onHeadersComplete(http_parser *p)
    {
        HttpRequestReader &r = reader(p);
        flushHeader(r);
        r.m_inHeaderValue = false;
        r.m_inTrailers = true;
        IncomingRequest &request = r.m_request;
        for (const auto &[name, value] : std::as_const(request.headers)) {
            // http_parser already refuses most of these; a header is never let through with one.
            if (name.isEmpty() || hasControlBytes(name) || hasControlBytes(value))
                return stop(p, 400, "A header holds a control character");
        }
        if (p->method == HTTP_CONNECT)
            return stop(p, 501, "CONNECT is not supported");
        // `Upgrade: h2c` and the like are ignored: the answer is plain HTTP/1.1 (RFC 9110 §7.8).
        p->upgrade = 0;
        request.method = http_method_str(static_cast<http_method>(p->method));
        request.versionMajor = p->http_major;
        request.versionMinor = p->http_minor;
        request.chunked = (p->flags & F_CHUNKED) != 0;
        request.contentLength = (p->flags & F_CONTENTLENGTH) ? qint64(p->content_length) : -1;
        request.keepAlive = http_should_keep_alive(p) != 0;
        if ((p->flags & F_CONTENTLENGTH) && p->content_length > quint64(r.m_limits.maxBodyBytes))
            return stop(p, 413, "The request body is too large");
        if (request.contentLength > 0)
            request.body.reserve(qsizetype(request.contentLength));
        r.m_pausedOn = Event::HeadReady;
        http_parser_pause(p, 1);
        return 0;
    }

    static int onChunkHeader(http_parser *p)
    {
        // content_length is this chunk's size here; compared without adding, so no overflow.
        HttpRequestReader &r = reader(p);
        const quint64 room = quint64(r.m_limits.maxBodyBytes - r.m_request.body.size());
        if (p->content_length > room)
            return stop(p, 413, "The request body is too large");
        return 0;
    }

    static int onBody(http_parser *p, const char *at, size_t length)
    {
        HttpRequestReader &r = reader(p);
        if (length > size_t(r.m_limits.maxBodyBytes - r.m_request.body.size()))
            return stop(p, 413, "The request body is too large");
        r.m_request.body.append(at, qsizetype(length));
        return 0;
    }

    static int onMessageComplete(http_parser *p)
    {
        HttpRequestReader &r = reader(p);
        r.m_request.keepAlive = http_should_keep_alive(p) != 0;
        r.m_inMessage = false;
        r.m_pausedOn = Event::RequestReady;
        http_parser_pause(p, 1);
        return 0;
    }
};

HttpRequestReader::HttpRequestReader(Limits limits)
    : m_limits(limits)
    , m_parser(std::make_unique<Parser>())
{
    http_parser_init(&m_parser->parser, HTTP_REQUEST);
    m_parser->parser.data = this;
    http_parser_settings &s = m_parser->settings;
    http_parser_settings_init(&s);
    s.on_message_begin = &Parser::onMessageBegin;
    s.on_url = &Parser::onUrl;
    s.on_header_field = &Parser::onHeaderField;
    s.on_header_value = &Parser::onHeaderValue;
    s.on_headers_complete = &Parser::onHeadersComplete;
    s.on_chunk_header = &Parser::onChunkHeader;
    s.on_body = &Parser::onBody;
    s.on_message_complete = &Parser::onMessageComplete;
}

HttpRequestReader::HttpRequestReader()
    : HttpRequestReader(Limits())
{ }

HttpRequestReader::~HttpRequestReader() = default;

void HttpRequestReader::append(const QByteArray &bytes)
{
    if (m_errorStatus != 0)
        return;
    if (m_inputOffset > 0 && m_inputOffset == m_input.size()) {
        m_input.clear();
        m_inputOffset = 0;
    }
    m_input.append(bytes);
}

HttpRequestReader::Event HttpRequestReader::fail(int status, const QByteArray &message)
{
    m_errorStatus = status;
    m_errorMessage = message;
    m_input.clear();
    m_inputOffset = 0;
    return Event::Failed;
}

HttpRequestReader::Event HttpRequestReader::next()
{
    if (m_errorStatus != 0)
        return Event::Failed;
    http_parser *p = &m_parser->parser;
    http_parser_pause(p, 0);
    m_pausedOn = Event::NeedMore;
    const qsizetype available = m_input.size() - m_inputOffset;
    if (available == 0)
        return Event::NeedMore;
    const size_t parsed
        = http_parser_execute(p, &m_parser->settings, m_input.constData() + m_inputOffset, size_t(available));
    m_inputOffset += qsizetype(parsed);
    const http_errno error = HTTP_PARSER_ERRNO(p);
    if (m_errorStatus != 0)
        return fail(m_errorStatus, m_errorMessage);
    if (error == HPE_PAUSED) {
        if (m_inputOffset == m_input.size()) {
            m_input.clear();
            m_inputOffset = 0;
        }
        return m_pausedOn;
    }
    if (error != HPE_OK) {
        switch (error) {
        case HPE_HEADER_OVERFLOW:
            return fail(431, "The request headers are too large");
        case HPE_INVALID_TRANSFER_ENCODING:
            return fail(501, "Unsupported Transfer-Encoding");
        case HPE_UNEXPECTED_CONTENT_LENGTH:
            return fail(400, "Conflicting Content-Length or Transfer-Encoding headers");
        case HPE_INVALID_CONTENT_LENGTH:
            return fail(400, "Malformed Content-Length");
        case HPE_INVALID_CHUNK_SIZE:
            return fail(400, "Malformed chunk size");
        case HPE_INVALID_HEADER_TOKEN:
            return fail(400, "Malformed header");
        case HPE_CLOSED_CONNECTION:
            return fail(400, "Data after a request that closed the connection");
        default:
            return fail(400, QByteArray("Malformed request: ") + http_errno_description(error));
        }
    }
    if (qsizetype(parsed) != available)
        return fail(400, "Malformed request");
    m_input.clear();
    m_inputOffset = 0;
    return Event::NeedMore;
}

IncomingRequest HttpRequestReader::takeRequest()
{
    return std::exchange(m_request, IncomingRequest());
}

qsizetype HttpRequestReader::bufferedBytes() const
{
    return m_input.size() - m_inputOffset + m_request.body.size() + m_headerBytes;
}

bool HttpRequestReader::isIdle() const
{
    return !m_inMessage && m_input.size() == m_inputOffset;
}

} // namespace Net
