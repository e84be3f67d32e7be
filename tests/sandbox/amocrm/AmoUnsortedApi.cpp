// SPDX-License-Identifier: GPL-3.0-or-later
#include "AmoUnsortedApi.h"

#include "AmoContactsApi.h"
#include "AmoContext.h"
#include "AmoEntities.h"
#include "AmoLeadsApi.h"

#include <QCryptographicHash>

namespace Sandbox::AmoCrm {

namespace {

constexpr int kMaxBatch = 250;

QJsonObject withoutLinks(QJsonObject input)
{
    QJsonObject embedded = input.value("_embedded").toObject();
    embedded.remove("contacts");
    embedded.remove("companies");
    input.insert("_embedded", embedded);
    return input;
}

/** The item as the API shows it: its lead and contact ids with links. */
QJsonObject rendered(const AmoCall &call, const QJsonObject &item)
{
    QJsonObject out = item;
    QJsonObject embedded;
    for (const char *key : { "leads", "contacts", "companies" }) {
        QJsonArray list;
        for (const QJsonValue &v : item.value("_embedded").toObject().value(QLatin1String(key)).toArray()) {
            const qint64 id = v.toObject().value("id").toInteger();
            list.append(QJsonObject { { "id", id },
                                      { "_links", Entities::entityLink(call, QLatin1String(key), id) } });
        }
        embedded.insert(QLatin1String(key), list);
    }
    out.insert("_embedded", embedded);
    out.insert("_links",
               Entities::selfLink(
                   call.link(QStringLiteral("/api/v4/leads/unsorted/") + item.value("uid").toString())));
    return out;
}

} // namespace

AmoUnsortedApi::AmoUnsortedApi(AmoContext &context, AmoRouter &router)
    : m_context(context)
{
    router.add("POST", "/api/v4/leads/unsorted/forms", [this](AmoCall &c) { return addForms(c); });
    router.add("GET", "/api/v4/leads/unsorted", [this](AmoCall &c) { return list(c); });
    router.add("GET", "/api/v4/leads/unsorted/{*}", [this](AmoCall &c) { return get(c); });
    router.add("POST", "/api/v4/leads/unsorted/{*}/accept", [this](AmoCall &c) { return accept(c); });
    router.add("DELETE", "/api/v4/leads/unsorted/{*}/decline", [this](AmoCall &c) { return decline(c); });
}

HttpResponse AmoUnsortedApi::addForms(AmoCall &call)
{
    QJsonArray input;
    if (auto error = Entities::readBatch(call, kMaxBatch, &input))
        return *error;
    AmoAccount &account = call.account;
    ValidationErrors errors;
    struct Item
    {
        QString requestId;
        QJsonObject raw;
        qint64 pipelineId = 0;
        QJsonObject lead;
        QJsonObject contact;
        qint64 existingContactId = 0;
    };
    QList<Item> items;
    for (qsizetype i = 0; i < input.size(); ++i) {
        Item item;
        item.raw = input[i].toObject();
        item.requestId = Entities::requestIdOf(item.raw, i);
        const QString rid = item.requestId;
        if (item.raw.value("source_uid").toString().isEmpty())
            errors.add(rid, QStringLiteral("NotBlank"), QStringLiteral("source_uid"),
                       QStringLiteral("This value should not be blank."));
        if (!item.raw.value("metadata").isObject())
            errors.add(rid, QStringLiteral("NotBlank"), QStringLiteral("metadata"),
                       QStringLiteral("This value should not be blank."));
        item.pipelineId = item.raw.contains("pipeline_id") ? item.raw.value("pipeline_id").toInteger()
                                                           : account.mainPipelineId();
        if (!account.pipelines.contains(item.pipelineId) || !account.unsortedStatus(item.pipelineId))
            errors.notSupportedChoice(rid, QStringLiteral("pipeline_id"));
        const QJsonObject embedded = item.raw.value("_embedded").toObject();
        const QJsonArray leads = embedded.value("leads").toArray();
        if (leads.size() != 1) {
            errors.add(rid, QStringLiteral("Count"), QStringLiteral("_embedded.leads"),
                       QStringLiteral("This collection should contain exactly 1 element."));
        } else {
            ValidationErrors leadErrors;
            item.lead = AmoLeadsApi::newLead(call);
            AmoLeadsApi::applyLead(call, item.lead, withoutLinks(leads.first().toObject()), rid, leadErrors);
            errors.absorb(leadErrors, rid, QStringLiteral("_embedded.leads.0"));
            item.lead.insert("pipeline_id", item.pipelineId);
            item.lead.insert("status_id", account.unsortedStatus(item.pipelineId));
        }
        const QJsonArray contacts = embedded.value("contacts").toArray();
        if (contacts.size() > 1) {
            errors.add(rid, QStringLiteral("Count"), QStringLiteral("_embedded.contacts"),
                       QStringLiteral("Only one contacts entity is allowed"));
        } else if (contacts.size() == 1) {
            const QJsonObject c = contacts.first().toObject();
            if (c.contains("id")) {
                item.existingContactId = c.value("id").toInteger();
                if (!account.contacts.contains(item.existingContactId))
                    errors.notFound(rid, QStringLiteral("_embedded.contacts.0.id"));
            } else {
                ValidationErrors contactErrors;
                item.contact = AmoContactsApi::newEntity(call, QStringLiteral("contacts"));
                AmoContactsApi::applyEntity(call, QStringLiteral("contacts"), item.contact, withoutLinks(c),
                                            rid, contactErrors);
                errors.absorb(contactErrors, rid, QStringLiteral("_embedded.contacts.0"));
            }
        }
        items.append(item);
    }
    if (!errors.isEmpty())
        return errors.response();

    QJsonArray out;
    for (Item &item : items) {
        qint64 contactId = item.existingContactId;
        if (!item.contact.isEmpty())
            contactId = AmoContactsApi::commitNew(m_context, call, QStringLiteral("contacts"), item.contact);
        if (contactId)
            Entities::setEmbedded(item.lead, QStringLiteral("contacts"),
                                  QJsonArray { QJsonObject { { "id", contactId }, { "is_main", true } } });
        const qint64 leadId = AmoLeadsApi::commitNew(m_context, call, item.lead);
        const qint64 n = account.allocateId(QStringLiteral("unsorted"));
        const QString uid = QString::fromLatin1(
            QCryptographicHash::hash(QStringLiteral("%1:%2").arg(account.subdomain).arg(n).toUtf8(),
                                     QCryptographicHash::Sha1)
                .toHex());
        QJsonObject unsorted {
            { "uid", uid },
            { "source_uid", item.raw.value("source_uid") },
            { "source_name", item.raw.value("source_name") },
            { "category", "forms" },
            { "pipeline_id", item.pipelineId },
            { "created_at",
              item.raw.contains("created_at") ? item.raw.value("created_at").toInteger() : call.now },
            { "metadata", item.raw.value("metadata") },
            { "account_id", account.id },
            { "_embedded",
              QJsonObject { { "leads", QJsonArray { QJsonObject { { "id", leadId } } } },
                            { "contacts",
                              contactId ? QJsonArray { QJsonObject { { "id", contactId } } } : QJsonArray() },
                            { "companies", QJsonArray() } } }
        };
        account.unsorted.insert(uid, unsorted);
        QJsonObject answer = rendered(call, unsorted);
        answer.insert("request_id", item.requestId);
        out.append(answer);
    }
    const QJsonObject body {
        { "_total_items", out.size() },
        { "_links", Entities::selfLink(call.link(QStringLiteral("/api/v4/leads/unsorted/forms"))) },
        { "_embedded", QJsonObject { { "unsorted", out } } }
    };
    return HttpResponse::json(200, QJsonDocument(body));
}

HttpResponse AmoUnsortedApi::list(AmoCall &call)
{
    Entities::PageRequest page;
    if (auto error = Entities::readPage(call, kMaxBatch, &page))
        return *error;
    const QJsonObject filter = call.query.value("filter").toObject();
    const auto listOf = [](const QJsonValue &v) {
        QStringList out;
        if (v.isString())
            out << v.toString();
        for (const QJsonValue &x : v.toArray())
            out << x.toString();
        for (const QJsonValue &x : v.toObject())
            out << x.toString();
        return out;
    };
    const QStringList uids = listOf(filter.value("uid"));
    const QStringList categories = listOf(filter.value("category"));
    const QStringList pipelines = listOf(filter.value("pipeline_id"));
    QList<QJsonObject> items;
    for (const QJsonObject &u : std::as_const(call.account.unsorted)) {
        if (!uids.isEmpty() && !uids.contains(u.value("uid").toString()))
            continue;
        if (!categories.isEmpty() && !categories.contains(u.value("category").toString()))
            continue;
        if (!pipelines.isEmpty() && !pipelines.contains(QString::number(u.value("pipeline_id").toInteger())))
            continue;
        items.append(rendered(call, u));
    }
    Entities::sortByOrder(items, call.query.value("order").toObject(), { "created_at", "updated_at" });
    return Entities::halPage(call, QStringLiteral("/api/v4/leads/unsorted"), QStringLiteral("unsorted"),
                             items, page);
}

HttpResponse AmoUnsortedApi::get(AmoCall &call)
{
    const QJsonObject u = call.account.unsorted.value(call.params.value(0));
    if (u.isEmpty())
        return HttpResponse::noContent();
    return HttpResponse::json(200, QJsonDocument(rendered(call, u)));
}

HttpResponse AmoUnsortedApi::accept(AmoCall &call)
{
    const QString uid = call.params.value(0);
    if (!call.account.unsorted.contains(uid))
        return Errors::problem(404, QStringLiteral("Unsorted %1 not found").arg(uid));
    QJsonObject body;
    if (!call.request.body.trimmed().isEmpty()) {
        if (auto error = Entities::readObject(call, &body))
            return *error;
    }
    const QJsonObject u = call.account.unsorted.take(uid);
    const qint64 pipelineId = u.value("pipeline_id").toInteger();
    const qint64 statusId = body.contains("status_id") ? body.value("status_id").toInteger()
                                                       : call.account.defaultStatus(pipelineId);
    for (const QJsonValue &l : u.value("_embedded").toObject().value("leads").toArray()) {
        QJsonObject lead = call.account.leads.value(l.toObject().value("id").toInteger());
        if (lead.isEmpty())
            continue;
        lead.insert("status_id", statusId);
        if (body.contains("user_id"))
            lead.insert("responsible_user_id", body.value("user_id"));
        lead.insert("updated_at", call.now);
        AmoLeadsApi::commitUpdate(m_context, call, lead);
    }
    QJsonObject answer = rendered(call, u);
    answer.insert("accept_result", answer.value("_embedded"));
    return HttpResponse::json(200, QJsonDocument(answer));
}

HttpResponse AmoUnsortedApi::decline(AmoCall &call)
{
    const QString uid = call.params.value(0);
    if (!call.account.unsorted.contains(uid))
        return Errors::problem(404, QStringLiteral("Unsorted %1 not found").arg(uid));
    const QJsonObject u = call.account.unsorted.take(uid);
    for (const QJsonValue &l : u.value("_embedded").toObject().value("leads").toArray()) {
        QJsonObject lead = call.account.leads.value(l.toObject().value("id").toInteger());
        if (lead.isEmpty())
            continue;
        lead.insert("is_deleted", true);
        lead.insert("updated_at", call.now);
        AmoLeadsApi::commitUpdate(m_context, call, lead);
    }
    QJsonObject answer = rendered(call, u);
    answer.insert("decline_result", answer.value("_embedded"));
    return HttpResponse::json(200, QJsonDocument(answer));
}

} // namespace Sandbox::AmoCrm
