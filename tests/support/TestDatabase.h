// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/Database.h"

#include <QTemporaryDir>
#include <memory>

namespace TestSupport {

/**
 * A fresh, migrated store for one test: a SQLite file in a temporary folder, or a new database on
 * the process's throwaway PostgreSQL server. Use from the test's main thread; worker threads use
 * db() and get their own connections.
 */
class TestDatabase
{
public:
    /** For initTestCase_data(): a global "dialect" column with rows sqlite and postgresql, so every test
     *  function of a repository suite runs on both engines. */
    static void addDialectRows();

    /** dialect "sqlite" or "postgresql"; migrate=false leaves the store empty (for migration tests). */
    static Common::Result<std::unique_ptr<TestDatabase>> create(const QString &dialect, bool migrate = true);

    std::shared_ptr<Storage::Database> db() const { return m_db; }
    QString url() const { return m_url; }
    /** For SQLite, the file path (to scan it for secrets); empty for PostgreSQL. */
    QString sqliteFile() const { return m_sqliteFile; }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::shared_ptr<Storage::Database> m_db;
    QString m_url;
    QString m_sqliteFile;
};

} // namespace TestSupport
