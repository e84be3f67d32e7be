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
 * go to the CRM's inbox) the forms, and settles each job from its own item of the answer: linked to its
 * deal and done, or its error. Lane thread; owned by the LaneWorker, which counts and reports.
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
        /** The job was settled done with @p message: its deal exists. */
        std::function<void(const Store::Job &job, const PlannedCreate &planned,
                           const Crm::ItemOutcome &outcome, const QString &message)>
            created;
    };
    /** false: the jobs could not be marked `sending`, nothing went out; the round gives back what it holds.
     */
    using Done = std::function<void(bool sent)>;

    CreateSender(std::shared_ptr<Storage::Database> db, const LaneConfig *config,
                 Crm::CrmConnector *connector, Store::JobRepo *jobs, Store::EntityLinkRepo *links,
                 Store::ContactIndexRepo *contacts, const Common::Clock *clock, Lane lane);

    void send(const BatchPlan &plan, Done done);

private:
    void sendCreates(const QList<PlannedCreate> &planned, const Done &done);
    void settleOutcomes(const QList<PlannedCreate> &planned, const QList<Crm::ItemOutcome> &outcomes);

    std::shared_ptr<Storage::Database> m_db;
    const LaneConfig *m_config;
    Crm::CrmConnector *m_connector;
    Store::JobRepo *m_jobs;
    Store::EntityLinkRepo *m_links;
    Store::ContactIndexRepo *m_contacts;
    const Common::Clock *m_clock;
    Lane m_lane;
};

} // namespace Engine
