// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

namespace Net {

/**
 * Reads the fields of a form post, in the order sent:
 * - `application/x-www-form-urlencoded` (what an HTML form and PHP's http_build_query send),
 * - `multipart/form-data` (a form with files: a file becomes "[file name.pdf, 1234 bytes]"; its bytes
 *   stay only in the raw request),
 * - `application/json`: one object; nested objects become "a.b" names, arrays are joined with ", ".
 * Text must be UTF-8. Errors: InvalidInput "malformed" (→ 400) or "unsupported-type" (→ 415).
 * Pure functions.
 */
class FormParser
{
public:
    using Fields = QList<QPair<QString, QString>>;

    static Common::Result<Fields> parse(const QByteArray &contentType, const QByteArray &body);
    static Common::Result<Fields> parseUrlEncoded(const QByteArray &body);
    static Common::Result<Fields> parseMultipart(const QByteArray &boundary, const QByteArray &body);
    static Common::Result<Fields> parseJson(const QByteArray &body);

    /** The value of a `key=value` parameter of a header ("boundary", "charset", "name"). */
    static QByteArray headerParameter(const QByteArray &header, const QByteArray &key);
};

} // namespace Net
