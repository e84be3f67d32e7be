// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "CatalogCrmDeletions.h"
#include "CatalogPlan.h"
#include "CatalogSnapshot.h"
#include "common/Clock.h"
#include "crm/CrmConnector.h"
#include "model/Catalog.h"
#include "storage/Database.h"
#include "store/CatalogRepo.h"

#include <functional>
#include <memory>
#include <optional>

namespace Engine {

/**
 * One round of a catalogue run for one connection and source, on the lane's connector (so under the
 * account's rate limit and the lane's lease): works out the plan (CatalogPlan), sends at most
 * maxChanges of it in the CRM's batches, and records each product's element and content hash. Before
 * sending, a store without links (a first run, another store) or with creates whose answer never came
 * asks the CRM which elements carry the source's external ids, so no product is created twice. Creates
 * are marked in the store before they go out. For a source whose rules say so (MoySklad), a product
 * gone from the shop only loses its link (RemovedProducts::Unlink, whatever catalog.removed says) and
 * the round starts with CatalogCrmDeletions: elements deleted in the CRM delete their products in the
 * shop. Lives on the lane's thread; owned by the lane worker.
 */
class CatalogSync
{
public:
    struct Outcome
    {
        Store::CatalogRun run; ///< counts of this round (also saved in the store)
        bool more = false; ///< changes are left for the next round
        std::optional<Common::Error> error; ///< the run could not go on, or some products failed
        int unlinked = 0; ///< links dropped: products gone from the shop (RemovedProducts::Unlink)
        int shopDeleted = 0; ///< products deleted in the shop because their elements were in the CRM
        int shopKept = 0; ///< of those, products the shop refused to delete (only their links dropped)
    };
    using Done = std::function<void(Outcome)>;

    CatalogSync(std::shared_ptr<Storage::Database> db, qint64 connectionId, Crm::CrmConnector *connector,
                const Common::Clock *clock = Common::Clock::system());

    /** One round; @p policy is what catalog.removed says (the source's rules may override it). */
    void run(const QString &source, const CatalogSnapshot &snapshot, RemovedProducts policy, int maxChanges,
             Done done);
    /** The policy a round applies: RemovedProducts::Unlink for sources whose rules say so. */
    static RemovedProducts policyFor(const Source::CatalogDeletionRules &rules, RemovedProducts setting);

private:
    void plan(const QString &source, const Model::Catalog &catalog, RemovedProducts policy, int maxChanges,
              Outcome outcome, Done done);
    void adoptFound(const QString &source, const Model::Catalog &catalog,
                    QHash<QString, Store::CatalogItem> stored, RemovedProducts policy, int maxChanges,
                    Outcome outcome, Done done);
    void send(const QString &source, CatalogPlan plan, int maxChanges, Outcome outcome, Done done);
    void finish(Outcome outcome, Done done);

    std::shared_ptr<Storage::Database> m_db;
    qint64 m_connectionId;
    Crm::CrmConnector *m_connector;
    const Common::Clock *m_clock;
    CatalogCrmDeletions m_crmDeletions;
};

} // namespace Engine
