// SPDX-License-Identifier: GPL-3.0-or-later
#include "AmoNotesApi.h"

#include "AmoContext.h"
#include "AmoEntities.h"
#include "AmoNotifier.h"
#include "common/QueryParams.h"

namespace Sandbox::AmoCrm {

namespace {

const QStringList kTypes { "leads", "contacts", "companies", "customers" };

} // namespace

QStringList AmoNotesApi::noteTypes()
{
    return { "common",
             "attachment",
             "call_in",
             "call_out",
             "amomail_message",
             "chat",
             "site_visit",
             "targeting_in",
             "targeting_out",
             "transaction",
             "service_message",
             "message_cashier",
             "invoice_paid",
             "geolocation",
             "sms_in",
             "sms_out",
             "extended_service_message",
             "zoom_meeting",
             "dropbox_attachment",
             "link_followed",
             "bill_paid",
             "ai_result" };
}

AmoNotesApi::AmoNotesApi(AmoContext &context, AmoRouter &router)
    : m_context(context)
{
    for (const QString &type : kTypes) {
        const QString base = QStringLiteral("/api/v4/") + type;
        router.add("GET", base + "/notes", [this, type](AmoCall &c) { return list(c, type, 0); });
        router.add("POST", base + "/notes", [this, type](AmoCall &c) { return add(c, type, 0); });
        router.add("GET", base + "/notes/{id}", [this, type](AmoCall &c) { return get(c, type); });
        router.add("GET", base + "/{id}/notes",
                   [this, type](AmoCall &c) { return list(c, type, c.idParam(0)); });
        router.add("POST", base + "/{id}/notes",
                   [this, type](AmoCall &c) { return add(c, type, c.idParam(0)); });
        router.add("GET", base + "/{id}/notes/{id}", [this, type](AmoCall &c) {
            c.params.removeFirst();
            return get(c, type);
        });
        router.add("GET", base + "/tags", [this, type](AmoCall &c) { return tags(c, type); });
        router.add("POST", base + "/tags", [this, type](AmoCall &c) { return addTags(c, type); });
    }
}

qint64 AmoNotesApi::addNote(AmoContext &context, AmoAccount &account, const QString &entityType,
                            qint64 entityId, const QString &noteType, const QJsonObject &params, qint64 by,
                            qint64 now)
{
    const qint64 id = account.allocateId(QStringLiteral("note"));
    const QJsonObject note { { "id", id },
                             { "entity_id", entityId },
                             { "entity_type", entityType },
                             { "created_by", by },
                             { "updated_by", by },
                             { "created_at", now },
                             { "updated_at", now },
                             { "responsible_user_id", by },
                             { "group_id", 0 },
                             { "note_type", noteType },
                             { "params", params },
                             { "account_id", account.id } };
    account.notes.insert(id, note);
    context.notifier->noteAdded(account, note, by);
    return id;
}

QJsonObject AmoNotesApi::render(const AmoCall &call, const QJsonObject &stored) const
{
    QJsonObject note = stored;
    const QString type = note.take("entity_type").toString();
    note.insert("_links",
                Entities::selfLink(call.link(QStringLiteral("/api/v4/%1/%2/notes/%3")
                                                 .arg(type)
                                                 .arg(stored.value("entity_id").toInteger())
                                                 .arg(stored.value("id").toInteger()))));
    return note;
}

HttpResponse AmoNotesApi::list(AmoCall &call, const QString &type, qint64 parentId)
{
    Entities::PageRequest page;
    if (auto error = Entities::readPage(call, 250, &page))
        return *error;
    const QJsonObject filter = call.query.value("filter").toObject();
    const QStringList noteTypes = listParam(filter.value("note_type"));
    QList<QJsonObject> items;
    for (const QJsonObject &note : std::as_const(call.account.notes)) {
        if (note.value("entity_type").toString() != type)
            continue;
        if (parentId && note.value("entity_id").toInteger() != parentId)
            continue;
        if (!Entities::inIdList(filter.value("id"), note.value("id").toInteger())
            || !Entities::inIdList(filter.value("entity_id"), note.value("entity_id").toInteger())
            || !Entities::inRange(filter.value("updated_at"), note.value("updated_at").toInteger()))
            continue;
        if (!noteTypes.isEmpty() && !noteTypes.contains(note.value("note_type").toString()))
            continue;
        items.append(note);
    }
    Entities::sortByOrder(items, call.query.value("order").toObject(), { "updated_at", "id" });
    for (QJsonObject &note : items)
        note = render(call, note);
    const QString path = parentId ? QStringLiteral("/api/v4/%1/%2/notes").arg(type).arg(parentId)
                                  : QStringLiteral("/api/v4/%1/notes").arg(type);
    return Entities::halPage(call, path, QStringLiteral("notes"), items, page);
}

HttpResponse AmoNotesApi::get(AmoCall &call, const QString &type)
{
    const QJsonObject note = call.account.notes.value(call.idParam(0));
    if (note.isEmpty() || note.value("entity_type").toString() != type)
        return HttpResponse::noContent();
    return HttpResponse::json(200, QJsonDocument(render(call, note)));
}

HttpResponse AmoNotesApi::add(AmoCall &call, const QString &type, qint64 parentId)
{
    QJsonArray items;
    if (auto error = Entities::readBatch(call, 250, &items))
        return *error;
    const QMap<qint64, QJsonObject> &parents = *call.account.entities(type);
    if (parentId && !parents.contains(parentId))
        return Errors::problem(404, QStringLiteral("Entity not found"));
    const QStringList known = noteTypes();
    ValidationErrors errors;
    QStringList rids;
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QJsonObject item = items[i].toObject();
        const QString rid = Entities::requestIdOf(item, i);
        rids.append(rid);
        const qint64 entityId = parentId ? parentId : item.value("entity_id").toInteger();
        if (!parents.contains(entityId))
            errors.notFound(rid, QStringLiteral("entity_id"));
        const QString noteType = item.value("note_type").toString();
        if (!known.contains(noteType))
            errors.notSupportedChoice(rid, QStringLiteral("note_type"));
        if (!item.value("params").isObject())
            errors.invalidType(rid, QStringLiteral("params"), QStringLiteral("object"));
        else if ((noteType == QLatin1String("common") || noteType == QLatin1String("service_message"))
                 && item.value("params").toObject().value("text").toString().isEmpty())
            errors.add(rid, QStringLiteral("NotBlank"), QStringLiteral("params.text"),
                       QStringLiteral("This value should not be blank."));
        if (item.contains("responsible_user_id")
            && !call.account.users.contains(item.value("responsible_user_id").toInteger()))
            errors.notSupportedChoice(rid, QStringLiteral("responsible_user_id"));
    }
    if (!errors.isEmpty())
        return errors.response();
    QJsonArray out;
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QJsonObject item = items[i].toObject();
        const qint64 entityId = parentId ? parentId : item.value("entity_id").toInteger();
        const qint64 by = item.value("created_by").toInteger(call.userId);
        const qint64 id = addNote(m_context, call.account, type, entityId, item.value("note_type").toString(),
                                  item.value("params").toObject(), by, call.now);
        QJsonObject rendered = render(call, call.account.notes.value(id));
        out.append(QJsonObject { { "id", id },
                                 { "entity_id", entityId },
                                 { "request_id", rids[i] },
                                 { "_links", rendered.value("_links") } });
    }
    const QJsonObject body { { "_links",
                               Entities::selfLink(call.link(QStringLiteral("/api/v4/%1/notes").arg(type))) },
                             { "_embedded", QJsonObject { { "notes", out } } } };
    return HttpResponse::json(200, QJsonDocument(body));
}

HttpResponse AmoNotesApi::tags(AmoCall &call, const QString &type)
{
    Entities::PageRequest page;
    if (auto error = Entities::readPage(call, 250, &page))
        return *error;
    const QString needle = call.query.value("query").toString().trimmed();
    const QJsonObject filter = call.query.value("filter").toObject();
    QList<QJsonObject> items;
    for (const QJsonObject &tag : call.account.tags.value(type)) {
        if (!needle.isEmpty() && !tag.value("name").toString().contains(needle, Qt::CaseInsensitive))
            continue;
        if (filter.contains("name") && tag.value("name").toString() != filter.value("name").toString())
            continue;
        if (!Entities::inIdList(filter.value("id"), tag.value("id").toInteger()))
            continue;
        items.append(tag);
    }
    return Entities::halPage(call, QStringLiteral("/api/v4/%1/tags").arg(type), QStringLiteral("tags"), items,
                             page);
}

HttpResponse AmoNotesApi::addTags(AmoCall &call, const QString &type)
{
    QJsonArray items;
    if (auto error = Entities::readBatch(call, 250, &items))
        return *error;
    ValidationErrors errors;
    QJsonArray out;
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QJsonObject item = items[i].toObject();
        const QString rid = Entities::requestIdOf(item, i);
        QJsonObject holder;
        Entities::applyTags(
            call.account, type, holder,
            QJsonObject {
                { "_embedded",
                  QJsonObject {
                      { "tags", QJsonArray { QJsonObject { { "name", item.value("name") } } } } } } },
            rid, errors);
        const QJsonArray created = holder.value("_embedded").toObject().value("tags").toArray();
        if (created.isEmpty())
            continue;
        QJsonObject tag = created.first().toObject();
        if (item.contains("color")) {
            tag.insert("color", item.value("color"));
            call.account.tags[type].insert(tag.value("id").toInteger(), tag);
        }
        tag.insert("request_id", rid);
        out.append(tag);
    }
    if (!errors.isEmpty())
        return errors.response();
    const QJsonObject body { { "_links",
                               Entities::selfLink(call.link(QStringLiteral("/api/v4/%1/tags").arg(type))) },
                             { "_embedded", QJsonObject { { "tags", out } } } };
    return HttpResponse::json(200, QJsonDocument(body));
}

} // namespace Sandbox::AmoCrm
