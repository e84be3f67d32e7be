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
#include <optional>

namespace Engine {

/**
 * Creates that were in flight when an engine stopped, or whose answer was lost: jobs found `sending`
 * (or Store::JobStep::Unconfirmed after a failure) may have their deal in the CRM already. The Reconciler
 * looks their external ids up in the CRM, learns the contacts those deals brought (their answer was lost),
 * links and settles what exists, and hands back the rest to be created. Never sends a create itself. Lane
 * thread; owned by the LaneWorker, which settles errors.
 */
class Reconciler
{
public:
    /** What it needs of its lane. */
    struct Lane
    {
        std::function<Store::Job(qint64 jobId)> jobOf;
        std::function<void(const Store::Job &job, const Common::Error &error, bool createMayExist)>
            settleError;
        /** The job was settled done, linked to the deal found in the CRM. */
        std::function<void(const Store::Job &job, const QString &dealId)> reconciled;
    };
    /** The candidates still to be created; nullopt: the round must give back what it holds and end
     *  (the CRM's contacts could not be read; the jobs stay `sending` and are reconciled again). */
    using Then = std::function<void(std::optional<QList<CreateCandidate>> toCreate)>;

    Reconciler(std::shared_ptr<Storage::Database> db, const LaneConfig *config, Crm::CrmConnector *connector,
               Store::JobRepo *jobs, Store::EntityLinkRepo *links, Store::ContactIndexRepo *contacts,
               const Common::Clock *clock, Lane lane);

    void run(const QList<CreateCandidate> &sending, Then then);

private:
    void settle(const QHash<QString, CreateCandidate> &byExternalId,
                const QMap<QString, Crm::FoundDeal> &found, const Then &then);
    /** Every contact the CRM made or changed since @p since (Unix seconds) into the contact index. */
    void indexContactsSince(qint64 since, int page, std::function<void(Common::Status)> done);

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
