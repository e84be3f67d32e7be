// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "BatchPlanner.h"
#include "LaneConfig.h"
#include "crm/CrmConnector.h"
#include "storage/Database.h"
#include "store/ContactIndexRepo.h"
#include "store/EntityLinkRepo.h"
#include "store/JobRepo.h"

#include <functional>

namespace Engine {

/**
 * Sends one round's planned creates: marks them `sending` in a committed transaction first (after a
 * crash they are reconciled, never resent blind), then the deals in the CRM's batch call and (when forms
 * go to the CRM's inbox) the forms, and settles each job from its own item of the answer by its
 * Crm::CreateResult: a created deal is linked to its order first, always; follow-ups that failed stay
 * on the job as its step (Store::JobStep::FollowUps) and are retried on that deal, never by a create.
 * Also finishes those follow-ups (completeFollowUps). Lane thread; owned by the LaneWorker, which
 * counts and reports.
 */
class CreateSender
{
public:
    /** What it needs of its lane. */
    struct Lane
    {
        std::function<Store::Job(qint64 jobId)> jobOf;
        std::function<void(const Store::Job &job, const Common::Error &error, bool createMayExist)>
            settleError;
        /** Back to the queue without using up an attempt, due at @p atMs. */
        std::function<void(const QList<qint64> &jobIds, qint64 atMs)> release;
        /** The job was settled done with @p message: its deal exists and nothing is left to do. */
        std::function<void(const Store::Job &job, const PlannedCreate &planned,
                           const Crm::ItemOutcome &outcome, const QString &message)>
            created;
        /** The job's deal exists (recorded and linked); these follow-ups failed and are left to do. */
        std::function<void(const Store::Job &job, const Crm::ItemOutcome &outcome)> followUpsPending;
    };
    /** false: the jobs could not be marked `sending`, nothing went out; the round gives back what it holds.
     */
    using Done = std::function<void(bool sent)>;

    CreateSender(std::shared_ptr<Storage::Database> db, const LaneConfig *config,
                 Crm::CrmConnector *connector, Store::JobRepo *jobs, Store::EntityLinkRepo *links,
                 Store::ContactIndexRepo *contacts, const Common::Clock *clock, Lane lane);

    void send(const BatchPlan &plan, Done done);
    /** Jobs whose deal exists (Store::JobStep::FollowUps): their missing follow-ups on that deal. */
    void completeFollowUps(const QList<CreateCandidate> &candidates, std::function<void()> done);

private:
    /** @p floors: job id → the CRM id floor markSending kept for it. */
    void sendCreates(const QList<PlannedCreate> &planned, const QHash<qint64, qint64> &floors,
                     const Done &done);
    void settleOutcomes(const QList<PlannedCreate> &planned, const QList<Crm::ItemOutcome> &outcomes);
    /** Links the job's deal, records it on the job, and settles done or with its follow-ups pending. */
    void settleCreated(const Store::Job &job, const PlannedCreate &planned, const Crm::ItemOutcome &outcome,
                       const QString &message);
    /** The highest deal id known on this connection: every deal made after now has a higher one. */
    qint64 idFloor();

    std::shared_ptr<Storage::Database> m_db;
    const LaneConfig *m_config;
    Crm::CrmConnector *m_connector;
    Store::JobRepo *m_jobs;
    Store::EntityLinkRepo *m_links;
    Store::ContactIndexRepo *m_contacts;
    const Common::Clock *m_clock;
    Lane m_lane;
    qint64 m_highestDealId = -1; ///< -1: not read from the links yet
};

} // namespace Engine
