// SPDX-License-Identifier: GPL-3.0-or-later
#include "FieldMap.h"

#include "MappingLog.h"

#include <QJsonArray>

namespace Mapping {

using Common::Error;
using Common::Result;
using Kind = FieldTarget::Kind;

namespace {

Error invalid(const QString &what)
{
    return Error::invalidInput(what, QStringLiteral("mapping-json"));
}

struct TargetName
{
    Kind kind;
    const char *name;
    const char *label;
};

constexpr TargetName kTargetNames[] = {
    { Kind::Unset, "unset", QT_TRANSLATE_NOOP("Mapping", "not set") },
    { Kind::DealName, "deal.name", QT_TRANSLATE_NOOP("Mapping", "Deal: name") },
    { Kind::DealPrice, "deal.price", QT_TRANSLATE_NOOP("Mapping", "Deal: budget") },
    { Kind::DealResponsible, "deal.responsible", QT_TRANSLATE_NOOP("Mapping", "Deal: responsible user") },
    { Kind::DealTags, "deal.tags", QT_TRANSLATE_NOOP("Mapping", "Deal: tags") },
    { Kind::ContactName, "contact.name", QT_TRANSLATE_NOOP("Mapping", "Contact: name") },
    { Kind::ContactFirstName, "contact.first_name", QT_TRANSLATE_NOOP("Mapping", "Contact: first name") },
    { Kind::ContactLastName, "contact.last_name", QT_TRANSLATE_NOOP("Mapping", "Contact: last name") },
    { Kind::ContactPhone, "contact.phone", QT_TRANSLATE_NOOP("Mapping", "Contact: phone") },
    { Kind::ContactEmail, "contact.email", QT_TRANSLATE_NOOP("Mapping", "Contact: email") },
    { Kind::CompanyName, "company.name", QT_TRANSLATE_NOOP("Mapping", "Company: name") },
    { Kind::CustomField, "custom", nullptr },
};

QString entityLabel(Crm::Entity entity)
{
    switch (entity) {
    case Crm::Entity::Deal:
        return Text::tr("Deal");
    case Crm::Entity::Contact:
        return Text::tr("Contact");
    case Crm::Entity::Company:
        return Text::tr("Company");
    case Crm::Entity::Customer:
        return Text::tr("Customer");
    }
    return {};
}

struct NoteModeName
{
    FieldMap::NoteMode mode;
    const char *name;
};

constexpr NoteModeName kNoteModes[] = {
    { FieldMap::NoteMode::None, "none" },
    { FieldMap::NoteMode::Cart, "cart" },
    { FieldMap::NoteMode::FormFields, "form-fields" },
    { FieldMap::NoteMode::Template, "template" },
};

} // namespace

FieldTarget FieldTarget::standard(Kind kind, const QString &enumCode)
{
    FieldTarget t;
    t.kind = kind;
    t.entity = kind >= Kind::ContactName && kind <= Kind::ContactEmail ? Crm::Entity::Contact
        : kind == Kind::CompanyName                                    ? Crm::Entity::Company
                                                                       : Crm::Entity::Deal;
    t.enumCode = enumCode;
    return t;
}

FieldTarget FieldTarget::custom(const Crm::CustomField &field, const QString &enumCode)
{
    FieldTarget t;
    t.kind = Kind::CustomField;
    t.entity = field.entity;
    t.fieldId = field.id;
    t.fieldName = field.name;
    t.fieldType = field.type;
    t.enumCode = enumCode;
    return t;
}

FieldTarget FieldTarget::toCreate(Crm::Entity entity, const QString &name, const QString &type)
{
    FieldTarget t;
    t.kind = Kind::CustomField;
    t.entity = entity;
    t.fieldName = name;
    t.fieldType = type;
    return t;
}

Crm::Entity FieldTarget::targetEntity() const
{
    return kind == Kind::CustomField ? entity : standard(kind).entity;
}

bool FieldTarget::acceptsSeveralRows() const
{
    if (kind == Kind::DealTags || kind == Kind::ContactPhone || kind == Kind::ContactEmail)
        return true;
    return kind == Kind::CustomField
        && (fieldType == QLatin1String("multitext") || fieldType == QLatin1String("multiselect"));
}

QString FieldTarget::key() const
{
    if (kind != Kind::CustomField)
        return kindName(kind);
    const QString entityPrefix = Crm::entityName(entity) + QLatin1Char('.');
    if (fieldId.isEmpty())
        return entityPrefix + QStringLiteral("new:") + fieldName.trimmed().toLower();
    return entityPrefix + QStringLiteral("field:") + fieldId;
}

QString FieldTarget::describe() const
{
    if (kind == Kind::CustomField) {
        const QString name = fieldName.isEmpty() ? fieldId : fieldName;
        return Text::tr("%1: \u201c%2\u201d").arg(entityLabel(entity), name);
    }
    for (const TargetName &t : kTargetNames) {
        if (t.kind == kind && t.label)
            return Text::tr(t.label);
    }
    return {};
}

QString FieldTarget::kindName(Kind kind)
{
    for (const TargetName &t : kTargetNames) {
        if (t.kind == kind)
            return QLatin1String(t.name);
    }
    return {};
}

bool FieldTarget::kindFromName(const QString &name, Kind *kind)
{
    for (const TargetName &t : kTargetNames) {
        if (name == QLatin1String(t.name)) {
            *kind = t.kind;
            return true;
        }
    }
    return false;
}

// {"kind": "custom", "entity": "deal", "field_id": "123", "field_name": "Город", "field_type": "text"}
QJsonObject FieldTarget::toJson() const
{
    QJsonObject json { { QStringLiteral("kind"), kindName(kind) } };
    if (kind == Kind::CustomField) {
        json.insert(QStringLiteral("entity"), Crm::entityName(entity));
        json.insert(QStringLiteral("field_id"), fieldId);
        json.insert(QStringLiteral("field_name"), fieldName);
        json.insert(QStringLiteral("field_type"), fieldType);
        if (!createEnums.isEmpty())
            json.insert(QStringLiteral("create_enums"), QJsonArray::fromStringList(createEnums));
    }
    if (!enumCode.isEmpty())
        json.insert(QStringLiteral("enum_code"), enumCode);
    return json;
}

Result<FieldTarget> FieldTarget::fromJson(const QJsonObject &json)
{
    Kind kind;
    const QString kindText = json.value(QLatin1String("kind")).toString(QStringLiteral("unset"));
    if (!kindFromName(kindText, &kind))
        return invalid(QStringLiteral("unknown target \"%1\"").arg(kindText));
    FieldTarget t = standard(kind, json.value(QLatin1String("enum_code")).toString());
    if (kind == Kind::CustomField) {
        const QString entity = json.value(QLatin1String("entity")).toString();
        if (!Crm::entityFromName(entity, &t.entity))
            return invalid(QStringLiteral("unknown target entity \"%1\"").arg(entity));
        const QJsonValue id = json.value(QLatin1String("field_id"));
        t.fieldId = id.isDouble() ? QString::number(qint64(id.toDouble())) : id.toString();
        t.fieldName = json.value(QLatin1String("field_name")).toString();
        t.fieldType = json.value(QLatin1String("field_type")).toString();
        for (const QJsonValue &v : json.value(QLatin1String("create_enums")).toArray())
            t.createEnums << v.toString();
        if (t.fieldId.isEmpty() && (t.fieldName.trimmed().isEmpty() || t.fieldType.isEmpty()))
            return invalid(
                QStringLiteral("a custom target needs a field_id, or a field_name and field_type to create"));
    }
    return t;
}

QJsonObject FieldRow::toJson() const
{
    return { { QStringLiteral("id"), id },
             { QStringLiteral("source"), source },
             { QStringLiteral("target"), target.toJson() },
             { QStringLiteral("transform"), transform.toJson() },
             { QStringLiteral("policy"), Crm::updatePolicyName(policy) },
             { QStringLiteral("skip_empty"), skipEmpty },
             { QStringLiteral("active"), active } };
}

Result<FieldRow> FieldRow::fromJson(const QJsonObject &json)
{
    FieldRow row;
    row.id = json.value(QLatin1String("id")).toString();
    if (row.id.isEmpty())
        return invalid(QStringLiteral("a field row has no id"));
    row.source = json.value(QLatin1String("source")).toString();
    auto target = FieldTarget::fromJson(json.value(QLatin1String("target")).toObject());
    if (!target)
        return invalid(QStringLiteral("row %1: %2").arg(row.id, target.error().message));
    row.target = target.value();
    auto transform = Transform::fromJson(json.value(QLatin1String("transform")).toObject());
    if (!transform)
        return invalid(QStringLiteral("row %1: %2").arg(row.id, transform.error().message));
    row.transform = transform.value();
    const QString policy = json.value(QLatin1String("policy")).toString(QStringLiteral("always"));
    if (!Crm::updatePolicyFromName(policy, &row.policy))
        return invalid(QStringLiteral("row %1: unknown update policy \"%2\"").arg(row.id, policy));
    row.skipEmpty = json.value(QLatin1String("skip_empty")).toBool(true);
    row.active = json.value(QLatin1String("active")).toBool(true);
    return row;
}

const FieldRow *FieldMap::row(const QString &id) const
{
    for (const FieldRow &r : rows) {
        if (r.id == id)
            return &r;
    }
    return nullptr;
}

QString FieldMap::noteModeName(NoteMode mode)
{
    for (const NoteModeName &n : kNoteModes) {
        if (n.mode == mode)
            return QLatin1String(n.name);
    }
    return {};
}

QJsonObject FieldMap::toJson() const
{
    QJsonArray rowArray;
    for (const FieldRow &r : rows)
        rowArray.append(r.toJson());
    return { { QStringLiteral("kind"), sourceKindName(kind) },
             { QStringLiteral("deal_name"), dealNameTemplate },
             { QStringLiteral("tags"), QJsonArray::fromStringList(tagTemplates) },
             { QStringLiteral("note"),
               QJsonObject { { QStringLiteral("mode"), noteModeName(noteMode) },
                             { QStringLiteral("template"), noteTemplate } } },
             { QStringLiteral("rows"), rowArray } };
}

Result<FieldMap> FieldMap::fromJson(const QJsonObject &json)
{
    FieldMap map;
    const QString kind = json.value(QLatin1String("kind")).toString();
    if (kind == QLatin1String("order"))
        map.kind = SourceKind::Order;
    else if (kind == QLatin1String("form"))
        map.kind = SourceKind::Form;
    else
        return invalid(QStringLiteral("unknown field map kind \"%1\"").arg(kind));
    map.dealNameTemplate = json.value(QLatin1String("deal_name")).toString();
    for (const QJsonValue &t : json.value(QLatin1String("tags")).toArray())
        map.tagTemplates << t.toString();
    const QJsonObject note = json.value(QLatin1String("note")).toObject();
    const QString mode = note.value(QLatin1String("mode")).toString(QStringLiteral("none"));
    bool modeKnown = false;
    for (const NoteModeName &n : kNoteModes) {
        if (mode == QLatin1String(n.name)) {
            map.noteMode = n.mode;
            modeKnown = true;
        }
    }
    if (!modeKnown)
        return invalid(QStringLiteral("unknown note mode \"%1\"").arg(mode));
    map.noteTemplate = note.value(QLatin1String("template")).toString();
    for (const QJsonValue &v : json.value(QLatin1String("rows")).toArray()) {
        auto row = FieldRow::fromJson(v.toObject());
        if (!row)
            return row.error();
        if (map.row(row->id))
            return invalid(QStringLiteral("two field rows have the id %1").arg(row->id));
        map.rows.append(row.value());
    }
    return map;
}

} // namespace Mapping
