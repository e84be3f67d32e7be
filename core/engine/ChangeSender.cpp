// SPDX-License-Identifier: GPL-3.0-or-later
#include "ChangeSender.h"

#include "BatchPlanner.h"
#include "model/Customer.h"
#include "model/ShopOrder.h"

#include <QCoreApplication>

namespace Engine {

using Common::Error;

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("Engine::ChangeSender", text);
}
} // namespace

const QStringList &ChangeSender::kinds()
{
    static const QStringList k { QStringLiteral("order.changed"), QStringLiteral("customer.saved") };
    return k;
}

ChangeSender::ChangeSender(Crm::CrmConnector *connector, Store::EntityLinkRepo *links,
                           Store::ContactIndexRepo *contacts, const LaneConfig *config)
    : m_connector(connector)
    , m_links(links)
    , m_contacts(contacts)
    , m_config(config)
{ }

QString ChangeSender::sourceId(const Store::Job &job, const QString &id) const
{
    return Store::EntityLinkRepo::scopedSourceId(job.source, id);
}

void ChangeSender::send(const QList<Store::Job> &jobs, const BuilderFor &builderFor, Settle settle,
                        std::function<void()> done)
{
    QList<Crm::DealUpdate> updates;
    QList<Crm::ContactUpsert> upserts;
    QHash<QString, Store::Job> byKey;
    QHash<QString, QPair<QStringList, QStringList>> channels;
    for (const Store::Job &job : jobs) {
        const QString key = QString::number(job.id);
        if (job.kind == QLatin1String("order.changed")) {
            const Model::ShopOrder order = Model::ShopOrder::fromJson(job.payload);
            auto draft = builderFor(job.source).build(order);
            if (!draft) {
                settle(job, draft.error());
                continue;
            }
            auto deal = m_links->crmIdFor(m_config->connectionId, QStringLiteral("order"),
                                          sourceId(job, order.id), QStringLiteral("lead"));
            if (!deal) {
                settle(job, deal.error());
                continue;
            }
            if (!deal->has_value()) {
                settle(job,
                       Error::transient(tr("The order's deal is not in the CRM yet; the change waits for it"),
                                        QStringLiteral("deal-not-yet")));
                continue;
            }
            updates.append({ key, **deal, draft.value() });
            byKey.insert(key, job);
            continue;
        }
        // customer.saved: the contact side of the orders mapping, applied to the profile.
        Model::ShopOrder asOrder;
        asOrder.customer = Model::Customer::fromJson(job.payload);
        asOrder.id = QStringLiteral("customer-") + asOrder.customer.id;
        auto draft = builderFor(job.source).build(asOrder);
        if (!draft) {
            settle(job, draft.error());
            continue;
        }
        Crm::ContactUpsert upsert { key, {}, draft->contact };
        if (upsert.contact.isEmpty()) {
            settle(job,
                   Error::permanent(tr("The profile has no name, phone or email to send"),
                                    QStringLiteral("empty-contact")));
            continue;
        }
        QStringList phones, emails;
        BatchPlanner::channelsOf(draft.value(), m_config->phoneRegion, &phones, &emails);
        auto linked = asOrder.customer.id.isEmpty()
            ? Common::Result<std::optional<QString>>(std::optional<QString>())
            : m_links->crmIdFor(m_config->connectionId, QStringLiteral("customer"),
                                sourceId(job, asOrder.customer.id), QStringLiteral("contact"));
        auto found = linked && linked->has_value()
            ? Common::Result<std::optional<QString>>(*linked)
            : m_contacts->find(m_config->connectionId, phones, emails, m_config->matchRule);
        if (!found) {
            settle(job, found.error());
            continue;
        }
        upsert.contactId = found->value_or(QString());
        upserts.append(upsert);
        byKey.insert(key, job);
        channels.insert(key, { phones, emails });
    }
    if (updates.isEmpty()) {
        sendContacts(upserts, byKey, channels, settle, done);
        return;
    }
    m_connector->updateDeals(updates, [=, this](QList<Crm::ItemOutcome> outcomes) {
        for (const Crm::ItemOutcome &o : outcomes) {
            if (o.error)
                settle(byKey.value(o.key), *o.error);
            else
                settle(byKey.value(o.key), tr("Deal %1 updated").arg(o.dealId));
        }
        sendContacts(upserts, byKey, channels, settle, done);
    });
}

void ChangeSender::sendContacts(QList<Crm::ContactUpsert> upserts, QHash<QString, Store::Job> byKey,
                                QHash<QString, QPair<QStringList, QStringList>> channels, Settle settle,
                                std::function<void()> done)
{
    if (upserts.isEmpty()) {
        done();
        return;
    }
    QHash<QString, bool> existed;
    for (const Crm::ContactUpsert &u : upserts)
        existed.insert(u.key, !u.contactId.isEmpty());
    m_connector->upsertContacts(upserts, [=, this](QList<Crm::ItemOutcome> outcomes) {
        for (const Crm::ItemOutcome &o : outcomes) {
            const Store::Job job = byKey.value(o.key);
            if (o.error) {
                settle(job, *o.error);
                continue;
            }
            const auto [phones, emails] = channels.value(o.key);
            // Not fatal: the index refresh and the link are conveniences; the contact is in the CRM.
            (void)m_contacts->remember(m_config->connectionId, o.contactId, phones, emails);
            const Model::Customer customer = Model::Customer::fromJson(job.payload);
            if (!customer.id.isEmpty())
                (void)m_links->link({ m_config->connectionId, QStringLiteral("customer"),
                                      sourceId(job, customer.id), QStringLiteral("contact"), o.contactId });
            settle(job,
                   existed.value(o.key) ? tr("Contact %1 updated").arg(o.contactId)
                                        : tr("Contact %1 created").arg(o.contactId));
        }
        done();
    });
}

} // namespace Engine
