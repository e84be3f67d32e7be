// SPDX-License-Identifier: GPL-3.0-or-later
#include "AmoContactsApi.h"

#include "AmoContext.h"
#include "AmoEntities.h"
#include "AmoNotifier.h"

namespace Sandbox::AmoCrm {

namespace {

constexpr int kMaxBatch = 250;

} // namespace

AmoContactsApi::AmoContactsApi(AmoContext &context, AmoRouter &router, const QString &type)
    : m_context(context)
    , m_type(type)
{
    const QString base = QStringLiteral("/api/v4/") + type;
    router.add("GET", base, [this](AmoCall &c) { return list(c); });
    router.add("POST", base, [this](AmoCall &c) { return add(c); });
    router.add("PATCH", base, [this](AmoCall &c) { return update(c); });
    router.add("GET", base + QStringLiteral("/{id}"), [this](AmoCall &c) { return get(c); });
    router.add("PATCH", base + QStringLiteral("/{id}"), [this](AmoCall &c) { return updateOne(c); });
}

QJsonObject AmoContactsApi::newEntity(const AmoCall &call, const QString &type)
{
    QJsonObject entity { { "id", 0 },
                         { "name", "" },
                         { "responsible_user_id", call.userId },
                         { "group_id", 0 },
                         { "created_by", call.userId },
                         { "updated_by", call.userId },
                         { "created_at", call.now },
                         { "updated_at", call.now },
                         { "closest_task_at", QJsonValue::Null },
                         { "is_deleted", false },
                         { "custom_fields_values", QJsonValue::Null },
                         { "account_id", call.account.id } };
    if (type == QLatin1String("contacts")) {
        entity.insert("first_name", "");
        entity.insert("last_name", "");
        entity.insert("is_unsorted", false);
        entity.insert("_embedded", QJsonObject { { "tags", QJsonArray() }, { "companies", QJsonArray() } });
    } else {
        entity.insert("_embedded", QJsonObject { { "tags", QJsonArray() } });
    }
    return entity;
}

void AmoContactsApi::applyEntity(AmoCall &call, const QString &type, QJsonObject &entity,
                                 const QJsonObject &input, const QString &rid, ValidationErrors &errors)
{
    if (entity.value("id").toInteger() != 0) {
        entity.insert("updated_at", call.now);
        entity.insert("updated_by", call.userId);
    }
    Entities::applyCommon(call, type, entity, input, rid, errors);
    if (type != QLatin1String("contacts"))
        return;
    for (const char *key : { "first_name", "last_name" }) {
        const QLatin1String k(key);
        if (!input.contains(k))
            continue;
        if (!input.value(k).isString())
            errors.invalidType(rid, k, QStringLiteral("string"));
        else
            entity.insert(k, input.value(k).toString());
    }
    if (!input.contains("name") && (input.contains("first_name") || input.contains("last_name")))
        entity.insert(
            "name",
            QStringList { entity.value("first_name").toString(), entity.value("last_name").toString() }
                .join(QLatin1Char(' '))
                .trimmed());
    // As for leads: _embedded links a company only on creation; links change through /link.
    const QJsonObject embedded = input.value("_embedded").toObject();
    if (entity.value("id").toInteger() == 0 && embedded.contains("companies")) {
        QJsonArray links;
        const QJsonArray list = embedded.value("companies").toArray();
        for (qsizetype i = 0; i < list.size(); ++i) {
            const qint64 id = list[i].toObject().value("id").toInteger();
            if (!call.account.companies.contains(id))
                errors.notFound(rid, QStringLiteral("_embedded.companies.%1.id").arg(i));
            else
                links.append(QJsonObject { { "id", id } });
        }
        Entities::setEmbedded(entity, QStringLiteral("companies"), links);
    }
}

qint64 AmoContactsApi::commitNew(AmoContext &context, AmoCall &call, const QString &type, QJsonObject entity)
{
    const qint64 id = call.account.allocateId(type == QLatin1String("contacts") ? QStringLiteral("contact")
                                                                                : QStringLiteral("company"));
    entity.insert("id", id);
    if (entity.value("name").toString().isEmpty()) {
        entity.insert("name",
                      type == QLatin1String("contacts") ? QStringLiteral("Контакт #%1").arg(id)
                                                        : QStringLiteral("Компания #%1").arg(id));
    }
    call.account.entities(type)->insert(id, entity);
    context.notifier->entityAdded(call.account, type, entity, call.userId);
    return id;
}

void AmoContactsApi::commitUpdate(AmoContext &context, AmoCall &call, const QString &type,
                                  const QJsonObject &entity)
{
    const qint64 id = entity.value("id").toInteger();
    QMap<qint64, QJsonObject> &store = *call.account.entities(type);
    const QJsonObject before = store.value(id);
    store.insert(id, entity);
    context.notifier->entityUpdated(call.account, type, before, entity, call.userId);
}

HttpResponse AmoContactsApi::list(AmoCall &call)
{
    Entities::PageRequest page;
    if (auto error = Entities::readPage(call, kMaxBatch, &page))
        return *error;
    const QJsonObject filter = call.query.value("filter").toObject();
    const QString needle = call.query.value("query").toString().trimmed();
    const QStringList with = Entities::withList(call);
    QList<QJsonObject> items;
    for (const QJsonObject &entity : std::as_const(*call.account.entities(m_type))) {
        if (entity.value("is_deleted").toBool())
            continue;
        if (Entities::passesCommonFilters(entity, filter) && Entities::matchesQuery(entity, needle))
            items.append(entity);
    }
    Entities::sortByOrder(items, call.query.value("order").toObject(), { "updated_at", "id" });
    for (QJsonObject &entity : items)
        entity = Entities::render(call, m_type, entity, with);
    return Entities::halPage(call, QStringLiteral("/api/v4/") + m_type, m_type, items, page);
}

HttpResponse AmoContactsApi::get(AmoCall &call)
{
    const QJsonObject entity = call.account.entities(m_type)->value(call.idParam(0));
    if (entity.isEmpty())
        return HttpResponse::noContent();
    return HttpResponse::json(
        200, QJsonDocument(Entities::render(call, m_type, entity, Entities::withList(call))));
}

HttpResponse AmoContactsApi::add(AmoCall &call)
{
    QJsonArray items;
    if (auto error = Entities::readBatch(call, kMaxBatch, &items))
        return *error;
    ValidationErrors errors;
    QList<QJsonObject> entities;
    QStringList rids;
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QJsonObject item = items[i].toObject();
        rids.append(Entities::requestIdOf(item, i));
        QJsonObject entity = newEntity(call, m_type);
        applyEntity(call, m_type, entity, item, rids.last(), errors);
        entities.append(entity);
    }
    if (!errors.isEmpty())
        return errors.response();
    QJsonArray out;
    for (qsizetype i = 0; i < entities.size(); ++i) {
        const qint64 id = commitNew(m_context, call, m_type, entities[i]);
        out.append(QJsonObject {
            { "id", id }, { "request_id", rids[i] }, { "_links", Entities::entityLink(call, m_type, id) } });
    }
    const QJsonObject body { { "_links", Entities::selfLink(call.link(QStringLiteral("/api/v4/") + m_type)) },
                             { "_embedded", QJsonObject { { m_type, out } } } };
    return HttpResponse::json(200, QJsonDocument(body));
}

HttpResponse AmoContactsApi::update(AmoCall &call)
{
    QJsonArray items;
    if (auto error = Entities::readBatch(call, kMaxBatch, &items))
        return *error;
    ValidationErrors errors;
    QList<QJsonObject> entities;
    QStringList rids;
    const QMap<qint64, QJsonObject> &store = *call.account.entities(m_type);
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QJsonObject item = items[i].toObject();
        rids.append(Entities::requestIdOf(item, i));
        const qint64 id = item.value("id").toInteger();
        if (!store.contains(id)) {
            errors.notFound(rids.last(), QStringLiteral("id"));
            entities.append(QJsonObject());
            continue;
        }
        QJsonObject entity = store.value(id);
        applyEntity(call, m_type, entity, item, rids.last(), errors);
        entities.append(entity);
    }
    if (!errors.isEmpty())
        return errors.response();
    QJsonArray out;
    for (qsizetype i = 0; i < entities.size(); ++i) {
        commitUpdate(m_context, call, m_type, entities[i]);
        const qint64 id = entities[i].value("id").toInteger();
        out.append(QJsonObject { { "id", id },
                                 { "name", entities[i].value("name") },
                                 { "updated_at", entities[i].value("updated_at") },
                                 { "request_id", rids[i] },
                                 { "_links", Entities::entityLink(call, m_type, id) } });
    }
    const QJsonObject body { { "_links", Entities::selfLink(call.link(QStringLiteral("/api/v4/") + m_type)) },
                             { "_embedded", QJsonObject { { m_type, out } } } };
    return HttpResponse::json(200, QJsonDocument(body));
}

HttpResponse AmoContactsApi::updateOne(AmoCall &call)
{
    QJsonObject input;
    if (auto error = Entities::readObject(call, &input))
        return *error;
    const qint64 id = call.idParam(0);
    const QMap<qint64, QJsonObject> &store = *call.account.entities(m_type);
    if (!store.contains(id))
        return Errors::problem(404, QStringLiteral("Entity not found"));
    ValidationErrors errors;
    QJsonObject entity = store.value(id);
    applyEntity(call, m_type, entity, input, QStringLiteral("0"), errors);
    if (!errors.isEmpty())
        return errors.response();
    commitUpdate(m_context, call, m_type, entity);
    const QJsonObject body { { "id", id },
                             { "name", entity.value("name") },
                             { "updated_at", entity.value("updated_at") },
                             { "_links", Entities::entityLink(call, m_type, id) } };
    return HttpResponse::json(200, QJsonDocument(body));
}

} // namespace Sandbox::AmoCrm
