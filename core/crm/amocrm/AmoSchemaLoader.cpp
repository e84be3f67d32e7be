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
    struct Parts
    {
        QJsonArray pipelines;
        QHash<Entity, QJsonArray> fields;
    };
    auto parts = std::make_shared<Parts>();
    auto fail = [done](const Common::Error &e) { done(e); };
    m_api->pipelines([this, parts, done, fail](Common::Result<QJsonArray> pipelines) {
        if (!pipelines)
            return fail(pipelines.error());
        parts->pipelines = pipelines.value();
        m_api->customFields(
            QStringLiteral("leads"), [this, parts, done, fail](Common::Result<QJsonArray> leads) {
                if (!leads)
                    return fail(leads.error());
                parts->fields.insert(Entity::Deal, leads.value());
                m_api->customFields(
                    QStringLiteral("contacts"),
                    [this, parts, done, fail](Common::Result<QJsonArray> contacts) {
                        if (!contacts)
                            return fail(contacts.error());
                        parts->fields.insert(Entity::Contact, contacts.value());
                        m_api->customFields(
                            QStringLiteral("companies"),
                            [this, parts, done, fail](Common::Result<QJsonArray> companies) {
                                if (!companies)
                                    return fail(companies.error());
                                parts->fields.insert(Entity::Company, companies.value());
                                m_api->users([this, parts, done, fail](Common::Result<QJsonArray> users) {
                                    if (!users)
                                        return fail(users.error());
                                    CrmSchema schema = AmoCodec::schemaFrom(parts->pipelines, parts->fields,
                                                                            users.value());
                                    // The account's language: what the bridge writes into this CRM is
                                    // in it (Mapping::CrmTexts). A refused account read costs only that.
                                    m_api->account(
                                        {}, [this, schema, done](Common::Result<QJsonValue> account) mutable {
                                            if (account)
                                                schema.language = account->toObject()
                                                                      .value(QLatin1String("language"))
                                                                      .toString();
                                            settle(std::move(schema), done);
                                        });
                                });
                            });
                    });
            });
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
