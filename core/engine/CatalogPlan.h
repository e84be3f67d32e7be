// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Result.h"
#include "crm/CatalogEntry.h"
#include "model/Catalog.h"
#include "storage/Database.h"
#include "store/CatalogRepo.h"

#include <QHash>
#include <QList>
#include <QString>
#include <memory>

namespace Engine {

/** What becomes of a product the shop deleted or unpublished, in one connection's CRM catalogue. */
enum class RemovedProducts {
    Keep, ///< the element stays as it was
    Inactive, ///< the element stays, marked as not sold
    Delete, ///< the element is deleted from the CRM's catalogue
    /** The element stays as it is and the link is dropped, so it is never touched again; an
     *  unpublished product is marked inactive (it can come back). Not a setting: the rule of the
     *  sources whose Source::CatalogDeletionRules::unlinkRemoved says so (MoySklad). */
    Unlink,
};
QString removedProductsName(RemovedProducts policy); ///< "keep", "inactive", "delete", "unlink"

/**
 * The catalogue settings (README, "Catalogue"): `catalog.interval_min` (0 = no schedule; on demand
 * only) and `catalog.removed` (keep, inactive, delete), each also per connection as
 * `catalog.interval_min.<connection>` and `catalog.removed.<connection>`. A bad value is an error
 * naming the key. Any thread.
 */
struct CatalogSettings
{
    qint64 intervalMs = 0;
    RemovedProducts removed = RemovedProducts::Inactive;

    static inline const QString kInterval = QStringLiteral("catalog.interval_min");
    static inline const QString kRemoved = QStringLiteral("catalog.removed");
    static Common::Result<CatalogSettings> read(std::shared_ptr<Storage::Database> db,
                                                const QString &connectionName);
};

/**
 * What one catalogue run sends, worked out from the shop's catalogue and what the store says the
 * CRM has (Store::CatalogRepo): a product with no element is created, one whose content hash changed
 * is updated, one the shop deleted (gone from its catalogue) or unpublished follows the policy.
 * Unpublished products are never created; unlinked products and those whose element the CRM deleted
 * (states "unlinked", "crm-deleted") are never sent again. Pure; any thread.
 */
struct CatalogPlan
{
    QList<Crm::CatalogEntry> creates;
    QList<Crm::CatalogEntry> updates; ///< includes the products marked inactive
    QList<Crm::CatalogEntry> deletes;
    /** Items whose link is dropped (RemovedProducts::Unlink), as they are to be stored; nothing is sent. */
    QList<Store::CatalogItem> unlinks;
    QHash<QString, QString> hashes; ///< product key → content hash of its entry
    int products = 0; ///< in the shop's catalogue
    int unchanged = 0;
    int retired = 0; ///< of updates and deletes: removed products the policy acts on

    static CatalogPlan make(const QString &source, const Model::Catalog &catalog,
                            const QHash<QString, Store::CatalogItem> &stored, RemovedProducts policy);
    /** The entry of a product as the CRM's catalogue gets it. */
    static Crm::CatalogEntry entryOf(const QString &source, const Model::Catalog &catalog,
                                     const Model::CatalogProduct &product);
    static QString hashOf(const Crm::CatalogEntry &entry);
    /** What goes to the CRM (unlinks do not). */
    int changes() const { return int(creates.size() + updates.size() + deletes.size()); }
    /** The link of a product in @p state is dropped or going: the product is not sent. */
    static bool isUnlinked(const QString &state);
};

} // namespace Engine
