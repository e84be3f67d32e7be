// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Result.h"
#include "crm/CrmConnector.h"
#include "mapping/MappingSet.h"
#include "mapping/MissingFields.h"
#include "storage/Database.h"
#include "store/ConnectionRepo.h"

#include <functional>
#include <memory>

namespace Engine {

/**
 * Which CRM fields the operator lets the bridge create when the mapping names one the account lacks:
 * connection config keys "auto_create_deal_fields" (deals and customers) and
 * "auto_create_contact_fields" (contacts and companies) — seed 001's amocrm_auto_create_orders_fields
 * and amocrm_auto_create_users_fields. Off unless set: creating fields changes the operator's CRM.
 */
struct FieldCreationPolicy
{
    bool dealFields = false;
    bool contactFields = false;

    bool allows(Crm::Entity entity) const;
    static FieldCreationPolicy of(const Store::Connection &connection);
    static FieldCreationPolicy everything() { return { true, true }; }
    static QString dealKey() { return QStringLiteral("auto_create_deal_fields"); }
    static QString contactKey() { return QStringLiteral("auto_create_contact_fields"); }
};

/** What createMissingFields did. */
struct FieldCreation
{
    Mapping::MappingSet set; ///< with the rows bound to the new fields
    Crm::CrmSchema schema; ///< as the CRM answered after the creation
    QList<Mapping::FieldSpec> created;
    QList<Mapping::FieldSpec> notAllowed; ///< still missing: the policy does not allow creating them
    int rowsBound = 0;
};

/**
 * Auto-create: creates the custom fields that active rows of @p set name but the account lacks
 * (Mapping::missingFields), for the entities @p policy allows, through the connector; then binds the
 * rows to the new fields (Mapping::bindFields) and saves the refreshed schema and the mapping
 * (Mapping::MappingRepo). Used by the lane before a round and by `crmbridgectl mapping create-fields`.
 * Runs on the connector's thread; @p done is called there once. When nothing is missing it saves
 * nothing and answers at once.
 */
void createMissingFields(std::shared_ptr<Storage::Database> db, qint64 connectionId,
                         Crm::CrmConnector &connector, Mapping::MappingSet set, Crm::CrmSchema schema,
                         FieldCreationPolicy policy, std::function<void(Common::Result<FieldCreation>)> done);

} // namespace Engine
