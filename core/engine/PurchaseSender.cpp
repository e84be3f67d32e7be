// SPDX-License-Identifier: GPL-3.0-or-later
#include "PurchaseSender.h"

#include "BatchPlanner.h"
#include "model/Customer.h"
#include "model/ShopOrder.h"
#include "model/SourceFieldCatalogue.h"

#include <QCoreApplication>

namespace Engine {

using Common::Error;
using Store::Job;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Engine::PurchaseSender", text);
}

} // namespace

const QStringList &PurchaseSender::kinds()
{
    static const QStringList k { QStringLiteral("purchase.made") };
    return k;
}

bool PurchaseSender::carriesCustomerFields(const Job &job)
{
    if (job.kind != QLatin1String("customer.saved"))
        return false;
    // A MoySklad buyer (its counterparty type), or any profile with a bonus card or points.
    const QJsonObject extra = job.payload.value("extra").toObject();
    return extra.contains("bonus_card") || extra.contains("bonus_points") || extra.contains("company_type");
}

PurchaseSender::PurchaseSender(Crm::CrmConnector *connector, Store::JobRepo *jobs,
                               Store::EntityLinkRepo *links, Store::ContactIndexRepo *contacts,
                               const LaneConfig *config, Lane lane)
    : m_connector(connector)
    , m_jobs(jobs)
    , m_links(links)
    , m_contacts(contacts)
    , m_config(config)
    , m_lane(std::move(lane))
{ }

QString PurchaseSender::scoped(const Job &job, const QString &id) const
{
    return Store::EntityLinkRepo::scopedSourceId(job.source, id);
}

void PurchaseSender::send(QList<Job> jobs, BuilderFor builderFor, std::function<void()> done)
{
    sendAt(std::move(jobs), 0, std::move(builderFor), std::move(done));
}

void PurchaseSender::sendAt(QList<Job> jobs, int index, BuilderFor builderFor, std::function<void()> done)
{
    if (index >= jobs.size()) {
        done();
        return;
    }
    const Job job = jobs[index];
    auto next = [this, jobs, index, builderFor, done] { sendAt(jobs, index + 1, builderFor, done); };
    if (!m_connector->hasCustomers()) {
        m_connector->sendPurchases({ Crm::PurchaseSend { QString::number(job.id) } },
                                   [this, job, next](QList<Crm::ItemOutcome> outcomes) {
                                       m_lane.failed(job,
                                                     outcomes.value(0).error.value_or(
                                                         Error::permanent(tr("This CRM has no customers"))),
                                                     false);
                                       next();
                                   });
        return;
    }
    // The contact side of the orders mapping, applied to the sale (or to the saved profile).
    const bool purchase = job.kind == QLatin1String("purchase.made");
    Model::ShopOrder sale;
    if (purchase) {
        sale = Model::ShopOrder::fromJson(job.payload);
    } else {
        sale.customer = Model::Customer::fromJson(job.payload);
        sale.id = QStringLiteral("customer-") + sale.customer.id;
    }
    auto draft = builderFor(job.source).build(sale);
    if (!draft) {
        m_lane.failed(job, draft.error(), false);
        next();
        return;
    }
    const Mapping::CrmTexts texts = builderFor(job.source).texts();
    resolveBuyer(
        job, draft.value(), sale.customer,
        [this, job, purchase, sale, texts, draft = draft.value(), next](Common::Result<Buyer> buyer) {
            if (!buyer) {
                m_lane.failed(job, buyer.error(), job.state == Store::JobState::Sending);
                next();
                return;
            }
            if (purchase)
                sendPurchase(job, draft, sale, texts, buyer.value(), next);
            else
                sendFields(job, sale.customer, buyer.value(), next);
        });
}

void PurchaseSender::resolveBuyer(const Job &job, const Crm::DealDraft &draft,
                                  const Model::Customer &customer,
                                  std::function<void(Common::Result<Buyer>)> then)
{
    Buyer buyer;
    buyer.name = draft.contact.name.isEmpty() ? customer.name : draft.contact.name;
    if (!customer.id.isEmpty()) {
        auto linked = m_links->crmIdFor(m_config->connectionId, QStringLiteral("customer"),
                                        scoped(job, customer.id), QStringLiteral("customer"));
        if (!linked) {
            then(linked.error());
            return;
        }
        buyer.customerId = linked->value_or(QString());
    }
    QStringList phones, emails;
    BatchPlanner::channelsOf(draft, m_config->phoneRegion, &phones, &emails);
    auto contact = customer.id.isEmpty()
        ? Common::Result<std::optional<QString>>(std::optional<QString>())
        : m_links->crmIdFor(m_config->connectionId, QStringLiteral("customer"), scoped(job, customer.id),
                            QStringLiteral("contact"));
    if (contact && !contact->has_value())
        contact = m_contacts->find(m_config->connectionId, phones, emails, m_config->matchRule);
    if (!contact) {
        then(contact.error());
        return;
    }
    auto remember = [this, job, customer, phones, emails](const QString &contactId) {
        // Not fatal: the index and the link are conveniences; the contact is in the CRM.
        (void)m_contacts->remember(m_config->connectionId, contactId, phones, emails);
        if (!customer.id.isEmpty())
            (void)m_links->link({ m_config->connectionId, QStringLiteral("customer"),
                                  scoped(job, customer.id), QStringLiteral("contact"), contactId });
    };
    if (contact->has_value()) {
        buyer.contactId = **contact;
        remember(buyer.contactId);
        then(buyer);
        return;
    }
    if (draft.contact.isEmpty()) {
        then(Error::permanent(tr("The buyer has no name, phone or email to make a contact of"),
                              QStringLiteral("empty-contact")));
        return;
    }
    const QString key = QString::number(job.id);
    m_connector->upsertContacts(
        { Crm::ContactUpsert { key, {}, draft.contact } },
        [buyer, remember, then](QList<Crm::ItemOutcome> outcomes) mutable {
            const Crm::ItemOutcome outcome = outcomes.value(0);
            if (outcome.error || outcome.contactId.isEmpty()) {
                then(outcome.error.value_or(Error::transient(tr("The CRM made no contact for the buyer"))));
                return;
            }
            buyer.contactId = outcome.contactId;
            remember(buyer.contactId);
            then(buyer);
        });
}

void PurchaseSender::linkCustomer(const Job &job, const QString &shopCustomerId, const QString &crmCustomerId)
{
    if (shopCustomerId.isEmpty() || crmCustomerId.isEmpty())
        return;
    (void)m_links->link({ m_config->connectionId, QStringLiteral("customer"), scoped(job, shopCustomerId),
                          QStringLiteral("customer"), crmCustomerId });
}

void PurchaseSender::sendPurchase(const Job &job, const Crm::DealDraft &draft, const Model::ShopOrder &sale,
                                  const Mapping::CrmTexts &texts, const Buyer &buyer,
                                  std::function<void()> next)
{
    const QStringList pending = job.pendingFollowUps;
    if (job.dealExists() && !pending.contains(Crm::followUpName(Crm::FollowUp::Note))) {
        m_lane.done(job, tr("Purchase %1 on customer %2").arg(job.crmId, buyer.customerId));
        next();
        return;
    }
    const bool mayExist = job.state == Store::JobState::Sending || job.step == Store::JobStep::Unconfirmed;
    if (!job.dealExists() && !mayExist) {
        // From here on a retry, a restart or a resend looks for the transaction before adding one.
        if (auto marked = m_jobs->markSending(job.id, m_config->owner); !marked) {
            m_lane.failed(job, marked.error(), false);
            next();
            return;
        }
    }
    Crm::PurchaseSend item;
    item.key = QString::number(job.id);
    item.contactId = buyer.contactId;
    item.customerId = buyer.customerId;
    item.customerName = buyer.name;
    item.amount = sale.cost;
    item.completedAt = sale.createdAt.isValid() ? sale.createdAt.toSecsSinceEpoch() : 0;
    item.comment = Mapping::purchaseComment(sale, texts);
    item.note = Mapping::purchaseNote(sale, texts);
    item.products = m_lane.products(job, draft);
    item.mayExist = mayExist;
    item.transactionId = job.crmId;
    m_connector->sendPurchases({ item }, [this, job, sale, next](QList<Crm::ItemOutcome> outcomes) {
        const Crm::ItemOutcome outcome = outcomes.value(0);
        if (outcome.error) {
            m_lane.failed(job, *outcome.error, true);
            next();
            return;
        }
        linkCustomer(job, sale.customer.id, outcome.customerId);
        QStringList left;
        for (Crm::FollowUp step : outcome.pendingFollowUps)
            left << Crm::followUpName(step);
        if (auto recorded = m_jobs->recordCreated(job.id, m_config->owner, outcome.dealId, left); !recorded) {
            m_lane.failed(job, recorded.error(), true);
            next();
            return;
        }
        if (!left.isEmpty())
            m_lane.followUps(job, outcome);
        else
            m_lane.done(job, tr("Purchase %1 on customer %2").arg(outcome.dealId, outcome.customerId));
        next();
    });
}

void PurchaseSender::sendFields(const Job &job, const Model::Customer &customer, const Buyer &buyer,
                                std::function<void()> next)
{
    Crm::CustomerUpdate update;
    update.key = QString::number(job.id);
    update.contactId = buyer.contactId;
    update.customerId = buyer.customerId;
    update.customerName = buyer.name;
    const QJsonObject extra = customer.extra;
    if (extra.contains("bonus_card"))
        update.values.append(
            { Crm::CustomerUpdate::bonusCardField(), false, extra.value("bonus_card").toString() });
    const bool points = extra.contains("bonus_points");
    const double balance = extra.value("bonus_points").toDouble();
    if (points) {
        update.values.append({ Crm::CustomerUpdate::bonusPointsField(), true,
                               Model::SourceFieldCatalogue::formatNumber(balance) });
        // Before the write: the change it makes in the CRM comes back as one to a known value.
        if (!buyer.customerId.isEmpty()) {
            if (auto known = m_lane.pointsKnown(buyer.customerId, balance); !known) {
                m_lane.failed(job, known.error(), false);
                next();
                return;
            }
        }
    }
    m_connector->updateCustomers(
        { update }, [this, job, customer, points, balance, next](QList<Crm::ItemOutcome> outcomes) {
            const Crm::ItemOutcome outcome = outcomes.value(0);
            if (outcome.error) {
                m_lane.failed(job, *outcome.error, false);
                next();
                return;
            }
            linkCustomer(job, customer.id, outcome.customerId);
            // A customer made by this update: its value is known from now on (until then
            // PointsBackSync takes the shop's balance, which is this one).
            if (points)
                (void)m_lane.pointsKnown(outcome.customerId, balance);
            m_lane.done(job, tr("Customer %1 updated").arg(outcome.customerId));
            next();
        });
}

} // namespace Engine
