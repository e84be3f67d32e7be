// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "StatTile.h"
#include "storage/Database.h"

#include <QCoreApplication>
#include <QString>
#include <memory>

namespace Gui {

/** What one dashboard tile shows. */
struct TileReading
{
    QString value;
    QString detail;
    StatTile::Tone tone = StatTile::Tone::Normal;
};

/**
 * The "Shops watched" and "CRM lanes" tiles, read from the store: what the engines' shop pollers and
 * lanes last reported (Store::SourceStatusRepo, Store::LaneStatusRepo), against the shops and
 * connections configured, so a console on another machine sees a shop that cannot be reached or a lane
 * paused for a sign-in. A worker silent for a minute counts as not running. The figure is "N of M"
 * working; the detail names the ones needing attention first. GUI thread.
 */
class WorkerReadings
{
    Q_DECLARE_TR_FUNCTIONS(Gui::WorkerReadings)
public:
    static TileReading shops(const std::shared_ptr<Storage::Database> &db, qint64 nowMs);
    static TileReading lanes(const std::shared_ptr<Storage::Database> &db, qint64 nowMs);

    /** A worker is "gone" once its heartbeat is older than this. */
    static constexpr qint64 kSilentMs = 60'000;
};

} // namespace Gui
