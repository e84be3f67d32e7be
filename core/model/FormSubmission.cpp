// SPDX-License-Identifier: GPL-3.0-or-later
#include "FormSubmission.h"

#include <QJsonArray>

namespace Model {

QString FormSubmission::field(const QString &name) const
{
    for (const auto &[key, value] : fields) {
        if (key == name)
            return value;
    }
    return {};
}

QJsonObject FormSubmission::toJson() const
{
    QJsonArray fieldArray;
    for (const auto &[key, value] : fields)
        fieldArray.append(QJsonArray { key, value });
    QJsonObject utmObject;
    for (auto it = utm.cbegin(); it != utm.cend(); ++it)
        utmObject.insert(it.key(), it.value());
    return { { QStringLiteral("id"), id },
             { QStringLiteral("form_name"), formName },
             { QStringLiteral("page_url"), pageUrl },
             { QStringLiteral("client_ip"), clientIp },
             { QStringLiteral("received_at"),
               receivedAt.isValid() ? QJsonValue(receivedAt.toUTC().toString(Qt::ISODateWithMs))
                                    : QJsonValue() },
             { QStringLiteral("fields"), fieldArray },
             { QStringLiteral("utm"), utmObject } };
}

FormSubmission FormSubmission::fromJson(const QJsonObject &json)
{
    FormSubmission f;
    f.id = json.value(QLatin1String("id")).toString();
    f.formName = json.value(QLatin1String("form_name")).toString();
    f.pageUrl = json.value(QLatin1String("page_url")).toString();
    f.clientIp = json.value(QLatin1String("client_ip")).toString();
    f.receivedAt
        = QDateTime::fromString(json.value(QLatin1String("received_at")).toString(), Qt::ISODateWithMs);
    for (const QJsonValue &pair : json.value(QLatin1String("fields")).toArray()) {
        const QJsonArray kv = pair.toArray();
        f.fields.append({ kv.at(0).toString(), kv.at(1).toString() });
    }
    const QJsonObject utmObject = json.value(QLatin1String("utm")).toObject();
    for (auto it = utmObject.begin(); it != utmObject.end(); ++it)
        f.utm.insert(it.key(), it.value().toString());
    return f;
}

} // namespace Model
