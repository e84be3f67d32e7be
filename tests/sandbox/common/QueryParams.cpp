// SPDX-License-Identifier: GPL-3.0-or-later
#include "QueryParams.h"

#include <QJsonArray>
#include <QUrl>

namespace Sandbox {

namespace {

QString decode(QByteArray part)
{
    part.replace('+', ' ');
    return QUrl::fromPercentEncoding(part);
}

QJsonValue insertPath(const QJsonValue &node, const QStringList &parts, int index, const QString &value)
{
    if (index == parts.size())
        return value;
    const QString &key = parts[index];
    if (key.isEmpty()) {
        QJsonArray array = node.isArray() ? node.toArray() : QJsonArray();
        array.append(insertPath(QJsonValue(), parts, index + 1, value));
        return array;
    }
    QJsonObject object = node.isObject() ? node.toObject() : QJsonObject();
    object.insert(key, insertPath(object.value(key), parts, index + 1, value));
    return object;
}

} // namespace

QList<QPair<QString, QString>> parseFormPairs(const QByteArray &raw)
{
    QList<QPair<QString, QString>> pairs;
    for (const QByteArray &item : raw.split('&')) {
        if (item.isEmpty())
            continue;
        const qsizetype eq = item.indexOf('=');
        const QString key = decode(eq < 0 ? item : item.left(eq));
        const QString value = eq < 0 ? QString() : decode(item.mid(eq + 1));
        pairs.append({ key, value });
    }
    return pairs;
}

QJsonObject parsePhpQuery(const QByteArray &raw)
{
    QJsonObject root;
    for (const auto &[key, value] : parseFormPairs(raw)) {
        QStringList parts;
        const qsizetype bracket = key.indexOf('[');
        if (bracket <= 0 || !key.endsWith(']')) {
            parts << key;
        } else {
            parts << key.left(bracket);
            const QString rest = key.mid(bracket + 1, key.size() - bracket - 2);
            parts << rest.split(QStringLiteral("]["));
        }
        const QJsonValue updated = insertPath(root.value(parts.first()), parts, 1, value);
        root.insert(parts.first(), updated);
    }
    return root;
}

QStringList listParam(const QJsonValue &value)
{
    QStringList out;
    if (value.isString()) {
        for (const QString &s : value.toString().split(',', Qt::SkipEmptyParts))
            out << s.trimmed();
    } else if (value.isArray()) {
        for (const QJsonValue &v : value.toArray())
            out << listParam(v);
    } else if (value.isObject()) {
        for (const QJsonValue &v : value.toObject())
            out << listParam(v);
    } else if (value.isDouble()) {
        out << QString::number(value.toInteger());
    }
    return out;
}

} // namespace Sandbox
