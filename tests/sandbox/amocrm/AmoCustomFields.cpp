// SPDX-License-Identifier: GPL-3.0-or-later
#include "AmoCustomFields.h"

#include "AmoContext.h"
#include "AmoEntities.h"
#include "AmoErrors.h"
#include "AmoFieldValueKeys.h"

namespace Sandbox::AmoCrm {

namespace {

const QStringList kEntityKeys { "leads", "contacts", "companies", "customers" };

bool isChoice(const QString &type)
{
    return type == QLatin1String("select") || type == QLatin1String("multiselect")
        || type == QLatin1String("radiobutton") || type == QLatin1String("category");
}

bool isDate(const QString &type)
{
    return type == QLatin1String("date") || type == QLatin1String("birthday")
        || type == QLatin1String("date_time");
}

/** The enum of @p field whose @p key ("id", "value" or "code") equals @p value. */
QJsonObject findEnum(const QJsonObject &field, const QString &key, const QJsonValue &value)
{
    for (const QJsonValue &e : field.value("enums").toArray()) {
        const QJsonObject en = e.toObject();
        if (key == QLatin1String("id")
                ? en.value("id").toInteger() == value.toInteger()
                : en.value(key).isString() && en.value(key).toString() == value.toString())
            return en;
    }
    return {};
}

QString fieldPath(const QString &pathPrefix, qsizetype index)
{
    return pathPrefix + QStringLiteral("custom_fields_values.%1").arg(index);
}

} // namespace

QStringList AmoCustomFields::knownTypes()
{
    return { "text",           "numeric",       "checkbox",     "select",        "multiselect",
             "multitext",      "date",          "url",          "textarea",      "radiobutton",
             "streetaddress",  "smart_address", "birthday",     "legal_entity",  "date_time",
             "items",          "category",      "price",        "tracking_data", "linked_entity",
             "org_legal_name", "monetary",      "chained_list", "file",          "payer",
             "supplier" };
}

QStringList AmoCustomFields::multitextCodes(const QString &fieldCode)
{
    if (fieldCode == QLatin1String("EMAIL"))
        return { "WORK", "PRIV", "OTHER" };
    if (fieldCode == QLatin1String("IM"))
        return { "SKYPE", "ICQ", "JABBER", "GTALK", "MSN", "OTHER" };
    return { "WORK", "WORKDD", "MOB", "FAX", "HOME", "OTHER" };
}

void AmoCustomFields::apply(AmoAccount &account, const QString &entityKey, QJsonObject &entity,
                            const QJsonValue &input, const QString &requestId, const QString &pathPrefix,
                            ValidationErrors &errors)
{
    if (input.isNull() || input.isUndefined())
        return;
    if (!input.isArray()) {
        errors.invalidType(requestId, pathPrefix + QStringLiteral("custom_fields_values"),
                           QStringLiteral("array"));
        return;
    }
    const QMap<qint64, QJsonObject> &fields = account.customFields[entityKey];
    QList<QJsonObject> current;
    for (const QJsonValue &v : entity.value("custom_fields_values").toArray())
        current.append(v.toObject());
    const QJsonArray items = input.toArray();
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QJsonObject item = items[i].toObject();
        const QString path = fieldPath(pathPrefix, i);
        bool unexpected = false;
        for (auto it = item.begin(); it != item.end(); ++it) {
            // field_name and field_type are read-only, but a value echoed as read keeps them.
            static const QStringList kItemKeys { "field_id", "field_code", "field_name", "field_type",
                                                 "values" };
            if (!kItemKeys.contains(it.key())) {
                errors.add(requestId, QStringLiteral("FieldNotExpected"), path + QLatin1Char('.') + it.key(),
                           QStringLiteral("This field was not expected."));
                unexpected = true;
            }
        }
        if (unexpected)
            continue;
        QJsonObject field;
        if (item.contains("field_id")) {
            field = fields.value(item.value("field_id").toInteger());
            if (field.isEmpty()) {
                errors.notSupportedChoice(requestId, path + QStringLiteral(".field_id"));
                continue;
            }
        } else {
            const QString code = item.value("field_code").toString();
            for (const QJsonObject &f : fields) {
                if (!code.isEmpty() && f.value("code").toString() == code)
                    field = f;
            }
            if (field.isEmpty()) {
                errors.notSupportedChoice(requestId, path + QStringLiteral(".field_code"));
                continue;
            }
        }
        const qint64 fieldId = field.value("id").toInteger();
        const QString type = field.value("type").toString();
        const QJsonValue valuesInput = item.value("values");
        auto position = std::find_if(current.begin(), current.end(), [&](const QJsonObject &cf) {
            return cf.value("field_id").toInteger() == fieldId;
        });
        if (valuesInput.isNull()) {
            if (position != current.end())
                current.erase(position);
            continue;
        }
        if (!valuesInput.isArray()) {
            errors.invalidType(requestId, path + QStringLiteral(".values"), QStringLiteral("array"));
            continue;
        }
        QJsonArray normalized;
        const QJsonArray values = valuesInput.toArray();
        for (qsizetype j = 0; j < values.size(); ++j) {
            const QJsonObject v = values[j].toObject();
            const QString vpath = path + QStringLiteral(".values.%1").arg(j);
            const QJsonValue value = v.value("value");
            if (!AmoFieldValueKeys::check(type, v, requestId, vpath, errors))
                continue;
            if (isChoice(type)) {
                QJsonObject en;
                if (v.contains("enum_id")) {
                    en = findEnum(field, QStringLiteral("id"), v.value("enum_id"));
                    if (en.isEmpty()) {
                        errors.notSupportedChoice(requestId, vpath + QStringLiteral(".enum_id"));
                        continue;
                    }
                } else if (v.contains("enum_code")) {
                    en = findEnum(field, QStringLiteral("code"), v.value("enum_code"));
                    if (en.isEmpty()) {
                        errors.notSupportedChoice(requestId, vpath + QStringLiteral(".enum_code"));
                        continue;
                    }
                } else {
                    en = findEnum(field, QStringLiteral("value"), value);
                    if (en.isEmpty()) {
                        errors.notSupportedChoice(requestId, vpath + QStringLiteral(".value"));
                        continue;
                    }
                }
                normalized.append(QJsonObject {
                    { "value", en.value("value") },
                    { "enum_id", en.value("id") },
                    { "enum_code", en.value("code").isString() ? en.value("code") : QJsonValue() } });
            } else if (type == QLatin1String("multitext")) {
                if (!value.isString() || value.toString().isEmpty()) {
                    errors.invalidType(requestId, vpath + QStringLiteral(".value"), QStringLiteral("string"));
                    continue;
                }
                QJsonObject en;
                if (!v.value("enum_code").isString() && v.contains("enum_id")) {
                    en = findEnum(field, QStringLiteral("id"), v.value("enum_id"));
                    if (en.isEmpty()) {
                        errors.notSupportedChoice(requestId, vpath + QStringLiteral(".enum_id"));
                        continue;
                    }
                } else {
                    // A multitext field's enums are its codes (WORK, MOB, …); none given means WORK.
                    const QString code = v.value("enum_code").toString(QStringLiteral("WORK"));
                    en = findEnum(field, QStringLiteral("value"), code);
                    if (en.isEmpty()) {
                        errors.notSupportedChoice(requestId, vpath + QStringLiteral(".enum_code"));
                        continue;
                    }
                }
                normalized.append(QJsonObject { { "value", value.toString() },
                                                { "enum_id", en.value("id") },
                                                { "enum_code", en.value("value") } });
            } else if (type == QLatin1String("checkbox")) {
                if (!value.isBool()) {
                    errors.invalidType(requestId, vpath + QStringLiteral(".value"), QStringLiteral("bool"));
                    continue;
                }
                normalized.append(QJsonObject { { "value", value } });
            } else if (isDate(type)) {
                if (!value.isDouble()) {
                    errors.invalidType(requestId, vpath + QStringLiteral(".value"), QStringLiteral("int"));
                    continue;
                }
                normalized.append(QJsonObject { { "value", value.toInteger() } });
            } else if (type == QLatin1String("numeric") || type == QLatin1String("price")
                       || type == QLatin1String("monetary")) {
                bool ok = value.isDouble();
                if (value.isString())
                    value.toString().toDouble(&ok);
                if (!ok) {
                    errors.invalidType(requestId, vpath + QStringLiteral(".value"),
                                       QStringLiteral("numeric"));
                    continue;
                }
                normalized.append(QJsonObject {
                    { "value",
                      value.isDouble() ? QString::number(value.toDouble(), 'g', 15) : value.toString() } });
            } else if (type == QLatin1String("text") || type == QLatin1String("textarea")
                       || type == QLatin1String("url") || type == QLatin1String("streetaddress")) {
                if (!value.isString() && !value.isDouble()) {
                    errors.invalidType(requestId, vpath + QStringLiteral(".value"), QStringLiteral("string"));
                    continue;
                }
                normalized.append(QJsonObject {
                    { "value",
                      value.isDouble() ? QString::number(value.toDouble(), 'g', 15) : value.toString() } });
            } else {
                normalized.append(v);
            }
        }
        const QJsonObject stored { { "field_id", fieldId },
                                   { "field_name", field.value("name") },
                                   { "field_code", field.value("code") },
                                   { "field_type", type },
                                   { "values", normalized } };
        if (position != current.end()) {
            if (normalized.isEmpty())
                current.erase(position);
            else
                *position = stored;
        } else if (!normalized.isEmpty()) {
            current.append(stored);
        }
    }
    QJsonArray out;
    for (const QJsonObject &cf : current)
        out.append(cf);
    entity.insert("custom_fields_values", out.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(out));
}

QJsonObject AmoCustomFields::create(AmoAccount &account, const QString &entityKey, const QJsonObject &spec,
                                    qint64 sort)
{
    const qint64 id = account.allocateId(QStringLiteral("field"));
    const QString type = spec.value("type").toString();
    QJsonValue enums = QJsonValue::Null;
    if (isChoice(type) || type == QLatin1String("multitext")) {
        QJsonArray list;
        int enumSort = 1;
        const QJsonArray input = spec.value("enums").toArray();
        if (input.isEmpty() && type == QLatin1String("multitext")) {
            for (const QString &code : multitextCodes(spec.value("code").toString()))
                list.append(QJsonObject { { "id", account.allocateId(QStringLiteral("enum")) },
                                          { "value", code },
                                          { "sort", 2 * enumSort++ } });
        }
        for (const QJsonValue &e : input) {
            QJsonObject en { { "id", account.allocateId(QStringLiteral("enum")) },
                             { "value", e.toObject().value("value") },
                             { "sort", e.toObject().value("sort").toInt(enumSort * 10) } };
            // Select enums may carry a code since 2022 (SDK EnumModel::code).
            if (e.toObject().value("code").isString())
                en.insert("code", e.toObject().value("code"));
            list.append(en);
            ++enumSort;
        }
        enums = list;
    }
    QJsonObject field { { "id", id },
                        { "name", spec.value("name") },
                        { "type", type },
                        { "account_id", account.id },
                        { "code", spec.value("code").isString() ? spec.value("code") : QJsonValue::Null },
                        { "sort", spec.value("sort").toInteger(sort) },
                        { "is_api_only", spec.value("is_api_only").toBool() },
                        { "enums", enums },
                        { "group_id", QJsonValue::Null },
                        { "required_statuses", QJsonArray() },
                        { "is_deletable", !spec.value("is_predefined").toBool() },
                        { "is_predefined", spec.value("is_predefined").toBool() },
                        { "entity_type",
                          entityKey.startsWith(QLatin1String("catalogs/")) ? "catalogs" : entityKey },
                        { "tracking_callback", QJsonValue::Null },
                        { "remind", QJsonValue::Null },
                        { "triggers", QJsonArray() },
                        { "currency", QJsonValue::Null },
                        { "hidden_statuses", QJsonArray() },
                        { "chained_lists", QJsonValue::Null } };
    account.customFields[entityKey].insert(id, field);
    return field;
}

AmoCustomFields::AmoCustomFields(AmoContext &context, AmoRouter &router)
    : m_context(context)
{
    for (const QString &key : kEntityKeys) {
        const QString base = QStringLiteral("/api/v4/%1/custom_fields").arg(key);
        router.add("GET", base, [this, key, base](AmoCall &c) { return list(c, key, base); });
        router.add("POST", base, [this, key, base](AmoCall &c) { return post(c, key, base); });
        router.add("GET", base + QStringLiteral("/{id}"),
                   [this, key, base](AmoCall &c) { return get(c, key, c.idParam(0), base); });
        router.add("PATCH", base + QStringLiteral("/{id}"),
                   [this, key, base](AmoCall &c) { return patchOne(c, key, c.idParam(0), base); });
        router.add("DELETE", base + QStringLiteral("/{id}"),
                   [this, key](AmoCall &c) { return remove(c, key, c.idParam(0)); });
    }
    const QString catalogBase = QStringLiteral("/api/v4/catalogs/{id}/custom_fields");
    auto catalogKey = [](AmoCall &c) { return QStringLiteral("catalogs/%1").arg(c.idParam(0)); };
    auto catalogPath
        = [](AmoCall &c) { return QStringLiteral("/api/v4/catalogs/%1/custom_fields").arg(c.idParam(0)); };
    router.add("GET", catalogBase, [=, this](AmoCall &c) {
        if (!c.account.catalogs.contains(c.idParam(0)))
            return HttpResponse::noContent();
        return list(c, catalogKey(c), catalogPath(c));
    });
    router.add("POST", catalogBase, [=, this](AmoCall &c) {
        if (!c.account.catalogs.contains(c.idParam(0)))
            return Errors::problem(404, QStringLiteral("Catalog not found"));
        return post(c, catalogKey(c), catalogPath(c));
    });
}

HttpResponse AmoCustomFields::list(AmoCall &call, const QString &entityKey, const QString &path)
{
    Entities::PageRequest page;
    if (auto error = Entities::readPage(call, 50, &page))
        return *error;
    QList<QJsonObject> items;
    for (const QJsonObject &field : call.account.customFields.value(entityKey)) {
        QJsonObject rendered = field;
        rendered.insert("_links",
                        Entities::selfLink(call.link(path + QLatin1Char('/')
                                                     + QString::number(field.value("id").toInteger()))));
        items.append(rendered);
    }
    std::stable_sort(items.begin(), items.end(), [](const QJsonObject &a, const QJsonObject &b) {
        return a.value("sort").toInteger() < b.value("sort").toInteger();
    });
    HttpResponse response = Entities::halPage(call, path, QStringLiteral("custom_fields"), items, page);
    if (response.status == 200) {
        QJsonObject body = QJsonDocument::fromJson(response.body).object();
        body.insert("_total_items", items.size());
        body.insert("_page_count", int((items.size() + page.limit - 1) / page.limit));
        response.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    }
    return response;
}

HttpResponse AmoCustomFields::get(AmoCall &call, const QString &entityKey, qint64 id, const QString &path)
{
    QJsonObject field = call.account.customFields.value(entityKey).value(id);
    if (field.isEmpty())
        return HttpResponse::noContent();
    field.insert("_links", Entities::selfLink(call.link(path + QLatin1Char('/') + QString::number(id))));
    return HttpResponse::json(200, QJsonDocument(field));
}

HttpResponse AmoCustomFields::post(AmoCall &call, const QString &entityKey, const QString &path)
{
    QJsonArray items;
    if (auto error = Entities::readBatch(call, 250, &items))
        return *error;
    ValidationErrors errors;
    const QStringList types = knownTypes();
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QJsonObject item = items[i].toObject();
        const QString rid = Entities::requestIdOf(item, i);
        if (item.value("name").toString().trimmed().isEmpty())
            errors.add(rid, QStringLiteral("NotBlank"), QStringLiteral("name"),
                       QStringLiteral("This value should not be blank."));
        const QString type = item.value("type").toString();
        if (!types.contains(type))
            errors.notSupportedChoice(rid, QStringLiteral("type"));
        else if (isChoice(type) && item.value("enums").toArray().isEmpty())
            errors.add(rid, QStringLiteral("NotBlank"), QStringLiteral("enums"),
                       QStringLiteral("This value should not be blank."));
    }
    if (!errors.isEmpty())
        return errors.response();
    QJsonArray created;
    const qint64 baseSort = 500 + call.account.customFields.value(entityKey).size() * 10;
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QJsonObject item = items[i].toObject();
        QJsonObject field = create(call.account, entityKey, item, baseSort + i * 10);
        field.insert("request_id", Entities::requestIdOf(item, i));
        field.insert("_links",
                     Entities::selfLink(call.link(path + QLatin1Char('/')
                                                  + QString::number(field.value("id").toInteger()))));
        created.append(field);
    }
    const QJsonObject body { { "_total_items", created.size() },
                             { "_embedded", QJsonObject { { "custom_fields", created } } } };
    return HttpResponse::json(201, QJsonDocument(body));
}

HttpResponse AmoCustomFields::patchOne(AmoCall &call, const QString &entityKey, qint64 id,
                                       const QString &path)
{
    QJsonObject input;
    if (auto error = Entities::readObject(call, &input))
        return *error;
    auto &fields = call.account.customFields[entityKey];
    if (!fields.contains(id))
        return Errors::problem(404, QStringLiteral("Custom field not found"));
    QJsonObject &field = fields[id];
    for (const char *key : { "name", "sort", "code", "is_api_only", "remind", "required_statuses" }) {
        if (input.contains(QLatin1String(key)))
            field.insert(QLatin1String(key), input.value(QLatin1String(key)));
    }
    if (input.contains("enums") && field.value("enums").isArray()) {
        QJsonArray enums;
        for (const QJsonValue &e : input.value("enums").toArray()) {
            QJsonObject en = e.toObject();
            if (!en.contains("id"))
                en.insert("id", call.account.allocateId(QStringLiteral("enum")));
            enums.append(en);
        }
        field.insert("enums", enums);
    }
    return get(call, entityKey, id, path);
}

HttpResponse AmoCustomFields::remove(AmoCall &call, const QString &entityKey, qint64 id)
{
    auto &fields = call.account.customFields[entityKey];
    if (!fields.contains(id))
        return Errors::problem(404, QStringLiteral("Custom field not found"));
    if (!fields.value(id).value("is_deletable").toBool())
        return Errors::problem(403, QStringLiteral("Field can not be deleted"));
    fields.remove(id);
    return HttpResponse::noContent();
}

} // namespace Sandbox::AmoCrm
