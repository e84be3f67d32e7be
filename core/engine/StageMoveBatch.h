// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "JobSettler.h"
#include "LaneConfig.h"
#include "common/Clock.h"
#include "crm/CrmConnector.h"
#include "storage/Database.h"
#include "store/JobRepo.h"

#include <functional>
#include <memory>

namespace Engine {

/**
 * Shop → CRM status changes of one lane: leases the connection's `order.status` jobs (the shop
 * sources append them), maps each shop status to a (pipeline, stage) through the connection's status
 * map and moves the linked deals with the connector's moveDeals (PATCH batches); a move to amoCRM's
 * "lost" (143) carries the connection's loss reason (config "loss_reason_id") when there is one.
 * Each move is remembered in the echo guard (source echoSource()) before it goes out, so the CRM's
 * notice of our own move is not applied back to the shop by the status lane; not for a CRM whose
 * notices leave our own moves out (Crm::CrmConnector::stageNoticesIncludeOwnMoves()).
 *
 * Lives on the lane's thread, owned by its LaneWorker, which runs a round when no create is due.
 */
class StageMoveBatch
{
public:
    using Finished = std::function<void(int moved, int failed)>;

    StageMoveBatch(std::shared_ptr<Storage::Database> db, const LaneConfig &config,
                   Crm::CrmConnector *connector, const Common::Clock *clock, JobSettler::Settled settled);

    static QString jobKind() { return QStringLiteral("order.status"); }
    /** The echo guard's "source" for the moves a connection made, and its "status" of a stage. */
    static QString echoSource(qint64 connectionId);
    static QString echoStage(const QString &pipelineId, const QString &stageId);

    /** Leases and sends one round; false (nothing leased, finished not called) when none is due. */
    bool run(Finished finished);

private:
    struct Move
    {
        Store::Job job;
        Crm::StageMove move;
        qint64 echoMark = 0;
    };
    void settleMoves(const QList<Move> &moves, const QList<Crm::ItemOutcome> &outcomes, Finished finished);

    std::shared_ptr<Storage::Database> m_db;
    const LaneConfig &m_config;
    Crm::CrmConnector *m_connector;
    const Common::Clock *m_clock;
    Store::JobRepo m_jobs;
    JobSettler m_settler;
};

} // namespace Engine
