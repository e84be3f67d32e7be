// SPDX-License-Identifier: GPL-3.0-or-later
#include "MoySkladGzip.h"

#include <QList>
#include <zlib.h>

namespace Sandbox::MoySklad {

namespace {
constexpr int kGzipWindowBits = 15 + 16; // 15-bit window, +16 asks zlib for the gzip wrapper
}

QByteArray gzipCompress(const QByteArray &data)
{
    z_stream stream {};
    if (deflateInit2(&stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, kGzipWindowBits, 8, Z_DEFAULT_STRATEGY)
        != Z_OK)
        return {};
    QByteArray out(qsizetype(deflateBound(&stream, uLong(data.size()))) + 32, Qt::Uninitialized);
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData()));
    stream.avail_in = uInt(data.size());
    stream.next_out = reinterpret_cast<Bytef *>(out.data());
    stream.avail_out = uInt(out.size());
    const int rc = deflate(&stream, Z_FINISH);
    out.resize(qsizetype(stream.total_out));
    deflateEnd(&stream);
    return rc == Z_STREAM_END ? out : QByteArray();
}

QByteArray gzipDecompress(const QByteArray &data)
{
    z_stream stream {};
    if (inflateInit2(&stream, kGzipWindowBits) != Z_OK)
        return {};
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData()));
    stream.avail_in = uInt(data.size());
    QByteArray out;
    char buffer[16384];
    int rc = Z_OK;
    while (rc == Z_OK) {
        stream.next_out = reinterpret_cast<Bytef *>(buffer);
        stream.avail_out = sizeof buffer;
        rc = inflate(&stream, Z_NO_FLUSH);
        if (rc != Z_OK && rc != Z_STREAM_END)
            break;
        out.append(buffer, qsizetype(sizeof buffer - stream.avail_out));
    }
    inflateEnd(&stream);
    return rc == Z_STREAM_END ? out : QByteArray();
}

bool acceptsGzip(const QByteArray &acceptEncoding)
{
    for (const QByteArray &part : acceptEncoding.split(',')) {
        const QList<QByteArray> pieces = part.split(';');
        if (pieces.first().trimmed().toLower() != "gzip")
            continue;
        if (pieces.size() > 1 && pieces.at(1).trimmed().replace(' ', "") == "q=0")
            return false;
        return true;
    }
    return false;
}

} // namespace Sandbox::MoySklad
