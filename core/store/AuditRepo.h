// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Clock.h"
#include "common/Result.h"
#include "storage/Database.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <memory>

namespace Store {

/** Who acts in this process: the OS user, the host and the tool ("console", "crmbridgectl", "engine"). */
struct AuditActor
{
    QString user;
    QString host;
    QString tool;

    /** This process's actor; the tool is "engine" until the executable names itself. */
    static AuditActor current();
    /** Called once by main(): "console" or "crmbridgectl". */
    static void setTool(const QString &tool);
};

/** One recorded operator action. */
struct AuditEntry
{
    qint64 id = 0;
    qint64 atMs = 0;
    AuditActor actor;
    QString action; ///< "mapping.saved", "jobs.resent", "connection.removed", …
    QString subject; ///< what it was done to: a connection's or source's name, a setting's key
    QJsonObject details; ///< counts, filters, the mapping version; never a secret
};

struct AuditFilter
{
    QString actionPrefix; ///< "mapping" matches "mapping.saved" and "mapping.rolled_back"
    QString subject;
    qint64 sinceMs = 0;
    qint64 beforeId = 0; ///< keyset paging, newest first
    int limit = 100;
};

/**
 * The audit trail: every operator action (mapping saved or rolled back, jobs resent or cancelled,
 * connections and sources added, changed, switched or removed, sign-ins, settings and hooks changed),
 * append-only, with when, who (OS user and host) and with which tool. Repositories record their own
 * operator-facing changes here, so the console and crmbridgectl leave the same trail. Details never
 * hold a secret: keys that look like one are dropped. Any thread (its own connection).
 */
class AuditRepo
{
public:
    explicit AuditRepo(std::shared_ptr<Storage::Database> db,
                       const Common::Clock *clock = Common::Clock::system());

    Common::Result<qint64> record(const QString &action, const QString &subject,
                                  const QJsonObject &details = {});
    Common::Result<QList<AuditEntry>> list(const AuditFilter &filter = {});

private:
    std::shared_ptr<Storage::Database> m_db;
    const Common::Clock *m_clock;
};

} // namespace Store
