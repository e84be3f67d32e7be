// SPDX-License-Identifier: GPL-3.0-or-later
#include "AmoEventsApi.h"

#include "AmoContext.h"
#include "AmoEntities.h"
#include "common/QueryParams.h"

namespace Sandbox::AmoCrm {

namespace {

constexpr int kMaxLimit = 100;

QString plural(const QString &entityType)
{
    if (entityType == QLatin1String("company"))
        return QStringLiteral("companies");
    return entityType + QLatin1Char('s');
}

bool typeMatches(const QString &eventType, const QStringList &wanted)
{
    if (wanted.isEmpty())
        return true;
    for (const QString &w : wanted) {
        if (w == eventType)
            return true;
        if (w == QLatin1String("custom_field_value_changed")
            && eventType.startsWith(QLatin1String("custom_field_"))
            && eventType.endsWith(QLatin1String("_value_changed")))
            return true;
    }
    return false;
}

/** One filter[value_before] / filter[value_after] against the event's value array. */
bool valueMatches(const QJsonValue &filterValue, const QJsonArray &values)
{
    if (filterValue.isUndefined())
        return true;
    const QJsonObject filter = filterValue.toObject();
    const QJsonObject first = values.first().toObject();
    if (filter.contains("leads_statuses")) {
        const QJsonObject status = first.value("lead_status").toObject();
        if (status.isEmpty())
            return false;
        const QJsonValue raw = filter.value("leads_statuses");
        QJsonArray options = raw.isArray() ? raw.toArray() : QJsonArray();
        if (raw.isObject()) {
            for (const QJsonValue &v : raw.toObject())
                options.append(v);
        }
        bool any = false;
        for (const QJsonValue &v : std::as_const(options)) {
            const QJsonObject o = v.toObject();
            const bool pipelineOk = !o.contains("pipeline_id")
                || o.value("pipeline_id").toString().toLongLong() == status.value("pipeline_id").toInteger();
            const bool statusOk = !o.contains("status_id")
                || o.value("status_id").toString().toLongLong() == status.value("id").toInteger();
            any = any || (pipelineOk && statusOk);
        }
        if (!any)
            return false;
    }
    if (filter.contains("responsible_user_id")) {
        const QStringList ids = listParam(filter.value("responsible_user_id"));
        if (!ids.contains(
                QString::number(first.value("responsible_user").toObject().value("id").toInteger())))
            return false;
    }
    if (filter.contains("custom_field_values")) {
        const QStringList ids = listParam(filter.value("custom_field_values"));
        const QJsonObject cf = first.value("custom_field_value").toObject();
        if (!ids.contains(QString::number(cf.value("enum_id").toInteger()))
            && !ids.contains(cf.value("text").toString()))
            return false;
    }
    if (filter.contains("value")) {
        const QString wanted = filter.value("value").toString();
        const QString sale
            = QString::number(first.value("sale_field_value").toObject().value("sale").toInteger());
        const QString name = first.value("name_field_value").toObject().value("name").toString();
        if (wanted != sale && wanted != name)
            return false;
    }
    return true;
}

bool createdAtMatches(const QJsonValue &filter, qint64 createdAt)
{
    if (filter.isUndefined())
        return true;
    if (filter.isString())
        return createdAt >= filter.toString().toLongLong();
    return Entities::inRange(filter, createdAt);
}

} // namespace

AmoEventsApi::AmoEventsApi(AmoContext &context, AmoRouter &router)
    : m_context(context)
{
    router.add("GET", "/api/v4/events", [this](AmoCall &c) { return list(c); });
    router.add("GET", "/api/v4/events/types", [this](AmoCall &c) { return types(c); });
    router.add("GET", "/api/v4/events/{*}", [this](AmoCall &c) { return get(c); });
}

QJsonObject AmoEventsApi::render(const AmoCall &call, const QJsonObject &stored) const
{
    QJsonObject event = stored;
    event.insert(
        "_links",
        Entities::selfLink(call.link(QStringLiteral("/api/v4/events/") + stored.value("id").toString())));
    const QString entityType = stored.value("entity_type").toString();
    const qint64 entityId = stored.value("entity_id").toInteger();
    event.insert(
        "_embedded",
        QJsonObject {
            { "entity",
              QJsonObject { { "id", entityId },
                            { "_links", Entities::entityLink(call, plural(entityType), entityId) } } } });
    return event;
}

HttpResponse AmoEventsApi::list(AmoCall &call)
{
    Entities::PageRequest page;
    if (auto error = Entities::readPage(call, kMaxLimit, &page))
        return *error;
    const QJsonObject filter = call.query.value("filter").toObject();
    const QStringList ids = listParam(filter.value("id"));
    const QStringList types = listParam(filter.value("type"));
    const QStringList entities = listParam(filter.value("entity"));
    const QStringList entityIds = listParam(filter.value("entity_id"));
    const QStringList createdBy = listParam(filter.value("created_by"));
    if (!entityIds.isEmpty() && entities.size() != 1) {
        ValidationErrors errors;
        errors.add(QStringLiteral("0"), QStringLiteral("NotSupportedChoice"), QStringLiteral("filter.entity"),
                   QStringLiteral("filter[entity_id] needs exactly one filter[entity]."));
        return errors.response();
    }
    if (entityIds.size() > 10 || createdBy.size() > 10)
        return Errors::problem(400, QStringLiteral("Too many values in filter"));
    QList<QJsonObject> items;
    for (auto it = call.account.events.crbegin(); it != call.account.events.crend(); ++it) {
        const QJsonObject &event = *it;
        if (!ids.isEmpty() && !ids.contains(event.value("id").toString()))
            continue;
        if (!typeMatches(event.value("type").toString(), types))
            continue;
        if (!entities.isEmpty() && !entities.contains(event.value("entity_type").toString()))
            continue;
        if (!entityIds.isEmpty()
            && !entityIds.contains(QString::number(event.value("entity_id").toInteger())))
            continue;
        if (!createdBy.isEmpty()
            && !createdBy.contains(QString::number(event.value("created_by").toInteger())))
            continue;
        if (!createdAtMatches(filter.value("created_at"), event.value("created_at").toInteger()))
            continue;
        if (!valueMatches(filter.value("value_after"), event.value("value_after").toArray())
            || !valueMatches(filter.value("value_before"), event.value("value_before").toArray()))
            continue;
        items.append(render(call, event));
    }
    return Entities::halPage(call, QStringLiteral("/api/v4/events"), QStringLiteral("events"), items, page);
}

HttpResponse AmoEventsApi::get(AmoCall &call)
{
    const QString id = call.params.value(0);
    for (const QJsonObject &event : std::as_const(call.account.events)) {
        if (event.value("id").toString() == id)
            return HttpResponse::json(200, QJsonDocument(render(call, event)));
    }
    return HttpResponse::noContent();
}

HttpResponse AmoEventsApi::types(AmoCall &call)
{
    static const QList<QPair<const char *, const char *>> known {
        { "lead_added", "Новая сделка" },
        { "lead_status_changed", "Изменение этапа продажи" },
        { "contact_added", "Новый контакт" },
        { "company_added", "Новая компания" },
        { "customer_added", "Новый покупатель" },
        { "entity_responsible_changed", "Ответственный изменен" },
        { "name_field_changed", "Изменение поля “Название”" },
        { "sale_field_changed", "Изменение поля “Бюджет”" },
        { "custom_field_value_changed", "Изменение поля" },
        { "common_note_added", "Новое примечание" },
    };
    QJsonArray items;
    for (const auto &[key, name] : known) {
        items.append(QJsonObject { { "key", QLatin1String(key) },
                                   { "type", 0 },
                                   { "lang", QJsonObject { { "ru", QString::fromUtf8(name) } } } });
    }
    const QJsonObject body { { "_total_items", items.size() },
                             { "_links",
                               Entities::selfLink(call.link(QStringLiteral("/api/v4/events/types"))) },
                             { "_embedded", QJsonObject { { "events_types", items } } } };
    return HttpResponse::json(200, QJsonDocument(body));
}

} // namespace Sandbox::AmoCrm
