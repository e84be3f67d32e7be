// SPDX-License-Identifier: GPL-3.0-or-later
#include "MoySkladQuery.h"

#include "MoySkladStore.h"

#include <QJsonArray>
#include <QUrlQuery>
#include <algorithm>

namespace Sandbox::MoySklad {

namespace {

const QStringList &operators()
{
    // Two-character operators first, so ">=" is not read as ">".
    static const QStringList ops { "!=", ">=", "<=", "~=", "=~", "=", ">", "<", "~" };
    return ops;
}

bool isTimeField(const QString &field)
{
    return field == QLatin1String("updated") || field == QLatin1String("created")
        || field == QLatin1String("moment") || field == QLatin1String("executionDate");
}

ApiError filterError(const QString &message)
{
    return { 412, 1034, QStringLiteral("Ошибка фильтрации: ") + message, QStringLiteral("filter") };
}

/** A shown value as filters compare it: a link by its href, a number or bool as text. */
QString scalar(const QJsonValue &v)
{
    if (v.isObject())
        return v.toObject().value("meta").toObject().value("href").toString();
    if (v.isBool())
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (v.isDouble())
        return QString::number(v.toDouble(), 'g', 15);
    return v.toString();
}

} // namespace

bool MoySkladQuery::parse(const QByteArray &rawQuery, ApiError *error)
{
    // A '+' in a query is a space, as the servlet container behind the real API decodes it.
    const QUrlQuery query(QString::fromLatin1(rawQuery).replace('+', QLatin1String("%20")));
    bool limitGiven = false;
    for (const auto &[key, value] : query.queryItems(QUrl::FullyDecoded)) {
        bool ok = true;
        if (key == QLatin1String("limit")) {
            limitGiven = true;
            limit = value.toInt(&ok);
            if (!ok || limit < 1 || limit > 1000) {
                *error = { 412, 1040,
                           QStringLiteral("Неверно заданы параметры запроса: limit должен быть от 1 до 1000"),
                           QStringLiteral("limit") };
                return false;
            }
            continue;
        }
        if (key == QLatin1String("offset")) {
            offset = value.toInt(&ok);
            if (!ok || offset < 0) {
                *error = { 412, 1040, QStringLiteral("Неверно заданы параметры запроса: offset"),
                           QStringLiteral("offset") };
                return false;
            }
            continue;
        }
        passThrough.append({ key, value });
        if (key == QLatin1String("filter") && !parseFilter(value, error))
            return false;
        if (key == QLatin1String("search"))
            m_search = value.toLower();
        if (key == QLatin1String("expand"))
            expand = value.split(',', Qt::SkipEmptyParts);
        if (key == QLatin1String("order")) {
            for (const QString &part : value.split(';', Qt::SkipEmptyParts)) {
                const QStringList pieces = part.split(',');
                m_order.append({ pieces.first(), pieces.value(1) == QLatin1String("desc") });
            }
        }
    }
    // expand works only with limit ≤ 100 (reference B.2): above an explicit larger limit the links stay
    // links; without one, a list with expand pages by 100 (an assumption, see README).
    if (!expand.isEmpty() && !limitGiven)
        limit = 100;
    if (limit > 100)
        expand.clear();
    return true;
}

bool MoySkladQuery::parseFilter(const QString &filter, ApiError *error)
{
    QStringList parts;
    QString current;
    for (qsizetype i = 0; i < filter.size(); ++i) {
        if (filter[i] == '\\' && i + 1 < filter.size() && filter[i + 1] == ';') {
            current += ';';
            ++i;
        } else if (filter[i] == ';') {
            parts.append(current);
            current.clear();
        } else {
            current += filter[i];
        }
    }
    parts.append(current);
    for (const QString &part : std::as_const(parts)) {
        if (part.isEmpty())
            continue;
        qsizetype nameEnd = 0;
        while (nameEnd < part.size()
               && (part[nameEnd].isLetterOrNumber() || part[nameEnd] == '_' || part[nameEnd] == '.'))
            ++nameEnd;
        const QString field = part.left(nameEnd);
        QString op;
        for (const QString &candidate : operators()) {
            if (part.mid(nameEnd).startsWith(candidate)) {
                op = candidate;
                break;
            }
        }
        if (field.isEmpty() || op.isEmpty()) {
            *error = filterError(QStringLiteral("неверное условие '%1'").arg(part));
            return false;
        }
        QString value = part.mid(nameEnd + op.size());
        if (isTimeField(field) && !value.isEmpty()) {
            value = MoySkladStore::normalizeTime(value);
            if (value.isEmpty()) {
                *error = { 412, 1035,
                           QStringLiteral("Ошибка фильтрации: неверный формат даты параметра фильтрации"),
                           field };
                return false;
            }
        }
        m_conditions.append({ field, op, value });
    }
    // '=' mixed with a comparison on the same field is an error (reference B.4).
    for (const Condition &a : std::as_const(m_conditions)) {
        for (const Condition &b : std::as_const(m_conditions)) {
            if (a.field == b.field && a.op == QLatin1String("=") && b.op != QLatin1String("=")
                && b.op != QLatin1String("!=")) {
                *error = filterError(
                    QStringLiteral("нельзя совмещать '=' и '%1' для поля '%2'").arg(b.op, a.field));
                return false;
            }
        }
    }
    return true;
}

bool MoySkladQuery::test(const QJsonValue &actual, const QString &op, const QString &value)
{
    const QString text = scalar(actual);
    if (op == QLatin1String("="))
        return value.isEmpty() ? text.isEmpty() : text == value;
    if (op == QLatin1String("!="))
        return value.isEmpty() ? !text.isEmpty() : text != value;
    if (op == QLatin1String("~"))
        return text.contains(value, Qt::CaseInsensitive);
    if (op == QLatin1String("~="))
        return text.startsWith(value, Qt::CaseInsensitive);
    if (op == QLatin1String("=~"))
        return text.endsWith(value, Qt::CaseInsensitive);
    int cmp = 0;
    bool a = false, b = false;
    const double x = text.toDouble(&a), y = value.toDouble(&b);
    if (actual.isDouble() && a && b)
        cmp = x < y ? -1 : (x > y ? 1 : 0);
    else
        cmp = QString::compare(text, value); // times compare as their fixed-width text
    if (text.isEmpty())
        return false;
    if (op == QLatin1String(">"))
        return cmp > 0;
    if (op == QLatin1String("<"))
        return cmp < 0;
    if (op == QLatin1String(">="))
        return cmp >= 0;
    return cmp <= 0;
}

bool MoySkladQuery::matches(const QJsonObject &shown) const
{
    QMap<QString, bool> anyEqual; // field → some '=' matched (OR across repeated '=')
    for (const Condition &c : m_conditions) {
        const QJsonValue actual = shown.value(c.field);
        if (c.op == QLatin1String("=")) {
            anyEqual[c.field] = anyEqual.value(c.field) || test(actual, c.op, c.value);
            continue;
        }
        if (!test(actual, c.op, c.value))
            return false;
    }
    for (bool matched : std::as_const(anyEqual)) {
        if (!matched)
            return false;
    }
    if (!m_search.isEmpty()) {
        bool found = false;
        for (const char *field : { "name", "code", "externalCode", "email", "phone", "legalTitle",
                                   "discountCardNumber", "description", "article" })
            found = found || shown.value(QLatin1String(field)).toString().toLower().contains(m_search);
        if (!found)
            return false;
    }
    return true;
}

void MoySkladQuery::sort(QList<QJsonObject> &shown) const
{
    if (m_order.isEmpty())
        return;
    std::stable_sort(shown.begin(), shown.end(), [this](const QJsonObject &a, const QJsonObject &b) {
        for (const auto &[field, desc] : m_order) {
            const QJsonValue x = a.value(field), y = b.value(field);
            int cmp = 0;
            if (x.isDouble() && y.isDouble())
                cmp = x.toDouble() < y.toDouble() ? -1 : (x.toDouble() > y.toDouble() ? 1 : 0);
            else
                cmp = QString::compare(scalar(x), scalar(y));
            if (cmp != 0)
                return desc ? cmp > 0 : cmp < 0;
        }
        return false;
    });
}

bool MoySkladQuery::mentions(const QString &field) const
{
    return std::any_of(m_conditions.begin(), m_conditions.end(),
                       [&field](const Condition &c) { return c.field == field; });
}

} // namespace Sandbox::MoySklad
