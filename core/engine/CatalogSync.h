// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "CatalogPlan.h"
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
 * are marked in the store before they go out. Lives on the lane's thread; owned by the lane worker.
 */
class CatalogSync
{
public:
    struct Outcome
    {
        Store::CatalogRun run; ///< counts of this round (also saved in the store)
        bool more = false; ///< changes are left for the next round
        std::optional<Common::Error> error; ///< the run could not go on, or some products failed
    };
    using Done = std::function<void(Outcome)>;

    CatalogSync(std::shared_ptr<Storage::Database> db, qint64 connectionId, Crm::CrmConnector *connector,
                const Common::Clock *clock = Common::Clock::system());

    void run(const QString &source, const Model::Catalog &catalog, RemovedProducts policy, int maxChanges,
             Done done);

private:
    void adoptFound(const QString &source, const Model::Catalog &catalog,
                    QHash<QString, Store::CatalogItem> stored, RemovedProducts policy, int maxChanges,
                    qint64 startedAt, Done done);
    void send(const QString &source, CatalogPlan plan, RemovedProducts policy, int maxChanges,
              qint64 startedAt, Done done);
    void finish(Outcome outcome, Done done);

    std::shared_ptr<Storage::Database> m_db;
    qint64 m_connectionId;
    Crm::CrmConnector *m_connector;
    const Common::Clock *m_clock;
};

} // namespace Engine
