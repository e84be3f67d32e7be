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
    }
    return {};
}

std::optional<FollowUp> followUpFromName(const QString &name)
{
    for (FollowUp step : { FollowUp::Fields, FollowUp::Note }) {
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
