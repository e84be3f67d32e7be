// SPDX-License-Identifier: GPL-3.0-or-later
#include "OutboxFanOut.h"

#include "ConnectionRepo.h"
#include "storage/Sql.h"
#include "storage/Transaction.h"

#include <QSet>

namespace Store {

using Common::Error;
using Common::Result;
using Common::Status;
namespace Sql = Storage::Sql;

namespace {
/** The same job for another connection: same event, payload and business keys, fresh attempts. */
NewJob copyFor(const Job &job, qint64 connectionId)
{
    NewJob copy;
    copy.kind = job.kind;
    copy.connectionId = connectionId;
    copy.source = job.source;
    copy.sourceRef = job.sourceRef;
    copy.idempotencyKey = JobRepo::connectionKey(job.idempotencyKey, connectionId);
    copy.payload = job.payload;
    copy.reference = job.reference;
    copy.customer = job.customer;
    copy.phone = job.phone;
    copy.email = job.email;
    copy.maxAttempts = job.maxAttempts;
    copy.notBeforeMs = job.nextAttemptAt;
    return copy;
}
} // namespace

OutboxFanOut::OutboxFanOut(std::shared_ptr<Storage::Database> db, const Common::Clock *clock)
    : m_db(db)
    , m_clock(clock)
    , m_jobs(std::move(db), clock)
{ }

Result<OutboxFanOut::Appended> OutboxFanOut::append(const NewJob &job)
{
    if (job.connectionId) {
        auto stored = m_jobs.enqueue(job);
        if (!stored)
            return stored.error();
        return Appended { { stored->job }, stored->created };
    }
    Storage::Transaction tx(*m_db);
    if (!tx.isActive())
        return tx.error();
    auto existing = m_jobs.findByEvent(job.idempotencyKey);
    if (!existing)
        return existing.error();
    if (!existing->isEmpty())
        return Appended { existing.value(), false };
    auto targets = targetsOf(job.source);
    if (!targets)
        return targets.error();
    Appended appended;
    if (targets->isEmpty()) {
        auto stored = m_jobs.enqueue(job);
        if (!stored)
            return stored.error();
        appended = { { stored->job }, stored->created };
    }
    for (qint64 connectionId : std::as_const(*targets)) {
        NewJob addressed = job;
        addressed.connectionId = connectionId;
        addressed.idempotencyKey = JobRepo::connectionKey(job.idempotencyKey, connectionId);
        auto stored = m_jobs.enqueue(addressed);
        if (!stored)
            return stored.error();
        appended.jobs.append(stored->job);
        appended.created = appended.created || stored->created;
    }
    if (auto committed = tx.commit(); !committed)
        return committed.error();
    return appended;
}

Result<QList<qint64>> OutboxFanOut::targetsOf(const QString &source, qint64 existingAtMs)
{
    auto named = namedTargets(source);
    if (!named)
        return named.error();
    auto connections = ConnectionRepo(m_db, m_clock).list();
    if (!connections)
        return connections.error();
    const QSet<qint64> only(named->cbegin(), named->cend());
    QList<qint64> targets;
    for (const Connection &c : std::as_const(*connections)) {
        if (!c.enabled() || (!only.isEmpty() && !only.contains(c.id))
            || (existingAtMs > 0 && c.createdAt > existingAtMs))
            continue;
        targets.append(c.id);
    }
    std::sort(targets.begin(), targets.end());
    return targets;
}

Result<QList<qint64>> OutboxFanOut::namedTargets(const QString &source)
{
    auto query = Sql::exec(
        *m_db,
        QStringLiteral("SELECT connection_id FROM source_targets WHERE source = ? ORDER BY connection_id"),
        { source });
    if (!query)
        return query.error();
    QList<qint64> ids;
    while (query->next())
        ids.append(query->value(0).toLongLong());
    return ids;
}

Status OutboxFanOut::setNamedTargets(const QString &source, const QList<qint64> &connectionIds)
{
    if (source.trimmed().isEmpty())
        return Error::invalidInput(QStringLiteral("Name the source whose targets to set"));
    Storage::Transaction tx(*m_db);
    if (!tx.isActive())
        return tx.error();
    if (auto cleared
        = Sql::exec(*m_db, QStringLiteral("DELETE FROM source_targets WHERE source = ?"), { source });
        !cleared)
        return cleared.error();
    ConnectionRepo connections(m_db, m_clock);
    for (qint64 id : QSet<qint64>(connectionIds.cbegin(), connectionIds.cend())) {
        if (auto exists = connections.byId(id); !exists)
            return exists.error();
        if (auto added = Sql::exec(
                *m_db, QStringLiteral("INSERT INTO source_targets (source, connection_id) VALUES (?, ?)"),
                { source, id });
            !added)
            return added.error();
    }
    return tx.commit();
}

Result<int> OutboxFanOut::addressWaiting(int max)
{
    auto waiting = m_jobs.unaddressed(max);
    if (!waiting)
        return waiting.error();
    int addressed = 0;
    for (const Job &job : std::as_const(*waiting)) {
        // The targets its source had when the job was stored; a job stored before any CRM was
        // connected waited for one: the targets of now.
        auto targets = targetsOf(job.source, job.createdAt);
        if (targets && targets->isEmpty())
            targets = targetsOf(job.source);
        if (!targets)
            return targets.error();
        if (targets->isEmpty())
            continue;
        Storage::Transaction tx(*m_db);
        if (!tx.isActive())
            return tx.error();
        // The job itself goes to the first target (its id, attempts and intake record stay valid);
        // whoever addresses it first makes the copies, another engine finds it addressed and skips it.
        auto mine = m_jobs.address(job.id, targets->first());
        if (!mine)
            return mine.error();
        if (!mine.value())
            continue;
        for (qsizetype i = 1; i < targets->size(); ++i) {
            if (auto copied = m_jobs.enqueue(copyFor(job, targets->at(i))); !copied)
                return copied.error();
        }
        if (auto committed = tx.commit(); !committed)
            return committed.error();
        ++addressed;
    }
    return addressed;
}

} // namespace Store
