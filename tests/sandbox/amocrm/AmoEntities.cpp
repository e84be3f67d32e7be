// SPDX-License-Identifier: GPL-3.0-or-later
#include "AmoEntities.h"

#include "AmoCustomFields.h"
#include "common/QueryParams.h"

namespace Sandbox::AmoCrm::Entities {

std::optional<HttpResponse> readPage(const AmoCall &call, int maxLimit, PageRequest *out, int defaultLimit)
{
    out->page = qMax(1, call.query.value("page").toString().toInt());
    bool ok = false;
    const int limit = call.query.value("limit").toString().toInt(&ok);
    out->limit = ok && limit > 0 ? limit : defaultLimit;
    if (out->limit > maxLimit)
        return Errors::problem(422, QStringLiteral("Limit %1 per page").arg(maxLimit));
    return std::nullopt;
}

QString pageHref(const AmoCall &call, const QString &path, int page, int limit)
{
    QList<QPair<QString, QString>> pairs;
    for (const auto &pair : parseFormPairs(call.request.rawQuery)) {
        if (pair.first != QLatin1String("page") && pair.first != QLatin1String("limit"))
            pairs.append(pair);
    }
    pairs.append({ QStringLiteral("page"), QString::number(page) });
    pairs.append({ QStringLiteral("limit"), QString::number(limit) });
    return call.link(path) + QLatin1Char('?') + QString::fromLatin1(formEncode(pairs));
}

QJsonObject selfLink(const QString &href)
{
    return QJsonObject { { "self", QJsonObject { { "href", href } } } };
}

HttpResponse halPage(const AmoCall &call, const QString &path, const QString &key,
                     const QList<QJsonObject> &items, const PageRequest &page)
{
    const qsizetype start = qsizetype(page.page - 1) * page.limit;
    if (start >= items.size())
        return HttpResponse::noContent();
    QJsonArray slice;
    for (qsizetype i = start; i < qMin(items.size(), start + page.limit); ++i)
        slice.append(items[i]);
    QJsonObject links = selfLink(pageHref(call, path, page.page, page.limit));
    if (start + page.limit < items.size())
        links.insert("next", QJsonObject { { "href", pageHref(call, path, page.page + 1, page.limit) } });
    if (page.page > 1)
        links.insert("prev", QJsonObject { { "href", pageHref(call, path, page.page - 1, page.limit) } });
    const QJsonObject body { { "_page", page.page },
                             { "_links", links },
                             { "_embedded", QJsonObject { { key, slice } } } };
    return HttpResponse::json(200, QJsonDocument(body));
}

std::optional<HttpResponse> readBatch(const AmoCall &call, int maxItems, QJsonArray *out)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(call.request.body, &error);
    if (call.request.body.trimmed().isEmpty())
        return Errors::emptyRequest();
    if (error.error != QJsonParseError::NoError)
        return Errors::problem(400, QStringLiteral("Syntax error"));
    if (!doc.isArray()) {
        ValidationErrors errors;
        errors.invalidType(QStringLiteral("0"), QString(), QStringLiteral("array"));
        return errors.response();
    }
    *out = doc.array();
    if (out->isEmpty())
        return Errors::emptyRequest();
    if (out->size() > maxItems)
        return Errors::problem(422, QStringLiteral("Maximum %1 entities per request").arg(maxItems));
    return std::nullopt;
}

std::optional<HttpResponse> readObject(const AmoCall &call, QJsonObject *out)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(call.request.body, &error);
    if (call.request.body.trimmed().isEmpty())
        return Errors::emptyRequest();
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return Errors::problem(400, QStringLiteral("Syntax error"));
    *out = doc.object();
    return std::nullopt;
}

QString requestIdOf(const QJsonObject &item, qsizetype index)
{
    const QJsonValue rid = item.value("request_id");
    if (rid.isString())
        return rid.toString();
    if (rid.isDouble())
        return QString::number(rid.toInteger());
    return QString::number(index);
}

bool matchesQuery(const QJsonObject &entity, const QString &needle)
{
    if (needle.isEmpty())
        return true;
    auto hit = [&](const QString &s) { return s.contains(needle, Qt::CaseInsensitive); };
    if (hit(QString::number(entity.value("id").toInteger())))
        return true;
    for (const char *key : { "name", "first_name", "last_name" }) {
        if (hit(entity.value(QLatin1String(key)).toString()))
            return true;
    }
    for (const QJsonValue &cf : entity.value("custom_fields_values").toArray()) {
        for (const QJsonValue &v : cf.toObject().value("values").toArray()) {
            const QJsonValue value = v.toObject().value("value");
            if (hit(value.isDouble() ? QString::number(value.toDouble(), 'g', 15) : value.toString()))
                return true;
        }
    }
    return false;
}

bool inRange(const QJsonValue &filter, qint64 value)
{
    if (filter.isUndefined() || filter.isNull())
        return true;
    if (filter.isObject()) {
        const QJsonObject range = filter.toObject();
        if (range.contains("from") || range.contains("to")) {
            if (range.contains("from") && value < range.value("from").toString().toLongLong())
                return false;
            if (range.contains("to") && value > range.value("to").toString().toLongLong())
                return false;
            return true;
        }
    }
    return inIdList(filter, value);
}

bool inIdList(const QJsonValue &filter, qint64 value)
{
    if (filter.isUndefined() || filter.isNull())
        return true;
    const QStringList ids = listParam(filter);
    return ids.isEmpty() || ids.contains(QString::number(value));
}

bool passesCommonFilters(const QJsonObject &entity, const QJsonObject &filter)
{
    if (!inIdList(filter.value("id"), entity.value("id").toInteger()))
        return false;
    if (filter.contains("name")) {
        const QStringList names = listParam(filter.value("name"));
        if (!names.isEmpty() && !names.contains(entity.value("name").toString()))
            return false;
    }
    for (const char *key : { "created_at", "updated_at", "closed_at" }) {
        if (filter.contains(QLatin1String(key))
            && !inRange(filter.value(QLatin1String(key)), entity.value(QLatin1String(key)).toInteger()))
            return false;
    }
    for (const char *key : { "responsible_user_id", "created_by", "updated_by" }) {
        if (!inIdList(filter.value(QLatin1String(key)), entity.value(QLatin1String(key)).toInteger()))
            return false;
    }
    return true;
}

void sortByOrder(QList<QJsonObject> &items, const QJsonObject &order, const QStringList &allowed)
{
    QString field = QStringLiteral("id");
    bool descending = false;
    for (const QString &candidate : allowed) {
        if (order.contains(candidate)) {
            field = candidate;
            descending = order.value(candidate).toString().toLower() == QLatin1String("desc");
            break;
        }
    }
    std::stable_sort(items.begin(), items.end(), [&](const QJsonObject &a, const QJsonObject &b) {
        const qint64 x = a.value(field).toInteger();
        const qint64 y = b.value(field).toInteger();
        if (x == y)
            return descending ? a.value("id").toInteger() > b.value("id").toInteger()
                              : a.value("id").toInteger() < b.value("id").toInteger();
        return descending ? x > y : x < y;
    });
}

QStringList withList(const AmoCall &call)
{
    return listParam(call.query.value("with"));
}

void setEmbedded(QJsonObject &entity, const QString &key, const QJsonValue &value)
{
    QJsonObject embedded = entity.value("_embedded").toObject();
    embedded.insert(key, value);
    entity.insert("_embedded", embedded);
}

void applyTags(AmoAccount &account, const QString &type, QJsonObject &entity, const QJsonObject &input,
               const QString &requestId, ValidationErrors &errors)
{
    QMap<qint64, QJsonObject> &known = account.tags[type];
    auto resolve = [&](const QJsonObject &tag, const QString &path) -> QJsonObject {
        if (tag.contains("id")) {
            const qint64 id = tag.value("id").toInteger();
            if (!known.contains(id)) {
                errors.notFound(requestId, path + QStringLiteral(".id"));
                return {};
            }
            return known.value(id);
        }
        const QString name = tag.value("name").toString().trimmed();
        if (name.isEmpty()) {
            errors.add(requestId, QStringLiteral("NotBlank"), path + QStringLiteral(".name"),
                       QStringLiteral("This value should not be blank."));
            return {};
        }
        for (const QJsonObject &t : std::as_const(known)) {
            if (t.value("name").toString().compare(name, Qt::CaseInsensitive) == 0)
                return t;
        }
        const qint64 id = account.allocateId(QStringLiteral("tag"));
        const QJsonObject created { { "id", id }, { "name", name }, { "color", QJsonValue::Null } };
        known.insert(id, created);
        return created;
    };
    QJsonArray current = entity.value("_embedded").toObject().value("tags").toArray();
    bool touched = false;
    const QJsonObject embedded = input.value("_embedded").toObject();
    if (embedded.contains("tags")) {
        touched = true;
        current = QJsonArray();
        const QJsonArray list = embedded.value("tags").toArray();
        for (qsizetype i = 0; i < list.size(); ++i) {
            const QJsonObject tag = resolve(list[i].toObject(), QStringLiteral("_embedded.tags.%1").arg(i));
            if (!tag.isEmpty())
                current.append(tag);
        }
    }
    const QJsonArray toAdd = input.value("tags_to_add").toArray();
    for (qsizetype i = 0; i < toAdd.size(); ++i) {
        touched = true;
        const QJsonObject tag = resolve(toAdd[i].toObject(), QStringLiteral("tags_to_add.%1").arg(i));
        if (!tag.isEmpty() && !current.contains(tag))
            current.append(tag);
    }
    const QJsonArray toDelete = input.value("tags_to_delete").toArray();
    for (const QJsonValue &v : toDelete) {
        touched = true;
        const QJsonObject tag = v.toObject();
        for (qsizetype i = current.size() - 1; i >= 0; --i) {
            const QJsonObject c = current[i].toObject();
            if ((tag.contains("id") && c.value("id") == tag.value("id"))
                || (tag.contains("name") && c.value("name") == tag.value("name")))
                current.removeAt(i);
        }
    }
    if (touched || !entity.value("_embedded").toObject().contains("tags"))
        setEmbedded(entity, QStringLiteral("tags"), current);
}

void applyCommon(AmoCall &call, const QString &type, QJsonObject &entity, const QJsonObject &input,
                 const QString &requestId, ValidationErrors &errors)
{
    if (input.contains("name")) {
        const QJsonValue name = input.value("name");
        if (name.isString() || name.isNull())
            entity.insert("name", name.toString());
        else
            errors.invalidType(requestId, QStringLiteral("name"), QStringLiteral("string"));
    }
    if (input.contains("responsible_user_id")) {
        const QJsonValue v = input.value("responsible_user_id");
        if (!v.isDouble())
            errors.invalidType(requestId, QStringLiteral("responsible_user_id"), QStringLiteral("int"));
        else if (!call.account.users.contains(v.toInteger()))
            errors.notSupportedChoice(requestId, QStringLiteral("responsible_user_id"));
        else
            entity.insert("responsible_user_id", v.toInteger());
    }
    for (const char *key : { "created_by", "updated_by", "created_at", "updated_at" }) {
        const QLatin1String k(key);
        if (!input.contains(k))
            continue;
        const qint64 value = input.value(k).toInteger();
        if (!input.value(k).isDouble())
            errors.invalidType(requestId, k, QStringLiteral("int"));
        // A user the account no longer has is refused, even when the value is sent back as read; 0 (the
        // robot) is taken (amocrm-api-php#252, #366).
        else if (k.endsWith(QLatin1String("_by")) && value != 0 && !call.account.users.contains(value))
            errors.notSupportedChoice(requestId, k);
        else
            entity.insert(k, value);
    }
    if (input.contains("custom_fields_values")) {
        AmoCustomFields::apply(call.account, type, entity, input.value("custom_fields_values"), requestId,
                               QString(), errors);
    }
    applyTags(call.account, type, entity, input, requestId, errors);
}

QJsonObject entityLink(const AmoCall &call, const QString &type, qint64 id)
{
    return selfLink(call.link(QStringLiteral("/api/v4/%1/%2").arg(type).arg(id)));
}

QJsonObject render(const AmoCall &call, const QString &type, const QJsonObject &stored,
                   const QStringList &with)
{
    QJsonObject entity = stored;
    const qint64 id = entity.value("id").toInteger();
    entity.insert("_links", entityLink(call, type, id));
    QJsonObject embedded = entity.value("_embedded").toObject();
    auto linked = [&](const QString &linkType, QJsonArray items) {
        for (qsizetype i = 0; i < items.size(); ++i) {
            QJsonObject item = items[i].toObject();
            item.insert("_links", entityLink(call, linkType, item.value("id").toInteger()));
            items[i] = item;
        }
        return items;
    };
    if (!embedded.contains("tags"))
        embedded.insert("tags", QJsonArray());
    if (type == QLatin1String("leads")) {
        embedded.insert("companies",
                        linked(QStringLiteral("companies"), embedded.value("companies").toArray()));
        if (with.contains(QLatin1String("contacts")))
            embedded.insert("contacts",
                            linked(QStringLiteral("contacts"), embedded.value("contacts").toArray()));
        else
            embedded.remove("contacts");
        if (with.contains(QLatin1String("loss_reason")))
            embedded.insert("loss_reason", QJsonArray());
        // Linked catalog elements (AmoLinksApi) show only when asked for.
        if (with.contains(QLatin1String("catalog_elements"))) {
            QJsonArray elements = embedded.value("catalog_elements").toArray();
            embedded.insert("catalog_elements", elements);
        } else {
            embedded.remove("catalog_elements");
        }
        if (with.contains(QLatin1String("is_price_modified_by_robot")))
            entity.insert("is_price_modified_by_robot", false);
    } else if (type == QLatin1String("contacts") || type == QLatin1String("companies")) {
        if (type == QLatin1String("contacts"))
            embedded.insert("companies",
                            linked(QStringLiteral("companies"), embedded.value("companies").toArray()));
        if (with.contains(QLatin1String("leads"))) {
            QJsonArray leads;
            const QString linkKey = type == QLatin1String("contacts") ? QStringLiteral("contacts")
                                                                      : QStringLiteral("companies");
            for (const QJsonObject &lead : std::as_const(call.account.leads)) {
                for (const QJsonValue &c : lead.value("_embedded").toObject().value(linkKey).toArray()) {
                    if (c.toObject().value("id").toInteger() == id)
                        leads.append(QJsonObject { { "id", lead.value("id") } });
                }
            }
            embedded.insert("leads", linked(QStringLiteral("leads"), leads));
        }
        if (type == QLatin1String("companies") && with.contains(QLatin1String("contacts"))) {
            QJsonArray contacts;
            for (const QJsonObject &contact : std::as_const(call.account.contacts)) {
                for (const QJsonValue &c :
                     contact.value("_embedded").toObject().value("companies").toArray()) {
                    if (c.toObject().value("id").toInteger() == id)
                        contacts.append(QJsonObject { { "id", contact.value("id") } });
                }
            }
            embedded.insert("contacts", linked(QStringLiteral("contacts"), contacts));
        }
        if (with.contains(QLatin1String("customers"))) {
            // A contact's customers: those made with it in `_embedded.contacts` (companies: none linked).
            QJsonArray customers;
            if (type == QLatin1String("contacts")) {
                for (const QJsonObject &customer : std::as_const(call.account.customers)) {
                    if (customer.value("is_deleted").toBool())
                        continue;
                    for (const QJsonValue &c :
                         customer.value("_embedded").toObject().value("contacts").toArray()) {
                        if (c.toObject().value("id").toInteger() == id)
                            customers.append(QJsonObject { { "id", customer.value("id") } });
                    }
                }
            }
            embedded.insert("customers", linked(QStringLiteral("customers"), customers));
        }
        // Linked catalog elements (AmoLinksApi) show only when asked for.
        if (with.contains(QLatin1String("catalog_elements"))) {
            QJsonArray elements = embedded.value("catalog_elements").toArray();
            embedded.insert("catalog_elements", elements);
        } else {
            embedded.remove("catalog_elements");
        }
    }
    entity.insert("_embedded", embedded);
    return entity;
}

} // namespace Sandbox::AmoCrm::Entities
