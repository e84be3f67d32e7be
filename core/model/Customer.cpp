// SPDX-License-Identifier: GPL-3.0-or-later
#include "Customer.h"

namespace Model {

QJsonObject Customer::toJson() const
{
    return { { QStringLiteral("id"), id },
             { QStringLiteral("name"), name },
             { QStringLiteral("phone"), phone },
             { QStringLiteral("email"), email },
             { QStringLiteral("extra"), extra } };
}

Customer Customer::fromJson(const QJsonObject &json)
{
    Customer c;
    c.id = json.value(QLatin1String("id")).toString();
    c.name = json.value(QLatin1String("name")).toString();
    c.phone = json.value(QLatin1String("phone")).toString();
    c.email = json.value(QLatin1String("email")).toString();
    c.extra = json.value(QLatin1String("extra")).toObject();
    return c;
}

} // namespace Model
