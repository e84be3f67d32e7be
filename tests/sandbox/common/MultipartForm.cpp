// SPDX-License-Identifier: GPL-3.0-or-later
#include "MultipartForm.h"

#include <QRegularExpression>

namespace Sandbox {

namespace {

QByteArray boundaryOf(const QByteArray &contentType)
{
    static const QRegularExpression re(QStringLiteral("boundary=(\"([^\"]+)\"|([^;\\s]+))"),
                                       QRegularExpression::CaseInsensitiveOption);
    const auto m = re.match(QString::fromLatin1(contentType));
    if (!m.hasMatch())
        return {};
    return (m.captured(2).isEmpty() ? m.captured(3) : m.captured(2)).toLatin1();
}

QString partName(const QByteArray &headers)
{
    static const QRegularExpression re(QStringLiteral("content-disposition:[^\\r\\n]*\\bname=\"([^\"]*)\""),
                                       QRegularExpression::CaseInsensitiveOption);
    return re.match(QString::fromUtf8(headers)).captured(1);
}

} // namespace

bool parseMultipartForm(const QByteArray &contentType, const QByteArray &body,
                        QList<QPair<QString, QString>> *fields)
{
    const QByteArray boundary = boundaryOf(contentType);
    if (boundary.isEmpty())
        return false;
    const QByteArray delimiter = "--" + boundary;
    qsizetype pos = body.indexOf(delimiter);
    if (pos < 0)
        return false;
    while (true) {
        pos += delimiter.size();
        if (body.mid(pos, 2) == "--")
            return true; // the closing delimiter
        if (body.mid(pos, 2) == "\r\n")
            pos += 2;
        const qsizetype headersEnd = body.indexOf("\r\n\r\n", pos);
        if (headersEnd < 0)
            return false;
        const qsizetype next = body.indexOf("\r\n" + delimiter, headersEnd + 4);
        if (next < 0)
            return false;
        const QString name = partName(body.mid(pos, headersEnd - pos));
        if (!name.isEmpty())
            fields->append({ name, QString::fromUtf8(body.mid(headersEnd + 4, next - headersEnd - 4)) });
        pos = next + 2;
    }
}

} // namespace Sandbox
