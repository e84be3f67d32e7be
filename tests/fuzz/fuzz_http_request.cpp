// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzz target: Net::HttpRequestReader, the request reader of the form intake and the sandboxes.
// Invariants: it ends (no endless loop), holds no more than its caps, and reads the same requests and
// the same failure whether the bytes come at once or in two pieces.
#include "FuzzCheck.h"
#include "HttpRequestReader.h"

#include <cstdint>

namespace {

struct Seen
{
    int heads = 0;
    QList<QByteArray> requests;
    int status = 0;
};

Seen readAll(const QByteArray &input, qsizetype split)
{
    Net::HttpRequestReader::Limits limits;
    limits.maxHeaderBytes = 4096;
    limits.maxHeaderCount = 32;
    limits.maxBodyBytes = 8192;
    Net::HttpRequestReader reader(limits);
    Seen seen;
    for (const QByteArray &piece : { input.left(split), input.mid(split) }) {
        reader.append(piece);
        for (int events = 0; seen.status == 0; ++events) {
            FUZZ_CHECK(events <= input.size() + 4); // every event consumes input
            const auto event = reader.next();
            FUZZ_CHECK(reader.bufferedBytes() <= input.size() + limits.maxBodyBytes + limits.maxHeaderBytes);
            if (event == Net::HttpRequestReader::Event::NeedMore)
                break;
            if (event == Net::HttpRequestReader::Event::Failed) {
                seen.status = reader.errorStatus();
                FUZZ_CHECK(seen.status >= 400 && seen.status < 600);
            } else if (event == Net::HttpRequestReader::Event::HeadReady) {
                ++seen.heads;
            } else {
                const Net::IncomingRequest request = reader.takeRequest();
                FUZZ_CHECK(request.body.size() <= limits.maxBodyBytes);
                QByteArray summary = request.method + ' ' + request.target + '\n';
                for (const auto &[name, value] : request.headers) {
                    for (const char c : name + value)
                        FUZZ_CHECK(c == '\t' || (static_cast<unsigned char>(c) >= 0x20 && c != 0x7f));
                    summary += name + ':' + value + '\n';
                }
                seen.requests.append(summary + request.body);
            }
        }
    }
    return seen;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    const Seen whole = readAll(input, input.size());
    const Seen split = readAll(input, size > 0 ? qsizetype(data[0]) * qsizetype(size) / 256 : 0);
    FUZZ_CHECK(whole.requests == split.requests);
    FUZZ_CHECK(whole.status == split.status);
    return 0;
}
