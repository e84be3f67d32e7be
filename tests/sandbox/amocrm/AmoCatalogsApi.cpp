// SPDX-License-Identifier: GPL-3.0-or-later
#include "AmoCatalogsApi.h"

#include "AmoContext.h"
#include "AmoCustomFields.h"
#include "AmoEntities.h"

#include <QSet>
#include <array>

namespace Sandbox::AmoCrm {

namespace {

constexpr int kMaxCatalogs = 10;
constexpr int kMaxElementsDeleted = 50;
const QStringList kCatalogTypes { "regular", "invoices", "products", "suppliers" };

} // namespace

AmoCatalogsApi::AmoCatalogsApi(AmoContext &context, AmoRouter &router)
    : m_context(context)
{
    router.add("GET", "/api/v4/catalogs", [this](AmoCall &c) { return list(c); });
    router.add("POST", "/api/v4/catalogs", [this](AmoCall &c) { return add(c); });
    router.add("PATCH", "/api/v4/catalogs", [this](AmoCall &c) { return update(c, 0); });
    router.add("GET", "/api/v4/catalogs/{id}", [this](AmoCall &c) { return get(c); });
    router.add("PATCH", "/api/v4/catalogs/{id}", [this](AmoCall &c) { return update(c, c.idParam(0)); });
    router.add("GET", "/api/v4/catalogs/{id}/elements", [this](AmoCall &c) { return elements(c); });
    router.add("POST", "/api/v4/catalogs/{id}/elements", [this](AmoCall &c) { return addElements(c); });
    router.add("PATCH", "/api/v4/catalogs/{id}/elements",
               [this](AmoCall &c) { return updateElements(c, 0); });
    router.add("DELETE", "/api/v4/catalogs/{id}/elements", [this](AmoCall &c) { return deleteElements(c); });
    router.add("GET", "/api/v4/catalogs/{id}/elements/{id}", [this](AmoCall &c) { return element(c); });
    router.add("PATCH", "/api/v4/catalogs/{id}/elements/{id}",
               [this](AmoCall &c) { return updateElements(c, c.idParam(1)); });
}

void AmoCatalogsApi::addProductFields(AmoAccount &account, qint64 catalogId)
{
    const QString key = QStringLiteral("catalogs/%1").arg(catalogId);
    const QList<std::array<const char *, 3>> fields { { "Артикул", "text", "SKU" },
                                                      { "Описание", "textarea", "DESCRIPTION" },
                                                      { "Цена", "price", "PRICE" },
                                                      { "Группа", "category", "GROUP" },
                                                      { "Внешний ID", "text", "EXTERNAL_ID" } };
    qint64 sort = 1;
    for (const auto &[name, type, code] : fields) {
        QJsonObject spec { { "name", QString::fromUtf8(name) },
                           { "type", QLatin1String(type) },
                           { "code", QLatin1String(code) },
                           { "is_predefined", true } };
        // The external id is hidden in the interface and written by integrations only.
        if (QLatin1String(code) == QLatin1String("EXTERNAL_ID"))
            spec.insert("is_api_only", true);
        AmoCustomFields::create(account, key, spec, sort++);
    }
}

QJsonObject AmoCatalogsApi::renderCatalog(const AmoCall &call, const QJsonObject &stored) const
{
    QJsonObject catalog = stored;
    catalog.insert("_links",
                   Entities::selfLink(
                       call.link(QStringLiteral("/api/v4/catalogs/%1").arg(stored.value("id").toInteger()))));
    return catalog;
}

QJsonObject AmoCatalogsApi::renderElement(const AmoCall &call, const QJsonObject &stored) const
{
    QJsonObject element = stored;
    element.insert("_links",
                   Entities::selfLink(call.link(QStringLiteral("/api/v4/catalogs/%1/elements/%2")
                                                    .arg(stored.value("catalog_id").toInteger())
                                                    .arg(stored.value("id").toInteger()))));
    return element;
}

HttpResponse AmoCatalogsApi::list(AmoCall &call)
{
    Entities::PageRequest page;
    if (auto error = Entities::readPage(call, 250, &page))
        return *error;
    const QString type = call.query.value("type").toString();
    QList<QJsonObject> items;
    for (const QJsonObject &c : std::as_const(call.account.catalogs)) {
        if (type.isEmpty() || c.value("type").toString() == type)
            items.append(renderCatalog(call, c));
    }
    return Entities::halPage(call, QStringLiteral("/api/v4/catalogs"), QStringLiteral("catalogs"), items,
                             page);
}

HttpResponse AmoCatalogsApi::get(AmoCall &call)
{
    const QJsonObject catalog = call.account.catalogs.value(call.idParam(0));
    if (catalog.isEmpty())
        return HttpResponse::noContent();
    return HttpResponse::json(200, QJsonDocument(renderCatalog(call, catalog)));
}

HttpResponse AmoCatalogsApi::add(AmoCall &call)
{
    QJsonArray items;
    if (auto error = Entities::readBatch(call, kMaxCatalogs, &items))
        return *error;
    if (call.account.catalogs.size() + items.size() > kMaxCatalogs)
        return Errors::problem(400, QStringLiteral("Maximum %1 catalogs per account").arg(kMaxCatalogs));
    ValidationErrors errors;
    QSet<QString> singleTypes; // one products and one invoices list per account
    for (const QJsonObject &c : std::as_const(call.account.catalogs))
        singleTypes.insert(c.value("type").toString());
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QJsonObject item = items[i].toObject();
        const QString rid = Entities::requestIdOf(item, i);
        const QString type = item.value("type").toString(QStringLiteral("regular"));
        if (item.value("name").toString().trimmed().isEmpty())
            errors.add(rid, QStringLiteral("NotBlank"), QStringLiteral("name"),
                       QStringLiteral("This value should not be blank."));
        if (!kCatalogTypes.contains(type)) {
            errors.notSupportedChoice(rid, QStringLiteral("type"));
        } else if (type == QLatin1String("products") || type == QLatin1String("invoices")) {
            if (singleTypes.contains(type))
                errors.notSupportedChoice(rid, QStringLiteral("type"));
            singleTypes.insert(type);
        }
    }
    if (!errors.isEmpty())
        return errors.response();
    QJsonArray out;
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QJsonObject item = items[i].toObject();
        const qint64 id = call.account.allocateId(QStringLiteral("catalog"));
        const QJsonObject catalog { { "id", id },
                                    { "name", item.value("name") },
                                    { "created_by", call.userId },
                                    { "updated_by", call.userId },
                                    { "created_at", call.now },
                                    { "updated_at", call.now },
                                    { "sort", item.value("sort").toInt(10 * (int(i) + 1)) },
                                    { "type", item.value("type").toString(QStringLiteral("regular")) },
                                    { "can_add_elements", item.value("can_add_elements").toBool(true) },
                                    { "can_show_in_cards", item.value("can_show_in_cards").toBool(false) },
                                    { "can_link_multiple", item.value("can_link_multiple").toBool(true) },
                                    { "can_be_deleted", true },
                                    { "sdk_widget_code", QJsonValue::Null },
                                    { "account_id", call.account.id } };
        call.account.catalogs.insert(id, catalog);
        if (catalog.value("type").toString() == QLatin1String("products"))
            addProductFields(call.account, id);
        QJsonObject rendered = renderCatalog(call, catalog);
        rendered.insert("request_id", Entities::requestIdOf(item, i));
        out.append(rendered);
    }
    const QJsonObject body { { "_links", Entities::selfLink(call.link(QStringLiteral("/api/v4/catalogs"))) },
                             { "_embedded", QJsonObject { { "catalogs", out } } } };
    return HttpResponse::json(200, QJsonDocument(body));
}

HttpResponse AmoCatalogsApi::update(AmoCall &call, qint64 singleId)
{
    QJsonArray items;
    if (singleId) {
        QJsonObject one;
        if (auto error = Entities::readObject(call, &one))
            return *error;
        one.insert("id", singleId);
        items.append(one);
    } else if (auto error = Entities::readBatch(call, 250, &items)) {
        return *error;
    }
    ValidationErrors errors;
    for (qsizetype i = 0; i < items.size(); ++i) {
        if (!call.account.catalogs.contains(items[i].toObject().value("id").toInteger()))
            errors.notFound(Entities::requestIdOf(items[i].toObject(), i), QStringLiteral("id"));
    }
    if (!errors.isEmpty())
        return errors.response();
    QJsonArray out;
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QJsonObject item = items[i].toObject();
        QJsonObject &catalog = call.account.catalogs[item.value("id").toInteger()];
        for (const char *key :
             { "name", "sort", "can_add_elements", "can_show_in_cards", "can_link_multiple" }) {
            if (item.contains(QLatin1String(key)))
                catalog.insert(QLatin1String(key), item.value(QLatin1String(key)));
        }
        catalog.insert("updated_at", call.now);
        catalog.insert("updated_by", call.userId);
        out.append(renderCatalog(call, catalog));
    }
    if (singleId)
        return HttpResponse::json(200, QJsonDocument(out.first().toObject()));
    return HttpResponse::json(
        200, QJsonDocument(QJsonObject { { "_embedded", QJsonObject { { "catalogs", out } } } }));
}

HttpResponse AmoCatalogsApi::elements(AmoCall &call)
{
    const qint64 catalogId = call.idParam(0);
    if (!call.account.catalogs.contains(catalogId))
        return HttpResponse::noContent();
    Entities::PageRequest page;
    if (auto error = Entities::readPage(call, 250, &page))
        return *error;
    const QString needle = call.query.value("query").toString().trimmed();
    const QJsonObject filter = call.query.value("filter").toObject();
    QList<QJsonObject> items;
    for (const QJsonObject &e : std::as_const(call.account.catalogElements)) {
        if (e.value("catalog_id").toInteger() != catalogId || e.value("is_deleted").toBool())
            continue;
        if (Entities::inIdList(filter.value("id"), e.value("id").toInteger())
            && Entities::matchesQuery(e, needle))
            items.append(renderElement(call, e));
    }
    return Entities::halPage(call, QStringLiteral("/api/v4/catalogs/%1/elements").arg(catalogId),
                             QStringLiteral("elements"), items, page);
}

HttpResponse AmoCatalogsApi::element(AmoCall &call)
{
    const QJsonObject e = call.account.catalogElements.value(call.idParam(1));
    if (e.isEmpty() || e.value("catalog_id").toInteger() != call.idParam(0))
        return HttpResponse::noContent();
    return HttpResponse::json(200, QJsonDocument(renderElement(call, e)));
}

HttpResponse AmoCatalogsApi::addElements(AmoCall &call)
{
    const qint64 catalogId = call.idParam(0);
    if (!call.account.catalogs.contains(catalogId))
        return Errors::problem(404, QStringLiteral("Catalog not found"));
    QJsonArray items;
    if (auto error = Entities::readBatch(call, 250, &items))
        return *error;
    const QString key = QStringLiteral("catalogs/%1").arg(catalogId);
    ValidationErrors errors;
    QList<QJsonObject> created;
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QJsonObject item = items[i].toObject();
        const QString rid = Entities::requestIdOf(item, i);
        if (item.value("name").toString().trimmed().isEmpty())
            errors.add(rid, QStringLiteral("NotBlank"), QStringLiteral("name"),
                       QStringLiteral("This value should not be blank."));
        QJsonObject element { { "id", 0 },
                              { "name", item.value("name") },
                              { "created_by", call.userId },
                              { "updated_by", call.userId },
                              { "created_at", call.now },
                              { "updated_at", call.now },
                              { "is_deleted", false },
                              { "custom_fields_values", QJsonValue::Null },
                              { "catalog_id", catalogId },
                              { "account_id", call.account.id } };
        AmoCustomFields::apply(call.account, key, element, item.value("custom_fields_values"), rid, QString(),
                               errors);
        created.append(element);
    }
    if (!errors.isEmpty())
        return errors.response();
    QJsonArray out;
    for (qsizetype i = 0; i < created.size(); ++i) {
        QJsonObject element = created[i];
        element.insert("id", call.account.allocateId(QStringLiteral("element")));
        call.account.catalogElements.insert(element.value("id").toInteger(), element);
        QJsonObject rendered = renderElement(call, element);
        rendered.insert("request_id", Entities::requestIdOf(items[i].toObject(), i));
        out.append(rendered);
    }
    const QJsonObject body {
        { "_links",
          Entities::selfLink(call.link(QStringLiteral("/api/v4/catalogs/%1/elements").arg(catalogId))) },
        { "_embedded", QJsonObject { { "elements", out } } }
    };
    return HttpResponse::json(200, QJsonDocument(body));
}

HttpResponse AmoCatalogsApi::updateElements(AmoCall &call, qint64 singleId)
{
    const qint64 catalogId = call.idParam(0);
    if (!call.account.catalogs.contains(catalogId))
        return Errors::problem(404, QStringLiteral("Catalog not found"));
    QJsonArray items;
    if (singleId) {
        QJsonObject one;
        if (auto error = Entities::readObject(call, &one))
            return *error;
        one.insert("id", singleId);
        items.append(one);
    } else if (auto error = Entities::readBatch(call, 250, &items)) {
        return *error;
    }
    const QString key = QStringLiteral("catalogs/%1").arg(catalogId);
    ValidationErrors errors;
    QList<QJsonObject> updated;
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QJsonObject item = items[i].toObject();
        const QString rid = Entities::requestIdOf(item, i);
        QJsonObject element = call.account.catalogElements.value(item.value("id").toInteger());
        if (element.isEmpty() || element.value("catalog_id").toInteger() != catalogId) {
            errors.notFound(rid, QStringLiteral("id"));
            continue;
        }
        if (item.contains("name"))
            element.insert("name", item.value("name"));
        element.insert("updated_at", call.now);
        element.insert("updated_by", call.userId);
        AmoCustomFields::apply(call.account, key, element, item.value("custom_fields_values"), rid, QString(),
                               errors);
        updated.append(element);
    }
    if (!errors.isEmpty())
        return errors.response();
    QJsonArray out;
    for (const QJsonObject &element : updated) {
        call.account.catalogElements.insert(element.value("id").toInteger(), element);
        out.append(renderElement(call, element));
    }
    if (singleId)
        return HttpResponse::json(200, QJsonDocument(out.first().toObject()));
    return HttpResponse::json(
        200, QJsonDocument(QJsonObject { { "_embedded", QJsonObject { { "elements", out } } } }));
}

HttpResponse AmoCatalogsApi::deleteElements(AmoCall &call)
{
    const qint64 catalogId = call.idParam(0);
    if (!call.account.catalogs.contains(catalogId))
        return Errors::problem(404, QStringLiteral("Catalog not found"));
    QJsonArray items;
    if (auto error = Entities::readBatch(call, kMaxElementsDeleted, &items))
        return *error;
    ValidationErrors errors;
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QJsonObject item = items[i].toObject();
        const QJsonObject element = call.account.catalogElements.value(item.value("id").toInteger());
        if (element.isEmpty() || element.value("catalog_id").toInteger() != catalogId
            || element.value("is_deleted").toBool())
            errors.notFound(Entities::requestIdOf(item, i), QStringLiteral("id"));
    }
    if (!errors.isEmpty())
        return errors.response();
    QList<qint64> ids;
    for (const QJsonValue &v : std::as_const(items))
        ids << v.toObject().value("id").toInteger();
    markDeleted(call.account, ids, call.userId, call.now);
    return HttpResponse::noContent();
}

void AmoCatalogsApi::markDeleted(AmoAccount &account, const QList<qint64> &ids, qint64 userId, qint64 now)
{
    for (const qint64 id : ids) {
        QJsonObject &element = account.catalogElements[id];
        element.insert("is_deleted", true);
        element.insert("updated_at", now);
        element.insert("updated_by", userId);
    }
}

} // namespace Sandbox::AmoCrm
