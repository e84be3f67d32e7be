// SPDX-License-Identifier: GPL-3.0-or-later
#include "CrmConnector.h"

#include <QCoreApplication>
#include <QTimer>

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

QString followUpName(FollowUp step)
{
    switch (step) {
    case FollowUp::Fields:
        return QStringLiteral("fields");
    case FollowUp::Note:
        return QStringLiteral("note");
    case FollowUp::Products:
        return QStringLiteral("products");
    }
    return {};
}

std::optional<FollowUp> followUpFromName(const QString &name)
{
    for (FollowUp step : { FollowUp::Fields, FollowUp::Note, FollowUp::Products }) {
        if (name == followUpName(step))
            return step;
    }
    return std::nullopt;
}

QString followUpLabel(FollowUp step)
{
    switch (step) {
    case FollowUp::Fields:
        return QCoreApplication::translate("Crm::FollowUp", "fields beyond the first 40");
    case FollowUp::Note:
        return QCoreApplication::translate("Crm::FollowUp", "note");
    case FollowUp::Products:
        return QCoreApplication::translate("Crm::FollowUp", "products");
    }
    return {};
}

CreateResult createResultOf(const ItemOutcome &outcome)
{
    if (!outcome.dealId.isEmpty() && !outcome.error)
        return outcome.pendingFollowUps.isEmpty() ? CreateResult::Created
                                                  : CreateResult::CreatedFollowUpsPending;
    // A rejected item was not created; a transient failure (timeout, 5xx, a lost answer) may have been,
    // and so may an item the answer did not mention.
    if (outcome.error && !outcome.error->isRetryable()
        && outcome.error->kind != Common::ErrorKind::Unavailable)
        return CreateResult::Refused;
    return CreateResult::Unknown;
}

QList<FollowUp> CrmConnector::followUpsOf(const DealDraft &) const
{
    return {};
}

void CrmConnector::completeFollowUps(const QList<FollowUpWork> &items, BatchCallback done)
{
    QList<ItemOutcome> outcomes;
    for (const FollowUpWork &item : items) {
        ItemOutcome outcome;
        outcome.key = item.key;
        outcome.dealId = item.dealId;
        outcomes.append(outcome);
    }
    QTimer::singleShot(0, this, [outcomes, done] { done(outcomes); });
}

namespace {
Common::Error noCatalog(const QString &crm)
{
    return Common::Error::permanent(
        QStringLiteral("%1 has no product catalogue CRM Bridge can fill").arg(crm),
        QStringLiteral("no-catalog"));
}

Common::Error noCustomers(const QString &crm)
{
    return Common::Error::permanent(
        QCoreApplication::translate("Crm::CrmConnector",
                                    "%1 has no customers to take purchases: send the shop's sales as deals")
            .arg(crm),
        QStringLiteral("no-customers"));
}

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

void CrmConnector::upsertCatalogEntries(const QList<CatalogEntry> &items, BatchCallback done)
{
    QList<ItemOutcome> outcomes;
    for (const CatalogEntry &item : items)
        outcomes.append(ItemOutcome { item.key, noCatalog(crmName()), {}, {}, false, {}, {} });
    QTimer::singleShot(0, this, [outcomes, done] { done(outcomes); });
}

void CrmConnector::deleteCatalogEntries(const QList<CatalogEntry> &items, BatchCallback done)
{
    upsertCatalogEntries(items, std::move(done));
}

void CrmConnector::catalogElementsByExternalId(Callback<QHash<QString, QString>> done)
{
    const Common::Error error = noCatalog(crmName());
    QTimer::singleShot(0, this, [error, done] { done(error); });
}

void CrmConnector::catalogElementIds(Callback<QSet<QString>> done)
{
    const Common::Error error = noCatalog(crmName());
    QTimer::singleShot(0, this, [error, done] { done(error); });
}

void CrmConnector::sendPurchases(const QList<PurchaseSend> &items, BatchCallback done)
{
    QList<ItemOutcome> outcomes;
    for (const PurchaseSend &item : items) {
        ItemOutcome outcome;
        outcome.key = item.key;
        outcome.error = noCustomers(crmName());
        outcomes.append(outcome);
    }
    QTimer::singleShot(0, this, [outcomes, done] { done(outcomes); });
}

void CrmConnector::updateCustomers(const QList<CustomerUpdate> &items, BatchCallback done)
{
    QList<ItemOutcome> outcomes;
    for (const CustomerUpdate &item : items) {
        ItemOutcome outcome;
        outcome.key = item.key;
        outcome.error = noCustomers(crmName());
        outcomes.append(outcome);
    }
    QTimer::singleShot(0, this, [outcomes, done] { done(outcomes); });
}

} // namespace Crm
