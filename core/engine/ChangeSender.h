// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "LaneConfig.h"
#include "crm/CrmConnector.h"
#include "mapping/DraftBuilder.h"
#include "store/ContactIndexRepo.h"
#include "store/EntityLinkRepo.h"
#include "store/Job.h"

#include <functional>

namespace Engine {

/**
 * Sends changes to things the CRM has already: `order.changed` updates the order's deal through
 * updateDeals (the connector honours the mapping's update policies: "never" fields stay as the
 * managers left them) and `customer.saved` upserts the customer's contact — the one linked to the
 * customer, else the one the contact index matches under the lane's rule, else a new one. A change
 * to an order whose deal does not exist yet waits (a Transient error) for its create.
 * Lane thread; owned by the LaneWorker, which settles the jobs.
 */
class ChangeSender
{
public:
    static const QStringList &kinds(); ///< order.changed, customer.saved
    /** Per job: the message for the operator, or why it failed. */
    using Settle = std::function<void(const Store::Job &job, const Common::Result<QString> &outcome)>;

    ChangeSender(Crm::CrmConnector *connector, Store::EntityLinkRepo *links,
                 Store::ContactIndexRepo *contacts, const LaneConfig *config);

    /** The mapping for jobs of one shop source. */
    using BuilderFor = std::function<const Mapping::DraftBuilder &(const QString &source)>;

    /** Sends @p jobs with their sources' mappings; settles each through @p settle, then calls @p done. */
    void send(const QList<Store::Job> &jobs, const BuilderFor &builderFor, Settle settle,
              std::function<void()> done);

private:
    void sendContacts(QList<Crm::ContactUpsert> upserts, QHash<QString, Store::Job> byKey,
                      QHash<QString, QPair<QStringList, QStringList>> channels, Settle settle,
                      std::function<void()> done);
    QString sourceId(const Store::Job &job, const QString &id) const;

    Crm::CrmConnector *m_connector;
    Store::EntityLinkRepo *m_links;
    Store::ContactIndexRepo *m_contacts;
    const LaneConfig *m_config;
};

} // namespace Engine
