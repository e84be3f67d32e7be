// SPDX-License-Identifier: GPL-3.0-or-later
#include "DemoShopGenerator.h"

#include "DemoSchema.h"
#include "OrderReader.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>

namespace Source::MiniShop2 {

using Common::Error;
using Common::Result;

namespace {

struct Person
{
    qint64 userId = 0;
    QString name, phone, email, city;
};

struct Product
{
    qint64 id = 0;
    QString name, article;
    double price = 0;
    double weight = 0;
};

const char *const kMaleFirst[]
    = { "Александр", "Дмитрий", "Сергей", "Андрей", "Алексей", "Иван", "Михаил", "Никита" };
const char *const kFemaleFirst[]
    = { "Анна", "Мария", "Елена", "Ольга", "Наталья", "Татьяна", "Юлия", "Екатерина" };
const char *const kLast[] = { "Иванов", "Смирнов", "Кузнецов", "Попов",  "Васильев",
                              "Петров", "Соколов", "Морозов",  "Волков", "Лебедев" };
const char *const kLatinLast[] = { "ivanov", "smirnov", "kuznetsov", "popov",  "vasiliev",
                                   "petrov", "sokolov", "morozov",   "volkov", "lebedev" };
const char *const kCities[]
    = { "Москва", "Санкт-Петербург", "Казань", "Екатеринбург", "Новосибирск", "Самара" };
const char *const kStreets[] = { "ул. Ленина", "пр. Мира", "ул. Садовая", "ул. Гагарина", "Невский пр." };
const char *const kMailHosts[] = { "mail.ru", "yandex.ru", "gmail.com", "bk.ru" };
const char *const kUtmSources[] = { "yandex", "google", "vk", "telegram" };
const char *const kSizes[] = { "S", "M", "L", "XL" };
const char *const kColors[] = { "чёрный", "синий", "бежевый", "зелёный" };

// {parent index or -1, name}; the first level sits under the catalog page.
const std::pair<int, const char *> kCategories[] = {
    { -1, "Одежда" }, { 0, "Мужская" },     { 0, "Женская" }, { 1, "Куртки" },        { 1, "Рубашки" },
    { 2, "Платья" },  { 2, "Куртки" },      { -1, "Обувь" },  { 7, "Мужская обувь" }, { 8, "Кроссовки" },
    { 8, "Ботинки" }, { -1, "Аксессуары" }, { 11, "Сумки" },  { 11, "Ремни" },        { -1, "Распродажа" },
};
constexpr int kSaleCategory = 14;

QString json(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

class Builder
{
public:
    Builder(ShopDb &db, const DemoShopGenerator::Options &options)
        : m_db(db)
        , m_options(options)
        , m_rng(options.seed)
    { }

    Result<DemoShopGenerator::Stats> run();
    Result<DemoShopGenerator::Stats> addOrders(int count);

private:
    int pick(int n) { return int(m_rng.bounded(n)); }
    template<typename T, size_t N> T pick(T (&array)[N]) { return array[m_rng.bounded(int(N))]; }
    Result<qint64> insert(const QString &sql, const QVariantList &binds);
    Common::Status catalog();
    Common::Status deliveries();
    Result<Person> newCustomer(int index);
    Common::Status order(int index, const QDateTime &at, const Person &person);
    Common::Status loadShop(const QString &month);

    ShopDb &m_db;
    DemoShopGenerator::Options m_options;
    QRandomGenerator m_rng;
    QList<Product> m_products;
    QList<qint64> m_categoryIds;
    QHash<QString, int> m_monthCounters;
    DemoShopGenerator::Stats m_stats;
};

Result<qint64> Builder::insert(const QString &sql, const QVariantList &binds)
{
    auto query = m_db.exec(sql, binds);
    if (!query)
        return query.error();
    return ShopDb::insertId(query.value());
}

Common::Status Builder::deliveries()
{
    const QString deliveries = QStringLiteral("INSERT INTO %1 (id, name, price, `rank`) VALUES (?, ?, ?, ?)")
                                   .arg(m_db.table("ms2_deliveries"));
    const QString payments = QStringLiteral("INSERT INTO %1 (id, name, `rank`) VALUES (?, ?, ?)")
                                 .arg(m_db.table("ms2_payments"));
    const QString links = QStringLiteral("INSERT INTO %1 (delivery_id, payment_id) VALUES (?, ?)")
                              .arg(m_db.table("ms2_delivery_payments"));
    const std::tuple<int, const char *, const char *> rows[] = { { 2, "Курьером по городу", "300" },
                                                                 { 3, "Почта России", "350" },
                                                                 { 4, "СДЭК до пункта выдачи", "250" } };
    for (const auto &[id, name, price] : rows) {
        if (auto done = insert(deliveries, { id, QString::fromUtf8(name), QLatin1String(price), id }); !done)
            return done.error();
    }
    const std::pair<int, const char *> payRows[] = { { 2, "Картой онлайн" }, { 3, "Счёт для юрлиц" } };
    for (const auto &[id, name] : payRows) {
        if (auto done = insert(payments, { id, QString::fromUtf8(name), id }); !done)
            return done.error();
    }
    const std::pair<int, int> pairs[] = { { 1, 2 }, { 2, 1 }, { 2, 2 }, { 3, 2 }, { 3, 3 }, { 4, 2 } };
    for (const auto &[delivery, payment] : pairs) {
        if (auto done = insert(links, { delivery, payment }); !done)
            return done.error();
    }
    return {};
}

Common::Status Builder::catalog()
{
    const QString resource = QStringLiteral("INSERT INTO %1 (pagetitle, alias, parent, isfolder, menuindex,"
                                            " class_key) VALUES (?, ?, ?, ?, ?, ?)")
                                 .arg(m_db.table("site_content"));
    if (auto home = insert(
            resource,
            { QStringLiteral("Главная"), QStringLiteral("index"), 0, 0, 0, QStringLiteral("modDocument") });
        !home)
        return home.error();
    // The catalog page is a plain document, as in most shops: not part of the category tree.
    auto catalogPage = insert(
        resource,
        { QStringLiteral("Каталог"), QStringLiteral("catalog"), 0, 1, 1, QStringLiteral("modDocument") });
    if (!catalogPage)
        return catalogPage.error();
    int menuIndex = 0;
    for (const auto &[parent, name] : kCategories) {
        const qint64 parentId = parent < 0 ? catalogPage.value() : m_categoryIds[parent];
        auto id = insert(resource,
                         { QString::fromUtf8(name), QStringLiteral("c%1").arg(menuIndex), parentId, 1,
                           menuIndex, QStringLiteral("msCategory") });
        if (!id)
            return id.error();
        m_categoryIds << id.value();
        ++menuIndex;
    }
    m_stats.categories = int(m_categoryIds.size());
    const QString productRow
        = QStringLiteral("INSERT INTO %1 (id, article, price, old_price, weight, remains)"
                         " VALUES (?, ?, ?, ?, ?, ?)")
              .arg(m_db.table("ms2_products"));
    const QString extra = QStringLiteral("INSERT INTO %1 (product_id, category_id) VALUES (?, ?)")
                              .arg(m_db.table("ms2_product_categories"));
    const int leaves[] = { 3, 4, 5, 6, 9, 10, 12, 13 };
    int article = 1;
    for (int leaf : leaves) {
        for (int n = 1; n <= 3; ++n) {
            const QString name
                = QStringLiteral("%1 «%2»")
                      .arg(QString::fromUtf8(kCategories[leaf].second))
                      .arg(QString::fromUtf8(pick(kColors)) + QLatin1Char(' ') + QString::number(n));
            auto id = insert(resource,
                             { name, QStringLiteral("p%1").arg(article), m_categoryIds[leaf], 0, n,
                               QStringLiteral("msProduct") });
            if (!id)
                return id.error();
            Product product { id.value(), name,
                              QStringLiteral("ART-%1").arg(article, 4, 10, QLatin1Char('0')),
                              double(990 + 500 * pick(12)), 0.2 + 0.1 * pick(10) };
            if (auto done = insert(productRow,
                                   { product.id, product.article, product.price, product.price * 1.2,
                                     product.weight, 10 + pick(50) });
                !done)
                return done.error();
            if (article % 4 == 0) {
                if (auto done = insert(extra, { product.id, m_categoryIds[kSaleCategory] }); !done)
                    return done.error();
            }
            m_products << product;
            ++article;
        }
    }
    m_stats.products = int(m_products.size());
    return {};
}

Result<Person> Builder::newCustomer(int index)
{
    const bool female = pick(2) == 1;
    const int last = pick(10);
    Person person;
    const QString first = QString::fromUtf8(female ? pick(kFemaleFirst) : pick(kMaleFirst));
    person.name
        = QString::fromUtf8(kLast[last]) + (female ? QStringLiteral("а ") : QStringLiteral(" ")) + first;
    const int code = 900 + pick(99);
    const int rest = 1000000 + int(m_rng.bounded(8999999));
    const QString digits = QString::number(rest);
    // People type phones both ways; the bridge must find them to be one contact.
    person.phone = pick(2) == 0
        ? QStringLiteral("+7 (%1) %2-%3-%4").arg(code).arg(digits.left(3), digits.mid(3, 2), digits.mid(5))
        : QStringLiteral("8 %1 %2 %3 %4").arg(code).arg(digits.left(3), digits.mid(3, 2), digits.mid(5));
    QString email = QStringLiteral("%1.%2@%3")
                        .arg(QLatin1String(kLatinLast[last]))
                        .arg(index)
                        .arg(QLatin1String(pick(kMailHosts)));
    if (index % 5 == 0)
        email[0] = email[0].toUpper(); // typed with a capital: normalised by the bridge
    person.email = email;
    person.city = QString::fromUtf8(pick(kCities));
    auto user = insert(
        QStringLiteral("INSERT INTO %1 (username, class_key) VALUES (?, 'modUser')").arg(m_db.table("users")),
        { email.toLower() });
    if (!user)
        return user.error();
    person.userId = user.value();
    auto profile = insert(
        QStringLiteral("INSERT INTO %1 (internalKey, fullname, email, phone, city) VALUES (?, ?, ?, ?, ?)")
            .arg(m_db.table("user_attributes")),
        { person.userId, person.name, email, person.phone, person.city });
    if (!profile)
        return profile.error();
    ++m_stats.customers;
    return person;
}

Common::Status Builder::order(int index, const QDateTime &at, const Person &person)
{
    const QString month = at.toString(QStringLiteral("yyMM"));
    const QString num = QStringLiteral("%1/%2").arg(month).arg(++m_monthCounters[month]);
    const int delivery = 1 + pick(4);
    const int payment = delivery == 1 ? 1 : 2;
    const double deliveryCost = delivery == 1 ? 0 : (delivery == 2 ? 300 : delivery == 3 ? 350 : 250);
    QList<std::tuple<Product, int, QJsonObject>> lines;
    double cart = 0, weight = 0;
    const int lineCount = 1 + pick(3);
    for (int i = 0; i < lineCount; ++i) {
        const Product &product = m_products[pick(int(m_products.size()))];
        const int count = 1 + (pick(4) == 0 ? 1 : 0);
        QJsonObject options { { QStringLiteral("size"), QLatin1String(pick(kSizes)) },
                              { QStringLiteral("color"), QString::fromUtf8(pick(kColors)) } };
        lines.append({ product, count, options });
        cart += product.price * count;
        weight += product.weight * count;
    }
    QJsonObject properties;
    if (index % 5 < 2) {
        properties.insert(QStringLiteral("utm_source"), QLatin1String(pick(kUtmSources)));
        properties.insert(QStringLiteral("utm_medium"), QStringLiteral("cpc"));
        properties.insert(QStringLiteral("utm_campaign"), QStringLiteral("autumn_sale"));
    }
    const int roll = pick(100);
    // Older orders went further through the process; the newest are mostly still new.
    QList<int> path { 1 };
    if (roll < 70)
        path << 2;
    if (roll < 55)
        path << 3;
    else if (roll >= 85)
        path << 4;
    if (index >= m_options.orders - 5)
        path = { 1 };
    const QString created = OrderReader::fromDateTime(at);
    const QString comment
        = index % 7 == 0 ? QStringLiteral("Позвоните, пожалуйста, перед доставкой") : QString();
    const QString street = QString::fromUtf8(pick(kStreets));
    const QString building = QString::number(1 + pick(120));
    const QString room = QString::number(1 + pick(300));
    const QString index6 = QString::number(100000 + pick(800000));
    const QString addressColumns
        = QStringLiteral("user_id, createdon, receiver, phone, email, country, `index`, city,"
                         " street, building, room");
    const QVariantList addressValues { person.userId, created,      person.name,
                                       person.phone,  person.email, QStringLiteral("Россия"),
                                       index6,        person.city,  street,
                                       building,      room };
    const bool layout3 = m_options.layout == 3;
    qint64 addressId = 0;
    if (layout3) {
        auto id = insert(QStringLiteral("INSERT INTO %1 (%2) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                             .arg(m_db.table("ms2_order_addresses"), addressColumns),
                         addressValues);
        if (!id)
            return id.error();
        addressId = id.value();
    }
    const QString commentColumn = layout3 ? QStringLiteral("comment") : QStringLiteral("order_comment");
    auto orderId = insert(
        QStringLiteral("INSERT INTO %1 (user_id, createdon, updatedon, num, cost, cart_cost,"
                       " delivery_cost, weight, status, delivery, payment, context, `%2`, properties%3)"
                       " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'web', ?, ?%4)")
            .arg(m_db.table("ms2_orders"), commentColumn, layout3 ? QStringLiteral(", address") : QString(),
                 layout3 ? QStringLiteral(", ?") : QString()),
        QVariantList { person.userId, created, created, num, cart + deliveryCost, cart, deliveryCost, weight,
                       path.last(), delivery, payment, comment,
                       properties.isEmpty() ? QString() : json(properties) }
            + (layout3 ? QVariantList { addressId } : QVariantList {}));
    if (!orderId)
        return orderId.error();
    if (!layout3) {
        auto id = insert(
            QStringLiteral("INSERT INTO %1 (order_id, %2) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .arg(m_db.table("ms2_order_addresses"), addressColumns),
            QVariantList { orderId.value() } + addressValues);
        if (!id)
            return id.error();
    }
    for (const auto &[product, count, options] : lines) {
        auto id
            = insert(QStringLiteral(
                         "INSERT INTO %1 (product_id, order_id, name, `count`, price, weight, cost, options)"
                         " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                         .arg(m_db.table("ms2_order_products")),
                     { product.id, orderId.value(), product.name, count, product.price,
                       product.weight * count, product.price * count, json(options) });
        if (!id)
            return id.error();
    }
    QDateTime logAt = at;
    for (int status : path) {
        auto id = insert(
            QStringLiteral("INSERT INTO %1 (user_id, order_id, `timestamp`, action, entry, ip)"
                           " VALUES (?, ?, ?, 'status', ?, '{}')")
                .arg(m_db.table("ms2_order_logs")),
            { status == 1 ? person.userId : 1, orderId.value(), OrderReader::fromDateTime(logAt), status });
        if (!id)
            return id.error();
        ++m_stats.logs;
        logAt = logAt.addSecs(3600 * (4 + pick(40)));
    }
    ++m_stats.orders;
    return {};
}

Result<DemoShopGenerator::Stats> Builder::run()
{
    if (m_options.orders < 0 || m_options.orders > 100000)
        return Error::invalidInput(QStringLiteral("--orders must be between 0 and 100000"));
    DemoSchema::Options schema;
    schema.layout = m_options.layout;
    schema.commentColumn = m_options.layout == 3 ? QStringLiteral("comment") : QString();
    if (auto created = DemoSchema::create(m_db, schema); !created)
        return created.error();
    if (auto begun = m_db.begin(); !begun)
        return begun.error();
    auto fail = [this](const Error &error) -> Result<DemoShopGenerator::Stats> {
        m_db.rollback();
        return error;
    };
    if (auto done = DemoSchema::insertDefaults(m_db); !done)
        return fail(done.error());
    if (auto done = deliveries(); !done)
        return fail(done.error());
    if (auto done = catalog(); !done)
        return fail(done.error());
    QDateTime end = m_options.end;
    if (!end.isValid())
        end = QDateTime(QDate::currentDate(), QTime(18, 0));
    const qint64 spanSecs = qint64(m_options.days) * 86400;
    QList<Person> customers;
    for (int i = 0; i < m_options.orders; ++i) {
        // About a third of the orders come from people who ordered before.
        Person person;
        if (!customers.isEmpty() && pick(3) == 0) {
            person = customers[pick(int(customers.size()))];
        } else {
            auto created = newCustomer(int(customers.size()) + 1);
            if (!created)
                return fail(created.error());
            person = created.value();
            customers << person;
        }
        const qint64 offset = m_options.orders <= 1 ? 0 : spanSecs - spanSecs * i / (m_options.orders - 1);
        const QDateTime at = end.addSecs(-offset).addSecs(-qint64(pick(3600)));
        if (auto done = order(i, at, person); !done)
            return fail(done.error());
    }
    if (auto committed = m_db.commit(); !committed)
        return fail(committed.error());
    return m_stats;
}

Common::Status Builder::loadShop(const QString &month)
{
    auto products
        = m_db.exec(QStringLiteral("SELECT p.id, c.pagetitle, p.article, p.price, p.weight FROM %1 p"
                                   " JOIN %2 c ON c.id = p.id ORDER BY p.id")
                        .arg(m_db.table("ms2_products"), m_db.table("site_content")));
    if (!products)
        return products.error();
    while (products->next()) {
        m_products << Product { products->value(0).toLongLong(), products->value(1).toString(),
                                products->value(2).toString(), products->value(3).toDouble(),
                                products->value(4).toDouble() };
    }
    if (m_products.isEmpty())
        return Error::invalidInput(
            QStringLiteral("The shop has no products: build it with generate() first"));
    // Numbers go on from this month's last one, as miniShop2 counts them.
    auto numbered = m_db.scalar(
        QStringLiteral("SELECT COUNT(*) FROM %1 WHERE num LIKE ?").arg(m_db.table("ms2_orders")),
        { month + QStringLiteral("/%") });
    if (!numbered)
        return numbered.error();
    m_monthCounters[month] = numbered->toInt();
    return {};
}

Result<DemoShopGenerator::Stats> Builder::addOrders(int count)
{
    if (count < 0 || count > 100000)
        return Error::invalidInput(QStringLiteral("between 0 and 100000 orders at a time"));
    const QDateTime now = QDateTime::currentDateTime();
    if (auto begun = m_db.begin(); !begun)
        return begun.error();
    auto fail = [this](const Error &error) -> Result<DemoShopGenerator::Stats> {
        m_db.rollback();
        return error;
    };
    if (auto loaded = loadShop(now.toString(QStringLiteral("yyMM"))); !loaded)
        return fail(loaded.error());
    auto people = m_db.scalar(QStringLiteral("SELECT COUNT(*) FROM %1").arg(m_db.table("users")));
    if (!people)
        return fail(people.error());
    // The index only keeps the generated emails unique; every new order is at "new" (index past the end).
    m_options.orders = 0;
    for (int i = 0; i < count; ++i) {
        // About one order in four comes from someone who ordered before.
        auto returning = m_db.exec(QStringLiteral("SELECT internalKey, fullname, phone, email, city FROM %1"
                                                  " ORDER BY internalKey LIMIT 1 OFFSET ?")
                                       .arg(m_db.table("user_attributes")),
                                   { pick(std::max(1, people->toInt())) });
        if (!returning)
            return fail(returning.error());
        Person person;
        if (pick(4) == 0 && returning->next()) {
            person = { returning->value(0).toLongLong(), returning->value(1).toString(),
                       returning->value(2).toString(), returning->value(3).toString(),
                       returning->value(4).toString() };
        } else {
            auto created = newCustomer(people->toInt() + m_stats.customers + 1);
            if (!created)
                return fail(created.error());
            person = created.value();
        }
        if (auto done = order(i, now, person); !done)
            return fail(done.error());
    }
    if (auto committed = m_db.commit(); !committed)
        return fail(committed.error());
    return m_stats;
}

} // namespace

Result<DemoShopGenerator::Stats> DemoShopGenerator::generate(ShopDb &db, const Options &options)
{
    return Builder(db, options).run();
}

Result<DemoShopGenerator::Stats> DemoShopGenerator::addOrders(ShopDb &db, int count, int layout, quint32 seed)
{
    Options options;
    options.layout = layout;
    options.seed = seed;
    return Builder(db, options).addOrders(count);
}

} // namespace Source::MiniShop2
