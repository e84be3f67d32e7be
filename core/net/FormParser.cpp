// SPDX-License-Identifier: GPL-3.0-or-later
#include "FormParser.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringDecoder>
#include <QUrl>

namespace Net {

using Common::Error;
using Common::Result;

namespace {

Error malformed(const QString &message)
{
    return Error::invalidInput(message, QStringLiteral("malformed"));
}

bool decodeUtf8(const QByteArray &bytes, QString *text)
{
    // Only valid UTF-8 decodes and encodes back to the same bytes: a cut or broken sequence becomes a
    // replacement character (QStringDecoder's error flag missed some, found by the fuzz target; a
    // stateful decoder even kept a cut end as state and returned "").
    *text = QString::fromUtf8(bytes);
    return text->toUtf8() == bytes;
}

void flatten(const QString &prefix, const QJsonValue &value, FormParser::Fields *fields)
{
    switch (value.type()) {
    case QJsonValue::Object: {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            flatten(prefix.isEmpty() ? it.key() : prefix + QLatin1Char('.') + it.key(), it.value(), fields);
        break;
    }
    case QJsonValue::Array: {
        QStringList parts;
        for (const QJsonValue &item : value.toArray())
            parts << (item.isString() ? item.toString() : item.toVariant().toString());
        fields->append({ prefix, parts.join(QStringLiteral(", ")) });
        break;
    }
    case QJsonValue::Bool:
        fields->append({ prefix, value.toBool() ? QStringLiteral("1") : QStringLiteral("0") });
        break;
    case QJsonValue::Double:
        fields->append({ prefix, QString::number(value.toDouble(), 'g', 15) });
        break;
    case QJsonValue::String:
        fields->append({ prefix, value.toString() });
        break;
    default:
        fields->append({ prefix, QString() });
    }
}

} // namespace

QByteArray FormParser::headerParameter(const QByteArray &header, const QByteArray &key)
{
    for (const QByteArray &part : header.split(';')) {
        const QByteArray trimmed = part.trimmed();
        const qsizetype eq = trimmed.indexOf('=');
        if (eq <= 0 || trimmed.left(eq).trimmed().toLower() != key)
            continue;
        QByteArray value = trimmed.mid(eq + 1).trimmed();
        if (value.size() >= 2 && value.startsWith('"') && value.endsWith('"'))
            value = value.mid(1, value.size() - 2);
        return value;
    }
    return {};
}

Result<FormParser::Fields> FormParser::parse(const QByteArray &contentType, const QByteArray &body)
{
    const QByteArray type = contentType.split(';').first().trimmed().toLower();
    const QByteArray charset = headerParameter(contentType, "charset").toLower();
    if (!charset.isEmpty() && charset != "utf-8" && charset != "utf8")
        return Error::invalidInput(
            QStringLiteral("Only UTF-8 form posts are accepted, not %1").arg(QString::fromLatin1(charset)),
            QStringLiteral("unsupported-type"));
    if (type == "application/x-www-form-urlencoded")
        return parseUrlEncoded(body);
    if (type == "multipart/form-data") {
        const QByteArray boundary = headerParameter(contentType, "boundary");
        if (boundary.isEmpty())
            return malformed(QStringLiteral("multipart/form-data without a boundary"));
        return parseMultipart(boundary, body);
    }
    if (type == "application/json")
        return parseJson(body);
    return Error::invalidInput(
        QStringLiteral("Unsupported Content-Type \"%1\": send application/x-www-form-urlencoded,"
                       " multipart/form-data or application/json")
            .arg(QString::fromLatin1(type)),
        QStringLiteral("unsupported-type"));
}

Result<FormParser::Fields> FormParser::parseUrlEncoded(const QByteArray &body)
{
    Fields fields;
    for (const QByteArray &pair : body.split('&')) {
        if (pair.trimmed().isEmpty())
            continue;
        const qsizetype eq = pair.indexOf('=');
        QByteArray name = eq < 0 ? pair : pair.left(eq);
        QByteArray value = eq < 0 ? QByteArray() : pair.mid(eq + 1);
        name.replace('+', ' ');
        value.replace('+', ' ');
        QString nameText, valueText;
        if (!decodeUtf8(QByteArray::fromPercentEncoding(name), &nameText)
            || !decodeUtf8(QByteArray::fromPercentEncoding(value), &valueText))
            return malformed(QStringLiteral("The form data is not valid UTF-8"));
        if (nameText.isEmpty())
            return malformed(QStringLiteral("A form field has no name"));
        fields.append({ nameText, valueText });
    }
    return fields;
}

Result<FormParser::Fields> FormParser::parseMultipart(const QByteArray &boundary, const QByteArray &body)
{
    const QByteArray delimiter = "--" + boundary;
    qsizetype pos = body.indexOf(delimiter);
    if (pos < 0)
        return malformed(QStringLiteral("The multipart body has no part with its boundary"));
    Fields fields;
    for (;;) {
        pos += delimiter.size();
        if (body.mid(pos, 2) == "--")
            return fields; // the closing delimiter
        if (body.mid(pos, 2) != "\r\n")
            return malformed(QStringLiteral("Malformed multipart boundary line"));
        pos += 2;
        const qsizetype headersEnd = body.indexOf("\r\n\r\n", pos);
        if (headersEnd < 0)
            return malformed(QStringLiteral("A multipart part has no header end"));
        const qsizetype next = body.indexOf("\r\n" + delimiter, headersEnd + 4);
        if (next < 0)
            return malformed(QStringLiteral("The multipart body is not closed by its boundary"));
        QByteArray disposition;
        for (const QByteArray &line : body.mid(pos, headersEnd - pos).split('\n')) {
            if (line.trimmed().toLower().startsWith("content-disposition:"))
                disposition = line.mid(line.indexOf(':') + 1).trimmed();
        }
        const QByteArray content = body.mid(headersEnd + 4, next - headersEnd - 4);
        QString name, value;
        if (!decodeUtf8(headerParameter(disposition, "name"), &name) || name.isEmpty())
            return malformed(QStringLiteral("A multipart part has no field name"));
        if (disposition.contains("filename=")) {
            QString file;
            if (!decodeUtf8(headerParameter(disposition, "filename"), &file))
                return malformed(QStringLiteral("The file name of \"%1\" is not valid UTF-8").arg(name));
            value = QStringLiteral("[file %1, %2 bytes]").arg(file).arg(content.size());
        } else if (!decodeUtf8(content, &value)) {
            return malformed(QStringLiteral("The field \"%1\" is not valid UTF-8").arg(name));
        }
        fields.append({ name, value });
        pos = next + 2;
    }
}

Result<FormParser::Fields> FormParser::parseJson(const QByteArray &body)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError)
        return malformed(QStringLiteral("The JSON body is malformed at offset %1: %2")
                             .arg(error.offset)
                             .arg(error.errorString()));
    if (!doc.isObject())
        return malformed(QStringLiteral("The JSON body must be one object of fields"));
    Fields fields;
    flatten(QString(), doc.object(), &fields);
    return fields;
}

} // namespace Net
