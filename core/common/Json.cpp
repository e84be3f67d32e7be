// SPDX-License-Identifier: GPL-3.0-or-later
#include "Json.h"

#include <QJsonDocument>
#include <QJsonParseError>

namespace Common::Json {

static Result<QJsonDocument> parse(const QByteArray &bytes)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError) {
        return Error::invalidInput(
            QStringLiteral("Malformed JSON at offset %1: %2").arg(error.offset).arg(error.errorString()),
            QStringLiteral("json"));
    }
    return doc;
}

Result<QJsonObject> parseObject(const QByteArray &bytes)
{
    auto doc = parse(bytes);
    if (!doc)
        return doc.error();
    if (!doc->isObject())
        return Error::invalidInput(QStringLiteral("Expected a JSON object"), QStringLiteral("json"));
    return doc->object();
}

Result<QJsonArray> parseArray(const QByteArray &bytes)
{
    auto doc = parse(bytes);
    if (!doc)
        return doc.error();
    if (!doc->isArray())
        return Error::invalidInput(QStringLiteral("Expected a JSON array"), QStringLiteral("json"));
    return doc->array();
}

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QByteArray compact(const QJsonArray &array)
{
    return QJsonDocument(array).toJson(QJsonDocument::Compact);
}

QByteArray indented(const QByteArray &json)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError)
        return json;
    return doc.toJson(QJsonDocument::Indented);
}

} // namespace Common::Json
