// SPDX-License-Identifier: GPL-3.0-or-later
#include "Outbox.h"

#include "ConnectionRepo.h"
#include "EchoGuardRepo.h"
#include "WatermarkRepo.h"
#include "model/StatusChange.h"
#include "storage/Sql.h"
#include "storage/Transaction.h"

#include <QSet>

namespace Store {

using Common::Error;
using Common::Result;
using Common::Status;
using Model::ShopEvent;
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

/** The entity whose state an event carries ("order:17", "customer:5"); empty for forms. */
QString entityKeyOf(const ShopEvent &event)
{
    switch (event.kind) {
    case ShopEvent::Kind::OrderCreated:
    case ShopEvent::Kind::OrderChanged:
        return QStringLiteral("order:") + event.entityId;
    case ShopEvent::Kind::CustomerSaved:
        return QStringLiteral("customer:") + event.entityId;
    default:
        return {};
    }
}

bool isSave(const ShopEvent &event)
{
    return event.kind == ShopEvent::Kind::OrderChanged || event.kind == ShopEvent::Kind::CustomerSaved;
}

QString placeholders(qsizetype n)
{
    QStringList marks;
    marks.reserve(n);
    for (qsizetype i = 0; i < n; ++i)
        marks << QStringLiteral("?");
    return marks.join(QLatin1Char(','));
}
} // namespace

Outbox::Outbox(std::shared_ptr<Storage::Database> db, const Common::Clock *clock)
    : m_db(db)
    , m_clock(clock)
    , m_jobs(std::move(db), clock)
{ }

NewJob Outbox::toJob(const ShopEvent &event)
{
    NewJob job;
    job.kind = ShopEvent::kindName(event.kind);
    job.source = event.source;
    job.sourceRef = event.entityId;
    job.idempotencyKey = event.idempotencyKey();
    job.payload = event.payload;
    job.reference = event.reference;
    job.customer = event.customer;
    job.phone = event.phone;
    job.email = event.email;
    return job;
}

Result<Outbox::Marks> Outbox::marks(const QString &source)
{
    auto query = Sql::exec(*m_db, QStringLiteral("SELECT stream, value FROM watermarks WHERE source = ?"),
                           { source });
    if (!query)
        return query.error();
    Marks marks;
    while (query->next())
        marks.insert(query->value(0).toString(), query->value(1).toString());
    return marks;
}

Result<QHash<QString, Outbox::Content>> Outbox::contents(const QString &source, const QStringList &keys)
{
    QHash<QString, Content> found;
    constexpr qsizetype kChunk = 500;
    for (qsizetype from = 0; from < keys.size(); from += kChunk) {
        const QStringList chunk = keys.mid(from, kChunk);
        QVariantList binds { source };
        for (const QString &key : chunk)
            binds << key;
        auto query = Sql::exec(*m_db,
                               QStringLiteral("SELECT entity_key, hash, version FROM content_marks"
                                              " WHERE source = ? AND entity_key IN (%1)")
                                   .arg(placeholders(chunk.size())),
                               binds);
        if (!query)
            return query.error();
        while (query->next())
            found.insert(query->value(0).toString(), { query->value(1).toString(), query->value(2).toInt() });
    }
    return found;
}

Status Outbox::setContent(const QString &source, const QString &entityKey, const Content &content)
{
    auto done = Sql::exec(
        *m_db,
        QStringLiteral("INSERT INTO content_marks (source, entity_key, hash, version, updated_at)"
                       " VALUES (?, ?, ?, ?, ?) ON CONFLICT (source, entity_key) DO UPDATE SET"
                       " hash = excluded.hash, version = excluded.version, updated_at = excluded.updated_at"),
        { source, entityKey, content.hash, content.version, m_clock->nowMs() });
    if (!done)
        return done.error();
    return {};
}

Result<Outbox::Taken> Outbox::take(const QString &source, const QList<ShopEvent> &events, const Marks &marks)
{
    Taken taken;
    if (events.isEmpty() && marks.isEmpty())
        return taken;
    Storage::Transaction tx(*m_db);
    if (!tx.isActive())
        return tx.error();

    // The entities' last known states, for the saves that change nothing.
    QStringList entityKeys;
    for (const ShopEvent &event : events) {
        if (!event.contentHash.isEmpty())
            entityKeys << entityKeyOf(event);
    }
    entityKeys.removeAll(QString());
    auto known = contents(source, entityKeys);
    if (!known)
        return known.error();

    EchoGuardRepo echo(m_db, m_clock);
    QList<ShopEvent> kept;
    for (ShopEvent event : events) {
        if (event.kind == ShopEvent::Kind::OrderStatusChanged) {
            const Model::StatusChange change = Model::StatusChange::fromJson(event.payload);
            auto ours = echo.consume(event.source, event.revision, event.entityId, change.toStatus);
            if (!ours)
                return ours.error();
            if (ours.value()) {
                ++taken.echoes;
                continue;
            }
        }
        const QString entityKey = event.contentHash.isEmpty() ? QString() : entityKeyOf(event);
        if (!entityKey.isEmpty()) {
            Content content = known->value(entityKey);
            if (event.baseline || (isSave(event) && content.hash == event.contentHash)) {
                if (event.baseline && content.hash != event.contentHash) {
                    content.hash = event.contentHash;
                    if (auto set = setContent(source, entityKey, content); !set)
                        return set.error();
                    known->insert(entityKey, content);
                }
                ++(event.baseline ? taken.baselined : taken.unchanged);
                continue;
            }
            if (isSave(event)) {
                // The entity's next version names the change: A → B → A are three saves, not two.
                ++content.version;
                event.revision = QString::number(content.version);
            }
            content.hash = event.contentHash;
            if (auto set = setContent(source, entityKey, content); !set)
                return set.error();
            known->insert(entityKey, content);
        }
        kept.append(event);
    }

    QStringList keys;
    for (const ShopEvent &event : std::as_const(kept))
        keys << event.idempotencyKey();
    auto stored = m_jobs.storedEvents(keys);
    if (!stored)
        return stored.error();
    QHash<QString, QList<qint64>> targetsBySource;
    for (const ShopEvent &event : std::as_const(kept)) {
        const NewJob job = toJob(event);
        if (stored->contains(job.idempotencyKey)) {
            ++taken.repeated;
            continue;
        }
        stored->insert(job.idempotencyKey);
        if (!targetsBySource.contains(job.source)) {
            auto targets = targetsOf(job.source);
            if (!targets)
                return targets.error();
            targetsBySource.insert(job.source, targets.value());
        }
        const QList<qint64> targets = targetsBySource.value(job.source);
        if (targets.isEmpty()) {
            auto added = m_jobs.add(job);
            if (!added)
                return added.error();
            taken.jobs += added.value() ? 1 : 0;
        }
        for (qint64 connectionId : targets) {
            NewJob addressed = job;
            addressed.connectionId = connectionId;
            addressed.idempotencyKey = JobRepo::connectionKey(job.idempotencyKey, connectionId);
            auto added = m_jobs.add(addressed);
            if (!added)
                return added.error();
            taken.jobs += added.value() ? 1 : 0;
        }
        ++taken.events;
    }

    WatermarkRepo watermarks(m_db, m_clock);
    for (auto it = marks.cbegin(); it != marks.cend(); ++it) {
        if (auto set = watermarks.setValue(source, it.key(), it.value()); !set)
            return set.error();
    }
    if (auto committed = tx.commit(); !committed)
        return committed.error();
    return taken;
}

Result<Outbox::Appended> Outbox::append(const ShopEvent &event)
{
    Storage::Transaction tx(*m_db);
    if (!tx.isActive())
        return tx.error();
    auto taken = take(event.source, { event });
    if (!taken)
        return taken.error();
    // The key as take() stored it (a save gets its version as revision): read the jobs back by it.
    ShopEvent stored = event;
    if (isSave(event) && !event.contentHash.isEmpty()) {
        auto content = contents(event.source, { entityKeyOf(event) });
        if (!content)
            return content.error();
        stored.revision = QString::number(content->value(entityKeyOf(event)).version);
    }
    auto jobs = m_jobs.findByEvent(stored.idempotencyKey());
    if (!jobs)
        return jobs.error();
    if (auto committed = tx.commit(); !committed)
        return committed.error();
    return Appended { jobs.value(), taken->events > 0 };
}

Result<Outbox::Appended> Outbox::append(const NewJob &job)
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

Result<QList<qint64>> Outbox::targetsOf(const QString &source, qint64 existingAtMs)
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

Result<QList<qint64>> Outbox::namedTargets(const QString &source)
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

Status Outbox::setNamedTargets(const QString &source, const QList<qint64> &connectionIds)
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

Result<int> Outbox::addressWaiting(int max)
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
