// SPDX-License-Identifier: GPL-3.0-or-later
#include "SourceRepo.h"

#include "common/Json.h"
#include "storage/Sql.h"
#include "storage/Transaction.h"
#include "store/AuditRepo.h"
#include "store/SecretGuard.h"

#include <QJsonArray>
#include <QSqlQuery>
#include <QUrl>

namespace Source {

using Common::Error;
using Common::Result;
namespace Sql = Storage::Sql;

namespace {

/** The config key of a snapshot of the shop's methods. */
QString methodsKey(MethodKind kind)
{
    return kind == MethodKind::Delivery ? QStringLiteral("deliveries") : QStringLiteral("payments");
}

const QString kColumns = QStringLiteral("id, name, kind, url, config, created_at, updated_at");

SourceRecord fromRow(const QSqlQuery &query)
{
    SourceRecord record;
    record.id = query.value(0).toLongLong();
    record.name = query.value(1).toString();
    record.kind = query.value(2).toString();
    record.url = query.value(3).toString();
    record.config = Common::Json::parseObject(query.value(4).toByteArray()).valueOr({});
    record.createdAt = query.value(5).toLongLong();
    record.updatedAt = query.value(6).toLongLong();
    return record;
}

Common::Status validate(const SourceRecord &record)
{
    if (record.name.trimmed().isEmpty())
        return Error::invalidInput(QStringLiteral("A source needs a name"));
    if (record.kind.isEmpty())
        return Error::invalidInput(QStringLiteral("A source needs a kind"));
    if (!record.url.startsWith(QLatin1String("sqlite:")) && !QUrl(record.url).password().isEmpty())
        return Error::invalidInput(
            QStringLiteral("The source URL must not hold a password: it is kept in the secret store"),
            QStringLiteral("secret-in-config"));
    return Store::checkNoSecrets(record.config, QStringLiteral("source config"));
}

} // namespace

SourceRepo::SourceRepo(std::shared_ptr<Storage::Database> db, const Common::Clock *clock)
    : m_db(std::move(db))
    , m_clock(clock)
{ }

Result<SourceRecord> SourceRepo::add(const SourceRecord &record)
{
    if (auto valid = validate(record); !valid)
        return valid.error();
    const qint64 now = m_clock->nowMs();
    auto inserted = Sql::exec(*m_db,
                              QStringLiteral("INSERT INTO sources (name, kind, url, config, created_at, "
                                             "updated_at) VALUES (?, ?, ?, ?, ?, ?)"),
                              { record.name.trimmed(), record.kind, record.url,
                                QString::fromUtf8(Common::Json::compact(record.config)), now, now });
    if (!inserted) {
        if (inserted.error().code == QLatin1String("constraint"))
            return Error::invalidInput(
                QStringLiteral("A source named \"%1\" already exists").arg(record.name),
                QStringLiteral("duplicate"));
        return inserted.error();
    }
    auto added = byName(record.name.trimmed());
    if (added)
        (void)Store::AuditRepo(m_db, m_clock)
            .record(QStringLiteral("source.added"), added->name, { { QStringLiteral("kind"), added->kind } });
    return added;
}

Common::Status SourceRepo::update(const SourceRecord &record)
{
    if (auto valid = validate(record); !valid)
        return valid;
    auto updated = Sql::update(
        *m_db,
        QStringLiteral("UPDATE sources SET kind = ?, url = ?, config = ?, updated_at = ? WHERE name = ?"),
        { record.kind, record.url, QString::fromUtf8(Common::Json::compact(record.config)), m_clock->nowMs(),
          record.name });
    if (!updated)
        return updated.error();
    if (updated.value() == 0)
        return Error::notFound(QStringLiteral("No source named \"%1\"").arg(record.name));
    return {};
}

QList<ShopStatus> SourceRecord::knownStatuses() const
{
    QList<ShopStatus> statuses;
    for (const QJsonValue &value : config.value(QStringLiteral("statuses")).toArray()) {
        const QJsonObject o = value.toObject();
        ShopStatus status;
        status.id = o.value(QStringLiteral("id")).toString();
        status.name = o.value(QStringLiteral("name")).toString();
        status.color = o.value(QStringLiteral("color")).toString();
        statuses.append(status);
    }
    return statuses;
}

Common::Status SourceRepo::recordStatuses(const QString &name, const QList<ShopStatus> &statuses)
{
    QJsonArray list;
    for (const ShopStatus &status : statuses)
        list.append(QJsonObject { { QStringLiteral("id"), status.id },
                                  { QStringLiteral("name"), status.name },
                                  { QStringLiteral("color"), status.color } });
    return recordSnapshot(name, QStringLiteral("statuses"), list);
}

QList<ShopMethod> SourceRecord::knownMethods(MethodKind kind) const
{
    QList<ShopMethod> methods;
    for (const QJsonValue &value : config.value(methodsKey(kind)).toArray()) {
        const QJsonObject o = value.toObject();
        methods.append({ o.value(QStringLiteral("id")).toString(), o.value(QStringLiteral("name")).toString(),
                         o.value(QStringLiteral("active")).toBool(true) });
    }
    return methods;
}

Common::Status SourceRepo::recordMethods(const QString &name, MethodKind kind,
                                         const QList<ShopMethod> &methods)
{
    QJsonArray list;
    for (const ShopMethod &method : methods)
        list.append(QJsonObject { { QStringLiteral("id"), method.id },
                                  { QStringLiteral("name"), method.name },
                                  { QStringLiteral("active"), method.active } });
    return recordSnapshot(name, methodsKey(kind), list);
}

QList<Model::SourceField> SourceRecord::knownFields() const
{
    QList<Model::SourceField> fields;
    for (const QJsonValue &value : config.value(QStringLiteral("fields")).toArray()) {
        const QJsonObject o = value.toObject();
        fields.append({ o.value(QStringLiteral("path")).toString(),
                        o.value(QStringLiteral("label")).toString(),
                        Model::SourceField::Type(o.value(QStringLiteral("type")).toInt()) });
    }
    return fields;
}

Common::Status SourceRepo::recordFields(const QString &name, const QList<Model::SourceField> &catalogue)
{
    QJsonArray list;
    for (const Model::SourceField &field : catalogue) {
        if (Model::SourceFieldCatalogue::describe(Model::SourceKind::Order, field.path)
            && !field.path.startsWith(QLatin1String("order.properties.")))
            continue; // the static catalogue has it
        list.append(QJsonObject { { QStringLiteral("path"), field.path },
                                  { QStringLiteral("label"), field.label },
                                  { QStringLiteral("type"), int(field.type) } });
    }
    return recordSnapshot(name, QStringLiteral("fields"), list);
}

Common::Status SourceRepo::recordSnapshot(const QString &name, const QString &key, const QJsonArray &list)
{
    auto record = byName(name);
    if (!record)
        return record.error();
    if (record->config.value(key).toArray() == list)
        return {};
    record->config.insert(key, list);
    return update(record.value());
}

Common::Status SourceRepo::remove(const QString &name)
{
    Storage::Transaction tx(*m_db);
    if (!tx.isActive())
        return tx.error();
    // A source added later under the same name starts sending to every connection again.
    if (auto targets
        = Sql::update(*m_db, QStringLiteral("DELETE FROM source_targets WHERE source = ?"), { name });
        !targets)
        return targets.error();
    auto removed = Sql::update(*m_db, QStringLiteral("DELETE FROM sources WHERE name = ?"), { name });
    if (!removed)
        return removed.error();
    if (removed.value() > 0) {
        if (auto recorded = Store::AuditRepo(m_db, m_clock).record(QStringLiteral("source.removed"), name);
            !recorded)
            return recorded.error();
    }
    return tx.commit();
}

Result<SourceRecord> SourceRepo::byName(const QString &name)
{
    auto query
        = Sql::exec(*m_db, QStringLiteral("SELECT %1 FROM sources WHERE name = ?").arg(kColumns), { name });
    if (!query)
        return query.error();
    if (!query->next())
        return Error::notFound(QStringLiteral("No source named \"%1\"").arg(name));
    return fromRow(query.value());
}

Result<QList<SourceRecord>> SourceRepo::list()
{
    auto query = Sql::exec(*m_db, QStringLiteral("SELECT %1 FROM sources ORDER BY name").arg(kColumns));
    if (!query)
        return query.error();
    QList<SourceRecord> records;
    while (query->next())
        records.append(fromRow(query.value()));
    return records;
}

} // namespace Source
