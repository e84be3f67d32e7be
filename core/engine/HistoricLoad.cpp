// SPDX-License-Identifier: GPL-3.0-or-later
#include "HistoricLoad.h"

#include "storage/Sql.h"
#include "store/Outbox.h"

#include <QJsonDocument>
#include <QLoggingCategory>
#include <algorithm>

Q_DECLARE_LOGGING_CATEGORY(lcEngine)

namespace Engine {

using Common::Error;
using Common::Result;
namespace Sql = Storage::Sql;

QJsonObject LoadState::toJson() const
{
    return { { QStringLiteral("range"), range.toJson() }, { QStringLiteral("total"), total },
             { QStringLiteral("queued"), queued },        { QStringLiteral("after"), after },
             { QStringLiteral("started_at"), startedAt }, { QStringLiteral("read_at"), readAt } };
}

LoadState LoadState::fromJson(const QJsonObject &json)
{
    LoadState state;
    state.range = Source::OrderRange::fromJson(json.value(QStringLiteral("range")).toObject());
    state.total = json.value(QStringLiteral("total")).toInteger();
    state.queued = json.value(QStringLiteral("queued")).toInteger();
    state.after = json.value(QStringLiteral("after")).toInteger();
    state.startedAt = json.value(QStringLiteral("started_at")).toInteger();
    state.readAt = json.value(QStringLiteral("read_at")).toInteger();
    return state;
}

namespace {
QString text(const QJsonObject &json)
{
    return QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact));
}

Result<std::optional<LoadState>> storedLoad(const QString &source, std::shared_ptr<Storage::Database> store,
                                            const Common::Clock *clock)
{
    auto marks = Store::Outbox(std::move(store), clock).marks(source);
    if (!marks)
        return marks.error();
    const QString stored = marks->value(HistoricLoad::markStream());
    if (stored.isEmpty())
        return std::optional<LoadState>();
    return std::optional<LoadState>(LoadState::fromJson(QJsonDocument::fromJson(stored.toUtf8()).object()));
}
} // namespace

HistoricLoad::HistoricLoad(Source::ShopSource &source, std::shared_ptr<Storage::Database> store,
                           const Common::Clock *clock)
    : m_source(source)
    , m_store(std::move(store))
    , m_clock(clock)
{ }

Result<LoadState> HistoricLoad::begin(const Source::OrderRange &range, bool restart)
{
    auto stored = storedLoad(m_source.name(), m_store, m_clock);
    if (!stored)
        return stored.error();
    if (stored->has_value() && !restart && (*stored)->range == range && !(*stored)->finishedReading())
        return **stored;
    auto total = m_source.countHistory(range);
    if (!total)
        return total.error();
    LoadState state;
    state.range = range;
    state.total = total.value();
    state.startedAt = m_clock->nowMs();
    return state;
}

Result<HistoricLoad::Batch> HistoricLoad::step(LoadState state, int batchSize, bool dryRun)
{
    auto events = m_source.history(state.range, state.after, std::max(1, batchSize));
    if (!events)
        return events.error();
    Batch batch;
    batch.read = int(events->size());
    for (const Model::ShopEvent &event : events.value())
        state.after = std::max(state.after, event.entityId.toLongLong());
    state.queued += batch.read;
    if (batch.read < batchSize)
        state.readAt = m_clock->nowMs();
    if (dryRun) {
        batch.state = state;
        return batch;
    }
    auto taken = Store::Outbox(m_store, m_clock)
                     .take(m_source.name(), events.value(), { { markStream(), text(state.toJson()) } });
    if (!taken)
        return taken.error();
    batch.fresh = taken->events;
    batch.state = state;
    if (state.finishedReading())
        qCInfo(lcEngine) << "source" << m_source.name() << ": the historic load of" << state.queued
                         << "orders is in the outbox";
    return batch;
}

Result<std::optional<LoadProgress>> HistoricLoad::progress(const QString &sourceName,
                                                           std::shared_ptr<Storage::Database> store,
                                                           const Common::Clock *clock)
{
    auto stored = storedLoad(sourceName, store, clock);
    if (!stored)
        return stored.error();
    if (!stored->has_value())
        return std::optional<LoadProgress>();
    LoadProgress progress;
    progress.state = **stored;
    // The load's jobs: the orders this source queued since the load began (orders placed meanwhile
    // are among them; they are sent the same way).
    // The rate is the last minute's (a load that ran, stopped and runs again is not averaged over its
    // pause), or since the load began when that is shorter.
    const qint64 now = clock->nowMs();
    const qint64 windowStart = std::max(progress.state.startedAt, now - LoadProgress::stallAfterMs);
    auto counts = Sql::exec(*store,
                            QStringLiteral("SELECT state, COUNT(*), MAX(settled_at),"
                                           " SUM(CASE WHEN settled_at >= ? THEN 1 ELSE 0 END) FROM jobs"
                                           " WHERE source = ? AND kind = 'order.created' AND created_at >= ?"
                                           " GROUP BY state"),
                            { windowStart, sourceName, progress.state.startedAt });
    if (!counts)
        return counts.error();
    qint64 settledInWindow = 0;
    while (counts->next()) {
        const QString state = counts->value(0).toString();
        const qint64 n = counts->value(1).toLongLong();
        progress.jobs += n;
        if (state == QLatin1String("done"))
            progress.done = n;
        else if (state == QLatin1String("failed"))
            progress.failed = n;
        else
            continue;
        progress.lastSettledAt = std::max(progress.lastSettledAt, counts->value(2).toLongLong());
        settledInWindow += counts->value(3).toLongLong();
    }
    if (progress.finished())
        return std::optional<LoadProgress>(progress);
    // Stalled: work is waiting and nothing was settled for a minute since the load (or its last
    // settle) — the rate and the time left would be a guess, so they are not given.
    const qint64 lastActivity
        = std::max({ progress.lastSettledAt, progress.state.startedAt, progress.state.readAt });
    progress.idleMs = std::max<qint64>(0, now - lastActivity);
    progress.stalled
        = progress.jobs > progress.done + progress.failed && progress.idleMs >= LoadProgress::stallAfterMs;
    const double seconds = (now - windowStart) / 1000.0;
    if (!progress.stalled && seconds > 0 && settledInWindow > 0) {
        progress.perSecond = settledInWindow / seconds;
        progress.secondsLeft = qint64((progress.jobs - progress.done - progress.failed) / progress.perSecond);
    }
    return std::optional<LoadProgress>(progress);
}

} // namespace Engine
