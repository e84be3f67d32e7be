// SPDX-License-Identifier: GPL-3.0-or-later
#include "ShopDb.h"

#include <QLoggingCategory>
#include <QRegularExpression>
#include <QSqlError>
#include <QUrl>

namespace Source {

namespace {
Q_LOGGING_CATEGORY(lcShopDb, "crmbridge.source.shopdb")
}

using Common::Error;
using Common::Result;

Result<ShopDbUrl> ShopDbUrl::parse(const QString &text)
{
    const QString trimmed = text.trimmed();
    ShopDbUrl url;
    if (trimmed.startsWith(QLatin1String("sqlite://"))) {
        url.sqlite = true;
        url.path = QUrl::fromPercentEncoding(trimmed.mid(int(qstrlen("sqlite://"))).toUtf8());
        if (url.path.isEmpty())
            return Error::invalidInput(QStringLiteral("The SQLite URL names no file: %1").arg(text));
        return url;
    }
    const QUrl parsed(trimmed, QUrl::StrictMode);
    const QString scheme = parsed.scheme().toLower();
    if (scheme != QLatin1String("mysql") && scheme != QLatin1String("mariadb")) {
        return Error::invalidInput(
            QStringLiteral("Unsupported shop database URL \"%1\": use mysql://user@host:port/database or "
                           "sqlite:///path/shop.db")
                .arg(text.section(QLatin1Char('@'), -1)));
    }
    url.host = parsed.host().isEmpty() ? QStringLiteral("localhost") : parsed.host();
    url.port = parsed.port(3306);
    url.user = parsed.userName();
    url.password = parsed.password();
    url.database = parsed.path().mid(1);
    if (url.database.isEmpty())
        return Error::invalidInput(
            QStringLiteral("The shop URL names no database: %1").arg(url.toDisplayString()));
    return url;
}

QString ShopDbUrl::toDisplayString() const
{
    if (sqlite)
        return QStringLiteral("sqlite://") + path;
    const QString auth = user.isEmpty() ? QString() : user + QLatin1Char('@');
    return QStringLiteral("mysql://%1%2:%3/%4").arg(auth, host).arg(port).arg(database);
}

bool ShopDb::isValidPrefix(const QString &prefix)
{
    static const QRegularExpression s_valid(QStringLiteral("^[A-Za-z0-9_]{0,64}$"));
    return s_valid.match(prefix).hasMatch();
}

ShopDb::ShopDb(ShopDbUrl url, QString prefix)
    : m_url(std::move(url))
    , m_prefix(std::move(prefix))
    , m_connections(QStringLiteral("crmbridge-shop"))
{ }

ShopDb::~ShopDb() = default;

Result<std::shared_ptr<ShopDb>> ShopDb::open(const ShopDbUrl &url, const QString &prefix)
{
    if (!isValidPrefix(prefix))
        return Error::invalidInput(
            QStringLiteral("The table prefix \"%1\" may hold only letters, digits and '_'").arg(prefix));
    std::shared_ptr<ShopDb> db(new ShopDb(url, prefix));
    auto conn = db->connection();
    if (!conn)
        return conn.error();
    return db;
}

QString ShopDb::table(const char *name) const
{
    return QLatin1Char('`') + m_prefix + QLatin1String(name) + QLatin1Char('`');
}

Result<QSqlDatabase> ShopDb::connection()
{
    return m_connections.connection(
        m_url.sqlite ? QStringLiteral("QSQLITE") : QStringLiteral("QMYSQL"),
        m_url.sqlite
            ? QStringLiteral("The Qt SQLite driver is not installed")
            : QStringLiteral("The Qt MySQL/MariaDB driver is not installed (Debian: libqt6sql6-mysql)"),
        [this](QSqlDatabase &db) { return openAndConfigure(db); });
}

Common::Status ShopDb::openAndConfigure(QSqlDatabase &db)
{
    if (m_url.sqlite) {
        db.setDatabaseName(m_url.path);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=15000"));
    } else {
        db.setHostName(m_url.host);
        db.setPort(m_url.port);
        db.setUserName(m_url.user);
        db.setPassword(m_url.password);
        db.setDatabaseName(m_url.database);
        db.setConnectOptions(QStringLiteral(
            "MYSQL_OPT_CONNECT_TIMEOUT=5;MYSQL_OPT_READ_TIMEOUT=30;MYSQL_OPT_WRITE_TIMEOUT=30"));
    }
    if (!db.open()) {
        Error result = toError(
            db.lastError(), QStringLiteral("Cannot open the shop database %1").arg(m_url.toDisplayString()));
        if (result.kind == Common::ErrorKind::Permanent)
            result.kind = Common::ErrorKind::Unavailable;
        return result;
    }
    if (m_url.sqlite) {
        // A SQLite shop is the demo or a test: WAL lets the poller read while the generator writes.
        QSqlQuery pragma(db);
        for (const char *statement :
             { "PRAGMA busy_timeout = 15000", "PRAGMA journal_mode = WAL", "PRAGMA synchronous = NORMAL" })
            pragma.exec(QLatin1String(statement));
    }
    qCDebug(lcShopDb) << "opened" << m_url.toDisplayString();
    return {};
}

void ShopDb::releaseThreadConnection()
{
    m_connections.releaseThreadConnection();
}

Error ShopDb::toError(const QSqlError &error, const QString &context)
{
    const QString code = error.nativeErrorCode();
    const QString text = context + QStringLiteral(": ") + error.text();
    // MySQL client 2002/2003/2005 cannot connect, 2006/2013 server gone; 1205 lock wait, 1213 deadlock;
    // 1045 access denied. SQLite 5 busy, 6 locked.
    static const QStringList s_gone { QStringLiteral("2002"), QStringLiteral("2003"), QStringLiteral("2005"),
                                      QStringLiteral("2006"), QStringLiteral("2013") };
    if (s_gone.contains(code) || error.type() == QSqlError::ConnectionError)
        return Error::unavailable(text, QStringLiteral("shop-db-connection"));
    if (code == QLatin1String("1205") || code == QLatin1String("1213") || code == QLatin1String("5")
        || code == QLatin1String("6"))
        return Error::transient(text, QStringLiteral("shop-db-busy"));
    if (code == QLatin1String("1045") || code == QLatin1String("1044"))
        return Error::auth(text, QStringLiteral("shop-db-auth"));
    return Error::permanent(text, QStringLiteral("shop-sql"));
}

Result<QSqlQuery> ShopDb::exec(const QString &sql, const QVariantList &binds)
{
    auto conn = connection();
    if (!conn)
        return conn.error();
    QSqlQuery query(conn.value());
    query.setForwardOnly(true);
    bool ok = false;
    if (binds.isEmpty()) {
        ok = query.exec(sql);
    } else if (query.prepare(sql)) {
        for (const QVariant &value : binds) {
            // A null QString binds as NULL; the ms2 text columns want '' for "none".
            if (value.typeId() == QMetaType::QString && value.toString().isNull())
                query.addBindValue(QStringLiteral(""));
            else
                query.addBindValue(value);
        }
        ok = query.exec();
    }
    if (!ok) {
        Error error = toError(query.lastError(), sql.simplified().left(80));
        if (error.kind == Common::ErrorKind::Unavailable) {
            query = QSqlQuery();
            releaseThreadConnection();
        }
        return error;
    }
    return query;
}

Result<QVariant> ShopDb::scalar(const QString &sql, const QVariantList &binds)
{
    auto query = exec(sql, binds);
    if (!query)
        return query.error();
    if (query->next())
        return query->value(0);
    return QVariant();
}

Common::Status ShopDb::begin()
{
    if (m_url.sqlite) {
        auto begun = exec(QStringLiteral("BEGIN IMMEDIATE"));
        if (!begun)
            return begun.error();
        return {};
    }
    auto conn = connection();
    if (!conn)
        return conn.error();
    if (!conn->transaction())
        return toError(conn->lastError(), QStringLiteral("BEGIN"));
    return {};
}

Common::Status ShopDb::commit()
{
    if (m_url.sqlite) {
        auto done = exec(QStringLiteral("COMMIT"));
        if (!done)
            return done.error();
        return {};
    }
    auto conn = connection();
    if (!conn)
        return conn.error();
    if (!conn->commit())
        return toError(conn->lastError(), QStringLiteral("COMMIT"));
    return {};
}

void ShopDb::rollback()
{
    if (m_url.sqlite) {
        (void)exec(QStringLiteral("ROLLBACK"));
        return;
    }
    auto conn = connection();
    if (conn)
        conn->rollback();
}

} // namespace Source
