// SPDX-License-Identifier: GPL-3.0-or-later
#include "MappingRepo.h"

#include "common/Json.h"
#include "crm/CrmSchemaCache.h"
#include "mapping/MappingValidator.h"
#include "storage/Sql.h"
#include "storage/Transaction.h"
#include "store/AuditRepo.h"
#include "store/ConnectionRepo.h"
#include "store/MappingHistory.h"

#include <QJsonArray>

namespace Mapping {

using Common::Error;
using Common::Result;
using Common::Status;
namespace Sql = Storage::Sql;

namespace {

QString kindName(Mapping::SourceKind kind)
{
    return kind == Mapping::SourceKind::Order ? QStringLiteral("orders") : QStringLiteral("forms");
}

QString text(const QJsonObject &json)
{
    return QString::fromUtf8(Common::Json::compact(json));
}

/** The set's JSON without its row lists: what mapping_sets.settings holds. */
QJsonObject settingsOf(const Mapping::MappingSet &set)
{
    QJsonObject json = set.toJson();
    for (const char *key : { "orders", "forms", "statuses" }) {
        QJsonObject part = json.value(QLatin1String(key)).toObject();
        part.remove(QStringLiteral("rows"));
        json.insert(QLatin1String(key), part);
    }
    QJsonObject routing = json.value(QLatin1String("routing")).toObject();
    routing.remove(QStringLiteral("rules"));
    json.insert(QStringLiteral("routing"), routing);
    return json;
}

Result<QJsonArray> bodies(Storage::Database &db, const QString &sql, const QVariantList &binds)
{
    auto query = Sql::exec(db, sql, binds);
    if (!query)
        return query.error();
    QJsonArray array;
    while (query->next()) {
        auto body = Common::Json::parseObject(query->value(0).toString().toUtf8());
        if (!body)
            return Error::permanent(
                QStringLiteral("A stored mapping row is damaged: %1").arg(body.error().message),
                QStringLiteral("mapping-damaged"));
        array.append(body.value());
    }
    return array;
}

} // namespace

MappingRepo::MappingRepo(std::shared_ptr<Storage::Database> db, const Common::Clock *clock)
    : m_db(std::move(db))
    , m_clock(clock)
{ }

Result<std::optional<Mapping::MappingSet>> MappingRepo::load(qint64 connectionId)
{
    auto settings = Sql::scalar(
        *m_db, QStringLiteral("SELECT settings FROM mapping_sets WHERE connection_id = ?"), { connectionId });
    if (!settings)
        return settings.error();
    if (!settings->isValid())
        return std::optional<Mapping::MappingSet>();
    auto json = Common::Json::parseObject(settings->toString().toUtf8());
    if (!json)
        return Error::permanent(QStringLiteral("The stored mapping is damaged: %1").arg(json.error().message),
                                QStringLiteral("mapping-damaged"));
    QJsonObject set = json.value();
    for (const QString &kind : { QStringLiteral("orders"), QStringLiteral("forms") }) {
        auto rows = bodies(
            *m_db,
            QStringLiteral(
                "SELECT body FROM field_maps WHERE connection_id = ? AND source_kind = ? ORDER BY position"),
            { connectionId, kind });
        if (!rows)
            return rows.error();
        QJsonObject map = set.value(kind).toObject();
        map.insert(QStringLiteral("rows"), rows.value());
        set.insert(kind, map);
    }
    auto statusRows = bodies(
        *m_db, QStringLiteral("SELECT body FROM status_maps WHERE connection_id = ? ORDER BY position"),
        { connectionId });
    if (!statusRows)
        return statusRows.error();
    QJsonObject statuses = set.value(QLatin1String("statuses")).toObject();
    statuses.insert(QStringLiteral("rows"), statusRows.value());
    set.insert(QStringLiteral("statuses"), statuses);
    auto rules = bodies(
        *m_db, QStringLiteral("SELECT body FROM category_routes WHERE connection_id = ? ORDER BY position"),
        { connectionId });
    if (!rules)
        return rules.error();
    QJsonObject routing = set.value(QLatin1String("routing")).toObject();
    routing.insert(QStringLiteral("rules"), rules.value());
    set.insert(QStringLiteral("routing"), routing);

    auto parsed = Mapping::MappingSet::fromJson(set);
    if (!parsed)
        return parsed.error();
    return std::optional<Mapping::MappingSet>(parsed.value());
}

Status MappingRepo::save(qint64 connectionId, const Mapping::MappingSet &set, const QString &note)
{
    QList<Mapping::Problem> problems = Mapping::MappingValidator::validateStructure(set);
    problems.removeIf([](const Mapping::Problem &p) { return !p.isError(); });
    if (!problems.isEmpty()) {
        return Error::invalidInput(
            QStringLiteral("The mapping has errors: %1").arg(Mapping::describeForPeople(problems)),
            QStringLiteral("mapping-invalid"));
    }
    Storage::Transaction tx(*m_db);
    if (!tx.isActive())
        return tx.error();
    if (auto cleared = remove(connectionId); !cleared)
        return cleared.error();
    auto inserted = Sql::exec(
        *m_db,
        QStringLiteral("INSERT INTO mapping_sets (connection_id, format_version, settings, updated_at) "
                       "VALUES (?, ?, ?, ?)"),
        { connectionId, Mapping::MappingSet::kFormatVersion, text(settingsOf(set)), m_clock->nowMs() });
    if (!inserted)
        return inserted.error();
    for (const Mapping::FieldMap *map : { &set.orders, &set.forms }) {
        int position = 0;
        for (const Mapping::FieldRow &row : map->rows) {
            auto done = Sql::exec(
                *m_db,
                QStringLiteral(
                    "INSERT INTO field_maps (connection_id, source_kind, position, row_id, source_path,"
                    " target_entity, target, active, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                { connectionId, kindName(map->kind), position++, row.id, row.source,
                  row.target.isSet() ? Crm::entityName(row.target.targetEntity()) : QString(),
                  row.target.isSet() ? row.target.key() : QString(), row.active ? 1 : 0,
                  text(row.toJson()) });
            if (!done)
                return done.error();
        }
    }
    int position = 0;
    for (const Mapping::StatusRow &row : set.statuses.rows) {
        auto done = Sql::exec(
            *m_db,
            QStringLiteral(
                "INSERT INTO status_maps (connection_id, position, row_id, shop_status_id, pipeline_id,"
                " stage_id, direction, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
            { connectionId, position++, row.id, row.shopStatusId, row.pipelineId, row.stageId,
              Mapping::StatusRow::directionName(row.direction), text(row.toJson()) });
        if (!done)
            return done.error();
    }
    position = 0;
    for (const Mapping::RouteRule &rule : set.routing.rules) {
        auto done = Sql::exec(
            *m_db,
            QStringLiteral(
                "INSERT INTO category_routes (connection_id, position, row_id, category_id, pipeline_id,"
                " stage_id, responsible_user_id, active, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
            { connectionId, position++, rule.id, rule.categoryId, rule.pipelineId, rule.stageId,
              rule.responsibleUserId, rule.active ? 1 : 0, text(rule.toJson()) });
        if (!done)
            return done.error();
    }
    if (auto recorded = recordVersion(connectionId, set.toJson(), note); !recorded)
        return recorded.error();
    return tx.commit();
}

Status MappingRepo::recordVersion(qint64 connectionId, const QJsonObject &body, const QString &note)
{
    Store::MappingHistory history(m_db, m_clock);
    auto previous = history.versions(connectionId, 1);
    if (!previous)
        return previous.error();
    auto appended = history.append(connectionId, body, note);
    if (!appended)
        return appended.error();
    if (!appended->second)
        return {};
    QJsonObject details { { QStringLiteral("version"), appended->first } };
    if (!previous->isEmpty()) {
        auto before = history.version(previous->first().id);
        if (!before)
            return before.error();
        details.insert(QStringLiteral("previous_version"), previous->first().id);
        details.insert(QStringLiteral("changes"), Store::MappingHistory::diff(before->body, body).size());
    }
    if (!note.isEmpty())
        details.insert(QStringLiteral("note"), note);
    auto connection = Store::ConnectionRepo(m_db).byId(connectionId);
    auto recorded = Store::AuditRepo(m_db, m_clock)
                        .record(note.isEmpty() ? QStringLiteral("mapping.saved")
                                               : QStringLiteral("mapping.rolled_back"),
                                connection ? connection->name : QString::number(connectionId), details);
    if (!recorded)
        return recorded.error();
    return {};
}

Status MappingRepo::rollback(qint64 connectionId, qint64 versionId)
{
    auto version = Store::MappingHistory(m_db, m_clock).version(versionId);
    if (!version)
        return version.error();
    if (version->connectionId != connectionId)
        return Error::invalidInput(
            QStringLiteral("Mapping version %1 belongs to another connection").arg(versionId),
            QStringLiteral("mapping-version"));
    auto set = Mapping::MappingSet::fromJson(version->body);
    if (!set)
        return set.error();
    return save(connectionId, set.value(), QStringLiteral("rolled back to version %1").arg(versionId));
}

Status MappingRepo::remove(qint64 connectionId)
{
    Storage::Transaction tx(*m_db);
    if (!tx.isActive())
        return tx.error();
    for (const char *table : { "field_maps", "status_maps", "category_routes", "mapping_sets" }) {
        auto done = Sql::exec(
            *m_db, QStringLiteral("DELETE FROM %1 WHERE connection_id = ?").arg(QLatin1String(table)),
            { connectionId });
        if (!done)
            return done.error();
    }
    return tx.commit();
}

Result<QStringList> MappingRepo::rowsUsingField(qint64 connectionId, const QString &fieldId)
{
    // target is "<entity>.field:<id>"; the entity is not known here, so match the suffix.
    auto query = Sql::exec(
        *m_db,
        QStringLiteral(
            "SELECT source_kind, row_id FROM field_maps WHERE connection_id = ? AND target LIKE ? ESCAPE '\\'"
            " ORDER BY source_kind, position"),
        { connectionId, QStringLiteral("%.field:") + Sql::likeEscape(fieldId) });
    if (!query)
        return query.error();
    QStringList rows;
    while (query->next())
        rows << query->value(0).toString() + QLatin1Char('/') + query->value(1).toString();
    return rows;
}

Result<std::optional<Crm::CrmSchema>> MappingRepo::loadSchema(qint64 connectionId)
{
    return Crm::CrmSchemaCache(m_db, m_clock).load(connectionId);
}

Status MappingRepo::saveSchema(qint64 connectionId, const Crm::CrmSchema &schema)
{
    return Crm::CrmSchemaCache(m_db, m_clock).save(connectionId, schema);
}

} // namespace Mapping
