// SPDX-License-Identifier: GPL-3.0-or-later
#include "MappingValidator.h"

#include "MappingLog.h"
#include "model/SourceFieldCatalogue.h"

#include <QHash>

namespace Mapping {

using Kind = FieldTarget::Kind;
using Severity = Problem::Severity;
using Change = Crm::SchemaChange::Kind;

namespace {

QString areaOf(const FieldMap &map)
{
    return map.kind == SourceKind::Order ? QStringLiteral("orders") : QStringLiteral("forms");
}

class Collector
{
public:
    Collector(QList<Problem> &problems, const QString &area)
        : m_problems(problems)
        , m_area(area)
    { }
    void add(Severity severity, const QString &rowId, const QString &code, const QString &message)
    {
        m_problems << Problem { severity, m_area, rowId, code, message };
    }

    void checkPipelineStage(Severity sev, const QString &rowId, const QString &pipelineId,
                            const QString &stageId, const Crm::CrmSchema &schema,
                            const Crm::CrmSchemaDiff &diff)
    {
        if (pipelineId.isEmpty())
            return;
        const Crm::Pipeline *pipeline = schema.pipeline(pipelineId);
        if (!pipeline) {
            const Crm::SchemaChange *c = diff.find(Change::PipelineGone, pipelineId);
            add(sev, rowId, QStringLiteral("pipeline-gone"),
                c ? c->describe() : Text::tr("Pipeline %1 does not exist in the CRM").arg(pipelineId));
            return;
        }
        if (stageId.isEmpty())
            return;
        if (!pipeline->stage(stageId)) {
            const Crm::SchemaChange *c = diff.find(Change::StageGone, stageId);
            add(sev, rowId, QStringLiteral("stage-gone"),
                c ? c->describe()
                  : Text::tr("Stage %1 does not exist in pipeline \u201c%2\u201d")
                        .arg(stageId, pipeline->name));
        } else if (const Crm::SchemaChange *c = diff.find(Change::StageRenamed, stageId)) {
            add(Severity::Warning, rowId, QStringLiteral("stage-renamed"), c->describe());
        }
    }

    void checkUser(Severity sev, const QString &rowId, const QString &userId, const Crm::CrmSchema &schema,
                   const Crm::CrmSchemaDiff &diff)
    {
        if (userId.isEmpty())
            return;
        const Crm::CrmUser *user = schema.user(userId);
        if (!user) {
            const Crm::SchemaChange *c = diff.find(Change::UserGone, userId);
            add(sev, rowId, QStringLiteral("user-gone"),
                c ? c->describe() : Text::tr("User %1 does not exist in the CRM").arg(userId));
        } else if (!user->active) {
            const Crm::SchemaChange *c = diff.find(Change::UserDeactivated, userId);
            add(sev, rowId, QStringLiteral("user-deactivated"),
                c ? c->describe()
                  : Text::tr("User \u201c%1\u201d (%2) is deactivated").arg(user->name, userId));
        }
    }

private:
    QList<Problem> &m_problems;
    QString m_area;
};

void checkTemplate(Collector &out, const QString &rowId, SourceKind kind, const QString &text,
                   const QString &what)
{
    for (const QString &path : templatePlaceholders(text)) {
        if (!Model::SourceFieldCatalogue::isKnown(kind, path)) {
            out.add(Severity::Error, rowId, QStringLiteral("bad-template"),
                    Text::tr("The %1 names an unknown field {%2}").arg(what, path));
        }
    }
}

/** The enum references a row makes on its own: a constant, lookup results. */
QStringList fixedValues(const Transform &t)
{
    QStringList values;
    if (t.kind == Transform::Kind::Constant)
        values << t.argument;
    if (t.kind == Transform::Kind::Lookup) {
        values << t.table.values();
        if (t.fallback)
            values << *t.fallback;
    }
    values.removeAll(QString());
    values.removeDuplicates();
    return values;
}

/** What kind of value a row sends, as far as its transform or source says. */
Model::SourceField::Type valueType(SourceKind kind, const FieldRow &row)
{
    switch (row.transform.kind) {
    case Transform::Kind::Number:
        return Model::SourceField::Type::Number;
    case Transform::Kind::Date:
        return Model::SourceField::Type::Date;
    case Transform::Kind::Phone:
        return Model::SourceField::Type::Phone;
    case Transform::Kind::Email:
        return Model::SourceField::Type::Email;
    case Transform::Kind::Constant:
    case Transform::Kind::Template:
    case Transform::Kind::Lookup:
    case Transform::Kind::Join:
        return Model::SourceField::Type::Text;
    default:
        break;
    }
    const auto source = Model::SourceFieldCatalogue::describe(kind, row.source);
    return source ? source->type : Model::SourceField::Type::Text;
}

QString typeWords(Model::SourceField::Type type)
{
    switch (type) {
    case Model::SourceField::Type::Number:
        return Text::tr("a number");
    case Model::SourceField::Type::Date:
        return Text::tr("a date");
    case Model::SourceField::Type::Phone:
        return Text::tr("a phone number");
    case Model::SourceField::Type::Email:
        return Text::tr("an e-mail address");
    default:
        return Text::tr("text");
    }
}

/** A number into a date field, a date into a number field …: the CRM refuses it or stores nonsense. */
void checkValueType(Collector &out, SourceKind kind, const FieldRow &row, const QString &fieldName,
                    const Crm::CustomField &field)
{
    using Type = Model::SourceField::Type;
    const Type type = valueType(kind, row);
    const bool dateField = field.isDateType();
    const bool numberField = field.isNumericType();
    const bool mismatch = (dateField && (type == Type::Number || type == Type::Phone || type == Type::Email))
        || (numberField && (type == Type::Date || type == Type::Phone || type == Type::Email));
    if (!mismatch)
        return;
    const auto source = Model::SourceFieldCatalogue::describe(kind, row.source);
    out.add(Severity::Warning, row.id, QStringLiteral("type-mismatch"),
            Text::tr("\u201c%1\u201d is %2, but field \u201c%3\u201d takes %4")
                .arg(source ? source->label : row.source, typeWords(type), fieldName,
                     typeWords(dateField ? Type::Date : Type::Number)));
}

void checkCustomTarget(Collector &out, Severity sev, SourceKind kind, const FieldRow &row,
                       const Crm::CrmSchema &schema, const Crm::CrmSchemaDiff &diff)
{
    const FieldTarget &t = row.target;
    if (t.fieldId.isEmpty()) {
        Crm::CustomField planned;
        planned.type = t.fieldType;
        checkValueType(out, kind, row, t.fieldName, planned);
        if (!schema.fieldByName(t.entity, t.fieldName)) {
            out.add(sev, row.id, QStringLiteral("field-missing"),
                    Text::tr("Field \u201c%1\u201d does not exist in the CRM yet: allow creating it, or "
                             "choose another "
                             "field")
                        .arg(t.fieldName));
        }
        return;
    }
    const Crm::CustomField *field = schema.field(t.fieldId);
    if (!field) {
        const Crm::SchemaChange *c = diff.find(Change::FieldDeleted, t.fieldId);
        out.add(
            sev, row.id, QStringLiteral("field-deleted"),
            c ? c->describe()
              : Text::tr("Field \u201c%1\u201d (%2) does not exist in the CRM").arg(t.fieldName, t.fieldId));
        return;
    }
    if (field->entity != t.entity) {
        out.add(sev, row.id, QStringLiteral("field-entity"),
                Text::tr("Field \u201c%1\u201d belongs to another entity (%2)")
                    .arg(field->name, Crm::entityName(field->entity)));
    }
    checkValueType(out, kind, row, field->name, *field);
    if (!t.fieldName.isEmpty() && t.fieldName != field->name) {
        out.add(Severity::Warning, row.id, QStringLiteral("field-renamed"),
                Text::tr("Field \u201c%1\u201d (%2) is now called \u201c%3\u201d")
                    .arg(t.fieldName, t.fieldId, field->name));
    }
    if (!t.fieldType.isEmpty() && t.fieldType != field->type) {
        out.add(sev, row.id, QStringLiteral("type-changed"),
                Text::tr("Field \u201c%1\u201d (%2) changed its type from %3 to %4")
                    .arg(field->name, t.fieldId, t.fieldType, field->type));
    }
    if (field->isEnumType()) {
        for (const QString &value : fixedValues(row.transform)) {
            if (field->enumById(value) || field->enumByValueOrCode(value))
                continue;
            const auto gone = diff.about(Change::EnumValueGone);
            auto it = std::find_if(gone.cbegin(), gone.cend(), [&](const Crm::SchemaChange &c) {
                return c.subjectId == t.fieldId && c.enumId == value;
            });
            out.add(sev, row.id, QStringLiteral("enum-gone"),
                    it != gone.cend()
                        ? it->describe()
                        : Text::tr("Field \u201c%1\u201d has no value %2").arg(field->name, value));
        }
    }
    if (!t.enumCode.isEmpty() && !field->enums.isEmpty() && !field->enumByValueOrCode(t.enumCode)) {
        out.add(sev, row.id, QStringLiteral("enum-gone"),
                Text::tr("Field \u201c%1\u201d has no kind %2").arg(field->name, t.enumCode));
    }
}

void checkChannelCode(Collector &out, Severity sev, const FieldRow &row, const QString &fieldCode,
                      const Crm::CrmSchema &schema)
{
    const Crm::CustomField *field = schema.fieldByCode(Crm::Entity::Contact, fieldCode);
    const QString code = row.target.enumCode.isEmpty() ? QStringLiteral("WORK") : row.target.enumCode;
    if (field && !field->enums.isEmpty() && !field->enumByValueOrCode(code)) {
        out.add(sev, row.id, QStringLiteral("enum-gone"),
                Text::tr("Field \u201c%1\u201d has no kind %2").arg(field->name, code));
    }
}

} // namespace

QList<Problem> MappingValidator::validateStructure(const MappingSet &set, const Crm::CrmSchema *schema)
{
    QList<Problem> problems;
    for (const FieldMap *map : { &set.orders, &set.forms }) {
        Collector out(problems, areaOf(*map));
        QHash<QString, QString> rowOfTarget;
        for (const FieldRow &row : map->rows) {
            const Severity sev = row.active ? Severity::Error : Severity::Warning;
            const bool sourceless = row.transform.kind == Transform::Kind::Constant
                || row.transform.kind == Transform::Kind::Template;
            if (!row.source.isEmpty() && !Model::SourceFieldCatalogue::isKnown(map->kind, row.source)) {
                out.add(sev, row.id, QStringLiteral("unknown-source"),
                        Text::tr("Unknown source field %1").arg(row.source));
            } else if (row.source.isEmpty() && !sourceless) {
                out.add(sev, row.id, QStringLiteral("no-source"), Text::tr("No source field is chosen"));
            }
            if (row.transform.kind == Transform::Kind::Template)
                checkTemplate(out, row.id, map->kind, row.transform.argument, Text::tr("template"));
            if (!row.active)
                continue;
            if (!row.target.isSet()) {
                out.add(Severity::Error, row.id, QStringLiteral("no-target"),
                        Text::tr("No CRM field is chosen"));
                continue;
            }
            const QString key = row.target.key();
            if (!row.target.acceptsSeveralRows() && rowOfTarget.contains(key)) {
                const auto other = Model::SourceFieldCatalogue::describe(map->kind, rowOfTarget.value(key));
                out.add(Severity::Error, row.id, QStringLiteral("duplicate-target"),
                        Text::tr("%1 is already filled from \u201c%2\u201d")
                            .arg(row.target.describe(), other ? other->label : rowOfTarget.value(key)));
            } else {
                rowOfTarget.insert(key, row.source);
            }
        }
        checkTemplate(out, {}, map->kind, map->dealNameTemplate, Text::tr("deal name template"));
        for (const QString &tag : map->tagTemplates)
            checkTemplate(out, {}, map->kind, tag, Text::tr("tag template"));
        if (map->noteMode == FieldMap::NoteMode::Template)
            checkTemplate(out, {}, map->kind, map->noteTemplate, Text::tr("note template"));
    }
    problems << set.statuses.validate(schema) << set.routing.validate() << set.formRouting.validate()
             << set.codes.validateStructure();
    return problems;
}

QList<Problem> MappingValidator::validateFieldMap(const FieldMap &map, const Crm::CrmSchema &schema,
                                                  const Crm::CrmSchemaDiff &diff)
{
    QList<Problem> problems;
    Collector out(problems, areaOf(map));
    for (const FieldRow &row : map.rows) {
        if (!row.target.isSet())
            continue;
        const Severity sev = row.active ? Severity::Error : Severity::Warning;
        switch (row.target.kind) {
        case Kind::CustomField:
            checkCustomTarget(out, sev, map.kind, row, schema, diff);
            break;
        case Kind::ContactPhone:
            checkChannelCode(out, sev, row, QStringLiteral("PHONE"), schema);
            break;
        case Kind::ContactEmail:
            checkChannelCode(out, sev, row, QStringLiteral("EMAIL"), schema);
            break;
        case Kind::DealResponsible:
            if (row.transform.kind == Transform::Kind::Constant)
                out.checkUser(sev, row.id, row.transform.argument, schema, diff);
            break;
        default:
            break;
        }
    }
    return problems;
}

QList<Problem> MappingValidator::validateStatusMap(const StatusMap &map, const Crm::CrmSchema &schema,
                                                   const Crm::CrmSchemaDiff &diff)
{
    QList<Problem> problems;
    Collector out(problems, QStringLiteral("statuses"));
    for (const StatusRow &row : map.rows) {
        if (row.direction != StatusRow::Direction::DontSend)
            out.checkPipelineStage(Severity::Error, row.id, row.pipelineId, row.stageId, schema, diff);
    }
    if (map.unmappedToCrm == StatusMap::UnmappedToCrm::DefaultStage)
        out.checkPipelineStage(Severity::Error, {}, map.defaultPipelineId, map.defaultStageId, schema, diff);
    return problems;
}

QList<Problem> MappingValidator::validateRouting(const MappingSet &set, const Crm::CrmSchema &schema,
                                                 const Crm::CrmSchemaDiff &diff)
{
    QList<Problem> problems;
    Collector out(problems, QStringLiteral("routing"));
    for (const RouteRule &rule : set.routing.rules) {
        const Severity sev = rule.active ? Severity::Error : Severity::Warning;
        out.checkPipelineStage(sev, rule.id, rule.pipelineId, rule.stageId, schema, diff);
        out.checkUser(sev, rule.id, rule.responsibleUserId, schema, diff);
    }
    out.checkPipelineStage(Severity::Error, {}, set.routing.defaultPipelineId, set.routing.defaultStageId,
                           schema, diff);
    out.checkUser(Severity::Error, {}, set.routing.defaultResponsibleUserId, schema, diff);
    Collector forms(problems, QStringLiteral("form-routing"));
    forms.checkPipelineStage(Severity::Error, {}, set.formRouting.pipelineId, set.formRouting.stageId, schema,
                             diff);
    forms.checkUser(Severity::Error, {}, set.formRouting.responsibleUserId, schema, diff);
    for (const FormRoute &route : set.formRouting.forms) {
        forms.checkPipelineStage(Severity::Error, route.formName, route.pipelineId, route.stageId, schema,
                                 diff);
        forms.checkUser(Severity::Error, route.formName, route.responsibleUserId, schema, diff);
    }
    return problems;
}

QList<Problem> MappingValidator::validate(const MappingSet &set, const Crm::CrmSchema &schema,
                                          const Crm::CrmSchemaDiff &diff)
{
    QList<Problem> problems = validateStructure(set, &schema);
    problems << validateFieldMap(set.orders, schema, diff) << validateFieldMap(set.forms, schema, diff)
             << validateStatusMap(set.statuses, schema, diff) << validateRouting(set, schema, diff)
             << set.codes.validate(schema);
    return problems;
}

} // namespace Mapping
