// SPDX-License-Identifier: GPL-3.0-or-later
#include "AmoLinksApi.h"

#include "AmoContext.h"
#include "AmoEntities.h"
#include "AmoErrors.h"
#include "AmoLeadsApi.h"

namespace Sandbox::AmoCrm {

namespace {

const QStringList kLinkTypes { "contacts", "companies", "catalog_elements" };

QJsonObject linkItem(qint64 leadId, const QString &type, const QJsonObject &link)
{
    QJsonObject metadata;
    if (type == QLatin1String("contacts"))
        metadata.insert("is_main", link.value("is_main").toBool());
    else if (type == QLatin1String("catalog_elements"))
        metadata = link.value("metadata").toObject();
    return QJsonObject { { "entity_id", leadId },
                         { "entity_type", "leads" },
                         { "to_entity_id", link.value("id") },
                         { "to_entity_type", type },
                         { "metadata", metadata.isEmpty() ? QJsonValue() : QJsonValue(metadata) } };
}

HttpResponse linksAnswer(const AmoCall &call, const QString &path, const QJsonArray &links)
{
    return HttpResponse::json(
        200,
        QJsonDocument(QJsonObject { { "_total_items", links.size() },
                                    { "_links", Entities::selfLink(call.link(path)) },
                                    { "_embedded", QJsonObject { { "links", links } } } }));
}

} // namespace

AmoLinksApi::AmoLinksApi(AmoContext &context, AmoRouter &router)
    : m_context(context)
{
    router.add("POST", "/api/v4/leads/link", [this](AmoCall &c) { return changeMany(c, true); });
    router.add("POST", "/api/v4/leads/unlink", [this](AmoCall &c) { return changeMany(c, false); });
    router.add("GET", "/api/v4/leads/{id}/links", [this](AmoCall &c) { return list(c); });
    router.add("POST", "/api/v4/leads/{id}/link", [this](AmoCall &c) { return change(c, true); });
    router.add("POST", "/api/v4/leads/{id}/unlink", [this](AmoCall &c) { return change(c, false); });
}

HttpResponse AmoLinksApi::list(AmoCall &call)
{
    const QJsonObject lead = call.account.leads.value(call.idParam(0));
    if (lead.isEmpty())
        return HttpResponse::noContent();
    const QJsonObject filter = call.query.value("filter").toObject();
    const qint64 toCatalog = filter.value("to_catalog_id").toVariant().toLongLong();
    QJsonArray links;
    for (const QString &type : kLinkTypes) {
        for (const QJsonValue &l : lead.value("_embedded").toObject().value(type).toArray()) {
            const QJsonObject item = linkItem(lead.value("id").toInteger(), type, l.toObject());
            if (toCatalog && item.value("metadata").toObject().value("catalog_id").toInteger() != toCatalog)
                continue;
            links.append(item);
        }
    }
    return linksAnswer(call, QStringLiteral("/api/v4/leads/%1/links").arg(call.idParam(0)), links);
}

QJsonValue AmoLinksApi::apply(AmoCall &call, QJsonObject &lead, const QJsonObject &item, const QString &rid,
                              bool link, ValidationErrors &errors)
{
    const QString type = item.value("to_entity_type").toString();
    const qint64 id = item.value("to_entity_id").toInteger();
    const QJsonObject metadata = item.value("metadata").toObject();
    if (!kLinkTypes.contains(type)) {
        errors.notSupportedChoice(rid, QStringLiteral("to_entity_type"));
        return {};
    }
    if (type == QLatin1String("catalog_elements")) {
        const qint64 catalogId = metadata.value("catalog_id").toInteger();
        const QJsonObject element = call.account.catalogElements.value(id);
        if (!metadata.contains("catalog_id")) {
            errors.add(rid, QStringLiteral("NotBlank"), QStringLiteral("metadata.catalog_id"),
                       QStringLiteral("This value should not be blank."));
            return {};
        }
        if (!call.account.catalogs.contains(catalogId)) {
            errors.notSupportedChoice(rid, QStringLiteral("metadata.catalog_id"));
            return {};
        }
        if (element.isEmpty() || element.value("is_deleted").toBool()
            || element.value("catalog_id").toInteger() != catalogId) {
            errors.notFound(rid, QStringLiteral("to_entity_id"));
            return {};
        }
        if (metadata.contains("quantity") && !metadata.value("quantity").isDouble()) {
            errors.invalidType(rid, QStringLiteral("metadata.quantity"), QStringLiteral("float"));
            return {};
        }
    } else if (!call.account.entities(type)->contains(id)) {
        errors.notFound(rid, QStringLiteral("to_entity_id"));
        return {};
    }
    QJsonObject embedded = lead.value("_embedded").toObject();
    QJsonArray kept;
    for (const QJsonValue &l : embedded.value(type).toArray()) {
        if (l.toObject().value("id").toInteger() != id)
            kept.append(l);
    }
    QJsonValue answered;
    if (link) {
        QJsonObject entry { { "id", id } };
        if (type == QLatin1String("contacts")) {
            entry.insert("is_main", metadata.value("is_main").toBool(kept.isEmpty()));
        } else if (type == QLatin1String("catalog_elements")) {
            entry.insert(
                "metadata",
                QJsonObject { { "quantity", metadata.value("quantity").toDouble(1) },
                              { "catalog_id", metadata.value("catalog_id") },
                              { "price_id",
                                metadata.value("price_id").isUndefined() ? QJsonValue(QJsonValue::Null)
                                                                         : metadata.value("price_id") } });
        }
        kept.append(entry);
        answered = linkItem(lead.value("id").toInteger(), type, entry);
    }
    embedded.insert(type, kept);
    lead.insert("_embedded", embedded);
    return answered;
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
    ValidationErrors errors;
    QJsonArray done;
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QJsonValue answered = apply(call, lead, items[i].toObject(),
                                          Entities::requestIdOf(items[i].toObject(), i), link, errors);
        if (answered.isObject())
            done.append(answered);
    }
    if (!errors.isEmpty())
        return errors.response();
    lead.insert("updated_at", call.now);
    AmoLeadsApi::commitUpdate(m_context, call, lead);
    if (!link)
        return HttpResponse::noContent();
    return linksAnswer(call, QStringLiteral("/api/v4/leads/%1/links").arg(leadId), done);
}

HttpResponse AmoLinksApi::changeMany(AmoCall &call, bool link)
{
    QJsonArray items;
    if (auto error = Entities::readBatch(call, 250, &items))
        return *error;
    // One bad item rejects the batch, as every amoCRM batch does: check all on copies first.
    QMap<qint64, QJsonObject> touched;
    ValidationErrors errors;
    QJsonArray done;
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QJsonObject item = items[i].toObject();
        const QString rid = Entities::requestIdOf(item, i);
        const qint64 leadId = item.value("entity_id").toInteger();
        if (!touched.contains(leadId)) {
            if (!call.account.leads.contains(leadId)) {
                errors.notFound(rid, QStringLiteral("entity_id"));
                continue;
            }
            touched.insert(leadId, call.account.leads.value(leadId));
        }
        const QJsonValue answered = apply(call, touched[leadId], item, rid, link, errors);
        if (answered.isObject())
            done.append(answered);
    }
    if (!errors.isEmpty())
        return errors.response();
    for (QJsonObject &lead : touched) {
        lead.insert("updated_at", call.now);
        AmoLeadsApi::commitUpdate(m_context, call, lead);
    }
    if (!link)
        return HttpResponse::noContent();
    return linksAnswer(call, QStringLiteral("/api/v4/leads/link"), done);
}

} // namespace Sandbox::AmoCrm
