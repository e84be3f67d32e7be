// SPDX-License-Identifier: GPL-3.0-or-later
#include "AmoSchemaLoader.h"

#include "AmoApiClient.h"
#include "AmoCodec.h"
#include "AmoTokens.h"
#include "common/Clock.h"
#include "crm/CrmSchemaCache.h"

namespace Crm::AmoCrm {

AmoSchemaLoader::AmoSchemaLoader(AmoApiClient *api, std::shared_ptr<Storage::Database> db,
                                 qint64 connectionId, const Common::Clock *clock)
    : m_api(api)
    , m_db(std::move(db))
    , m_connectionId(connectionId)
    , m_clock(clock)
{ }

void AmoSchemaLoader::get(SchemaCallback done)
{
    if (m_current && !m_stale) {
        done(*m_current);
        return;
    }
    if (!m_current && !m_stale && m_db && m_connectionId > 0) {
        auto cached = CrmSchemaCache(m_db, m_clock).load(m_connectionId);
        if (cached && cached.value()) {
            m_current = *cached.value();
            done(*m_current);
            return;
        }
    }
    refresh(std::move(done));
}

void AmoSchemaLoader::refresh(SchemaCallback done)
{
    // The six reads go out together (the limiter spaces them): at a CRM's answer time of hundreds of
    // ms, one after the other they cost six answer times before the first deal.
    struct Parts
    {
        int left = 6;
        std::optional<Common::Error> error;
        QJsonArray pipelines;
        QHash<Entity, QJsonArray> fields;
        QJsonArray users;
        QString language;
    };
    auto parts = std::make_shared<Parts>();
    auto arrived = [this, parts, done] {
        if (--parts->left > 0)
            return;
        if (parts->error) {
            done(*parts->error);
            return;
        }
        CrmSchema schema = AmoCodec::schemaFrom(parts->pipelines, parts->fields, parts->users);
        // The account's language: what the bridge writes into this CRM is in it (Mapping::CrmTexts).
        schema.language = parts->language;
        settle(std::move(schema), done);
    };
    auto keep = [parts, arrived](auto &&store) {
        return [parts, arrived, store](Common::Result<QJsonArray> answer) {
            if (answer)
                store(answer.value());
            else if (!parts->error)
                parts->error = answer.error();
            arrived();
        };
    };
    m_api->pipelines(keep([parts](const QJsonArray &a) { parts->pipelines = a; }));
    const QList<QPair<QString, Entity>> entities { { QStringLiteral("leads"), Entity::Deal },
                                                   { QStringLiteral("contacts"), Entity::Contact },
                                                   { QStringLiteral("companies"), Entity::Company } };
    for (const auto &[path, entity] : entities)
        m_api->customFields(path,
                            keep([parts, entity](const QJsonArray &a) { parts->fields.insert(entity, a); }));
    m_api->users(keep([parts](const QJsonArray &a) { parts->users = a; }));
    // A refused account read costs only the language.
    m_api->account({}, [parts, arrived](Common::Result<QJsonValue> account) {
        if (account)
            parts->language = account->toObject().value(QLatin1String("language")).toString();
        arrived();
    });
}

void AmoSchemaLoader::settle(CrmSchema schema, const SchemaCallback &done)
{
    schema.fetchedAt = m_clock->now();
    std::optional<CrmSchema> previous = m_current;
    if (!previous && m_db && m_connectionId > 0) {
        auto cached = CrmSchemaCache(m_db, m_clock).load(m_connectionId);
        if (cached && cached.value())
            previous = *cached.value();
    }
    m_lastDiff = previous ? diff(*previous, schema) : CrmSchemaDiff();
    if (m_db && m_connectionId > 0) {
        if (auto saved = CrmSchemaCache(m_db, m_clock).save(m_connectionId, schema); !saved)
            qCWarning(lcAmoCrm) << "could not cache the schema:" << saved.error().message;
    }
    m_current = schema;
    m_stale = false;
    done(schema);
}

} // namespace Crm::AmoCrm
