// SPDX-License-Identifier: GPL-3.0-or-later
#include "MoySkladEntities.h"

#include "MoySkladStore.h"

#include <QJsonArray>
#include <QSet>
#include <cmath>

namespace Sandbox::MoySklad {

namespace {

constexpr int kMaxWebhookUrls = 5; // per (entityType, action) for a user (reference B.6)
constexpr int kMaxArray = 1000;

ApiError required(const QString &field)
{
    return { 412, 3000,
             QStringLiteral("Ошибка сохранения объекта: поле '%1' не может быть пустым или отсутствовать")
                 .arg(field),
             field };
}

ApiError badValue(const QString &field, const QString &value, const QStringList &allowed)
{
    return { 412, 3005,
             QStringLiteral(
                 "Ошибка сохранения объекта: неверное значение '%1' поля '%2'. Допустимые значения: %3")
                 .arg(value, field, allowed.join(", ")),
             field };
}

/** Fields the server computes; a client's values for them are ignored, as MoySklad does. */
const QSet<QString> &readOnlyFields()
{
    static const QSet<QString> fields {
        "meta",     "id",  "accountId",         "updated",  "created",    "salesAmount", "bonusPoints",
        "pathName", "sum", "transactionStatus", "payedSum", "shippedSum", "vatSum",      "deleted"
    };
    return fields;
}

QStringList requiredFields(const QString &type)
{
    if (type == QLatin1String("retaildemand") || type == QLatin1String("customerorder"))
        return { "agent", "organization" };
    // The create call's required fields (api-remap-1.2-doc, "Создать Бонусную операцию": agent,
    // bonusProgram, transactionType; reference B.5 lists bonusProgram without the star).
    if (type == QLatin1String("bonustransaction"))
        return { "agent", "bonusProgram", "transactionType" };
    if (type == QLatin1String("webhook"))
        return { "url", "action", "entityType" };
    return { "name" };
}

} // namespace

QJsonObject ApiError::toJson() const
{
    QJsonObject e { { "error", message },
                    { "code", code },
                    { "moreInfo",
                      QStringLiteral("https://dev.moysklad.ru/doc/api/remap/1.2/#error_%1").arg(code) } };
    if (!parameter.isEmpty())
        e.insert("parameter", parameter);
    return e;
}

QJsonObject MoySkladEntities::create(const QString &type, const QJsonObject &input, ApiError *error)
{
    const QString syncId = input.value("syncId").toString();
    if (!syncId.isEmpty()) {
        for (const QJsonObject &row : m_store.rows(type)) {
            if (row.value("syncId").toString() == syncId)
                return row;
        }
    }
    QJsonObject object;
    for (auto it = input.begin(); it != input.end(); ++it) {
        if (!readOnlyFields().contains(it.key()) && !it.value().isNull())
            object.insert(it.key(), it.value());
    }
    const QString id = m_store.newId();
    object.insert("id", id);
    object.insert("accountId", QStringLiteral("1f2a3b4c-0000-4000-8000-00000000acc1"));
    if (!validate(type, object, true, error))
        return {};
    const QString now = m_store.now();
    object.insert("created", now);
    object.insert("updated", now);
    m_store.rows(type).append(object);
    m_store.noteChange({ type, id, QStringLiteral("CREATE"), {} });
    return object;
}

QJsonObject MoySkladEntities::update(const QString &type, const QString &id, const QJsonObject &patch,
                                     ApiError *error)
{
    QJsonObject *row = m_store.find(type, id);
    if (!row) {
        *error = { 404,
                   1021,
                   QStringLiteral("Объект с типом '%1' и идентификатором '%2' не найден").arg(type, id),
                   {} };
        return {};
    }
    if (patch.contains("syncId") && patch.value("syncId") != row->value("syncId")) {
        *error = { 400, 1047,
                   QStringLiteral("Вы не можете обновить поле syncId в запросе на обновление сущности"),
                   QStringLiteral("syncId") };
        return {};
    }
    QJsonObject object = *row;
    QStringList changed;
    for (auto it = patch.begin(); it != patch.end(); ++it) {
        if (readOnlyFields().contains(it.key()))
            continue;
        if (object.value(it.key()) == it.value())
            continue;
        changed.append(it.key());
        // null clears a field; empty fields are not shown (reference B.1).
        if (it.value().isNull())
            object.remove(it.key());
        else
            object.insert(it.key(), it.value());
    }
    if (!validate(type, object, false, error))
        return {};
    if (changed.isEmpty())
        return *row;
    object.insert("updated", m_store.now());
    *row = object;
    m_store.noteChange({ type, id, QStringLiteral("UPDATE"), changed });
    return object;
}

bool MoySkladEntities::remove(const QString &type, const QString &id, ApiError *error)
{
    auto &rows = m_store.rows(type);
    for (qsizetype i = 0; i < rows.size(); ++i) {
        if (rows[i].value("id").toString() != id)
            continue;
        // An entity a document still points to cannot go (error 1028); documents and webhooks can.
        const QString href = m_store.href(type, id);
        for (const QString &docType : { QStringLiteral("retaildemand"), QStringLiteral("customerorder") }) {
            for (const QJsonObject &doc : m_store.rows(docType)) {
                bool used
                    = doc.value("agent").toObject().value("meta").toObject().value("href").toString() == href;
                for (const QJsonValue &p : doc.value("positions").toArray())
                    used = used
                        || p.toObject()
                                .value("assortment")
                                .toObject()
                                .value("meta")
                                .toObject()
                                .value("href")
                                .toString()
                            == href;
                if (used) {
                    *error
                        = { 409, 1028, QStringLiteral("Объект уже используется и не может быть удален"), {} };
                    return false;
                }
            }
        }
        rows.removeAt(i);
        m_store.noteChange({ type, id, QStringLiteral("DELETE"), {} });
        return true;
    }
    *error = {
        404, 1021, QStringLiteral("Объект с типом '%1' и идентификатором '%2' не найден").arg(type, id), {}
    };
    return false;
}

bool MoySkladEntities::validate(const QString &type, QJsonObject &object, bool creating, ApiError *error)
{
    for (const QString &field : requiredFields(type)) {
        const QJsonValue v = object.value(field);
        if (v.isUndefined() || v.isNull() || (v.isString() && v.toString().trimmed().isEmpty())) {
            *error = required(field);
            return false;
        }
    }
    if (!checkLinks(object, error))
        return false;
    if (type == QLatin1String("counterparty")) {
        const QStringList kinds { "legal", "entrepreneur", "individual" };
        if (!object.contains("companyType"))
            object.insert("companyType", "legal");
        if (!kinds.contains(object.value("companyType").toString())) {
            *error = badValue("companyType", object.value("companyType").toString(), kinds);
            return false;
        }
        if (!object.contains("archived"))
            object.insert("archived", false);
    } else if (type == QLatin1String("product") || type == QLatin1String("productfolder")) {
        if (!object.contains("archived"))
            object.insert("archived", false);
        QString path;
        if (const QJsonObject *folder = m_store.resolve(object.value("productFolder"))) {
            const QString parent = folder->value("pathName").toString();
            path = parent.isEmpty() ? folder->value("name").toString()
                                    : parent + '/' + folder->value("name").toString();
        }
        object.insert("pathName", path);
        for (const QJsonValue &price : object.value("salePrices").toArray()) {
            if (price.toObject().value("value").toDouble() < 0) {
                *error
                    = { 412, 3002,
                        QStringLiteral(
                            "Ошибка сохранения объекта: поле 'value' не может иметь отрицательное значение"),
                        QStringLiteral("salePrices") };
                return false;
            }
        }
    } else if (MoySkladStore::isDocument(type)) {
        if (creating && !object.contains("name"))
            object.insert("name",
                          QStringLiteral("%1").arg(m_store.nextDocumentNumber++, 5, 10, QLatin1Char('0')));
        const QString moment = object.contains("moment")
            ? MoySkladStore::normalizeTime(object.value("moment").toString())
            : m_store.now();
        if (moment.isEmpty()) {
            *error = badValue("moment", object.value("moment").toString(), { "YYYY-MM-DD HH:MM:SS" });
            return false;
        }
        object.insert("moment", moment);
        if (!object.contains("applicable"))
            object.insert("applicable", true);
        if (!applyPositions(object, error))
            return false;
    } else if (type == QLatin1String("bonustransaction")) {
        const QStringList kinds { "EARNING", "SPENDING" };
        if (!kinds.contains(object.value("transactionType").toString())) {
            *error = badValue("transactionType", object.value("transactionType").toString(), kinds);
            return false;
        }
        if (object.value("bonusValue").toDouble() < 0) {
            *error
                = { 412, 3002,
                    QStringLiteral(
                        "Ошибка сохранения объекта: поле 'bonusValue' не может иметь отрицательное значение"),
                    QStringLiteral("bonusValue") };
            return false;
        }
        if (!object.contains("categoryType"))
            object.insert("categoryType", "REGULAR");
        const QString execution = MoySkladStore::normalizeTime(object.value("executionDate").toString());
        object.insert("moment",
                      object.contains("moment")
                          ? MoySkladStore::normalizeTime(object.value("moment").toString())
                          : m_store.now());
        // A transaction set to run later waits; one without a date (or a past one) is done at once.
        object.insert("transactionStatus",
                      !execution.isEmpty() && execution > m_store.now() ? "WAIT_PROCESSING" : "COMPLETED");
    } else if (type == QLatin1String("webhook")) {
        if (!validateWebhook(object, creating ? QString() : object.value("id").toString(), error))
            return false;
        if (!object.contains("enabled"))
            object.insert("enabled", true);
        if (!object.contains("diffType") && object.value("action").toString() == QLatin1String("UPDATE"))
            object.insert("diffType", "NONE");
    }
    return true;
}

bool MoySkladEntities::checkLinks(QJsonObject &object, ApiError *error)
{
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!it.value().isObject() || !it.value().toObject().contains("meta"))
            continue;
        const QString href = it.value().toObject().value("meta").toObject().value("href").toString();
        QString type;
        if (!m_store.resolve(it.value(), &type)) {
            *error = { 404, 1021, QStringLiteral("Объект по ссылке '%1' не найден").arg(href), it.key() };
            return false;
        }
        // Stored links carry the full meta, whatever the client sent.
        QString t, id;
        m_store.parseHref(href, &t, &id);
        it.value() = m_store.link(t, id);
    }
    return true;
}

bool MoySkladEntities::applyPositions(QJsonObject &object, ApiError *error)
{
    const QJsonArray input = object.value("positions").toArray();
    if (input.size() > kMaxArray) {
        *error = { 413, 1044, QStringLiteral("Превышен максимальный размер запроса"),
                   QStringLiteral("positions") };
        return false;
    }
    QJsonArray positions;
    double sum = 0;
    for (const QJsonValue &value : input) {
        QJsonObject p = value.toObject();
        QJsonObject assortment = p.value("assortment").toObject();
        QString type, id;
        if (!m_store.resolve(assortment, &type) || (type != QLatin1String("product"))) {
            *error = {
                412, 3000,
                QStringLiteral(
                    "Ошибка сохранения объекта: поле 'assortment' не может быть пустым или отсутствовать"),
                QStringLiteral("positions.assortment")
            };
            return false;
        }
        m_store.parseHref(assortment.value("meta").toObject().value("href").toString(), &type, &id);
        p.insert("assortment", m_store.link(type, id));
        if (!p.contains("id"))
            p.insert("id", m_store.newId());
        const double quantity = p.value("quantity").toDouble(1);
        const double price = p.value("price").toDouble();
        const double discount = p.value("discount").toDouble();
        p.insert("quantity", quantity);
        p.insert("price", price);
        p.insert("discount", discount);
        if (!p.contains("vat"))
            p.insert("vat", 0);
        sum += std::round(price * quantity * (100.0 - discount) / 100.0);
        positions.append(p);
    }
    object.insert("positions", positions);
    object.insert("sum", sum);
    return true;
}

bool MoySkladEntities::validateWebhook(const QJsonObject &object, const QString &selfId, ApiError *error)
{
    const QString url = object.value("url").toString();
    if (url.size() > 255 || !(url.startsWith("http://") || url.startsWith("https://"))) {
        *error = badValue("url", url, { "http(s)://… up to 255 characters" });
        return false;
    }
    const QStringList actions { "CREATE", "UPDATE", "DELETE" };
    if (!actions.contains(object.value("action").toString())) {
        *error = badValue("action", object.value("action").toString(), actions);
        return false;
    }
    const QString entityType = object.value("entityType").toString();
    if (!MoySkladStore::types().contains(entityType) || entityType == QLatin1String("webhook")) {
        *error
            = badValue("entityType", entityType, { "an entity type other than webhook, discount or notes" });
        return false;
    }
    const QString diff = object.value("diffType").toString(QStringLiteral("NONE"));
    if (diff != QLatin1String("NONE") && diff != QLatin1String("FIELDS")) {
        *error = badValue("diffType", diff, { "NONE", "FIELDS" });
        return false;
    }
    QSet<QString> urls { url };
    for (const QJsonObject &w : m_store.rows("webhook")) {
        if (w.value("id").toString() == selfId || w.value("entityType") != object.value("entityType")
            || w.value("action") != object.value("action"))
            continue;
        if (w.value("url").toString() == url) {
            *error = { 412, 3006,
                       QStringLiteral(
                           "Ошибка сохранения объекта: нарушено ограничение уникальности параметра 'url'"),
                       QStringLiteral("url") };
            return false;
        }
        urls.insert(w.value("url").toString());
    }
    if (urls.size() > kMaxWebhookUrls) {
        *error = {
            412, 3008,
            QStringLiteral(
                "Ошибка сохранения объекта: значение поля 'url' превышает максимально допустимое значение"),
            QStringLiteral("url")
        };
        return false;
    }
    return true;
}

} // namespace Sandbox::MoySklad
