// SPDX-License-Identifier: GPL-3.0-or-later
#include "OpLogRepo.h"

#include "SecretGuard.h"
#include "common/PhoneNumber.h"
#include "storage/Sql.h"
#include "storage/Transaction.h"

#include <QRegularExpression>

namespace Store {

using Common::Error;
using Common::Result;
namespace Sql = Storage::Sql;

namespace {

const QString kListColumns = QStringLiteral(
    "op_log.id, at, connection_id, lane, job_id, method, url, status, duration_ms, error, keys");
// Bodies live apart (op_log_bodies, migration 16): read only when asked for, by the call's id.
const QString kBodyColumns = QStringLiteral(", b.request_headers, b.request_body, b.response_body");
const QString kBodyJoin = QStringLiteral(" LEFT JOIN op_log_bodies b ON b.op_id = op_log.id");

// A text search whose matches are at most this many is read through the trigram index and sorted; one
// that matches more finds its first page among the newest rows at once, walking the (at, id) index.
constexpr int kFewTextMatches = 5000;

QString ftsPhrase(const QString &text)
{
    return QLatin1Char('"') + QString(text).replace(QLatin1Char('"'), QStringLiteral("\"\""))
        + QLatin1Char('"');
}

OpLogEntry entryFromQuery(const QSqlQuery &q, bool withBodies)
{
    OpLogEntry e;
    e.id = q.value(0).toLongLong();
    e.atMs = q.value(1).toLongLong();
    if (!q.value(2).isNull())
        e.connectionId = q.value(2).toLongLong();
    e.lane = q.value(3).toString();
    if (!q.value(4).isNull())
        e.jobId = q.value(4).toLongLong();
    e.method = q.value(5).toString();
    e.url = q.value(6).toString();
    e.status = q.value(7).toInt();
    e.durationMs = q.value(8).toInt();
    e.error = q.value(9).toString();
    e.keys = q.value(10).toString();
    if (withBodies) {
        e.requestHeaders = q.value(11).toString();
        e.requestBody = q.value(12).toString();
        e.responseBody = q.value(13).toString();
    }
    return e;
}

QVariant nullable(const std::optional<qint64> &value)
{
    return value ? QVariant(*value) : QVariant(QMetaType(QMetaType::LongLong));
}

/** useTextIndex: look the text up in SQLite's trigram index first (see OpLogRepo::textIndexed). */
QStringList conditionsFor(const OpLogFilter &filter, bool postgres, QVariantList &binds, bool useTextIndex)
{
    QStringList where;
    if (filter.fromMs > 0) {
        where << QStringLiteral("at >= ?");
        binds << filter.fromMs;
    }
    if (filter.toMs > 0) {
        where << QStringLiteral("at < ?");
        binds << filter.toMs;
    }
    if (filter.connectionId) {
        where << QStringLiteral("connection_id = ?");
        binds << *filter.connectionId;
    }
    if (filter.jobId) {
        where << QStringLiteral("op_log.id IN (SELECT op_id FROM op_log_jobs WHERE job_id = ?)");
        binds << *filter.jobId;
    }
    switch (filter.statusClass) {
    case StatusClass::Any:
        break;
    case StatusClass::Success:
        where << QStringLiteral("status BETWEEN 200 AND 399");
        break;
    case StatusClass::ClientError:
        where << QStringLiteral("status BETWEEN 400 AND 499");
        break;
    case StatusClass::ServerError:
        where << QStringLiteral("status >= 500");
        break;
    case StatusClass::NoAnswer:
        where << QStringLiteral("status = 0");
        break;
    case StatusClass::AnyError:
        where << QStringLiteral("(status = 0 OR status >= 400)");
        break;
    }
    if (const QString key = OpLogRepo::normaliseKey(filter.key); !key.isEmpty()) {
        // The call's own keys, or a job it carried whose order number, phone or email this is (the
        // jobs keep them as the shop shows them, indexed): a batch call finds every order it carried.
        const QString raw = filter.key.trimmed();
        QStringList ofJobs { QStringLiteral("reference = ?"), QStringLiteral("phone = ?") };
        QVariantList jobBinds { raw, raw };
        if (const auto e164 = Common::PhoneNumber::toE164(raw); e164 && e164.value() != raw) {
            ofJobs << QStringLiteral("phone = ?");
            jobBinds << e164.value();
        }
        if (const QString email = Common::normaliseEmail(raw); !email.isEmpty()) {
            ofJobs << QStringLiteral("email = ?");
            jobBinds << email;
        }
        where << QStringLiteral("(op_log.id IN (SELECT op_id FROM op_log_keys WHERE key = ?)"
                                " OR op_log.id IN (SELECT op_id FROM op_log_jobs WHERE job_id IN"
                                " (SELECT id FROM jobs WHERE %1)))")
                     .arg(ofJobs.join(QStringLiteral(" OR ")));
        binds << key;
        binds.append(jobBinds);
    }
    const QString text = filter.text.trimmed();
    if (!text.isEmpty()) {
        // On SQLite the trigram index names the candidates (case folded, a superset); the LIKE keeps the
        // answer what it always was. PostgreSQL's pg_trgm indexes serve the ILIKE themselves.
        if (!postgres && useTextIndex) {
            where << QStringLiteral("op_log.id IN (SELECT rowid FROM op_log_text WHERE op_log_text MATCH ?)");
            binds << ftsPhrase(text);
        }
        const QString like = postgres ? QStringLiteral("ILIKE") : QStringLiteral("LIKE");
        const QString pattern = QLatin1Char('%') + Sql::likeEscape(text) + QLatin1Char('%');
        where << QStringLiteral("(keys %1 ? ESCAPE '\\' OR url %1 ? ESCAPE '\\' OR error %1 ? ESCAPE '\\')")
                     .arg(like);
        binds << pattern << pattern << pattern;
    }
    if (filter.floor) {
        // The first term is the index range; the second drops the floor's older neighbours of equal time.
        where << QStringLiteral("at >= ? AND (at > ? OR op_log.id >= ?)");
        binds << filter.floor->atMs << filter.floor->atMs << filter.floor->id;
    }
    return where;
}

} // namespace

OpLogRepo::OpLogRepo(std::shared_ptr<Storage::Database> db, const Common::Clock *clock)
    : m_db(std::move(db))
    , m_clock(clock)
{ }

QString OpLogRepo::normaliseKey(const QString &key)
{
    static const QRegularExpression phoneLike(QStringLiteral(R"(^\+?[\d\s()\-]{7,}$)"));
    QString k = key.trimmed().toLower();
    if (!phoneLike.match(k).hasMatch())
        return k;
    QString digits;
    for (const QChar c : k) {
        if (c.isDigit())
            digits += c;
    }
    if (digits.size() == 11 && digits.startsWith(QLatin1Char('8')))
        digits[0] = QLatin1Char('7');
    return digits;
}

bool OpLogRepo::textIndexed(const QString &text)
{
    // A trigram index answers substrings of three characters or more.
    return text.trimmed().toUcs4().size() >= 3;
}

Result<bool> OpLogRepo::fewTextMatches(const QString &text)
{
    // PostgreSQL's planner knows from pg_trgm's statistics how many rows a pattern matches.
    if (m_db->isPostgres() || !textIndexed(text))
        return false;
    auto matches = Sql::scalar(*m_db,
                               QStringLiteral("SELECT COUNT(*) FROM (SELECT rowid FROM op_log_text WHERE"
                                              " op_log_text MATCH ? LIMIT %1)")
                                   .arg(kFewTextMatches + 1),
                               { ftsPhrase(text.trimmed()) });
    if (!matches)
        return matches.error();
    return matches->toInt() <= kFewTextMatches;
}

Result<qint64> OpLogRepo::append(OpLogEntry entry)
{
    if (entry.atMs == 0)
        entry.atMs = m_clock->nowMs();
    // The HTTP layer redacts already; this second pass makes sure nothing slips into the store.
    entry.url = redactSecrets(entry.url);
    entry.requestHeaders = redactSecrets(entry.requestHeaders);
    entry.requestBody = redactSecrets(entry.requestBody);
    entry.responseBody = redactSecrets(entry.responseBody);
    // The error and the keys are searched (the text index holds them): no token may reach it either.
    entry.error = redactSecrets(entry.error);
    entry.keys = redactSecrets(entry.keys);
    const QString sql
        = QStringLiteral("INSERT INTO op_log (at, connection_id, lane, job_id, method, url, status,"
                         " duration_ms, error, keys) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)%1")
              .arg(m_db->isPostgres() ? QStringLiteral(" RETURNING id") : QString());
    Storage::Transaction tx(*m_db);
    if (!tx.isActive())
        return tx.error();
    QList<qint64> jobs;
    if (entry.jobId)
        jobs << *entry.jobId;
    for (qint64 job : std::as_const(entry.jobIds)) {
        if (!jobs.contains(job))
            jobs << job;
    }
    if (!entry.jobId && !jobs.isEmpty())
        entry.jobId = jobs.first();
    auto query
        = Sql::exec(*m_db, sql,
                    { entry.atMs, nullable(entry.connectionId), entry.lane, nullable(entry.jobId),
                      entry.method, entry.url, entry.status, entry.durationMs, entry.error, entry.keys });
    if (!query)
        return query.error();
    qint64 id = 0;
    if (m_db->isPostgres())
        id = query->next() ? query->value(0).toLongLong() : qint64(0);
    else
        id = query->lastInsertId().toLongLong();
    auto bodies = Sql::exec(*m_db,
                            QStringLiteral("INSERT INTO op_log_bodies (op_id, request_headers, request_body,"
                                           " response_body) VALUES (?, ?, ?, ?)"),
                            { id, entry.requestHeaders, entry.requestBody, entry.responseBody });
    if (!bodies)
        return bodies.error();
    QStringList keys;
    for (const QString &part :
         entry.keys.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts)) {
        const QString key = normaliseKey(part);
        if (!key.isEmpty() && !keys.contains(key))
            keys << key;
    }
    for (const QString &key : keys) {
        auto inserted = Sql::exec(*m_db, QStringLiteral("INSERT INTO op_log_keys (key, op_id) VALUES (?, ?)"),
                                  { key, id });
        if (!inserted)
            return inserted.error();
    }
    for (qint64 job : std::as_const(jobs)) {
        auto inserted = Sql::exec(
            *m_db, QStringLiteral("INSERT INTO op_log_jobs (op_id, job_id) VALUES (?, ?)"), { id, job });
        if (!inserted)
            return inserted.error();
    }
    if (auto committed = tx.commit(); !committed)
        return committed.error();
    return id;
}

Result<QList<OpLogEntry>> OpLogRepo::page(const OpLogFilter &filter, std::optional<OpLogCursor> after,
                                          int limit, bool withBodies)
{
    auto fewText = fewTextMatches(filter.text);
    if (!fewText)
        return fewText.error();
    QVariantList binds;
    QStringList where = conditionsFor(filter, m_db->isPostgres(), binds, fewText.value());
    if (after) {
        where << QStringLiteral("(at < ? OR (at = ? AND op_log.id < ?))");
        binds << after->atMs << after->atMs << after->id;
    }
    binds << std::max(1, limit);
    // With a key, a job or a rare text the matches are few: the unary + keeps the planner from walking
    // the (at, id) index over every row to avoid sorting them.
    const bool few = !normaliseKey(filter.key).isEmpty() || filter.jobId || fewText.value();
    const QString order
        = few ? QStringLiteral("+at DESC, +op_log.id DESC") : QStringLiteral("at DESC, op_log.id DESC");
    const QString sql
        = QStringLiteral("SELECT %1%2 FROM op_log%3%4 ORDER BY %5 LIMIT ?")
              .arg(kListColumns, withBodies ? kBodyColumns : QString(), withBodies ? kBodyJoin : QString(),
                   where.isEmpty() ? QString()
                                   : QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND ")),
                   order);
    auto query = Sql::exec(*m_db, sql, binds);
    if (!query)
        return query.error();
    QList<OpLogEntry> entries;
    while (query->next())
        entries.append(entryFromQuery(*query, withBodies));
    return entries;
}

Result<OpLogEntry> OpLogRepo::get(qint64 id)
{
    auto query = Sql::exec(*m_db,
                           QStringLiteral("SELECT %1%2 FROM op_log%3 WHERE op_log.id = ?")
                               .arg(kListColumns, kBodyColumns, kBodyJoin),
                           { id });
    if (!query)
        return query.error();
    if (!query->next())
        return Error::notFound(QStringLiteral("No log entry %1").arg(id));
    OpLogEntry entry = entryFromQuery(*query, true);
    auto jobs = Sql::exec(
        *m_db, QStringLiteral("SELECT job_id FROM op_log_jobs WHERE op_id = ? ORDER BY job_id"), { id });
    if (!jobs)
        return jobs.error();
    while (jobs->next())
        entry.jobIds << jobs->value(0).toLongLong();
    if (entry.jobIds.isEmpty() && entry.jobId)
        entry.jobIds << *entry.jobId;
    return entry;
}

Result<int> OpLogRepo::count(const OpLogFilter &filter)
{
    QVariantList binds;
    const QStringList where = conditionsFor(filter, m_db->isPostgres(), binds, textIndexed(filter.text));
    auto value = Sql::scalar(
        *m_db,
        QStringLiteral("SELECT COUNT(*) FROM op_log")
            + (where.isEmpty() ? QString() : QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND "))),
        binds);
    if (!value)
        return value.error();
    return value->toInt();
}

Result<int> OpLogRepo::busiestSecond(const OpLogFilter &filter)
{
    QVariantList binds;
    const QStringList where = conditionsFor(filter, m_db->isPostgres(), binds, textIndexed(filter.text));
    auto value = Sql::scalar(
        *m_db,
        QStringLiteral("SELECT COALESCE(MAX(calls), 0) FROM (SELECT COUNT(*) AS calls FROM op_log%1"
                       " GROUP BY at / 1000) per_second")
            .arg(where.isEmpty() ? QString()
                                 : QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND "))),
        binds);
    if (!value)
        return value.error();
    return value->toInt();
}

Result<std::optional<OpLogCursor>> OpLogRepo::scanFloor(const OpLogFilter &filter,
                                                        std::optional<OpLogCursor> below, int rows)
{
    OpLogFilter bounds = filter;
    bounds.text.clear();
    bounds.key.clear();
    bounds.floor.reset();
    QVariantList binds;
    QStringList where = conditionsFor(bounds, m_db->isPostgres(), binds, false);
    if (below) {
        where << QStringLiteral("at <= ? AND (at < ? OR id < ?)");
        binds << below->atMs << below->atMs << below->id;
    }
    binds << std::max(0, rows - 1);
    auto query = Sql::exec(
        *m_db,
        QStringLiteral("SELECT at, id FROM op_log%1 ORDER BY at DESC, id DESC LIMIT 1 OFFSET ?")
            .arg(where.isEmpty() ? QString()
                                 : QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND "))),
        binds);
    if (!query)
        return query.error();
    if (!query->next())
        return std::optional<OpLogCursor>();
    return std::optional<OpLogCursor>(
        OpLogCursor { query->value(0).toLongLong(), query->value(1).toLongLong() });
}

Result<int> OpLogRepo::pruneOlderThan(qint64 atMs)
{
    Storage::Transaction tx(*m_db);
    if (!tx.isActive())
        return tx.error();
    auto bodies = Sql::update(
        *m_db,
        QStringLiteral("DELETE FROM op_log_bodies WHERE op_id IN (SELECT id FROM op_log WHERE at < ?)"),
        { atMs });
    if (!bodies)
        return bodies.error();
    auto keys = Sql::update(
        *m_db, QStringLiteral("DELETE FROM op_log_keys WHERE op_id IN (SELECT id FROM op_log WHERE at < ?)"),
        { atMs });
    if (!keys)
        return keys.error();
    auto jobs = Sql::update(
        *m_db, QStringLiteral("DELETE FROM op_log_jobs WHERE op_id IN (SELECT id FROM op_log WHERE at < ?)"),
        { atMs });
    if (!jobs)
        return jobs.error();
    auto removed = Sql::update(*m_db, QStringLiteral("DELETE FROM op_log WHERE at < ?"), { atMs });
    if (!removed)
        return removed.error();
    if (auto committed = tx.commit(); !committed)
        return committed.error();
    return removed.value();
}

} // namespace Store
