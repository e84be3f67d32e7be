// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QPair>
#include <QString>

namespace Model {

/** One web-form request as the intake endpoint stored it. Fields keep the order the form sent them in. */
struct FormSubmission
{
    QString id; ///< our id, assigned when stored
    QString formName; ///< "callback", "Заказать звонок" …
    QString pageUrl;
    QString clientIp;
    QDateTime receivedAt;
    QList<QPair<QString, QString>> fields;
    QMap<QString, QString> utm;

    QString field(const QString &name) const;
    QJsonObject toJson() const;
    static FormSubmission fromJson(const QJsonObject &json);
    bool operator==(const FormSubmission &) const = default;
};

} // namespace Model
