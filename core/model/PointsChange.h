// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace Model {

/**
 * A buyer's bonus points set in a CRM by a person (amoCRM: the customer's field «Бонусные баллы»
 * changed, seen in its events): the CRM customer and the value the field has now. The value it had
 * before is kept for the operator only; what goes back to the shop is the difference to the value
 * CRM Bridge last knew (Engine::PointsBackSync). Value type.
 */
struct PointsChange
{
    QString customerId; ///< the CRM customer
    QString points; ///< the field's new value as the CRM gives it ("650"); empty: cleared
    QString before; ///< the value before, when the CRM says
    QDateTime at;
    QString eventId; ///< the CRM event this came from

    QJsonObject toJson() const;
    static PointsChange fromJson(const QJsonObject &json);
    bool operator==(const PointsChange &) const = default;
};

} // namespace Model
