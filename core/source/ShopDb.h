// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Result.h"
#include "storage/ThreadConnections.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariantList>
#include <memory>

namespace Source {

/**
 * Where a shop database is: `mysql://user@host:port/db` (MariaDB/MySQL over QMYSQL; `mariadb://`
 * works too) or `sqlite:///path/shop.db` (the demo and fast tests). A password in the URL is accepted
 * for the demo generator only; sources take it from the SecretStore.
 */
struct ShopDbUrl
{
    bool sqlite = false;
    QString path;
    QString host;
    int port = 3306;
    QString user;
    QString password;
    QString database;

    static Common::Result<ShopDbUrl> parse(const QString &url);
    /** The URL without the password. */
    QString toDisplayString() const;
};

/**
 * A connection to one shop database, with its table prefix (MODX `modx_`, Bitrix `b_`). Like
 * Storage::Database: the object is thread-safe and shared by pointer; each thread that uses it gets its own
 * named QSqlDatabase connection, opened on first use and removed when the thread ends (connections never
 * cross threads). SQL is written once with backtick-quoted identifiers, which SQLite accepts too, and `?`
 * binds.
 */
class ShopDb
{
public:
    static Common::Result<std::shared_ptr<ShopDb>> open(const ShopDbUrl &url, const QString &prefix);
    ~ShopDb();

    bool isSqlite() const { return m_url.sqlite; }
    const ShopDbUrl &url() const { return m_url; }
    QString prefix() const { return m_prefix; }
    /** `modx_ms2_orders` quoted: the table name with the prefix, in backticks. */
    QString table(const char *name) const;

    Common::Result<QSqlDatabase> connection();
    void releaseThreadConnection();

    Common::Result<QSqlQuery> exec(const QString &sql, const QVariantList &binds = {});
    Common::Result<QVariant> scalar(const QString &sql, const QVariantList &binds = {});
    /** The id of the row just inserted by an INSERT run with exec(). */
    static qint64 insertId(const QSqlQuery &query) { return query.lastInsertId().toLongLong(); }

    /** Begins a write transaction on this thread's connection (SQLite: BEGIN IMMEDIATE). */
    Common::Status begin();
    Common::Status commit();
    void rollback();

    /** A prefix is letters, digits and '_' only: it goes into SQL identifiers. */
    static bool isValidPrefix(const QString &prefix);

private:
    ShopDb(ShopDbUrl url, QString prefix);
    Common::Error toError(const QSqlError &error, const QString &context);
    Common::Status openAndConfigure(QSqlDatabase &db);

    ShopDbUrl m_url;
    QString m_prefix;
    Storage::ThreadConnections m_connections;
};

} // namespace Source
