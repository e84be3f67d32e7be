// SPDX-License-Identifier: GPL-3.0-or-later
#include "Transform.h"

#include "MappingLog.h"
#include "common/PhoneNumber.h"
#include "model/SourceFieldCatalogue.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QTimeZone>

namespace Mapping {

using Common::Error;
using Common::Result;

namespace {

// {path}: a dotted path of at least two parts; anything else in braces is literal text.
const QRegularExpression &placeholderPattern()
{
    static const QRegularExpression s_pattern(
        QStringLiteral("\\{([A-Za-z_][A-Za-z0-9_]*\\.[^{}\\s][^{}]*)\\}"));
    return s_pattern;
}

Error skip(const QString &reason)
{
    return Error::invalidInput(reason, QStringLiteral("transform"));
}

struct KindName
{
    Transform::Kind kind;
    const char *name;
};

constexpr KindName kKindNames[] = {
    { Transform::Kind::None, "none" },         { Transform::Kind::Trim, "trim" },
    { Transform::Kind::Template, "template" }, { Transform::Kind::Number, "number" },
    { Transform::Kind::Date, "date" },         { Transform::Kind::Phone, "phone" },
    { Transform::Kind::Email, "email" },       { Transform::Kind::Join, "join" },
    { Transform::Kind::Constant, "constant" }, { Transform::Kind::Lookup, "lookup" },
};

Result<QStringList> formatDates(const QStringList &input, const QString &format, const QString &zone)
{
    QStringList output;
    const QTimeZone tz = zone.isEmpty() ? QTimeZone::utc() : QTimeZone(zone.toUtf8());
    if (!tz.isValid())
        return skip(Text::tr("unknown time zone \u201c%1\u201d").arg(zone));
    for (const QString &value : input) {
        const QDateTime dt = parseDateTime(value);
        if (!dt.isValid())
            return skip(Text::tr("\u201c%1\u201d is not a date").arg(value));
        if (format == QLatin1String("unix"))
            output << QString::number(dt.toSecsSinceEpoch());
        else
            output << dt.toTimeZone(tz).toString(format.isEmpty() ? QStringLiteral("dd.MM.yyyy") : format);
    }
    return output;
}

} // namespace

std::optional<double> parseNumber(const QString &text)
{
    QString cleaned = text.trimmed();
    // Thousands separators people type: spaces, no-break spaces, thin spaces, apostrophes.
    static const QRegularExpression kSeparators(QStringLiteral("[\\s\\x{00A0}\\x{202F}\\x{2009}']"));
    cleaned.remove(kSeparators);
    static const QRegularExpression kCurrency(QStringLiteral("(руб\\.?|р\\.|₽|rub|\\$|€)$"),
                                              QRegularExpression::CaseInsensitiveOption);
    cleaned.remove(kCurrency);
    cleaned.replace(QLatin1Char(','), QLatin1Char('.'));
    bool ok = false;
    const double value = cleaned.toDouble(&ok);
    if (!ok || cleaned.isEmpty())
        return std::nullopt;
    return value;
}

QDateTime parseDateTime(const QString &text)
{
    const QString t = text.trimmed();
    static const QRegularExpression kDigits(QStringLiteral("^\\d{9,11}$"));
    if (kDigits.match(t).hasMatch())
        return QDateTime::fromSecsSinceEpoch(t.toLongLong(), Qt::UTC);
    QDateTime dt = QDateTime::fromString(t, Qt::ISODateWithMs);
    if (!dt.isValid())
        dt = QDateTime::fromString(t, Qt::ISODate);
    for (const char *format :
         { "dd.MM.yyyy HH:mm:ss", "dd.MM.yyyy HH:mm", "dd.MM.yyyy", "yyyy-MM-dd HH:mm:ss" }) {
        if (dt.isValid())
            break;
        dt = QDateTime::fromString(t, QLatin1String(format));
    }
    if (!dt.isValid()) {
        const QDate d = QDate::fromString(t, Qt::ISODate);
        if (d.isValid())
            dt = d.startOfDay(Qt::UTC);
    }
    // A shop's local time without an offset is read as UTC: sources hand us UTC.
    if (dt.isValid() && dt.timeSpec() == Qt::LocalTime)
        dt.setTimeSpec(Qt::UTC);
    return dt;
}

QStringList templatePlaceholders(const QString &text)
{
    QStringList paths;
    auto it = placeholderPattern().globalMatch(text);
    while (it.hasNext())
        paths << it.next().captured(1);
    return paths;
}

Result<QString> renderTemplate(const QString &text, const PathResolver &resolve)
{
    QString output;
    qsizetype last = 0;
    auto it = placeholderPattern().globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        output += text.mid(last, m.capturedStart() - last);
        const std::optional<QStringList> values = resolve(m.captured(1));
        if (!values)
            return skip(Text::tr("the template names an unknown field {%1}").arg(m.captured(1)));
        output += values->join(QLatin1String(", "));
        last = m.capturedEnd();
    }
    output += text.mid(last);
    return output;
}

Transform Transform::of(Kind kind, const QString &argument)
{
    Transform t;
    t.kind = kind;
    t.argument = argument;
    return t;
}

Transform Transform::lookup(const QMap<QString, QString> &table, std::optional<QString> fallback)
{
    Transform t;
    t.kind = Kind::Lookup;
    t.table = table;
    t.fallback = std::move(fallback);
    return t;
}

QStringList Transform::placeholders() const
{
    return kind == Kind::Template ? templatePlaceholders(argument) : QStringList();
}

Result<QStringList> Transform::apply(const QStringList &input, const PathResolver &resolve) const
{
    QStringList output;
    switch (kind) {
    case Kind::None:
        return input;
    case Kind::Trim:
        for (const QString &value : input) {
            if (!value.trimmed().isEmpty())
                output << value.trimmed();
        }
        return output;
    case Kind::Template: {
        auto text = renderTemplate(argument, resolve);
        if (!text)
            return text.error();
        return text->trimmed().isEmpty() ? QStringList() : QStringList { text->trimmed() };
    }
    case Kind::Number:
        for (const QString &value : input) {
            const std::optional<double> n = parseNumber(value);
            if (!n)
                return skip(Text::tr("\u201c%1\u201d is not a number").arg(value));
            output << Model::SourceFieldCatalogue::formatNumber(*n);
        }
        return output;
    case Kind::Date:
        return formatDates(input, argument, timeZone);
    case Kind::Phone:
        for (const QString &value : input) {
            auto e164
                = Common::PhoneNumber::toE164(value, argument.isEmpty() ? QStringLiteral("RU") : argument);
            if (!e164)
                return skip(Text::tr("\u201c%1\u201d is not a phone number").arg(value));
            if (!output.contains(e164.value()))
                output << e164.value();
        }
        return output;
    case Kind::Email:
        for (const QString &value : input) {
            const QString email = Common::normaliseEmail(value);
            if (email.isEmpty())
                return skip(Text::tr("\u201c%1\u201d is not an email address").arg(value));
            if (!output.contains(email))
                output << email;
        }
        return output;
    case Kind::Join: {
        QStringList parts;
        for (const QString &value : input) {
            if (!value.trimmed().isEmpty())
                parts << value.trimmed();
        }
        const QString joined = parts.join(argument.isEmpty() ? QStringLiteral(", ") : argument);
        return joined.isEmpty() ? QStringList() : QStringList { joined };
    }
    case Kind::Constant:
        return argument.isEmpty() ? QStringList() : QStringList { argument };
    case Kind::Lookup:
        for (const QString &value : input) {
            auto hit = table.constFind(value);
            if (hit == table.cend()) {
                for (auto it = table.cbegin(); it != table.cend(); ++it) {
                    if (it.key().trimmed().compare(value.trimmed(), Qt::CaseInsensitive) == 0) {
                        hit = it;
                        break;
                    }
                }
            }
            if (hit != table.cend())
                output << hit.value();
            else if (fallback)
                output << *fallback;
            else
                return skip(Text::tr("\u201c%1\u201d is not in the lookup table").arg(value));
        }
        output.removeAll(QString());
        return output;
    }
    return input;
}

QString Transform::kindName(Kind kind)
{
    for (const KindName &k : kKindNames) {
        if (k.kind == kind)
            return QLatin1String(k.name);
    }
    return {};
}

bool Transform::kindFromName(const QString &name, Kind *kind)
{
    for (const KindName &k : kKindNames) {
        if (name == QLatin1String(k.name)) {
            *kind = k.kind;
            return true;
        }
    }
    return false;
}

// {"kind": "lookup", "table": {"Курьер": "101"}, "default": "100"} | {"kind": "date", "argument": "unix"}
QJsonObject Transform::toJson() const
{
    QJsonObject json { { QStringLiteral("kind"), kindName(kind) } };
    if (!argument.isEmpty())
        json.insert(QStringLiteral("argument"), argument);
    if (!timeZone.isEmpty())
        json.insert(QStringLiteral("time_zone"), timeZone);
    if (kind == Kind::Lookup) {
        QJsonObject tableJson;
        for (auto it = table.cbegin(); it != table.cend(); ++it)
            tableJson.insert(it.key(), it.value());
        json.insert(QStringLiteral("table"), tableJson);
        if (fallback)
            json.insert(QStringLiteral("default"), *fallback);
    }
    return json;
}

Result<Transform> Transform::fromJson(const QJsonObject &json)
{
    Transform t;
    const QString kind = json.value(QLatin1String("kind")).toString(QStringLiteral("none"));
    if (!kindFromName(kind, &t.kind))
        return Error::invalidInput(QStringLiteral("unknown transform \"%1\"").arg(kind),
                                   QStringLiteral("mapping-json"));
    t.argument = json.value(QLatin1String("argument")).toString();
    t.timeZone = json.value(QLatin1String("time_zone")).toString();
    const QJsonObject tableJson = json.value(QLatin1String("table")).toObject();
    for (auto it = tableJson.begin(); it != tableJson.end(); ++it)
        t.table.insert(it.key(), it.value().toString());
    if (json.value(QLatin1String("default")).isString())
        t.fallback = json.value(QLatin1String("default")).toString();
    if (t.kind == Kind::Date && !t.timeZone.isEmpty() && !QTimeZone(t.timeZone.toUtf8()).isValid())
        return Error::invalidInput(QStringLiteral("unknown time zone \"%1\"").arg(t.timeZone),
                                   QStringLiteral("mapping-json"));
    return t;
}

} // namespace Mapping
