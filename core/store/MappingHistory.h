// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "AuditRepo.h"
#include "common/Clock.h"
#include "common/Result.h"
#include "storage/Database.h"

#include <QJsonObject>
#include <QList>
#include <QStringList>
#include <memory>

namespace Store {

/** One saved version of a connection's mapping (the whole set as its JSON file). */
struct MappingVersion
{
    qint64 id = 0;
    qint64 connectionId = 0;
    qint64 savedAt = 0;
    AuditActor actor;
    QString note; ///< "rolled back to version 12", "" for an ordinary save
    QJsonObject body; ///< only filled by version()
};

/**
 * Every mapping a connection ever saved, oldest first by id (MappingRepo::save appends in its own
 * transaction, skipping a save that changes nothing), so an operator can see what changed, who
 * changed it, and roll back. Versions outlive a removed connection. Any thread.
 */
class MappingHistory
{
public:
    explicit MappingHistory(std::shared_ptr<Storage::Database> db,
                            const Common::Clock *clock = Common::Clock::system());

    /** Appends @p body unless it equals the latest version; returns the version's id (the latest's
     *  when nothing changed) and whether it is new. */
    Common::Result<std::pair<qint64, bool>> append(qint64 connectionId, const QJsonObject &body,
                                                   const QString &note = {});
    /** Newest first, without bodies. */
    Common::Result<QList<MappingVersion>> versions(qint64 connectionId, int limit = 100);
    Common::Result<MappingVersion> version(qint64 versionId);

    /**
     * What changed between two mapping files, one line a change, in the operator's terms:
     * "+ statuses s4: {…}", "- routing r2: {…}", "~ orders o5: {…} → {…}", "~ orders.deal_name: … → …".
     * Rows are matched by their id, so a reordered table is no change.
     */
    static QStringList diff(const QJsonObject &before, const QJsonObject &after);

private:
    std::shared_ptr<Storage::Database> m_db;
    const Common::Clock *m_clock;
};

} // namespace Store
