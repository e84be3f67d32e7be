// SPDX-License-Identifier: GPL-3.0-or-later
#include "ConnectionRepo.h"

#include "AuditRepo.h"
#include "SecretGuard.h"
#include "common/Json.h"
#include "storage/Sql.h"
#include "storage/Transaction.h"

#include <QJsonDocument>

namespace Store {

using Common::Error;
using Common::Result;
namespace Sql = Storage::Sql;

namespace {
const QString kColumns = QStringLiteral("id, name, crm, base_url, config, state, created_at, updated_at");

Connection fromQuery(const QSqlQuery &q)
{
    Connection c;
    c.id = q.value(0).toLongLong();
    c.name = q.value(1).toString();
    c.crm = q.value(2).toString();
    c.baseUrl = q.value(3).toString();
    c.config = QJsonDocument::fromJson(q.value(4).toString().toUtf8()).object();
    c.state = q.value(5).toString();
    c.createdAt = q.value(6).toLongLong();
    c.updatedAt = q.value(7).toLongLong();
    return c;
}

Common::Status validate(const Connection &c)
{
    if (c.name.trimmed().isEmpty())
        return Error::invalidInput(QStringLiteral("A connection needs a name"));
    if (c.crm != QLatin1String("amocrm") && c.crm != QLatin1String("retailcrm"))
        return Error::invalidInput(QStringLiteral("Unknown CRM \"%1\": use amocrm or retailcrm").arg(c.crm));
    return checkNoSecrets(c.config, QStringLiteral("a connection's settings"));
}
} // namespace

ConnectionRepo::ConnectionRepo(std::shared_ptr<Storage::Database> db, const Common::Clock *clock)
    : m_db(std::move(db))
    , m_clock(clock)
{ }

Result<Connection> ConnectionRepo::add(const Connection &connection)
{
    if (auto valid = validate(connection); !valid)
        return valid.error();
    const qint64 now = m_clock->nowMs();
    auto inserted = Sql::exec(
        *m_db,
        QStringLiteral("INSERT INTO connections (name, crm, base_url, config, state, created_at, updated_at)"
                       " VALUES (?, ?, ?, ?, ?, ?, ?)"),
        { connection.name.trimmed(), connection.crm, connection.baseUrl,
          QString::fromUtf8(Common::Json::compact(connection.config)),
          connection.state.isEmpty() ? QStringLiteral("new") : connection.state, now, now });
    if (!inserted) {
        if (inserted.error().code == QLatin1String("constraint"))
            return Error::invalidInput(
                QStringLiteral("A connection named \"%1\" already exists").arg(connection.name));
        return inserted.error();
    }
    auto added = byName(connection.name.trimmed());
    if (added)
        (void)AuditRepo(m_db, m_clock)
            .record(
                QStringLiteral("connection.added"), added->name,
                { { QStringLiteral("crm"), added->crm }, { QStringLiteral("base_url"), added->baseUrl } });
    return added;
}

Common::Status ConnectionRepo::update(const Connection &connection)
{
    if (auto valid = validate(connection); !valid)
        return valid;
    auto before = byId(connection.id);
    auto updated = Sql::update(
        *m_db,
        QStringLiteral(
            "UPDATE connections SET name = ?, crm = ?, base_url = ?, config = ?, state = ?, updated_at = ?"
            " WHERE id = ?"),
        { connection.name.trimmed(), connection.crm, connection.baseUrl,
          QString::fromUtf8(Common::Json::compact(connection.config)), connection.state, m_clock->nowMs(),
          connection.id });
    if (!updated)
        return updated.error();
    if (updated.value() == 0)
        return Error::notFound(QStringLiteral("No connection %1").arg(connection.id));
    if (before)
        recordChange(before.value(), connection);
    return {};
}

void ConnectionRepo::recordChange(const Connection &before, const Connection &after)
{
    AuditRepo audit(m_db, m_clock);
    if (before.enabled() != after.enabled())
        (void)audit.record(QStringLiteral("connection.switched"), after.name,
                           { { QStringLiteral("enabled"), after.enabled() } });
    // Which settings changed, old and new (the config never holds a secret: validate() refuses one).
    QJsonObject changes;
    QStringList keys = before.config.keys();
    for (const QString &k : after.config.keys())
        if (!keys.contains(k))
            keys << k;
    for (const QString &k : keys) {
        if (k == QLatin1String("enabled") || before.config.value(k) == after.config.value(k))
            continue;
        changes.insert(k,
                       QJsonObject { { QStringLiteral("from"), before.config.value(k) },
                                     { QStringLiteral("to"), after.config.value(k) } });
    }
    if (before.name != after.name.trimmed())
        changes.insert(QStringLiteral("name"),
                       QJsonObject { { QStringLiteral("from"), before.name },
                                     { QStringLiteral("to"), after.name.trimmed() } });
    if (before.baseUrl != after.baseUrl)
        changes.insert(QStringLiteral("base_url"),
                       QJsonObject { { QStringLiteral("from"), before.baseUrl },
                                     { QStringLiteral("to"), after.baseUrl } });
    if (!changes.isEmpty())
        (void)audit.record(QStringLiteral("connection.changed"), after.name.trimmed(), changes);
    if (after.state == QLatin1String("signed-in") && before.state != after.state)
        (void)audit.record(QStringLiteral("connection.signed_in"), after.name.trimmed());
}

Common::Status ConnectionRepo::setState(qint64 id, const QString &state)
{
    auto before = byId(id);
    auto updated
        = Sql::update(*m_db, QStringLiteral("UPDATE connections SET state = ?, updated_at = ? WHERE id = ?"),
                      { state, m_clock->nowMs(), id });
    if (!updated)
        return updated.error();
    if (updated.value() == 0)
        return Error::notFound(QStringLiteral("No connection %1").arg(id));
    // A sign-in is an operator's act; the engine only ever moves a connection away from signed-in.
    if (before && state == QLatin1String("signed-in") && before->state != state)
        (void)AuditRepo(m_db, m_clock).record(QStringLiteral("connection.signed_in"), before->name);
    return {};
}

Common::Status ConnectionRepo::remove(qint64 id)
{
    auto before = byId(id);
    Storage::Transaction tx(*m_db);
    if (!tx.isActive())
        return tx.error();
    const qint64 now = m_clock->nowMs();
    auto cancelled = Sql::update(
        *m_db,
        QStringLiteral("UPDATE jobs SET state = 'cancelled', last_error = ?, updated_at = ?, settled_at = ?"
                       " WHERE connection_id = ? AND state IN ('pending', 'failed')"),
        { QStringLiteral("The CRM connection was removed"), now, now, id });
    if (!cancelled)
        return cancelled.error();
    auto removed = Sql::update(*m_db, QStringLiteral("DELETE FROM connections WHERE id = ?"), { id });
    if (!removed)
        return removed.error();
    if (before) {
        auto recorded = AuditRepo(m_db, m_clock)
                            .record(QStringLiteral("connection.removed"), before->name,
                                    { { QStringLiteral("crm"), before->crm },
                                      { QStringLiteral("jobs_cancelled"), cancelled.value() } });
        if (!recorded)
            return recorded.error();
    }
    return tx.commit();
}

Result<Connection> ConnectionRepo::byId(qint64 id)
{
    auto query
        = Sql::exec(*m_db, QStringLiteral("SELECT %1 FROM connections WHERE id = ?").arg(kColumns), { id });
    if (!query)
        return query.error();
    if (!query->next())
        return Error::notFound(QStringLiteral("No connection %1").arg(id));
    return fromQuery(*query);
}

Result<Connection> ConnectionRepo::byName(const QString &name)
{
    auto query = Sql::exec(*m_db, QStringLiteral("SELECT %1 FROM connections WHERE name = ?").arg(kColumns),
                           { name });
    if (!query)
        return query.error();
    if (!query->next())
        return Error::notFound(QStringLiteral("No connection named \"%1\"").arg(name));
    return fromQuery(*query);
}

Result<QList<Connection>> ConnectionRepo::list()
{
    auto query = Sql::exec(*m_db, QStringLiteral("SELECT %1 FROM connections ORDER BY name").arg(kColumns));
    if (!query)
        return query.error();
    QList<Connection> list;
    while (query->next())
        list.append(fromQuery(*query));
    return list;
}

} // namespace Store
