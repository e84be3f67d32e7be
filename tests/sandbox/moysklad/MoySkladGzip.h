// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>

namespace Sandbox::MoySklad {

/** The gzip (RFC 1952) form of @p data, as MoySklad sends every answer (zlib; Qt's qCompress is zlib-framed).
 */
QByteArray gzipCompress(const QByteArray &data);
/** Undoes gzipCompress(); empty on a broken stream. For tests that read raw sockets. */
QByteArray gzipDecompress(const QByteArray &data);
/** Whether an Accept-Encoding value offers gzip (a token "gzip", any q but 0). */
bool acceptsGzip(const QByteArray &acceptEncoding);

} // namespace Sandbox::MoySklad
