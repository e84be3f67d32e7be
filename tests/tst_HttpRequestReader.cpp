// SPDX-License-Identifier: GPL-3.0-or-later
// Net::HttpRequestReader, the request reader of the form intake and the sandboxes: good framing of
// every kind (split anywhere), and every hostile input issue 16 names, each ending in a clear status.
#include "HttpRequestReader.h"

#include <QTest>

using Net::HttpRequestReader;
using Event = Net::HttpRequestReader::Event;

namespace {

struct Outcome
{
    QList<Net::IncomingRequest> requests;
    int heads = 0;
    int status = 0; ///< the failure's, 0 when none
    QByteArray message;
};

/** Feeds @p input in pieces of @p step bytes and takes out everything the reader gives. */
Outcome read(const QByteArray &input, qsizetype step = 0, HttpRequestReader::Limits limits = {})
{
    HttpRequestReader reader(limits);
    Outcome outcome;
    if (step <= 0)
        step = std::max<qsizetype>(1, input.size());
    for (qsizetype at = 0; at < input.size() && outcome.status == 0; at += step) {
        reader.append(input.mid(at, step));
        for (;;) {
            const Event event = reader.next();
            if (event == Event::NeedMore)
                break;
            if (event == Event::Failed) {
                outcome.status = reader.errorStatus();
                outcome.message = reader.errorMessage();
                break;
            }
            if (event == Event::HeadReady)
                ++outcome.heads;
            else
                outcome.requests.append(reader.takeRequest());
        }
    }
    return outcome;
}

QByteArray post(const QByteArray &headers, const QByteArray &body = {})
{
    return "POST /forms/x HTTP/1.1\r\nHost: localhost\r\n" + headers + "\r\n" + body;
}

} // namespace

class TestHttpRequestReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void contentLengthBodiesSplitAnywhere()
    {
        const QByteArray input = post("Content-Type: application/x-www-form-urlencoded\r\n"
                                      "Content-Length: 11\r\nX-Name:  spaced value \r\n",
                                      "name=a&b=cd");
        for (const qsizetype step : { 0, 1, 2, 7 }) {
            const Outcome outcome = read(input, step);
            QCOMPARE(outcome.status, 0);
            QCOMPARE(outcome.requests.size(), 1);
            const Net::IncomingRequest &request = outcome.requests.first();
            QCOMPARE(request.method, QByteArray("POST"));
            QCOMPARE(request.target, QByteArray("/forms/x"));
            QCOMPARE(request.version(), QByteArray("HTTP/1.1"));
            QCOMPARE(request.body, QByteArray("name=a&b=cd"));
            QCOMPARE(request.contentLength, 11);
            QCOMPARE(request.header("x-name"), QByteArray("spaced value"));
            QVERIFY(request.keepAlive);
        }
    }

    void chunkedBodiesWithExtensionsAndTrailers()
    {
        const QByteArray input
            = post("Transfer-Encoding: chunked\r\n",
                   "5;ext=1\r\nhello\r\n1\r\n \r\n5\r\nworld\r\n0\r\nX-Trailer: t\r\n\r\n");
        for (const qsizetype step : { 0, 1, 3 }) {
            const Outcome outcome = read(input, step);
            QCOMPARE(outcome.status, 0);
            QCOMPARE(outcome.requests.size(), 1);
            QCOMPARE(outcome.requests.first().body, QByteArray("hello world"));
            QVERIFY(outcome.requests.first().chunked);
            QCOMPARE(outcome.requests.first().contentLength, -1);
            QVERIFY(outcome.requests.first().header("X-Trailer").isEmpty()); // trailers are not headers
        }
        // A trailer with a control character is refused as a header with one is (found by the fuzzer:
        // it reached the request's headers).
        const QByteArray bad = post("Transfer-Encoding: chunked\r\n",
                                    "5\r\nhello\r\n0\r\nX-Trailer:\x03h2c\r\nConnection: x\r\n\r\n");
        for (const qsizetype step : { 0, 1, 3 }) {
            const Outcome outcome = read(bad, step);
            QCOMPARE(outcome.status, 400);
            QVERIFY(outcome.requests.isEmpty());
        }
    }

    void theChunkSizeThatKilledTheEngine()
    {
        // Issue 16: one chunk, then a chunk size near 2^63. Refused as soon as the size is read,
        // before any of its bytes, however the input is split.
        const QByteArray head = post("Transfer-Encoding: chunked\r\n");
        for (const QByteArray &size : { QByteArray("7fffffffffffffff"), QByteArray("100001") }) {
            const Outcome outcome = read(head + "1\r\na\r\n" + size + "\r\n" + QByteArray(1000, 'b'), 1);
            QCOMPARE(outcome.status, 413);
            QVERIFY(outcome.requests.isEmpty());
        }
        // Sizes at or past 2^64 (http_parser stops a digit early, to stay clear of overflow), or not
        // hex, are malformed.
        for (const QByteArray &size :
             { QByteArray("fffffffffffffff0"), QByteArray("ffffffffffffffffff"),
               QByteArray("10000000000000000"), QByteArray("-1"), QByteArray("zz") }) {
            const Outcome outcome = read(head + "1\r\na\r\n" + size + "\r\n");
            QCOMPARE(outcome.status, 400);
        }
        // The body cap counts all chunks together.
        QByteArray many = head;
        for (int i = 0; i < 20; ++i)
            many += "10000\r\n" + QByteArray(0x10000, 'a') + "\r\n";
        QCOMPARE(read(many + "0\r\n\r\n", 4096).status, 413);
    }

    void declaredBodiesPastTheCapAreRefusedFromTheHead()
    {
        HttpRequestReader::Limits limits;
        limits.maxBodyBytes = 100;
        const Outcome outcome = read(post("Content-Length: 101\r\n", QByteArray(101, 'x')), 0, limits);
        QCOMPARE(outcome.status, 413);
        QCOMPARE(outcome.heads, 0);
        QVERIFY(outcome.requests.isEmpty());
        QCOMPARE(read(post("Content-Length: 100\r\n", QByteArray(100, 'x')), 0, limits).requests.size(), 1);
        QCOMPARE(read(post("Content-Length: 99999999999999999999999\r\n")).status, 400);
    }

    void conflictingLengthsAreRefused()
    {
        QCOMPARE(read(post("Content-Length: 3\r\nContent-Length: 4\r\n", "abcd")).status, 400);
        QCOMPARE(read(post("Content-Length: 4\r\nContent-Length: 4\r\n", "abcd")).status, 400);
        QCOMPARE(read(post("Content-Length: 3, 4\r\n", "abcd")).status, 400);
        QCOMPARE(read(post("Content-Length: -4\r\n", "abcd")).status, 400);
        QCOMPARE(read(post("Content-Length: 4\r\nTransfer-Encoding: chunked\r\n", "4\r\nabcd\r\n0\r\n\r\n"))
                     .status,
                 400);
        QCOMPARE(read(post("Transfer-Encoding: gzip\r\n", "abcd")).status, 501);
    }

    void controlBytesInHeadersAreRefused()
    {
        for (const char c : { '\0', '\x01', '\x1b', '\x7f', '\r' }) {
            const QByteArray value = QByteArray("a") + c + "b";
            const Outcome outcome = read(post("X-Evil: " + value + "\r\nContent-Length: 0\r\n"));
            QVERIFY2(outcome.status == 400, qPrintable(QString::number(int(c))));
            QVERIFY(outcome.requests.isEmpty());
        }
        QCOMPARE(read(post(QByteArray("X-Ev\0il: a\r\n", 12))).status, 400);
        // First in a value, where http_parser does not look (found by the fuzz target).
        const Outcome first
            = read(post("Upgrade:\x03h2c\r\nConnection: Upgrade\r\nContent-Length: 4\r\n", "abcd"));
        QCOMPARE(first.status, 400);
        QVERIFY(first.requests.isEmpty());
        QCOMPARE(read(QByteArray("GET /a\0b HTTP/1.1\r\n\r\n", 21)).status, 400);
        // A tab is allowed inside a value.
        QCOMPARE(read(post("X-Tab: a\tb\r\nContent-Length: 0\r\n")).requests.first().header("X-Tab"),
                 QByteArray("a\tb"));
    }

    void oversizedHeadsAre431()
    {
        HttpRequestReader::Limits limits;
        limits.maxHeaderBytes = 1024;
        QCOMPARE(read(post("X-Big: " + QByteArray(2000, 'a') + "\r\n"), 100, limits).status, 431);
        QByteArray many;
        for (int i = 0; i < 150; ++i)
            many += "X-" + QByteArray::number(i) + ": 1\r\n";
        QCOMPARE(read(post(many)).status, 431);
        // Without an end of the head, the reader still stops at the cap.
        QCOMPARE(read("GET /" + QByteArray(100000, 'a'), 4096, limits).status, 431);
    }

    void malformedRequestLines()
    {
        QCOMPARE(read("GARBAGE\r\n\r\n").status, 400);
        QCOMPARE(read("GET / HTTP/9.x\r\n\r\n").status, 400);
        QCOMPARE(read("GET  HTTP/1.1\r\n\r\n").status, 400);
        QCOMPARE(read("CONNECT example.com:443 HTTP/1.1\r\nHost: example.com\r\n\r\n").status, 501);
    }

    void pipelinedRequestsComeOutInOrder()
    {
        const QByteArray input = "GET /one HTTP/1.1\r\nHost: x\r\n\r\n" + post("Content-Length: 3\r\n", "two")
            + post("Transfer-Encoding: chunked\r\n", "5\r\nthree\r\n0\r\n\r\n")
            + "GET /four HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
        for (const qsizetype step : { 0, 1, 5 }) {
            const Outcome outcome = read(input, step);
            QCOMPARE(outcome.status, 0);
            QCOMPARE(outcome.heads, 4);
            QCOMPARE(outcome.requests.size(), 4);
            QCOMPARE(outcome.requests[0].target, QByteArray("/one"));
            QCOMPARE(outcome.requests[1].body, QByteArray("two"));
            QCOMPARE(outcome.requests[2].body, QByteArray("three"));
            QCOMPARE(outcome.requests[3].target, QByteArray("/four"));
            QVERIFY(outcome.requests[2].keepAlive);
            QVERIFY(!outcome.requests[3].keepAlive);
        }
    }

    void theHeadComesBeforeTheBody()
    {
        // A server checks the secret and answers 100 Continue between HeadReady and the body.
        HttpRequestReader reader;
        reader.append(post("Expect: 100-continue\r\nContent-Length: 5\r\n"));
        QCOMPARE(reader.next(), Event::HeadReady);
        QVERIFY(reader.request().expectsContinue());
        QCOMPARE(reader.request().contentLength, 5);
        QVERIFY(reader.request().body.isEmpty());
        QCOMPARE(reader.next(), Event::NeedMore);
        reader.append("hel");
        QCOMPARE(reader.next(), Event::NeedMore);
        reader.append("lo");
        QCOMPARE(reader.next(), Event::RequestReady);
        QCOMPARE(reader.request().body, QByteArray("hello"));
        QVERIFY(reader.isIdle());
    }

    void keepAliveFollowsTheVersionAndConnectionHeader()
    {
        QVERIFY(!read("GET / HTTP/1.0\r\n\r\n").requests.first().keepAlive);
        QVERIFY(read("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n").requests.first().keepAlive);
        QVERIFY(!read("GET / HTTP/1.1\r\nConnection: close\r\n\r\n").requests.first().keepAlive);
        // An upgrade offer is ignored; the request is answered as HTTP/1.1.
        const Outcome h2c
            = read("GET / HTTP/1.1\r\nHost: x\r\nConnection: Upgrade, HTTP2-Settings\r\nUpgrade: h2c\r\n"
                   "HTTP2-Settings: AAMAAABkAAQAoAAAAAIAAAAA\r\n\r\nGET /next HTTP/1.1\r\n\r\n");
        QCOMPARE(h2c.status, 0);
        QCOMPARE(h2c.requests.size(), 2);
    }

    void bufferedBytesStayWithinTheCaps()
    {
        HttpRequestReader::Limits limits;
        limits.maxBodyBytes = 64 * 1024;
        HttpRequestReader reader(limits);
        reader.append(post("Transfer-Encoding: chunked\r\n"));
        QCOMPARE(reader.next(), Event::HeadReady);
        Event event = Event::NeedMore;
        int rounds = 0;
        while (event == Event::NeedMore && rounds++ < 1000) {
            reader.append("400\r\n" + QByteArray(0x400, 'z') + "\r\n");
            event = reader.next();
            QVERIFY(reader.bufferedBytes() <= limits.maxBodyBytes + 2048);
        }
        QCOMPARE(event, Event::Failed);
        QCOMPARE(reader.errorStatus(), 413);
        QVERIFY(rounds <= 65);
    }
};

QTEST_GUILESS_MAIN(TestHttpRequestReader)
#include "tst_HttpRequestReader.moc"
