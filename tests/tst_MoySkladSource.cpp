// SPDX-License-Identifier: GPL-3.0-or-later
// The MoySklad source against the MoySklad sandbox over loopback: private persons only, retail sales
// as purchases, customer orders, marks that neither repeat nor skip, a start at "latest", a refused
// token, and the 45-per-3-s budget kept (the sandbox's counters say so), also when the server charges
// 4 units per request.

#include "moysklad/MoySkladSandbox.h"
#include "sandbox/tests/MoySkladTestClient.h"
#include "source/SourceRegistry.h"
#include "source/moysklad/MoySkladClient.h"
#include "source/moysklad/MoySkladRegistration.h"
#include "source/moysklad/MoySkladSource.h"

#include <QTest>

using namespace Sandbox::Testing;
using Model::ShopEvent;
using Sandbox::MoySklad::MoySkladSandbox;
using Sandbox::MoySklad::MoySkladSandboxOptions;
using Source::Marks;
using Source::MoySklad::MoySkladSource;

class TestMoySkladSource : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void readsPrivatePersonsFromTheBeginning();
    void startsAtLatestAndPollsByUpdated();
    void marksNeitherRepeatNorSkip();
    void refusedTokenIsAnAuthError();
    void staysInsideTheBudget();
    void followsAHeavierRequestWeight();
    void waitsOutA429();
    void registeredAsMoySklad();
    void signsInWithALogin();

private:
    std::unique_ptr<Source::ShopSource> open(const QString &start, int requestsPer3s = 45);
    QJsonObject sale(const QString &agentName, qint64 priceKopecks, int quantity = 1);
    QJsonObject link(const QString &type, const QString &filter);

    std::unique_ptr<MoySkladSandbox> m_sandbox;
    std::unique_ptr<MoySkladTestClient> m_client;
};

void TestMoySkladSource::initTestCase()
{
    MoySkladSandboxOptions options;
    options.seed = QStringLiteral("demo");
    m_sandbox = std::make_unique<MoySkladSandbox>(options);
    QString error;
    QVERIFY2(m_sandbox->start(&error), qPrintable(error));
    m_client = std::make_unique<MoySkladTestClient>(m_sandbox->baseUrl());
}

void TestMoySkladSource::init()
{
    QVERIFY(m_client->control("reset").value("ok").toBool());
    m_client->control("rate-limit", { { "budget", 45 }, { "weight", 1 }, { "window_ms", 3000 } });
    m_client->basic = (m_sandbox->login() + ':' + m_sandbox->password()).toUtf8();
    m_client->token = m_client->send("POST", "/security/token").object().value("access_token").toString();
    m_client->basic.clear();
    QVERIFY(!m_client->token.isEmpty());
}

std::unique_ptr<Source::ShopSource> TestMoySkladSource::open(const QString &start, int requestsPer3s)
{
    Source::SourceRecord record;
    record.name = QStringLiteral("sklad");
    record.kind = QStringLiteral("moysklad");
    record.url = m_sandbox->apiUrl().toString();
    // Sales as purchases (the default; named here as an operator would).
    record.config = QJsonObject { { "start", start },
                                  { "requests_per_3s", requestsPer3s },
                                  { "sales_as", "purchases" } };
    auto config = Source::MoySklad::MoySkladConfig::fromRecord(record, m_client->token.toLatin1());
    if (!config)
        return {};
    auto source = MoySkladSource::open(config.value());
    if (!source)
        return {};
    return std::move(source).value();
}

QJsonObject TestMoySkladSource::link(const QString &type, const QString &filter)
{
    const QJsonObject row = m_client->get("/entity/" + type + "?filter=" + MoySkladTestClient::enc(filter))
                                .object()
                                .value("rows")
                                .toArray()
                                .first()
                                .toObject();
    return QJsonObject { { "meta", row.value("meta") } };
}

QJsonObject TestMoySkladSource::sale(const QString &agentName, qint64 priceKopecks, int quantity)
{
    return m_client->control(
        "ui/retaildemand",
        { { "agent", link("counterparty", "name=" + agentName) },
          { "organization", link("organization", "name~Фото") },
          { "positions",
            QJsonArray { QJsonObject { { "assortment", link("product", "article=CANON-R8") },
                                       { "quantity", quantity },
                                       { "price", double(priceKopecks) } } } } });
}

void TestMoySkladSource::readsPrivatePersonsFromTheBeginning()
{
    auto source = open("beginning");
    QVERIFY(source);
    auto read = source->read({}, 100);
    QVERIFY2(read, read ? "" : qPrintable(read.error().toString()));
    QMap<ShopEvent::Kind, int> kinds;
    for (const ShopEvent &e : read->events)
        ++kinds[e.kind];
    // Four private buyers (the company and the entrepreneur are left out), then each of the seven bonus
    // transactions of the three card holders (3 welcome, 4 sales) saves its buyer again with the points
    // of now.
    QCOMPARE(kinds.value(ShopEvent::Kind::CustomerSaved), 4 + 7);
    QCOMPARE(kinds.value(ShopEvent::Kind::PurchaseMade), 5); // six sales, one of them to the company
    QCOMPARE(kinds.value(ShopEvent::Kind::OrderCreated), 1);
    QVERIFY(!read->more);
    QCOMPARE(read->marks.keys(), (QStringList { "bonus", "customers", "orders", "retail" }));

    // Maria's first sale: a Sony and two memory cards, 229 170 ₽, in roubles and UTC.
    const auto isMaria = [](const ShopEvent &e) {
        return e.kind == ShopEvent::Kind::PurchaseMade
            && e.customer == QStringLiteral("Иванова Мария Сергеевна");
    };
    const auto first = std::find_if(read->events.begin(), read->events.end(), isMaria);
    QVERIFY(first != read->events.end());
    const Model::ShopOrder order = Model::ShopOrder::fromJson(first->payload);
    QCOMPARE(order.cost, 229170.0);
    QCOMPARE(order.lines.size(), 2);
    QCOMPARE(order.lines.at(0).name, QStringLiteral("Камера Sony A7 IV"));
    QCOMPARE(order.lines.at(0).price, 219990.0);
    QCOMPARE(order.lines.at(1).quantity, 2.0);
    QCOMPARE(order.customer.extra.value("bonus_card").toString(), QStringLiteral("2000000000017"));
    QCOMPARE(first->phone, QStringLiteral("+79161234567"));
    QCOMPARE(order.createdAt.timeSpec(), Qt::UTC);
    const QJsonObject shown = m_client->get("/entity/retaildemand/" + first->entityId).object();
    QCOMPARE(order.createdAt.addSecs(3 * 3600).toString("yyyy-MM-dd HH:mm"),
             shown.value("moment").toString().left(16));
    QCOMPARE(first->idempotencyKey(), "purchase:sklad:" + first->entityId + ":sale");

    // Read again from the marks: nothing new.
    auto again = source->read(read->marks, 100);
    QVERIFY(again);
    QCOMPARE(again->events.size(), 0);
}

void TestMoySkladSource::startsAtLatestAndPollsByUpdated()
{
    auto source = open("latest");
    QVERIFY(source);
    auto first = source->read({}, 100);
    QVERIFY(first);
    QCOMPARE(first->events.size(), 0); // a live account: what is there already is not sent
    Marks marks = first->marks;
    QCOMPARE(marks.size(), 4);

    QVERIFY(sale("Петров Алексей", 1234500).contains("id"));
    QVERIFY(sale("ООО «Фотостудия Кадр»", 999900).contains("id")); // a company: not read
    m_client->control(
        "ui/counterparty",
        { { "name", "Новикова Елена" }, { "companyType", "individual" }, { "phone", "+7 926 111-22-33" } });
    auto second = source->read(marks, 100);
    QVERIFY(second);
    QCOMPARE(second->events.size(), 2);
    QCOMPARE(second->events.at(0).kind, ShopEvent::Kind::CustomerSaved);
    QCOMPARE(second->events.at(0).customer, QStringLiteral("Новикова Елена"));
    QCOMPARE(second->events.at(1).kind, ShopEvent::Kind::PurchaseMade);
    QCOMPARE(Model::ShopOrder::fromJson(second->events.at(1).payload).cost, 12345.0);
    for (auto it = second->marks.begin(); it != second->marks.end(); ++it)
        marks.insert(it.key(), it.value());

    // An edit of a buyer comes back as a new save; an edit of a sale does not make a second purchase.
    const QString petrov = link("counterparty", "name=Петров Алексей")
                               .value("meta")
                               .toObject()
                               .value("href")
                               .toString()
                               .section('/', -1);
    m_client->control("clock", { { "advance", 1 } });
    m_client->control("ui/counterparty", { { "id", petrov }, { "email", "alexey@example.ru" } });
    auto third = source->read(marks, 100);
    QVERIFY(third);
    QCOMPARE(third->events.size(), 1);
    QCOMPARE(third->events.first().kind, ShopEvent::Kind::CustomerSaved);
    QCOMPARE(third->events.first().email, QStringLiteral("alexey@example.ru"));
    for (auto it = third->marks.begin(); it != third->marks.end(); ++it)
        marks.insert(it.key(), it.value());

    // Points granted in MoySklad: the buyer is saved again with the new balance.
    const QJsonObject agent = link("counterparty", "name=Петров Алексей");
    QVERIFY(m_client
                ->control("ui/bonustransaction",
                          { { "agent", agent }, { "transactionType", "EARNING" }, { "bonusValue", 300 } })
                .contains("id"));
    auto fourth = source->read(marks, 100);
    QVERIFY(fourth);
    QCOMPARE(fourth->events.size(), 1);
    QCOMPARE(fourth->events.first().kind, ShopEvent::Kind::CustomerSaved);
    QCOMPARE(Model::Customer::fromJson(fourth->events.first().payload).extra.value("bonus_points").toDouble(),
             500.0 + 189 + 300);
}

void TestMoySkladSource::marksNeitherRepeatNorSkip()
{
    auto source = open("beginning");
    QVERIFY(source);
    // Pages of two: every purchase arrives exactly once over the rounds, `more` until the end.
    Marks marks;
    QStringList purchases;
    int rounds = 0;
    bool more = true;
    while (more && rounds < 20) {
        auto read = source->read(marks, 2);
        QVERIFY(read);
        for (const ShopEvent &e : read->events) {
            if (e.kind == ShopEvent::Kind::PurchaseMade)
                purchases.append(e.entityId);
        }
        for (auto it = read->marks.begin(); it != read->marks.end(); ++it)
            marks.insert(it.key(), it.value());
        more = read->more;
        ++rounds;
    }
    QCOMPARE(purchases.size(), 5);
    QCOMPARE(QSet<QString>(purchases.begin(), purchases.end()).size(), 5);
    QVERIFY(rounds >= 3);
}

void TestMoySkladSource::refusedTokenIsAnAuthError()
{
    Source::SourceRecord record;
    record.name = QStringLiteral("sklad");
    record.kind = QStringLiteral("moysklad");
    record.url = m_sandbox->apiUrl().toString();
    auto config
        = Source::MoySklad::MoySkladConfig::fromRecord(record, "0000000000000000000000000000000000000000");
    QVERIFY(config);
    auto source = MoySkladSource::open(config.value());
    QVERIFY(!source);
    QCOMPARE(source.error().kind, Common::ErrorKind::Auth);
    QVERIFY(source.error().message.contains("1056"));
    // No token at all is refused before any request.
    QCOMPARE(Source::MoySklad::MoySkladConfig::fromRecord(record, {}).error().kind, Common::ErrorKind::Auth);
    record.url = QStringLiteral("https://user:pw@api.moysklad.ru/api/remap/1.2");
    QCOMPARE(Source::MoySklad::MoySkladConfig::fromRecord(record, "t").error().kind,
             Common::ErrorKind::InvalidInput);
}

void TestMoySkladSource::staysInsideTheBudget()
{
    // 30 new sales, read one row per stream and round: about 110 requests, faster than 45 per 3 s if
    // unchecked.
    // The links are looked up once: the test's own API requests share the user's budget.
    const QJsonObject agent = link("counterparty", "name=Смирнова Ольга Викторовна");
    const QJsonObject organization = link("organization", "name~Фото");
    const QJsonObject product = link("product", "article=SD-128");
    for (int i = 0; i < 30; ++i) {
        const QJsonObject sold = m_client->control(
            "ui/retaildemand",
            { { "agent", agent },
              { "organization", organization },
              { "positions",
                QJsonArray { QJsonObject {
                    { "assortment", product }, { "quantity", 1 }, { "price", 100000 + i } } } } });
        QVERIFY(sold.contains("id"));
    }
    auto source = open("beginning");
    QVERIFY(source);
    Marks marks;
    int purchases = 0;
    for (int round = 0; round < 200 && purchases < 35; ++round) {
        auto read = source->read(marks, 1);
        QVERIFY2(read, read ? "" : qPrintable(read.error().toString()));
        for (const ShopEvent &e : read->events)
            purchases += e.kind == ShopEvent::Kind::PurchaseMade ? 1 : 0;
        for (auto it = read->marks.begin(); it != read->marks.end(); ++it)
            marks.insert(it.key(), it.value());
        if (!read->more && purchases >= 35)
            break;
    }
    QCOMPARE(purchases, 35);
    const QJsonObject budget = m_client->control("state", {}, "GET").value("budget").toObject();
    QVERIFY(budget.value("requests").toInt() > 100);
    QCOMPARE(budget.value("rejected_429").toInt(), 0);
    QVERIFY2(budget.value("peak_units_per_window").toInt() <= 45,
             qPrintable(QString::number(budget.value("peak_units_per_window").toInt())));
    qInfo("MoySklad source: %d requests, peak %d units per 3 s, %d answers 429",
          budget.value("requests").toInt(), budget.value("peak_units_per_window").toInt(),
          budget.value("rejected_429").toInt());
}

void TestMoySkladSource::followsAHeavierRequestWeight()
{
    // A user token costs 4 units: 11 requests per 3 s. The source learns it from the first answer.
    m_client->control("rate-limit", { { "weight", 4 } });
    auto source = open("beginning");
    QVERIFY(source);
    Marks marks;
    for (int round = 0; round < 8; ++round) {
        auto read = source->read(marks, 2);
        QVERIFY2(read, read ? "" : qPrintable(read.error().toString()));
        for (auto it = read->marks.begin(); it != read->marks.end(); ++it)
            marks.insert(it.key(), it.value());
    }
    const QJsonObject budget = m_client->control("state", {}, "GET").value("budget").toObject();
    QVERIFY(budget.value("requests").toInt() >= 20);
    QCOMPARE(budget.value("rejected_429").toInt(), 0);
    QVERIFY(budget.value("peak_units_per_window").toInt() <= 45);
}

void TestMoySkladSource::waitsOutA429()
{
    // Another integration of the same user spends the budget: the source's next request gets 429,
    // holds for X-Lognex-Retry-After and goes through.
    auto source = open("latest");
    QVERIFY(source);
    int spent = 0;
    while (m_client->get("/entity/product?limit=1").status == 200 && spent < 100)
        ++spent;
    QVERIFY(spent > 0);
    auto read = source->read({}, 10);
    QVERIFY2(read, read ? "" : qPrintable(read.error().toString()));
    QCOMPARE(read->marks.size(), 4);
    const QJsonObject budget = m_client->control("state", {}, "GET").value("budget").toObject();
    QCOMPARE(budget.value("rejected_429").toInt(), 2); // the test's own last try and the source's first
}

void TestMoySkladSource::registeredAsMoySklad()
{
    Source::SourceRegistry registry;
    Source::MoySklad::registerMoySklad(registry);
    QVERIFY(registry.knows("moysklad"));
    Source::SourceRecord record;
    record.name = QStringLiteral("sklad");
    record.kind = QStringLiteral("moysklad");
    record.url = m_sandbox->apiUrl().toString();
    auto source = registry.openWithPassword(record, nullptr, m_client->token.toLatin1());
    QVERIFY2(source, source ? "" : qPrintable(source.error().toString()));
    QCOMPARE(source.value()->kind(), QStringLiteral("moysklad"));
    auto summary = source.value()->summary();
    QVERIFY(summary);
    QCOMPARE(summary->orders, 6);
    QCOMPARE(summary->categories, 3);
    auto tree = source.value()->categories();
    QVERIFY(tree);
    QCOMPARE(tree->ancestry(tree->categories().at(1).id).size(), 2); // Камеры under Фототехника
    QCOMPARE(source.value()->writeStatus("x", "y").error().code, QStringLiteral("unsupported"));
}

void TestMoySkladSource::signsInWithALogin()
{
    Source::SourceRecord record;
    record.name = QStringLiteral("sklad");
    record.kind = QStringLiteral("moysklad");
    record.url = m_sandbox->apiUrl().toString();
    record.config = QJsonObject { { "login", m_sandbox->login() }, { "start", "beginning" } };
    auto wrong = Source::MoySklad::MoySkladConfig::fromRecord(record, "not-the-password");
    QVERIFY(wrong);
    auto refused = MoySkladSource::open(wrong.value());
    QVERIFY(!refused);
    QCOMPARE(refused.error().kind, Common::ErrorKind::Auth);
    auto config = Source::MoySklad::MoySkladConfig::fromRecord(record, m_sandbox->password().toUtf8());
    QVERIFY(config);
    auto source = MoySkladSource::open(config.value());
    QVERIFY2(source, source ? "" : qPrintable(source.error().toString()));
    auto read = source.value()->read({}, 100);
    QVERIFY(read);
    QCOMPARE(read->events.size(), 4 + 7 + 5 + 1);
}

QTEST_GUILESS_MAIN(TestMoySkladSource)
#include "tst_MoySkladSource.moc"
