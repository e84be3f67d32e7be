// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace Model {

/**
 * An order moved from one status to another, on either side. For shop changes the ids are shop
 * status ids; for CRM changes they are the CRM's pipeline and stage ids. Value type.
 */
struct StatusChange
{
    enum class Origin { Shop, Crm };

    Origin origin = Origin::Shop;
    QString orderId; ///< shop order id (Shop) or CRM deal id (Crm)
    QString orderNumber; ///< for people, when known
    QString fromStatus;
    QString toStatus;
    QString pipelineId; ///< Crm only
    QString fromPipelineId;
    QDateTime at;
    QString eventId; ///< the log row or CRM event id this came from, for de-duplication

    QJsonObject toJson() const;
    static StatusChange fromJson(const QJsonObject &json);
    bool operator==(const StatusChange &) const = default;
};

} // namespace Model
