// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>

namespace TestSupport {

/**
 * Adds to a mapping file (as `crmbridgectl mapping export` writes it) an order row that writes the shop
 * field @p source into the custom field named @p fieldName of @p entity ("deal", "contact") by name
 * only, the way an operator names a field the CRM may not have yet. False when the file cannot be
 * read or written.
 */
inline bool addNamedFieldRow(const QString &file, const QString &rowId, const QString &source,
                             const QString &entity, const QString &fieldName,
                             const QString &fieldType = QStringLiteral("text"))
{
    QFile in(file);
    if (!in.open(QIODevice::ReadOnly))
        return false;
    QJsonObject mapping = QJsonDocument::fromJson(in.readAll()).object();
    in.close();
    QJsonObject orders = mapping.value(QStringLiteral("orders")).toObject();
    QJsonArray rows = orders.value(QStringLiteral("rows")).toArray();
    rows.append(QJsonObject { { QStringLiteral("id"), rowId },
                              { QStringLiteral("source"), source },
                              { QStringLiteral("target"),
                                QJsonObject { { QStringLiteral("kind"), QStringLiteral("custom") },
                                              { QStringLiteral("entity"), entity },
                                              { QStringLiteral("field_name"), fieldName },
                                              { QStringLiteral("field_type"), fieldType } } } });
    orders.insert(QStringLiteral("rows"), rows);
    mapping.insert(QStringLiteral("orders"), orders);
    QFile out(file);
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    return out.write(QJsonDocument(mapping).toJson()) > 0;
}

} // namespace TestSupport
