// SPDX-License-Identifier: GPL-3.0-or-later
#include "AmoCodec.h"

#include "common/PhoneNumber.h"

#include <QCoreApplication>
#include <cmath>

namespace Crm::AmoCrm::AmoCodec {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("AmoCrm", text);
}

QString idOf(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    if (value.isDouble())
        return QString::number(value.toInteger());
    return {};
}

QJsonValue numericId(const QString &id)
{
    bool ok = false;
    const qint64 n = id.toLongLong(&ok);
    return ok ? QJsonValue(n) : QJsonValue(id);
}

QString fieldLabel(const QString &entity, const DraftField &field)
{
    const QString name = field.fieldName.isEmpty() ? field.fieldId : field.fieldName;
    QString label = tr("%1 field “%2”").arg(entity, name);
    if (!field.sourcePath.isEmpty())
        label += tr(" (from %1)").arg(field.sourcePath);
    return label;
}

bool isTextType(const QString &type)
{
    return type.isEmpty() || type == QLatin1String("text") || type == QLatin1String("textarea")
        || type == QLatin1String("url") || type == QLatin1String("streetaddress");
}

UpdatePolicy policyOf(const QMap<QString, UpdatePolicy> &policies, const QString &name)
{
    return policies.value(name, UpdatePolicy::Always);
}

} // namespace

bool fieldIsEmpty(const QJsonObject &current, const QString &fieldId)
{
    for (const QJsonValue &f : current.value("custom_fields_values").toArray()) {
        if (idOf(f.toObject().value("field_id")) == fieldId)
            return f.toObject().value("values").toArray().isEmpty();
    }
    return true;
}

QJsonObject contactJson(const DraftContact &contact, QHash<QString, QString> &paths, const QString &prefix,
                        int *valueCount)
{
    QJsonObject json;
    if (!contact.name.isEmpty())
        json.insert("name", contact.name);
    if (!contact.firstName.isEmpty())
        json.insert("first_name", contact.firstName);
    if (!contact.lastName.isEmpty())
        json.insert("last_name", contact.lastName);
    paths.insert(prefix + QStringLiteral(".name"), tr("contact name"));
    QJsonArray fields;
    auto channels = [&](const QString &code, const QList<ContactChannel> &list, const QString &label) {
        if (list.isEmpty())
            return;
        QJsonArray values;
        for (const ContactChannel &c : list) {
            QJsonObject v { { "value", c.value } };
            v.insert("enum_code", c.enumCode.isEmpty() ? QStringLiteral("WORK") : c.enumCode);
            values.append(v);
        }
        paths.insert(prefix + QStringLiteral(".custom_fields_values.%1").arg(fields.size()), label);
        fields.append(QJsonObject { { "field_code", code }, { "values", values } });
    };
    channels(QStringLiteral("PHONE"), contact.phones, tr("contact phone"));
    channels(QStringLiteral("EMAIL"), contact.emails, tr("contact email"));
    for (const DraftField &f : contact.fields) {
        if (f.values.isEmpty())
            continue;
        paths.insert(prefix + QStringLiteral(".custom_fields_values.%1").arg(fields.size()),
                     fieldLabel(tr("contact"), f));
        fields.append(fieldValues(f));
    }
    *valueCount = int(fields.size());
    if (!fields.isEmpty())
        json.insert("custom_fields_values", fields);
    return json;
}

CustomField fieldFrom(const QJsonObject &json, Entity entity)
{
    CustomField f;
    f.id = idOf(json.value("id"));
    f.entity = entity;
    f.name = json.value("name").toString();
    f.code = json.value("code").toString();
    f.type = json.value("type").toString();
    f.sort = json.value("sort").toInt();
    for (const QJsonValue &e : json.value("enums").toArray()) {
        const QJsonObject o = e.toObject();
        f.enums.append(FieldEnum { idOf(o.value("id")), o.value("value").toString(),
                                   o.value("code").toString(), o.value("sort").toInt() });
    }
    return f;
}

CrmSchema schemaFrom(const QJsonArray &pipelines, const QHash<Entity, QJsonArray> &fields,
                     const QJsonArray &users)
{
    CrmSchema schema;
    schema.crm = QStringLiteral("amocrm");
    for (const QJsonValue &pv : pipelines) {
        const QJsonObject p = pv.toObject();
        Pipeline pipeline;
        pipeline.id = idOf(p.value("id"));
        pipeline.name = p.value("name").toString();
        pipeline.sort = p.value("sort").toInt();
        pipeline.isMain = p.value("is_main").toBool();
        for (const QJsonValue &sv : p.value("_embedded").toObject().value("statuses").toArray()) {
            const QJsonObject s = sv.toObject();
            Stage stage;
            stage.id = idOf(s.value("id"));
            stage.name = s.value("name").toString();
            stage.colour = s.value("color").toString();
            stage.sort = s.value("sort").toInt();
            if (stage.id == QLatin1String("142"))
                stage.kind = StageKind::Won;
            else if (stage.id == QLatin1String("143"))
                stage.kind = StageKind::Lost;
            else if (s.value("type").toInt() == 1)
                stage.kind = StageKind::Unsorted;
            pipeline.stages.append(stage);
        }
        schema.pipelines.append(pipeline);
    }
    for (auto it = fields.cbegin(); it != fields.cend(); ++it) {
        for (const QJsonValue &f : it.value())
            schema.fields.append(fieldFrom(f.toObject(), it.key()));
    }
    for (const QJsonValue &uv : users) {
        const QJsonObject u = uv.toObject();
        const QJsonObject rights = u.value("rights").toObject();
        schema.users.append(CrmUser { idOf(u.value("id")), u.value("name").toString(),
                                      u.value("email").toString(), rights.value("is_active").toBool(true) });
    }
    return schema;
}

QJsonObject fieldValues(const DraftField &field)
{
    QJsonObject out { { "field_id", numericId(field.fieldId) } };
    if (field.values.isEmpty()) {
        out.insert("values", QJsonValue::Null);
        return out;
    }
    QJsonArray values;
    for (const FieldValue &v : field.values) {
        switch (v.kind) {
        case FieldValue::Kind::Text: {
            QJsonObject o { { "value", v.text } };
            if (!v.enumCode.isEmpty())
                o.insert("enum_code", v.enumCode);
            values.append(o);
            break;
        }
        case FieldValue::Kind::Number:
            if (isTextType(field.fieldType))
                values.append(QJsonObject { { "value", QString::number(v.number, 'g', 15) } });
            else if (v.number == std::floor(v.number))
                values.append(QJsonObject { { "value", qint64(v.number) } });
            else
                values.append(QJsonObject { { "value", v.number } });
            break;
        case FieldValue::Kind::Bool:
            values.append(QJsonObject { { "value", v.number != 0 } });
            break;
        case FieldValue::Kind::EnumId: {
            bool ok = false;
            const qint64 id = v.enumId.toLongLong(&ok);
            values.append(ok ? QJsonObject { { "enum_id", id } } : QJsonObject { { "value", v.text } });
            break;
        }
        }
    }
    out.insert("values", values);
    return out;
}

EncodedItem encodeCreate(const DealCreate &item, const QString &requestId, const QString &externalIdFieldId)
{
    EncodedItem e;
    e.key = item.key;
    e.requestId = requestId;
    const DraftDeal &d = item.draft.deal;
    QJsonObject lead { { "request_id", requestId } };
    if (!d.name.isEmpty())
        lead.insert("name", d.name);
    e.paths.insert(QStringLiteral("name"), tr("deal name"));
    if (d.price) {
        lead.insert("price", qint64(std::llround(*d.price)));
        e.paths.insert(QStringLiteral("price"), tr("deal price"));
    }
    if (!d.pipelineId.isEmpty())
        lead.insert("pipeline_id", numericId(d.pipelineId));
    if (!d.stageId.isEmpty())
        lead.insert("status_id", numericId(d.stageId));
    if (!d.responsibleUserId.isEmpty())
        lead.insert("responsible_user_id", numericId(d.responsibleUserId));
    e.paths.insert(QStringLiteral("pipeline_id"), tr("pipeline (%1)").arg(d.pipelineId));
    e.paths.insert(QStringLiteral("status_id"), tr("stage (%1)").arg(d.stageId));
    e.paths.insert(QStringLiteral("responsible_user_id"),
                   tr("responsible user (%1)").arg(d.responsibleUserId));

    QJsonArray fields;
    if (!externalIdFieldId.isEmpty() && !d.externalId.isEmpty()) {
        e.paths.insert(QStringLiteral("custom_fields_values.0"), tr("deal field “CRM Bridge ID”"));
        fields.append(QJsonObject { { "field_id", numericId(externalIdFieldId) },
                                    { "values", QJsonArray { QJsonObject { { "value", d.externalId } } } } });
    }
    for (const DraftField &f : d.fields) {
        if (f.values.isEmpty())
            continue; // nothing to clear on a new deal
        if (fields.size() < kMaxFieldValuesPerEntity) {
            e.paths.insert(QStringLiteral("custom_fields_values.%1").arg(fields.size()),
                           fieldLabel(tr("deal"), f));
            fields.append(fieldValues(f));
        } else {
            e.overflowFields.append(fieldValues(f));
        }
    }
    if (!fields.isEmpty())
        lead.insert("custom_fields_values", fields);

    QJsonObject embedded;
    if (!d.tags.isEmpty()) {
        QJsonArray tags;
        for (const QString &t : d.tags)
            tags.append(QJsonObject { { "name", t } });
        embedded.insert("tags", tags);
    }
    QStringList keys { d.externalId };
    if (item.draft.order)
        keys << item.draft.order->number; // what the operator searches by: the shop's order number
    if (!item.existingContactId.isEmpty()) {
        embedded.insert("contacts",
                        QJsonArray { QJsonObject { { "id", numericId(item.existingContactId) } } });
        e.paths.insert(QStringLiteral("_embedded.contacts.0"),
                       tr("linked contact %1").arg(item.existingContactId));
    } else if (!item.draft.contact.isEmpty()) {
        int count = 0;
        embedded.insert("contacts",
                        QJsonArray { contactJson(item.draft.contact, e.paths,
                                                 QStringLiteral("_embedded.contacts.0"), &count) });
        if (count > kMaxFieldValuesPerEntity)
            e.error = Common::Error::permanent(
                tr("The contact has %1 custom field values; amoCRM takes at most %2 per entity. Map fewer "
                   "contact fields.")
                    .arg(count)
                    .arg(kMaxFieldValuesPerEntity),
                QStringLiteral("too-many-fields"));
    }
    for (const ContactChannel &c : item.draft.contact.phones)
        keys << c.value;
    for (const ContactChannel &c : item.draft.contact.emails)
        keys << c.value;
    if (item.draft.company && !item.draft.company->name.isEmpty()) {
        QJsonObject company { { "name", item.draft.company->name } };
        QJsonArray cf;
        for (const DraftField &f : item.draft.company->fields) {
            if (f.values.isEmpty())
                continue;
            e.paths.insert(QStringLiteral("_embedded.companies.0.custom_fields_values.%1").arg(cf.size()),
                           fieldLabel(tr("company"), f));
            cf.append(fieldValues(f));
        }
        if (!cf.isEmpty())
            company.insert("custom_fields_values", cf);
        embedded.insert("companies", QJsonArray { company });
    }
    if (!embedded.isEmpty())
        lead.insert("_embedded", embedded);
    keys.removeAll(QString());
    e.keysForLog = keys.join(QLatin1Char(' '));
    e.json = lead;
    return e;
}

EncodedItem encodeUpdate(const DealUpdate &item, const QString &requestId, const QJsonObject &current)
{
    EncodedItem e;
    e.key = item.key;
    e.requestId = requestId;
    const DraftDeal &d = item.draft.deal;
    QJsonObject lead { { "id", numericId(item.dealId) }, { "request_id", requestId } };
    auto allowed = [&](const QString &name, bool currentEmpty) {
        const UpdatePolicy p = policyOf(d.policies, name);
        return p == UpdatePolicy::Always || (p == UpdatePolicy::OnlyIfEmpty && currentEmpty);
    };
    if (!d.name.isEmpty() && allowed(QStringLiteral("name"), current.value("name").toString().isEmpty()))
        lead.insert("name", d.name);
    e.paths.insert(QStringLiteral("name"), tr("deal name"));
    if (d.price && allowed(QStringLiteral("price"), current.value("price").toInteger() == 0)) {
        lead.insert("price", qint64(std::llround(*d.price)));
        e.paths.insert(QStringLiteral("price"), tr("deal price"));
    }
    if (!d.responsibleUserId.isEmpty()
        && allowed(QStringLiteral("responsible"), current.value("responsible_user_id").toInteger() == 0)) {
        lead.insert("responsible_user_id", numericId(d.responsibleUserId));
        e.paths.insert(QStringLiteral("responsible_user_id"),
                       tr("responsible user (%1)").arg(d.responsibleUserId));
    }
    QJsonArray fields;
    for (const DraftField &f : d.fields) {
        const bool write = f.policy == UpdatePolicy::Always
            || (f.policy == UpdatePolicy::OnlyIfEmpty && fieldIsEmpty(current, f.fieldId));
        if (!write)
            continue;
        e.paths.insert(QStringLiteral("custom_fields_values.%1").arg(fields.size()),
                       fieldLabel(tr("deal"), f));
        fields.append(fieldValues(f));
    }
    if (!fields.isEmpty())
        lead.insert("custom_fields_values", fields);
    if (!d.tags.isEmpty() && policyOf(d.policies, QStringLiteral("tags")) != UpdatePolicy::Never) {
        // tags_to_add keeps the tags managers put on the deal (replacing _embedded.tags would drop them).
        QJsonArray tags;
        for (const QString &t : d.tags)
            tags.append(QJsonObject { { "name", t } });
        lead.insert("tags_to_add", tags);
    }
    e.keysForLog = item.draft.order ? QStringLiteral("%1 %2").arg(d.externalId, item.draft.order->number)
                                    : d.externalId;
    e.json = lead;
    return e;
}

QString describePath(const QHash<QString, QString> &paths, const QString &path)
{
    QString best;
    qsizetype bestLength = -1;
    for (auto it = paths.cbegin(); it != paths.cend(); ++it) {
        const QString &prefix = it.key();
        const bool matches = path == prefix || path.startsWith(prefix + QLatin1Char('.'));
        if (matches && prefix.size() > bestLength) {
            best = it.value();
            bestLength = prefix.size();
        }
    }
    return best.isEmpty() ? path : best;
}

Common::Error validationError(const QJsonArray &errors, const QHash<QString, QString> &paths)
{
    QStringList parts;
    QJsonArray fields;
    for (const QJsonValue &v : errors) {
        const QJsonObject o = v.toObject();
        const QString path = o.value("path").toString();
        const QString ours = describePath(paths, path);
        const QString detail = o.value("detail").toString();
        parts << QStringLiteral("%1: %2").arg(ours, detail);
        fields.append(QJsonObject { { "field", ours },
                                    { "path", path },
                                    { "code", o.value("code").toString() },
                                    { "detail", detail } });
    }
    Common::Error e
        = Common::Error::permanent(tr("amoCRM refused the deal: %1").arg(parts.join(QStringLiteral("; "))),
                                   QStringLiteral("validation"));
    e.httpStatus = 400;
    e.details.insert("fields", fields);
    return e;
}

QHash<QString, QJsonArray> validationErrorsById(const Common::Error &error)
{
    QHash<QString, QJsonArray> out;
    for (const QJsonValue &v : error.details.value("validation-errors").toArray()) {
        const QJsonObject o = v.toObject();
        QJsonArray &list = out[idOf(o.value("request_id"))];
        for (const QJsonValue &e : o.value("errors").toArray())
            list.append(e);
    }
    return out;
}

ContactSummary contactSummary(const QJsonObject &contact)
{
    ContactSummary s;
    s.contactId = idOf(contact.value("id"));
    s.name = contact.value("name").toString();
    s.updatedAt = contact.value("updated_at").toInteger();
    for (const QJsonValue &fv : contact.value("custom_fields_values").toArray()) {
        const QJsonObject f = fv.toObject();
        const QString code = f.value("field_code").toString();
        for (const QJsonValue &v : f.value("values").toArray()) {
            const QString value = v.toObject().value("value").toString();
            if (code == QLatin1String("PHONE")) {
                auto e164 = Common::PhoneNumber::toE164(value);
                s.phones << (e164 ? e164.value() : value);
            } else if (code == QLatin1String("EMAIL")) {
                const QString email = Common::normaliseEmail(value);
                if (!email.isEmpty())
                    s.emails << email;
            }
        }
    }
    return s;
}

std::optional<Model::StatusChange> stageChange(const QJsonObject &event)
{
    if (event.value("type").toString() != QLatin1String("lead_status_changed"))
        return std::nullopt;
    const QJsonObject before
        = event.value("value_before").toArray().first().toObject().value("lead_status").toObject();
    const QJsonObject after
        = event.value("value_after").toArray().first().toObject().value("lead_status").toObject();
    if (after.isEmpty())
        return std::nullopt;
    Model::StatusChange c;
    c.origin = Model::StatusChange::Origin::Crm;
    c.orderId = idOf(event.value("entity_id"));
    c.fromStatus = idOf(before.value("id"));
    c.fromPipelineId = idOf(before.value("pipeline_id"));
    c.toStatus = idOf(after.value("id"));
    c.pipelineId = idOf(after.value("pipeline_id"));
    c.at = QDateTime::fromSecsSinceEpoch(event.value("created_at").toInteger(), Qt::UTC);
    c.eventId = idOf(event.value("id"));
    return c;
}

std::optional<Model::PointsChange> pointsChange(const QJsonObject &event, const QString &fieldId)
{
    if (fieldId.isEmpty() || event.value("entity_type").toString() != QLatin1String("customer")
        || event.value("type").toString() != QStringLiteral("custom_field_%1_value_changed").arg(fieldId))
        return std::nullopt;
    // value_after: [{"custom_field_value": {"field_id", "text", …}}]; empty when the field was cleared.
    const auto text = [](const QJsonValue &values) {
        const QJsonValue t
            = values.toArray().first().toObject().value("custom_field_value").toObject().value("text");
        return t.isDouble() ? QString::number(t.toDouble(), 'g', 15) : t.toString();
    };
    Model::PointsChange c;
    c.customerId = idOf(event.value("entity_id"));
    c.points = text(event.value("value_after"));
    c.before = text(event.value("value_before"));
    c.at = QDateTime::fromSecsSinceEpoch(event.value("created_at").toInteger(), Qt::UTC);
    c.eventId = idOf(event.value("id"));
    return c;
}

QString textFieldValue(const QJsonObject &entity, const QString &fieldId)
{
    for (const QJsonValue &f : entity.value("custom_fields_values").toArray()) {
        if (idOf(f.toObject().value("field_id")) == fieldId)
            return f.toObject()
                .value("values")
                .toArray()
                .first()
                .toObject()
                .value("value")
                .toVariant()
                .toString();
    }
    return {};
}

} // namespace Crm::AmoCrm::AmoCodec
