// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "RetryPolicy.h"
#include "store/ContactIndexRepo.h"

#include <QString>
#include <memory>

namespace Engine {

class LeaseGuard;

/** Stage moves (shop → CRM, CRM → shop) a round takes at most. */
constexpr int kMovesPerRound = 50;

/** How one lane works; read from the connection and the settings when the engine starts it. */
struct LaneConfig
{
    qint64 connectionId = 0;
    QString connectionName;
    QString owner; ///< unique per engine instance and lane: the lease owner
    /** This engine's lease on the connection (LaneLeaseKeeper): no round starts while it is not valid.
     *  Null for a lane run on its own (tests). */
    std::shared_ptr<const LeaseGuard> lease;
    /** Jobs per round: creates up to the connector's maxDealsPerRound, stage moves up to 50. */
    int leaseMax = 500;
    qint64 leaseMs = 120'000; ///< a dead engine's jobs come back after this
    int idlePollMs = 500; ///< how often an idle lane looks for due jobs
    qint64 heartbeatMs = 5'000; ///< how often the lane reports its state to the store
    RetryPolicy retry;
    Store::ContactMatchRule matchRule = Store::ContactMatchRule::EmailThenPhone;
    QString phoneRegion = QStringLiteral("RU");
    qint64 contactRefreshMs = 300'000; ///< how often contacts changed in the CRM are read into the index
    bool formsToInbox = false; ///< forms become leads in the CRM's inbox (amoCRM unsorted), else deals
    bool customersToContacts = false; ///< customer.saved events upsert contacts (seed 001's save-user)
};

} // namespace Engine
