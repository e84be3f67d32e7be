// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/AuditRepo.h"

#include <QCoreApplication>
#include <QJsonValue>
#include <QString>

namespace Gui {

/** An audit entry in the operator's words: "Mapping saved", "version 12, 3 changes". */
class AuditText
{
    Q_DECLARE_TR_FUNCTIONS(Gui::AuditText)
public:
    static QString action(const QString &action);
    static QString details(const Store::AuditEntry &entry);
    static QString tool(const QString &tool);
    /** A details key in words ("base_url" → "address"); an unknown key as it is. */
    static QString field(const QString &key);
    /** A details value in words: “from” → “to” for a change, "not set" for nothing. */
    static QString value(const QJsonValue &value);
    /** The action prefixes the filter offers, with their names. */
    static QList<std::pair<QString, QString>> filters();
};

} // namespace Gui
