// SPDX-License-Identifier: GPL-3.0-or-later
// AmoCrmConnector: web requests into unsorted, and contact upserts.
#include "AmoCrmConnector.h"

#include <QCoreApplication>
#include <QTimer>

namespace Crm::AmoCrm {

namespace {
constexpr int kBatch = 250;
} // namespace

void AmoCrmConnector::createInboxLeads(const QList<InboxLeadCreate> &items, BatchCallback done)
{
    if (items.isEmpty()) {
        QTimer::singleShot(0, this, [done] { done({}); });
        return;
    }
    QList<DealCreate> asDeals; // for the follow-ups (fields beyond 40, the note), which are the same
    QStringList keys;
    for (const InboxLeadCreate &item : items) {
        m_externalIds.insert(item.key, item.draft.deal.externalId);
        m_idFloors.insert(item.key, item.idFloor);
        asDeals.append({ item.key, item.draft, item.existingContactId, item.idFloor });
        keys << item.key;
    }
    ensureExternalIdField([this, items, asDeals, keys, done](Common::Result<QString> field) {
        QList<ItemOutcome> early;
        QList<EncodedItem> encoded;
        for (qsizetype i = 0; i < items.size(); ++i) {
            EncodedItem e = AmoCodec::encodeInboxLead(
                items[i], QString::number(i), field ? field.value() : QString(), m_config.inboxSourceName);
            if (!field)
                early << AmoBatchSender::failed(e, field.error());
            else if (e.error)
                early << AmoBatchSender::failed(e, *e.error);
            else
                encoded << e;
        }
        sendCreateChunks(
            encoded, 0, early,
            [this, encoded, asDeals, keys, done](QList<ItemOutcome> outcomes) {
                sendFollowUps(encoded, asDeals, outcomes, inCallersOrder(keys, done));
            },
            true);
    });
}

void AmoCrmConnector::upsertContacts(const QList<ContactUpsert> &items, BatchCallback done)
{
    QStringList existing;
    QStringList keys;
    for (const ContactUpsert &item : items) {
        keys << item.key;
        if (!item.contactId.isEmpty())
            existing << item.contactId;
    }
    // Updates merge into the contact as it is now (locked and if-empty fields, its other phones).
    fetchEntities(
        QStringLiteral("contacts"), existing,
        [this, items, keys, done](Common::Result<QHash<QString, QJsonObject>> current) {
            QList<ItemOutcome> early;
            QList<EncodedItem> creates;
            QList<EncodedItem> updates;
            for (qsizetype i = 0; i < items.size(); ++i) {
                const ContactUpsert &item = items[i];
                const QString rid = QString::number(i);
                if (item.contactId.isEmpty()) {
                    creates << AmoCodec::encodeContactCreate(item, rid);
                    continue;
                }
                EncodedItem e = AmoCodec::encodeContactUpdate(
                    item, rid, current ? current->value(item.contactId) : QJsonObject());
                if (!current)
                    early << AmoBatchSender::failed(e, current.error());
                else if (!current->contains(item.contactId))
                    early << AmoBatchSender::failed(
                        e,
                        Common::Error::notFound(
                            QCoreApplication::translate("AmoCrm", "Contact %1 is not in the CRM any more")
                                .arg(item.contactId),
                            QStringLiteral("contact-gone")));
                else if (!e.json.contains("custom_fields_values") && !e.json.contains("name")
                         && !e.json.contains("first_name") && !e.json.contains("last_name"))
                    early << ItemOutcome { item.key, std::nullopt, {}, item.contactId, false };
                else
                    updates << e;
            }
            auto asContacts = [](QList<ItemOutcome> outcomes) {
                for (ItemOutcome &o : outcomes) {
                    if (o.contactId.isEmpty())
                        o.contactId = o.dealId;
                    o.dealId.clear();
                }
                return outcomes;
            };
            auto createPlan = std::make_shared<AmoBatchSender::Plan>();
            createPlan->send
                = [this](const QJsonArray &body, const CallMeta &meta, AmoApiClient::JsonCallback answer) {
                      m_api.createContacts(body, std::move(answer), meta);
                  };
            createPlan->read = AmoBatchSender::readEmbedded(QStringLiteral("contacts"));
            auto updatePlan = std::make_shared<AmoBatchSender::Plan>(*createPlan);
            updatePlan->send
                = [this](const QJsonArray &body, const CallMeta &meta, AmoApiClient::JsonCallback answer) {
                      m_api.updateContacts(body, std::move(answer), meta);
                  };
            const BatchCallback ordered = inCallersOrder(keys, done);
            sendInBatches(creates, kBatch, createPlan, {}, [=, this](QList<ItemOutcome> created) {
                sendInBatches(updates, kBatch, updatePlan, {}, [=](QList<ItemOutcome> updated) {
                    ordered(early + asContacts(created + updated));
                });
            });
        });
}

} // namespace Crm::AmoCrm
