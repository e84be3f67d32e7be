// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Error.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace Store {

/** pending → running → done; running → sending → done (creates); running|sending → pending (retry);
 *  running|sending → failed; failed → pending (resend); pending|failed → cancelled. */
enum class JobState { Pending, Running, Sending, Done, Failed, Cancelled };

QString jobStateName(JobState state);
std::optional<JobState> jobStateFromName(const QString &name);
const QList<JobState> &allJobStates();

/**
 * How far a create job got in the CRM, whatever its state says: what a retry or a resend must do.
 * New: nothing was sent. Unconfirmed: a create went out and its answer is unknown; the CRM is asked
 * (by the external id) before anything is sent again. FollowUps: the deal exists (crmId) and only
 * the follow-ups in pendingFollowUps are left; no create is sent again. Complete: nothing left.
 */
enum class JobStep { New, Unconfirmed, FollowUps, Complete };

QString jobStepName(JobStep step);
JobStep jobStepFromName(const QString &name);

/** What a source hands to the outbox. */
struct NewJob
{
    QString kind; ///< ShopEvent kind name, e.g. "order.created"
    std::optional<qint64> connectionId;
    QString source;
    QString sourceRef;
    QString idempotencyKey;
    QJsonObject payload;
    QString reference; ///< what the operator searches by: order number or form name
    QString customer;
    QString phone;
    QString email;
    int maxAttempts = 10;
    qint64 notBeforeMs = 0; ///< 0 = due now
};

/** A row of the outbox, as read back. Value type. */
struct Job
{
    qint64 id = 0;
    QString kind;
    std::optional<qint64> connectionId;
    QString source;
    QString sourceRef;
    QString idempotencyKey;
    QJsonObject payload;
    QString reference;
    QString customer;
    QString phone;
    QString email;
    JobState state = JobState::Pending;
    int attempts = 0;
    int maxAttempts = 10;
    qint64 nextAttemptAt = 0;
    QString lastError;
    QString errorKind;
    QString errorFingerprint;
    QString leaseOwner;
    qint64 leaseUntil = 0;
    qint64 createdAt = 0;
    qint64 updatedAt = 0;
    qint64 settledAt = 0;
    JobStep step = JobStep::New;
    QString crmId; ///< the deal (or order) this job made in the CRM, once it is known
    QStringList pendingFollowUps; ///< with step FollowUps: Crm::FollowUp names still to do on crmId
    /** Every deal a create of this job can have made has a CRM id above this one (the highest id
     *  known before its first send); reconciliation reads the CRM's newest deals down to it. */
    qint64 crmFloor = 0;

    bool dealExists() const { return !crmId.isEmpty(); }
};

/** One try at a job, written when the try is settled. */
struct JobAttempt
{
    qint64 id = 0;
    qint64 jobId = 0;
    int attempt = 0;
    QString leaseOwner;
    qint64 startedAt = 0;
    qint64 finishedAt = 0;
    QString outcome; ///< done, retry, failed, released, reconciled
    QString error;
    QString errorKind;
    int httpStatus = 0;
};

/** How many jobs were settled in one minute (for throughput charts). */
struct MinuteCount
{
    qint64 minuteMs = 0; ///< start of the minute, ms since the epoch
    int done = 0;
    int failed = 0;
    bool operator==(const MinuteCount &) const = default;
};

/** Failed jobs that share a cause. */
struct FailureGroup
{
    QString fingerprint;
    QString errorKind;
    QString sampleError;
    int count = 0;
    qint64 lastAt = 0;
    QString code; ///< errorCodeOf() the cause: ours, with the CRM's own ("validation: NotSupportedChoice")
    int httpStatus = 0; ///< the CRM's HTTP answer; 0 when none came
};

/**
 * A short stable id for an error's cause: the kind, code and HTTP status, plus the message with
 * numbers and quoted values blanked out, so "order 17: field 123 …" and "order 18: field 123 …" group.
 */
QString errorFingerprint(const Common::Error &error);

/** The error's code, followed by the CRM's own codes when it gave some per field ("validation:
 *  NotSupportedChoice"), for telling failure causes apart. */
QString errorCodeOf(const Common::Error &error);

} // namespace Store
