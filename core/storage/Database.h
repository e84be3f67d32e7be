// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "DatabaseUrl.h"
#include "ThreadConnections.h"
#include "common/Result.h"

#include <QSqlDatabase>
#include <QString>
#include <memory>

namespace Storage {

/**
 * The store: one SQLite file or one PostgreSQL database, shared by every thread of the process.
 *
 * A Database object is thread-safe and usually held in a shared_ptr by the engine, the GUI and the
 * repositories. Each thread that calls connection() gets its own QSqlDatabase connection, opened on
 * first use and closed when that thread ends (or on releaseThreadConnection()): connections never
 * cross threads, as Qt Sql requires.
 */
class Database : public std::enable_shared_from_this<Database>
{
public:
    /** Opens the store and checks that a first connection works, in the calling thread. */
    static Common::Result<std::shared_ptr<Database>> open(const DatabaseUrl &url);
    static Common::Result<std::shared_ptr<Database>> open(const QString &url);
    ~Database();

    Dialect dialect() const { return m_url.dialect; }
    bool isPostgres() const { return m_url.dialect == Dialect::Postgres; }
    const DatabaseUrl &url() const { return m_url; }

    /** This thread's connection, opened on first use; an Unavailable error when the server is gone. */
    Common::Result<QSqlDatabase> connection();
    /** Closes and forgets this thread's connection; the next connection() reconnects. */
    void releaseThreadConnection();

    /** The default store of the desktop app and crmbridgectl: AppDataLocation/crmbridge.db. */
    static QString defaultSqlitePath();

private:
    explicit Database(DatabaseUrl url);
    Common::Status openAndConfigure(QSqlDatabase &db);

    DatabaseUrl m_url;
    ThreadConnections m_connections;
};

} // namespace Storage
