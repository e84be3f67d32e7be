// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Result.h"
#include "storage/Database.h"

#include <QMap>
#include <QString>
#include <memory>

namespace Store {

/**
 * Application settings shared by every console and engine on the store (key → text; JSON where a
 * value is structured). Refuses keys that look like secrets: those go to the SecretStore. Changes of
 * operator settings are recorded in the audit trail.
 */
class SettingsRepo
{
public:
    explicit SettingsRepo(std::shared_ptr<Storage::Database> db);

    Common::Result<QString> value(const QString &key, const QString &fallback = {});
    Common::Status setValue(const QString &key, const QString &value);
    Common::Status remove(const QString &key);
    Common::Result<QMap<QString, QString>> all();

private:
    /** An operator setting that changed goes into the audit trail (AuditRepo). */
    void recordChange(const QString &key, const QString &from, const QString &to);

    std::shared_ptr<Storage::Database> m_db;
};

} // namespace Store
