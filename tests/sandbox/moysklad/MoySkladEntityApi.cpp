// SPDX-License-Identifier: GPL-3.0-or-later
#include "MoySkladEntityApi.h"

#include "MoySkladQuery.h"
#include "MoySkladStore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUrl>

namespace Sandbox::MoySklad {

namespace {

constexpr int kMaxBatch = 1000;
const QString kEntity = QStringLiteral("/api/remap/1.2/entity/");

HttpResponse jsonAnswer(int status, const QJsonDocument &doc)
{
    return HttpResponse::json(status, doc, "application/json;charset=utf-8");
}

QString pageHref(const QString &base, const QList<QPair<QString, QString>> &params, int limit, int offset)
{
    QByteArray query;
    for (const auto &[k, v] : params)
        query += QUrl::toPercentEncoding(k) + '=' + QUrl::toPercentEncoding(v) + '&';
    query += "limit=" + QByteArray::number(limit) + "&offset=" + QByteArray::number(offset);
    return base + '?' + QString::fromLatin1(query);
}

} // namespace

MoySkladEntityApi::MoySkladEntityApi(MoySkladStore &store, MoySkladRouter &router)
    : m_store(store)
    , m_entities(store)
    , m_shapes(store)
{
    router.add("POST", kEntity + "{*}/delete", [this](MoySkladCall &c) { return removeBatch(c); });
    router.add("GET", kEntity + "{*}/{*}/positions", [this](MoySkladCall &c) { return listPositions(c); });
    router.add("GET", kEntity + "{*}", [this](MoySkladCall &c) { return list(c); });
    router.add("POST", kEntity + "{*}", [this](MoySkladCall &c) { return create(c); });
    router.add("GET", kEntity + "{*}/{*}", [this](MoySkladCall &c) { return getOne(c); });
    router.add("PUT", kEntity + "{*}/{*}", [this](MoySkladCall &c) { return update(c); });
    router.add("DELETE", kEntity + "{*}/{*}", [this](MoySkladCall &c) { return remove(c); });
}

HttpResponse MoySkladEntityApi::error(const ApiError &e)
{
    return errors(e.status, QJsonArray { e.toJson() });
}

HttpResponse MoySkladEntityApi::errors(int status, const QJsonArray &errors)
{
    return jsonAnswer(status, QJsonDocument(QJsonObject { { "errors", errors } }));
}

bool MoySkladEntityApi::knownType(const QString &type, HttpResponse *answer) const
{
    if (MoySkladStore::types().contains(type))
        return true;
    *answer = error({ 404, 1005, QStringLiteral("Неизвестный тип: '%1'").arg(type), {} });
    return false;
}

HttpResponse MoySkladEntityApi::list(MoySkladCall &call)
{
    const QString type = call.params.value(0);
    HttpResponse answer;
    if (!knownType(type, &answer))
        return answer;
    MoySkladQuery query;
    ApiError e;
    if (!query.parse(call.request.rawQuery, &e))
        return error(e);
    const bool hasArchived = type == QLatin1String("counterparty") || type == QLatin1String("product")
        || type == QLatin1String("productfolder");
    QList<QJsonObject> matched;
    for (const QJsonObject &row : m_store.rows(type)) {
        const QJsonObject shown = m_shapes.show(type, row);
        // Archived entities are left out unless the filter asks about `archived` (reference B.4).
        if (hasArchived && !query.mentions("archived") && shown.value("archived").toBool())
            continue;
        if (query.matches(shown))
            matched.append(row);
    }
    QList<QJsonObject> shownRows;
    for (const QJsonObject &row : std::as_const(matched))
        shownRows.append(m_shapes.show(type, row, query.expand));
    query.sort(shownRows);
    const int size = int(shownRows.size());
    const QList<QJsonObject> page = shownRows.mid(query.offset, query.limit);
    const QString base = m_store.apiUrl() + QStringLiteral("/entity/") + type;
    const QString next = query.offset + query.limit < size
        ? pageHref(base, query.passThrough, query.limit, query.offset + query.limit)
        : QString();
    const QString previous = query.offset > 0
        ? pageHref(base, query.passThrough, query.limit, qMax(0, query.offset - query.limit))
        : QString();
    return jsonAnswer(
        200, QJsonDocument(m_shapes.list(base, type, page, size, query.limit, query.offset, next, previous)));
}

HttpResponse MoySkladEntityApi::getOne(MoySkladCall &call)
{
    const QString type = call.params.value(0);
    HttpResponse answer;
    if (!knownType(type, &answer))
        return answer;
    const QJsonObject *row = m_store.find(type, call.params.value(1));
    if (!row)
        return error({ 404,
                       1021,
                       QStringLiteral("Объект с типом '%1' и идентификатором '%2' не найден")
                           .arg(type, call.params.value(1)),
                       {} });
    MoySkladQuery query;
    ApiError e;
    if (!query.parse(call.request.rawQuery, &e))
        return error(e);
    return jsonAnswer(200, QJsonDocument(m_shapes.show(type, *row, query.expand)));
}

HttpResponse MoySkladEntityApi::listPositions(MoySkladCall &call)
{
    const QString type = call.params.value(0);
    const QJsonObject *row
        = MoySkladStore::isDocument(type) ? m_store.find(type, call.params.value(1)) : nullptr;
    if (!row)
        return error({ 404,
                       1021,
                       QStringLiteral("Объект с типом '%1' и идентификатором '%2' не найден")
                           .arg(type, call.params.value(1)),
                       {} });
    MoySkladQuery query;
    ApiError e;
    if (!query.parse(call.request.rawQuery, &e))
        return error(e);
    QJsonObject positions = m_shapes.positions(type, *row, query.expand);
    const QJsonArray rows = positions.value("rows").toArray();
    QList<QJsonObject> page;
    for (qsizetype i = query.offset; i < rows.size() && page.size() < query.limit; ++i)
        page.append(rows[i].toObject());
    const QString base = positions.value("meta").toObject().value("href").toString();
    return jsonAnswer(200,
                      QJsonDocument(m_shapes.list(base, type + QStringLiteral("position"), page,
                                                  int(rows.size()), query.limit, query.offset, {}, {})));
}

HttpResponse MoySkladEntityApi::create(MoySkladCall &call)
{
    const QString type = call.params.value(0);
    HttpResponse answer;
    if (!knownType(type, &answer))
        return answer;
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(call.request.body, &parseError);
    if (parseError.error != QJsonParseError::NoError || (!doc.isObject() && !doc.isArray()))
        return error({ 400, 1027, QStringLiteral("Запрос не содержит объектов"), {} });
    MoySkladQuery query; // expand applies to what a create or update answers too
    ApiError queryError;
    if (!query.parse(call.request.rawQuery, &queryError))
        return error(queryError);
    if (doc.isObject()) {
        ApiError e;
        const QJsonObject created = m_entities.create(type, doc.object(), &e);
        if (e.isError())
            return error(e);
        return jsonAnswer(200, QJsonDocument(m_shapes.show(type, created, query.expand)));
    }
    // A batch: objects with a meta are updates, the others creates; each answered in place.
    const QJsonArray items = doc.array();
    if (items.size() > kMaxBatch)
        return error({ 413, 1044, QStringLiteral("Превышен максимальный размер запроса"), {} });
    QJsonArray out;
    bool anyError = false;
    for (const QJsonValue &item : items) {
        const QJsonObject o = item.toObject();
        ApiError e;
        QJsonObject result;
        QString t, id;
        if (o.contains("meta")
            && m_store.parseHref(o.value("meta").toObject().value("href").toString(), &t, &id))
            result = m_entities.update(type, id, o, &e);
        else
            result = m_entities.create(type, o, &e);
        if (e.isError()) {
            anyError = true;
            out.append(QJsonObject { { "errors", QJsonArray { e.toJson() } } });
        } else {
            out.append(m_shapes.show(type, result, query.expand));
        }
    }
    return jsonAnswer(anyError ? 400 : 200, QJsonDocument(out));
}

HttpResponse MoySkladEntityApi::update(MoySkladCall &call)
{
    const QString type = call.params.value(0);
    HttpResponse answer;
    if (!knownType(type, &answer))
        return answer;
    const QJsonDocument doc = QJsonDocument::fromJson(call.request.body);
    if (!doc.isObject())
        return error({ 400, 1027, QStringLiteral("Запрос не содержит объектов"), {} });
    MoySkladQuery query;
    ApiError e;
    if (!query.parse(call.request.rawQuery, &e))
        return error(e);
    const QJsonObject updated = m_entities.update(type, call.params.value(1), doc.object(), &e);
    if (e.isError())
        return error(e);
    return jsonAnswer(200, QJsonDocument(m_shapes.show(type, updated, query.expand)));
}

HttpResponse MoySkladEntityApi::remove(MoySkladCall &call)
{
    const QString type = call.params.value(0);
    HttpResponse answer;
    if (!knownType(type, &answer))
        return answer;
    ApiError e;
    if (!m_entities.remove(type, call.params.value(1), &e))
        return error(e);
    return HttpResponse::noContent(200);
}

HttpResponse MoySkladEntityApi::removeBatch(MoySkladCall &call)
{
    const QString type = call.params.value(0);
    HttpResponse answer;
    if (!knownType(type, &answer))
        return answer;
    const QJsonDocument doc = QJsonDocument::fromJson(call.request.body);
    if (!doc.isArray())
        return error({ 400, 1027, QStringLiteral("Запрос не содержит объектов"), {} });
    QJsonArray out;
    bool anyError = false;
    for (const QJsonValue &item : doc.array()) {
        QString t, id;
        ApiError e;
        if (!m_store.parseHref(item.toObject().value("meta").toObject().value("href").toString(), &t, &id)
            || t != type)
            e = { 400, 1012, QStringLiteral("Не указан идентификатор объекта"), {} };
        else
            m_entities.remove(type, id, &e);
        anyError = anyError || e.isError();
        out.append(
            e.isError()
                ? QJsonObject { { "errors", QJsonArray { e.toJson() } } }
                : QJsonObject {
                    { "info", QStringLiteral("Сущность '%1' с UUID: %2 успешно удалена").arg(type, id) } });
    }
    return jsonAnswer(anyError ? 400 : 200, QJsonDocument(out));
}

} // namespace Sandbox::MoySklad
