// SPDX-License-Identifier: GPL-3.0-or-later
#include "IdWatermark.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <algorithm>

namespace Source {

QList<qint64> IdWatermark::tracked() const
{
    QList<qint64> ids = waiting.keys() + gaps.keys();
    std::sort(ids.begin(), ids.end());
    return ids;
}

IdWatermark::Step IdWatermark::advance(const QList<Row> &rows, qint64 nowMs, const Limits &limits)
{
    Step step;
    QSet<qint64> seen;
    qint64 highest = after;
    for (const Row &row : rows) {
        seen.insert(row.id);
        if (row.id > highest)
            highest = row.id;
        gaps.remove(row.id);
        if (row.ready) {
            waiting.remove(row.id);
            step.toEmit.append(row.id);
            continue;
        }
        const qint64 firstSeen = waiting.value(row.id, nowMs);
        if (nowMs - firstSeen >= limits.waitLimitMs) {
            waiting.remove(row.id);
            step.toEmit.append(row.id);
            step.overdue.append(row.id);
        } else {
            waiting.insert(row.id, firstSeen);
        }
    }
    // A waiting row that is gone was deleted in the shop (the caller reads every tracked id).
    for (auto it = waiting.begin(); it != waiting.end();) {
        if (!seen.contains(it.key()))
            it = waiting.erase(it);
        else
            ++it;
    }
    // Ids skipped between the old and the new high mark may still be committing.
    if (highest - after <= limits.maxTrackedGap) {
        for (qint64 id = after + 1; id < highest; ++id) {
            if (!seen.contains(id) && !waiting.contains(id))
                gaps.insert(id, nowMs);
        }
    }
    for (auto it = gaps.begin(); it != gaps.end();) {
        if (nowMs - it.value() >= limits.gapLimitMs) {
            step.droppedGaps.append(it.key());
            it = gaps.erase(it);
        } else {
            ++it;
        }
    }
    after = highest;
    std::sort(step.toEmit.begin(), step.toEmit.end());
    return step;
}

static QJsonObject mapToJson(const QMap<qint64, qint64> &map)
{
    QJsonObject object;
    for (auto it = map.begin(); it != map.end(); ++it)
        object.insert(QString::number(it.key()), double(it.value()));
    return object;
}

static QMap<qint64, qint64> mapFromJson(const QJsonObject &object)
{
    QMap<qint64, qint64> map;
    for (auto it = object.begin(); it != object.end(); ++it)
        map.insert(it.key().toLongLong(), qint64(it.value().toDouble()));
    return map;
}

QString IdWatermark::toJson() const
{
    QJsonObject object { { QStringLiteral("after"), double(after) } };
    if (!waiting.isEmpty())
        object.insert(QStringLiteral("waiting"), mapToJson(waiting));
    if (!gaps.isEmpty())
        object.insert(QStringLiteral("gaps"), mapToJson(gaps));
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

IdWatermark IdWatermark::fromJson(const QString &text)
{
    IdWatermark mark;
    bool isNumber = false;
    const qint64 plain = text.trimmed().toLongLong(&isNumber);
    if (isNumber) {
        mark.after = plain;
        return mark;
    }
    const QJsonObject object = QJsonDocument::fromJson(text.toUtf8()).object();
    mark.after = qint64(object.value(QStringLiteral("after")).toDouble());
    mark.waiting = mapFromJson(object.value(QStringLiteral("waiting")).toObject());
    mark.gaps = mapFromJson(object.value(QStringLiteral("gaps")).toObject());
    return mark;
}

} // namespace Source
