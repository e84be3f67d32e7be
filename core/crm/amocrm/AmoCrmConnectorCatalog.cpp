// SPDX-License-Identifier: GPL-3.0-or-later
// AmoCrmConnector: the products list (catalogs of type "products") and the deals' product links.
#include "AmoCrmConnector.h"
#include "AmoTokens.h"

#include <QCoreApplication>
#include <QTimer>

namespace Crm::AmoCrm {

using Common::Error;

namespace {

constexpr int kElementBatch = 250; // add and update (reference §3.1: 250 per add or update)
constexpr int kDeleteBatch = 50; // see tests/sandbox/README.md, Assumptions
constexpr int kLinkBatch = 250;
constexpr int kMaxElementPages = 400; // 100,000 elements

/** Our own fields of the products list, by role: name, type. */
const QList<std::pair<const char *, std::pair<const char *, const char *>>> kOwnFields {
    { "group", { "Раздел", "text" } },
    { "image", { "Изображение", "url" } },
    { "active", { "В продаже", "checkbox" } },
};
/** The predefined fields of the products list, by role: code. */
const QList<std::pair<const char *, const char *>> kPredefined {
    { "sku", "SKU" }, { "description", "DESCRIPTION" }, { "price", "PRICE" }, { "external_id", "EXTERNAL_ID" }
};

QJsonValue numeric(const QString &id)
{
    bool ok = false;
    const qint64 n = id.toLongLong(&ok);
    return ok ? QJsonValue(n) : QJsonValue(id);
}

/** A text value, or "clear the field" on an update when there is none. */
void addText(QJsonArray &values, const QString &fieldId, const QString &text, bool update)
{
    if (fieldId.isEmpty())
        return;
    if (!text.isEmpty())
        values.append(QJsonObject { { "field_id", numeric(fieldId) },
                                    { "values", QJsonArray { QJsonObject { { "value", text } } } } });
    else if (update)
        values.append(QJsonObject { { "field_id", numeric(fieldId) }, { "values", QJsonValue::Null } });
}

EncodedItem encodeEntry(const CatalogEntry &entry, const QString &requestId,
                        const QHash<QString, QString> &fields)
{
    const bool update = !entry.elementId.isEmpty();
    QJsonArray values;
    if (entry.retireOnly) {
        if (const QString active = fields.value("active"); !active.isEmpty())
            values.append(QJsonObject { { "field_id", numeric(active) },
                                        { "values", QJsonArray { QJsonObject { { "value", false } } } } });
        EncodedItem e;
        e.key = entry.key;
        e.requestId = requestId;
        e.json = QJsonObject { { "id", numeric(entry.elementId) },
                               { "request_id", requestId },
                               { "custom_fields_values", values } };
        if (!entry.name.isEmpty())
            e.json.insert("name", entry.name);
        e.keysForLog = entry.externalId;
        return e;
    }
    addText(values, fields.value("external_id"), entry.externalId, update);
    addText(values, fields.value("sku"), entry.article, update);
    addText(values, fields.value("description"), entry.description, update);
    addText(values, fields.value("group"), entry.groupPath, update);
    addText(values, fields.value("image"), entry.imageUrl, update);
    if (const QString price = fields.value("price"); !price.isEmpty())
        values.append(QJsonObject { { "field_id", numeric(price) },
                                    { "values", QJsonArray { QJsonObject { { "value", entry.price } } } } });
    if (const QString active = fields.value("active"); !active.isEmpty())
        values.append(QJsonObject { { "field_id", numeric(active) },
                                    { "values", QJsonArray { QJsonObject { { "value", entry.active } } } } });
    EncodedItem e;
    e.key = entry.key;
    e.requestId = requestId;
    e.json = QJsonObject { { "name", entry.name },
                           { "request_id", requestId },
                           { "custom_fields_values", values } };
    if (update)
        e.json.insert("id", numeric(entry.elementId));
    e.keysForLog = entry.article.isEmpty() ? entry.externalId : entry.article;
    e.paths.insert(QStringLiteral("name"), QCoreApplication::translate("AmoCrm", "product name"));
    return e;
}

} // namespace

void AmoCrmConnector::ensureProductsCatalog(std::function<void(Common::Result<ProductsCatalog>)> done,
                                            int attempt)
{
    if (m_productsCatalog) {
        QTimer::singleShot(0, this, [this, done] { done(*m_productsCatalog); });
        return;
    }
    m_api.catalogs([this, done, attempt](Common::Result<QJsonArray> catalogs) {
        if (!catalogs) {
            done(catalogs.error());
            return;
        }
        for (const QJsonValue &c : catalogs.value()) {
            if (c.toObject().value("type").toString() == QLatin1String("products")) {
                readProductFields(c.toObject().value("id").toInteger(), done, attempt);
                return;
            }
        }
        if (attempt > 0) {
            done(Error::permanent(tr("amoCRM made no products list"), QStringLiteral("no-catalog")));
            return;
        }
        // Products are switched off in the account: switching them on makes this list.
        m_api.addCatalogs(QJsonArray { QJsonObject { { "name", tr("Products") }, { "type", "products" } } },
                          [this, done, attempt](Common::Result<QJsonValue> made) {
                              if (!made) {
                                  done(made.error());
                                  return;
                              }
                              ensureProductsCatalog(done, attempt + 1);
                          });
    });
}

void AmoCrmConnector::readProductFields(qint64 catalogId,
                                        std::function<void(Common::Result<ProductsCatalog>)> done,
                                        int attempt)
{
    const QString entity = QStringLiteral("catalogs/%1").arg(catalogId);
    m_api.customFields(entity, [this, catalogId, entity, done, attempt](Common::Result<QJsonArray> fields) {
        if (!fields) {
            done(fields.error());
            return;
        }
        ProductsCatalog catalog;
        catalog.id = catalogId;
        for (const QJsonValue &v : fields.value()) {
            const QJsonObject f = v.toObject();
            const QString id = QString::number(f.value("id").toInteger());
            for (const auto &[role, code] : kPredefined) {
                if (f.value("code").toString() == QLatin1String(code))
                    catalog.fields.insert(QLatin1String(role), id);
            }
            for (const auto &[role, spec] : kOwnFields) {
                if (f.value("name").toString() == QString::fromUtf8(spec.first)
                    && f.value("type").toString() == QLatin1String(spec.second))
                    catalog.fields.insert(QLatin1String(role), id);
            }
        }
        QJsonArray missing;
        for (const auto &[role, spec] : kOwnFields) {
            if (!catalog.fields.contains(QLatin1String(role)))
                missing.append(QJsonObject { { "name", QString::fromUtf8(spec.first) },
                                             { "type", QLatin1String(spec.second) } });
        }
        if (missing.isEmpty() || attempt > 1) {
            m_productsCatalog = catalog;
            done(catalog);
            return;
        }
        m_api.createCustomFields(entity, missing,
                                 [this, catalogId, done, attempt](Common::Result<QJsonValue> made) {
                                     if (!made) {
                                         done(made.error());
                                         return;
                                     }
                                     readProductFields(catalogId, done, attempt + 1);
                                 });
    });
}

void AmoCrmConnector::upsertCatalogEntries(const QList<CatalogEntry> &items, BatchCallback done)
{
    QStringList keys;
    for (const CatalogEntry &item : items)
        keys << item.key;
    ensureProductsCatalog([this, items, keys, done](Common::Result<ProductsCatalog> catalog) {
        if (!catalog) {
            QList<ItemOutcome> failed;
            for (const CatalogEntry &item : items)
                failed << ItemOutcome { item.key, catalog.error(), {}, {}, false, {}, {} };
            done(failed);
            return;
        }
        const qint64 catalogId = catalog->id;
        QList<EncodedItem> creates;
        QList<EncodedItem> updates;
        QHash<QString, QString> externalIds;
        for (qsizetype i = 0; i < items.size(); ++i) {
            const EncodedItem e = encodeEntry(items[i], QString::number(i), catalog->fields);
            (items[i].elementId.isEmpty() ? creates : updates) << e;
            externalIds.insert(items[i].key, items[i].externalId);
        }
        auto unknownField = [this] { m_productsCatalog.reset(); };
        auto createPlan = std::make_shared<AmoBatchSender::Plan>();
        createPlan->send = [this, catalogId](const QJsonArray &body, const CallMeta &meta,
                                             AmoApiClient::JsonCallback answer) {
            m_api.addCatalogElements(catalogId, body, std::move(answer), meta);
        };
        createPlan->read = AmoBatchSender::readEmbedded(QStringLiteral("elements"));
        createPlan->unknownField = unknownField;
        // A create whose answer was lost: the elements carrying our external ids are ours.
        createPlan->reconcile = [this,
                                 externalIds](const QList<EncodedItem> &sent,
                                              std::function<void(QHash<QString, ItemOutcome>)> settled) {
            catalogElementsByExternalId([sent, externalIds,
                                         settled](Common::Result<QHash<QString, QString>> found) {
                QHash<QString, ItemOutcome> out;
                for (const EncodedItem &item : sent) {
                    ItemOutcome o;
                    o.key = item.key;
                    if (!found) {
                        o.error = Error::transient(
                            QStringLiteral("The products' answer was lost and amoCRM could not be asked "
                                           "whether it made them: %1")
                                .arg(found.error().message));
                        out.insert(item.key, o);
                    } else if (const QString id = found->value(externalIds.value(item.key)); !id.isEmpty()) {
                        o.dealId = id;
                        out.insert(item.key, o);
                    }
                }
                settled(out);
            });
        };
        auto updatePlan = std::make_shared<AmoBatchSender::Plan>();
        updatePlan->send = [this, catalogId](const QJsonArray &body, const CallMeta &meta,
                                             AmoApiClient::JsonCallback answer) {
            m_api.updateCatalogElements(catalogId, body, std::move(answer), meta);
        };
        updatePlan->read = AmoBatchSender::readEmbedded(QStringLiteral("elements"));
        updatePlan->unknownField = unknownField;
        sendInBatches(creates, kElementBatch, createPlan, {},
                      [this, updates, updatePlan, keys, done](QList<ItemOutcome> created) {
                          sendInBatches(updates, kElementBatch, updatePlan, created,
                                        inCallersOrder(keys, done));
                      });
    });
}

void AmoCrmConnector::deleteCatalogEntries(const QList<CatalogEntry> &items, BatchCallback done)
{
    ensureProductsCatalog([this, items, done](Common::Result<ProductsCatalog> catalog) {
        QList<ItemOutcome> early;
        QList<EncodedItem> encoded;
        for (qsizetype i = 0; i < items.size(); ++i) {
            EncodedItem e;
            e.key = items[i].key;
            e.requestId = QString::number(i);
            e.json = QJsonObject { { "id", numeric(items[i].elementId) } };
            e.keysForLog = items[i].externalId;
            if (!catalog)
                early << AmoBatchSender::failed(e, catalog.error());
            else
                encoded << e;
        }
        if (!catalog) {
            done(early);
            return;
        }
        const qint64 catalogId = catalog->id;
        auto plan = std::make_shared<AmoBatchSender::Plan>();
        plan->send = [this, catalogId](const QJsonArray &body, const CallMeta &meta,
                                       AmoApiClient::JsonCallback answer) {
            m_api.deleteCatalogElements(catalogId, body, std::move(answer), meta);
        };
        // 204 and no body: every item of the call is gone.
        plan->read = [](const QJsonValue &, const QList<EncodedItem> &sent) {
            QHash<QString, ItemOutcome> out;
            for (const EncodedItem &item : sent) {
                ItemOutcome o;
                o.dealId = item.json.value("id").toVariant().toString();
                out.insert(item.requestId, o);
            }
            return out;
        };
        sendInBatches(encoded, kDeleteBatch, plan, {}, done);
    });
}

void AmoCrmConnector::listProductElements(Callback<QPair<ProductsCatalog, QJsonArray>> done)
{
    ensureProductsCatalog([this, done](Common::Result<ProductsCatalog> catalog) {
        if (!catalog) {
            done(catalog.error());
            return;
        }
        const ProductsCatalog products = catalog.value();
        m_api.listAll(
            QStringLiteral("/api/v4/catalogs/%1/elements").arg(products.id), {}, QStringLiteral("elements"),
            [products, done](Common::Result<QJsonArray> elements) {
                if (!elements) {
                    done(elements.error());
                    return;
                }
                done(qMakePair(products, elements.value()));
            },
            kMaxElementPages);
    });
}

void AmoCrmConnector::catalogElementsByExternalId(Callback<QHash<QString, QString>> done)
{
    listProductElements([done](Common::Result<QPair<ProductsCatalog, QJsonArray>> listed) {
        if (!listed) {
            done(listed.error());
            return;
        }
        const QString field = listed->first.fields.value("external_id");
        QHash<QString, QString> out;
        for (const QJsonValue &v : std::as_const(listed->second)) {
            const QJsonObject element = v.toObject();
            for (const QJsonValue &f : element.value("custom_fields_values").toArray()) {
                if (QString::number(f.toObject().value("field_id").toInteger()) != field)
                    continue;
                const QString external
                    = f.toObject().value("values").toArray().first().toObject().value("value").toString();
                if (!external.isEmpty())
                    out.insert(external, QString::number(element.value("id").toInteger()));
            }
        }
        done(out);
    });
}

void AmoCrmConnector::catalogElementIds(Callback<QSet<QString>> done)
{
    listProductElements([done](Common::Result<QPair<ProductsCatalog, QJsonArray>> listed) {
        if (!listed) {
            done(listed.error());
            return;
        }
        // listAll stops at its last page without saying so: with every page full, more may follow,
        // and a missing element would not mean a deleted one.
        if (listed->second.size() >= qsizetype(kMaxElementPages) * AmoApiClient::kMaxPage) {
            done(Error::permanent(tr("The products list has more than %1 elements, more than CRM Bridge "
                                     "reads to see which were deleted")
                                      .arg(listed->second.size()),
                                  QStringLiteral("catalog-too-large")));
            return;
        }
        QSet<QString> ids;
        for (const QJsonValue &v : std::as_const(listed->second)) {
            // A deleted element is not listed; one that is (is_deleted) is gone all the same.
            if (!v.toObject().value("is_deleted").toBool())
                ids.insert(QString::number(v.toObject().value("id").toInteger()));
        }
        done(ids);
    });
}

void AmoCrmConnector::linkProducts(QList<FollowUpTodo> todo, QHash<QString, Error> failed,
                                   std::function<void(QHash<QString, Error>)> done)
{
    if (todo.isEmpty()) {
        done(failed);
        return;
    }
    ensureProductsCatalog([this, todo, failed, done](Common::Result<ProductsCatalog> catalog) mutable {
        if (!catalog) {
            for (const FollowUpTodo &t : todo)
                failed.insert(t.key, catalog.error());
            done(failed);
            return;
        }
        // One call carries whole deals only, up to 250 links, so each deal is settled from its call.
        QList<FollowUpTodo> chunk;
        QJsonArray links;
        while (!todo.isEmpty()) {
            const FollowUpTodo &next = todo.first();
            if (!chunk.isEmpty() && links.size() + next.products.size() > kLinkBatch)
                break;
            for (const DraftProduct &p : next.products)
                links.append(QJsonObject {
                    { "entity_id", numeric(next.dealId) },
                    { "to_entity_id", numeric(p.elementId) },
                    { "to_entity_type", "catalog_elements" },
                    { "metadata",
                      QJsonObject { { "quantity", p.quantity },
                                    { "catalog_id", catalog->id },
                                    { "price_id", numeric(catalog->fields.value("price")) } } } });
            chunk << todo.takeFirst();
        }
        CallMeta meta;
        for (const FollowUpTodo &t : std::as_const(chunk)) {
            bool isJob = false;
            if (const qint64 job = t.key.toLongLong(&isJob); isJob)
                meta.jobIds << job;
        }
        m_api.linkLeads(
            links,
            [this, chunk, todo, failed, done](Common::Result<QJsonValue> answer) mutable {
                if (answer) {
                    linkProducts(todo, failed, done);
                    return;
                }
                // One deal's bad line rejects the whole call: alone, each deal fails only for itself.
                if (answer.error().httpStatus == 400 && chunk.size() > 1) {
                    using Each = std::function<void(QList<FollowUpTodo>, QHash<QString, Error>)>;
                    auto each = std::make_shared<Each>();
                    // The pending call holds the function; it refers to itself weakly, so nothing leaks.
                    *each = [this, todo, done, self = std::weak_ptr<Each>(each)](
                                QList<FollowUpTodo> rest, QHash<QString, Error> soFar) {
                        if (rest.isEmpty()) {
                            linkProducts(todo, soFar, done);
                            return;
                        }
                        const QList<FollowUpTodo> one { rest.takeFirst() };
                        linkProducts(one, soFar, [next = self.lock(), rest](QHash<QString, Error> after) {
                            (*next)(rest, after);
                        });
                    };
                    (*each)(chunk, failed);
                    return;
                }
                for (const FollowUpTodo &t : chunk)
                    failed.insert(t.key, answer.error());
                linkProducts(todo, failed, done);
            },
            meta);
    });
}

} // namespace Crm::AmoCrm
