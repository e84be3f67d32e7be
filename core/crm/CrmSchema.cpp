// SPDX-License-Identifier: GPL-3.0-or-later
#include "CrmSchema.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace Crm {

using Common::Error;
using Common::Result;

namespace {

// Ids may arrive as JSON numbers from hand-written files; they are always kept as text.
QString idOf(const QJsonValue &value)
{
    if (value.isDouble())
        return QString::number(qint64(value.toDouble()));
    return value.toString();
}

QString str(const QJsonObject &json, const char *key)
{
    return json.value(QLatin1String(key)).toString();
}

int integer(const QJsonObject &json, const char *key)
{
    return json.value(QLatin1String(key)).toInt();
}

template<typename T> const T *findById(const QList<T> &list, const QString &id)
{
    for (const T &item : list) {
        if (item.id == id)
            return &item;
    }
    return nullptr;
}

} // namespace

QString entityName(Entity entity)
{
    switch (entity) {
    case Entity::Deal:
        return QStringLiteral("deal");
    case Entity::Contact:
        return QStringLiteral("contact");
    case Entity::Company:
        return QStringLiteral("company");
    case Entity::Customer:
        return QStringLiteral("customer");
    }
    return {};
}

bool entityFromName(const QString &name, Entity *entity)
{
    for (Entity e : { Entity::Deal, Entity::Contact, Entity::Company, Entity::Customer }) {
        if (entityName(e) == name) {
            *entity = e;
            return true;
        }
    }
    return false;
}

QString stageKindName(StageKind kind)
{
    switch (kind) {
    case StageKind::Normal:
        return QStringLiteral("normal");
    case StageKind::Unsorted:
        return QStringLiteral("unsorted");
    case StageKind::Won:
        return QStringLiteral("won");
    case StageKind::Lost:
        return QStringLiteral("lost");
    }
    return {};
}

bool stageKindFromName(const QString &name, StageKind *kind)
{
    for (StageKind k : { StageKind::Normal, StageKind::Unsorted, StageKind::Won, StageKind::Lost }) {
        if (stageKindName(k) == name) {
            *kind = k;
            return true;
        }
    }
    return false;
}

const Stage *Pipeline::stage(const QString &stageId) const
{
    return findById(stages, stageId);
}

const FieldEnum *CustomField::enumById(const QString &enumId) const
{
    return findById(enums, enumId);
}

const FieldEnum *CustomField::enumByValueOrCode(const QString &text) const
{
    const QString wanted = text.trimmed();
    for (const FieldEnum &e : enums) {
        if (e.value.compare(wanted, Qt::CaseInsensitive) == 0)
            return &e;
    }
    for (const FieldEnum &e : enums) {
        if (!e.code.isEmpty() && e.code.compare(wanted, Qt::CaseInsensitive) == 0)
            return &e;
    }
    return nullptr;
}

bool CustomField::isEnumType() const
{
    return type == QLatin1String("select") || type == QLatin1String("multiselect")
        || type == QLatin1String("radiobutton") || type == QLatin1String("category");
}

bool CustomField::isMultiValue() const
{
    return type == QLatin1String("multitext") || type == QLatin1String("multiselect")
        || type == QLatin1String("items");
}

bool CustomField::isNumericType() const
{
    return type == QLatin1String("numeric") || type == QLatin1String("price")
        || type == QLatin1String("monetary");
}

bool CustomField::isDateType() const
{
    return type == QLatin1String("date") || type == QLatin1String("date_time")
        || type == QLatin1String("birthday");
}

bool CustomField::isCheckbox() const
{
    return type == QLatin1String("checkbox");
}

const Pipeline *CrmSchema::pipeline(const QString &id) const
{
    return findById(pipelines, id);
}

const Pipeline *CrmSchema::mainPipeline() const
{
    for (const Pipeline &p : pipelines) {
        if (p.isMain)
            return &p;
    }
    return pipelines.isEmpty() ? nullptr : &pipelines.constFirst();
}

const Stage *CrmSchema::stage(const QString &pipelineId, const QString &stageId) const
{
    const Pipeline *p = pipeline(pipelineId);
    return p ? p->stage(stageId) : nullptr;
}

const CustomField *CrmSchema::field(const QString &id) const
{
    return findById(fields, id);
}

const CustomField *CrmSchema::fieldByCode(Entity entity, const QString &code) const
{
    for (const CustomField &f : fields) {
        if (f.entity == entity && !f.code.isEmpty() && f.code.compare(code, Qt::CaseInsensitive) == 0)
            return &f;
    }
    return nullptr;
}

const CustomField *CrmSchema::fieldByName(Entity entity, const QString &name) const
{
    for (const CustomField &f : fields) {
        if (f.entity == entity && f.name.compare(name.trimmed(), Qt::CaseInsensitive) == 0)
            return &f;
    }
    return nullptr;
}

QList<CustomField> CrmSchema::fieldsOf(Entity entity) const
{
    QList<CustomField> result;
    for (const CustomField &f : fields) {
        if (f.entity == entity)
            result.append(f);
    }
    return result;
}

const CrmUser *CrmSchema::user(const QString &id) const
{
    return findById(users, id);
}

QJsonObject CrmSchema::toJson() const
{
    QJsonArray pipelineArray;
    for (const Pipeline &p : pipelines) {
        QJsonArray stageArray;
        for (const Stage &s : p.stages) {
            stageArray.append(QJsonObject { { QStringLiteral("id"), s.id },
                                            { QStringLiteral("name"), s.name },
                                            { QStringLiteral("colour"), s.colour },
                                            { QStringLiteral("sort"), s.sort },
                                            { QStringLiteral("kind"), stageKindName(s.kind) } });
        }
        pipelineArray.append(QJsonObject { { QStringLiteral("id"), p.id },
                                           { QStringLiteral("name"), p.name },
                                           { QStringLiteral("sort"), p.sort },
                                           { QStringLiteral("is_main"), p.isMain },
                                           { QStringLiteral("stages"), stageArray } });
    }
    QJsonArray fieldArray;
    for (const CustomField &f : fields) {
        QJsonArray enumArray;
        for (const FieldEnum &e : f.enums) {
            enumArray.append(QJsonObject { { QStringLiteral("id"), e.id },
                                           { QStringLiteral("value"), e.value },
                                           { QStringLiteral("code"), e.code },
                                           { QStringLiteral("sort"), e.sort } });
        }
        fieldArray.append(QJsonObject { { QStringLiteral("id"), f.id },
                                        { QStringLiteral("entity"), entityName(f.entity) },
                                        { QStringLiteral("name"), f.name },
                                        { QStringLiteral("code"), f.code },
                                        { QStringLiteral("type"), f.type },
                                        { QStringLiteral("sort"), f.sort },
                                        { QStringLiteral("enums"), enumArray } });
    }
    QJsonArray userArray;
    for (const CrmUser &u : users) {
        userArray.append(QJsonObject { { QStringLiteral("id"), u.id },
                                       { QStringLiteral("name"), u.name },
                                       { QStringLiteral("email"), u.email },
                                       { QStringLiteral("active"), u.active } });
    }
    QJsonObject dictionaryObject;
    for (auto it = dictionaries.cbegin(); it != dictionaries.cend(); ++it) {
        QJsonArray entries;
        for (const FieldEnum &e : it.value())
            entries.append(QJsonObject { { QStringLiteral("id"), e.id },
                                         { QStringLiteral("value"), e.value },
                                         { QStringLiteral("code"), e.code },
                                         { QStringLiteral("sort"), e.sort } });
        dictionaryObject.insert(it.key(), entries);
    }
    QJsonObject json { { QStringLiteral("crm"), crm },
                       { QStringLiteral("language"), language },
                       { QStringLiteral("fetched_at"),
                         fetchedAt.isValid() ? QJsonValue(fetchedAt.toUTC().toString(Qt::ISODateWithMs))
                                             : QJsonValue() },
                       { QStringLiteral("pipelines"), pipelineArray },
                       { QStringLiteral("fields"), fieldArray },
                       { QStringLiteral("users"), userArray } };
    if (!dictionaryObject.isEmpty())
        json.insert(QStringLiteral("dictionaries"), dictionaryObject);
    return json;
}

const FieldEnum *CrmSchema::dictionaryEntry(const QString &name, const QString &code) const
{
    const auto it = dictionaries.constFind(name);
    if (it == dictionaries.cend())
        return nullptr;
    for (const FieldEnum &e : it.value()) {
        if (e.id == code)
            return &e;
    }
    return nullptr;
}

Result<CrmSchema> CrmSchema::fromJson(const QJsonObject &json)
{
    auto invalid = [](const QString &what) {
        return Error::invalidInput(QStringLiteral("CRM schema: %1").arg(what), QStringLiteral("schema-json"));
    };
    CrmSchema schema;
    schema.crm = str(json, "crm");
    schema.language = str(json, "language");
    schema.fetchedAt = QDateTime::fromString(str(json, "fetched_at"), Qt::ISODateWithMs);
    for (const QJsonValue &pv : json.value(QLatin1String("pipelines")).toArray()) {
        const QJsonObject po = pv.toObject();
        Pipeline p;
        p.id = idOf(po.value(QLatin1String("id")));
        if (p.id.isEmpty())
            return invalid(QStringLiteral("a pipeline has no id"));
        p.name = str(po, "name");
        p.sort = integer(po, "sort");
        p.isMain = po.value(QLatin1String("is_main")).toBool();
        for (const QJsonValue &sv : po.value(QLatin1String("stages")).toArray()) {
            const QJsonObject so = sv.toObject();
            Stage s;
            s.id = idOf(so.value(QLatin1String("id")));
            if (s.id.isEmpty())
                return invalid(QStringLiteral("a stage of pipeline %1 has no id").arg(p.id));
            s.name = str(so, "name");
            s.colour = str(so, "colour");
            s.sort = integer(so, "sort");
            const QString kind = str(so, "kind");
            if (!kind.isEmpty() && !stageKindFromName(kind, &s.kind))
                return invalid(QStringLiteral("unknown stage kind \"%1\"").arg(kind));
            p.stages.append(s);
        }
        schema.pipelines.append(p);
    }
    for (const QJsonValue &fv : json.value(QLatin1String("fields")).toArray()) {
        const QJsonObject fo = fv.toObject();
        CustomField f;
        f.id = idOf(fo.value(QLatin1String("id")));
        if (f.id.isEmpty())
            return invalid(QStringLiteral("a field has no id"));
        if (!entityFromName(str(fo, "entity"), &f.entity))
            return invalid(
                QStringLiteral("field %1 has an unknown entity \"%2\"").arg(f.id, str(fo, "entity")));
        f.name = str(fo, "name");
        f.code = str(fo, "code");
        f.type = str(fo, "type");
        f.sort = integer(fo, "sort");
        for (const QJsonValue &ev : fo.value(QLatin1String("enums")).toArray()) {
            const QJsonObject eo = ev.toObject();
            f.enums.append({ idOf(eo.value(QLatin1String("id"))), str(eo, "value"), str(eo, "code"),
                             integer(eo, "sort") });
        }
        schema.fields.append(f);
    }
    for (const QJsonValue &uv : json.value(QLatin1String("users")).toArray()) {
        const QJsonObject uo = uv.toObject();
        CrmUser u;
        u.id = idOf(uo.value(QLatin1String("id")));
        if (u.id.isEmpty())
            return invalid(QStringLiteral("a user has no id"));
        u.name = str(uo, "name");
        u.email = str(uo, "email");
        u.active = uo.value(QLatin1String("active")).toBool(true);
        schema.users.append(u);
    }
    const QJsonObject dictionaryObject = json.value(QLatin1String("dictionaries")).toObject();
    for (auto it = dictionaryObject.begin(); it != dictionaryObject.end(); ++it) {
        QList<FieldEnum> entries;
        for (const QJsonValue &ev : it.value().toArray()) {
            const QJsonObject eo = ev.toObject();
            entries.append({ idOf(eo.value(QLatin1String("id"))), str(eo, "value"), str(eo, "code"),
                             integer(eo, "sort") });
        }
        schema.dictionaries.insert(it.key(), entries);
    }
    return schema;
}

QString SchemaChange::kindName(Kind kind)
{
    switch (kind) {
    case Kind::FieldRenamed:
        return QStringLiteral("field-renamed");
    case Kind::FieldDeleted:
        return QStringLiteral("field-deleted");
    case Kind::FieldTypeChanged:
        return QStringLiteral("field-type-changed");
    case Kind::EnumValueGone:
        return QStringLiteral("enum-value-gone");
    case Kind::StageGone:
        return QStringLiteral("stage-gone");
    case Kind::StageRenamed:
        return QStringLiteral("stage-renamed");
    case Kind::PipelineGone:
        return QStringLiteral("pipeline-gone");
    case Kind::UserDeactivated:
        return QStringLiteral("user-deactivated");
    case Kind::UserGone:
        return QStringLiteral("user-gone");
    }
    return {};
}

QString SchemaChange::describe() const
{
    switch (kind) {
    case Kind::FieldRenamed:
        return QCoreApplication::translate("Crm", "Field \u201c%1\u201d (%2) was renamed to \u201c%3\u201d")
            .arg(before, subjectId, after);
    case Kind::FieldDeleted:
        return QCoreApplication::translate("Crm", "Field \u201c%1\u201d (%2) was deleted")
            .arg(before, subjectId);
    case Kind::FieldTypeChanged:
        return QCoreApplication::translate("Crm", "Field %1 changed its type from %2 to %3")
            .arg(subjectId, before, after);
    case Kind::EnumValueGone:
        return QCoreApplication::translate("Crm", "Value \u201c%1\u201d (%2) of field %3 was deleted")
            .arg(before, enumId, subjectId);
    case Kind::StageGone:
        return QCoreApplication::translate("Crm", "Stage \u201c%1\u201d (%2) of pipeline %3 was deleted")
            .arg(before, subjectId, pipelineId);
    case Kind::StageRenamed:
        return QCoreApplication::translate(
                   "Crm", "Stage %1 of pipeline %2 was renamed from \u201c%3\u201d to \u201c%4\u201d")
            .arg(subjectId, pipelineId, before, after);
    case Kind::PipelineGone:
        return QCoreApplication::translate("Crm", "Pipeline \u201c%1\u201d (%2) was deleted")
            .arg(before, subjectId);
    case Kind::UserDeactivated:
        return QCoreApplication::translate("Crm", "User \u201c%1\u201d (%2) was deactivated")
            .arg(before, subjectId);
    case Kind::UserGone:
        return QCoreApplication::translate("Crm", "User \u201c%1\u201d (%2) was removed")
            .arg(before, subjectId);
    }
    return {};
}

QList<SchemaChange> CrmSchemaDiff::about(SchemaChange::Kind kind) const
{
    QList<SchemaChange> result;
    for (const SchemaChange &c : changes) {
        if (c.kind == kind)
            result.append(c);
    }
    return result;
}

const SchemaChange *CrmSchemaDiff::find(SchemaChange::Kind kind, const QString &subjectId) const
{
    for (const SchemaChange &c : changes) {
        if (c.kind == kind && c.subjectId == subjectId)
            return &c;
    }
    return nullptr;
}

CrmSchemaDiff diff(const CrmSchema &before, const CrmSchema &after)
{
    using K = SchemaChange::Kind;
    CrmSchemaDiff result;
    auto add = [&result](K kind, const QString &id, const QString &was, const QString &now = {}) {
        SchemaChange c;
        c.kind = kind;
        c.subjectId = id;
        c.before = was;
        c.after = now;
        result.changes.append(c);
        return &result.changes.last();
    };
    for (const CustomField &old : before.fields) {
        const CustomField *now = after.field(old.id);
        if (!now) {
            add(K::FieldDeleted, old.id, old.name);
            continue;
        }
        if (now->name != old.name)
            add(K::FieldRenamed, old.id, old.name, now->name);
        if (now->type != old.type)
            add(K::FieldTypeChanged, old.id, old.type, now->type);
        for (const FieldEnum &e : old.enums) {
            if (!now->enumById(e.id))
                add(K::EnumValueGone, old.id, e.value)->enumId = e.id;
        }
    }
    for (const Pipeline &old : before.pipelines) {
        const Pipeline *now = after.pipeline(old.id);
        if (!now) {
            add(K::PipelineGone, old.id, old.name);
            continue;
        }
        for (const Stage &s : old.stages) {
            const Stage *nowStage = now->stage(s.id);
            if (!nowStage)
                add(K::StageGone, s.id, s.name)->pipelineId = old.id;
            else if (nowStage->name != s.name)
                add(K::StageRenamed, s.id, s.name, nowStage->name)->pipelineId = old.id;
        }
    }
    for (const CrmUser &old : before.users) {
        const CrmUser *now = after.user(old.id);
        if (!now)
            add(K::UserGone, old.id, old.name);
        else if (old.active && !now->active)
            add(K::UserDeactivated, old.id, old.name);
    }
    return result;
}

} // namespace Crm
