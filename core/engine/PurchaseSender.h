// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "LaneConfig.h"
#include "crm/CrmConnector.h"
#include "mapping/DraftBuilder.h"
#include "store/ContactIndexRepo.h"
#include "store/EntityLinkRepo.h"
#include "store/Job.h"
#include "store/JobRepo.h"

#include <functional>

namespace Engine {

/**
 * Sends a shop's retail sales (`purchase.made`) as purchases on the buyer's CRM customer, and keeps a
 * buyer's customer fields current (`customer.saved` carrying a bonus card or points: «Бонусная карта»,
 * «Бонусные баллы»). The buyer's contact is resolved as every contact is — the one linked to the
 * shop's customer, else the contact index's match under the lane's rule, else a new one — and the
 * CRM customer is the one linked, else the contact's, else a new one (Crm::PurchaseSend).
 *
 * Exactly once: the job is marked `sending` (step Unconfirmed) before the purchase goes out; a retry,
 * a restart or a resend of such a job makes the connector look the transaction up by its comment
 * (unique per sale) before it adds one. Once made, the transaction is the job's crmId and only a
 * missing note is left for a retry. A CRM without customers (RetailCRM) never gets here: the lane
 * sends its sales as orders. Lane thread; owned by the LaneWorker, which settles the jobs.
 */
class PurchaseSender
{
public:
    static const QStringList &kinds(); ///< purchase.made
    /** A customer.saved of a buyer the CRM keeps as a customer: a MoySklad buyer, or a profile with a
     *  bonus card or points (what the customer's fields keep). */
    static bool carriesCustomerFields(const Store::Job &job);

    struct Lane
    {
        std::function<void(const Store::Job &job, const Common::Error &error, bool mayExist)> failed;
        std::function<void(const Store::Job &job, const QString &message)> done;
        /** The transaction exists; its note failed (ItemOutcome::pendingFollowUps). */
        std::function<void(const Store::Job &job, const Crm::ItemOutcome &outcome)> followUps;
        /** The sale's lines that are in the CRM's catalogue. */
        std::function<QList<Crm::DraftProduct>(const Store::Job &job, const Crm::DealDraft &draft)> products;
        /** The bonus points this lane writes into a CRM customer's field, remembered before the write
         *  (and after, for a customer made by it) so PointsBackSync takes them for no one's grant. */
        std::function<Common::Status(const QString &crmCustomerId, double points)> pointsKnown;
    };
    using BuilderFor = std::function<const Mapping::DraftBuilder &(const QString &source)>;

    PurchaseSender(Crm::CrmConnector *connector, Store::JobRepo *jobs, Store::EntityLinkRepo *links,
                   Store::ContactIndexRepo *contacts, const LaneConfig *config, Lane lane);

    /** Sends @p jobs one after the other, settling each, then calls @p done. */
    void send(QList<Store::Job> jobs, BuilderFor builderFor, std::function<void()> done);

private:
    struct Buyer
    {
        QString contactId;
        QString customerId;
        QString name;
    };
    void sendAt(QList<Store::Job> jobs, int index, BuilderFor builderFor, std::function<void()> done);
    /** The buyer's contact (made when missing) and the CRM customer linked to the shop's customer. */
    void resolveBuyer(const Store::Job &job, const Crm::DealDraft &draft, const Model::Customer &customer,
                      std::function<void(Common::Result<Buyer>)> then);
    void sendPurchase(const Store::Job &job, const Crm::DealDraft &draft, const Model::ShopOrder &sale,
                      const Mapping::CrmTexts &texts, const Buyer &buyer, std::function<void()> next);
    void sendFields(const Store::Job &job, const Model::Customer &customer, const Buyer &buyer,
                    std::function<void()> next);
    void linkCustomer(const Store::Job &job, const QString &shopCustomerId, const QString &crmCustomerId);
    QString scoped(const Store::Job &job, const QString &id) const;

    Crm::CrmConnector *m_connector;
    Store::JobRepo *m_jobs;
    Store::EntityLinkRepo *m_links;
    Store::ContactIndexRepo *m_contacts;
    const LaneConfig *m_config;
    Lane m_lane;
};

} // namespace Engine
