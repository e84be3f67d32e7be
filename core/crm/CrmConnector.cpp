// SPDX-License-Identifier: GPL-3.0-or-later
#include "CrmConnector.h"

namespace Crm {

QString connectorStateName(ConnectorState state)
{
    switch (state) {
    case ConnectorState::Ready:
        return QStringLiteral("ready");
    case ConnectorState::NeedsSignIn:
        return QStringLiteral("needs-sign-in");
    case ConnectorState::Blocked:
        return QStringLiteral("blocked");
    case ConnectorState::PaymentRequired:
        return QStringLiteral("payment-required");
    }
    return QStringLiteral("unknown");
}

namespace {
Common::Error noWebhooks(const QString &crm)
{
    return Common::Error::permanent(
        QStringLiteral("%1 cannot post stage changes to a URL: use polling").arg(crm),
        QStringLiteral("no-webhooks"));
}
} // namespace

QString CrmConnector::noStageWebhooksAdvice() const
{
    return tr("%1 cannot post stage changes to a URL: use polling").arg(crmName());
}

void CrmConnector::registerStageWebhook(const QString &, Callback<void> done)
{
    done(noWebhooks(crmName()));
}

void CrmConnector::removeStageWebhook(const QString &, Callback<void> done)
{
    done(noWebhooks(crmName()));
}

void CrmConnector::createInboxLeads(const QList<InboxLeadCreate> &items, BatchCallback done)
{
    QList<DealCreate> deals;
    deals.reserve(items.size());
    for (const InboxLeadCreate &item : items)
        deals.append({ item.key, item.draft, item.existingContactId });
    createDeals(deals, std::move(done));
}

} // namespace Crm
