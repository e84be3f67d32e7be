// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "JobRepo.h"

namespace Store {

/**
 * Where a shop event goes: one job per target CRM connection. A source (by its name, as
 * ShopEvent::source says it) sends to every enabled connection, unless it names its targets
 * (source_targets); a disabled or removed connection gets nothing new. The jobs of one event share the
 * event's idempotency key plus "@<connection id>" (JobRepo::connectionKey), so each CRM gets the event
 * exactly once and a second append of the same event adds nothing.
 *
 * A job without a connection is one that had nowhere to go when it was stored (no CRM was connected)
 * or one queued before fan-out existed (such a job used to be claimed by whichever lane leased it
 * first). Lanes address those before they lease (addressWaiting): each goes to the targets its source
 * had when the job was stored — or, when it was stored before any CRM was connected, to the targets
 * of now. So a connection added later never receives the history by surprise.
 *
 * Any thread (the calling thread's store connection).
 */
class OutboxFanOut
{
public:
    struct Appended
    {
        QList<Job> jobs; ///< one per target (the event's jobs already stored when created is false)
        bool created = false; ///< false: the event was in the outbox already; nothing was added
    };

    explicit OutboxFanOut(std::shared_ptr<Storage::Database> db,
                          const Common::Clock *clock = Common::Clock::system());

    /** Appends @p job (its key is the event's) once per target of its source, in one transaction
     *  (joining the caller's). Nothing when any job of the event is stored already
     *  (JobRepo::findByEvent). Without any target it is stored unaddressed and waits for a CRM
     *  (addressWaiting). A job that names its connection is stored as it is. */
    Common::Result<Appended> append(const NewJob &job);

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
    std::shared_ptr<Storage::Database> m_db;
    const Common::Clock *m_clock;
    JobRepo m_jobs;
};

} // namespace Store
