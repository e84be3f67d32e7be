// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Clock.h"
#include "common/Result.h"
#include "crm/CrmSchema.h"
#include "mapping/MappingSet.h"
#include "storage/Database.h"

#include <QStringList>
#include <memory>
#include <optional>

namespace Mapping {

/**
 * The mapping of each CRM connection (Mapping::MappingSet) and the cached schema of its account
 * (kept by Crm::CrmSchemaCache; loadSchema and saveSchema are its shorthand).
 * A set is saved whole, in one transaction: the set-level settings in `mapping_sets`, each row in
 * `field_maps` / `status_maps` / `category_routes` with its JSON body and the ids it references
 * (so rowsUsingField() is an indexed query). Loading reassembles the versioned JSON and validates it
 * like an import. Thread-safe like Storage::Database: each thread uses its own connection.
 */
class MappingRepo
{
public:
    explicit MappingRepo(std::shared_ptr<Storage::Database> db,
                         const Common::Clock *clock = Common::Clock::system());

    /** The saved mapping, or nullopt when the connection has none yet. */
    Common::Result<std::optional<Mapping::MappingSet>> load(qint64 connectionId);
    /** Replaces the connection's mapping; a set with structural errors is refused (InvalidInput).
     *  A set that differs from the last saved one is kept as a new version (MappingHistory) and the
     *  save is recorded in the audit trail, with @p note when it is a roll-back. */
    Common::Status save(qint64 connectionId, const Mapping::MappingSet &set, const QString &note = {});
    /** Saves an earlier version again, as a new version noted "rolled back to version N". */
    Common::Status rollback(qint64 connectionId, qint64 versionId);
    Common::Status remove(qint64 connectionId);
    /** "orders/o5", "forms/f4" … : the field rows that target a custom field. */
    Common::Result<QStringList> rowsUsingField(qint64 connectionId, const QString &fieldId);

    /** The last fetched schema of the connection's account, or nullopt. */
    Common::Result<std::optional<Crm::CrmSchema>> loadSchema(qint64 connectionId);
    Common::Status saveSchema(qint64 connectionId, const Crm::CrmSchema &schema);

private:
    Common::Status recordVersion(qint64 connectionId, const QJsonObject &body, const QString &note);

    std::shared_ptr<Storage::Database> m_db;
    const Common::Clock *m_clock;
};

} // namespace Mapping
