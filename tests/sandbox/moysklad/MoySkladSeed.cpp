// SPDX-License-Identifier: GPL-3.0-or-later
#include "MoySkladSeed.h"

#include "MoySkladEntities.h"
#include "MoySkladStore.h"
#include "common/SandboxClock.h"

#include <QJsonArray>

namespace Sandbox::MoySklad {

namespace {

constexpr qint64 kHourMs = 3600 * 1000;

struct Seeder
{
    MoySkladStore &store;
    MoySkladEntities entities { store };

    /** Creates an object as if made @p hoursAgo hours before now. */
    QString add(const QString &type, const QJsonObject &fields, double hoursAgo = 0)
    {
        ApiError error;
        const QJsonObject created = entities.create(type, fields, &error);
        Q_ASSERT(!error.isError());
        const QString id = created.value("id").toString();
        if (hoursAgo > 0) {
            QJsonObject *row = store.find(type, id);
            const QString then = MoySkladStore::moscowTime(store.clock.nowMs() - qint64(hoursAgo * kHourMs));
            row->insert("created", then);
            row->insert("updated", then);
            if (row->contains("moment"))
                row->insert("moment", then.left(16) + QStringLiteral(":00.000"));
        }
        return id;
    }

    QJsonObject link(const QString &type, const QString &id) const { return store.link(type, id); }

    QJsonObject price(qint64 kopecks) const
    {
        return QJsonObject { { "salePrices", QJsonArray { QJsonObject { { "value", double(kopecks) } } } } };
    }
};

void seedDemo(Seeder &s, const QString &organization, const QString &retailStore, const QString &store)
{
    const QString photo = s.add("productfolder", { { "name", "Фототехника" }, { "code", "F-01" } }, 400);
    const QString cameras = s.add(
        "productfolder", { { "name", "Камеры" }, { "productFolder", s.link("productfolder", photo) } }, 400);
    const QString accessories
        = s.add("productfolder",
                { { "name", "Аксессуары" }, { "productFolder", s.link("productfolder", photo) } }, 400);
    struct Item
    {
        const char *name, *article, *description;
        qint64 kopecks;
        QString folder;
    };
    const QList<Item> items {
        { "Камера Sony A7 IV", "SONY-A7M4", "Полнокадровая беззеркальная камера, 33 Мп", 21999000, cameras },
        { "Камера Canon EOS R8", "CANON-R8", "Лёгкая полнокадровая камера", 13499000, cameras },
        { "Объектив 50 мм f/1.8", "LENS-50", "Светосильный портретный объектив", 1899000, accessories },
        { "Карта памяти 128 ГБ", "SD-128", "SDXC UHS-II", 459000, accessories },
        { "Штатив дорожный", "TRIPOD-T1", "Алюминиевый, до 8 кг", 649050, accessories },
    };
    QList<QString> products;
    for (const Item &item : items) {
        QJsonObject p = s.price(item.kopecks);
        p.insert("name", QString::fromUtf8(item.name));
        p.insert("article", item.article);
        p.insert("description", QString::fromUtf8(item.description));
        p.insert("productFolder", s.link("productfolder", item.folder));
        products.append(s.add("product", p, 390));
    }
    const QString program = s.add("bonusprogram",
                                  { { "name", "Бонусы Фото-Маркета" },
                                    { "active", true },
                                    { "allProducts", true },
                                    { "allAgents", true },
                                    { "earnRateRoublesToPoint", 100 },
                                    { "spendRatePointsToRouble", 1 },
                                    { "maxPaidRatePercents", 30 },
                                    { "welcomeBonusesEnabled", true },
                                    { "welcomeBonusesMode", "REGISTRATION" },
                                    { "welcomeBonusesValue", 500 } },
                                  380);
    struct Buyer
    {
        const char *name, *phone, *email, *card, *type;
    };
    const QList<Buyer> buyers {
        { "Иванова Мария Сергеевна", "+7 916 123-45-67", "maria.ivanova@example.ru", "2000000000017",
          "individual" },
        { "Петров Алексей", "+79031112233", "petrov.a@example.ru", "2000000000024", "individual" },
        { "Смирнова Ольга Викторовна", "8 (925) 555-01-02", "", "2000000000031", "individual" },
        { "Кузнецов Дмитрий", "+7 999 000-11-22", "d.kuznetsov@example.ru", "", "individual" },
        { "ООО «Фотостудия Кадр»", "+7 495 777-88-99", "info@kadr-studio.example.ru", "", "legal" },
        { "ИП Соколов Игорь Петрович", "+7 812 300-40-50", "sokolov@example.ru", "", "entrepreneur" },
    };
    QList<QString> agents;
    for (const Buyer &b : buyers) {
        QJsonObject c { { "name", QString::fromUtf8(b.name) },
                        { "companyType", b.type },
                        { "phone", QString::fromUtf8(b.phone) } };
        if (*b.email)
            c.insert("email", b.email);
        if (*b.card) {
            c.insert("discountCardNumber", b.card);
            c.insert("bonusProgram", s.link("bonusprogram", program));
        }
        if (QLatin1String(b.type) == QLatin1String("legal"))
            c.insert("legalTitle", QString::fromUtf8(b.name));
        agents.append(s.add("counterparty", c, 300));
    }
    // Welcome points for the members of the bonus program.
    for (int i = 0; i < 3; ++i)
        s.add("bonustransaction",
              { { "agent", s.link("counterparty", agents[i]) },
                { "bonusProgram", s.link("bonusprogram", program) },
                { "transactionType", "EARNING" },
                { "categoryType", "WELCOME" },
                { "bonusValue", 500 } },
              299);
    struct Sale
    {
        int agent;
        QList<QPair<int, int>> lines; // product, quantity
        double hoursAgo;
    };
    const QList<Sale> sales {
        { 0, { { 0, 1 }, { 3, 2 } }, 72 }, { 1, { { 2, 1 } }, 50 },           { 0, { { 4, 1 } }, 30 },
        { 2, { { 1, 1 }, { 3, 1 } }, 20 }, { 4, { { 0, 2 }, { 2, 2 } }, 10 }, { 3, { { 3, 3 } }, 4 },
    };
    for (const Sale &sale : sales) {
        QJsonArray positions;
        for (const auto &[product, quantity] : sale.lines) {
            positions.append(QJsonObject { { "assortment", s.link("product", products[product]) },
                                           { "quantity", quantity },
                                           { "price", double(items[product].kopecks) } });
        }
        const QString id = s.add("retaildemand",
                                 { { "agent", s.link("counterparty", agents[sale.agent]) },
                                   { "organization", s.link("organization", organization) },
                                   { "retailStore", s.link("retailstore", retailStore) },
                                   { "store", s.link("store", store) },
                                   { "positions", positions } },
                                 sale.hoursAgo);
        const double sum = s.store.find("retaildemand", id)->value("sum").toDouble();
        s.store.find("retaildemand", id)->insert("cashSum", sum);
        // One point per 100 roubles for the members (earnRateRoublesToPoint).
        if (sale.agent <= 2)
            s.add("bonustransaction",
                  { { "agent", s.link("counterparty", agents[sale.agent]) },
                    { "bonusProgram", s.link("bonusprogram", program) },
                    { "transactionType", "EARNING" },
                    { "bonusValue", double(qint64(sum / 100 / 100)) },
                    { "parentDocument", s.link("retaildemand", id) } },
                  sale.hoursAgo);
    }
    s.add("customerorder",
          { { "agent", s.link("counterparty", agents[1]) },
            { "organization", s.link("organization", organization) },
            { "positions",
              QJsonArray { QJsonObject { { "assortment", s.link("product", products[1]) },
                                         { "quantity", 1 },
                                         { "price", double(items[1].kopecks) } } } } },
          6);
}

/** The @p n-th of the demo's generated buyers: a private person with a phone and, for most, an e-mail. */
QJsonObject generatedBuyer(int n)
{
    static const char *const kNames[]
        = { "Соколова Анна", "Морозов Павел", "Волкова Елена",  "Лебедев Сергей",
            "Козлова Дарья", "Новиков Артём", "Павлова Ксения", "Фёдоров Илья" };
    QJsonObject buyer { { "name", QStringLiteral("%1 %2").arg(QString::fromUtf8(kNames[n % 8])).arg(n + 1) },
                        { "companyType", "individual" },
                        { "phone", QStringLiteral("+7 926 %1").arg(1000000 + n, 7, 10, QLatin1Char('0')) } };
    if (n % 3 != 2)
        buyer.insert("email", QStringLiteral("buyer%1@example.ru").arg(n + 1));
    return buyer;
}

} // namespace

void MoySkladSeed::fill(MoySkladStore &store, const QString &profile)
{
    Seeder s { store };
    const QString organization
        = s.add("organization", { { "name", "ООО «Фото-Маркет»" }, { "companyType", "legal" } }, 500);
    const QString warehouse = s.add("store", { { "name", "Основной склад" } }, 500);
    const QString retailStore = s.add("retailstore", { { "name", "Магазин на Тверской" } }, 500);
    if (profile != QLatin1String("demo"))
        return;
    seedDemo(s, organization, retailStore, warehouse);
    // A shop with history: the extra sales spread over the last two days, oldest first.
    const int extra = store.options.demoSales;
    for (int n = 0; n < extra; ++n)
        ringUpSale(store, n, 48.0 * (extra - n) / (extra + 1));
}

QString MoySkladSeed::ringUpSale(MoySkladStore &store, int n, double hoursAgo)
{
    Seeder s { store };
    const QList<QJsonObject> products = store.rows(QStringLiteral("product"));
    QList<QJsonObject> people;
    for (const QJsonObject &agent : store.rows(QStringLiteral("counterparty"))) {
        if (agent.value("companyType").toString() == QLatin1String("individual"))
            people.append(agent);
    }
    if (products.isEmpty() || store.rows(QStringLiteral("organization")).isEmpty())
        return {};
    // Every fifth sale is to somebody who never bought here before; the rest to a returning buyer.
    QString agent;
    if (people.isEmpty() || n % 5 == 4)
        agent = s.add("counterparty", generatedBuyer(n), hoursAgo);
    else
        agent = people.at((n * 7) % people.size()).value("id").toString();
    QJsonArray positions;
    for (int line = 0; line <= n % 2; ++line) {
        const QJsonObject &product = products.at((n * 3 + line) % products.size());
        positions.append(QJsonObject {
            { "assortment", s.link("product", product.value("id").toString()) },
            { "quantity", 1 + (n + line) % 2 },
            { "price", product.value("salePrices").toArray().first().toObject().value("value") } });
    }
    QJsonObject sale { { "agent", s.link("counterparty", agent) },
                       { "organization",
                         s.link("organization",
                                store.rows(QStringLiteral("organization")).first().value("id").toString()) },
                       { "positions", positions } };
    if (!store.rows(QStringLiteral("retailstore")).isEmpty())
        sale.insert(
            "retailStore",
            s.link("retailstore", store.rows(QStringLiteral("retailstore")).first().value("id").toString()));
    if (!store.rows(QStringLiteral("store")).isEmpty())
        sale.insert("store",
                    s.link("store", store.rows(QStringLiteral("store")).first().value("id").toString()));
    const QString id = s.add("retaildemand", sale, hoursAgo);
    QJsonObject *row = store.find("retaildemand", id);
    row->insert("cashSum", row->value("sum"));
    return id;
}

} // namespace Sandbox::MoySklad
