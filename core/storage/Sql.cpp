// SPDX-License-Identifier: GPL-3.0-or-later
#include "Sql.h"

namespace Storage::Sql {

using Common::Error;
using Common::Result;

Error toError(const QSqlError &error, const QString &context)
{
    const QString code = error.nativeErrorCode();
    const QString text = context + QStringLiteral(": ") + error.text();
    // SQLite primary codes 5 BUSY, 6 LOCKED; PostgreSQL SQLSTATE 40001 serialization, 40P01 deadlock,
    // 55P03 lock not available, 57P01 admin shutdown, 08xxx connection exceptions.
    // SQLite's extended codes keep the primary one in their low byte: 517 SQLITE_BUSY_SNAPSHOT (a
    // deferred transaction in WAL mode that read, then found another writer first: "database is
    // locked" at once, busy timeout or not), 261 BUSY_RECOVERY, 773 BUSY_TIMEOUT, 262 LOCKED_SHAREDCACHE.
    // PostgreSQL's SQLSTATEs are five characters, so a shorter number is SQLite's.
    bool numeric = false;
    const int number = code.size() < 5 ? code.toInt(&numeric) : 0;
    if (numeric && ((number & 0xFF) == 5 || (number & 0xFF) == 6))
        return Error::transient(text, QStringLiteral("db-busy"));
    if (code == QLatin1String("5") || code == QLatin1String("6") || code == QLatin1String("40001")
        || code == QLatin1String("40P01") || code == QLatin1String("55P03")) {
        return Error::transient(text, QStringLiteral("db-busy"));
    }
    if (code == QLatin1String("19") || code == QLatin1String("2067") || code == QLatin1String("1555")
        || code == QLatin1String("787") || code.startsWith(QLatin1String("23"))) {
        return Error::permanent(text, QStringLiteral("constraint"));
    }
    if (error.type() == QSqlError::ConnectionError || code.startsWith(QLatin1String("08"))
        || code == QLatin1String("57P01")) {
        return Error::unavailable(text, QStringLiteral("db-connection"));
    }
    return Error::permanent(text, QStringLiteral("sql"));
}

Result<QSqlQuery> exec(Database &db, const QString &sql, const QVariantList &binds)
{
    auto conn = db.connection();
    if (!conn)
        return conn.error();
    QSqlQuery query(conn.value());
    query.setForwardOnly(true);
    if (binds.isEmpty()) {
        // Statements without parameters run directly: PostgreSQL cannot PREPARE DDL or BEGIN/COMMIT.
        if (!query.exec(sql)) {
            Error error = toError(query.lastError(), sql.simplified().left(60));
            if (error.kind == Common::ErrorKind::Unavailable) {
                query = QSqlQuery();
                db.releaseThreadConnection();
            }
            return error;
        }
        return query;
    }
    if (!query.prepare(sql)) {
        Error error = toError(query.lastError(), QStringLiteral("prepare"));
        if (error.kind == Common::ErrorKind::Unavailable) {
            query = QSqlQuery();
            db.releaseThreadConnection();
        }
        return error;
    }
    for (const QVariant &value : binds) {
        // A null QString would bind as SQL NULL; our text columns are NOT NULL with '' for "none".
        if (value.typeId() == QMetaType::QString && value.toString().isNull())
            query.addBindValue(QStringLiteral(""));
        else
            query.addBindValue(value);
    }
    if (!query.exec()) {
        Error error = toError(query.lastError(), sql.simplified().left(60));
        // A PostgreSQL server that went away leaves the connection "open" but unusable.
        if (error.kind == Common::ErrorKind::Unavailable
            || (db.isPostgres() && query.lastError().type() == QSqlError::ConnectionError)) {
            query = QSqlQuery();
            db.releaseThreadConnection();
            error.kind = Common::ErrorKind::Unavailable;
        }
        return error;
    }
    return query;
}

Result<QVariant> scalar(Database &db, const QString &sql, const QVariantList &binds)
{
    auto query = exec(db, sql, binds);
    if (!query)
        return query.error();
    if (query->next())
        return query->value(0);
    return QVariant();
}

Result<int> update(Database &db, const QString &sql, const QVariantList &binds)
{
    auto query = exec(db, sql, binds);
    if (!query)
        return query.error();
    return query->numRowsAffected();
}

QString likeEscape(const QString &text)
{
    QString escaped = text;
    escaped.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    escaped.replace(QLatin1Char('%'), QLatin1String("\\%"));
    escaped.replace(QLatin1Char('_'), QLatin1String("\\_"));
    return escaped;
}

} // namespace Storage::Sql
