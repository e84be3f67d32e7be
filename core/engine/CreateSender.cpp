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
    return QCoreApplication::translate("Engine::CreateSender", text);
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
    QHash<qint64, qint64> floors;
    {
        // Committed before anything goes out: after a crash these jobs are reconciled, never resent blind.
        Storage::Transaction tx(*m_db);
        const qint64 floor = idFloor();
        for (const PlannedCreate &p : plan.creates) {
            auto marked = m_jobs->markSending(p.candidate.jobId, m_config->owner, floor);
            if (!marked)
                continue;
            floors.insert(p.candidate.jobId, marked.value());
            planned.append(p);
        }
        if (auto committed = tx.commit(); !committed) {
            qCWarning(lcEngine) << "lane" << m_config->owner
                                << "cannot mark jobs sending:" << committed.error().toString();
            done(false);
            return;
        }
    }
    sendCreates(planned, floors, done);
}

/** Deals first, then (when forms go to the CRM's inbox) the forms; each job settled from its own item. */
void CreateSender::sendCreates(const QList<PlannedCreate> &planned, const QHash<qint64, qint64> &floors,
                               const Done &done)
{
    // The floor markSending kept (the job's first send's).
    const auto jobFloor = [floors](qint64 jobId) { return floors.value(jobId); };
    QList<PlannedCreate> deals;
    QList<PlannedCreate> inbox;
    for (const PlannedCreate &p : planned)
        (m_config->formsToInbox && p.candidate.draft.sourceKind == QLatin1String("form") ? inbox : deals)
            .append(p);
    auto sendInbox = [this, inbox, done, jobFloor] {
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
            items.append({ QString::number(p.candidate.jobId), p.candidate.draft, p.existingContactId,
                           request, jobFloor(p.candidate.jobId) });
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
        creates.append({ QString::number(p.candidate.jobId), p.candidate.draft, p.existingContactId,
                         jobFloor(p.candidate.jobId) });
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
        const QString key = QString::number(p.candidate.jobId);
        const Crm::ItemOutcome outcome
            = byKey.value(key, Crm::ItemOutcome { key, {}, {}, {}, false, {}, {} });
        switch (Crm::createResultOf(outcome)) {
        case Crm::CreateResult::Refused:
            m_lane.settleError(job, *outcome.error, false);
            break;
        case Crm::CreateResult::Unknown:
            m_lane.settleError(
                job,
                outcome.error ? *outcome.error
                              : Error::transient(QStringLiteral("The CRM's answer had no item for this job")),
                true);
            break;
        case Crm::CreateResult::Created:
        case Crm::CreateResult::CreatedFollowUpsPending:
            if (p.existingContactId.isEmpty() && !outcome.contactId.isEmpty()) {
                if (auto remembered = m_contacts->remember(m_config->connectionId, outcome.contactId,
                                                           p.candidate.phones, p.candidate.emails);
                    !remembered) {
                    // Not fatal: the next contacts refresh from the CRM fills the index in.
                    qCWarning(lcEngine)
                        << "lane" << m_config->owner << "cannot index contact" << outcome.contactId;
                }
            }
            settleCreated(job, p, outcome,
                          outcome.merged
                              ? tr("Merged into deal %1 by the CRM's duplicate control").arg(outcome.dealId)
                              : tr("Deal %1").arg(outcome.dealId));
            break;
        }
    }
    if (auto committed = tx.commit(); !committed)
        qCWarning(lcEngine) << "lane" << m_config->owner
                            << "cannot settle a round:" << committed.error().toString();
}

void CreateSender::settleCreated(const Job &job, const PlannedCreate &planned,
                                 const Crm::ItemOutcome &outcome, const QString &message)
{
    m_highestDealId = std::max(m_highestDealId, outcome.dealId.toLongLong());
    QStringList pending;
    for (Crm::FollowUp step : outcome.pendingFollowUps)
        pending << Crm::followUpName(step);
    // The deal is recorded on the job and linked to its order before anything else: whatever fails
    // later, this job never creates it again (its retries and resends finish the follow-ups).
    if (auto recorded = m_jobs->recordCreated(job.id, m_config->owner, outcome.dealId, pending); !recorded) {
        qCWarning(lcEngine) << "lane" << m_config->owner << "cannot record deal" << outcome.dealId << "of job"
                            << job.id << recorded.error().toString();
        return;
    }
    Job recordedJob = job;
    recordedJob.crmId = outcome.dealId;
    recordedJob.step = pending.isEmpty() ? Store::JobStep::Complete : Store::JobStep::FollowUps;
    recordedJob.pendingFollowUps = pending;
    auto linked
        = m_links->link({ m_config->connectionId, planned.candidate.draft.sourceKind,
                          Store::EntityLinkRepo::scopedSourceId(job.source, planned.candidate.draft.sourceId),
                          QStringLiteral("lead"), outcome.dealId });
    if (!linked) {
        // The deal is on the job: the retry links it and does nothing else.
        m_lane.settleError(recordedJob, linked.error(), false);
        return;
    }
    if (!pending.isEmpty()) {
        m_lane.followUpsPending(recordedJob, outcome);
        return;
    }
    if (auto settled = m_jobs->settleDone(job.id, m_config->owner, QStringLiteral("done")); settled)
        m_lane.created(recordedJob, planned, outcome, message);
}

void CreateSender::completeFollowUps(const QList<CreateCandidate> &candidates, std::function<void()> done)
{
    if (candidates.isEmpty()) {
        done();
        return;
    }
    QList<Crm::FollowUpWork> work;
    for (const CreateCandidate &c : candidates) {
        const Job job = m_lane.jobOf(c.jobId);
        QList<Crm::FollowUp> steps;
        for (const QString &name : job.pendingFollowUps) {
            if (auto step = Crm::followUpFromName(name))
                steps << *step;
        }
        work.append({ QString::number(c.jobId), job.crmId, c.draft, steps });
    }
    m_connector->completeFollowUps(work, [this, candidates, done](QList<Crm::ItemOutcome> outcomes) {
        QHash<QString, Crm::ItemOutcome> byKey;
        for (const Crm::ItemOutcome &outcome : outcomes)
            byKey.insert(outcome.key, outcome);
        Storage::Transaction tx(*m_db);
        for (const CreateCandidate &c : candidates) {
            const Job job = m_lane.jobOf(c.jobId);
            Crm::ItemOutcome outcome = byKey.value(QString::number(c.jobId));
            if (outcome.key.isEmpty()) {
                outcome.key = QString::number(c.jobId);
                outcome.dealId = job.crmId;
                outcome.followUpError
                    = Error::transient(QStringLiteral("The CRM's answer had no item for this job"));
                for (const QString &name : job.pendingFollowUps) {
                    if (auto step = Crm::followUpFromName(name))
                        outcome.pendingFollowUps << *step;
                }
            }
            outcome.dealId = job.crmId;
            QStringList added;
            for (const QString &name : job.pendingFollowUps) {
                if (auto step = Crm::followUpFromName(name);
                    step && !outcome.pendingFollowUps.contains(*step))
                    added << Crm::followUpLabel(*step);
            }
            settleCreated(job, PlannedCreate { c, {} }, outcome,
                          added.isEmpty()
                              ? tr("Deal %1").arg(job.crmId)
                              : tr("Deal %1: %2 added").arg(job.crmId, added.join(QStringLiteral(", "))));
        }
        if (auto committed = tx.commit(); !committed)
            qCWarning(lcEngine) << "lane" << m_config->owner
                                << "cannot settle follow-ups:" << committed.error().toString();
        done();
    });
}

qint64 CreateSender::idFloor()
{
    if (m_highestDealId < 0) {
        auto highest = m_links->highestCrmId(m_config->connectionId, QStringLiteral("lead"));
        if (!highest)
            return 0; // unknown: reconciliation then reads every deal, which is slow but right
        m_highestDealId = highest.value();
    }
    return m_highestDealId;
}

} // namespace Engine
