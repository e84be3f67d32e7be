// SPDX-License-Identifier: GPL-3.0-or-later
#include "BitrixDemoShop.h"

#include "BitrixDemoSchema.h"
#include "SaleOrderReader.h"
#include "SaleStatusWriter.h"

#include <QRandomGenerator>

namespace Source::Bitrix {

using Common::Error;
using Common::Result;

namespace {

struct Person
{
    qint64 userId = 0;
    bool legal = false;
    QString name, phone, email, city, zip, address, company, inn;
};

struct Product
{
    qint64 id = 0;
    QString name, article;
    double price = 0;
    double grams = 0;
    bool clothing = false;
};

const char *const kMaleFirst[] = { "Александр", "Дмитрий", "Сергей", "Андрей", "Алексей", "Иван", "Михаил" };
const char *const kFemaleFirst[] = { "Анна", "Мария", "Елена", "Ольга", "Наталья", "Татьяна", "Юлия" };
const char *const kLast[] = { "Иванов", "Смирнов", "Кузнецов", "Попов", "Васильев", "Петров", "Соколов" };
const char *const kLatinLast[]
    = { "ivanov", "smirnov", "kuznetsov", "popov", "vasiliev", "petrov", "sokolov" };
const char *const kCities[] = { "Москва", "Санкт-Петербург", "Казань", "Екатеринбург", "Новосибирск" };
const char *const kStreets[] = { "ул. Ленина", "пр. Мира", "ул. Садовая", "ул. Гагарина", "Невский пр." };
const char *const kCompanies[]
    = { "ООО «Ромашка»", "АО «Вектор»", "ООО «Техносервис»", "ИП Белов А. В.", "ООО «Север-Трейд»" };
const char *const kMailHosts[] = { "mail.ru", "yandex.ru", "gmail.com", "bk.ru" };
const char *const kUtmSources[] = { "yandex", "google", "vk", "telegram" };
const char *const kSizes[] = { "S", "M", "L", "XL" };
const char *const kColors[] = { "чёрный", "синий", "бежевый", "зелёный" };

// {parent index or -1, name}
const std::pair<int, const char *> kSections[] = {
    { -1, "Одежда" }, { 0, "Мужская" },   { 0, "Женская" }, { 1, "Куртки" },      { 2, "Платья" },
    { -1, "Обувь" },  { 5, "Кроссовки" }, { 5, "Ботинки" }, { -1, "Аксессуары" }, { 8, "Сумки" },
};
// {section index, name, price, grams, clothing}
const std::tuple<int, const char *, int, int, bool> kProducts[] = {
    { 3, "Куртка зимняя «Аляска»", 12990, 1800, true }, { 3, "Ветровка лёгкая", 4590, 500, true },
    { 4, "Платье льняное", 3990, 300, true },           { 4, "Платье вечернее", 8990, 400, true },
    { 6, "Кроссовки беговые", 6490, 900, false },       { 6, "Кеды городские", 3290, 800, false },
    { 7, "Ботинки кожаные", 9990, 1400, false },        { 9, "Сумка-тоут", 2990, 600, false },
    { 9, "Рюкзак городской", 4490, 900, false },        { 8, "Ремень кожаный", 1490, 200, false },
};

// The order properties: {id, person type, name, type, code, flags, sort}. The legal entity's codes
// differ from the private person's on purpose: the reader finds them by their flags.
struct PropSpec
{
    int id;
    int personType;
    const char *name;
    const char *type;
    const char *code;
    const char *flags; // p payer, e email, t phone, a address, z zip, l location, n profile name, u util
};
const PropSpec kProps[] = {
    { 1, 1, "Ф.И.О.", "STRING", "FIO", "pn" },
    { 2, 1, "E-Mail", "STRING", "EMAIL", "e" },
    { 3, 1, "Телефон", "STRING", "PHONE", "t" },
    { 4, 1, "Индекс", "STRING", "ZIP", "z" },
    { 5, 1, "Местоположение", "LOCATION", "LOCATION", "l" },
    { 6, 1, "Адрес доставки", "STRING", "ADDRESS", "a" },
    { 7, 1, "UTM source", "STRING", "UTM_SOURCE", "u" },
    { 8, 1, "UTM medium", "STRING", "UTM_MEDIUM", "u" },
    { 9, 1, "UTM campaign", "STRING", "UTM_CAMPAIGN", "u" },
    { 10, 2, "Название компании", "STRING", "COMPANY", "n" },
    { 11, 2, "Контактное лицо", "STRING", "CONTACT_PERSON", "p" },
    { 12, 2, "E-Mail", "STRING", "E_MAIL_UL", "e" },
    { 13, 2, "Телефон", "STRING", "CONTACT_PHONE", "t" },
    { 14, 2, "ИНН", "STRING", "INN", "" },
    { 15, 2, "Юридический адрес", "STRING", "COMPANY_ADR", "a" },
    { 16, 2, "UTM source", "STRING", "UTM_SOURCE", "u" },
    { 17, 2, "UTM medium", "STRING", "UTM_MEDIUM", "u" },
    { 18, 2, "UTM campaign", "STRING", "UTM_CAMPAIGN", "u" },
};

QString at(const QDateTime &time)
{
    return SaleOrderReader::fromDateTime(time);
}

class Builder
{
public:
    Builder(ShopDb &db, quint32 seed)
        : m_db(db)
        , m_rng(seed)
    { }

    Common::Status directories();
    Common::Status catalogue();
    Common::Status forms(int count, const QDateTime &end, int days);
    Result<qint64> formResult(const QDateTime &when, const QString &name, const QString &phone,
                              const QString &comment, const QString &utm);
    Result<Person> person(int index, bool legal);
    Common::Status order(const QDateTime &when, const Person &buyer, const QString &site, bool history,
                         const QDateTime &now);
    Common::Status loadProducts();

    BitrixDemoShop::Stats stats;

private:
    int pick(int n) { return int(m_rng.bounded(n)); }
    template<typename T, size_t N> T pick(T (&array)[N]) { return array[m_rng.bounded(int(N))]; }
    Result<qint64> insert(const QString &sql, const QVariantList &binds);
    QString t(const char *table) const { return m_db.table(table); }

    ShopDb &m_db;
    QRandomGenerator m_rng;
    QList<Product> m_products;
    qint64 m_nextUser = 1000;
};

Result<qint64> Builder::insert(const QString &sql, const QVariantList &binds)
{
    auto query = m_db.exec(sql, binds);
    if (!query)
        return query.error();
    return ShopDb::insertId(query.value());
}

Common::Status Builder::directories()
{
    QList<std::pair<QString, QVariantList>> rows;
    const QString personType = QStringLiteral("INSERT INTO %1 (ID, LID, NAME, SORT) VALUES (?, 's1', ?, ?)")
                                   .arg(t("sale_person_type"));
    rows.append({ personType, { 1, QStringLiteral("Физическое лицо"), 100 } });
    rows.append({ personType, { 2, QStringLiteral("Юридическое лицо"), 200 } });
    const QString domain = QStringLiteral("INSERT INTO %1 (PERSON_TYPE_ID, DOMAIN) VALUES (?, ?)")
                               .arg(t("sale_bizval_persondomain"));
    rows.append({ domain, { 1, QStringLiteral("I") } });
    rows.append({ domain, { 2, QStringLiteral("E") } });
    const QString prop
        = QStringLiteral("INSERT INTO %1 (ID, PERSON_TYPE_ID, NAME, TYPE, CODE, SORT, IS_PAYER,"
                         " IS_EMAIL, IS_PHONE, IS_ADDRESS, IS_ZIP, IS_LOCATION, IS_PROFILE_NAME,"
                         " UTIL) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
              .arg(t("sale_order_props"));
    for (const PropSpec &p : kProps) {
        const QString flags = QLatin1String(p.flags);
        auto flag = [&flags](char c) {
            return flags.contains(QLatin1Char(c)) ? QStringLiteral("Y") : QStringLiteral("N");
        };
        rows.append({ prop,
                      { p.id, p.personType, QString::fromUtf8(p.name), QLatin1String(p.type),
                        QLatin1String(p.code), p.id * 10, flag('p'), flag('e'), flag('t'), flag('a'),
                        flag('z'), flag('l'), flag('n'), flag('u') } });
    }
    const QString status
        = QStringLiteral("INSERT INTO %1 (ID, TYPE, SORT, COLOR) VALUES (?, ?, ?, ?)").arg(t("sale_status"));
    const QString statusLang
        = QStringLiteral("INSERT INTO %1 (STATUS_ID, LID, NAME) VALUES (?, ?, ?)").arg(t("sale_status_lang"));
    const std::tuple<const char *, const char *, int, const char *, const char *, const char *> statuses[] = {
        { "N", "O", 100, "#2B7CE9", "Принят, ожидается оплата", "Accepted, payment is expected" },
        { "P", "O", 200, "#16A34A", "Оплачен, формируется к отправке", "Paid, being prepared" },
        { "S", "O", 300, "#F59E0B", "Отправлен", "Shipped" },
        { "F", "O", 400, "#6B7280", "Выполнен", "Completed" },
        { "DN", "D", 100, "#2B7CE9", "Ожидает обработки", "Awaiting processing" },
        { "DF", "D", 200, "#6B7280", "Отгружен", "Shipped" },
    };
    for (const auto &[id, type, sort, color, ru, en] : statuses) {
        rows.append({ status, { QLatin1String(id), QLatin1String(type), sort, QLatin1String(color) } });
        rows.append({ statusLang, { QLatin1String(id), QStringLiteral("ru"), QString::fromUtf8(ru) } });
        rows.append({ statusLang, { QLatin1String(id), QStringLiteral("en"), QString::fromUtf8(en) } });
    }
    const QString delivery
        = QStringLiteral("INSERT INTO %1 (ID, CODE, PARENT_ID, NAME, ACTIVE, SORT, CLASS_NAME,"
                         " CURRENCY) VALUES (?, ?, 0, ?, 'Y', ?, ?, 'RUB')")
              .arg(t("sale_delivery_srv"));
    const std::tuple<int, const char *, const char *> deliveries[] = {
        { 1, "Без доставки", "\\Sale\\Handlers\\Delivery\\EmptyDeliveryService" },
        { 2, "Курьер по городу", "\\Bitrix\\Sale\\Delivery\\Services\\Configurable" },
        { 3, "Самовывоз", "\\Bitrix\\Sale\\Delivery\\Services\\Configurable" },
        { 4, "Почта России", "\\Sale\\Handlers\\Delivery\\RussianpostHandler" },
    };
    for (const auto &[id, name, className] : deliveries)
        rows.append({ delivery,
                      { id, QStringLiteral("d%1").arg(id), QString::fromUtf8(name), id * 100,
                        QLatin1String(className) } });
    const QString pay
        = QStringLiteral("INSERT INTO %1 (ID, NAME, SORT) VALUES (?, ?, ?)").arg(t("sale_pay_system"));
    rows.append({ pay, { 1, QStringLiteral("Наличными курьеру"), 100 } });
    rows.append({ pay, { 2, QStringLiteral("Банковской картой онлайн"), 200 } });
    rows.append({ pay, { 3, QStringLiteral("Счёт для юридических лиц"), 300 } });
    for (const auto &[sql, binds] : rows) {
        if (auto done = insert(sql, binds); !done)
            return done.error();
    }
    return {};
}

Common::Status Builder::catalogue()
{
    if (auto group
        = insert(QStringLiteral("INSERT INTO %1 (ID, NAME, BASE, SORT) VALUES (1, 'BASE', 'Y', 100)")
                     .arg(t("catalog_group")),
                 {});
        !group)
        return group.error();
    QList<qint64> sections;
    int margin = 1;
    for (const auto &[parent, name] : kSections) {
        auto id
            = insert(QStringLiteral("INSERT INTO %1 (IBLOCK_ID, IBLOCK_SECTION_ID, NAME, SORT, LEFT_MARGIN,"
                                    " DEPTH_LEVEL) VALUES (2, ?, ?, ?, ?, ?)")
                         .arg(t("iblock_section")),
                     { parent < 0 ? QVariant() : QVariant(sections[parent]), QString::fromUtf8(name), 500,
                       margin++, parent < 0 ? 1 : 2 });
        if (!id)
            return id.error();
        sections << id.value();
        ++stats.categories;
    }
    int n = 0;
    for (const auto &[section, name, price, grams, clothing] : kProducts) {
        auto id
            = insert(QStringLiteral("INSERT INTO %1 (IBLOCK_ID, IBLOCK_SECTION_ID, NAME, SORT, XML_ID, CODE)"
                                    " VALUES (2, ?, ?, ?, ?, ?)")
                         .arg(t("iblock_element")),
                     { sections[section], QString::fromUtf8(name), 500, QStringLiteral("x%1").arg(++n),
                       QStringLiteral("item-%1").arg(n) });
        if (!id)
            return id.error();
        auto linked
            = insert(QStringLiteral("INSERT INTO %1 (IBLOCK_SECTION_ID, IBLOCK_ELEMENT_ID) VALUES (?, ?)")
                         .arg(t("iblock_section_element")),
                     { sections[section], id.value() });
        if (!linked)
            return linked.error();
        // The catalog module: stock and weight, and the base price.
        auto stocked
            = insert(QStringLiteral("INSERT INTO %1 (ID, QUANTITY, WEIGHT, AVAILABLE) VALUES (?, ?, ?, 'Y')")
                         .arg(t("catalog_product")),
                     { id.value(), 5 + pick(40), grams });
        if (!stocked)
            return stocked.error();
        auto priced = insert(QStringLiteral("INSERT INTO %1 (PRODUCT_ID, CATALOG_GROUP_ID, PRICE, CURRENCY)"
                                            " VALUES (?, 1, ?, 'RUB')")
                                 .arg(t("catalog_price")),
                             { id.value(), price });
        if (!priced)
            return priced.error();
        ++stats.products;
    }
    return loadProducts();
}

Common::Status Builder::loadProducts()
{
    auto query = m_db.exec(QStringLiteral("SELECT ID, NAME FROM %1 ORDER BY ID").arg(t("iblock_element")));
    if (!query)
        return query.error();
    m_products.clear();
    int i = 0;
    while (query->next() && i < int(std::size(kProducts))) {
        const auto &[section, name, price, grams, clothing] = kProducts[i++];
        m_products.append({ query->value(0).toLongLong(), query->value(1).toString(),
                            QStringLiteral("ART-%1").arg(1000 + i), double(price), double(grams), clothing });
    }
    query = Result<QSqlQuery>(QSqlQuery());
    auto maxUser = m_db.scalar(QStringLiteral("SELECT MAX(USER_ID) FROM %1").arg(t("sale_order")));
    if (maxUser && maxUser->toLongLong() >= m_nextUser)
        m_nextUser = maxUser->toLongLong() + 1;
    return {};
}

Result<Person> Builder::person(int index, bool legal)
{
    Person p;
    p.userId = m_nextUser++;
    p.legal = legal;
    const bool female = pick(2) == 0;
    const int last = pick(int(std::size(kLast)));
    p.name = QString::fromUtf8(female ? pick(kFemaleFirst) : pick(kMaleFirst)) + QLatin1Char(' ')
        + QString::fromUtf8(kLast[last]) + (female ? QStringLiteral("а") : QString());
    const QString digits
        = QStringLiteral("9%1").arg(100'000'000 + pick(899'999'999), 9, 10, QLatin1Char('0'));
    p.phone = pick(2) == 0 ? QStringLiteral("+7 (%1) %2-%3-%4")
                                 .arg(digits.mid(0, 3), digits.mid(3, 3), digits.mid(6, 2), digits.mid(8, 2))
                           : QStringLiteral("8") + digits;
    p.email = QStringLiteral("%1.%2@%3")
                  .arg(QLatin1String(kLatinLast[last]))
                  .arg(index)
                  .arg(QLatin1String(pick(kMailHosts)));
    p.city = QString::fromUtf8(pick(kCities));
    p.zip = QString::number(100000 + pick(800000));
    p.address = QStringLiteral("%1, %2, д. %3, кв. %4")
                    .arg(p.city, QString::fromUtf8(pick(kStreets)))
                    .arg(1 + pick(120))
                    .arg(1 + pick(200));
    if (legal) {
        p.company = QString::fromUtf8(pick(kCompanies));
        p.inn = QString::number(7700000000LL + pick(99999999));
    }
    return p;
}

Common::Status Builder::order(const QDateTime &when, const Person &buyer, const QString &site, bool history,
                              const QDateTime &now)
{
    const int personType = buyer.legal ? 2 : 1;
    // The shop's delivery ↔ payment restrictions: cash only by courier or at the pick-up point, an
    // invoice (legal entities) only by post; a card goes with any delivery.
    const int paySystem = buyer.legal ? 3 : 1 + pick(2);
    const int deliveryId = paySystem == 3 ? 4 : paySystem == 1 ? 2 + pick(2) : 2 + pick(3);
    const double deliveryPrice = deliveryId == 3 ? 0 : deliveryId == 2 ? 300 : 350;
    // Older orders have moved on; the newest are still new.
    QString status = QStringLiteral("N");
    if (history) {
        const qint64 ageDays = when.daysTo(now);
        const int roll = pick(100);
        if (ageDays > 14)
            status = roll < 70 ? QStringLiteral("F") : roll < 85 ? QStringLiteral("S") : QStringLiteral("N");
        else if (ageDays > 2)
            status = roll < 50 ? QStringLiteral("P") : QStringLiteral("N");
    }
    const bool paid = status != QLatin1String("N");
    const QDateTime statusAt
        = status == QLatin1String("N") ? when : std::min(when.addSecs(3600 * (1 + pick(48))), now);
    QList<std::tuple<Product, int, QString, QString>> lines;
    double cart = 0;
    for (int i = 0, n = 1 + pick(3); i < n; ++i) {
        const Product &product = m_products[pick(int(m_products.size()))];
        const int quantity = 1 + (pick(4) == 0 ? 1 : 0);
        lines.append(
            { product, quantity, QString::fromUtf8(pick(kSizes)), QString::fromUtf8(pick(kColors)) });
        cart += product.price * quantity;
    }
    const double total = cart + deliveryPrice;
    auto id = insert(
        QStringLiteral(
            "INSERT INTO %1 (LID, PERSON_TYPE_ID, PAYED, STATUS_ID, DATE_STATUS, PRICE_DELIVERY,"
            " PRICE, CURRENCY, USER_ID, PAY_SYSTEM_ID, DELIVERY_ID, DATE_INSERT, DATE_UPDATE,"
            " USER_DESCRIPTION, SUM_PAID) VALUES (?, ?, ?, ?, ?, ?, ?, 'RUB', ?, ?, ?, ?, ?, ?, ?)")
            .arg(t("sale_order")),
        { site, personType, paid ? QStringLiteral("Y") : QStringLiteral("N"), status, at(statusAt),
          deliveryPrice, total, buyer.userId, paySystem, QString::number(deliveryId), at(when), at(statusAt),
          pick(4) == 0 ? QStringLiteral("Позвоните за час до доставки") : QString(), paid ? total : 0.0 });
    if (!id)
        return id.error();
    const qint64 orderId = id.value();
    // Bitrix numbers an order after inserting it (the default template is the id; this shop uses a prefix).
    if (auto numbered = m_db.exec(
            QStringLiteral("UPDATE %1 SET ACCOUNT_NUMBER = ? WHERE ID = ?").arg(t("sale_order")),
            { QStringLiteral("%1-%2").arg(when.toString(QStringLiteral("yyMM"))).arg(orderId), orderId });
        !numbered)
        return numbered.error();
    for (const auto &[product, quantity, size, colour] : std::as_const(lines)) {
        auto basket = insert(
            QStringLiteral("INSERT INTO %1 (FUSER_ID, ORDER_ID, PRODUCT_ID, PRICE, CURRENCY, BASE_PRICE,"
                           " DATE_INSERT, DATE_UPDATE, WEIGHT, QUANTITY, LID, NAME, MODULE,"
                           " PRODUCT_XML_ID, CATALOG_XML_ID) VALUES (?, ?, ?, ?, 'RUB', ?, ?, ?, ?, ?, ?,"
                           " ?, 'catalog', ?, 'catalog')")
                .arg(t("sale_basket")),
            { buyer.userId, orderId, product.id, product.price, product.price, at(when), at(when),
              product.grams, quantity, site, product.name, QStringLiteral("x%1").arg(product.id) });
        if (!basket)
            return basket.error();
        QList<std::tuple<QString, QString, QString>> props
            = { { QStringLiteral("Артикул"), product.article, QStringLiteral("ARTNUMBER") },
                { QStringLiteral("Catalog XML_ID"), QStringLiteral("catalog"),
                  QStringLiteral("CATALOG.XML_ID") } };
        if (product.clothing) {
            props.append({ QStringLiteral("Размер"), size, QStringLiteral("SIZE") });
            props.append({ QStringLiteral("Цвет"), colour, QStringLiteral("COLOR") });
        }
        int sort = 100;
        for (const auto &[name, value, code] : std::as_const(props)) {
            auto done = insert(
                QStringLiteral("INSERT INTO %1 (BASKET_ID, NAME, VALUE, CODE, SORT) VALUES (?, ?, ?, ?, ?)")
                    .arg(t("sale_basket_props")),
                { basket.value(), name, value, code, sort += 10 });
            if (!done)
                return done.error();
        }
    }
    QList<std::pair<int, QString>> values;
    const int base = buyer.legal ? 10 : 1;
    if (buyer.legal) {
        values = { { 10, buyer.company }, { 11, buyer.name }, { 12, buyer.email },
                   { 13, buyer.phone },   { 14, buyer.inn },  { 15, buyer.address } };
    } else {
        values = { { 1, buyer.name },
                   { 2, buyer.email },
                   { 3, buyer.phone },
                   { 4, buyer.zip },
                   { 5, QStringLiteral("00000%1").arg(73738 + pick(5)) },
                   { 6, buyer.address } };
    }
    if (pick(5) < 2) {
        const int utm = base + (buyer.legal ? 6 : 6);
        values.append({ utm, QString::fromUtf8(pick(kUtmSources)) });
        values.append({ utm + 1, pick(2) == 0 ? QStringLiteral("cpc") : QStringLiteral("social") });
        values.append({ utm + 2, QStringLiteral("sale_%1").arg(when.toString(QStringLiteral("MMyy"))) });
        ++stats.utmOrders;
    }
    for (const auto &[propId, value] : std::as_const(values)) {
        const PropSpec &spec = kProps[propId - 1];
        auto done = insert(
            QStringLiteral(
                "INSERT INTO %1 (ORDER_ID, ORDER_PROPS_ID, NAME, VALUE, CODE) VALUES (?, ?, ?, ?, ?)")
                .arg(t("sale_order_props_value")),
            { orderId, propId, QString::fromUtf8(spec.name), value, QLatin1String(spec.code) });
        if (!done)
            return done.error();
    }
    const QString payName = paySystem == 1 ? QStringLiteral("Наличными курьеру")
        : paySystem == 2                   ? QStringLiteral("Банковской картой онлайн")
                                           : QStringLiteral("Счёт для юридических лиц");
    if (auto done
        = insert(QStringLiteral("INSERT INTO %1 (ORDER_ID, PAID, DATE_PAID, PAY_SYSTEM_ID, SUM, CURRENCY,"
                                " PAY_SYSTEM_NAME, ACCOUNT_NUMBER) VALUES (?, ?, ?, ?, ?, 'RUB', ?, ?)")
                     .arg(t("sale_order_payment")),
                 { orderId, paid ? QStringLiteral("Y") : QStringLiteral("N"),
                   paid ? QVariant(at(statusAt)) : QVariant(), paySystem, total, payName,
                   QStringLiteral("%1/1").arg(orderId) });
        !done)
        return done.error();
    const QString deliveryName = deliveryId == 2 ? QStringLiteral("Курьер по городу")
        : deliveryId == 3                        ? QStringLiteral("Самовывоз")
                                                 : QStringLiteral("Почта России");
    // Bitrix keeps a SYSTEM shipment for what is not shipped yet, beside the real one.
    for (const bool system : { true, false }) {
        auto done = insert(
            QStringLiteral("INSERT INTO %1 (ORDER_ID, DATE_INSERT, STATUS_ID, PRICE_DELIVERY, DELIVERY_ID,"
                           " DELIVERY_NAME, SYSTEM, ALLOW_DELIVERY, DEDUCTED, TRACKING_NUMBER, CURRENCY)"
                           " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'RUB')")
                .arg(t("sale_order_delivery")),
            { orderId, at(when),
              status == QLatin1String("S") || status == QLatin1String("F") ? QStringLiteral("DF")
                                                                           : QStringLiteral("DN"),
              system ? 0.0 : deliveryPrice, system ? 1 : deliveryId,
              system ? QStringLiteral("Без доставки") : deliveryName,
              system ? QStringLiteral("Y") : QStringLiteral("N"),
              paid ? QStringLiteral("Y") : QStringLiteral("N"), QStringLiteral("N"),
              status == QLatin1String("S") && !system ? QStringLiteral("RA%1RU").arg(100000 + orderId)
                                                      : QString() });
        if (!done)
            return done.error();
    }
    if (status != QLatin1String("N")) {
        auto done = insert(
            QStringLiteral("INSERT INTO %1 (ORDER_ID, TYPE, DATA, DATE_CREATE, DATE_MODIFY, USER_ID, ENTITY,"
                           " ENTITY_ID) VALUES (?, 'ORDER_STATUS_CHANGED', ?, ?, ?, 1, 'ORDER', ?)")
                .arg(t("sale_order_change")),
            { orderId, SaleStatusWriter::historyData(status, QStringLiteral("N")), at(statusAt), at(statusAt),
              orderId });
        if (!done)
            return done.error();
        ++stats.statusChanges;
    }
    ++stats.orders;
    if (buyer.legal)
        ++stats.legalOrders;
    return {};
}

Common::Status Builder::forms(int count, const QDateTime &end, int days)
{
    auto form = insert(
        QStringLiteral("INSERT INTO %1 (ID, NAME, SID, FIRST_SITE_ID) VALUES (1, ?, 'CALLBACK', 's1')")
            .arg(t("form")),
        { QStringLiteral("Обратный звонок") });
    if (!form)
        return form.error();
    const std::tuple<int, const char *, const char *, int> fields[] = {
        { 1, "Ваше имя", "NAME", 100 },
        { 2, "Телефон", "PHONE", 200 },
        { 3, "Удобное время звонка", "SIMPLE_QUESTION_417", 300 },
        { 4, "utm_source", "utm_source", 400 },
    };
    for (const auto &[id, title, sid, sort] : fields) {
        auto done = insert(
            QStringLiteral(
                "INSERT INTO %1 (ID, FORM_ID, TITLE, SID, C_SORT, FIELD_TYPE) VALUES (?, 1, ?, ?, ?, 'text')")
                .arg(t("form_field")),
            { id, QString::fromUtf8(title), QLatin1String(sid), sort });
        if (!done)
            return done.error();
    }
    for (int i = 0; i < count; ++i) {
        Result<Person> p = person(5000 + i, false);
        const QDateTime when
            = end.addSecs(-qint64(days) * 86400 + qint64(i + 1) * days * 86400 / (count + 1));
        auto done
            = formResult(when, p->name, p->phone, pick(2) == 0 ? QStringLiteral("после 18:00") : QString(),
                         pick(3) == 0 ? QString::fromUtf8(pick(kUtmSources)) : QString());
        if (!done)
            return done.error();
    }
    return {};
}

Result<qint64> Builder::formResult(const QDateTime &when, const QString &name, const QString &phone,
                                   const QString &comment, const QString &utm)
{
    auto id = insert(
        QStringLiteral("INSERT INTO %1 (TIMESTAMP_X, DATE_CREATE, STATUS_ID, FORM_ID) VALUES (?, ?, 1, 1)")
            .arg(t("form_result")),
        { at(when), at(when) });
    if (!id)
        return id.error();
    const std::pair<int, QString> answers[] = { { 1, name }, { 2, phone }, { 3, comment }, { 4, utm } };
    for (const auto &[field, value] : answers) {
        if (value.isEmpty())
            continue;
        auto done = insert(
            QStringLiteral("INSERT INTO %1 (RESULT_ID, FORM_ID, FIELD_ID, USER_TEXT) VALUES (?, 1, ?, ?)")
                .arg(t("form_result_answer")),
            { id.value(), field, value });
        if (!done)
            return done.error();
    }
    ++stats.forms;
    return id.value();
}

template<typename F> Common::Status inTransaction(ShopDb &db, F work)
{
    if (auto begun = db.begin(); !begun)
        return begun;
    if (auto done = work(); !done) {
        db.rollback();
        return done;
    }
    return db.commit();
}

} // namespace

Result<BitrixDemoShop::Stats> BitrixDemoShop::generate(ShopDb &db, const Options &options)
{
    BitrixDemoSchema::Options schema;
    schema.charset = options.charset;
    if (auto created = BitrixDemoSchema::create(db, schema); !created)
        return created.error();
    // Nothing in the future: the reader's marks follow the shop's own clock. Whole seconds, as DATETIME.
    const QDateTime now = QDateTime::currentDateTime();
    const QDateTime end
        = options.end.isValid() ? options.end : now.addSecs(-600).addMSecs(-now.time().msec());
    Builder builder(db, options.seed);
    auto done = inTransaction(db, [&]() -> Common::Status {
        if (auto d = builder.directories(); !d)
            return d;
        if (auto c = builder.catalogue(); !c)
            return c;
        QList<Person> regulars;
        for (int i = 0; i < options.orders; ++i) {
            const QDateTime when = end.addSecs(-qint64(options.days) * 86400
                                               + qint64(i + 1) * options.days * 86400 / (options.orders + 1));
            Person buyer;
            // Every fifth order a legal entity; a quarter of the rest are returning buyers.
            if (!regulars.isEmpty() && i % 4 == 3) {
                buyer = regulars[i % regulars.size()];
            } else {
                auto made = builder.person(i, i % 5 == 4);
                if (!made)
                    return made.error();
                buyer = made.value();
                if (regulars.size() < 20)
                    regulars << buyer;
            }
            const QString site
                = i >= options.orders - options.otherSiteOrders ? QStringLiteral("s2") : QStringLiteral("s1");
            if (auto o = builder.order(when, buyer, site, true, end); !o)
                return o;
        }
        return builder.forms(options.forms, end, options.days);
    });
    if (!done)
        return done.error();
    return builder.stats;
}

Result<BitrixDemoShop::Stats> BitrixDemoShop::addOrders(ShopDb &db, int count, quint32 seed,
                                                        const QString &site)
{
    Builder builder(db, seed);
    auto done = inTransaction(db, [&]() -> Common::Status {
        if (auto loaded = builder.loadProducts(); !loaded)
            return loaded;
        const QDateTime now = QDateTime::currentDateTime();
        for (int i = 0; i < count; ++i) {
            auto buyer = builder.person(int(seed) * 100 + i, (int(seed) + i) % 3 == 0);
            if (!buyer)
                return buyer.error();
            if (auto o = builder.order(now, buyer.value(), site, false, now); !o)
                return o;
        }
        return {};
    });
    if (!done)
        return done.error();
    return builder.stats;
}

Result<BitrixDemoShop::Stats> BitrixDemoShop::addCompanyOrders(ShopDb &db, int count, const QString &company,
                                                               const QString &inn, quint32 seed)
{
    Builder builder(db, seed);
    auto done = inTransaction(db, [&]() -> Common::Status {
        if (auto loaded = builder.loadProducts(); !loaded)
            return loaded;
        auto buyer = builder.person(int(seed) * 100, true);
        if (!buyer)
            return buyer.error();
        buyer->company = company;
        buyer->inn = inn;
        const QDateTime now = QDateTime::currentDateTime();
        for (int i = 0; i < count; ++i) {
            if (auto o = builder.order(now, buyer.value(), QStringLiteral("s1"), false, now); !o)
                return o;
        }
        return {};
    });
    if (!done)
        return done.error();
    return builder.stats;
}

Common::Status BitrixDemoShop::editOrder(ShopDb &db, qint64 orderId, const QString &comment)
{
    auto done = db.exec(QStringLiteral("UPDATE %1 SET COMMENTS = ?, DATE_UPDATE = ? WHERE ID = ?")
                            .arg(db.table("sale_order")),
                        { comment, at(QDateTime::currentDateTime()), orderId });
    if (!done)
        return done.error();
    return {};
}

Common::Status BitrixDemoShop::setStatus(ShopDb &db, qint64 orderId, const QString &status,
                                         const QDateTime &when)
{
    if (auto begun = db.begin(); !begun)
        return begun.error();
    auto fail = [&db](const Common::Error &error) -> Common::Status {
        db.rollback();
        return error;
    };
    auto old = db.scalar(QStringLiteral("SELECT STATUS_ID FROM %1 WHERE ID = ?").arg(db.table("sale_order")),
                         { orderId });
    if (!old)
        return fail(old.error());
    const QString now = at(when.isValid() ? when : QDateTime::currentDateTime());
    for (auto step :
         { std::pair {
               QStringLiteral("UPDATE %1 SET STATUS_ID = ?, DATE_STATUS = ?, DATE_UPDATE = ? WHERE ID = ?")
                   .arg(db.table("sale_order")),
               QVariantList { status, now, now, orderId } },
           std::pair { QStringLiteral(
                           "INSERT INTO %1 (ORDER_ID, TYPE, DATA, DATE_CREATE, DATE_MODIFY, USER_ID,"
                           " ENTITY, ENTITY_ID) VALUES (?, 'ORDER_STATUS_CHANGED', ?, ?, ?, 1, 'ORDER', ?)")
                           .arg(db.table("sale_order_change")),
                       QVariantList { orderId,
                                      SaleStatusWriter::historyData(status, old->toString().trimmed()), now,
                                      now, orderId } } }) {
        if (auto done = db.exec(step.first, step.second); !done)
            return fail(done.error());
    }
    return db.commit();
}

Result<qint64> BitrixDemoShop::addFormResult(ShopDb &db, const QString &name, const QString &phone,
                                             const QString &comment, const QString &utmSource)
{
    Builder builder(db, 7);
    return builder.formResult(QDateTime::currentDateTime(), name, phone, comment, utmSource);
}

} // namespace Source::Bitrix
