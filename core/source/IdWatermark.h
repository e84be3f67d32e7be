// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QMap>
#include <QString>
#include <QtGlobal>

namespace Source {

/**
 * How far a source has read a table with an auto-increment id, when rows may become visible late or
 * not be ready yet. Value type; pure logic, any thread. Stored as JSON in the watermark row.
 *
 * - `after`: every id up to here was either emitted, or is tracked below.
 * - `waiting`: rows seen but not ready (a miniShop2 order still at status 0, between its INSERT and
 *   its first status change). They are re-read every poll and emitted once ready; a row still not
 *   ready after waitLimitMs is emitted anyway (an order whose status change failed must not be lost).
 * - `gaps`: ids below the highest seen that were missing. A concurrent transaction that got a lower
 *   id may commit after a higher id is visible; gaps are re-read every poll and emitted when they
 *   show up, and forgotten after gapLimitMs (a rolled-back insert leaves a permanent gap).
 */
struct IdWatermark
{
    struct Row
    {
        qint64 id = 0;
        bool ready = true;
    };
    struct Limits
    {
        qint64 waitLimitMs = 60 * 60 * 1000;
        qint64 gapLimitMs = 10 * 60 * 1000;
        qint64 maxTrackedGap = 1000; ///< a jump larger than this is not tracked id by id
    };
    struct Step
    {
        QList<qint64> toEmit; ///< ids to emit now, ascending
        QList<qint64> overdue; ///< of those, rows emitted although not ready (waited too long)
        QList<qint64> droppedGaps;
    };

    qint64 after = 0;
    QMap<qint64, qint64> waiting; ///< id → first seen (ms)
    QMap<qint64, qint64> gaps; ///< id → first noticed missing (ms)

    /** The ids to look at besides those above `after`. */
    QList<qint64> tracked() const;
    /**
     * Applies one read: rows are every row with id > after (up to a batch limit, ascending) plus
     * whichever tracked ids exist now. Returns what to emit; updates this watermark.
     */
    Step advance(const QList<Row> &rows, qint64 nowMs, const Limits &limits);

    QString toJson() const;
    /** Accepts this JSON and a plain number (an older or hand-set watermark). */
    static IdWatermark fromJson(const QString &text);
    bool operator==(const IdWatermark &) const = default;
};

} // namespace Source
