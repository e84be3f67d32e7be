// SPDX-License-Identifier: GPL-3.0-or-later
#include "JobRepo.h"

#include "AuditRepo.h"
#include "common/Json.h"
#include "storage/Sql.h"
#include "storage/Transaction.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QRegularExpression>
#include <algorithm>

namespace Store {

using Common::Error;
using Common::Result;
using Common::Status;
namespace Sql = Storage::Sql;

namespace {

const QString kColumns = QStringLiteral(
    "id, kind, connection_id, source, source_ref, idempotency_key, payload, reference, customer, phone, "
    "email,"
    " state, attempts, max_attempts, next_attempt_at, last_error, error_kind, error_fingerprint, lease_owner,"
    " lease_until, created_at, updated_at, settled_at, step, crm_id, pending_steps, crm_floor");

Job jobFromQuery(const QSqlQuery &q)
{
    Job job;
    job.id = q.value(0).toLongLong();
    job.kind = q.value(1).toString();
    if (!q.value(2).isNull())
        job.connectionId = q.value(2).toLongLong();
    job.source = q.value(3).toString();
    job.sourceRef = q.value(4).toString();
    job.idempotencyKey = q.value(5).toString();
    job.payload = QJsonDocument::fromJson(q.value(6).toString().toUtf8()).object();
    job.reference = q.value(7).toString();
    job.customer = q.value(8).toString();
    job.phone = q.value(9).toString();
    job.email = q.value(10).toString();
    job.state = jobStateFromName(q.value(11).toString()).value_or(JobState::Pending);
    job.attempts = q.value(12).toInt();
    job.maxAttempts = q.value(13).toInt();
    job.nextAttemptAt = q.value(14).toLongLong();
    job.lastError = q.value(15).toString();
    job.errorKind = q.value(16).toString();
    job.errorFingerprint = q.value(17).toString();
    job.leaseOwner = q.value(18).toString();
    job.leaseUntil = q.value(19).toLongLong();
    job.createdAt = q.value(20).toLongLong();
    job.updatedAt = q.value(21).toLongLong();
    job.settledAt = q.value(22).toLongLong();
    job.step = jobStepFromName(q.value(23).toString());
    job.crmId = q.value(24).toString();
    job.pendingFollowUps = q.value(25).toString().split(QLatin1Char(','), Qt::SkipEmptyParts);
    job.crmFloor = q.value(26).toLongLong();
    return job;
}

QVariant nullableId(const std::optional<qint64> &id)
{
    return id ? QVariant(*id) : QVariant(QMetaType(QMetaType::LongLong));
}

QString statesList(const QList<JobState> &states, QVariantList &binds)
{
    QStringList marks;
    for (JobState state : states) {
        marks << QStringLiteral("?");
        binds << jobStateName(state);
    }
    return marks.join(QLatin1Char(','));
}

/** The last ten digits of something that looks like a phone number, else empty. */
QString phoneDigits(const QString &text)
{
    QString digits = text;
    digits.remove(QRegularExpression(QStringLiteral(R"([\s()+\-])")));
    static const QRegularExpression onlyDigits(QStringLiteral(R"(^\d{7,15}$)"));
    if (!onlyDigits.match(digits).hasMatch())
        return {};
    return digits.right(10);
}

/** WHERE clause shared by search() and count(). */
QString whereFor(const JobQuery &query, bool postgres, QVariantList &binds)
{
    QStringList where;
    if (!query.states.isEmpty())
        where << QStringLiteral("state IN (%1)").arg(statesList(query.states, binds));
    if (query.connectionId) {
        where << QStringLiteral("connection_id = ?");
        binds << *query.connectionId;
    }
    if (!query.fingerprint.isEmpty()) {
        where << QStringLiteral("error_fingerprint = ?");
        binds << query.fingerprint;
    }
    const QString text = query.text.trimmed();
    if (!text.isEmpty()) {
        const QString like = postgres ? QStringLiteral("ILIKE") : QStringLiteral("LIKE");
        const QString pattern = QLatin1Char('%') + Sql::likeEscape(text) + QLatin1Char('%');
        QStringList any;
        for (const char *column : { "reference", "customer", "email", "last_error", "source_ref" }) {
            any << QStringLiteral("%1 %2 ? ESCAPE '\\'").arg(QLatin1String(column), like);
            binds << pattern;
        }
        const QString digits = phoneDigits(text);
        if (!digits.isEmpty()) {
            any << QStringLiteral("phone LIKE ? ESCAPE '\\'");
            binds << QLatin1Char('%') + digits;
        }
        where << QLatin1Char('(') + any.join(QStringLiteral(" OR ")) + QLatin1Char(')');
    }
    return where.isEmpty() ? QString() : QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND "));
}

} // namespace

JobRepo::JobRepo(std::shared_ptr<Storage::Database> db, const Common::Clock *clock)
    : m_db(std::move(db))
    , m_clock(clock)
{ }

Common::Result<int> JobRepo::addAll(const QList<NewJob> &jobs)
{
    int stored = 0;
    for (const NewJob &job : jobs) {
        auto added = add(job);
        if (!added)
            return added.error();
        stored += added.value() ? 1 : 0;
    }
    return stored;
}

Result<bool> JobRepo::add(const NewJob &job)
{
    if (job.idempotencyKey.isEmpty())
        return Error::invalidInput(QStringLiteral("A job needs an idempotency key"));
    if (job.kind.isEmpty())
        return Error::invalidInput(QStringLiteral("A job needs a kind"));
    const qint64 now = m_clock->nowMs();
    auto inserted = Sql::exec(
        *m_db,
        QStringLiteral(
            "INSERT INTO jobs (kind, connection_id, source, source_ref, idempotency_key, payload, reference,"
            " customer, phone, email, state, max_attempts, next_attempt_at, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?, ?, ?)"
            " ON CONFLICT (idempotency_key) DO NOTHING"),
        { job.kind, nullableId(job.connectionId), job.source, job.sourceRef, job.idempotencyKey,
          QString::fromUtf8(Common::Json::compact(job.payload)), job.reference, job.customer, job.phone,
          job.email, job.maxAttempts, std::max(job.notBeforeMs, now), now, now });
    if (!inserted)
        return inserted.error();
    return inserted->numRowsAffected() > 0;
}

Result<JobRepo::EnqueueResult> JobRepo::enqueue(const NewJob &job)
{
    auto added = add(job);
    if (!added)
        return added.error();
    const bool created = added.value();
    auto existing = findByKey(job.idempotencyKey);
    if (!existing)
        return existing.error();
    if (!existing->has_value())
        return Error::transient(
            QStringLiteral("The job %1 vanished right after it was stored").arg(job.idempotencyKey));
    return EnqueueResult { **existing, created };
}

Result<QList<Job>> JobRepo::lease(const QString &owner, int max, qint64 leaseMs,
                                  std::optional<qint64> connectionId, const QStringList &kinds)
{
    if (owner.isEmpty() || max <= 0)
        return Error::invalidInput(QStringLiteral("lease needs an owner and a positive count"));
    const qint64 now = m_clock->nowMs();
    QVariantList binds { owner, now + leaseMs, now };
    binds << now << now;
    QString connectionFilter;
    if (connectionId) {
        connectionFilter = QStringLiteral(" AND connection_id = ?");
        binds << *connectionId;
    }
    if (!kinds.isEmpty()) {
        QStringList marks;
        for (const QString &kind : kinds) {
            marks << QStringLiteral("?");
            binds << kind;
        }
        connectionFilter += QStringLiteral(" AND kind IN (%1)").arg(marks.join(QLatin1Char(',')));
    }
    binds << max;
    const QString sql
        = QStringLiteral(
              "UPDATE jobs SET state = CASE WHEN state = 'sending' THEN 'sending' ELSE 'running' END,"
              " lease_owner = ?, lease_until = ?, attempts = attempts + 1, updated_at = ?"
              " WHERE id IN (SELECT id FROM jobs"
              "   WHERE ((state = 'pending' AND next_attempt_at <= ?) OR (state IN ('running', 'sending')"
              " AND lease_until < ?))%1"
              "   ORDER BY next_attempt_at, id LIMIT ?%2)"
              " RETURNING %3")
              .arg(connectionFilter,
                   m_db->isPostgres() ? QStringLiteral(" FOR UPDATE SKIP LOCKED") : QString(), kColumns);
    auto query = Sql::exec(*m_db, sql, binds);
    if (!query)
        return query.error();
    QList<Job> jobs;
    while (query->next())
        jobs.append(jobFromQuery(*query));
    std::sort(jobs.begin(), jobs.end(), [](const Job &a, const Job &b) { return a.id < b.id; });
    return jobs;
}

Status JobRepo::renewLease(qint64 id, const QString &owner, qint64 leaseMs)
{
    auto updated = Sql::update(*m_db,
                               QStringLiteral("UPDATE jobs SET lease_until = ? WHERE id = ? AND lease_owner "
                                              "= ? AND state IN ('running', 'sending')"),
                               { m_clock->nowMs() + leaseMs, id, owner });
    if (!updated)
        return updated.error();
    if (updated.value() == 0)
        return Error::permanent(QStringLiteral("Job %1 is no longer leased by %2").arg(id).arg(owner),
                                QStringLiteral("lease-lost"));
    return {};
}

Result<qint64> JobRepo::markSending(qint64 id, const QString &owner, qint64 crmFloor)
{
    // The floor of the first send stays: a deal that send may have made has an id above it, not
    // above a later, higher floor. A job whose deal exists never goes out as a create again.
    auto updated = Sql::exec(
        *m_db,
        QStringLiteral("UPDATE jobs SET state = 'sending', step = 'unconfirmed',"
                       " crm_floor = CASE WHEN step = 'unconfirmed' THEN crm_floor ELSE ? END, updated_at = ?"
                       " WHERE id = ? AND lease_owner = ? AND state IN ('running', 'sending')"
                       " AND step IN ('new', 'unconfirmed') RETURNING crm_floor"),
        { crmFloor, m_clock->nowMs(), id, owner });
    if (!updated)
        return updated.error();
    if (!updated->next())
        return Error::permanent(QStringLiteral("Job %1 is no longer leased by %2").arg(id).arg(owner),
                                QStringLiteral("lease-lost"));
    return updated->value(0).toLongLong();
}

Status JobRepo::recordCreated(qint64 id, const QString &owner, const QString &crmId,
                              const QStringList &pendingFollowUps)
{
    if (crmId.isEmpty())
        return Error::invalidInput(QStringLiteral("Job %1: a created deal needs its id").arg(id));
    auto updated
        = Sql::update(*m_db,
                      QStringLiteral("UPDATE jobs SET step = ?, crm_id = ?, pending_steps = ?, updated_at = ?"
                                     " WHERE id = ? AND lease_owner = ? AND state IN ('running', 'sending')"),
                      { jobStepName(pendingFollowUps.isEmpty() ? JobStep::Complete : JobStep::FollowUps),
                        crmId, pendingFollowUps.join(QLatin1Char(',')), m_clock->nowMs(), id, owner });
    if (!updated)
        return updated.error();
    if (updated.value() == 0)
        return Error::permanent(QStringLiteral("Job %1 is no longer leased by %2").arg(id).arg(owner),
                                QStringLiteral("lease-lost"));
    return {};
}

Status JobRepo::settleDone(qint64 id, const QString &owner, const QString &outcome)
{
    return settle(id, owner, QStringLiteral("done"), 0, nullptr, outcome, true, false);
}

Status JobRepo::settleRetry(qint64 id, const QString &owner, qint64 retryAtMs, const Error &error,
                            bool createMayExist)
{
    return settle(id, owner, QStringLiteral("pending"), retryAtMs, &error, QStringLiteral("retry"), true,
                  createMayExist);
}

Status JobRepo::settleFailed(qint64 id, const QString &owner, const Error &error)
{
    return settle(id, owner, QStringLiteral("failed"), 0, &error, QStringLiteral("failed"), true, false);
}

Result<QStringList> JobRepo::leaseHolders()
{
    auto query = Sql::exec(*m_db,
                           QStringLiteral("SELECT DISTINCT lease_owner FROM jobs"
                                          " WHERE state IN ('running', 'sending') AND lease_until >= ?"),
                           { m_clock->nowMs() });
    if (!query)
        return query.error();
    QStringList owners;
    while (query->next())
        owners << query->value(0).toString();
    return owners;
}

Result<int> JobRepo::expireLeasesOf(const QString &owner)
{
    return Sql::update(*m_db,
                       QStringLiteral("UPDATE jobs SET lease_until = 0"
                                      " WHERE lease_owner = ? AND state IN ('running', 'sending')"),
                       { owner });
}

Status JobRepo::settleVetoed(qint64 id, const QString &owner, const Error &reason)
{
    return settle(id, owner, QStringLiteral("cancelled"), 0, &reason, QStringLiteral("vetoed"), true, false);
}

Status JobRepo::settleSkipped(qint64 id, const QString &owner, const QString &reason)
{
    const Error why = Error::permanent(reason);
    return settle(id, owner, QStringLiteral("cancelled"), 0, &why, QStringLiteral("skipped"), true, false);
}

Status JobRepo::release(qint64 id, const QString &owner, qint64 retryAtMs)
{
    return settle(id, owner, QStringLiteral("pending"), retryAtMs, nullptr, QStringLiteral("released"), false,
                  true);
}

Status JobRepo::settle(qint64 id, const QString &owner, const QString &state, qint64 nextAttemptAt,
                       const Error *error, const QString &outcome, bool countsAttempt, bool keepSending)
{
    Storage::Transaction tx(*m_db);
    if (!tx.isActive())
        return tx.error();
    // Only what the settle and its attempt row need: a round settles hundreds of jobs, and reading
    // (and parsing) every payload again cost a fifth of the lane's time.
    auto current
        = Sql::exec(*m_db,
                    QStringLiteral("SELECT state, crm_id, attempts, lease_owner, updated_at FROM jobs"
                                   " WHERE id = ? AND lease_owner = ? AND state IN ('running', 'sending')"),
                    { id, owner });
    if (!current)
        return current.error();
    if (!current->next())
        return Error::permanent(QStringLiteral("Job %1 is no longer leased by %2").arg(id).arg(owner),
                                QStringLiteral("lease-lost"));
    Job job;
    job.id = id;
    job.state = jobStateFromName(current->value(0).toString()).value_or(JobState::Pending);
    job.crmId = current->value(1).toString();
    job.attempts = current->value(2).toInt();
    job.leaseOwner = current->value(3).toString();
    job.updatedAt = current->value(4).toLongLong();
    *current = QSqlQuery();

    const qint64 now = m_clock->nowMs();
    const bool final = state != QLatin1String("pending");
    const qint64 dueAt = std::max(nextAttemptAt, now);
    // A 'sending' job that goes back to the queue stays 'sending', so whoever leases it next
    // reconciles with the CRM before sending again. Such jobs come back when their lease ends, so the
    // retry time is written into lease_until.
    const bool staysSending = !final && keepSending && job.state == JobState::Sending && !job.dealExists();
    QVariantList binds { staysSending ? QStringLiteral("sending") : state,
                         dueAt,
                         countsAttempt ? 0 : 1,
                         staysSending ? dueAt : 0,
                         now,
                         final ? now : 0 };
    QString errorSet;
    if (error) {
        errorSet = QStringLiteral(
            ", last_error = ?, error_kind = ?, error_fingerprint = ?, error_code = ?, error_status = ?");
        binds << error->message << Common::errorKindName(error->kind) << errorFingerprint(*error)
              << errorCodeOf(*error) << error->httpStatus;
    } else if (state == QLatin1String("done")) {
        errorSet
            = QStringLiteral(", last_error = '', error_kind = '', error_fingerprint = '', error_code = '',"
                             " error_status = 0");
    }
    binds << id;
    auto updated = Sql::exec(
        *m_db,
        QStringLiteral(
            "UPDATE jobs SET state = ?, next_attempt_at = ?, attempts = attempts - ?, lease_owner = '',"
            " lease_until = ?, updated_at = ?, settled_at = ?%1 WHERE id = ?")
            .arg(errorSet),
        binds);
    if (!updated)
        return updated.error();
    if (auto recorded = recordAttempt(job, outcome, error); !recorded)
        return recorded;
    return tx.commit();
}

Status JobRepo::recordAttempt(const Job &job, const QString &outcome, const Error *error)
{
    auto inserted = Sql::exec(
        *m_db,
        QStringLiteral(
            "INSERT INTO job_attempts (job_id, attempt, lease_owner, started_at, finished_at, outcome, error,"
            " error_kind, http_status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        { job.id, job.attempts, job.leaseOwner, job.updatedAt, m_clock->nowMs(), outcome,
          error ? error->message : QString(), error ? Common::errorKindName(error->kind) : QString(),
          error ? error->httpStatus : 0 });
    if (!inserted)
        return inserted.error();
    return {};
}

Status JobRepo::updatePayload(qint64 id, const QJsonObject &payload)
{
    auto updated
        = Sql::update(*m_db, QStringLiteral("UPDATE jobs SET payload = ?, updated_at = ? WHERE id = ?"),
                      { QString::fromUtf8(Common::Json::compact(payload)), m_clock->nowMs(), id });
    if (!updated)
        return updated.error();
    if (updated.value() == 0)
        return Error::notFound(QStringLiteral("No job %1").arg(id));
    return {};
}

Result<int> JobRepo::resend(const QList<qint64> &ids)
{
    if (ids.isEmpty())
        return 0;
    QStringList marks;
    QVariantList binds { m_clock->nowMs(), m_clock->nowMs() };
    for (qint64 id : ids) {
        marks << QStringLiteral("?");
        binds << id;
    }
    return audited(
        Sql::update(*m_db,
                    QStringLiteral("UPDATE jobs SET state = 'pending', attempts = 0, next_attempt_at = ?,"
                                   " updated_at = ?, settled_at = 0 WHERE state IN ('failed', 'pending')"
                                   " AND id IN (%1)")
                        .arg(marks.join(QLatin1Char(','))),
                    binds),
        QStringLiteral("jobs.resent"), idList(ids));
}

Result<int> JobRepo::resendFailed(const QString &fingerprint)
{
    FailedFilter filter;
    filter.fingerprint = fingerprint;
    return resendFailed(filter);
}

Result<int> JobRepo::resendFailed(const FailedFilter &filter)
{
    QVariantList binds { m_clock->nowMs(), m_clock->nowMs() };
    QString where;
    const auto add = [&](const char *condition, const QVariant &value) {
        where += QLatin1String(condition);
        binds << value;
    };
    if (!filter.fingerprint.isEmpty())
        add(" AND error_fingerprint = ?", filter.fingerprint);
    if (filter.fromId > 0)
        add(" AND id >= ?", filter.fromId);
    if (filter.toId > 0)
        add(" AND id <= ?", filter.toId);
    if (filter.fromMs > 0)
        add(" AND created_at >= ?", filter.fromMs);
    if (filter.untilMs > 0)
        add(" AND created_at < ?", filter.untilMs);
    return audited(
        Sql::update(*m_db,
                    QStringLiteral("UPDATE jobs SET state = 'pending', attempts = 0, next_attempt_at = ?,"
                                   " updated_at = ?, settled_at = 0 WHERE state = 'failed'%1")
                        .arg(where),
                    binds),
        QStringLiteral("jobs.resent"), filter.describe());
}

QString JobRepo::FailedFilter::describe() const
{
    QStringList parts;
    if (!fingerprint.isEmpty())
        parts << QStringLiteral("cause ") + fingerprint;
    if (fromId > 0 || toId > 0)
        parts << QStringLiteral("jobs %1–%2")
                     .arg(fromId > 0 ? QString::number(fromId) : QString(),
                          toId > 0 ? QString::number(toId) : QString());
    const auto at = [](qint64 ms) {
        return ms > 0 ? QDateTime::fromMSecsSinceEpoch(ms).toString(QStringLiteral("yyyy-MM-dd HH:mm"))
                      : QString();
    };
    if (fromMs > 0 || untilMs > 0)
        parts << QStringLiteral("queued %1 – %2").arg(at(fromMs), at(untilMs));
    if (parts.isEmpty())
        return QStringLiteral("every failed job");
    return parts.size() == 1 && !fingerprint.isEmpty()
        ? parts.first()
        : QStringLiteral("failed jobs: ") + parts.join(QStringLiteral(", "));
}

Result<int> JobRepo::cancel(const QList<qint64> &ids)
{
    if (ids.isEmpty())
        return 0;
    QStringList marks;
    QVariantList binds { m_clock->nowMs(), m_clock->nowMs() };
    for (qint64 id : ids) {
        marks << QStringLiteral("?");
        binds << id;
    }
    return audited(
        Sql::update(*m_db,
                    QStringLiteral("UPDATE jobs SET state = 'cancelled', updated_at = ?, settled_at = ?"
                                   " WHERE state IN ('pending', 'failed') AND id IN (%1)")
                        .arg(marks.join(QLatin1Char(','))),
                    binds),
        QStringLiteral("jobs.cancelled"), idList(ids));
}

QString JobRepo::idList(const QList<qint64> &ids)
{
    QStringList parts;
    for (qsizetype i = 0; i < ids.size() && i < 20; ++i)
        parts << QString::number(ids.at(i));
    return QStringLiteral("jobs ") + parts.join(QLatin1String(", "))
        + (ids.size() > 20 ? QStringLiteral(" …") : QString());
}

Result<int> JobRepo::audited(Result<int> changed, const QString &action, const QString &filter)
{
    // An operator's resend or cancel goes into the audit trail with how many it touched and by what filter.
    if (changed && changed.value() > 0)
        (void)AuditRepo(m_db, m_clock)
            .record(action, QString(),
                    { { QStringLiteral("count"), changed.value() }, { QStringLiteral("filter"), filter } });
    return changed;
}

Result<Job> JobRepo::get(qint64 id)
{
    auto query = Sql::exec(*m_db, QStringLiteral("SELECT %1 FROM jobs WHERE id = ?").arg(kColumns), { id });
    if (!query)
        return query.error();
    if (!query->next())
        return Error::notFound(QStringLiteral("No job %1").arg(id));
    return jobFromQuery(*query);
}

Result<std::optional<Job>> JobRepo::findByKey(const QString &idempotencyKey)
{
    auto query
        = Sql::exec(*m_db, QStringLiteral("SELECT %1 FROM jobs WHERE idempotency_key = ?").arg(kColumns),
                    { idempotencyKey });
    if (!query)
        return query.error();
    if (!query->next())
        return std::optional<Job>();
    return std::optional<Job>(jobFromQuery(*query));
}

QString JobRepo::connectionKey(const QString &eventKey, qint64 connectionId)
{
    return eventKey + QLatin1Char('@') + QString::number(connectionId);
}

Result<QStringList> JobRepo::storageKeys(const QStringList &eventKeys)
{
    // Connection ids only grow; a removed connection's jobs keep theirs. Both maxima are index lookups.
    auto connections = Sql::scalar(*m_db, QStringLiteral("SELECT MAX(id) FROM connections"));
    auto addressed = Sql::scalar(*m_db, QStringLiteral("SELECT MAX(connection_id) FROM jobs"));
    if (!connections || !addressed)
        return (!connections ? connections.error() : addressed.error());
    const qint64 last = std::max(connections->toLongLong(), addressed->toLongLong());
    QStringList keys;
    keys.reserve(eventKeys.size() * (last + 1));
    for (const QString &key : eventKeys) {
        keys << key;
        for (qint64 id = 1; id <= last; ++id)
            keys << connectionKey(key, id);
    }
    return keys;
}

Result<QList<Job>> JobRepo::findByEvent(const QString &eventKey)
{
    auto keys = storageKeys({ eventKey });
    if (!keys)
        return keys.error();
    QList<Job> jobs;
    constexpr qsizetype kChunk = 500;
    for (qsizetype from = 0; from < keys->size(); from += kChunk) {
        const QStringList chunk = keys->mid(from, kChunk);
        QStringList marks(chunk.size(), QStringLiteral("?"));
        auto query = Sql::exec(*m_db,
                               QStringLiteral("SELECT %1 FROM jobs WHERE idempotency_key IN (%2)")
                                   .arg(kColumns, marks.join(QLatin1Char(','))),
                               QVariantList(chunk.cbegin(), chunk.cend()));
        if (!query)
            return query.error();
        while (query->next())
            jobs.append(jobFromQuery(*query));
    }
    std::sort(jobs.begin(), jobs.end(), [](const Job &a, const Job &b) { return a.id < b.id; });
    return jobs;
}

Result<QSet<QString>> JobRepo::storedEvents(const QStringList &eventKeys)
{
    QSet<QString> stored;
    if (eventKeys.isEmpty())
        return stored;
    auto keys = storageKeys(eventKeys);
    if (!keys)
        return keys.error();
    const QSet<QString> events(eventKeys.cbegin(), eventKeys.cend());
    constexpr qsizetype kChunk = 500;
    for (qsizetype from = 0; from < keys->size(); from += kChunk) {
        const QStringList chunk = keys->mid(from, kChunk);
        QStringList marks(chunk.size(), QStringLiteral("?"));
        auto query
            = Sql::exec(*m_db,
                        QStringLiteral("SELECT idempotency_key FROM jobs WHERE idempotency_key IN (%1)")
                            .arg(marks.join(QLatin1Char(','))),
                        QVariantList(chunk.cbegin(), chunk.cend()));
        if (!query)
            return query.error();
        while (query->next()) {
            const QString key = query->value(0).toString();
            if (events.contains(key)) {
                stored.insert(key);
                continue;
            }
            const qsizetype at = key.lastIndexOf(QLatin1Char('@'));
            if (at > 0 && events.contains(key.left(at)))
                stored.insert(key.left(at));
        }
    }
    return stored;
}

Result<QList<Job>> JobRepo::unaddressed(int max)
{
    auto query
        = Sql::exec(*m_db,
                    QStringLiteral("SELECT %1 FROM jobs WHERE connection_id IS NULL AND state = 'pending'"
                                   " ORDER BY id LIMIT ?")
                        .arg(kColumns),
                    { std::max(1, max) });
    if (!query)
        return query.error();
    QList<Job> jobs;
    while (query->next())
        jobs.append(jobFromQuery(*query));
    return jobs;
}

Result<int> JobRepo::countUnaddressed()
{
    auto value = Sql::scalar(
        *m_db, QStringLiteral("SELECT COUNT(*) FROM jobs WHERE connection_id IS NULL AND state = 'pending'"));
    if (!value)
        return value.error();
    return value->toInt();
}

Result<bool> JobRepo::address(qint64 id, qint64 connectionId)
{
    auto updated
        = Sql::update(*m_db,
                      QStringLiteral("UPDATE jobs SET connection_id = ?, updated_at = ?"
                                     " WHERE id = ? AND connection_id IS NULL AND state = 'pending'"),
                      { connectionId, m_clock->nowMs(), id });
    if (!updated)
        return updated.error();
    return updated.value() > 0;
}

Result<QList<Job>> JobRepo::search(const JobQuery &jobQuery)
{
    QVariantList binds;
    QString where = whereFor(jobQuery, m_db->isPostgres(), binds);
    if (jobQuery.beforeId > 0) {
        where += where.isEmpty() ? QStringLiteral(" WHERE id < ?") : QStringLiteral(" AND id < ?");
        binds << jobQuery.beforeId;
    }
    binds << std::max(1, jobQuery.limit);
    auto query = Sql::exec(
        *m_db, QStringLiteral("SELECT %1 FROM jobs%2 ORDER BY id DESC LIMIT ?").arg(kColumns, where), binds);
    if (!query)
        return query.error();
    QList<Job> jobs;
    while (query->next())
        jobs.append(jobFromQuery(*query));
    return jobs;
}

Result<int> JobRepo::count(const JobQuery &jobQuery)
{
    QVariantList binds;
    const QString where = whereFor(jobQuery, m_db->isPostgres(), binds);
    auto value = Sql::scalar(*m_db, QStringLiteral("SELECT COUNT(*) FROM jobs") + where, binds);
    if (!value)
        return value.error();
    return value->toInt();
}

Result<QMap<JobState, int>> JobRepo::countsByState(std::optional<qint64> connectionId)
{
    QVariantList binds;
    QString where;
    if (connectionId) {
        where = QStringLiteral(" WHERE connection_id = ?");
        binds << *connectionId;
    }
    auto query = Sql::exec(
        *m_db, QStringLiteral("SELECT state, COUNT(*) FROM jobs%1 GROUP BY state").arg(where), binds);
    if (!query)
        return query.error();
    QMap<JobState, int> counts;
    for (JobState state : allJobStates())
        counts.insert(state, 0);
    while (query->next()) {
        if (auto state = jobStateFromName(query->value(0).toString()))
            counts[*state] = query->value(1).toInt();
    }
    return counts;
}

Result<QList<JobAttempt>> JobRepo::attempts(qint64 jobId)
{
    auto query = Sql::exec(
        *m_db,
        QStringLiteral(
            "SELECT id, job_id, attempt, lease_owner, started_at, finished_at, outcome, error, error_kind,"
            " http_status FROM job_attempts WHERE job_id = ? ORDER BY id"),
        { jobId });
    if (!query)
        return query.error();
    QList<JobAttempt> list;
    while (query->next()) {
        JobAttempt a;
        a.id = query->value(0).toLongLong();
        a.jobId = query->value(1).toLongLong();
        a.attempt = query->value(2).toInt();
        a.leaseOwner = query->value(3).toString();
        a.startedAt = query->value(4).toLongLong();
        a.finishedAt = query->value(5).toLongLong();
        a.outcome = query->value(6).toString();
        a.error = query->value(7).toString();
        a.errorKind = query->value(8).toString();
        a.httpStatus = query->value(9).toInt();
        list.append(a);
    }
    return list;
}

Result<QList<Job>> JobRepo::awaitingFollowUps(int max, int *total)
{
    const QString where = QStringLiteral(" WHERE step = 'follow-ups' AND state NOT IN ('done', 'cancelled')");
    if (total) {
        auto value = Sql::scalar(*m_db, QStringLiteral("SELECT COUNT(*) FROM jobs") + where);
        if (!value)
            return value.error();
        *total = value->toInt();
    }
    auto query = Sql::exec(
        *m_db, QStringLiteral("SELECT %1 FROM jobs%2 ORDER BY id DESC LIMIT ?").arg(kColumns, where),
        { std::max(1, max) });
    if (!query)
        return query.error();
    QList<Job> jobs;
    while (query->next())
        jobs.append(jobFromQuery(*query));
    return jobs;
}

Result<QList<FailureGroup>> JobRepo::failureGroups()
{
    auto query = Sql::exec(
        *m_db,
        QStringLiteral(
            "SELECT error_fingerprint, MAX(error_kind), MAX(last_error), COUNT(*), MAX(updated_at),"
            " MAX(error_code), MAX(error_status)"
            " FROM jobs WHERE state = 'failed' GROUP BY error_fingerprint ORDER BY COUNT(*) DESC"));
    if (!query)
        return query.error();
    QList<FailureGroup> groups;
    while (query->next()) {
        FailureGroup g;
        g.fingerprint = query->value(0).toString();
        g.errorKind = query->value(1).toString();
        g.sampleError = query->value(2).toString();
        g.count = query->value(3).toInt();
        g.lastAt = query->value(4).toLongLong();
        g.code = query->value(5).toString();
        g.httpStatus = query->value(6).toInt();
        groups.append(g);
    }
    return groups;
}

Result<QList<MinuteCount>> JobRepo::settledPerMinute(qint64 sinceMs, std::optional<qint64> connectionId)
{
    QVariantList binds { sinceMs };
    QString filter;
    if (connectionId) {
        filter = QStringLiteral(" AND connection_id = ?");
        binds << *connectionId;
    }
    auto query = Sql::exec(*m_db,
                           QStringLiteral("SELECT (settled_at / 60000) * 60000 AS minute,"
                                          " SUM(CASE WHEN state = 'done' THEN 1 ELSE 0 END),"
                                          " SUM(CASE WHEN state = 'failed' THEN 1 ELSE 0 END)"
                                          " FROM jobs WHERE state IN ('done', 'failed') AND settled_at >= ?%1"
                                          " GROUP BY minute ORDER BY minute")
                               .arg(filter),
                           binds);
    if (!query)
        return query.error();
    QList<MinuteCount> minutes;
    while (query->next())
        minutes.append({ query->value(0).toLongLong(), query->value(1).toInt(), query->value(2).toInt() });
    return minutes;
}

Result<qint64> JobRepo::oldestPendingCreatedAt()
{
    auto value = Sql::scalar(
        *m_db, QStringLiteral("SELECT COALESCE(MIN(created_at), 0) FROM jobs WHERE state = 'pending'"));
    if (!value)
        return value.error();
    return value->toLongLong();
}

} // namespace Store
