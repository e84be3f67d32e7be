// SPDX-License-Identifier: GPL-3.0-or-later
#include "Database.h"

#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QMutex>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QThread>
#include <atomic>
#include <map>

Q_LOGGING_CATEGORY(lcStorage, "crmbridge.storage")

namespace Storage {

using Common::Error;
using Common::Result;

namespace {

std::atomic<quint64> s_nextId { 1 };

/**
 * Connections opened by this thread, closed and removed when the thread exits. QSqlDatabase must be
 * removed in the thread that used it, which a thread_local destructor guarantees.
 */
struct ThreadConnections
{
    std::map<quint64, QString> names;
    ~ThreadConnections()
    {
        for (const auto &[id, name] : names) {
            {
                QSqlDatabase db = QSqlDatabase::database(name, false);
                db.close();
            }
            QSqlDatabase::removeDatabase(name);
        }
    }
};

thread_local ThreadConnections t_connections;

} // namespace

Database::Database(DatabaseUrl url)
    : m_url(std::move(url))
    , m_id(s_nextId.fetch_add(1))
{ }

Database::~Database()
{
    // Only this thread's connection can be removed here; other threads drop theirs when they end.
    releaseThreadConnection();
}

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

QString Database::connectionNameForThisThread() const
{
    return QStringLiteral("crmbridge-%1-%2").arg(m_id).arg(quintptr(QThread::currentThreadId()));
}

Result<QSqlDatabase> Database::connection()
{
    auto it = t_connections.names.find(m_id);
    if (it != t_connections.names.end()) {
        QSqlDatabase db = QSqlDatabase::database(it->second, false);
        if (db.isOpen())
            return db;
        t_connections.names.erase(it);
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(connectionNameForThisThread());
    }

    const QString name = connectionNameForThisThread();
    const bool sqlite = m_url.dialect == Dialect::Sqlite;
    QSqlDatabase db
        = QSqlDatabase::addDatabase(sqlite ? QStringLiteral("QSQLITE") : QStringLiteral("QPSQL"), name);
    if (!db.isValid()) {
        QSqlDatabase::removeDatabase(name);
        return Error::unavailable(QStringLiteral("The Qt SQL driver for %1 is not installed")
                                      .arg(sqlite ? QStringLiteral("SQLite") : QStringLiteral("PostgreSQL")));
    }
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
        const QString reason = db.lastError().text();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(name);
        return Error::unavailable(
            QStringLiteral("Cannot open the store %1: %2").arg(m_url.toDisplayString(), reason),
            QStringLiteral("db-open"));
    }
    if (auto configured = configure(db); !configured) {
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(name);
        return configured.error();
    }
    t_connections.names[m_id] = name;
    qCDebug(lcStorage) << "opened" << m_url.toDisplayString() << "as" << name;
    return db;
}

Common::Status Database::configure(QSqlDatabase &db)
{
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
    auto it = t_connections.names.find(m_id);
    if (it == t_connections.names.end())
        return;
    const QString name = it->second;
    t_connections.names.erase(it);
    {
        QSqlDatabase db = QSqlDatabase::database(name, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

QString Database::defaultSqlitePath()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return QDir(dir).filePath(QStringLiteral("crmbridge.db"));
}

} // namespace Storage
