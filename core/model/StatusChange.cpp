// SPDX-License-Identifier: GPL-3.0-or-later
#include "StatusChange.h"

namespace Model {

QJsonObject StatusChange::toJson() const
{
    return { { QStringLiteral("origin"),
               origin == Origin::Shop ? QStringLiteral("shop") : QStringLiteral("crm") },
             { QStringLiteral("order_id"), orderId },
             { QStringLiteral("order_number"), orderNumber },
             { QStringLiteral("from_status"), fromStatus },
             { QStringLiteral("to_status"), toStatus },
             { QStringLiteral("pipeline_id"), pipelineId },
             { QStringLiteral("from_pipeline_id"), fromPipelineId },
             { QStringLiteral("at"),
               at.isValid() ? QJsonValue(at.toUTC().toString(Qt::ISODateWithMs)) : QJsonValue() },
             { QStringLiteral("event_id"), eventId } };
}

StatusChange StatusChange::fromJson(const QJsonObject &json)
{
    StatusChange c;
    c.origin
        = json.value(QLatin1String("origin")).toString() == QLatin1String("crm") ? Origin::Crm : Origin::Shop;
    c.orderId = json.value(QLatin1String("order_id")).toString();
    c.orderNumber = json.value(QLatin1String("order_number")).toString();
    c.fromStatus = json.value(QLatin1String("from_status")).toString();
    c.toStatus = json.value(QLatin1String("to_status")).toString();
    c.pipelineId = json.value(QLatin1String("pipeline_id")).toString();
    c.fromPipelineId = json.value(QLatin1String("from_pipeline_id")).toString();
    c.at = QDateTime::fromString(json.value(QLatin1String("at")).toString(), Qt::ISODateWithMs);
    c.eventId = json.value(QLatin1String("event_id")).toString();
    return c;
}

} // namespace Model
