// SPDX-License-Identifier: GPL-3.0-or-later
#include "MissingFieldCreator.h"

#include "mapping/MappingRepo.h"

#include <QLoggingCategory>
#include <QPointer>

namespace Engine {

namespace {
Q_LOGGING_CATEGORY(lcFieldCreator, "crmbridge.engine.fields")

bool flag(const QJsonObject &config, const QString &key)
{
    const QJsonValue v = config.value(key);
    if (v.isBool())
        return v.toBool();
    const QString text = v.toString().trimmed().toLower();
    return text == QLatin1String("yes") || text == QLatin1String("true") || text == QLatin1String("1")
        || text == QLatin1String("on");
}

Crm::CustomField fieldOf(const Mapping::FieldSpec &spec)
{
    Crm::CustomField field;
    field.entity = spec.entity;
    field.name = spec.name;
    field.type = spec.type;
    int sort = 0;
    for (const QString &value : spec.enums)
        field.enums.append({ {}, value, {}, sort += 10 });
    return field;
}

/** The state of one run: the entities still to create, one connector call after the other. */
struct Run
{
    std::shared_ptr<Storage::Database> db;
    qint64 connectionId = 0;
    QPointer<Crm::CrmConnector> connector;
    FieldCreation result;
    QList<QList<Mapping::FieldSpec>> groups;
    std::function<void(Common::Result<FieldCreation>)> done;
};

void finish(const std::shared_ptr<Run> &run)
{
    FieldCreation &r = run->result;
    r.rowsBound = Mapping::bindFields(r.set, r.schema);
    if (!r.created.isEmpty() || r.rowsBound > 0) {
        Mapping::MappingRepo repo(run->db);
        if (auto saved = repo.saveSchema(run->connectionId, r.schema); !saved) {
            run->done(saved.error());
            return;
        }
        if (auto saved = repo.save(run->connectionId, r.set); !saved) {
            run->done(saved.error());
            return;
        }
    }
    run->done(r);
}

void next(const std::shared_ptr<Run> &run)
{
    if (run->groups.isEmpty()) {
        finish(run);
        return;
    }
    if (!run->connector) {
        run->done(Common::Error::transient(QStringLiteral("The CRM connection went away")));
        return;
    }
    const QList<Mapping::FieldSpec> group = run->groups.takeFirst();
    QList<Crm::CustomField> fields;
    QStringList names;
    for (const Mapping::FieldSpec &spec : group) {
        fields << fieldOf(spec);
        names << spec.name;
    }
    const Crm::Entity entity = group.first().entity;
    qCInfo(lcFieldCreator) << "connection" << run->connectionId << "creating" << Crm::entityName(entity)
                           << "fields" << names;
    run->connector->createFields(fields, entity, [run, group, names](Common::Result<Crm::CrmSchema> schema) {
        if (!schema) {
            Common::Error e = schema.error();
            e.message = QStringLiteral("The CRM did not create the fields \u201c%1\u201d: %2")
                            .arg(names.join(QStringLiteral("\u201d, \u201c")), e.message);
            run->done(e);
            return;
        }
        run->result.schema = schema.value();
        run->result.created << group;
        next(run);
    });
}
} // namespace

bool FieldCreationPolicy::allows(Crm::Entity entity) const
{
    switch (entity) {
    case Crm::Entity::Deal:
    case Crm::Entity::Customer:
        return dealFields;
    case Crm::Entity::Contact:
    case Crm::Entity::Company:
        return contactFields;
    }
    return false;
}

FieldCreationPolicy FieldCreationPolicy::of(const Store::Connection &connection)
{
    return { flag(connection.config, dealKey()), flag(connection.config, contactKey()) };
}

void createMissingFields(std::shared_ptr<Storage::Database> db, qint64 connectionId,
                         Crm::CrmConnector &connector, Mapping::MappingSet set, Crm::CrmSchema schema,
                         FieldCreationPolicy policy, std::function<void(Common::Result<FieldCreation>)> done)
{
    auto run = std::make_shared<Run>();
    run->db = std::move(db);
    run->connectionId = connectionId;
    run->connector = &connector;
    run->done = std::move(done);
    run->result.set = std::move(set);
    run->result.schema = std::move(schema);
    for (const Mapping::FieldSpec &spec : Mapping::missingFields(run->result.set, run->result.schema)) {
        if (!policy.allows(spec.entity)) {
            run->result.notAllowed << spec;
            continue;
        }
        auto group = std::find_if(run->groups.begin(), run->groups.end(),
                                  [&spec](const auto &g) { return g.first().entity == spec.entity; });
        if (group == run->groups.end())
            run->groups.append(QList<Mapping::FieldSpec> { spec });
        else
            group->append(spec);
    }
    next(run);
}

} // namespace Engine
