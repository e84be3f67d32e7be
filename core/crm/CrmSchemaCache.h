// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "CrmSchema.h"
#include "common/Clock.h"
#include "common/Result.h"
#include "storage/Database.h"

#include <memory>
#include <optional>

namespace Crm {

/**
 * The last fetched schema of each connection's CRM account (pipelines, stages, fields, users), kept
 * in the store's `crm_schema_cache` so the console and the lanes work from it without asking the CRM
 * each time. A save replaces the connection's schema in one transaction. Thread-safe like
 * Storage::Database: each thread uses its own connection.
 */
class CrmSchemaCache
{
public:
    explicit CrmSchemaCache(std::shared_ptr<Storage::Database> db,
                            const Common::Clock *clock = Common::Clock::system());

    /** The cached schema, or nullopt when the connection's account was never read. */
    Common::Result<std::optional<CrmSchema>> load(qint64 connectionId);
    Common::Status save(qint64 connectionId, const CrmSchema &schema);

private:
    std::shared_ptr<Storage::Database> m_db;
    const Common::Clock *m_clock;
};

} // namespace Crm
