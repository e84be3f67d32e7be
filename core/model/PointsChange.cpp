// SPDX-License-Identifier: GPL-3.0-or-later
#include "PointsChange.h"

namespace Model {

QJsonObject PointsChange::toJson() const
{
    return { { QStringLiteral("customer_id"), customerId },
             { QStringLiteral("points"), points },
             { QStringLiteral("before"), before },
             { QStringLiteral("at"),
               at.isValid() ? QJsonValue(at.toUTC().toString(Qt::ISODateWithMs)) : QJsonValue() },
             { QStringLiteral("event_id"), eventId } };
}

PointsChange PointsChange::fromJson(const QJsonObject &json)
{
    PointsChange c;
    c.customerId = json.value(QLatin1String("customer_id")).toString();
    c.points = json.value(QLatin1String("points")).toString();
    c.before = json.value(QLatin1String("before")).toString();
    c.at = QDateTime::fromString(json.value(QLatin1String("at")).toString(), Qt::ISODateWithMs);
    c.eventId = json.value(QLatin1String("event_id")).toString();
    return c;
}

} // namespace Model
