// SPDX-License-Identifier: GPL-3.0-or-later
#include "AmoSeed.h"

#include "AmoAccount.h"
#include "AmoAccountApi.h"
#include "AmoCatalogsApi.h"
#include "AmoCustomFields.h"
#include "AmoErrors.h"
#include "AmoPipelinesApi.h"

#include <QJsonArray>

namespace Sandbox::AmoCrm {

namespace {

QJsonObject spec(const QString &name, const QString &type, const QString &code = QString(),
                 const QStringList &enums = {}, bool predefined = false)
{
    QJsonObject out { { "name", name }, { "type", type }, { "is_predefined", predefined } };
    if (!code.isEmpty())
        out.insert("code", code);
    QJsonArray list;
    int sort = 10;
    for (const QString &e : enums) {
        list.append(QJsonObject { { "value", e }, { "sort", sort } });
        sort += 10;
    }
    if (!list.isEmpty())
        out.insert("enums", list);
    return out;
}

qint64 fieldId(AmoAccount &account, const QString &entity, const QString &name)
{
    for (const QJsonObject &f : account.customFields.value(entity)) {
        if (f.value("name").toString() == name || f.value("code").toString() == name)
            return f.value("id").toInteger();
    }
    return 0;
}

qint64 statusId(AmoAccount &account, qint64 pipelineId, const QString &name)
{
    for (const QJsonValue &s :
         account.pipelines.value(pipelineId).value("_embedded").toObject().value("statuses").toArray()) {
        if (s.toObject().value("name").toString() == name)
            return s.toObject().value("id").toInteger();
    }
    return 0;
}

QJsonObject entity(AmoAccount &account, const QString &, qint64 id, const QString &name, qint64 responsible,
                   qint64 createdAt)
{
    return QJsonObject { { "id", id },
                         { "name", name },
                         { "responsible_user_id", responsible },
                         { "group_id", 0 },
                         { "created_by", responsible },
                         { "updated_by", responsible },
                         { "created_at", createdAt },
                         { "updated_at", createdAt },
                         { "closest_task_at", QJsonValue::Null },
                         { "is_deleted", false },
                         { "custom_fields_values", QJsonValue::Null },
                         { "account_id", account.id },
                         { "_embedded", QJsonObject { { "tags", QJsonArray() } } } };
}

void setFields(AmoAccount &account, const QString &type, QJsonObject &target, const QJsonArray &values)
{
    ValidationErrors ignored;
    AmoCustomFields::apply(account, type, target, values, QStringLiteral("seed"), QString(), ignored);
}

QJsonObject text(qint64 field, const QString &value)
{
    return QJsonObject { { "field_id", field },
                         { "values", QJsonArray { QJsonObject { { "value", value } } } } };
}

QJsonObject multitext(const char *code, const QString &value, const char *enumCode)
{
    return QJsonObject {
        { "field_code", QLatin1String(code) },
        { "values",
          QJsonArray { QJsonObject { { "value", value }, { "enum_code", QLatin1String(enumCode) } } } }
    };
}

} // namespace

bool AmoSeed::apply(AmoAccount &account, const QString &profile, qint64 now)
{
    if (!profiles().contains(profile))
        return false;
    const bool demo = profile == QLatin1String("demo");
    base(account, demo);
    if (demo)
        demoEntities(account, now);
    return true;
}

void AmoSeed::base(AmoAccount &account, bool demo)
{
    account.name = demo ? QStringLiteral("Интернет-магазин «Ромашка»") : QStringLiteral("CRM Bridge Sandbox");
    AmoAccountApi::makeUser(account, QStringLiteral("Анна Смирнова"),
                            QStringLiteral("anna.smirnova@example.ru"), true, true);
    if (demo) {
        AmoAccountApi::makeUser(account, QStringLiteral("Игорь Петров"),
                                QStringLiteral("igor.petrov@example.ru"), false, true);
        AmoAccountApi::makeUser(account, QStringLiteral("Мария Кузнецова"),
                                QStringLiteral("maria.kuznetsova@example.ru"), false, true);
        AmoAccountApi::makeUser(account, QStringLiteral("Олег Сидоров"),
                                QStringLiteral("oleg.sidorov@example.ru"), false, false);
        AmoPipelinesApi::makePipeline(account, QStringLiteral("Заказы с сайта"), true, 1,
                                      { { QStringLiteral("Новый заказ"), QStringLiteral("#99ccff") },
                                        { QStringLiteral("Подтверждён"), QStringLiteral("#ffff99") },
                                        { QStringLiteral("Оплачен"), QStringLiteral("#ccff66") },
                                        { QStringLiteral("Передан в доставку"), QStringLiteral("#fffeb2") },
                                        { QStringLiteral("Доставлен"), QStringLiteral("#87f2c0") } });
        AmoPipelinesApi::makePipeline(
            account, QStringLiteral("Заявки"), false, 2,
            { { QStringLiteral("Новая заявка"), QStringLiteral("#c1e0ff") },
              { QStringLiteral("Взята в работу"), QStringLiteral("#ffdc7f") },
              { QStringLiteral("Коммерческое предложение"), QStringLiteral("#f3beff") },
              { QStringLiteral("Ожидает решения"), QStringLiteral("#ffc8c8") } });
    } else {
        AmoPipelinesApi::makePipeline(
            account, QStringLiteral("Воронка"), true, 1,
            { { QStringLiteral("Первичный контакт"), QStringLiteral("#99ccff") },
              { QStringLiteral("Переговоры"), QStringLiteral("#ffff99") },
              { QStringLiteral("Принимают решение"), QStringLiteral("#ffcc66") },
              { QStringLiteral("Согласование договора"), QStringLiteral("#ffcccc") } });
    }
    qint64 sort = 1;
    for (const QString &type : { QStringLiteral("contacts"), QStringLiteral("companies") }) {
        AmoCustomFields::create(account, type,
                                spec(QStringLiteral("Телефон"), "multitext", "PHONE", {}, true), sort++);
        AmoCustomFields::create(account, type, spec(QStringLiteral("Email"), "multitext", "EMAIL", {}, true),
                                sort++);
    }
    AmoCustomFields::create(account, "contacts",
                            spec(QStringLiteral("Должность"), "text", "POSITION", {}, true), sort++);
    AmoCustomFields::create(account, "companies", spec(QStringLiteral("Web"), "url", "WEB", {}, true),
                            sort++);
    AmoCustomFields::create(account, "companies",
                            spec(QStringLiteral("Адрес"), "textarea", "ADDRESS", {}, true), sort++);
    if (!demo)
        return;
    AmoCustomFields::create(account, "contacts", spec(QStringLiteral("Город"), "text"), sort++);
    const QList<QJsonObject> leadFields {
        spec(QStringLiteral("Номер заказа"), "text"),
        spec(QStringLiteral("Способ доставки"), "select", {},
             { QStringLiteral("Курьер"), QStringLiteral("Самовывоз"), QStringLiteral("Почта России"),
               QStringLiteral("СДЭК") }),
        spec(QStringLiteral("Способ оплаты"), "select", {},
             { QStringLiteral("Онлайн картой"), QStringLiteral("Наличными курьеру"),
               QStringLiteral("Счёт для юрлица") }),
        spec(QStringLiteral("Город"), "text"),
        spec(QStringLiteral("Адрес доставки"), "textarea"),
        spec(QStringLiteral("Комментарий к заказу"), "textarea"),
        spec(QStringLiteral("Дата доставки"), "date"),
        spec(QStringLiteral("Доп. услуги"), "multiselect", {},
             { QStringLiteral("Подарочная упаковка"), QStringLiteral("Сборка"),
               QStringLiteral("Подъём на этаж") }),
        spec(QStringLiteral("Источник"), "select", {},
             { QStringLiteral("Сайт"), QStringLiteral("Звонок"), QStringLiteral("Маркетплейс") }),
        spec(QStringLiteral("utm_source"), "text"),
        spec(QStringLiteral("utm_medium"), "text"),
        spec(QStringLiteral("utm_campaign"), "text"),
    };
    for (const QJsonObject &f : leadFields)
        AmoCustomFields::create(account, "leads", f, sort++);
}

void AmoSeed::demoEntities(AmoAccount &account, qint64 now)
{
    const QList<qint64> userIds = account.users.keys();
    const qint64 anna = userIds.value(0);
    const qint64 igor = userIds.value(1);
    const qint64 maria = userIds.value(2);
    const qint64 orders = account.mainPipelineId();
    qint64 requests = 0;
    for (const QJsonObject &p : std::as_const(account.pipelines)) {
        if (!p.value("is_main").toBool())
            requests = p.value("id").toInteger();
    }
    const qint64 city = fieldId(account, "contacts", QStringLiteral("Город"));
    struct Person
    {
        QString name, phone, phoneCode, email, city;
    };
    const QList<Person> people {
        { QStringLiteral("Иван Иванов"), QStringLiteral("+79123456789"), QStringLiteral("MOB"),
          QStringLiteral("ivan.ivanov@example.ru"), QStringLiteral("Москва") },
        { QStringLiteral("Ольга Соколова"), QStringLiteral("89031234567"), QStringLiteral("MOB"),
          QStringLiteral("olga.sokolova@mail.ru"), QStringLiteral("Санкт-Петербург") },
        { QStringLiteral("Пётр Васильев"), QStringLiteral("+7 (916) 555-12-34"), QStringLiteral("WORK"),
          QString(), QStringLiteral("Казань") },
        { QStringLiteral("Екатерина Морозова"), QStringLiteral("8-926-777-88-99"), QStringLiteral("MOB"),
          QStringLiteral("e.morozova@yandex.ru"), QStringLiteral("Екатеринбург") },
        { QStringLiteral("Алексей Новиков"), QStringLiteral("+79995551122"), QStringLiteral("WORK"),
          QStringLiteral("novikov@vector-trade.ru"), QStringLiteral("Москва") },
    };
    QList<qint64> contactIds;
    qint64 at = now - 30 * 86400;
    for (const Person &p : people) {
        const qint64 id = account.allocateId(QStringLiteral("contact"));
        QJsonObject c = entity(account, "contacts", id, p.name, anna, at);
        c.insert("first_name", p.name.section(QLatin1Char(' '), 0, 0));
        c.insert("last_name", p.name.section(QLatin1Char(' '), 1));
        c.insert("is_unsorted", false);
        QJsonArray values { multitext("PHONE", p.phone, p.phoneCode.toLatin1().constData()) };
        if (!p.email.isEmpty())
            values.append(multitext("EMAIL", p.email, "WORK"));
        values.append(text(city, p.city));
        setFields(account, "contacts", c, values);
        QJsonObject embedded = c.value("_embedded").toObject();
        embedded.insert("companies", QJsonArray());
        c.insert("_embedded", embedded);
        account.contacts.insert(id, c);
        contactIds.append(id);
        at += 3 * 86400;
    }
    const qint64 companyId = account.allocateId(QStringLiteral("company"));
    QJsonObject company = entity(account, "companies", companyId, QStringLiteral("ООО «Вектор Трейд»"), igor,
                                 now - 20 * 86400);
    setFields(
        account, "companies", company,
        QJsonArray { multitext("PHONE", QStringLiteral("+74951234567"), "WORK"),
                     text(fieldId(account, "companies", "WEB"), QStringLiteral("https://vector-trade.ru")) });
    account.companies.insert(companyId, company);
    QJsonObject &novikov = account.contacts[contactIds[4]];
    QJsonObject embedded = novikov.value("_embedded").toObject();
    embedded.insert("companies", QJsonArray { QJsonObject { { "id", companyId } } });
    novikov.insert("_embedded", embedded);

    auto field = [&](const QString &name) { return fieldId(account, "leads", name); };
    auto choice = [&](const QString &name, const QString &value) {
        return QJsonObject { { "field_id", field(name) },
                             { "values", QJsonArray { QJsonObject { { "value", value } } } } };
    };
    struct Deal
    {
        QString name;
        qint64 price, pipeline, status;
        int contact;
        qint64 responsible;
        QJsonArray fields;
    };
    const QList<Deal> deals {
        { QStringLiteral("Заказ #1001"),
          4590,
          orders,
          statusId(account, orders, QStringLiteral("Новый заказ")),
          0,
          anna,
          { text(field(QStringLiteral("Номер заказа")), "1001"),
            choice(QStringLiteral("Способ доставки"), QStringLiteral("Курьер")),
            choice(QStringLiteral("Способ оплаты"), QStringLiteral("Онлайн картой")),
            text(field("utm_source"), "yandex") } },
        { QStringLiteral("Заказ #1002"),
          12800,
          orders,
          statusId(account, orders, QStringLiteral("Оплачен")),
          1,
          maria,
          { text(field(QStringLiteral("Номер заказа")), "1002"),
            choice(QStringLiteral("Способ доставки"), QStringLiteral("СДЭК")),
            choice(QStringLiteral("Способ оплаты"), QStringLiteral("Онлайн картой")),
            text(field(QStringLiteral("Город")), QStringLiteral("Санкт-Петербург")) } },
        { QStringLiteral("Заказ #1003"),
          2300,
          orders,
          142,
          2,
          maria,
          { text(field(QStringLiteral("Номер заказа")), "1003"),
            choice(QStringLiteral("Способ доставки"), QStringLiteral("Самовывоз")) } },
        { QStringLiteral("Заказ #1004"),
          7650,
          orders,
          143,
          3,
          anna,
          { text(field(QStringLiteral("Номер заказа")), "1004"),
            choice(QStringLiteral("Способ оплаты"), QStringLiteral("Наличными курьеру")) } },
        { QStringLiteral("Оптовая заявка: Вектор Трейд"),
          150000,
          requests,
          statusId(account, requests, QStringLiteral("Взята в работу")),
          4,
          igor,
          { choice(QStringLiteral("Источник"), QStringLiteral("Звонок")) } },
        { QStringLiteral("Заявка с сайта"),
          0,
          requests,
          statusId(account, requests, QStringLiteral("Новая заявка")),
          0,
          anna,
          { choice(QStringLiteral("Источник"), QStringLiteral("Сайт")),
            text(field("utm_source"), "google") } },
    };
    at = now - 10 * 86400;
    for (const Deal &d : deals) {
        const qint64 id = account.allocateId(QStringLiteral("lead"));
        QJsonObject lead = entity(account, "leads", id, d.name, d.responsible, at);
        lead.insert("price", d.price);
        lead.insert("status_id", d.status);
        lead.insert("pipeline_id", d.pipeline);
        lead.insert("loss_reason_id", QJsonValue::Null);
        lead.insert("closed_at",
                    d.status == 142 || d.status == 143 ? QJsonValue(at + 3600)
                                                       : QJsonValue(QJsonValue::Null));
        lead.insert("score", QJsonValue::Null);
        lead.insert("labor_cost", QJsonValue::Null);
        setFields(account, "leads", lead, d.fields);
        QJsonObject e = lead.value("_embedded").toObject();
        e.insert("contacts",
                 QJsonArray { QJsonObject { { "id", contactIds[d.contact] }, { "is_main", true } } });
        e.insert("companies",
                 d.contact == 4 ? QJsonArray { QJsonObject { { "id", companyId } } } : QJsonArray());
        lead.insert("_embedded", e);
        account.leads.insert(id, lead);
        at += 86400;
    }
    const qint64 catalogId = account.allocateId(QStringLiteral("catalog"));
    account.catalogs.insert(catalogId,
                            QJsonObject { { "id", catalogId },
                                          { "name", QStringLiteral("Товары") },
                                          { "created_by", anna },
                                          { "updated_by", anna },
                                          { "created_at", now - 60 * 86400 },
                                          { "updated_at", now - 60 * 86400 },
                                          { "sort", 10 },
                                          { "type", "products" },
                                          { "can_add_elements", true },
                                          { "can_show_in_cards", true },
                                          { "can_link_multiple", true },
                                          { "can_be_deleted", false },
                                          { "sdk_widget_code", QJsonValue::Null },
                                          { "account_id", account.id } });
    const QString catalogKey = QStringLiteral("catalogs/%1").arg(catalogId);
    AmoCatalogsApi::addProductFields(account, catalogId);
    const qint64 sku = fieldId(account, catalogKey, QStringLiteral("SKU"));
    const qint64 price = fieldId(account, catalogKey, QStringLiteral("PRICE"));
    const QList<QPair<QString, QString>> products { { QStringLiteral("Чайник электрический"), "2490" },
                                                    { QStringLiteral("Кофемолка"), "3190" },
                                                    { QStringLiteral("Набор кружек (6 шт.)"), "1290" } };
    int n = 1;
    for (const auto &[name, cost] : products) {
        const qint64 id = account.allocateId(QStringLiteral("element"));
        QJsonObject element { { "id", id },
                              { "name", name },
                              { "created_by", anna },
                              { "updated_by", anna },
                              { "created_at", now - 50 * 86400 },
                              { "updated_at", now - 50 * 86400 },
                              { "is_deleted", false },
                              { "custom_fields_values", QJsonValue::Null },
                              { "catalog_id", catalogId },
                              { "account_id", account.id } };
        setFields(account, catalogKey, element,
                  QJsonArray { text(sku, QStringLiteral("RM-%1").arg(n++, 4, 10, QLatin1Char('0'))),
                               text(price, cost) });
        account.catalogElements.insert(id, element);
    }
    const qint64 customerId = account.allocateId(QStringLiteral("customer"));
    QJsonObject customer
        = entity(account, "customers", customerId, QStringLiteral("Иван Иванов"), anna, now - 25 * 86400);
    customer.insert("next_price", 4590);
    customer.insert("next_date", now + 5 * 86400);
    customer.insert("status_id", 0);
    customer.insert("periodicity", 30);
    customer.insert("ltv", 9180);
    customer.insert("purchases_count", 2);
    customer.insert("average_check", 4590);
    QJsonObject ce = customer.value("_embedded").toObject();
    ce.insert("contacts", QJsonArray { QJsonObject { { "id", contactIds[0] } } });
    customer.insert("_embedded", ce);
    account.customers.insert(customerId, customer);
    // Two segments of dynamic segmentation, as a shop selling cameras sets them up (seed 003).
    int sort = 0;
    for (const auto &[name, color] :
         { std::pair { "Фотографы", "#99ccff" }, std::pair { "Постоянные", "#ffcc66" } }) {
        const qint64 id = account.allocateId(QStringLiteral("segment"));
        account.segments.insert(id,
                                QJsonObject { { "id", id },
                                              { "name", QString::fromUtf8(name) },
                                              { "color", QLatin1String(color) },
                                              { "sort", sort += 10 },
                                              { "created_at", now - 90 * 86400 },
                                              { "updated_at", now - 90 * 86400 },
                                              { "customers_count", 0 },
                                              { "account_id", account.id } });
    }
    for (int i = 0; i < 2; ++i) {
        const qint64 id = account.allocateId(QStringLiteral("transaction"));
        account.transactions.insert(
            id,
            QJsonObject { { "id", id },
                          { "comment", QStringLiteral("Покупка в интернет-магазине") },
                          { "price", 4590 },
                          { "completed_at", now - (25 - i * 10) * 86400 },
                          { "customer_id", customerId },
                          { "created_by", anna },
                          { "updated_by", anna },
                          { "created_at", now - (25 - i * 10) * 86400 },
                          { "updated_at", now - (25 - i * 10) * 86400 },
                          { "is_deleted", false },
                          { "account_id", account.id } });
    }
}

} // namespace Sandbox::AmoCrm
