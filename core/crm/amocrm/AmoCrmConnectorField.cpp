// SPDX-License-Identifier: GPL-3.0-or-later
// AmoCrmConnector: the lead field that carries our external id, one per account for every engine.
#include "AmoCrmConnector.h"
#include "AmoTokens.h"
#include "store/AccountStateRepo.h"

#include <QTimer>
#include <algorithm>

namespace Crm::AmoCrm {

namespace {
const QString kFieldKey = QStringLiteral("amocrm.external_id_field");
/** How soon to ask again while another engine finds or creates the field. */
constexpr int kBusyRetryMs = 250;
} // namespace

void AmoCrmConnector::ensureExternalIdField(std::function<void(Common::Result<QString>)> done)
{
    if (!m_externalIdFieldId.isEmpty()) {
        QTimer::singleShot(0, this, [this, done] { done(m_externalIdFieldId); });
        return;
    }
    m_externalIdFieldWaiters.append(std::move(done));
    if (m_externalIdFieldWaiters.size() > 1)
        return; // a look-up is under way: it answers everybody
    if (!m_db) {
        findOrCreateExternalIdField();
        return;
    }
    // Two engines that each checked and then created made two fields, and each searched only its own
    // for deals made before a crash: the store decides which engine looks, and keeps what it found.
    auto claim = Store::AccountStateRepo(m_db).claim(m_config.connectionId, kFieldKey, m_claimer);
    if (!claim) {
        QTimer::singleShot(0, this, [this, error = claim.error()] { settleExternalIdField(error); });
        return;
    }
    switch (claim->kind) {
    case Store::AccountClaim::Kind::Stored:
        verifyStoredExternalIdField(claim->value);
        return;
    case Store::AccountClaim::Kind::Busy:
        QTimer::singleShot(kBusyRetryMs, this, [this] {
            auto waiting = std::exchange(m_externalIdFieldWaiters, {});
            for (auto &waiter : waiting)
                ensureExternalIdField(std::move(waiter));
        });
        return;
    case Store::AccountClaim::Kind::Claimed:
        findOrCreateExternalIdField();
        return;
    }
}

void AmoCrmConnector::verifyStoredExternalIdField(const QString &id)
{
    // The stored id is checked once against a schema this connector fetches: a field deleted in the
    // account since would otherwise fail every deal of the first batch. A fresh fetch, never the cached
    // schema, which may predate the field another engine just made.
    m_schema.refresh([this, id](Common::Result<CrmSchema> schema) {
        if (!schema) {
            settleExternalIdField(schema.error(), false);
            return;
        }
        // By id and name: an id the account gave to another field since is not ours.
        const QList<CustomField> fields = schema->fieldsOf(Entity::Deal);
        if (std::any_of(fields.cbegin(), fields.cend(), [this, &id](const CustomField &f) {
                return f.id == id && f.name.compare(m_config.externalIdFieldName, Qt::CaseInsensitive) == 0;
            })) {
            settleExternalIdField(id, false);
            return;
        }
        qCInfo(lcAmoCrm) << "the stored external id field" << id << "is gone from the account";
        if (auto forgotten = Store::AccountStateRepo(m_db).forget(m_config.connectionId, kFieldKey, id);
            !forgotten) {
            settleExternalIdField(forgotten.error(), false);
            return;
        }
        auto waiting = std::exchange(m_externalIdFieldWaiters, {});
        for (auto &waiter : waiting)
            ensureExternalIdField(std::move(waiter));
    });
}

void AmoCrmConnector::findOrCreateExternalIdField()
{
    // Looked up in a schema fetched now, under the claim: a field made by another engine a moment ago
    // (or deleted in the account) is seen as it is.
    auto lookup = [this](Common::Result<CrmSchema> schema) {
        if (!schema) {
            settleExternalIdField(schema.error());
            return;
        }
        if (const CustomField *f = schema->fieldByName(Entity::Deal, m_config.externalIdFieldName)) {
            qCDebug(lcAmoCrm) << "external id field" << f->id << "fetched at" << schema->fetchedAt;
            settleExternalIdField(f->id);
            return;
        }
        qCInfo(lcAmoCrm) << "creating the lead field" << m_config.externalIdFieldName;
        const QJsonArray body { QJsonObject {
            { "name", m_config.externalIdFieldName }, { "type", "text" }, { "sort", 10000 } } };
        m_api.createCustomFields(QStringLiteral("leads"), body, [this](Common::Result<QJsonValue> created) {
            if (!created) {
                settleExternalIdField(created.error());
                return;
            }
            const QJsonArray list = AmoApiClient::embedded(created.value(), QStringLiteral("custom_fields"));
            const QJsonObject first = list.isEmpty() ? created->toObject() : list.first().toObject();
            m_schema.markStale();
            settleExternalIdField(QString::number(first.value("id").toInteger()));
        });
    };
    m_schema.refresh(lookup);
}

void AmoCrmConnector::settleExternalIdField(const Common::Result<QString> &field, bool keep)
{
    if (m_db && keep) {
        Store::AccountStateRepo state(m_db);
        // Storing the value ends our claim; a failure gives the claim back for the next look-up.
        const Common::Status saved = field ? state.store(m_config.connectionId, kFieldKey, field.value())
                                           : state.releaseClaim(m_config.connectionId, kFieldKey, m_claimer);
        if (!saved)
            qCWarning(lcAmoCrm) << "cannot keep the external id field in the store:"
                                << saved.error().toString();
    }
    if (field)
        m_externalIdFieldId = field.value();
    const auto waiting = std::exchange(m_externalIdFieldWaiters, {});
    for (const auto &waiter : waiting)
        waiter(field);
}

void AmoCrmConnector::forgetExternalIdField()
{
    if (m_db && !m_externalIdFieldId.isEmpty()) {
        if (auto forgotten
            = Store::AccountStateRepo(m_db).forget(m_config.connectionId, kFieldKey, m_externalIdFieldId);
            !forgotten)
            qCWarning(lcAmoCrm) << "cannot forget the external id field:" << forgotten.error().toString();
    }
    m_externalIdFieldId.clear();
}

} // namespace Crm::AmoCrm
