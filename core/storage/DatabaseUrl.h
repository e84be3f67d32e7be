// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Result.h"

#include <QString>

namespace Storage {

enum class Dialect { Sqlite, Postgres };

/**
 * Where the store lives, parsed from one URL:
 * `sqlite:///abs/path/file.db`, `sqlite://:memory:`, `postgresql://user@host:port/db?sslmode=…`.
 * A password may come from the URL, but operators should prefer ~/.pgpass or the secret store:
 * toDisplayString() never shows it.
 */
struct DatabaseUrl
{
    Dialect dialect = Dialect::Sqlite;
    QString path; ///< SQLite file, or ":memory:"
    QString host; ///< PostgreSQL
    int port = 5432;
    QString user;
    QString password;
    QString database;
    QString options; ///< extra libpq connect options, "key=value;key=value"

    static Common::Result<DatabaseUrl> parse(const QString &url);
    static DatabaseUrl sqliteFile(const QString &path);
    /** The URL with any password replaced by "***", for logs and the UI. */
    QString toDisplayString() const;
};

} // namespace Storage
