// SPDX-License-Identifier: GPL-3.0-or-later
#include "AmoComplexApi.h"

#include "AmoContactsApi.h"
#include "AmoContext.h"
#include "AmoEntities.h"
#include "AmoLeadsApi.h"

#include <QSet>

namespace Sandbox::AmoCrm {

namespace {

constexpr int kMaxLeads = 50;
constexpr int kMaxFieldValues = 40;

struct Item
{
    QString requestId;
    QJsonObject lead;
    QJsonObject contact; ///< empty = none
    qint64 existingContactId = 0;
    QJsonObject company;
    qint64 existingCompanyId = 0;
};

/** Phones compare by their last 10 digits (+7 / 8 prefixes differ), e-mails case-insensitively. */
QSet<QString> identities(const QJsonObject &contact)
{
    QSet<QString> out;
    for (const QJsonValue &cf : contact.value("custom_fields_values").toArray()) {
        const QString code = cf.toObject().value("field_code").toString();
        for (const QJsonValue &v : cf.toObject().value("values").toArray()) {
            const QString value = v.toObject().value("value").toString();
            if (code == QLatin1String("PHONE")) {
                QString digits;
                for (QChar ch : value) {
                    if (ch.isDigit())
                        digits.append(ch);
                }
                if (digits.size() >= 10)
                    out.insert(QStringLiteral("tel:") + digits.right(10));
            } else if (code == QLatin1String("EMAIL") && !value.trimmed().isEmpty()) {
                out.insert(QStringLiteral("mail:") + value.trimmed().toLower());
            }
        }
    }
    return out;
}

int countValues(const QJsonObject &entity)
{
    return int(entity.value("custom_fields_values").toArray().size());
}

QJsonObject withoutLinks(QJsonObject input)
{
    QJsonObject embedded = input.value("_embedded").toObject();
    embedded.remove("contacts");
    embedded.remove("companies");
    input.insert("_embedded", embedded);
    return input;
}

} // namespace

AmoComplexApi::AmoComplexApi(AmoContext &context, AmoRouter &router)
    : m_context(context)
{
    router.add("POST", "/api/v4/leads/complex", [this](AmoCall &c) { return add(c); });
}

HttpResponse AmoComplexApi::add(AmoCall &call)
{
    QJsonArray input;
    if (auto error = Entities::readBatch(call, INT_MAX, &input))
        return *error;
    if (input.size() > kMaxLeads)
        return Errors::problem(400, QStringLiteral("Maximum %1 leads per request").arg(kMaxLeads));
    AmoAccount &account = call.account;
    ValidationErrors errors;
    QList<Item> items;
    for (qsizetype i = 0; i < input.size(); ++i) {
        const QJsonObject raw = input[i].toObject();
        Item item;
        item.requestId = Entities::requestIdOf(raw, i);
        if (countValues(raw) > kMaxFieldValues)
            errors.add(item.requestId, QStringLiteral("TooManyCustomFieldsValues"),
                       QStringLiteral("custom_fields_values"),
                       QStringLiteral("Maximum %1 custom fields values per entity").arg(kMaxFieldValues));
        item.lead = AmoLeadsApi::newLead(call);
        AmoLeadsApi::applyLead(call, item.lead, withoutLinks(raw), item.requestId, errors);
        const QJsonObject embedded = raw.value("_embedded").toObject();
        if (embedded.contains("metadata")) {
            if (const qint64 unsorted = account.unsortedStatus(item.lead.value("pipeline_id").toInteger()))
                item.lead.insert("status_id", unsorted);
        }
        for (const char *key : { "contacts", "companies" }) {
            const QLatin1String k(key);
            const QJsonArray list = embedded.value(k).toArray();
            if (list.isEmpty())
                continue;
            const QString prefix = QStringLiteral("_embedded.%1.0").arg(k);
            if (list.size() > 1) {
                errors.add(item.requestId, QStringLiteral("TooManyEntities"),
                           QStringLiteral("_embedded.%1").arg(k),
                           QStringLiteral("Only one %1 entity is allowed").arg(k));
                continue;
            }
            const QJsonObject sub = list.first().toObject();
            const QMap<qint64, QJsonObject> &store = *account.entities(k);
            if (sub.contains("id")) {
                if (!store.contains(sub.value("id").toInteger()))
                    errors.notFound(item.requestId, prefix + QStringLiteral(".id"));
                (k == QLatin1String("contacts") ? item.existingContactId : item.existingCompanyId)
                    = sub.value("id").toInteger();
                continue;
            }
            if (countValues(sub) > kMaxFieldValues)
                errors.add(item.requestId, QStringLiteral("TooManyCustomFieldsValues"),
                           prefix + QStringLiteral(".custom_fields_values"),
                           QStringLiteral("Maximum %1 custom fields values per entity").arg(kMaxFieldValues));
            ValidationErrors subErrors;
            QJsonObject entity = AmoContactsApi::newEntity(call, k);
            AmoContactsApi::applyEntity(call, k, entity, withoutLinks(sub), item.requestId, subErrors);
            errors.absorb(subErrors, item.requestId, prefix);
            (k == QLatin1String("contacts") ? item.contact : item.company) = entity;
        }
        items.append(item);
    }
    if (!errors.isEmpty())
        return errors.response();

    // Duplicates are looked for only among entities that existed before this request.
    const qint64 firstNewContact = account.contacts.isEmpty() ? 0 : account.contacts.lastKey() + 1;
    const qint64 firstNewLead = account.leads.isEmpty() ? 0 : account.leads.lastKey() + 1;
    QJsonArray out;
    for (Item &item : items) {
        bool merged = false;
        qint64 contactId = item.existingContactId;
        qint64 companyId = item.existingCompanyId;
        qint64 leadId = 0;
        if (account.duplicateControl && !item.contact.isEmpty()) {
            const QSet<QString> wanted = identities(item.contact);
            for (auto it = account.contacts.cbegin();
                 it != account.contacts.cend() && it.key() < firstNewContact; ++it) {
                if (!wanted.isEmpty() && identities(it.value()).intersects(wanted)) {
                    contactId = it.key();
                    item.contact = {};
                    break;
                }
            }
        }
        if (contactId && item.contact.isEmpty() && account.duplicateControl && !item.existingContactId) {
            const qint64 pipelineId = item.lead.value("pipeline_id").toInteger();
            for (auto it = account.leads.cbegin(); it != account.leads.cend() && it.key() < firstNewLead;
                 ++it) {
                const QJsonObject &lead = it.value();
                const qint64 status = lead.value("status_id").toInteger();
                if (lead.value("is_deleted").toBool() || status == 142 || status == 143
                    || lead.value("pipeline_id").toInteger() != pipelineId)
                    continue;
                for (const QJsonValue &c : lead.value("_embedded").toObject().value("contacts").toArray()) {
                    if (c.toObject().value("id").toInteger() == contactId)
                        leadId = it.key();
                }
                if (leadId)
                    break;
            }
        }
        if (leadId) {
            merged = true;
            QJsonObject existing = account.leads.value(leadId);
            QJsonArray fields = existing.value("custom_fields_values").toArray();
            QSet<qint64> present;
            for (const QJsonValue &f : std::as_const(fields))
                present.insert(f.toObject().value("field_id").toInteger());
            for (const QJsonValue &f : item.lead.value("custom_fields_values").toArray()) {
                if (!present.contains(f.toObject().value("field_id").toInteger()))
                    fields.append(f);
            }
            existing.insert("custom_fields_values",
                            fields.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(fields));
            QJsonArray tags = existing.value("_embedded").toObject().value("tags").toArray();
            for (const QJsonValue &t : item.lead.value("_embedded").toObject().value("tags").toArray()) {
                if (!tags.contains(t))
                    tags.append(t);
            }
            Entities::setEmbedded(existing, QStringLiteral("tags"), tags);
            existing.insert("updated_at", call.now);
            existing.insert("updated_by", call.userId);
            const QJsonArray companies = existing.value("_embedded").toObject().value("companies").toArray();
            if (!companies.isEmpty())
                companyId = companies.first().toObject().value("id").toInteger();
            AmoLeadsApi::commitUpdate(m_context, call, existing);
        } else {
            if (!item.company.isEmpty())
                companyId
                    = AmoContactsApi::commitNew(m_context, call, QStringLiteral("companies"), item.company);
            if (!item.contact.isEmpty()) {
                if (companyId)
                    Entities::setEmbedded(item.contact, QStringLiteral("companies"),
                                          QJsonArray { QJsonObject { { "id", companyId } } });
                contactId
                    = AmoContactsApi::commitNew(m_context, call, QStringLiteral("contacts"), item.contact);
            }
            if (contactId)
                Entities::setEmbedded(
                    item.lead, QStringLiteral("contacts"),
                    QJsonArray { QJsonObject { { "id", contactId }, { "is_main", true } } });
            if (companyId)
                Entities::setEmbedded(item.lead, QStringLiteral("companies"),
                                      QJsonArray { QJsonObject { { "id", companyId } } });
            leadId = AmoLeadsApi::commitNew(m_context, call, item.lead);
        }
        out.append(
            QJsonObject { { "id", leadId },
                          { "contact_id", contactId ? QJsonValue(contactId) : QJsonValue(QJsonValue::Null) },
                          { "company_id", companyId ? QJsonValue(companyId) : QJsonValue(QJsonValue::Null) },
                          { "request_id", QJsonArray { item.requestId } },
                          { "merged", merged } });
    }
    return HttpResponse::json(200, QJsonDocument(out));
}

} // namespace Sandbox::AmoCrm
