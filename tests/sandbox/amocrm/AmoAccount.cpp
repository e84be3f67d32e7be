// SPDX-License-Identifier: GPL-3.0-or-later
#include "AmoAccount.h"

#include <QJsonArray>

namespace Sandbox::AmoCrm {

namespace {

qint64 firstId(const QString &kind)
{
    static const QHash<QString, qint64> starts { { "lead", 20000001 },     { "contact", 30000001 },
                                                 { "company", 40000001 },  { "note", 50000001 },
                                                 { "customer", 60000001 }, { "catalog", 1001 },
                                                 { "element", 70000001 },  { "transaction", 80000001 },
                                                 { "field", 500001 },      { "enum", 900001 },
                                                 { "pipeline", 7000001 },  { "status", 61000001 },
                                                 { "user", 9000001 },      { "webhook", 1001 },
                                                 { "tag", 10001 },         { "event", 1 } };
    return starts.value(kind, 1);
}

QJsonObject mapToJson(const QMap<qint64, QJsonObject> &map)
{
    QJsonObject out;
    for (auto it = map.cbegin(); it != map.cend(); ++it)
        out.insert(QString::number(it.key()), it.value());
    return out;
}

QMap<qint64, QJsonObject> mapFromJson(const QJsonObject &json)
{
    QMap<qint64, QJsonObject> out;
    for (auto it = json.begin(); it != json.end(); ++it)
        out.insert(it.key().toLongLong(), it.value().toObject());
    return out;
}

} // namespace

qint64 AmoAccount::allocateId(const QString &kind)
{
    auto it = nextIds.find(kind);
    if (it == nextIds.end())
        it = nextIds.insert(kind, firstId(kind));
    return it.value()++;
}

QMap<qint64, QJsonObject> *AmoAccount::entities(const QString &type)
{
    if (type == QLatin1String("leads"))
        return &leads;
    if (type == QLatin1String("contacts"))
        return &contacts;
    if (type == QLatin1String("companies"))
        return &companies;
    if (type == QLatin1String("customers"))
        return &customers;
    return nullptr;
}

qint64 AmoAccount::mainPipelineId() const
{
    for (const QJsonObject &p : pipelines) {
        if (p.value("is_main").toBool())
            return p.value("id").toInteger();
    }
    return pipelines.isEmpty() ? 0 : pipelines.firstKey();
}

QJsonObject AmoAccount::findStatus(qint64 pipelineId, qint64 statusId) const
{
    const QJsonObject pipeline = pipelines.value(pipelineId);
    for (const QJsonValue &s : pipeline.value("_embedded").toObject().value("statuses").toArray()) {
        if (s.toObject().value("id").toInteger() == statusId)
            return s.toObject();
    }
    return {};
}

qint64 AmoAccount::pipelineOfStatus(qint64 statusId) const
{
    if (statusId == 142 || statusId == 143)
        return mainPipelineId();
    for (auto it = pipelines.cbegin(); it != pipelines.cend(); ++it) {
        if (!findStatus(it.key(), statusId).isEmpty())
            return it.key();
    }
    return 0;
}

qint64 AmoAccount::defaultStatus(qint64 pipelineId) const
{
    qint64 best = 0;
    int bestSort = INT_MAX;
    const QJsonObject pipeline = pipelines.value(pipelineId);
    for (const QJsonValue &v : pipeline.value("_embedded").toObject().value("statuses").toArray()) {
        const QJsonObject s = v.toObject();
        const qint64 id = s.value("id").toInteger();
        if (s.value("type").toInt() == 1 || id == 142 || id == 143)
            continue;
        if (s.value("sort").toInt() < bestSort) {
            bestSort = s.value("sort").toInt();
            best = id;
        }
    }
    return best;
}

qint64 AmoAccount::unsortedStatus(qint64 pipelineId) const
{
    for (const QJsonValue &v :
         pipelines.value(pipelineId).value("_embedded").toObject().value("statuses").toArray()) {
        if (v.toObject().value("type").toInt() == 1)
            return v.toObject().value("id").toInteger();
    }
    return 0;
}

qint64 AmoAccount::adminUserId() const
{
    for (const QJsonObject &u : users) {
        if (u.value("rights").toObject().value("is_admin").toBool())
            return u.value("id").toInteger();
    }
    return users.isEmpty() ? 0 : users.firstKey();
}

QJsonObject AmoAccount::toJson() const
{
    QJsonObject fields;
    for (auto it = customFields.cbegin(); it != customFields.cend(); ++it)
        fields.insert(it.key(), mapToJson(it.value()));
    QJsonObject tagJson;
    for (auto it = tags.cbegin(); it != tags.cend(); ++it)
        tagJson.insert(it.key(), mapToJson(it.value()));
    QJsonObject ids;
    for (auto it = nextIds.cbegin(); it != nextIds.cend(); ++it)
        ids.insert(it.key(), it.value());
    QJsonObject unsortedJson;
    for (auto it = unsorted.cbegin(); it != unsorted.cend(); ++it)
        unsortedJson.insert(it.key(), it.value());
    QJsonArray eventArray;
    for (const QJsonObject &e : events)
        eventArray.append(e);
    return QJsonObject { { "id", id },
                         { "subdomain", subdomain },
                         { "name", name },
                         { "customers_mode", customersMode },
                         { "customers_last_mode", customersLastMode },
                         { "language", language },
                         { "unpaid", unpaid },
                         { "blocked", blocked },
                         { "duplicate_control", duplicateControl },
                         { "created_at", createdAt },
                         { "rate_limit", limiter.settings().toJson() },
                         { "users", mapToJson(users) },
                         { "pipelines", mapToJson(pipelines) },
                         { "leads", mapToJson(leads) },
                         { "contacts", mapToJson(contacts) },
                         { "companies", mapToJson(companies) },
                         { "customers", mapToJson(customers) },
                         { "notes", mapToJson(notes) },
                         { "catalogs", mapToJson(catalogs) },
                         { "catalog_elements", mapToJson(catalogElements) },
                         { "transactions", mapToJson(transactions) },
                         { "segments", mapToJson(segments) },
                         { "webhooks", mapToJson(webhooks) },
                         { "custom_fields", fields },
                         { "tags", tagJson },
                         { "unsorted", unsortedJson },
                         { "events", eventArray },
                         { "next_ids", ids } };
}

void AmoAccount::loadJson(const QJsonObject &json)
{
    id = json.value("id").toInteger(id);
    subdomain = json.value("subdomain").toString(subdomain);
    name = json.value("name").toString(name);
    customersMode = json.value("customers_mode").toString(customersMode);
    customersLastMode = json.value("customers_last_mode").toString(customersLastMode);
    language = json.value("language").toString(language);
    unpaid = json.value("unpaid").toBool();
    blocked = json.value("blocked").toBool();
    duplicateControl = json.value("duplicate_control").toBool();
    createdAt = json.value("created_at").toInteger(createdAt);
    limiter.settings().update(json.value("rate_limit").toObject());
    users = mapFromJson(json.value("users").toObject());
    pipelines = mapFromJson(json.value("pipelines").toObject());
    leads = mapFromJson(json.value("leads").toObject());
    contacts = mapFromJson(json.value("contacts").toObject());
    companies = mapFromJson(json.value("companies").toObject());
    customers = mapFromJson(json.value("customers").toObject());
    notes = mapFromJson(json.value("notes").toObject());
    catalogs = mapFromJson(json.value("catalogs").toObject());
    catalogElements = mapFromJson(json.value("catalog_elements").toObject());
    transactions = mapFromJson(json.value("transactions").toObject());
    segments = mapFromJson(json.value("segments").toObject());
    webhooks = mapFromJson(json.value("webhooks").toObject());
    customFields.clear();
    const QJsonObject fields = json.value("custom_fields").toObject();
    for (auto it = fields.begin(); it != fields.end(); ++it)
        customFields.insert(it.key(), mapFromJson(it.value().toObject()));
    tags.clear();
    const QJsonObject tagJson = json.value("tags").toObject();
    for (auto it = tagJson.begin(); it != tagJson.end(); ++it)
        tags.insert(it.key(), mapFromJson(it.value().toObject()));
    unsorted.clear();
    const QJsonObject unsortedJson = json.value("unsorted").toObject();
    for (auto it = unsortedJson.begin(); it != unsortedJson.end(); ++it)
        unsorted.insert(it.key(), it.value().toObject());
    events.clear();
    for (const QJsonValue &e : json.value("events").toArray())
        events.append(e.toObject());
    nextIds.clear();
    const QJsonObject ids = json.value("next_ids").toObject();
    for (auto it = ids.begin(); it != ids.end(); ++it)
        nextIds.insert(it.key(), it.value().toInteger());
}

} // namespace Sandbox::AmoCrm
