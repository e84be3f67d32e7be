// SPDX-License-Identifier: GPL-3.0-or-later
#include "TextDecoding.h"

#include <QStringDecoder>

namespace Source::FileImport {

namespace {

// Windows-1251 bytes 0x80–0xBF; 0xC0–0xFF are А–я (U+0410–U+044F) in order.
const char16_t kHigh[64] = {
    0x0402, 0x0403, 0x201A, 0x0453, 0x201E, 0x2026, 0x2020, 0x2021, 0x20AC, 0x2030, 0x0409, 0x2039, 0x040A,
    0x040C, 0x040B, 0x040F, 0x0452, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0xFFFD, 0x2122,
    0x0459, 0x203A, 0x045A, 0x045C, 0x045B, 0x045F, 0x00A0, 0x040E, 0x045E, 0x0408, 0x00A4, 0x0490, 0x00A6,
    0x00A7, 0x0401, 0x00A9, 0x0404, 0x00AB, 0x00AC, 0x00AD, 0x00AE, 0x0407, 0x00B0, 0x00B1, 0x0406, 0x0456,
    0x0491, 0x00B5, 0x00B6, 0x00B7, 0x0451, 0x2116, 0x0454, 0x00BB, 0x0458, 0x0405, 0x0455, 0x0457,
};

} // namespace

bool TextDecoding::parseName(const QString &name, Encoding *encoding)
{
    const QString lower = name.trimmed().toLower();
    if (lower.isEmpty() || lower == QLatin1String("auto"))
        *encoding = Encoding::Auto;
    else if (lower == QLatin1String("utf-8") || lower == QLatin1String("utf8"))
        *encoding = Encoding::Utf8;
    else if (lower == QLatin1String("windows-1251") || lower == QLatin1String("cp1251")
             || lower == QLatin1String("1251"))
        *encoding = Encoding::Windows1251;
    else
        return false;
    return true;
}

QString TextDecoding::name(Encoding encoding)
{
    switch (encoding) {
    case Encoding::Utf8:
        return QStringLiteral("utf-8");
    case Encoding::Windows1251:
        return QStringLiteral("windows-1251");
    case Encoding::Auto:
        break;
    }
    return QStringLiteral("auto");
}

QString TextDecoding::fromWindows1251(const QByteArray &bytes)
{
    QString text;
    text.reserve(bytes.size());
    for (char c : bytes) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte < 0x80)
            text += QChar(byte);
        else if (byte < 0xC0)
            text += QChar(kHigh[byte - 0x80]);
        else
            text += QChar(char16_t(0x0410 + (byte - 0xC0)));
    }
    return text;
}

QByteArray TextDecoding::toWindows1251(const QString &text)
{
    QByteArray bytes;
    bytes.reserve(text.size());
    for (QChar ch : text) {
        const char16_t u = ch.unicode();
        if (u < 0x80) {
            bytes += char(u);
        } else if (u >= 0x0410 && u <= 0x044F) {
            bytes += char(0xC0 + (u - 0x0410));
        } else {
            char out = '?';
            for (int i = 0; i < 64; ++i) {
                if (kHigh[i] == u && u != 0xFFFD)
                    out = char(0x80 + i);
            }
            bytes += out;
        }
    }
    return bytes;
}

QString TextDecoding::decode(const QByteArray &bytes, Encoding encoding, Encoding *used)
{
    QByteArray data = bytes;
    if (data.startsWith("\xEF\xBB\xBF")) {
        data.remove(0, 3);
        if (encoding == Encoding::Auto)
            encoding = Encoding::Utf8;
    }
    if (encoding == Encoding::Auto) {
        QStringDecoder decoder(QStringDecoder::Utf8);
        const QString text = decoder.decode(data);
        if (!decoder.hasError()) {
            if (used)
                *used = Encoding::Utf8;
            return text;
        }
        encoding = Encoding::Windows1251;
    }
    if (used)
        *used = encoding;
    if (encoding == Encoding::Windows1251)
        return fromWindows1251(data);
    return QString::fromUtf8(data);
}

} // namespace Source::FileImport
