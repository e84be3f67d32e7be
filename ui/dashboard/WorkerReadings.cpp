// SPDX-License-Identifier: GPL-3.0-or-later
#include "WorkerReadings.h"

#include "common/EngineStateText.h"
#include "source/SourceRepo.h"
#include "store/ConnectionRepo.h"
#include "store/LaneStatusRepo.h"
#include "store/SourceStatusRepo.h"

#include <QHash>
#include <QStringList>
#include <algorithm>

namespace Gui {

namespace {
using Tone = StatTile::Tone;

/** One configured shop or connection and how it stands. */
struct WorkerLine
{
    QString text;
    Tone tone = Tone::Normal;
};

/** "N of M" working, and two lines of detail: the ones needing attention first. */
TileReading summarise(QList<WorkerLine> lines, const QString &noneDetail)
{
    if (lines.isEmpty())
        return { WorkerReadings::tr("none"), noneDetail, Tone::Normal };
    std::stable_sort(lines.begin(), lines.end(),
                     [](const WorkerLine &a, const WorkerLine &b) { return int(a.tone) > int(b.tone); });
    const auto working = std::count_if(lines.cbegin(), lines.cend(),
                                       [](const WorkerLine &l) { return l.tone == Tone::Normal; });
    TileReading reading;
    reading.value = WorkerReadings::tr("%1 of %2").arg(working).arg(lines.size());
    reading.tone = lines.first().tone;
    QStringList detail { lines.first().text };
    if (lines.size() == 2)
        detail << lines.at(1).text;
    else if (lines.size() > 2)
        detail << WorkerReadings::tr("and %n more", nullptr, int(lines.size() - 1));
    reading.detail = detail.join(QLatin1Char('\n'));
    return reading;
}

QString ago(qint64 ms)
{
    const int seconds = int(std::max<qint64>(0, ms) / 1000);
    return seconds < 60 ? WorkerReadings::tr("%n s ago", nullptr, seconds)
                        : WorkerReadings::tr("%n min ago", nullptr, seconds / 60);
}

/** The freshest report per key (a store shared by several engines holds one row per engine). */
template<typename Status, typename KeyOf>
QHash<QString, Status> freshest(const QList<Status> &all, KeyOf keyOf)
{
    QHash<QString, Status> byKey;
    for (const Status &s : all) {
        const QString key = keyOf(s);
        if (!byKey.contains(key) || byKey.value(key).heartbeatAt < s.heartbeatAt)
            byKey.insert(key, s);
    }
    return byKey;
}
} // namespace

TileReading WorkerReadings::shops(const std::shared_ptr<Storage::Database> &db, qint64 nowMs)
{
    auto sources = Source::SourceRepo(db).list();
    auto statuses = Store::SourceStatusRepo(db).all();
    if (!sources || !statuses)
        return { tr("?"), (!sources ? sources.error() : statuses.error()).message, Tone::Problem };
    const auto byName = freshest(statuses.value(), [](const Store::SourceStatus &s) { return s.source; });
    QList<WorkerLine> lines;
    for (const Source::SourceRecord &source : sources.value()) {
        const auto found = byName.constFind(source.name);
        const bool silent = found == byName.cend()
            || (found->state != QLatin1String("stopped") && nowMs - found->heartbeatAt > kSilentMs);
        if (silent) {
            lines.append({ tr("%1: not watched (no engine is running)").arg(source.name), Tone::Warning });
        } else if (found->state == QLatin1String("unreachable")) {
            lines.append({ tr("%1: unreachable: %2").arg(source.name, found->reason), Tone::Problem });
        } else if (found->state == QLatin1String("watching") && found->polledAt > 0) {
            lines.append({ tr("%1: watching, polled %2").arg(source.name, ago(nowMs - found->polledAt)),
                           Tone::Normal });
        } else {
            lines.append({ QStringLiteral("%1: %2").arg(source.name, EngineStateText::source(found->state)),
                           found->state == QLatin1String("stopped") ? Tone::Warning : Tone::Normal });
        }
    }
    return summarise(lines, tr("Add a shop on the Connections page"));
}

TileReading WorkerReadings::lanes(const std::shared_ptr<Storage::Database> &db, qint64 nowMs)
{
    auto connections = Store::ConnectionRepo(db).list();
    auto statuses = Store::LaneStatusRepo(db).all();
    if (!connections || !statuses)
        return { tr("?"), (!connections ? connections.error() : statuses.error()).message, Tone::Problem };
    QList<Store::LaneStatus> sending, applying;
    for (const Store::LaneStatus &s : statuses.value())
        (s.kind == Store::LaneStatus::Kind::Status ? applying : sending).append(s);
    auto connectionOf = [](const Store::LaneStatus &s) { return QString::number(s.connectionId); };
    const auto byConnection = freshest(sending, connectionOf);
    const auto statusLanes = freshest(applying, connectionOf);
    QList<WorkerLine> lines;
    for (const Store::Connection &connection : connections.value()) {
        const auto found = byConnection.constFind(QString::number(connection.id));
        const bool silent = found == byConnection.cend()
            || (found->state != QLatin1String("stopped") && nowMs - found->heartbeatAt > kSilentMs);
        // The status lane (CRM → shop) only speaks up when it cannot read the CRM's changes.
        const auto back = statusLanes.constFind(QString::number(connection.id));
        const bool backStalled = back != statusLanes.cend() && nowMs - back->heartbeatAt <= kSilentMs
            && back->state == QLatin1String("paused");
        if (silent) {
            lines.append({ tr("%1: not running").arg(connection.name), Tone::Warning });
        } else if (found->state == Engine::laneStateName(Engine::LaneState::Paused)) {
            lines.append({ found->reason.isEmpty() ? tr("%1: paused").arg(connection.name)
                                                   : tr("%1: paused: %2").arg(connection.name, found->reason),
                           Tone::Problem });
        } else if (backStalled) {
            lines.append({ tr("%1: stage changes cannot be read: %2").arg(connection.name, back->reason),
                           Tone::Warning });
        } else {
            lines.append({ QStringLiteral("%1: %2").arg(connection.name, EngineStateText::lane(found->state)),
                           found->state == Engine::laneStateName(Engine::LaneState::Stopped)
                               ? Tone::Warning
                               : Tone::Normal });
        }
    }
    return summarise(lines, tr("Add a CRM on the Connections page"));
}

} // namespace Gui
