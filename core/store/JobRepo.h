// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Job.h"
#include "JobQuery.h"
#include "common/Clock.h"
#include "common/Result.h"
#include "storage/Database.h"

#include <QMap>
#include <QSet>
#include <QStringList>
#include <memory>

namespace Store {

/**
 * The durable outbox. Every method runs on the calling thread's own connection, so one JobRepo may
 * be shared by threads. Leasing is safe across threads and processes: PostgreSQL uses
 * FOR UPDATE SKIP LOCKED, SQLite serialises writers; an expired lease comes back to the queue.
 * Settling checks the lease owner, so an engine that lost its lease cannot overwrite another's result.
 */
class JobRepo
{
public:
    struct EnqueueResult
    {
        Job job;
        bool created = false; ///< false: a job with that idempotency key already existed, unchanged
    };

    explicit JobRepo(std::shared_ptr<Storage::Database> db,
                     const Common::Clock *clock = Common::Clock::system());

    Common::Result<EnqueueResult> enqueue(const NewJob &job);
    /** Stores @p job unless its key is taken; true when it was stored. Nothing is read back (the
     *  outbox stores thousands at a time). */
    Common::Result<bool> add(const NewJob &job);
    /** add() of each of @p jobs, in order; how many were stored (the others' keys were taken). The
     *  first failure stops it. Callers wanting all or nothing wrap it in a Storage::Transaction. */
    Common::Result<int> addAll(const QList<NewJob> &jobs);

    /** Takes up to max due jobs (pending and due, or with an expired lease) for owner; counts an attempt.
     *  With a connection: only that connection's jobs (unaddressed ones get their connections first,
     *  Outbox::addressWaiting). */
    Common::Result<QList<Job>> lease(const QString &owner, int max, qint64 leaseMs,
                                     std::optional<qint64> connectionId = std::nullopt,
                                     const QStringList &kinds = {});
    Common::Status renewLease(qint64 id, const QString &owner, qint64 leaseMs);
    /** Commits that a create is about to go out (step Unconfirmed); after a crash, a lost answer or a
     *  failure the job is reconciled before a retry or a resend. @p crmFloor: the highest CRM deal id
     *  known now (kept from the first send); answers the floor in force. Refused for a job whose deal
     *  exists. */
    Common::Result<qint64> markSending(qint64 id, const QString &owner, qint64 crmFloor = 0);
    /** The job's deal exists as @p crmId (linked already): step Complete, or FollowUps with what is left.
     *  Settle the job after it (done, or retry/failed for the follow-ups), in the same transaction. */
    Common::Status recordCreated(qint64 id, const QString &owner, const QString &crmId,
                                 const QStringList &pendingFollowUps = {});

    Common::Status settleDone(qint64 id, const QString &owner,
                              const QString &outcome = QStringLiteral("done"));
    /** Back to the queue at retryAtMs. A job that was `sending` stays `sending` (so it is reconciled
     *  before the retry) unless the caller knows nothing reached the CRM (createMayExist = false). */
    Common::Status settleRetry(qint64 id, const QString &owner, qint64 retryAtMs, const Common::Error &error,
                               bool createMayExist = true);
    Common::Status settleFailed(qint64 id, const QString &owner, const Common::Error &error);
    /** Lease owners holding jobs now (running or sending, lease not expired). */
    Common::Result<QStringList> leaseHolders();
    /** Ends every lease of @p owner at once (an engine known to be dead): its jobs are due again, the
     *  `sending` ones reconciled before any retry. Returns how many. */
    Common::Result<int> expireLeasesOf(const QString &owner);
    /** A before-send hook vetoed the job: it is cancelled with the hook's reason (outcome "vetoed"). */
    Common::Status settleVetoed(qint64 id, const QString &owner, const Common::Error &reason);
    /** The job has nothing to do under the current settings (e.g. a saved customer while contacts are not
     *  upserted): cancelled with @p reason as its last error (outcome "skipped"), not left waiting. */
    Common::Status settleSkipped(qint64 id, const QString &owner, const QString &reason);
    /** Gives a leased job back without using up an attempt (paused lane, shutdown). */
    Common::Status release(qint64 id, const QString &owner, qint64 retryAtMs = 0);
    /** Replaces a job's payload (a resend with the current mapping, a hook's changed draft). */
    Common::Status updatePayload(qint64 id, const QJsonObject &payload);

    /** Failed (or pending) jobs back to pending, due now, with fresh attempts. Returns how many. Never
     *  touches a delivered (done), cancelled or in-flight job; a job whose deal exists keeps it and
     *  only finishes its missing follow-ups (JobStep). */
    Common::Result<int> resend(const QList<qint64> &ids);
    /** Which failed jobs a resend takes: every one, or those of one cause, job id range and/or time
     *  range they were queued in (0 = open). */
    struct FailedFilter
    {
        QString fingerprint;
        qint64 fromId = 0, toId = 0; ///< inclusive
        qint64 fromMs = 0, untilMs = 0; ///< queued at >= fromMs and < untilMs
        /** "cause X, jobs 10–20, queued 2026-12-01 00:00 – 2026-12-02 00:00", for the audit trail. */
        QString describe() const;
    };
    Common::Result<int> resendFailed(const QString &fingerprint = {});
    Common::Result<int> resendFailed(const FailedFilter &filter);
    /** Pending or failed jobs to cancelled. Returns how many. */
    Common::Result<int> cancel(const QList<qint64> &ids);

    Common::Result<Job> get(qint64 id);
    Common::Result<std::optional<Job>> findByKey(const QString &idempotencyKey);
    /** The key of an event's job for one connection: "order:shop:17:created@2" (see Outbox). */
    static QString connectionKey(const QString &eventKey, qint64 connectionId);
    /** Every job of the event whose idempotency key is @p eventKey: the one stored under that key
     *  (unaddressed, or claimed by a lane before fan-out) and those under connectionKey(), by id.
     *  Unique-index lookups of the key under every connection id there is, never a scan. */
    Common::Result<QList<Job>> findByEvent(const QString &eventKey);
    /** Of @p eventKeys, those that have a job (as findByEvent), in a few indexed queries. */
    Common::Result<QSet<QString>> storedEvents(const QStringList &eventKeys);
    /** Up to @p max pending jobs that have no connection yet, oldest first. */
    Common::Result<QList<Job>> unaddressed(int max);
    Common::Result<int> countUnaddressed();
    /** Gives a pending unaddressed job its connection; false when it had one already (or left pending). */
    Common::Result<bool> address(qint64 id, qint64 connectionId);
    Common::Result<QList<Job>> search(const JobQuery &query);
    Common::Result<int> count(const JobQuery &query);
    Common::Result<QMap<JobState, int>> countsByState(std::optional<qint64> connectionId = std::nullopt);
    Common::Result<QList<JobAttempt>> attempts(qint64 jobId);
    /** Jobs not done whose deal exists and that wait for its follow-ups (JobStep::FollowUps), newest
     *  first, at most @p max; @p total gets how many there are. */
    Common::Result<QList<Job>> awaitingFollowUps(int max, int *total = nullptr);
    Common::Result<QList<FailureGroup>> failureGroups();
    /** Jobs settled done or failed per minute since sinceMs, oldest first (minutes with none left out). */
    Common::Result<QList<MinuteCount>> settledPerMinute(qint64 sinceMs,
                                                        std::optional<qint64> connectionId = std::nullopt);
    /** When the oldest pending job was created (0 when none), for "oldest pending" on the dashboard. */
    Common::Result<qint64> oldestPendingCreatedAt();

private:
    /** Records an operator's resend or cancel in the audit trail when it changed anything. */
    Common::Result<int> audited(Common::Result<int> changed, const QString &action, const QString &filter);
    static QString idList(const QList<qint64> &ids);
    /** @p eventKeys with every key they may be stored under: as they are and per connection id. */
    Common::Result<QStringList> storageKeys(const QStringList &eventKeys);
    Common::Status settle(qint64 id, const QString &owner, const QString &state, qint64 nextAttemptAt,
                          const Common::Error *error, const QString &outcome, bool countsAttempt,
                          bool keepSending);
    Common::Status recordAttempt(const Job &job, const QString &outcome, const Common::Error *error);

    std::shared_ptr<Storage::Database> m_db;
    const Common::Clock *m_clock;
};

} // namespace Store
