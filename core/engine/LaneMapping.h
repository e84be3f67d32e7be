// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Clock.h"
#include "common/Result.h"
#include "crm/CrmConnector.h"
#include "mapping/DraftBuilder.h"
#include "storage/Database.h"

#include <QHash>
#include <functional>
#include <memory>
#include <optional>

namespace Engine {

/**
 * The mapping one lane sends with, made ready before each round: the connection's saved mapping (a
 * fresh install's defaults are saved first) against the cached CRM schema; CRM fields the mapping
 * names but the account lacks are created first when the connection allows it (createMissingFields);
 * and every shop source gets its own DraftBuilder with that source's category tree
 * (Store::CategoryCacheRepo), so category routing works through parent categories.
 * Lives on the lane's thread; owned by its LaneWorker.
 */
class LaneMapping
{
public:
    LaneMapping(std::shared_ptr<Storage::Database> db, qint64 connectionId,
                const Common::Clock *clock = Common::Clock::system());

    /** Reloads everything (an operator's change applies to the next round); @p done on this thread. */
    void prepare(Crm::CrmConnector &connector, std::function<void(Common::Status)> done);
    /** The builder for jobs of @p source; valid after a successful prepare() until the next one. */
    const Mapping::DraftBuilder &builderFor(const QString &source);

private:
    void use(Mapping::MappingSet set, Crm::CrmSchema schema);

    std::shared_ptr<Storage::Database> m_db;
    qint64 m_connectionId;
    const Common::Clock *m_clock;
    std::optional<Mapping::MappingSet> m_set;
    std::optional<Crm::CrmSchema> m_schema;
    QHash<QString, std::shared_ptr<Mapping::DraftBuilder>> m_builders;
    qint64 m_noCreationUntil = 0; ///< after the CRM refused to create fields, do not ask every round
};

} // namespace Engine
