// SPDX-License-Identifier: GPL-3.0-or-later
#include "AmoLinksApi.h"

#include "AmoContext.h"
#include "AmoEntities.h"
#include "AmoErrors.h"
#include "AmoLeadsApi.h"

namespace Sandbox::AmoCrm {

namespace {

QJsonObject linkItem(qint64 leadId, const QString &type, const QJsonObject &link)
{
    QJsonObject metadata;
    if (type == QLatin1String("contacts"))
        metadata.insert("is_main", link.value("is_main").toBool());
    return QJsonObject { { "entity_id", leadId },
                         { "entity_type", "leads" },
                         { "to_entity_id", link.value("id") },
                         { "to_entity_type", type },
                         { "metadata", metadata.isEmpty() ? QJsonValue() : QJsonValue(metadata) } };
}

} // namespace

AmoLinksApi::AmoLinksApi(AmoContext &context, AmoRouter &router)
    : m_context(context)
{
    router.add("GET", "/api/v4/leads/{id}/links", [this](AmoCall &c) { return list(c); });
    router.add("POST", "/api/v4/leads/{id}/link", [this](AmoCall &c) { return change(c, true); });
    router.add("POST", "/api/v4/leads/{id}/unlink", [this](AmoCall &c) { return change(c, false); });
}

HttpResponse AmoLinksApi::list(AmoCall &call)
{
    const QJsonObject lead = call.account.leads.value(call.idParam(0));
    if (lead.isEmpty())
        return HttpResponse::noContent();
    QJsonArray links;
    for (const char *type : { "contacts", "companies" }) {
        for (const QJsonValue &l : lead.value("_embedded").toObject().value(QLatin1String(type)).toArray())
            links.append(linkItem(lead.value("id").toInteger(), QLatin1String(type), l.toObject()));
    }
    const QString path = QStringLiteral("/api/v4/leads/%1/links").arg(call.idParam(0));
    return HttpResponse::json(
        200,
        QJsonDocument(QJsonObject { { "_total_items", links.size() },
                                    { "_links", Entities::selfLink(call.link(path)) },
                                    { "_embedded", QJsonObject { { "links", links } } } }));
}

HttpResponse AmoLinksApi::change(AmoCall &call, bool link)
{
    QJsonArray items;
    if (auto error = Entities::readBatch(call, 250, &items))
        return *error;
    const qint64 leadId = call.idParam(0);
    if (!call.account.leads.contains(leadId))
        return Errors::problem(404, QStringLiteral("Lead not found"));
    QJsonObject lead = call.account.leads.value(leadId);
    QJsonObject embedded = lead.value("_embedded").toObject();
    ValidationErrors errors;
    QJsonArray done;
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QJsonObject item = items[i].toObject();
        const QString type = item.value("to_entity_type").toString();
        const qint64 id = item.value("to_entity_id").toInteger();
        const QString rid = Entities::requestIdOf(item, i);
        if (type != QLatin1String("contacts") && type != QLatin1String("companies")) {
            errors.notSupportedChoice(rid, QStringLiteral("to_entity_type"));
            continue;
        }
        if (!call.account.entities(type)->contains(id)) {
            errors.notFound(rid, QStringLiteral("to_entity_id"));
            continue;
        }
        QJsonArray current = embedded.value(type).toArray();
        QJsonArray kept;
        for (const QJsonValue &l : std::as_const(current)) {
            if (l.toObject().value("id").toInteger() != id)
                kept.append(l);
        }
        if (link) {
            QJsonObject entry { { "id", id } };
            if (type == QLatin1String("contacts"))
                entry.insert("is_main",
                             item.value("metadata").toObject().value("is_main").toBool(kept.isEmpty()));
            kept.append(entry);
            done.append(linkItem(leadId, type, entry));
        }
        embedded.insert(type, kept);
    }
    if (!errors.isEmpty())
        return errors.response();
    lead.insert("_embedded", embedded);
    lead.insert("updated_at", call.now);
    AmoLeadsApi::commitUpdate(m_context, call, lead);
    if (!link)
        return HttpResponse::noContent();
    return HttpResponse::json(
        200,
        QJsonDocument(QJsonObject { { "_total_items", done.size() },
                                    { "_embedded", QJsonObject { { "links", done } } } }));
}

} // namespace Sandbox::AmoCrm
