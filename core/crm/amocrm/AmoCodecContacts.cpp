// SPDX-License-Identifier: GPL-3.0-or-later
// AmoCodec: contact upserts (a shop profile changed) and web requests into unsorted.
#include "AmoCodec.h"
#include "common/PhoneNumber.h"

#include <QCoreApplication>

namespace Crm::AmoCrm::AmoCodec {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("AmoCrm", text);
}

QJsonValue numericId(const QString &id)
{
    bool ok = false;
    const qint64 n = id.toLongLong(&ok);
    return ok ? QJsonValue(n) : QJsonValue(id);
}

bool allowed(const QMap<QString, UpdatePolicy> &policies, const QString &name, bool currentEmpty)
{
    const UpdatePolicy p = policies.value(name, UpdatePolicy::Always);
    return p == UpdatePolicy::Always || (p == UpdatePolicy::OnlyIfEmpty && currentEmpty);
}

QString normalised(const QString &code, const QString &value)
{
    if (code == QLatin1String("EMAIL"))
        return Common::normaliseEmail(value);
    auto e164 = Common::PhoneNumber::toE164(value);
    return e164 ? e164.value() : value.trimmed();
}

/**
 * The PHONE or EMAIL entry of an update: what the contact has plus the new values it lacks (amoCRM
 * replaces the whole list, so the managers' other numbers are sent back). Empty when nothing is new.
 */
QJsonObject mergedChannels(const QJsonObject &current, const QString &code,
                           const QList<ContactChannel> &wanted)
{
    QJsonArray values;
    QStringList known;
    for (const QJsonValue &f : current.value("custom_fields_values").toArray()) {
        if (f.toObject().value("field_code").toString() != code)
            continue;
        for (const QJsonValue &v : f.toObject().value("values").toArray()) {
            const QJsonObject o = v.toObject();
            // Sent back in the write shape: the code as enum_code (an older read shape names it "enum",
            // which amoCRM refuses on writes), else the enum id; never a null enum_code.
            QJsonObject kept { { "value", o.value("value") } };
            const QString enumCode
                = o.value(o.contains("enum_code") ? QLatin1String("enum_code") : QLatin1String("enum"))
                      .toString();
            bool numeric = false;
            enumCode.toLongLong(&numeric);
            if (!enumCode.isEmpty() && !numeric)
                kept.insert("enum_code", enumCode);
            else if (o.contains("enum_id"))
                kept.insert("enum_id", o.value("enum_id"));
            values.append(kept);
            known << normalised(code, o.value("value").toString());
        }
    }
    bool added = false;
    for (const ContactChannel &c : wanted) {
        const QString n = normalised(code, c.value);
        if (n.isEmpty() || known.contains(n))
            continue;
        known << n;
        values.append(
            QJsonObject { { "value", c.value },
                          { "enum_code", c.enumCode.isEmpty() ? QStringLiteral("WORK") : c.enumCode } });
        added = true;
    }
    if (!added)
        return {};
    return QJsonObject { { "field_code", code }, { "values", values } };
}

bool hasChannel(const QJsonObject &current, const QString &code)
{
    for (const QJsonValue &f : current.value("custom_fields_values").toArray()) {
        if (f.toObject().value("field_code").toString() == code
            && !f.toObject().value("values").toArray().isEmpty())
            return true;
    }
    return false;
}

QStringList keysOf(const DraftContact &contact)
{
    QStringList keys;
    for (const ContactChannel &c : contact.phones)
        keys << c.value;
    for (const ContactChannel &c : contact.emails)
        keys << c.value;
    return keys;
}

} // namespace

EncodedItem encodeContactCreate(const ContactUpsert &item, const QString &requestId)
{
    EncodedItem e;
    e.key = item.key;
    e.requestId = requestId;
    int count = 0;
    e.json = contactJson(item.contact, e.paths, QString(), &count);
    // contactJson labels paths under a prefix; at the top level they start with a dot.
    QHash<QString, QString> paths;
    for (auto it = e.paths.cbegin(); it != e.paths.cend(); ++it)
        paths.insert(it.key().mid(1), it.value());
    e.paths = paths;
    e.json.insert("request_id", requestId);
    if (!e.json.contains("name"))
        e.json.insert(
            "name",
            item.contact.firstName.isEmpty() && item.contact.lastName.isEmpty()
                ? keysOf(item.contact).value(0)
                : QStringLiteral("%1 %2").arg(item.contact.firstName, item.contact.lastName).trimmed());
    e.keysForLog = keysOf(item.contact).join(QLatin1Char(' '));
    return e;
}

EncodedItem encodeContactUpdate(const ContactUpsert &item, const QString &requestId,
                                const QJsonObject &current)
{
    EncodedItem e;
    e.key = item.key;
    e.requestId = requestId;
    const DraftContact &c = item.contact;
    QJsonObject json { { "id", numericId(item.contactId) }, { "request_id", requestId } };
    const auto setText = [&](const QString &key, const QString &policy, const QString &value) {
        if (!value.isEmpty() && allowed(c.policies, policy, current.value(key).toString().isEmpty()))
            json.insert(key, value);
    };
    setText(QStringLiteral("name"), QStringLiteral("name"), c.name);
    setText(QStringLiteral("first_name"), QStringLiteral("first_name"), c.firstName);
    setText(QStringLiteral("last_name"), QStringLiteral("last_name"), c.lastName);
    e.paths.insert(QStringLiteral("name"), tr("contact name"));
    QJsonArray fields;
    const auto channels = [&](const QString &code, const QString &policy, const QList<ContactChannel> &list,
                              const QString &label) {
        if (list.isEmpty() || !allowed(c.policies, policy, !hasChannel(current, code)))
            return;
        const QJsonObject merged = mergedChannels(current, code, list);
        if (merged.isEmpty())
            return;
        e.paths.insert(QStringLiteral("custom_fields_values.%1").arg(fields.size()), label);
        fields.append(merged);
    };
    channels(QStringLiteral("PHONE"), QStringLiteral("phone"), c.phones, tr("contact phone"));
    channels(QStringLiteral("EMAIL"), QStringLiteral("email"), c.emails, tr("contact email"));
    for (const DraftField &f : c.fields) {
        const bool write = f.policy == UpdatePolicy::Always
            || (f.policy == UpdatePolicy::OnlyIfEmpty && fieldIsEmpty(current, f.fieldId));
        if (!write)
            continue;
        e.paths.insert(
            QStringLiteral("custom_fields_values.%1").arg(fields.size()),
            tr("%1 field “%2”").arg(tr("contact"), f.fieldName.isEmpty() ? f.fieldId : f.fieldName));
        fields.append(fieldValues(f));
    }
    if (!fields.isEmpty())
        json.insert("custom_fields_values", fields);
    e.keysForLog = keysOf(c).join(QLatin1Char(' '));
    e.json = json;
    return e;
}

EncodedItem encodeInboxLead(const InboxLeadCreate &item, const QString &requestId,
                            const QString &externalIdFieldId, const QString &sourceName)
{
    // The lead and its contact as leads/complex would take them, regrouped into unsorted's shape.
    EncodedItem lead
        = encodeCreate({ item.key, item.draft, item.existingContactId }, requestId, externalIdFieldId);
    EncodedItem e;
    e.key = item.key;
    e.requestId = requestId;
    e.error = lead.error;
    e.overflowFields = lead.overflowFields;
    e.keysForLog = lead.keysForLog;
    QJsonObject leadJson = lead.json;
    leadJson.remove("request_id");
    // Unsorted decides the stage itself (its own); the pipeline goes on the unsorted item.
    leadJson.remove("status_id");
    leadJson.remove("pipeline_id");
    QJsonObject embedded = leadJson.value("_embedded").toObject();
    const QJsonArray contacts = embedded.take("contacts").toArray();
    embedded.remove("companies");
    if (embedded.isEmpty())
        leadJson.remove("_embedded");
    else
        leadJson.insert("_embedded", embedded);
    for (auto it = lead.paths.cbegin(); it != lead.paths.cend(); ++it) {
        if (it.key().startsWith(QLatin1String("_embedded.contacts")))
            e.paths.insert(it.key(), it.value());
        else
            e.paths.insert(QStringLiteral("_embedded.leads.0.") + it.key(), it.value());
    }
    const WebRequestInfo &r = item.request;
    const qint64 sentAt = r.sentAt > 0 ? r.sentAt : 0;
    QJsonObject metadata { { "form_id", r.formId.isEmpty() ? r.formName : r.formId },
                           { "form_name", r.formName },
                           { "form_page", r.pageUrl },
                           { "ip", r.clientIp },
                           { "form_sent_at", sentAt },
                           { "referer", r.pageUrl } };
    QJsonObject json { { "request_id", requestId },
                       { "source_name", sourceName },
                       { "source_uid", item.draft.deal.externalId },
                       { "metadata", metadata },
                       { "_embedded",
                         QJsonObject { { "leads", QJsonArray { leadJson } }, { "contacts", contacts } } } };
    if (sentAt > 0)
        json.insert("created_at", sentAt);
    if (!item.draft.deal.pipelineId.isEmpty())
        json.insert("pipeline_id", numericId(item.draft.deal.pipelineId));
    e.json = json;
    return e;
}

} // namespace Crm::AmoCrm::AmoCodec
