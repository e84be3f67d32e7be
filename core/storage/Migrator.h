// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Database.h"
#include "Migrations.h"
#include "common/Result.h"

namespace Storage {

/**
 * Brings a store to the schema this build expects, one numbered migration per transaction, and
 * records each in `schema_version`. On PostgreSQL an advisory lock makes concurrent engines wait for
 * one another instead of racing. A store newer than this build is refused, never downgraded.
 */
class Migrator
{
public:
    explicit Migrator(Database &db, QList<Migration> migrations = allMigrations());

    static int latestVersion();
    /** 0 for an empty store. */
    Common::Result<int> currentVersion();
    /** Migrates up to targetVersion (default: the latest); returns the version reached. */
    Common::Result<int> migrate(int targetVersion = -1);

    /** Expands the dialect tokens of one statement. */
    static QString expand(const QString &statement, Dialect dialect);

private:
    Common::Result<int> migrateLocked(int targetVersion);
    Common::Status ensureVersionTable();
    Database &m_db;
    QList<Migration> m_migrations;
};

} // namespace Storage
