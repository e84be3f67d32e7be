// SPDX-License-Identifier: GPL-3.0-or-later
#include "LogSearchBench.h"

#include "LogRowGenerator.h"
#include "store/OpLogRepo.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <cstdio>
#include <unistd.h>

namespace Bench {

namespace {

bool exec(QSqlQuery &q, const char *what)
{
    if (q.exec())
        return true;
    fprintf(stderr, "%s: %s\n", what, qPrintable(q.lastError().text()));
    return false;
}

bool run(QSqlDatabase &sql, const QString &statement)
{
    QSqlQuery q(sql);
    if (q.exec(statement))
        return true;
    fprintf(stderr, "%s: %s\n", qPrintable(statement), qPrintable(q.lastError().text()));
    return false;
}

/** A null QString binds as NULL; the columns are NOT NULL. */
QString text(const QString &s)
{
    return s.isNull() ? QStringLiteral("") : s;
}

qint64 utf8Size(const QString &s)
{
    // Cyrillic is two bytes in UTF-8, ASCII one: what SQLite stores.
    qint64 size = s.size();
    for (const QChar c : s)
        size += c.unicode() >= 0x80 ? (c.unicode() >= 0x800 ? 2 : 1) : 0;
    return size;
}

/** Runs the query to its end and returns its milliseconds (-1 on error). */
qint64 timeQuery(Storage::Database &db, const QString &sql, const QVariantList &binds)
{
    auto connection = db.connection();
    if (!connection)
        return -1;
    QElapsedTimer timer;
    timer.start();
    QSqlQuery q(connection.value());
    q.setForwardOnly(true);
    q.prepare(sql);
    for (int i = 0; i < binds.size(); ++i)
        q.bindValue(i, binds.at(i));
    if (!exec(q, "timed query"))
        return -1;
    while (q.next()) { }
    return timer.elapsed();
}

Timing warmAndCold(Storage::Database &db, const QString &sql, const QVariantList &binds)
{
    dropOsCache();
    db.releaseThreadConnection();
    Timing t;
    t.coldMs = timeQuery(db, sql, binds);
    t.warmMs = timeQuery(db, sql, binds);
    return t;
}

QString likeText(const QString &table)
{
    return QStringLiteral(
               "SELECT id, at, connection_id, lane, job_id, method, url, status, duration_ms, error, keys"
               " FROM %1 WHERE (keys LIKE ? ESCAPE '\\' OR url LIKE ? ESCAPE '\\'"
               " OR error LIKE ? ESCAPE '\\') ORDER BY at DESC, id DESC LIMIT 200")
        .arg(table);
}

/** The first row at or after n that carries orders (not a contact lookup); with batch, 5 or more. */
qint64 rowWithOrders(qint64 n, bool batch)
{
    for (;; ++n) {
        const auto kind = LogRowGenerator::row(n).kind;
        if (batch ? kind == LogRowGenerator::Kind::Batch || kind == LogRowGenerator::Kind::Backlog
                  : kind != LogRowGenerator::Kind::Lookup)
            return n;
    }
}

} // namespace

double FillStats::averageBytes(int kind) const
{
    if (kind < 0) {
        qint64 all = 0;
        for (qint64 r : rows)
            all += r;
        return all ? double(bodyBytes) / double(all) : 0;
    }
    return rows[size_t(kind)] ? double(bytes[size_t(kind)]) / double(rows[size_t(kind)]) : 0;
}

bool fillLog(Storage::Database &db, qint64 rows, FillStats *stats)
{
    QElapsedTimer timer;
    timer.start();
    auto connection = db.connection();
    if (!connection)
        return false;
    QSqlDatabase sql = connection.value();
    // The fill alone writes the store: no WAL copy of gigabytes, no fsync per batch.
    if (!run(sql, QStringLiteral("PRAGMA journal_mode = DELETE"))
        || !run(sql, QStringLiteral("PRAGMA synchronous = OFF")))
        return false;
    QSqlQuery call(sql);
    QSqlQuery bodies(sql);
    QSqlQuery key(sql);
    call.prepare(
        QStringLiteral("INSERT INTO op_log (id, at, connection_id, lane, job_id, method, url, status,"
                       " duration_ms, error, keys) VALUES (?, ?, 1, 'amocrm:main', ?, ?, ?, ?, ?, ?, ?)"));
    bodies.prepare(
        QStringLiteral("INSERT INTO op_log_bodies (op_id, request_headers, request_body, response_body)"
                       " VALUES (?, ?, ?, ?)"));
    key.prepare(QStringLiteral("INSERT INTO op_log_keys (key, op_id) VALUES (?, ?)"));
    const qint64 start = QDateTime::currentMSecsSinceEpoch() - rows * 300;
    for (qint64 n = 1; n <= rows; ++n) {
        if (n % 10'000 == 1 && !sql.transaction())
            return false;
        const LogRowGenerator::Row r = LogRowGenerator::row(n);
        // Calls answered out of order: times are not in id order.
        call.bindValue(0, n);
        call.bindValue(1, start + n * 300 + (n * 7919) % 250);
        call.bindValue(2, n * 3);
        call.bindValue(3, r.method);
        call.bindValue(4, r.url);
        call.bindValue(5, r.status);
        call.bindValue(6, r.durationMs);
        call.bindValue(7, text(r.error));
        call.bindValue(8, r.keys.join(QLatin1Char(' ')));
        bodies.bindValue(0, n);
        bodies.bindValue(1, text(r.requestHeaders));
        bodies.bindValue(2, text(r.requestBody));
        bodies.bindValue(3, text(r.responseBody));
        if (!exec(call, "op_log") || !exec(bodies, "op_log_bodies"))
            return false;
        QStringList seen;
        for (const QString &k : r.keys) {
            const QString normal = Store::OpLogRepo::normaliseKey(k);
            if (seen.contains(normal))
                continue;
            seen << normal;
            key.bindValue(0, normal);
            key.bindValue(1, n);
            if (!exec(key, "op_log_keys"))
                return false;
        }
        const qint64 size = utf8Size(r.requestHeaders) + utf8Size(r.requestBody) + utf8Size(r.responseBody);
        stats->bytes[size_t(r.kind)] += size;
        stats->rows[size_t(r.kind)] += 1;
        stats->bodyBytes += size;
        if ((n % 10'000 == 0 || n == rows) && !sql.commit())
            return false;
        if (n % 100'000 == 0) {
            fprintf(stderr, "filled %lld rows in %.0f s\n", n, timer.elapsed() / 1000.0);
            fflush(stderr);
        }
    }
    if (!run(sql, QStringLiteral("ANALYZE")) || !run(sql, QStringLiteral("PRAGMA journal_mode = WAL"))
        || !run(sql, QStringLiteral("PRAGMA synchronous = NORMAL")))
        return false;
    stats->fillMs = timer.elapsed();
    return true;
}

bool copyToOldShape(Storage::Database &db, qint64 rows)
{
    auto connection = db.connection();
    if (!connection)
        return false;
    QSqlDatabase sql = connection.value();
    return run(sql,
               QStringLiteral(
                   "CREATE TABLE op_log_v15 ("
                   " id INTEGER PRIMARY KEY AUTOINCREMENT, at INTEGER NOT NULL, connection_id INTEGER,"
                   " lane TEXT NOT NULL DEFAULT '', job_id INTEGER, method TEXT NOT NULL, url TEXT NOT NULL,"
                   " status INTEGER NOT NULL DEFAULT 0, duration_ms INTEGER NOT NULL DEFAULT 0,"
                   " request_headers TEXT NOT NULL DEFAULT '', request_body TEXT NOT NULL DEFAULT '',"
                   " response_body TEXT NOT NULL DEFAULT '', error TEXT NOT NULL DEFAULT '',"
                   " keys TEXT NOT NULL DEFAULT '')"))
        && run(sql,
               QStringLiteral(
                   "INSERT INTO op_log_v15 SELECT l.id, at, connection_id, lane, job_id, method, url,"
                   " status, duration_ms, request_headers, request_body, response_body, error, keys"
                   " FROM op_log l JOIN op_log_bodies b ON b.op_id = l.id WHERE l.id <= %1")
                   .arg(rows))
        && run(sql, QStringLiteral("CREATE INDEX op_log_v15_at ON op_log_v15 (at, id)"))
        && run(sql, QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
}

Timing timeOldShape(Storage::Database &db, const QString &text)
{
    const QString pattern = QLatin1Char('%') + text + QLatin1Char('%');
    return warmAndCold(db, likeText(QStringLiteral("op_log_v15")), { pattern, pattern, pattern });
}

Timing timeUnindexedLike(Storage::Database &db, const QString &text)
{
    const QString pattern = QLatin1Char('%') + text + QLatin1Char('%');
    return warmAndCold(db, likeText(QStringLiteral("op_log")), { pattern, pattern, pattern });
}

QList<SearchCase> searchCases(qint64 rows)
{
    QList<SearchCase> cases;
    const qint64 order = rowWithOrders(rows / 20 + 1, false);
    cases.append({ QStringLiteral("order"), LogRowGenerator::orderNumber(order, 0), order, 1, 1 });
    const qint64 phone8 = rowWithOrders(rows / 3, false);
    const QString p = LogRowGenerator::phone(phone8, 0); // +79XXXXXXXXX
    cases.append({ QStringLiteral("phone_8"),
                   QStringLiteral("8 %1 %2-%3-%4").arg(p.mid(2, 3), p.mid(5, 3), p.mid(8, 2), p.mid(10, 2)),
                   phone8, 1, 1 });
    const qint64 batch = rowWithOrders(rows / 2, true);
    const QString q = LogRowGenerator::phone(batch, 3);
    cases.append(
        { QStringLiteral("phone_plus7"),
          QStringLiteral("+7 (%1) %2 %3 %4").arg(q.mid(2, 3), q.mid(5, 3), q.mid(8, 2), q.mid(10, 2)), batch,
          1, 1 });
    const qint64 mail = rowWithOrders(rows * 2 / 3, false);
    cases.append({ QStringLiteral("email"), LogRowGenerator::email(mail, 0).toUpper(), mail, 1, 1 });
    // Free text: part of a key (not a whole one), a rare error, a common error, and nothing at all.
    cases.append({ QStringLiteral("text_partial"),
                   QStringLiteral("client%1").arg(QString::number(order * 64).chopped(1)), order, 1, 200 });
    cases.append({ QStringLiteral("text_rare"), QStringLiteral("bad gateway"), 0, 1, 200 });
    cases.append({ QStringLiteral("text_common"), QStringLiteral("NotSupportedChoice"), 0, 200, 200 });
    cases.append({ QStringLiteral("no_hit"), QStringLiteral("nobody@nowhere.example"), 0, 0, 0 });
    return cases;
}

bool dropOsCache()
{
    ::sync();
    QFile drop(QStringLiteral("/proc/sys/vm/drop_caches"));
    if (!drop.open(QIODevice::WriteOnly))
        return false;
    return drop.write("3\n") == 2;
}

QString tableSizes(Storage::Database &db)
{
    auto connection = db.connection();
    if (!connection)
        return {};
    QSqlQuery q(connection.value());
    if (!q.exec(
            QStringLiteral("SELECT name, SUM(pgsize) FROM dbstat GROUP BY name ORDER BY 2 DESC LIMIT 12")))
        return q.lastError().text();
    QStringList out;
    while (q.next())
        out << QStringLiteral("%1=%2MB")
                   .arg(q.value(0).toString())
                   .arg(q.value(1).toLongLong() / 1e6, 0, 'f', 1);
    return out.join(QLatin1Char(' '));
}

double fileGb(const QString &path)
{
    qint64 size = 0;
    for (const QString &suffix : { QString(), QStringLiteral("-wal") })
        size += QFileInfo(path + suffix).size();
    return size / 1e9;
}

double rssMb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
    }
    return -1;
}

} // namespace Bench
