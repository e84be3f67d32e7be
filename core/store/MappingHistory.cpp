// SPDX-License-Identifier: GPL-3.0-or-later
#include "MappingHistory.h"

#include "storage/Sql.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace Store {

using Common::Error;
using Common::Result;
namespace Sql = Storage::Sql;

namespace {

QString compact(const QJsonValue &value)
{
    if (value.isObject())
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    if (value.isArray())
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    if (value.isString())
        return QStringLiteral("\"%1\"").arg(value.toString());
    if (value.isUndefined() || value.isNull())
        return QStringLiteral("(none)");
    return QString::fromUtf8(QJsonDocument(QJsonArray { value }).toJson(QJsonDocument::Compact))
        .mid(1)
        .chopped(1);
}

/** An array whose items are objects with an "id" is a table of rows: compared row by row. */
bool isTable(const QJsonArray &array)
{
    if (array.isEmpty())
        return false;
    for (const QJsonValue &v : array)
        if (!v.isObject() || !v.toObject().contains(QLatin1String("id")))
            return false;
    return true;
}

void diffInto(const QString &path, const QJsonValue &before, const QJsonValue &after, QStringList *lines)
{
    if (before == after)
        return;
    if (before.isObject() && after.isObject()) {
        const QJsonObject a = before.toObject(), b = after.toObject();
        QStringList keys = a.keys();
        for (const QString &k : b.keys())
            if (!keys.contains(k))
                keys << k;
        for (const QString &k : keys)
            diffInto(path.isEmpty() ? k : path + QLatin1Char('.') + k, a.value(k), b.value(k), lines);
        return;
    }
    const QJsonArray a = before.toArray(), b = after.toArray();
    if ((before.isArray() || before.isUndefined()) && (after.isArray() || after.isUndefined())
        && (isTable(a) || isTable(b)) && (a.isEmpty() || isTable(a)) && (b.isEmpty() || isTable(b))) {
        // "orders.rows" reads better as "orders"; a row is named by its id.
        const QString table = path.endsWith(QLatin1String(".rows")) ? path.chopped(5) : path;
        QMap<QString, QJsonObject> old, now;
        for (const QJsonValue &v : a)
            old.insert(v.toObject().value(QLatin1String("id")).toString(), v.toObject());
        for (const QJsonValue &v : b)
            now.insert(v.toObject().value(QLatin1String("id")).toString(), v.toObject());
        for (auto it = old.cbegin(); it != old.cend(); ++it) {
            if (!now.contains(it.key()))
                lines->append(QStringLiteral("- %1 %2: %3").arg(table, it.key(), compact(it.value())));
            else if (now.value(it.key()) != it.value())
                lines->append(QStringLiteral("~ %1 %2: %3 → %4")
                                  .arg(table, it.key(), compact(it.value()), compact(now.value(it.key()))));
        }
        for (auto it = now.cbegin(); it != now.cend(); ++it)
            if (!old.contains(it.key()))
                lines->append(QStringLiteral("+ %1 %2: %3").arg(table, it.key(), compact(it.value())));
        return;
    }
    lines->append(QStringLiteral("~ %1: %2 → %3").arg(path, compact(before), compact(after)));
}

} // namespace

MappingHistory::MappingHistory(std::shared_ptr<Storage::Database> db, const Common::Clock *clock)
    : m_db(std::move(db))
    , m_clock(clock)
{ }

Result<std::pair<qint64, bool>> MappingHistory::append(qint64 connectionId, const QJsonObject &body,
                                                       const QString &note)
{
    auto latest = Sql::exec(*m_db,
                            QStringLiteral("SELECT id, body FROM mapping_versions WHERE connection_id = ?"
                                           " ORDER BY id DESC LIMIT 1"),
                            { connectionId });
    if (!latest)
        return latest.error();
    if (latest->next() && QJsonDocument::fromJson(latest->value(1).toString().toUtf8()).object() == body
        && note.isEmpty())
        return std::pair { latest->value(0).toLongLong(), false };
    const AuditActor actor = AuditActor::current();
    auto inserted = Sql::exec(
        *m_db,
        QStringLiteral(
            "INSERT INTO mapping_versions (connection_id, saved_at, os_user, host, tool, note, body)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)"),
        { connectionId, m_clock->nowMs(), actor.user, actor.host, actor.tool, note,
          QString::fromUtf8(QJsonDocument(body).toJson(QJsonDocument::Compact)) });
    if (!inserted)
        return inserted.error();
    return std::pair { inserted->lastInsertId().toLongLong(), true };
}

Result<QList<MappingVersion>> MappingHistory::versions(qint64 connectionId, int limit)
{
    auto query
        = Sql::exec(*m_db,
                    QStringLiteral("SELECT id, saved_at, os_user, host, tool, note FROM mapping_versions"
                                   " WHERE connection_id = ? ORDER BY id DESC LIMIT ?"),
                    { connectionId, limit });
    if (!query)
        return query.error();
    QList<MappingVersion> versions;
    while (query->next()) {
        MappingVersion v;
        v.id = query->value(0).toLongLong();
        v.connectionId = connectionId;
        v.savedAt = query->value(1).toLongLong();
        v.actor = { query->value(2).toString(), query->value(3).toString(), query->value(4).toString() };
        v.note = query->value(5).toString();
        versions.append(v);
    }
    return versions;
}

Result<MappingVersion> MappingHistory::version(qint64 versionId)
{
    auto query = Sql::exec(*m_db,
                           QStringLiteral("SELECT connection_id, saved_at, os_user, host, tool, note, body"
                                          " FROM mapping_versions WHERE id = ?"),
                           { versionId });
    if (!query)
        return query.error();
    if (!query->next())
        return Error::notFound(QStringLiteral("No mapping version %1").arg(versionId));
    MappingVersion v;
    v.id = versionId;
    v.connectionId = query->value(0).toLongLong();
    v.savedAt = query->value(1).toLongLong();
    v.actor = { query->value(2).toString(), query->value(3).toString(), query->value(4).toString() };
    v.note = query->value(5).toString();
    v.body = QJsonDocument::fromJson(query->value(6).toString().toUtf8()).object();
    return v;
}

QStringList MappingHistory::diff(const QJsonObject &before, const QJsonObject &after)
{
    QStringList lines;
    diffInto(QString(), before, after, &lines);
    return lines;
}

} // namespace Store
