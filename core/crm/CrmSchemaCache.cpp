// SPDX-License-Identifier: GPL-3.0-or-later
#include "CrmSchemaCache.h"

#include "common/Json.h"
#include "storage/Sql.h"
#include "storage/Transaction.h"

namespace Crm {

using Common::Error;
using Common::Result;
using Common::Status;
namespace Sql = Storage::Sql;

CrmSchemaCache::CrmSchemaCache(std::shared_ptr<Storage::Database> db, const Common::Clock *clock)
    : m_db(std::move(db))
    , m_clock(clock)
{ }

Result<std::optional<CrmSchema>> CrmSchemaCache::load(qint64 connectionId)
{
    auto stored = Sql::scalar(
        *m_db, QStringLiteral("SELECT schema_json FROM crm_schema_cache WHERE connection_id = ?"),
        { connectionId });
    if (!stored)
        return stored.error();
    if (!stored->isValid())
        return std::optional<CrmSchema>();
    auto json = Common::Json::parseObject(stored->toString().toUtf8());
    if (!json)
        return Error::permanent(
            QStringLiteral("The cached CRM schema is damaged: %1").arg(json.error().message),
            QStringLiteral("schema-damaged"));
    auto schema = CrmSchema::fromJson(json.value());
    if (!schema)
        return schema.error();
    return std::optional<CrmSchema>(schema.value());
}

Status CrmSchemaCache::save(qint64 connectionId, const CrmSchema &schema)
{
    Storage::Transaction tx(*m_db);
    if (!tx.isActive())
        return tx.error();
    auto removed = Sql::exec(*m_db, QStringLiteral("DELETE FROM crm_schema_cache WHERE connection_id = ?"),
                             { connectionId });
    if (!removed)
        return removed.error();
    const qint64 fetchedAt
        = schema.fetchedAt.isValid() ? schema.fetchedAt.toMSecsSinceEpoch() : m_clock->nowMs();
    auto inserted = Sql::exec(
        *m_db,
        QStringLiteral(
            "INSERT INTO crm_schema_cache (connection_id, crm, schema_json, fetched_at) VALUES (?, ?, ?, ?)"),
        { connectionId, schema.crm, QString::fromUtf8(Common::Json::compact(schema.toJson())), fetchedAt });
    if (!inserted)
        return inserted.error();
    return tx.commit();
}

} // namespace Crm
