// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace Storage {

/**
 * One numbered schema step. Statements are written once for both dialects with tokens that the
 * Migrator expands: {pk} (auto-increment primary key), {int64}, {blob}. What only one engine has (SQLite's
 * FTS5, PostgreSQL's extensions) goes in sqliteOnly / postgresOnly, run after the shared statements.
 */
struct Migration
{
    int version;
    QString description;
    QStringList statements;
    QStringList sqliteOnly = {};
    QStringList postgresOnly = {};
};

/** Every migration in order; the last one's version is the schema this build expects. */
const QList<Migration> &allMigrations();

} // namespace Storage
