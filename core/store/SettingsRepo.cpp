// SPDX-License-Identifier: GPL-3.0-or-later
#include "SettingsRepo.h"

#include "AuditRepo.h"
#include "SecretGuard.h"
#include "storage/Sql.h"

namespace Store {

using Common::Error;
using Common::Result;
namespace Sql = Storage::Sql;

SettingsRepo::SettingsRepo(std::shared_ptr<Storage::Database> db)
    : m_db(std::move(db))
{ }

Result<QString> SettingsRepo::value(const QString &key, const QString &fallback)
{
    auto value = Sql::scalar(*m_db, QStringLiteral("SELECT value FROM settings WHERE key = ?"), { key });
    if (!value)
        return value.error();
    return value->isValid() ? value->toString() : fallback;
}

Common::Status SettingsRepo::setValue(const QString &key, const QString &value)
{
    if (key.trimmed().isEmpty())
        return Error::invalidInput(QStringLiteral("A setting needs a name"));
    if (looksLikeSecretKey(key)) {
        return Error::invalidInput(
            QStringLiteral(
                "\"%1\" looks like a secret and cannot be stored in the settings; it belongs in the keychain")
                .arg(key),
            QStringLiteral("secret-in-plain-text"));
    }
    auto before = this->value(key, QString());
    auto done = Sql::exec(*m_db,
                          QStringLiteral("INSERT INTO settings (key, value) VALUES (?, ?)"
                                         " ON CONFLICT (key) DO UPDATE SET value = excluded.value"),
                          { key, value });
    if (!done)
        return done.error();
    if (before && before.value() != value)
        recordChange(key, before.value(), value);
    return {};
}

Common::Status SettingsRepo::remove(const QString &key)
{
    auto before = value(key, QString());
    auto done = Sql::exec(*m_db, QStringLiteral("DELETE FROM settings WHERE key = ?"), { key });
    if (!done)
        return done.error();
    if (before && !before->isEmpty())
        recordChange(key, before.value(), QString());
    return {};
}

void SettingsRepo::recordChange(const QString &key, const QString &from, const QString &to)
{
    // What the engine keeps here for itself (credential expiry, published file paths) and hooks
    // (recorded by HookConfig as hook.set) are not operator settings.
    for (const char *own : { "connection.", "icml.", "hook." })
        if (key.startsWith(QLatin1String(own)))
            return;
    (void)AuditRepo(m_db).record(QStringLiteral("settings.changed"), key,
                                 { { QStringLiteral("from"), from }, { QStringLiteral("to"), to } });
}

Result<QMap<QString, QString>> SettingsRepo::all()
{
    auto query = Sql::exec(*m_db, QStringLiteral("SELECT key, value FROM settings ORDER BY key"));
    if (!query)
        return query.error();
    QMap<QString, QString> map;
    while (query->next())
        map.insert(query->value(0).toString(), query->value(1).toString());
    return map;
}

} // namespace Store
