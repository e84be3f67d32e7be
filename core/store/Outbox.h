// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "JobRepo.h"
#include "model/ShopEvent.h"

#include <QMap>

namespace Store {

/**
 * The one way into the queue. Every source — a shop reader, the form intake, a file import, the
 * historic load — hands its ShopEvents here, and here alone they become jobs:
 *
 * - **Echo guard**: a shop status change that CRM Bridge wrote itself (EchoGuardRepo) is dropped.
 * - **Content**: an event that carries its entity's whole state (ShopEvent::contentHash) is compared
 *   with the last state stored for that entity (table content_marks); an OrderChanged or CustomerSaved
 *   that changes nothing is dropped, a real change gets the entity's next version as its revision.
 * - **Once**: an event whose jobs are stored already adds nothing (a unique-index lookup per event and
 *   connection, never a scan).
 * - **Fan-out and addressing**: one job per target connection of the event's source (every enabled
 *   connection, unless the source names its targets in source_targets). The jobs of one event share
 *   the event's idempotency key plus "@<connection id>" (JobRepo::connectionKey). With no target at
 *   all the job is stored unaddressed and waits for a CRM (addressWaiting, run by the engine when a
 *   connection appears): it then goes to the targets its source had when it was stored, or — when it
 *   was stored before any CRM was connected — to the targets of now, so a connection added later
 *   never receives the history by surprise.
 * - **Marks**: the source's read positions (stream → opaque text, table watermarks), written in the
 *   same transaction as the jobs, so after a crash nothing is skipped and nothing is stored twice.
 *
 * Callers keep batches bounded (a poll's worth): take() is one short write transaction.
 * Any thread (the calling thread's store connection).
 */
class Outbox
{
public:
    /** A source's read positions: stream → the value the source wrote; a missing stream was never read. */
    using Marks = QMap<QString, QString>;

    struct Appended
    {
        QList<Job> jobs; ///< one per target (the event's jobs already stored when created is false)
        bool created = false; ///< false: the event was in the outbox already; nothing was added
    };
    /** What one take() did with its events. */
    struct Taken
    {
        int events = 0; ///< events that became jobs
        int jobs = 0; ///< jobs stored (events × targets)
        int echoes = 0; ///< status changes that were CRM Bridge's own writes
        int unchanged = 0; ///< saves that changed nothing (same content as last time)
        int repeated = 0; ///< events whose jobs were stored already
        int baselined = 0; ///< states only remembered (ShopEvent::baseline)
    };

    explicit Outbox(std::shared_ptr<Storage::Database> db,
                    const Common::Clock *clock = Common::Clock::system());

    /** The read positions of @p source: one indexed query. */
    Common::Result<Marks> marks(const QString &source);
    /** Takes a source's read: @p events (oldest first) and its new @p marks, in one transaction.
     *  Nothing at all to do (no events, no marks) touches nothing. */
    Common::Result<Taken> take(const QString &source, const QList<Model::ShopEvent> &events,
                               const Marks &marks = {});
    /** One event on its own (a form, a webhook): take() without marks, answering with its jobs. */
    Common::Result<Appended> append(const Model::ShopEvent &event);
    /** A job as it is: addressed when it names its connection, else fanned out like an event. */
    Common::Result<Appended> append(const NewJob &job);
    static NewJob toJob(const Model::ShopEvent &event);

    /** Connections that events of @p source go to now, lowest id first. With @p existingAtMs only
     *  those that existed then. */
    Common::Result<QList<qint64>> targetsOf(const QString &source, qint64 existingAtMs = 0);
    /** The connections @p source names; empty: every enabled connection. */
    Common::Result<QList<qint64>> namedTargets(const QString &source);
    Common::Status setNamedTargets(const QString &source, const QList<qint64> &connectionIds);

    /** Gives up to @p max pending unaddressed jobs their connections: the job itself goes to the first
     *  target, a copy (same payload, fresh attempts) to each other. Returns how many were addressed.
     *  Safe when engines do it at once: a job is addressed by whoever updates it first. */
    Common::Result<int> addressWaiting(int max = 500);

private:
    struct Content
    {
        QString hash;
        int version = 0;
    };
    /** Event keys (ShopEvent::idempotencyKey) of @p keys that have a job already. */
    Common::Result<QSet<QString>> storedEvents(const QStringList &keys);
    Common::Result<QHash<QString, Content>> contents(const QString &source, const QStringList &entityKeys);
    Common::Status setContent(const QString &source, const QString &entityKey, const Content &content);

    std::shared_ptr<Storage::Database> m_db;
    const Common::Clock *m_clock;
    JobRepo m_jobs;
};

} // namespace Store
