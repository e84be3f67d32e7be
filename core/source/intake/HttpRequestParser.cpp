// SPDX-License-Identifier: GPL-3.0-or-later
#include "HttpRequestParser.h"

namespace Source::Intake {

QByteArray HttpRequest::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

QByteArray HttpRequest::path() const
{
    const qsizetype query = target.indexOf('?');
    return query < 0 ? target : target.left(query);
}

HttpRequestParser::HttpRequestParser(qsizetype maxBody, qsizetype maxHeaders)
    : m_maxBody(maxBody)
    , m_maxHeaders(maxHeaders)
{ }

HttpRequestParser::State HttpRequestParser::fail(int status, const char *message)
{
    m_state = State::Failed;
    m_errorStatus = status;
    m_errorMessage = message;
    m_buffer.clear();
    return m_state;
}

bool HttpRequestParser::takeHeadersReady()
{
    const bool ready = m_headersReady;
    m_headersReady = false;
    return ready;
}

HttpRequestParser::State HttpRequestParser::feed(const QByteArray &bytes)
{
    if (m_state == State::Complete || m_state == State::Failed)
        return m_state;
    m_buffer += bytes;
    if (m_state == State::ReadingHeaders) {
        const qsizetype end = m_buffer.indexOf("\r\n\r\n");
        if (end < 0) {
            if (m_buffer.size() > m_maxHeaders)
                return fail(431, "The request headers are too large");
            return m_state;
        }
        if (end > m_maxHeaders)
            return fail(431, "The request headers are too large");
        if (parseHeaders(end) == State::Failed)
            return m_state;
    }
    if (m_state == State::ReadingBody)
        return m_chunked ? parseChunks() : parseBody();
    return m_state;
}

HttpRequestParser::State HttpRequestParser::parseHeaders(qsizetype end)
{
    const QList<QByteArray> lines = m_buffer.left(end).split('\n');
    m_buffer.remove(0, end + 4);
    const QList<QByteArray> requestLine = lines.first().trimmed().split(' ');
    if (requestLine.size() != 3 || !requestLine[2].startsWith("HTTP/1."))
        return fail(400, "Malformed request line");
    m_request.method = requestLine[0];
    m_request.target = requestLine[1];
    m_request.version = requestLine[2];
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines[i].trimmed();
        if (line.isEmpty())
            continue;
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            return fail(400, "Malformed header line");
        m_request.headers.append({ line.left(colon).trimmed(), line.mid(colon + 1).trimmed() });
    }
    const QByteArray encoding = m_request.header("Transfer-Encoding").toLower();
    if (!encoding.isEmpty() && encoding != "chunked")
        return fail(501, "Unsupported Transfer-Encoding");
    m_chunked = encoding == "chunked";
    const QByteArray length = m_request.header("Content-Length");
    if (!m_chunked && !length.isEmpty()) {
        bool ok = false;
        m_contentLength = length.toLongLong(&ok);
        if (!ok || m_contentLength < 0)
            return fail(400, "Malformed Content-Length");
        if (m_contentLength > m_maxBody)
            return fail(413, "The request body is too large");
    }
    m_headersReady = true;
    m_state = State::ReadingBody;
    return m_state;
}

HttpRequestParser::State HttpRequestParser::parseBody()
{
    if (m_buffer.size() > m_contentLength)
        return fail(400, "More data than the Content-Length");
    if (m_buffer.size() < m_contentLength)
        return m_state;
    m_request.body = m_buffer;
    m_buffer.clear();
    m_state = State::Complete;
    return m_state;
}

HttpRequestParser::State HttpRequestParser::parseChunks()
{
    for (;;) {
        const qsizetype lineEnd = m_buffer.indexOf("\r\n");
        if (lineEnd < 0) {
            if (m_buffer.size() > 1024)
                return fail(400, "Malformed chunk size");
            return m_state;
        }
        bool ok = false;
        const qsizetype size = m_buffer.left(lineEnd).split(';').first().trimmed().toLongLong(&ok, 16);
        if (!ok || size < 0)
            return fail(400, "Malformed chunk size");
        if (m_request.body.size() + size > m_maxBody)
            return fail(413, "The request body is too large");
        if (size == 0) {
            // The last chunk; trailers are not used by form posts and are ignored.
            if (m_buffer.indexOf("\r\n\r\n", lineEnd) < 0 && m_buffer.mid(lineEnd, 4) != "\r\n\r\n")
                return m_state;
            m_buffer.clear();
            m_state = State::Complete;
            return m_state;
        }
        if (m_buffer.size() < lineEnd + 2 + size + 2)
            return m_state;
        m_request.body += m_buffer.mid(lineEnd + 2, size);
        m_buffer.remove(0, lineEnd + 2 + size + 2);
    }
}

} // namespace Source::Intake
