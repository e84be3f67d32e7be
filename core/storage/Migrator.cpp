// SPDX-License-Identifier: GPL-3.0-or-later
#include "Migrator.h"

#include "Sql.h"
#include "Transaction.h"

#include <QDateTime>
#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcStorage)

namespace Storage {

using Common::Error;
using Common::Result;

// An arbitrary constant that names "CRM Bridge schema migration" among advisory locks.
static constexpr qint64 kMigrationLockKey = 0x43524d42'4d494752; // "CRMBMIGR"

Migrator::Migrator(Database &db, QList<Migration> migrations)
    : m_db(db)
    , m_migrations(std::move(migrations))
{ }

int Migrator::latestVersion()
{
    return allMigrations().isEmpty() ? 0 : allMigrations().constLast().version;
}

QString Migrator::expand(const QString &statement, Dialect dialect)
{
    QString sql = statement;
    const bool pg = dialect == Dialect::Postgres;
    sql.replace(QLatin1String("{pk}"),
                pg ? QLatin1String("BIGSERIAL PRIMARY KEY")
                   : QLatin1String("INTEGER PRIMARY KEY AUTOINCREMENT"));
    sql.replace(QLatin1String("{int64}"), pg ? QLatin1String("BIGINT") : QLatin1String("INTEGER"));
    sql.replace(QLatin1String("{blob}"), pg ? QLatin1String("BYTEA") : QLatin1String("BLOB"));
    return sql;
}

Common::Status Migrator::ensureVersionTable()
{
    auto created = Sql::exec(
        m_db,
        expand(QStringLiteral(
                   "CREATE TABLE IF NOT EXISTS schema_version ("
                   " version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at {int64} NOT NULL)"),
               m_db.dialect()));
    if (!created)
        return created.error();
    return {};
}

Result<int> Migrator::currentVersion()
{
    if (auto ok = ensureVersionTable(); !ok)
        return ok.error();
    auto version = Sql::scalar(m_db, QStringLiteral("SELECT COALESCE(MAX(version), 0) FROM schema_version"));
    if (!version)
        return version.error();
    return version->toInt();
}

Result<int> Migrator::migrate(int targetVersion)
{
    if (!m_db.isPostgres())
        return migrateLocked(targetVersion);
    // Engines that start together on one PostgreSQL store take turns: even CREATE TABLE IF NOT EXISTS
    // races there. A session lock covers the version table; it is released whatever happens.
    auto locked = Sql::exec(m_db, QStringLiteral("SELECT pg_advisory_lock(?)"), { kMigrationLockKey });
    if (!locked)
        return locked.error();
    Result<int> result = migrateLocked(targetVersion);
    (void)Sql::exec(m_db, QStringLiteral("SELECT pg_advisory_unlock(?)"), { kMigrationLockKey });
    return result;
}

Result<int> Migrator::migrateLocked(int targetVersion)
{
    const int latest = m_migrations.isEmpty() ? 0 : m_migrations.constLast().version;
    if (targetVersion < 0)
        targetVersion = latest;
    if (auto ok = ensureVersionTable(); !ok)
        return ok.error();

    for (const Migration &migration : m_migrations) {
        if (migration.version > targetVersion)
            break;
        Transaction tx(m_db);
        if (!tx.isActive())
            return tx.error();
        // Read the version inside the transaction (and the lock) so a concurrent migrator is seen.
        auto current
            = Sql::scalar(m_db, QStringLiteral("SELECT COALESCE(MAX(version), 0) FROM schema_version"));
        if (!current)
            return current.error();
        if (current->toInt() > latest) {
            return Error::permanent(
                QStringLiteral("The store has schema version %1, newer than this build (%2). "
                               "Update CRM Bridge before using this store.")
                    .arg(current->toInt())
                    .arg(latest),
                QStringLiteral("schema-too-new"));
        }
        if (current->toInt() >= migration.version)
            continue;
        QStringList statements = migration.statements;
        statements += m_db.isPostgres() ? migration.postgresOnly : migration.sqliteOnly;
        for (const QString &statement : std::as_const(statements)) {
            auto done = Sql::exec(m_db, expand(statement, m_db.dialect()));
            if (!done) {
                Error error = done.error();
                error.message = QStringLiteral("Migration %1 (%2) failed: %3")
                                    .arg(migration.version)
                                    .arg(migration.description, error.message);
                return error;
            }
        }
        auto recorded = Sql::exec(
            m_db,
            QStringLiteral("INSERT INTO schema_version (version, description, applied_at) VALUES (?, ?, ?)"),
            { migration.version, migration.description, QDateTime::currentMSecsSinceEpoch() });
        if (!recorded)
            return recorded.error();
        if (auto committed = tx.commit(); !committed)
            return committed.error();
        qCInfo(lcStorage) << "migrated store to version" << migration.version << migration.description;
    }
    return currentVersion();
}

} // namespace Storage
