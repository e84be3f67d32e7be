// SPDX-License-Identifier: GPL-3.0-or-later
#include "DealDraft.h"

#include <QJsonArray>

namespace Crm {

using Common::Error;
using Common::Result;

namespace {

QString str(const QJsonObject &json, const char *key)
{
    return json.value(QLatin1String(key)).toString();
}

Error invalid(const QString &what)
{
    return Error::invalidInput(QStringLiteral("Deal draft: %1").arg(what), QStringLiteral("draft-json"));
}

QJsonObject policiesToJson(const QMap<QString, UpdatePolicy> &policies)
{
    QJsonObject json;
    for (auto it = policies.cbegin(); it != policies.cend(); ++it)
        json.insert(it.key(), updatePolicyName(it.value()));
    return json;
}

Result<QMap<QString, UpdatePolicy>> policiesFromJson(const QJsonObject &json)
{
    QMap<QString, UpdatePolicy> policies;
    for (auto it = json.begin(); it != json.end(); ++it) {
        UpdatePolicy policy;
        if (!updatePolicyFromName(it.value().toString(), &policy))
            return invalid(QStringLiteral("unknown update policy \"%1\"").arg(it.value().toString()));
        policies.insert(it.key(), policy);
    }
    return policies;
}

QJsonArray fieldsToJson(const QList<DraftField> &fields)
{
    QJsonArray array;
    for (const DraftField &f : fields)
        array.append(f.toJson());
    return array;
}

Result<QList<DraftField>> fieldsFromJson(const QJsonValue &value)
{
    QList<DraftField> fields;
    for (const QJsonValue &v : value.toArray()) {
        auto field = DraftField::fromJson(v.toObject());
        if (!field)
            return field.error();
        fields.append(field.value());
    }
    return fields;
}

QJsonArray channelsToJson(const QList<ContactChannel> &channels)
{
    QJsonArray array;
    for (const ContactChannel &c : channels)
        array.append(QJsonObject { { QStringLiteral("value"), c.value },
                                   { QStringLiteral("enum_code"), c.enumCode } });
    return array;
}

QList<ContactChannel> channelsFromJson(const QJsonValue &value)
{
    QList<ContactChannel> channels;
    for (const QJsonValue &v : value.toArray())
        channels.append({ str(v.toObject(), "value"), str(v.toObject(), "enum_code") });
    return channels;
}

} // namespace

QString updatePolicyName(UpdatePolicy policy)
{
    switch (policy) {
    case UpdatePolicy::Always:
        return QStringLiteral("always");
    case UpdatePolicy::OnlyIfEmpty:
        return QStringLiteral("if-empty");
    case UpdatePolicy::Never:
        return QStringLiteral("never");
    }
    return {};
}

bool updatePolicyFromName(const QString &name, UpdatePolicy *policy)
{
    for (UpdatePolicy p : { UpdatePolicy::Always, UpdatePolicy::OnlyIfEmpty, UpdatePolicy::Never }) {
        if (updatePolicyName(p) == name) {
            *policy = p;
            return true;
        }
    }
    return false;
}

FieldValue FieldValue::ofText(const QString &text, const QString &enumCode)
{
    FieldValue v;
    v.text = text;
    v.enumCode = enumCode;
    return v;
}

FieldValue FieldValue::ofNumber(double number)
{
    FieldValue v;
    v.kind = Kind::Number;
    v.number = number;
    return v;
}

FieldValue FieldValue::ofBool(bool on)
{
    FieldValue v;
    v.kind = Kind::Bool;
    v.number = on ? 1 : 0;
    return v;
}

FieldValue FieldValue::ofEnum(const QString &enumId, const QString &text)
{
    FieldValue v;
    v.kind = Kind::EnumId;
    v.enumId = enumId;
    v.text = text;
    return v;
}

// {"text": "…", "enum_code": "WORK"} | {"number": 1.5} | {"bool": true} | {"enum_id": "789", "text": "…"}
QJsonObject FieldValue::toJson() const
{
    QJsonObject json;
    switch (kind) {
    case Kind::Text:
        json.insert(QStringLiteral("text"), text);
        if (!enumCode.isEmpty())
            json.insert(QStringLiteral("enum_code"), enumCode);
        break;
    case Kind::Number:
        json.insert(QStringLiteral("number"), number);
        break;
    case Kind::Bool:
        json.insert(QStringLiteral("bool"), number != 0);
        break;
    case Kind::EnumId:
        json.insert(QStringLiteral("enum_id"), enumId);
        if (!text.isEmpty())
            json.insert(QStringLiteral("text"), text);
        break;
    }
    return json;
}

Result<FieldValue> FieldValue::fromJson(const QJsonObject &json)
{
    if (json.contains(QLatin1String("enum_id")))
        return ofEnum(str(json, "enum_id"), str(json, "text"));
    if (json.contains(QLatin1String("number")))
        return ofNumber(json.value(QLatin1String("number")).toDouble());
    if (json.contains(QLatin1String("bool")))
        return ofBool(json.value(QLatin1String("bool")).toBool());
    if (json.contains(QLatin1String("text")))
        return ofText(str(json, "text"), str(json, "enum_code"));
    return invalid(QStringLiteral("a field value has neither text, number, bool nor enum_id"));
}

QJsonObject DraftField::toJson() const
{
    QJsonArray valueArray;
    for (const FieldValue &v : values)
        valueArray.append(v.toJson());
    return {
        { QStringLiteral("field_id"), fieldId },     { QStringLiteral("field_name"), fieldName },
        { QStringLiteral("field_type"), fieldType }, { QStringLiteral("policy"), updatePolicyName(policy) },
        { QStringLiteral("source"), sourcePath },    { QStringLiteral("values"), valueArray }
    };
}

Result<DraftField> DraftField::fromJson(const QJsonObject &json)
{
    DraftField f;
    f.fieldId = str(json, "field_id");
    if (f.fieldId.isEmpty())
        return invalid(QStringLiteral("a field has no field_id"));
    f.fieldName = str(json, "field_name");
    f.fieldType = str(json, "field_type");
    f.sourcePath = str(json, "source");
    if (!updatePolicyFromName(str(json, "policy"), &f.policy))
        return invalid(QStringLiteral("field %1 has an unknown policy").arg(f.fieldId));
    for (const QJsonValue &v : json.value(QLatin1String("values")).toArray()) {
        auto value = FieldValue::fromJson(v.toObject());
        if (!value)
            return value.error();
        f.values.append(value.value());
    }
    return f;
}

QJsonObject DraftOrder::toJson() const
{
    QJsonArray lineArray;
    for (const Model::OrderLine &line : lines)
        lineArray.append(line.toJson());
    return { { QStringLiteral("number"), number },
             { QStringLiteral("customer_id"), customerId },
             { QStringLiteral("created_at"), createdAt.toUTC().toString(Qt::ISODate) },
             { QStringLiteral("lines"), lineArray },
             { QStringLiteral("delivery_code"), deliveryCode },
             { QStringLiteral("delivery_name"), deliveryName },
             { QStringLiteral("delivery_cost"), deliveryCost },
             { QStringLiteral("payment_code"), paymentCode },
             { QStringLiteral("payment_name"), paymentName },
             { QStringLiteral("paid"), paid },
             { QStringLiteral("paid_status_code"), paidStatusCode },
             { QStringLiteral("discount"), discount },
             { QStringLiteral("total"), total },
             { QStringLiteral("weight"), weight },
             { QStringLiteral("address"), address.toJson() },
             { QStringLiteral("comment"), comment } };
}

DraftOrder DraftOrder::fromJson(const QJsonObject &json)
{
    DraftOrder o;
    o.number = str(json, "number");
    o.customerId = str(json, "customer_id");
    o.createdAt = QDateTime::fromString(str(json, "created_at"), Qt::ISODate);
    for (const QJsonValue &v : json.value(QLatin1String("lines")).toArray())
        o.lines.append(Model::OrderLine::fromJson(v.toObject()));
    o.deliveryCode = str(json, "delivery_code");
    o.deliveryName = str(json, "delivery_name");
    o.deliveryCost = json.value(QLatin1String("delivery_cost")).toDouble();
    o.paymentCode = str(json, "payment_code");
    o.paymentName = str(json, "payment_name");
    o.paid = json.value(QLatin1String("paid")).toBool();
    o.paidStatusCode = str(json, "paid_status_code");
    o.discount = json.value(QLatin1String("discount")).toDouble();
    o.total = json.value(QLatin1String("total")).toDouble();
    o.weight = json.value(QLatin1String("weight")).toDouble();
    o.address = Model::Address::fromJson(json.value(QLatin1String("address")).toObject());
    o.comment = str(json, "comment");
    return o;
}

QJsonObject DealDraft::toJson() const
{
    QJsonObject dealJson { { QStringLiteral("name"), deal.name },
                           { QStringLiteral("price"), deal.price ? QJsonValue(*deal.price) : QJsonValue() },
                           { QStringLiteral("pipeline_id"), deal.pipelineId },
                           { QStringLiteral("stage_id"), deal.stageId },
                           { QStringLiteral("responsible_user_id"), deal.responsibleUserId },
                           { QStringLiteral("tags"), QJsonArray::fromStringList(deal.tags) },
                           { QStringLiteral("fields"), fieldsToJson(deal.fields) },
                           { QStringLiteral("external_id"), deal.externalId },
                           { QStringLiteral("policies"), policiesToJson(deal.policies) } };
    QJsonObject contactJson { { QStringLiteral("name"), contact.name },
                              { QStringLiteral("first_name"), contact.firstName },
                              { QStringLiteral("last_name"), contact.lastName },
                              { QStringLiteral("phones"), channelsToJson(contact.phones) },
                              { QStringLiteral("emails"), channelsToJson(contact.emails) },
                              { QStringLiteral("fields"), fieldsToJson(contact.fields) },
                              { QStringLiteral("policies"), policiesToJson(contact.policies) } };
    QJsonArray skippedArray;
    for (const SkippedRow &s : skipped) {
        skippedArray.append(QJsonObject { { QStringLiteral("row_id"), s.rowId },
                                          { QStringLiteral("source"), s.sourcePath },
                                          { QStringLiteral("target"), s.target },
                                          { QStringLiteral("reason"), s.reason } });
    }
    QJsonObject json { { QStringLiteral("source_kind"), sourceKind },
                       { QStringLiteral("source_id"), sourceId },
                       { QStringLiteral("deal"), dealJson },
                       { QStringLiteral("contact"), contactJson },
                       { QStringLiteral("note"), note },
                       { QStringLiteral("skipped"), skippedArray },
                       { QStringLiteral("routing"),
                         QJsonObject { { QStringLiteral("origin"), routing.origin },
                                       { QStringLiteral("rule_id"), routing.ruleId },
                                       { QStringLiteral("explanation"), routing.explanation } } } };
    if (company) {
        json.insert(QStringLiteral("company"),
                    QJsonObject { { QStringLiteral("name"), company->name },
                                  { QStringLiteral("fields"), fieldsToJson(company->fields) } });
    }
    if (order)
        json.insert(QStringLiteral("order"), order->toJson());
    return json;
}

Result<DealDraft> DealDraft::fromJson(const QJsonObject &json)
{
    DealDraft d;
    d.sourceKind = str(json, "source_kind");
    d.sourceId = str(json, "source_id");
    const QJsonObject dj = json.value(QLatin1String("deal")).toObject();
    d.deal.name = str(dj, "name");
    if (dj.value(QLatin1String("price")).isDouble())
        d.deal.price = dj.value(QLatin1String("price")).toDouble();
    d.deal.pipelineId = str(dj, "pipeline_id");
    d.deal.stageId = str(dj, "stage_id");
    d.deal.responsibleUserId = str(dj, "responsible_user_id");
    for (const QJsonValue &t : dj.value(QLatin1String("tags")).toArray())
        d.deal.tags << t.toString();
    d.deal.externalId = str(dj, "external_id");
    auto dealFields = fieldsFromJson(dj.value(QLatin1String("fields")));
    if (!dealFields)
        return dealFields.error();
    d.deal.fields = dealFields.value();
    auto dealPolicies = policiesFromJson(dj.value(QLatin1String("policies")).toObject());
    if (!dealPolicies)
        return dealPolicies.error();
    d.deal.policies = dealPolicies.value();

    const QJsonObject cj = json.value(QLatin1String("contact")).toObject();
    d.contact.name = str(cj, "name");
    d.contact.firstName = str(cj, "first_name");
    d.contact.lastName = str(cj, "last_name");
    d.contact.phones = channelsFromJson(cj.value(QLatin1String("phones")));
    d.contact.emails = channelsFromJson(cj.value(QLatin1String("emails")));
    auto contactFields = fieldsFromJson(cj.value(QLatin1String("fields")));
    if (!contactFields)
        return contactFields.error();
    d.contact.fields = contactFields.value();
    auto contactPolicies = policiesFromJson(cj.value(QLatin1String("policies")).toObject());
    if (!contactPolicies)
        return contactPolicies.error();
    d.contact.policies = contactPolicies.value();

    if (json.value(QLatin1String("company")).isObject()) {
        const QJsonObject co = json.value(QLatin1String("company")).toObject();
        DraftCompany company;
        company.name = str(co, "name");
        auto companyFields = fieldsFromJson(co.value(QLatin1String("fields")));
        if (!companyFields)
            return companyFields.error();
        company.fields = companyFields.value();
        d.company = company;
    }
    if (json.value(QLatin1String("order")).isObject())
        d.order = DraftOrder::fromJson(json.value(QLatin1String("order")).toObject());
    d.note = str(json, "note");
    for (const QJsonValue &v : json.value(QLatin1String("skipped")).toArray()) {
        const QJsonObject so = v.toObject();
        d.skipped.append({ str(so, "row_id"), str(so, "source"), str(so, "target"), str(so, "reason") });
    }
    const QJsonObject rj = json.value(QLatin1String("routing")).toObject();
    d.routing = { str(rj, "origin"), str(rj, "rule_id"), str(rj, "explanation") };
    return d;
}

} // namespace Crm
