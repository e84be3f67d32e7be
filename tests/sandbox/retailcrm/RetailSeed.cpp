// SPDX-License-Identifier: GPL-3.0-or-later
#include "RetailSeed.h"

#include "RetailCustomFields.h"
#include "RetailStore.h"

#include <QJsonArray>

namespace Sandbox::RetailCrm {

namespace RetailSeed {

namespace {

void status(RetailStore &s, const char *code, const QString &name, const char *group, int ordering)
{
    s.statuses.insert(code,
                      QJsonObject { { "code", code },
                                    { "name", name },
                                    { "active", true },
                                    { "ordering", ordering },
                                    { "group", group } });
    QJsonObject &g = s.statusGroups[group];
    QJsonArray codes = g.value("statuses").toArray();
    codes.append(QLatin1String(code));
    g.insert("statuses", codes);
}

void group(RetailStore &s, const char *code, const QString &name, int ordering, bool process)
{
    s.statusGroups.insert(code,
                          QJsonObject { { "code", code },
                                        { "name", name },
                                        { "active", true },
                                        { "ordering", ordering },
                                        { "process", process },
                                        { "statuses", QJsonArray() } });
}

void site(RetailStore &s, const QString &code, const QString &name)
{
    s.sites.insert(code,
                   QJsonObject { { "code", code },
                                 { "name", name },
                                 { "url", QStringLiteral("https://%1.example").arg(code) },
                                 { "currency", "RUB" },
                                 { "defaultForCrm", s.sites.isEmpty() },
                                 { "catalogLoadingAt", QJsonValue() } });
}

void simple(QMap<QString, QJsonObject> &dict, const char *code, const QString &name, int ordering)
{
    dict.insert(
        code,
        QJsonObject { { "code", code }, { "name", name }, { "active", true }, { "ordering", ordering } });
}

void user(RetailStore &s, const QJsonObject &given)
{
    const qint64 id = s.users.isEmpty() ? 11 : s.users.lastKey() + 1;
    QJsonObject u { { "id", id },         { "createdAt", s.now() },  { "active", true },
                    { "online", false },  { "isAdmin", false },      { "isManager", true },
                    { "status", "free" }, { "groups", QJsonArray() } };
    for (auto it = given.begin(); it != given.end(); ++it)
        u.insert(it.key(), it.value());
    u.insert("id", id);
    s.users.insert(id, u);
}

void field(RetailStore &s, const char *entity, const char *code, const QString &name, const char *type,
           int ordering)
{
    QJsonObject ignored;
    RetailCustomFields::create(
        s, QLatin1String(entity),
        QJsonObject { { "code", code }, { "name", name }, { "type", type }, { "ordering", ordering } },
        &ignored);
}

void baseStatuses(RetailStore &s)
{
    group(s, "new", QStringLiteral("Новый"), 10, true);
    group(s, "complete", QStringLiteral("Выполнен"), 70, false);
    group(s, "cancel", QStringLiteral("Отменен"), 80, false);
    status(s, "new", QStringLiteral("Новый"), "new", 10);
    status(s, "complete", QStringLiteral("Выполнен"), "complete", 70);
    status(s, "cancel-other", QStringLiteral("Отменен"), "cancel", 80);
}

void demo(RetailStore &s)
{
    group(s, "approval", QStringLiteral("Согласование"), 20, true);
    group(s, "assembling", QStringLiteral("Комплектация"), 30, true);
    group(s, "delivery", QStringLiteral("Доставка"), 40, true);
    status(s, "client-confirmed", QStringLiteral("Согласован"), "approval", 20);
    status(s, "assembling", QStringLiteral("Комплектуется"), "assembling", 30);
    status(s, "assembling-complete", QStringLiteral("Укомплектован"), "assembling", 31);
    status(s, "send-to-delivery", QStringLiteral("Передан в доставку"), "delivery", 40);
    status(s, "delivering", QStringLiteral("Доставляется"), "delivery", 41);
    status(s, "no-call", QStringLiteral("Недозвон"), "cancel", 81);
    status(s, "prices-did-not-suit", QStringLiteral("Не устроила цена"), "cancel", 82);

    user(s,
         QJsonObject { { "firstName", QStringLiteral("Олег") },
                       { "lastName", QStringLiteral("Кузнецов") },
                       { "email", "oleg@demo-shop.example" } });
    user(s,
         QJsonObject { { "firstName", QStringLiteral("Мария") },
                       { "lastName", QStringLiteral("Иванова") },
                       { "email", "maria@demo-shop.example" } });
    user(s,
         QJsonObject { { "firstName", QStringLiteral("Павел") },
                       { "lastName", QStringLiteral("Орлов") },
                       { "email", "pavel@demo-shop.example" },
                       { "active", false } });
    field(s, "order", "promocode", QStringLiteral("Промокод"), "string", 10);
    field(s, "order", "gift", QStringLiteral("Подарочная упаковка"), "boolean", 20);
    field(s, "order", "track", QStringLiteral("Трек-номер"), "string", 30);
    field(s, "customer", "loyalty_card", QStringLiteral("Карта лояльности"), "string", 10);

    simple(s.orderTypes, "eshop-individual", QStringLiteral("Заказ от физ. лица"), 10);
    simple(s.orderTypes, "eshop-legal", QStringLiteral("Заказ от юр. лица"), 20);
    s.orderTypes["eshop-individual"].insert("defaultForApi", true);
    simple(s.orderMethods, "shopping-cart", QStringLiteral("Корзина"), 10);
    simple(s.orderMethods, "one-click", QStringLiteral("В один клик"), 20);
    simple(s.orderMethods, "phone", QStringLiteral("По телефону"), 30);

    simple(s.paymentStatuses, "not-paid", QStringLiteral("Не оплачен"), 10);
    simple(s.paymentStatuses, "paid", QStringLiteral("Оплачен"), 20);
    simple(s.paymentStatuses, "fail", QStringLiteral("Ошибка оплаты"), 30);
    s.paymentStatuses["paid"].insert("paymentComplete", true);
    for (const char *c : { "not-paid", "fail" })
        s.paymentStatuses[c].insert("paymentComplete", false);
    const QJsonArray allStatuses { "not-paid", "paid", "fail" };
    const QJsonArray sites { s.options.site };
    auto payment = [&](const char *code, const QString &name, const QJsonArray &deliveries, bool dflt) {
        simple(s.paymentTypes, code, name, 10 + 10 * int(s.paymentTypes.size()));
        QJsonObject &p = s.paymentTypes[code];
        p.insert("defaultForCrm", dflt);
        p.insert("defaultForApi", dflt);
        p.insert("deliveryTypes", deliveries);
        p.insert("paymentStatuses", allStatuses);
        p.insert("sites", sites);
    };
    payment("cash", QStringLiteral("Наличные"), { "self-delivery", "courier" }, true);
    payment("bank-card", QStringLiteral("Банковская карта"), { "self-delivery", "courier", "russian-post" },
            false);
    auto delivery = [&](const char *code, const QString &name, double cost, const QJsonArray &payments) {
        simple(s.deliveryTypes, code, name, 10 + 10 * int(s.deliveryTypes.size()));
        QJsonObject &d = s.deliveryTypes[code];
        d.insert("defaultCost", cost);
        d.insert("defaultNetCost", 0);
        d.insert("paymentTypes", payments);
        d.insert("sites", sites);
    };
    delivery("self-delivery", QStringLiteral("Самовывоз"), 0, { "cash", "bank-card" });
    delivery("courier", QStringLiteral("Курьер"), 300, { "cash", "bank-card" });
    delivery("russian-post", QStringLiteral("Почта России"), 350, { "bank-card" });

    add(s,
        QJsonObject { { "offers",
                        QJsonArray { QJsonObject { { "externalId", "15" },
                                                   { "xmlId", "SKU-15" },
                                                   { "name", QStringLiteral("Футболка хлопковая") },
                                                   { "article", "TS-15" },
                                                   { "price", 1990 } },
                                     QJsonObject { { "externalId", "16" },
                                                   { "xmlId", "SKU-16" },
                                                   { "name", QStringLiteral("Кружка «Демо»") },
                                                   { "article", "MG-16" },
                                                   { "price", 450 } },
                                     QJsonObject { { "externalId", "mod-17-3" },
                                                   { "xmlId", "SKU-17-L" },
                                                   { "name", QStringLiteral("Худи, размер L") },
                                                   { "article", "HD-17" },
                                                   { "price", 3490 } } } } });
    const qint64 id = s.nextCustomerId++;
    s.customers.insert(
        id,
        QJsonObject { { "id", id },
                      { "externalId", "1" },
                      { "site", s.options.site },
                      { "firstName", QStringLiteral("Иван") },
                      { "lastName", QStringLiteral("Петров") },
                      { "email", "ivan@example.ru" },
                      { "phones", QJsonArray { QJsonObject { { "number", "+79990001122" } } } },
                      { "createdAt", s.now() },
                      { "customFields", QJsonObject() } });
}

} // namespace

void apply(RetailStore &store, const QString &profile)
{
    site(store, store.options.site,
         store.options.site == QLatin1String("demo-shop") ? QStringLiteral("Демо-магазин")
                                                          : store.options.site);
    baseStatuses(store);
    user(store,
         QJsonObject { { "firstName", QStringLiteral("Анна") },
                       { "lastName", QStringLiteral("Смирнова") },
                       { "email", "admin@demo-shop.example" },
                       { "isAdmin", true } });
    if (profile == QLatin1String("demo"))
        demo(store);
}

QJsonObject add(RetailStore &store, const QJsonObject &body)
{
    QJsonObject added;
    for (const QJsonValue &v : body.value("sites").toArray())
        site(store, v.toObject().value("code").toString(), v.toObject().value("name").toString());
    for (const QJsonValue &v : body.value("statuses").toArray()) {
        const QJsonObject o = v.toObject();
        const QString g = o.value("group").toString(QStringLiteral("new"));
        if (!store.statusGroups.contains(g))
            group(store, qPrintable(g), g, 90, true);
        status(store, qPrintable(o.value("code").toString()), o.value("name").toString(), qPrintable(g), 90);
    }
    for (const QJsonValue &v : body.value("delivery_types").toArray())
        store.deliveryTypes.insert(v.toObject().value("code").toString(), v.toObject());
    for (const QJsonValue &v : body.value("payment_types").toArray())
        store.paymentTypes.insert(v.toObject().value("code").toString(), v.toObject());
    QJsonArray offerIds;
    for (const QJsonValue &v : body.value("offers").toArray()) {
        QJsonObject o = v.toObject();
        const qint64 id = store.nextOfferId++;
        o.insert("id", id);
        store.offers.insert(id, o);
        offerIds.append(id);
    }
    added.insert("offers", offerIds);
    for (const QJsonValue &v : body.value("users").toArray())
        user(store, v.toObject());
    for (const QJsonValue &v : body.value("custom_fields").toArray()) {
        QJsonObject errors;
        const QJsonObject f = v.toObject();
        RetailCustomFields::create(store, f.value("entity").toString(QStringLiteral("order")), f, &errors);
    }
    for (const QJsonValue &v : body.value("api_keys").toArray()) {
        QStringList sites;
        for (const QJsonValue &s : v.toObject().value("sites").toArray())
            sites.append(s.toString());
        store.apiKeys.insert(v.toObject().value("key").toString(), sites);
    }
    return added;
}

} // namespace RetailSeed

} // namespace Sandbox::RetailCrm
