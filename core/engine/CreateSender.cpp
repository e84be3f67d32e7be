// SPDX-License-Identifier: GPL-3.0-or-later
#include "CreateSender.h"

#include "model/FormSubmission.h"
#include "storage/Transaction.h"

#include <QCoreApplication>
#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcEngine)

namespace Engine {

using Common::Error;
using Common::ErrorKind;
using Store::Job;

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("Engine::LaneWorker", text);
}
} // namespace

CreateSender::CreateSender(std::shared_ptr<Storage::Database> db, const LaneConfig *config,
                           Crm::CrmConnector *connector, Store::JobRepo *jobs, Store::EntityLinkRepo *links,
                           Store::ContactIndexRepo *contacts, const Common::Clock *clock, Lane lane)
    : m_db(std::move(db))
    , m_config(config)
    , m_connector(connector)
    , m_jobs(jobs)
    , m_links(links)
    , m_contacts(contacts)
    , m_clock(clock)
    , m_lane(std::move(lane))
{ }

void CreateSender::send(const BatchPlan &plan, Done done)
{
    if (!plan.deferred.isEmpty())
        m_lane.release(plan.deferred, m_clock->nowMs());
    if (plan.creates.isEmpty()) {
        done(true);
        return;
    }
    QList<PlannedCreate> planned;
    {
        // Committed before anything goes out: after a crash these jobs are reconciled, never resent blind.
        Storage::Transaction tx(*m_db);
        for (const PlannedCreate &p : plan.creates) {
            if (!m_jobs->markSending(p.candidate.jobId, m_config->owner))
                continue;
            planned.append(p);
        }
        if (auto committed = tx.commit(); !committed) {
            qCWarning(lcEngine) << "lane" << m_config->owner
                                << "cannot mark jobs sending:" << committed.error().toString();
            done(false);
            return;
        }
    }
    sendCreates(planned, done);
}

/** Deals first, then (when forms go to the CRM's inbox) the forms; each job settled from its own item. */
void CreateSender::sendCreates(const QList<PlannedCreate> &planned, const Done &done)
{
    QList<PlannedCreate> deals;
    QList<PlannedCreate> inbox;
    for (const PlannedCreate &p : planned)
        (m_config->formsToInbox && p.candidate.draft.sourceKind == QLatin1String("form") ? inbox : deals)
            .append(p);
    auto sendInbox = [this, inbox, done] {
        if (inbox.isEmpty()) {
            done(true);
            return;
        }
        QList<Crm::InboxLeadCreate> items;
        for (const PlannedCreate &p : inbox) {
            const Model::FormSubmission form
                = Model::FormSubmission::fromJson(m_lane.jobOf(p.candidate.jobId).payload);
            const Crm::WebRequestInfo request { form.formName, form.formName, form.pageUrl, form.clientIp,
                                                form.receivedAt.isValid() ? form.receivedAt.toSecsSinceEpoch()
                                                                          : 0 };
            items.append(
                { QString::number(p.candidate.jobId), p.candidate.draft, p.existingContactId, request });
        }
        m_connector->createInboxLeads(items, [this, inbox, done](QList<Crm::ItemOutcome> outcomes) {
            settleOutcomes(inbox, outcomes);
            done(true);
        });
    };
    if (deals.isEmpty()) {
        sendInbox();
        return;
    }
    QList<Crm::DealCreate> creates;
    for (const PlannedCreate &p : deals)
        creates.append({ QString::number(p.candidate.jobId), p.candidate.draft, p.existingContactId });
    m_connector->createDeals(creates, [this, deals, sendInbox](QList<Crm::ItemOutcome> outcomes) {
        settleOutcomes(deals, outcomes);
        sendInbox();
    });
}

void CreateSender::settleOutcomes(const QList<PlannedCreate> &planned,
                                  const QList<Crm::ItemOutcome> &outcomes)
{
    QHash<QString, Crm::ItemOutcome> byKey;
    for (const Crm::ItemOutcome &outcome : outcomes)
        byKey.insert(outcome.key, outcome);
    Storage::Transaction tx(*m_db);
    for (const PlannedCreate &p : planned) {
        const Job job = m_lane.jobOf(p.candidate.jobId);
        const auto it = byKey.constFind(QString::number(p.candidate.jobId));
        if (it == byKey.cend()) {
            m_lane.settleError(
                job, Error::transient(QStringLiteral("The CRM's answer had no item for this job")), true);
            continue;
        }
        if (it->error) {
            // A rejected item was not created; a transient failure (timeout, 5xx) may have been.
            m_lane.settleError(job, *it->error,
                               it->error->isRetryable() || it->error->kind == ErrorKind::Unavailable);
            continue;
        }
        auto linked
            = m_links->link({ m_config->connectionId, p.candidate.draft.sourceKind,
                              Store::EntityLinkRepo::scopedSourceId(job.source, p.candidate.draft.sourceId),
                              QStringLiteral("lead"), it->dealId });
        if (!linked) {
            m_lane.settleError(job, linked.error(), false);
            continue;
        }
        if (!it->contactId.isEmpty() && p.existingContactId.isEmpty())
            if (auto remembered = m_contacts->remember(m_config->connectionId, it->contactId,
                                                       p.candidate.phones, p.candidate.emails);
                !remembered) {
                // Not fatal: the next contacts refresh from the CRM fills the index in.
                qCWarning(lcEngine) << "lane" << m_config->owner << "cannot index contact" << it->contactId;
            }
        // The deal exists even when a follow-up (extra fields, the note) failed: it is never created
        // again, and the operator reads what is missing in the message.
        QString message = tr("Deal %1").arg(it->dealId);
        if (it->error)
            message = tr("Deal %1, but: %2").arg(it->dealId, it->error->message);
        else if (it->merged)
            message = tr("Merged into deal %1 by the CRM's duplicate control").arg(it->dealId);
        const QString outcome = it->error ? QStringLiteral("partial") : QStringLiteral("done");
        if (auto settled = m_jobs->settleDone(job.id, m_config->owner, outcome); settled)
            m_lane.created(job, p, *it, message);
    }
    if (auto committed = tx.commit(); !committed)
        qCWarning(lcEngine) << "lane" << m_config->owner
                            << "cannot settle a round:" << committed.error().toString();
}

} // namespace Engine
