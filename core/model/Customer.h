// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QString>

namespace Model {

/** A person as the shop knows them: a registered user, or the buyer of a guest order. Value type. */
struct Customer
{
    QString id; ///< shop user id; empty for a guest
    QString name;
    QString phone; ///< as typed in the shop; normalised later
    QString email;
    QJsonObject extra; ///< other profile fields (city, dob, …) by name

    QJsonObject toJson() const;
    static Customer fromJson(const QJsonObject &json);
    bool operator==(const Customer &) const = default;
};

} // namespace Model
