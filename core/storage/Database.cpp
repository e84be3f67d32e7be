// SPDX-License-Identifier: GPL-3.0-or-later
#include "Database.h"

#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QMutex>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>

Q_LOGGING_CATEGORY(lcStorage, "crmbridge.storage")

namespace Storage {

using Common::Error;
using Common::Result;

Database::Database(DatabaseUrl url)
    : m_url(std::move(url))
    , m_connections(QStringLiteral("crmbridge"))
{ }

Database::~Database() = default;

Result<std::shared_ptr<Database>> Database::open(const QString &url)
{
    auto parsed = DatabaseUrl::parse(url);
    if (!parsed)
        return parsed.error();
    return open(parsed.value());
}

Result<std::shared_ptr<Database>> Database::open(const DatabaseUrl &url)
{
    if (url.dialect == Dialect::Sqlite && url.path != QLatin1String(":memory:")) {
        const QFileInfo info(url.path);
        if (!QDir().mkpath(info.absolutePath()))
            return Error::unavailable(QStringLiteral("Cannot create the folder %1").arg(info.absolutePath()));
    }
    std::shared_ptr<Database> db(new Database(url));
    auto conn = db->connection();
    if (!conn)
        return conn.error();
    return db;
}

Result<QSqlDatabase> Database::connection()
{
    const bool sqlite = m_url.dialect == Dialect::Sqlite;
    return m_connections.connection(
        sqlite ? QStringLiteral("QSQLITE") : QStringLiteral("QPSQL"),
        QStringLiteral("The Qt SQL driver for %1 is not installed")
            .arg(sqlite ? QStringLiteral("SQLite") : QStringLiteral("PostgreSQL")),
        [this](QSqlDatabase &db) { return openAndConfigure(db); });
}

Common::Status Database::openAndConfigure(QSqlDatabase &db)
{
    const bool sqlite = m_url.dialect == Dialect::Sqlite;
    if (sqlite) {
        db.setDatabaseName(m_url.path);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=15000"));
    } else {
        db.setHostName(m_url.host);
        db.setPort(m_url.port);
        db.setUserName(m_url.user);
        db.setPassword(m_url.password);
        db.setDatabaseName(m_url.database);
        QString options = QStringLiteral("connect_timeout=5;application_name=crmbridge");
        if (!m_url.options.isEmpty())
            options += QLatin1Char(';') + m_url.options;
        db.setConnectOptions(options);
    }
    if (!db.open()) {
        return Error::unavailable(QStringLiteral("Cannot open the store %1: %2")
                                      .arg(m_url.toDisplayString(), db.lastError().text()),
                                  QStringLiteral("db-open"));
    }
    qCDebug(lcStorage) << "opened" << m_url.toDisplayString();
    QStringList pragmas;
    if (m_url.dialect == Dialect::Sqlite) {
        pragmas << QStringLiteral("PRAGMA foreign_keys = ON")
                << QStringLiteral("PRAGMA busy_timeout = 15000");
        if (m_url.path != QLatin1String(":memory:"))
            pragmas << QStringLiteral("PRAGMA journal_mode = WAL")
                    << QStringLiteral("PRAGMA synchronous = NORMAL");
    } else {
        pragmas << QStringLiteral("SET TIME ZONE 'UTC'")
                << QStringLiteral("SET client_min_messages = warning");
    }
    for (const QString &statement : pragmas) {
        QSqlQuery query(db);
        if (!query.exec(statement)) {
            return Error::unavailable(QStringLiteral("Cannot configure the store (%1): %2")
                                          .arg(statement, query.lastError().text()));
        }
    }
    return {};
}

void Database::releaseThreadConnection()
{
    m_connections.releaseThreadConnection();
}

QString Database::defaultSqlitePath()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return QDir(dir).filePath(QStringLiteral("crmbridge.db"));
}

} // namespace Storage
