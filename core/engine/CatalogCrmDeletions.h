// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Clock.h"
#include "common/Result.h"
#include "crm/CrmConnector.h"
#include "source/ShopSource.h"
#include "storage/Database.h"

#include <functional>
#include <memory>
#include <optional>

namespace Engine {

/**
 * The first step of a catalogue run for a source whose rules say so
 * (Source::CatalogDeletionRules::deleteWhenCrmDeletes, MoySklad): lists the CRM catalogue's elements,
 * marks each linked product whose element is no longer there "crm-deleted" (committed before anything
 * is deleted), deletes those products in the shop and drops their links ("unlinked"), so the product
 * is deleted once and never sent again. A delete whose answer is lost is made again on the next run
 * and the shop's "already gone" counts as done. A shop that refuses (MoySklad keeps products its
 * documents use) only loses the link: the CRM's deletion stands. amoCRM's events API documents no
 * catalogue element deletion we could rely on (reference §3.11), so the list is the way to see one.
 * At most kShopDeletesPerRound deletes a round (each one blocks the lane's thread within the shop's
 * request budget). Lives on the lane's thread; owned by CatalogSync.
 */
class CatalogCrmDeletions
{
public:
    struct Outcome
    {
        int shopDeleted = 0; ///< products deleted in the shop this round
        int shopKept = 0; ///< products the shop refused to delete: only their links were dropped
        bool more = false; ///< deletes are left for the next round
        std::optional<Common::Error> error;
    };
    static constexpr int kShopDeletesPerRound = 40;
    /** More elements than this gone at once, and more than half of the linked ones, looks like a
     *  products list replaced or emptied rather than a manager's deletions: nothing is deleted. */
    static constexpr int kMassDeletionGuard = 10;

    CatalogCrmDeletions(std::shared_ptr<Storage::Database> db, qint64 connectionId,
                        Crm::CrmConnector *connector, const Common::Clock *clock);

    void run(const QString &source, std::shared_ptr<Source::ShopSource> shop,
             std::function<void(Outcome)> done);

private:
    void deletePending(const QString &source, std::shared_ptr<Source::ShopSource> shop,
                       std::function<void(Outcome)> done);

    std::shared_ptr<Storage::Database> m_db;
    qint64 m_connectionId;
    Crm::CrmConnector *m_connector;
    const Common::Clock *m_clock;
};

} // namespace Engine
