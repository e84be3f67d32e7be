// SPDX-License-Identifier: GPL-3.0-or-later
#include "AmoLeadsApi.h"

#include "AmoContext.h"
#include "AmoEntities.h"
#include "AmoNotifier.h"
#include "common/QueryParams.h"

namespace Sandbox::AmoCrm {

namespace {

constexpr int kMaxBatch = 250;

bool isClosed(qint64 statusId)
{
    return statusId == 142 || statusId == 143;
}

bool passesLeadFilters(const QJsonObject &lead, const QJsonObject &filter)
{
    if (!Entities::passesCommonFilters(lead, filter))
        return false;
    if (!Entities::inIdList(filter.value("pipeline_id"), lead.value("pipeline_id").toInteger()))
        return false;
    if (filter.contains("price")
        && !Entities::inRange(filter.value("price"), lead.value("price").toInteger()))
        return false;
    if (filter.contains("statuses")) {
        bool any = false;
        const QJsonValue statuses = filter.value("statuses");
        QJsonArray list = statuses.isArray() ? statuses.toArray() : QJsonArray();
        if (statuses.isObject()) {
            for (const QJsonValue &v : statuses.toObject())
                list.append(v);
        }
        for (const QJsonValue &v : std::as_const(list)) {
            const QJsonObject s = v.toObject();
            any = any
                || (s.value("pipeline_id").toString().toLongLong() == lead.value("pipeline_id").toInteger()
                    && s.value("status_id").toString().toLongLong() == lead.value("status_id").toInteger());
        }
        if (!any)
            return false;
    }
    return true;
}

} // namespace

AmoLeadsApi::AmoLeadsApi(AmoContext &context, AmoRouter &router)
    : m_context(context)
{
    router.add("GET", "/api/v4/leads", [this](AmoCall &c) { return list(c); });
    router.add("POST", "/api/v4/leads", [this](AmoCall &c) { return add(c); });
    router.add("PATCH", "/api/v4/leads", [this](AmoCall &c) { return update(c); });
    router.add("GET", "/api/v4/leads/{id}", [this](AmoCall &c) { return get(c); });
    router.add("PATCH", "/api/v4/leads/{id}", [this](AmoCall &c) { return updateOne(c); });
}

QJsonObject AmoLeadsApi::newLead(const AmoCall &call)
{
    return QJsonObject { { "id", 0 },
                         { "name", "" },
                         { "price", 0 },
                         { "responsible_user_id", call.userId },
                         { "group_id", 0 },
                         { "status_id", 0 },
                         { "pipeline_id", 0 },
                         { "loss_reason_id", QJsonValue::Null },
                         { "created_by", call.userId },
                         { "updated_by", call.userId },
                         { "created_at", call.now },
                         { "updated_at", call.now },
                         { "closed_at", QJsonValue::Null },
                         { "closest_task_at", QJsonValue::Null },
                         { "is_deleted", false },
                         { "custom_fields_values", QJsonValue::Null },
                         { "score", QJsonValue::Null },
                         { "account_id", call.account.id },
                         { "labor_cost", QJsonValue::Null },
                         { "_embedded",
                           QJsonObject { { "tags", QJsonArray() },
                                         { "companies", QJsonArray() },
                                         { "contacts", QJsonArray() } } } };
}

void AmoLeadsApi::applyLead(AmoCall &call, QJsonObject &lead, const QJsonObject &input, const QString &rid,
                            ValidationErrors &errors)
{
    const bool creating = lead.value("id").toInteger() == 0;
    AmoAccount &account = call.account;
    if (!creating) {
        lead.insert("updated_at", call.now);
        lead.insert("updated_by", call.userId);
    }
    Entities::applyCommon(call, QStringLiteral("leads"), lead, input, rid, errors);
    if (input.contains("price")) {
        const QJsonValue price = input.value("price");
        if (!price.isDouble() || price.toDouble() != double(price.toInteger()))
            errors.invalidType(rid, QStringLiteral("price"), QStringLiteral("int"));
        else
            lead.insert("price", price.toInteger());
    }
    if (input.contains("loss_reason_id"))
        lead.insert("loss_reason_id", input.value("loss_reason_id"));

    qint64 pipelineId = creating ? 0 : lead.value("pipeline_id").toInteger();
    qint64 statusId = creating ? 0 : lead.value("status_id").toInteger();
    const bool hasPipeline = input.contains("pipeline_id");
    const bool hasStatus = input.contains("status_id");
    if (hasPipeline) {
        pipelineId = input.value("pipeline_id").toInteger();
        if (!account.pipelines.contains(pipelineId)) {
            errors.notSupportedChoice(rid, QStringLiteral("pipeline_id"));
            return;
        }
    }
    if (hasStatus) {
        statusId = input.value("status_id").toInteger();
        if (!hasPipeline && (creating || account.findStatus(pipelineId, statusId).isEmpty()))
            pipelineId = account.pipelineOfStatus(statusId);
        if (pipelineId == 0 || account.findStatus(pipelineId, statusId).isEmpty()) {
            errors.notSupportedChoice(rid, QStringLiteral("status_id"));
            return;
        }
    } else if (creating || hasPipeline) {
        if (pipelineId == 0)
            pipelineId = account.mainPipelineId();
        if (creating || account.findStatus(pipelineId, statusId).isEmpty())
            statusId = account.defaultStatus(pipelineId);
    }
    const bool wasClosed = isClosed(lead.value("status_id").toInteger());
    lead.insert("pipeline_id", pipelineId);
    lead.insert("status_id", statusId);
    if (isClosed(statusId) && (!wasClosed || lead.value("closed_at").isNull()))
        lead.insert("closed_at", input.value("closed_at").toInteger(call.now));
    else if (!isClosed(statusId))
        lead.insert("closed_at", QJsonValue::Null);

    // Contacts and companies are linked by _embedded only when a lead is created; on an update amoCRM
    // leaves the links as they are (they change through /link and /unlink), so a lead sent back as read
    // with an empty _embedded.contacts keeps its contact. See tests/sandbox/README.md, Assumptions.
    const QJsonObject embedded = input.value("_embedded").toObject();
    for (const char *key : { "contacts", "companies" }) {
        const QLatin1String k(key);
        if (!creating || !embedded.contains(k))
            continue;
        const QMap<qint64, QJsonObject> &store
            = k == QLatin1String("contacts") ? account.contacts : account.companies;
        QJsonArray links;
        const QJsonArray list = embedded.value(k).toArray();
        for (qsizetype i = 0; i < list.size(); ++i) {
            const QJsonObject item = list[i].toObject();
            const qint64 id = item.value("id").toInteger();
            if (!store.contains(id)) {
                errors.notFound(rid, QStringLiteral("_embedded.%1.%2.id").arg(k).arg(i));
                continue;
            }
            QJsonObject link { { "id", id } };
            if (k == QLatin1String("contacts"))
                link.insert("is_main", item.value("is_main").toBool(links.isEmpty()));
            links.append(link);
        }
        Entities::setEmbedded(lead, k, links);
    }
}

qint64 AmoLeadsApi::commitNew(AmoContext &context, AmoCall &call, QJsonObject lead)
{
    const qint64 id = call.account.allocateId(QStringLiteral("lead"));
    lead.insert("id", id);
    if (lead.value("name").toString().isEmpty())
        lead.insert("name", QStringLiteral("Сделка #%1").arg(id));
    call.account.leads.insert(id, lead);
    context.notifier->entityAdded(call.account, QStringLiteral("leads"), lead, call.userId);
    return id;
}

void AmoLeadsApi::commitUpdate(AmoContext &context, AmoCall &call, const QJsonObject &lead)
{
    const qint64 id = lead.value("id").toInteger();
    const QJsonObject before = call.account.leads.value(id);
    call.account.leads.insert(id, lead);
    context.notifier->entityUpdated(call.account, QStringLiteral("leads"), before, lead, call.userId);
}

HttpResponse AmoLeadsApi::list(AmoCall &call)
{
    Entities::PageRequest page;
    if (auto error = Entities::readPage(call, kMaxBatch, &page))
        return *error;
    const QStringList with = Entities::withList(call);
    const bool onlyDeleted = with.contains(QLatin1String("only_deleted"));
    const QJsonObject filter = call.query.value("filter").toObject();
    const QString needle = call.query.value("query").toString().trimmed();
    QList<QJsonObject> items;
    for (const QJsonObject &lead : std::as_const(call.account.leads)) {
        if (lead.value("is_deleted").toBool() != onlyDeleted)
            continue;
        if (passesLeadFilters(lead, filter) && Entities::matchesQuery(lead, needle))
            items.append(lead);
    }
    Entities::sortByOrder(items, call.query.value("order").toObject(), { "created_at", "updated_at", "id" });
    for (QJsonObject &lead : items)
        lead = Entities::render(call, QStringLiteral("leads"), lead, with);
    return Entities::halPage(call, QStringLiteral("/api/v4/leads"), QStringLiteral("leads"), items, page);
}

HttpResponse AmoLeadsApi::get(AmoCall &call)
{
    const QJsonObject lead = call.account.leads.value(call.idParam(0));
    if (lead.isEmpty())
        return HttpResponse::noContent();
    return HttpResponse::json(
        200, QJsonDocument(Entities::render(call, QStringLiteral("leads"), lead, Entities::withList(call))));
}

HttpResponse AmoLeadsApi::add(AmoCall &call)
{
    QJsonArray items;
    if (auto error = Entities::readBatch(call, kMaxBatch, &items))
        return *error;
    ValidationErrors errors;
    QList<QJsonObject> leads;
    QStringList rids;
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QJsonObject item = items[i].toObject();
        rids.append(Entities::requestIdOf(item, i));
        QJsonObject lead = newLead(call);
        applyLead(call, lead, item, rids.last(), errors);
        leads.append(lead);
    }
    if (!errors.isEmpty())
        return errors.response();
    QJsonArray out;
    for (qsizetype i = 0; i < leads.size(); ++i) {
        const qint64 id = commitNew(m_context, call, leads[i]);
        out.append(QJsonObject { { "id", id },
                                 { "request_id", rids[i] },
                                 { "_links", Entities::entityLink(call, QStringLiteral("leads"), id) } });
    }
    const QJsonObject body { { "_links", Entities::selfLink(call.link(QStringLiteral("/api/v4/leads"))) },
                             { "_embedded", QJsonObject { { "leads", out } } } };
    return HttpResponse::json(200, QJsonDocument(body));
}

HttpResponse AmoLeadsApi::update(AmoCall &call)
{
    QJsonArray items;
    if (auto error = Entities::readBatch(call, kMaxBatch, &items))
        return *error;
    ValidationErrors errors;
    QList<QJsonObject> leads;
    QStringList rids;
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QJsonObject item = items[i].toObject();
        rids.append(Entities::requestIdOf(item, i));
        const qint64 id = item.value("id").toInteger();
        if (!call.account.leads.contains(id)) {
            errors.notFound(rids.last(), QStringLiteral("id"));
            leads.append(QJsonObject());
            continue;
        }
        QJsonObject lead = call.account.leads.value(id);
        applyLead(call, lead, item, rids.last(), errors);
        leads.append(lead);
    }
    if (!errors.isEmpty())
        return errors.response();
    QJsonArray out;
    for (qsizetype i = 0; i < leads.size(); ++i) {
        commitUpdate(m_context, call, leads[i]);
        const qint64 id = leads[i].value("id").toInteger();
        out.append(QJsonObject { { "id", id },
                                 { "updated_at", leads[i].value("updated_at") },
                                 { "request_id", rids[i] },
                                 { "_links", Entities::entityLink(call, QStringLiteral("leads"), id) } });
    }
    const QJsonObject body { { "_links", Entities::selfLink(call.link(QStringLiteral("/api/v4/leads"))) },
                             { "_embedded", QJsonObject { { "leads", out } } } };
    return HttpResponse::json(200, QJsonDocument(body));
}

HttpResponse AmoLeadsApi::updateOne(AmoCall &call)
{
    QJsonObject input;
    if (auto error = Entities::readObject(call, &input))
        return *error;
    const qint64 id = call.idParam(0);
    if (!call.account.leads.contains(id))
        return Errors::problem(404, QStringLiteral("Lead not found"));
    ValidationErrors errors;
    QJsonObject lead = call.account.leads.value(id);
    applyLead(call, lead, input, QStringLiteral("0"), errors);
    if (!errors.isEmpty())
        return errors.response();
    commitUpdate(m_context, call, lead);
    const QJsonObject body { { "id", id },
                             { "updated_at", lead.value("updated_at") },
                             { "_links", Entities::entityLink(call, QStringLiteral("leads"), id) } };
    return HttpResponse::json(200, QJsonDocument(body));
}

} // namespace Sandbox::AmoCrm
