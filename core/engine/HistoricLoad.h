// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Clock.h"
#include "source/ShopSource.h"
#include "storage/Database.h"

#include <QJsonObject>
#include <memory>

namespace Engine {

/** Where a historic load of one source stands; kept as the source's "load" mark. Value type. */
struct LoadState
{
    Source::OrderRange range;
    qint64 total = 0; ///< orders in the range when the load began
    qint64 queued = 0; ///< of those, read into the outbox so far
    qint64 after = 0; ///< the highest shop id read so far: a resumed load goes on after it
    qint64 startedAt = 0; ///< ms since the epoch
    qint64 readAt = 0; ///< when the last order was read (0: still reading)

    bool finishedReading() const { return readAt > 0; }
    QJsonObject toJson() const;
    static LoadState fromJson(const QJsonObject &json);
};

/** How far the CRMs have got with a load's jobs, for `crmbridgectl source load --progress` and the
 *  console. Value type. */
struct LoadProgress
{
    LoadState state;
    qint64 jobs = 0; ///< jobs of the load: orders × target connections
    qint64 done = 0;
    qint64 failed = 0;
    double perSecond = 0; ///< jobs settled per second over the last minute (or since the load began)
    qint64 secondsLeft = -1; ///< at that rate; -1 when unknown or stalled
    qint64 lastSettledAt = 0; ///< when the last of its jobs was settled (ms since the epoch; 0: none yet)
    /** Jobs are waiting but none has been settled for stallAfterMs (and the load has read for that
     *  long): no engine is sending them, or every send is failing and being retried. */
    bool stalled = false;
    qint64 idleMs = 0; ///< since the last settle, or since the load began or finished reading

    static constexpr qint64 stallAfterMs = 60'000;
    bool finished() const { return state.finishedReading() && done + failed >= jobs; }
};

/**
 * The historic load of a shop: every order of a range (shop ids and/or creation dates) sent once, in
 * its present state, as the `order.created` events the poller makes — through the outbox, so the
 * engine's lanes send them with each CRM's batch calls, the mapping and the connector like any other
 * job (RetailCRM's lane packs them into customers/upload and orders/upload), and an order already
 * queued or sent (by the poller, or an earlier load) is not sent again. Its status history is not.
 *
 * Reading is resumable: each batch is taken by the outbox together with the load's state (the "load"
 * mark of the source), so a load stopped at any moment goes on after the last order it took. A dry
 * run counts and reads, and stores nothing. On the calling thread (the source's).
 */
class HistoricLoad
{
public:
    struct Batch
    {
        LoadState state;
        int read = 0; ///< orders read in this batch
        int fresh = 0; ///< of those, new to the outbox (the rest were queued or sent before)
    };

    HistoricLoad(Source::ShopSource &source, std::shared_ptr<Storage::Database> store,
                 const Common::Clock *clock = Common::Clock::system());

    static QString markStream() { return QStringLiteral("load"); }

    /** The load as stored (a resumed one), or a new one of @p range when there is none, it was of
     *  another range, or @p restart. Counts the range's orders for a new one. Stores nothing. */
    Common::Result<LoadState> begin(const Source::OrderRange &range, bool restart);
    /** Reads the next @p batchSize orders into the outbox (nothing stored when @p dryRun). */
    Common::Result<Batch> step(LoadState state, int batchSize, bool dryRun);
    /** The stored load of @p sourceName and how far its jobs are. */
    static Common::Result<std::optional<LoadProgress>>
    progress(const QString &sourceName, std::shared_ptr<Storage::Database> store,
             const Common::Clock *clock = Common::Clock::system());

private:
    Source::ShopSource &m_source;
    std::shared_ptr<Storage::Database> m_store;
    const Common::Clock *m_clock;
};

} // namespace Engine
