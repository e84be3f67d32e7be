// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "crm/CrmSchema.h"

#include <functional>
#include <memory>
#include <optional>

namespace Storage {
class Database;
}
namespace Common {
class Clock;
}

namespace Crm::AmoCrm {

class AmoApiClient;

/**
 * The account's CrmSchema (pipelines, stages with colours, fields with enums, users), fetched in five
 * calls, cached in memory and in the store (Crm::CrmSchemaCache), refreshed on demand and
 * after a send failed on an unknown field. lastDiff() is what changed against the previous fetch,
 * for the mapping validator. Lives on the thread of its AmoApiClient.
 */
class AmoSchemaLoader
{
public:
    using SchemaCallback = std::function<void(Common::Result<CrmSchema>)>;

    AmoSchemaLoader(AmoApiClient *api, std::shared_ptr<Storage::Database> db, qint64 connectionId,
                    const Common::Clock *clock);

    /** The cached schema (memory, then store), or a fresh fetch when there is none. */
    void get(SchemaCallback done);
    void refresh(SchemaCallback done);
    /** The next get() fetches again (a send named a field the CRM does not know). */
    void markStale() { m_stale = true; }
    std::optional<CrmSchema> current() const { return m_current; }
    const CrmSchemaDiff &lastDiff() const { return m_lastDiff; }

private:
    /** Stamps, diffs against the previous schema, caches and hands over a freshly read schema. */
    void settle(CrmSchema schema, const SchemaCallback &done);

    AmoApiClient *m_api;
    std::shared_ptr<Storage::Database> m_db;
    qint64 m_connectionId;
    const Common::Clock *m_clock;
    std::optional<CrmSchema> m_current;
    CrmSchemaDiff m_lastDiff;
    bool m_stale = false;
};

} // namespace Crm::AmoCrm
