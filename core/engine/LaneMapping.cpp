// SPDX-License-Identifier: GPL-3.0-or-later
#include "LaneMapping.h"

#include "MissingFieldCreator.h"
#include "mapping/MappingRepo.h"
#include "store/CategoryCacheRepo.h"
#include "store/ConnectionRepo.h"

#include <QLoggingCategory>
#include <algorithm>

namespace Engine {

namespace {
Q_LOGGING_CATEGORY(lcLaneMapping, "crmbridge.engine.mapping")
constexpr qint64 kCreationPauseMs = 15 * 60'000;
} // namespace

using Common::Error;

LaneMapping::LaneMapping(std::shared_ptr<Storage::Database> db, qint64 connectionId,
                         const Common::Clock *clock)
    : m_db(std::move(db))
    , m_connectionId(connectionId)
    , m_clock(clock)
{ }

void LaneMapping::prepare(Crm::CrmConnector &connector, std::function<void(Common::Status)> done)
{
    Mapping::MappingRepo repo(m_db, m_clock);
    auto schema = repo.loadSchema(m_connectionId);
    if (!schema) {
        done(schema.error());
        return;
    }
    if (!schema->has_value()) {
        done(Error::unavailable(QStringLiteral("The CRM's fields and pipelines are not known yet"),
                                QStringLiteral("no-schema")));
        return;
    }
    auto mapping = repo.load(m_connectionId);
    if (!mapping) {
        done(mapping.error());
        return;
    }
    Mapping::MappingSet set = mapping->has_value() ? **mapping : Mapping::MappingSet::defaults(**schema);
    if (!mapping->has_value()) {
        if (auto saved = repo.save(m_connectionId, set); !saved) {
            done(saved);
            return;
        }
    }
    auto connection = Store::ConnectionRepo(m_db, m_clock).byId(m_connectionId);
    const FieldCreationPolicy policy
        = connection ? FieldCreationPolicy::of(connection.value()) : FieldCreationPolicy {};
    const auto missing = Mapping::missingFields(set, **schema);
    const bool creatable = std::any_of(missing.cbegin(), missing.cend(),
                                       [&policy](const auto &spec) { return policy.allows(spec.entity); });
    if (!creatable || m_clock->nowMs() < m_noCreationUntil) {
        // Rows naming a missing field fail their jobs before sending (DraftBuilder: mapping-broken).
        use(std::move(set), std::move(**schema));
        done({});
        return;
    }
    createMissingFields(m_db, m_connectionId, connector, set, **schema, policy,
                        [this, set, schema = **schema, done](Common::Result<FieldCreation> created) {
                            if (created) {
                                use(created->set, created->schema);
                                done({});
                                return;
                            }
                            const Error &e = created.error();
                            if (e.isRetryable() || e.kind == Common::ErrorKind::Unavailable
                                || e.kind == Common::ErrorKind::Auth
                                || e.kind == Common::ErrorKind::Blocked) {
                                done(e);
                                return;
                            }
                            qCWarning(lcLaneMapping) << "connection" << m_connectionId << e.message;
                            m_noCreationUntil = m_clock->nowMs() + kCreationPauseMs;
                            use(set, schema);
                            done({});
                        });
}

void LaneMapping::use(Mapping::MappingSet set, Crm::CrmSchema schema)
{
    m_set = std::move(set);
    m_schema = std::move(schema);
    m_builders.clear();
}

const Mapping::DraftBuilder &LaneMapping::builderFor(const QString &source)
{
    auto &builder = m_builders[source];
    if (!builder) {
        Model::CategoryTree tree;
        auto cached = Store::CategoryCacheRepo(m_db, m_clock).load(source);
        if (!cached)
            qCWarning(lcLaneMapping) << "cannot read the category tree of" << source << ":"
                                     << cached.error().message;
        else if (cached->has_value())
            tree = (*cached)->tree;
        builder = std::make_shared<Mapping::DraftBuilder>(*m_set, *m_schema, tree);
    }
    return *builder;
}

} // namespace Engine
