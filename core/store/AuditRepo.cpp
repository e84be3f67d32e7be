// SPDX-License-Identifier: GPL-3.0-or-later
#include "AuditRepo.h"

#include "SecretGuard.h"
#include "storage/Sql.h"

#include <QJsonDocument>
#include <QMutex>
#include <QSysInfo>
#include <pwd.h>
#include <unistd.h>

namespace Store {

using Common::Result;
namespace Sql = Storage::Sql;

namespace {

QMutex s_toolMutex;
QString s_tool = QStringLiteral("engine");

QString osUser()
{
    // The account the process runs as, not $USER (which sudo and su leave behind).
    if (const passwd *pw = getpwuid(geteuid()); pw && pw->pw_name)
        return QString::fromLocal8Bit(pw->pw_name);
    return qEnvironmentVariable("USER");
}

/** Details without anything that looks like a secret, whatever a caller passed. */
QJsonObject withoutSecrets(const QJsonObject &details)
{
    QJsonObject clean;
    for (auto it = details.begin(); it != details.end(); ++it) {
        if (looksLikeSecretKey(it.key()))
            continue;
        clean.insert(it.key(),
                     it.value().isObject() ? QJsonValue(withoutSecrets(it.value().toObject())) : it.value());
    }
    return clean;
}

} // namespace

AuditActor AuditActor::current()
{
    QMutexLocker lock(&s_toolMutex);
    return { osUser(), QSysInfo::machineHostName(), s_tool };
}

void AuditActor::setTool(const QString &tool)
{
    QMutexLocker lock(&s_toolMutex);
    s_tool = tool;
}

AuditRepo::AuditRepo(std::shared_ptr<Storage::Database> db, const Common::Clock *clock)
    : m_db(std::move(db))
    , m_clock(clock)
{ }

Result<qint64> AuditRepo::record(const QString &action, const QString &subject, const QJsonObject &details)
{
    const AuditActor actor = AuditActor::current();
    auto done = Sql::exec(
        *m_db,
        QStringLiteral("INSERT INTO audit_log (at, os_user, host, tool, action, subject, details)"
                       " VALUES (?, ?, ?, ?, ?, ?, ?)"),
        { m_clock->nowMs(), actor.user, actor.host, actor.tool, action, subject,
          QString::fromUtf8(QJsonDocument(withoutSecrets(details)).toJson(QJsonDocument::Compact)) });
    if (!done)
        return done.error();
    return done->lastInsertId().toLongLong();
}

Result<QList<AuditEntry>> AuditRepo::list(const AuditFilter &filter)
{
    QString where = QStringLiteral(" WHERE 1 = 1");
    QVariantList binds;
    if (!filter.actionPrefix.isEmpty()) {
        where += QStringLiteral(" AND (action = ? OR action LIKE ?)");
        binds << filter.actionPrefix << filter.actionPrefix + QStringLiteral(".%");
    }
    if (!filter.subject.isEmpty()) {
        where += QStringLiteral(" AND subject = ?");
        binds << filter.subject;
    }
    if (filter.sinceMs > 0) {
        where += QStringLiteral(" AND at >= ?");
        binds << filter.sinceMs;
    }
    if (filter.beforeId > 0) {
        where += QStringLiteral(" AND id < ?");
        binds << filter.beforeId;
    }
    binds << filter.limit;
    auto query = Sql::exec(*m_db,
                           QStringLiteral("SELECT id, at, os_user, host, tool, action, subject, details"
                                          " FROM audit_log")
                               + where + QStringLiteral(" ORDER BY id DESC LIMIT ?"),
                           binds);
    if (!query)
        return query.error();
    QList<AuditEntry> entries;
    while (query->next()) {
        AuditEntry e;
        e.id = query->value(0).toLongLong();
        e.atMs = query->value(1).toLongLong();
        e.actor = { query->value(2).toString(), query->value(3).toString(), query->value(4).toString() };
        e.action = query->value(5).toString();
        e.subject = query->value(6).toString();
        e.details = QJsonDocument::fromJson(query->value(7).toString().toUtf8()).object();
        entries.append(e);
    }
    return entries;
}

} // namespace Store
