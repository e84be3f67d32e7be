// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzz target: Net::FormParser, the form intake's body reader. The first byte picks the
// Content-Type (url-encoded, multipart with boundary "b", JSON); the rest is the body. Invariants:
// it ends, and every field it reads has a name and is valid text (a replacement character appears only
// where the body had one: invalid UTF-8 is an error, not a lossy field).
#include "FuzzCheck.h"
#include "net/FormParser.h"

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    static const QByteArray kTypes[]
        = { "application/x-www-form-urlencoded", "multipart/form-data; boundary=b", "application/json",
            "application/json; charset=windows-1251", "text/plain" };
    const QByteArray &type = kTypes[data[0] % (sizeof kTypes / sizeof kTypes[0])];
    const QByteArray body(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    const auto fields = Net::FormParser::parse(type, body);
    if (!fields)
        return 0;
    // U+FFFD may be sent on purpose, encoded validly (Qt's percent decoding is lenient: "%EF%BF%B-D"
    // gives its three bytes too).
    const QByteArray kReplacement = "\xEF\xBF\xBD";
    // Decoded as the parser does, name and value of each pair apart: a "%" before "&" or "=" shifts a
    // whole-body decoding.
    bool partHasReplacement = false;
    for (const QByteArray &pair : body.split('&')) {
        const qsizetype eq = pair.indexOf('=');
        for (const QByteArray &part :
             { pair.left(eq < 0 ? pair.size() : eq), eq < 0 ? QByteArray() : pair.mid(eq + 1) })
            partHasReplacement = partHasReplacement
                || QByteArray::fromPercentEncoding(QByteArray(part).replace('+', ' ')).contains(kReplacement);
    }
    const bool bodyHasReplacement = body.contains(kReplacement) || partHasReplacement
        || QByteArray::fromPercentEncoding(body).contains(kReplacement) || body.contains("\\ufffd")
        || body.contains("\\uFFFD");
    for (const auto &[name, value] : fields.value()) {
        FUZZ_CHECK(!name.isEmpty() || type.startsWith("application/json"));
        if (!bodyHasReplacement && !type.startsWith("application/json"))
            FUZZ_CHECK(!value.contains(QChar::ReplacementCharacter)
                       && !name.contains(QChar::ReplacementCharacter));
    }
    return 0;
}
