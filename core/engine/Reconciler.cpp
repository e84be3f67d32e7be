// SPDX-License-Identifier: GPL-3.0-or-later
#include "Reconciler.h"

#include "storage/Transaction.h"

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcEngine)

namespace Engine {

using Store::Job;

Reconciler::Reconciler(std::shared_ptr<Storage::Database> db, const LaneConfig *config,
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

void Reconciler::run(const QList<CreateCandidate> &sending, Then then)
{
    QHash<QString, CreateCandidate> byExternalId;
    qint64 floor = -1;
    qint64 queuedSince = m_clock->nowMs() / 1000;
    for (const CreateCandidate &candidate : sending) {
        byExternalId.insert(m_connector->crmExternalIdOf(candidate.draft), candidate);
        const Job job = m_lane.jobOf(candidate.jobId);
        floor = floor < 0 ? job.crmFloor : std::min(floor, job.crmFloor);
        queuedSince = std::min(queuedSince, job.createdAt / 1000);
    }
    if (byExternalId.isEmpty()) {
        then(QList<CreateCandidate>());
        return;
    }
    // By the external id written into each deal, among the deals above the jobs' id floor: no clock
    // is compared with the CRM's (a skewed engine clock once made second deals).
    m_connector->findDealsByExternalIds(
        byExternalId.keys(), std::max<qint64>(0, floor),
        [this, byExternalId, queuedSince, then](Common::Result<QMap<QString, Crm::FoundDeal>> found) {
            if (!found) {
                for (const CreateCandidate &c : std::as_const(byExternalId))
                    m_lane.settleError(m_lane.jobOf(c.jobId), found.error(), true);
                then(QList<CreateCandidate>());
                return;
            }
            if (found->isEmpty()) {
                settle(byExternalId, {}, then);
                return;
            }
            // Those deals brought contacts the index has not seen (their answer was lost): learn them
            // before settling and before planning anything, so a person's next order links the same
            // contact. Contacts changed since the oldest found deal was made, on the CRM's own clock
            // (the CRM says when); only a CRM that does not say falls back to when the jobs were queued.
            qint64 since = 0;
            for (const Crm::FoundDeal &deal : found.value()) {
                if (deal.createdAt > 0)
                    since = since == 0 ? deal.createdAt : std::min(since, deal.createdAt);
            }
            since = since > 0 ? since - 60 : queuedSince - 600;
            indexContactsSince(
                since, 1, [this, byExternalId, then, found = found.value()](Common::Status indexed) {
                    if (!indexed) {
                        qCWarning(lcEngine)
                            << "lane" << m_config->owner
                            << "cannot read the CRM's new contacts:" << indexed.error().toString();
                        then(std::nullopt);
                        return;
                    }
                    settle(byExternalId, found, then);
                });
        });
}

void Reconciler::settle(const QHash<QString, CreateCandidate> &byExternalId,
                        const QMap<QString, Crm::FoundDeal> &found, const Then &then)
{
    QList<CreateCandidate> missing;
    Storage::Transaction tx(*m_db);
    for (auto it = byExternalId.cbegin(); it != byExternalId.cend(); ++it) {
        const QString dealId = found.value(it.key()).dealId;
        if (dealId.isEmpty()) {
            missing.append(it.value());
            continue;
        }
        const Job job = m_lane.jobOf(it.value().jobId);
        // The create's answer was lost, so were its follow-ups (or some): the deal is recorded with
        // all of them to do on it; fields are written again and a note is added once more at worst.
        QStringList pending;
        for (Crm::FollowUp step : m_connector->followUpsOf(it.value().draft))
            pending << Crm::followUpName(step);
        if (auto recorded = m_jobs->recordCreated(job.id, m_config->owner, dealId, pending); !recorded) {
            m_lane.settleError(job, recorded.error(), true);
            continue;
        }
        auto linked
            = m_links->link({ m_config->connectionId, it.value().draft.sourceKind,
                              Store::EntityLinkRepo::scopedSourceId(job.source, it.value().draft.sourceId),
                              QStringLiteral("lead"), dealId });
        if (!linked) {
            m_lane.settleError(job, linked.error(), false);
            continue;
        }
        if (!pending.isEmpty()) {
            // Due again at once, its attempt not used: the next round adds the follow-ups to this deal.
            (void)m_jobs->release(job.id, m_config->owner, m_clock->nowMs());
            continue;
        }
        if (m_jobs->settleDone(job.id, m_config->owner, QStringLiteral("reconciled")))
            m_lane.reconciled(job, dealId);
    }
    (void)tx.commit();
    then(missing);
}

void Reconciler::indexContactsSince(qint64 since, int page, std::function<void(Common::Status)> done)
{
    m_connector->contactsChangedSince(
        since, page, [this, since, page, done](Common::Result<Crm::ContactPage> answer) {
            if (!answer) {
                done(answer.error());
                return;
            }
            for (const Crm::ContactSummary &c : std::as_const(answer->contacts)) {
                if (auto kept = m_contacts->remember(m_config->connectionId, c.contactId, c.phones, c.emails,
                                                     c.updatedAt);
                    !kept) {
                    done(kept);
                    return;
                }
            }
            if (answer->hasMore)
                indexContactsSince(since, page + 1, done);
            else
                done({});
        });
}

} // namespace Engine
