// SPDX-License-Identifier: GPL-3.0-or-later
#include "StageMoveBatch.h"

#include "mapping/MappingRepo.h"
#include "model/StatusChange.h"
#include "store/ConnectionRepo.h"
#include "store/EchoGuardRepo.h"
#include "store/EntityLinkRepo.h"

#include <QCoreApplication>
#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcEngine)

namespace Engine {

using Common::Error;
using Store::Job;

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("Engine::StageMoveBatch", text);
}
} // namespace

StageMoveBatch::StageMoveBatch(std::shared_ptr<Storage::Database> db, const LaneConfig &config,
                               Crm::CrmConnector *connector, const Common::Clock *clock,
                               JobSettler::Settled settled)
    : m_db(db)
    , m_config(config)
    , m_connector(connector)
    , m_clock(clock)
    , m_jobs(std::move(db), clock)
    , m_settler(m_jobs, m_config, clock, std::move(settled))
{ }

QString StageMoveBatch::echoSource(qint64 connectionId)
{
    return QStringLiteral("crm:%1").arg(connectionId);
}

QString StageMoveBatch::echoStage(const QString &pipelineId, const QString &stageId)
{
    return pipelineId + QLatin1Char(':') + stageId;
}

bool StageMoveBatch::run(Finished finished)
{
    auto leased = m_jobs.lease(m_config.owner, std::clamp(m_config.leaseMax, 1, kMovesPerRound),
                               m_config.leaseMs, m_config.connectionId, { jobKind() });
    if (!leased) {
        qCWarning(lcEngine) << "lane" << m_config.owner
                            << "cannot lease status changes:" << leased.error().toString();
        return false;
    }
    if (leased->isEmpty())
        return false;
    m_settler.resetCounts();

    auto mapping = Mapping::MappingRepo(m_db, m_clock).load(m_config.connectionId);
    auto connection = Store::ConnectionRepo(m_db, m_clock).byId(m_config.connectionId);
    if (!mapping || !connection || !mapping->has_value()) {
        // No status map yet (the first create round saves the defaults) or the store failed: later.
        for (const Job &job : *leased)
            m_settler.release(job, m_clock->nowMs() + 5'000);
        finished(0, 0);
        return true;
    }
    const Mapping::StatusMap &statuses = (*mapping)->statuses;
    const QString lossReason = connection->config.value(QLatin1String("loss_reason_id")).toString();
    Store::EntityLinkRepo links(m_db, m_clock);

    // The newest change of each order wins within a round; the ones it supersedes are done.
    QHash<QString, Job> latest;
    for (const Job &job : *leased) {
        const auto it = latest.find(Store::EntityLinkRepo::scopedSourceId(job.source, job.sourceRef));
        if (it == latest.end()) {
            latest.insert(Store::EntityLinkRepo::scopedSourceId(job.source, job.sourceRef), job);
            continue;
        }
        Job older = job;
        if (it->id < job.id)
            std::swap(older, *it);
        m_settler.done(older, QStringLiteral("skipped"), tr("A newer status change of the order follows"));
    }

    QList<Move> moves;
    Store::EchoGuardRepo echo(m_db, m_clock);
    for (const Job &job : std::as_const(latest)) {
        const Model::StatusChange change = Model::StatusChange::fromJson(job.payload);
        const QString orderId = change.orderId.isEmpty() ? job.sourceRef : change.orderId;
        auto deal = links.crmIdFor(m_config.connectionId, QStringLiteral("order"),
                                   Store::EntityLinkRepo::scopedSourceId(job.source, orderId),
                                   QStringLiteral("lead"));
        if (!deal) {
            m_settler.fail(job, deal.error());
            continue;
        }
        if (!deal->has_value()) {
            // The order's deal may still be on its way (its create job is queued or being sent).
            m_settler.fail(job,
                           Error::transient(tr("Order %1 has no deal in the CRM yet").arg(job.reference)));
            continue;
        }
        const Mapping::StageDecision decision = statuses.stageForShopStatus(change.toStatus);
        if (decision.action != Mapping::StageDecision::Action::SetStage) {
            m_settler.done(job, QStringLiteral("skipped"), decision.explanation);
            continue;
        }
        Move m;
        m.job = job;
        m.move = { QString::number(job.id), **deal, decision.pipelineId, decision.stageId, {} };
        if (decision.stageId == QLatin1String("143"))
            m.move.lossReasonId = lossReason;
        if ((*mapping)->codes.isPaidStatus(change.toStatus))
            m.move.paidPaymentStatus = (*mapping)->codes.paidPaymentStatus;
        if (m_connector->stageNoticesIncludeOwnMoves()) {
            auto mark = echo.expect(echoSource(m_config.connectionId), m.move.dealId,
                                    echoStage(m.move.pipelineId, m.move.stageId));
            if (!mark) {
                m_settler.fail(job, mark.error());
                continue;
            }
            m.echoMark = mark.value();
        }
        moves.append(m);
    }
    if (moves.isEmpty()) {
        finished(m_settler.doneCount(), m_settler.failedCount());
        return true;
    }
    QList<Crm::StageMove> items;
    for (const Move &m : std::as_const(moves))
        items.append(m.move);
    m_connector->moveDeals(items, [this, moves, finished](QList<Crm::ItemOutcome> outcomes) {
        settleMoves(moves, outcomes, finished);
    });
    return true;
}

void StageMoveBatch::settleMoves(const QList<Move> &moves, const QList<Crm::ItemOutcome> &outcomes,
                                 Finished finished)
{
    QHash<QString, Crm::ItemOutcome> byKey;
    for (const Crm::ItemOutcome &outcome : outcomes)
        byKey.insert(outcome.key, outcome);
    Store::EchoGuardRepo echo(m_db, m_clock);
    for (const Move &m : moves) {
        const auto it = byKey.constFind(m.move.key);
        const std::optional<Error> error = it == byKey.cend()
            ? std::optional<Error>(Error::transient(tr("The CRM's answer had no item for this move")))
            : it->error;
        if (error) {
            // Not moved: a later notice of this stage is a manager's, not our echo.
            if (m.echoMark != 0)
                (void)echo.discard(m.echoMark);
            m_settler.fail(m.job, *error);
            continue;
        }
        m_settler.done(m.job, QStringLiteral("done"),
                       tr("Deal %1 moved to stage %2 in pipeline %3")
                           .arg(m.move.dealId, m.move.stageId, m.move.pipelineId));
    }
    finished(m_settler.doneCount(), m_settler.failedCount());
}

} // namespace Engine
