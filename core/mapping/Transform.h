// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QMap>
#include <QString>
#include <QStringList>
#include <functional>
#include <optional>

namespace Mapping {

/** Reads the values at a source path (see Model::SourceFieldCatalogue::resolve); nullopt for an unknown path.
 */
using PathResolver = std::function<std::optional<QStringList>(const QString &path)>;

/**
 * What a field-map row does to the source values before they reach the CRM. Value type; apply()
 * is pure. A value that cannot be transformed (garbage in a phone box, an unknown lookup key) is an
 * InvalidInput error whose message is the translated reason the row is skipped.
 *
 * argument by kind: Template — the text with {path} placeholders ("Заказ #{order.num}"); Number —
 * unused; Date — the output format ("dd.MM.yyyy", "yyyy-MM-dd HH:mm", or "unix" for Unix seconds);
 * Phone — the region for numbers without a country code (default "RU"); Join — the separator
 * (default ", "); Constant — the value. Lookup uses table and fallback.
 */
struct Transform
{
    enum class Kind { None, Trim, Template, Number, Date, Phone, Email, Join, Constant, Lookup };
    Kind kind = Kind::None;
    QString argument;
    QString timeZone; ///< Date: IANA zone for the output ("Europe/Moscow"); empty = UTC
    QMap<QString, QString> table; ///< Lookup: source value → target value
    std::optional<QString> fallback; ///< Lookup: the value for anything not in the table

    static Transform none() { return {}; }
    static Transform of(Kind kind, const QString &argument = {});
    static Transform lookup(const QMap<QString, QString> &table,
                            std::optional<QString> fallback = std::nullopt);

    Common::Result<QStringList> apply(const QStringList &input, const PathResolver &resolve) const;
    /** The {path} placeholders of a Template. */
    QStringList placeholders() const;

    static QString kindName(Kind kind);
    static bool kindFromName(const QString &name, Kind *kind);
    QJsonObject toJson() const;
    static Common::Result<Transform> fromJson(const QJsonObject &json);
    bool operator==(const Transform &) const = default;
};

/** Fills {path} placeholders; list values are joined with ", ". An unknown path is an error. */
Common::Result<QString> renderTemplate(const QString &text, const PathResolver &resolve);
/** The {path} placeholders of text, in order. */
QStringList templatePlaceholders(const QString &text);
/** "12 500,50" → 12500.5; nullopt for text that is not a number. */
std::optional<double> parseNumber(const QString &text);
/** ISO 8601, "dd.MM.yyyy[ HH:mm[:ss]]" or Unix seconds; an invalid QDateTime for anything else. */
QDateTime parseDateTime(const QString &text);

} // namespace Mapping
