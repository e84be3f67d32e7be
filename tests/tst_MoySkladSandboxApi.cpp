// SPDX-License-Identifier: GPL-3.0-or-later
// MoySklad sandbox conformance: gzip, auth and tokens, meta/href, lists and paging, filter, search,
// expand, kopecks, Moscow time, the write rules (required fields, syncId, links in use), bonus points.

#include "moysklad/MoySkladGzip.h"
#include "moysklad/MoySkladSandbox.h"
#include "sandbox/tests/MoySkladTestClient.h"

#include <QDateTime>
#include <QRegularExpression>
#include <QTest>
#include <QUrl>

using namespace Sandbox::Testing;
using Sandbox::MoySklad::MoySkladSandbox;
using Sandbox::MoySklad::MoySkladSandboxOptions;

class TestMoySkladSandboxApi : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void gzipIsRequired();
    void basicAndBearerAuth();
    void newTokenRevokesOlder();
    void metaHrefsLeadToTheObject();
    void pagingWithNextHref();
    void filterOperators();
    void filterErrors();
    void searchFindsByPhoneAndEmail();
    void expandReplacesLinks();
    void moneyInKopecksAndMoscowTime();
    void requiredFieldsAndEnums();
    void syncIdMakesCreateIdempotent();
    void updateAndDeleteRules();
    void bonusTransactionsMovePoints();
    void batchCreate();
    void theTillRingsUpSales();

private:
    QString firstId(const QString &type, const QString &filter = {});

    std::unique_ptr<MoySkladSandbox> m_sandbox;
    std::unique_ptr<MoySkladTestClient> m_client;
};

void TestMoySkladSandboxApi::initTestCase()
{
    MoySkladSandboxOptions options;
    options.seed = QStringLiteral("demo");
    options.budget = 0; // these tests are not about the budget
    m_sandbox = std::make_unique<MoySkladSandbox>(options);
    QString error;
    QVERIFY2(m_sandbox->start(&error), qPrintable(error));
    m_client = std::make_unique<MoySkladTestClient>(m_sandbox->baseUrl(), m_sandbox->token());
}

void TestMoySkladSandboxApi::init()
{
    QVERIFY(m_client->control("reset").value("ok").toBool());
    // A reset forgets tokens: take a fresh one with the password.
    m_client->basic = (m_sandbox->login() + ':' + m_sandbox->password()).toUtf8();
    const MsReply token = m_client->send("POST", "/security/token");
    QCOMPARE(token.status, 200);
    m_client->basic.clear();
    m_client->token = token.object().value("access_token").toString();
}

QString TestMoySkladSandboxApi::firstId(const QString &type, const QString &filter)
{
    const MsReply r = m_client->get(
        "/entity/" + type + (filter.isEmpty() ? QString() : "?filter=" + MoySkladTestClient::enc(filter)));
    return r.object().value("rows").toArray().first().toObject().value("id").toString();
}

void TestMoySkladSandboxApi::gzipIsRequired()
{
    for (const QByteArray &encoding : { QByteArray("identity"), QByteArray("deflate"), QByteArray("br") }) {
        const MsReply r
            = m_client->send("GET", "/entity/counterparty", {}, { { "Accept-Encoding", encoding } });
        QCOMPARE(r.status, 415);
        QVERIFY(r.body.isEmpty());
    }
    // With gzip asked for explicitly Qt does not decompress: the raw body is a gzip stream of JSON.
    const MsReply raw = m_client->send("GET", "/entity/counterparty", {}, { { "Accept-Encoding", "gzip" } });
    QCOMPARE(raw.status, 200);
    QCOMPARE(raw.header("Content-Encoding"), QByteArray("gzip"));
    QCOMPARE(quint8(raw.body.at(0)), quint8(0x1f));
    QCOMPARE(quint8(raw.body.at(1)), quint8(0x8b));
    const QJsonObject list = QJsonDocument::fromJson(Sandbox::MoySklad::gzipDecompress(raw.body)).object();
    QCOMPARE(list.value("meta").toObject().value("size").toInt(), 6);
    // Even an error body is compressed.
    const MsReply missing = m_client->send("GET", "/entity/counterparty/00000000-0000-0000-0000-000000000000",
                                           {}, { { "Accept-Encoding", "gzip" } });
    QCOMPARE(missing.status, 404);
    QCOMPARE(QJsonDocument::fromJson(Sandbox::MoySklad::gzipDecompress(missing.body))
                 .object()
                 .value("errors")
                 .toArray()
                 .first()
                 .toObject()
                 .value("code")
                 .toInt(),
             1021);
}

void TestMoySkladSandboxApi::basicAndBearerAuth()
{
    const QString token = m_client->token;
    m_client->token.clear();
    MsReply none = m_client->get("/entity/product");
    QCOMPARE(none.status, 401);
    QCOMPARE(none.firstError().value("code").toInt(), 1056);
    QVERIFY(!none.header("X-Lognex-Auth").isEmpty());
    QVERIFY(!none.header("X-Lognex-Auth-Message").isEmpty());

    m_client->basic = (m_sandbox->login() + QStringLiteral(":wrong")).toUtf8();
    QCOMPARE(m_client->get("/entity/product").status, 401);
    m_client->basic = (m_sandbox->login() + ':' + m_sandbox->password()).toUtf8();
    QCOMPARE(m_client->get("/entity/product").status, 200);
    m_client->basic.clear();

    m_client->token = QStringLiteral("0123456789abcdef0123456789abcdef01234567");
    QCOMPARE(m_client->get("/entity/product").status, 401);
    m_client->token = token;
    const MsReply ok = m_client->get("/entity/product");
    QCOMPARE(ok.status, 200);
    QCOMPARE(ok.object().value("meta").toObject().value("size").toInt(), 5);
    // A token is issued for a login and password only.
    QCOMPARE(m_client->send("POST", "/security/token").status, 401);
}

void TestMoySkladSandboxApi::newTokenRevokesOlder()
{
    const QString first = m_client->token;
    QCOMPARE(m_client->get("/entity/counterparty").status, 200);
    m_client->basic = (m_sandbox->login() + ':' + m_sandbox->password()).toUtf8();
    const MsReply issued = m_client->send("POST", "/security/token");
    m_client->basic.clear();
    QCOMPARE(issued.status, 200);
    const QString second = issued.object().value("access_token").toString();
    QVERIFY(QRegularExpression("^[0-9a-f]{40}$").match(second).hasMatch());
    QVERIFY(second != first);
    m_client->token = first;
    QCOMPARE(m_client->get("/entity/counterparty").status, 401);
    m_client->token = second;
    QCOMPARE(m_client->get("/entity/counterparty").status, 200);
}

void TestMoySkladSandboxApi::metaHrefsLeadToTheObject()
{
    const QJsonObject list = m_client->get("/entity/counterparty").object();
    const QJsonObject listMeta = list.value("meta").toObject();
    QCOMPARE(listMeta.value("type").toString(), QStringLiteral("counterparty"));
    QCOMPARE(listMeta.value("mediaType").toString(), QStringLiteral("application/json"));
    QCOMPARE(listMeta.value("limit").toInt(), 1000);
    QCOMPARE(listMeta.value("offset").toInt(), 0);
    QVERIFY(!listMeta.contains("nextHref"));
    QVERIFY(list.value("context").toObject().value("employee").toObject().contains("meta"));
    const QJsonObject first = list.value("rows").toArray().first().toObject();
    const QString href = first.value("meta").toObject().value("href").toString();
    QCOMPARE(href, m_sandbox->apiUrl().toString() + "/entity/counterparty/" + first.value("id").toString());
    const MsReply one = m_client->get(href);
    QCOMPARE(one.status, 200);
    QCOMPARE(one.object().value("name"), first.value("name"));
    // A link field is a {"meta":…} whose href is an object of this API.
    const QJsonObject sale
        = m_client->get("/entity/retaildemand?limit=1").object().value("rows").toArray().first().toObject();
    const QString agentHref
        = sale.value("agent").toObject().value("meta").toObject().value("href").toString();
    QCOMPARE(sale.value("agent").toObject().keys(), QStringList { "meta" });
    QCOMPARE(m_client->get(agentHref).object().value("meta").toObject().value("type").toString(),
             QStringLiteral("counterparty"));
}

void TestMoySkladSandboxApi::pagingWithNextHref()
{
    QStringList seen;
    QString next = "/entity/counterparty?limit=4";
    int pages = 0;
    while (!next.isEmpty() && pages < 10) {
        const QJsonObject page = m_client->get(next).object();
        const QJsonObject meta = page.value("meta").toObject();
        QCOMPARE(meta.value("size").toInt(), 6);
        QCOMPARE(meta.value("limit").toInt(), 4);
        for (const QJsonValue &row : page.value("rows").toArray())
            seen.append(row.toObject().value("id").toString());
        if (pages == 1)
            QVERIFY(meta.value("previousHref").toString().contains("offset=0"));
        next = meta.value("nextHref").toString();
        ++pages;
    }
    QCOMPARE(pages, 2);
    QCOMPARE(seen.size(), 6);
    QCOMPARE(QSet<QString>(seen.begin(), seen.end()).size(), 6);
    QCOMPARE(m_client->get("/entity/counterparty?limit=1001").status, 412);
}

void TestMoySkladSandboxApi::filterOperators()
{
    const auto size = [this](const QString &filter) {
        return m_client->get("/entity/counterparty?filter=" + MoySkladTestClient::enc(filter))
            .object()
            .value("meta")
            .toObject()
            .value("size")
            .toInt();
    };
    QCOMPARE(size("companyType=individual"), 4);
    QCOMPARE(size("companyType=legal;companyType=entrepreneur"), 2); // repeated '=' is OR
    QCOMPARE(size("companyType!=individual;companyType!=legal"), 1); // repeated '!=' is AND
    QCOMPARE(size("name~петров"), 2); // contains, any case: Петров and Петрович
    QCOMPARE(size("name~=ООО"), 1); // starts with
    QCOMPARE(size("name=~Викторовна"), 1); // ends with
    QCOMPARE(size("email=;companyType=individual"), 1); // the one private buyer without an e-mail
    QCOMPARE(size("email!="), 5);
    QCOMPARE(size("companyType=individual;salesAmount>=20000000"), 1);

    // A literal ';' is written "\;".
    QCOMPARE(m_client->post("/entity/counterparty", QJsonObject { { "name", "Кафе; бар" } }).status, 200);
    QCOMPARE(size("name=Кафе\\; бар"), 1);

    // updated>= with the minute-precision form, then the full one with milliseconds.
    QCOMPARE(m_client->control("clock", { { "advance", 120 } }).contains("now"), true);
    const QString now = m_client->control("clock", {}, "GET").value("moscow").toString();
    const MsReply edited
        = m_client->put("/entity/counterparty/" + firstId("counterparty", "name~Петров Алексей"),
                        { { "phone", "+79031112244" } });
    QCOMPARE(edited.status, 200);
    QCOMPARE(size("updated>=" + now.left(16)), 1);
    QCOMPARE(size("updated>=" + now), 1);
    QCOMPARE(size("updated<" + now), 6);

    // Link fields are filtered by href.
    const QString maria = firstId("counterparty", "name~Иванова");
    const MsReply sales = m_client->get("/entity/retaildemand?filter="
                                        + MoySkladTestClient::enc("agent=" + m_sandbox->apiUrl().toString()
                                                                  + "/entity/counterparty/" + maria));
    QCOMPARE(sales.object().value("meta").toObject().value("size").toInt(), 2);
}

void TestMoySkladSandboxApi::filterErrors()
{
    MsReply mixed = m_client->get("/entity/counterparty?filter=" + MoySkladTestClient::enc("name=a;name>=b"));
    QCOMPARE(mixed.status, 412);
    QCOMPARE(mixed.firstError().value("code").toInt(), 1034);
    MsReply badDate
        = m_client->get("/entity/counterparty?filter=" + MoySkladTestClient::enc("updated>=07.12.2026"));
    QCOMPARE(badDate.status, 412);
    QCOMPARE(badDate.firstError().value("code").toInt(), 1035);
}

void TestMoySkladSandboxApi::searchFindsByPhoneAndEmail()
{
    const auto names = [this](const QString &text) {
        QStringList out;
        for (const QJsonValue &row :
             m_client->get("/entity/counterparty?search=" + MoySkladTestClient::enc(text))
                 .object()
                 .value("rows")
                 .toArray())
            out.append(row.toObject().value("name").toString());
        return out;
    };
    QCOMPARE(names("kadr-studio"), QStringList { "ООО «Фотостудия Кадр»" });
    QCOMPARE(names("2000000000024"), QStringList { "Петров Алексей" }); // the discount card
    QCOMPARE(names("смирнова").size(), 1);
    QVERIFY(names("nobody-here").isEmpty());
}

void TestMoySkladSandboxApi::expandReplacesLinks()
{
    const QJsonObject sale = m_client->get("/entity/retaildemand?limit=1&expand=agent,positions.assortment")
                                 .object()
                                 .value("rows")
                                 .toArray()
                                 .first()
                                 .toObject();
    QVERIFY(!sale.value("agent").toObject().value("name").toString().isEmpty());
    const QJsonObject positions = sale.value("positions").toObject();
    QVERIFY(positions.value("meta").toObject().value("size").toInt() >= 1);
    const QJsonObject row = positions.value("rows").toArray().first().toObject();
    QVERIFY(!row.value("assortment").toObject().value("name").toString().isEmpty());
    QVERIFY(row.value("assortment").toObject().value("salePrices").isArray());

    // Above limit 100 expand is ignored: links stay links and positions show only their meta.
    const QJsonObject wide = m_client->get("/entity/retaildemand?limit=101&expand=agent,positions")
                                 .object()
                                 .value("rows")
                                 .toArray()
                                 .first()
                                 .toObject();
    QCOMPARE(wide.value("agent").toObject().keys(), QStringList { "meta" });
    QVERIFY(!wide.value("positions").toObject().contains("rows"));

    // A single object expands too; the positions collection has its own endpoint.
    const QString id = sale.value("id").toString();
    QVERIFY(m_client->get("/entity/retaildemand/" + id + "?expand=agent")
                .object()
                .value("agent")
                .toObject()
                .contains("name"));
    const QJsonObject list = m_client->get("/entity/retaildemand/" + id + "/positions").object();
    QCOMPARE(list.value("rows").toArray().size(), positions.value("meta").toObject().value("size").toInt());
}

void TestMoySkladSandboxApi::moneyInKopecksAndMoscowTime()
{
    const QString agent = firstId("counterparty", "companyType=individual");
    const QString organization = firstId("organization");
    const QString product = firstId("product", "article=SD-128");
    const QJsonObject product0 = m_client->get("/entity/product/" + product).object();
    QCOMPARE(product0.value("salePrices").toArray().first().toObject().value("value").toDouble(), 459000.0);
    QCOMPARE(product0.value("pathName").toString(), QStringLiteral("Фототехника/Аксессуары"));

    const QString api = m_sandbox->apiUrl().toString();
    const MsReply created = m_client->post(
        "/entity/retaildemand",
        QJsonObject {
            { "agent",
              QJsonObject { { "meta",
                              QJsonObject { { "href", api + "/entity/counterparty/" + agent },
                                            { "type", "counterparty" } } } } },
            { "organization",
              QJsonObject { { "meta",
                              QJsonObject { { "href", api + "/entity/organization/" + organization },
                                            { "type", "organization" } } } } },
            { "positions",
              QJsonArray { QJsonObject {
                  { "quantity", 2 },
                  { "price", 1234550 },
                  { "discount", 10 },
                  { "assortment",
                    QJsonObject { { "meta",
                                    QJsonObject { { "href", api + "/entity/product/" + product },
                                                  { "type", "product" } } } } } } } } });
    QCOMPARE(created.status, 200);
    const QJsonObject sale = created.object();
    QCOMPARE(sale.value("sum").toDouble(), 2222190.0); // 12 345.50 ₽ × 2 − 10 %, in kopecks
    const QRegularExpression msk(QStringLiteral(R"(^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3}$)"));
    QVERIFY2(msk.match(sale.value("updated").toString()).hasMatch(),
             qPrintable(sale.value("updated").toString()));
    QVERIFY(msk.match(sale.value("created").toString()).hasMatch());
    QVERIFY(msk.match(sale.value("moment").toString()).hasMatch());
    const QDateTime shown
        = QDateTime::fromString(sale.value("updated").toString(), "yyyy-MM-dd HH:mm:ss.zzz");
    // Moscow time is UTC+3; the sandbox clock may have been moved forward by earlier tests.
    const qint64 offsetSecs = m_client->control("clock", {}, "GET").value("offset").toInteger();
    const QDateTime moscowNow = QDateTime::currentDateTimeUtc().addSecs(3 * 3600 + offsetSecs);
    QVERIFY(qAbs(QDateTime(shown.date(), shown.time(), Qt::UTC)
                     .secsTo(QDateTime(moscowNow.date(), moscowNow.time(), Qt::UTC)))
            < 60);
    // The buyer's sales amount follows, in kopecks.
    const double before
        = m_client->get("/entity/counterparty/" + agent).object().value("salesAmount").toDouble();
    QVERIFY(before >= 2222190.0);
}

void TestMoySkladSandboxApi::requiredFieldsAndEnums()
{
    MsReply noName = m_client->post("/entity/counterparty", QJsonObject { { "phone", "+7" } });
    QCOMPARE(noName.status, 412);
    QCOMPARE(noName.firstError().value("code").toInt(), 3000);
    QCOMPARE(noName.firstError().value("parameter").toString(), QStringLiteral("name"));
    MsReply badType = m_client->post("/entity/counterparty",
                                     QJsonObject { { "name", "X" }, { "companyType", "person" } });
    QCOMPARE(badType.firstError().value("code").toInt(), 3005);
    MsReply noAgent = m_client->post("/entity/retaildemand", QJsonObject { { "name", "R-1" } });
    QCOMPARE(noAgent.firstError().value("code").toInt(), 3000);
    // A new counterparty is a legal entity unless told otherwise, as in MoySklad.
    QCOMPARE(m_client->post("/entity/counterparty", QJsonObject { { "name", "Новый" } })
                 .object()
                 .value("companyType")
                 .toString(),
             QStringLiteral("legal"));
    QCOMPARE(m_client->get("/entity/nosuchtype").firstError().value("code").toInt(), 1005);
}

void TestMoySkladSandboxApi::syncIdMakesCreateIdempotent()
{
    const QJsonObject body { { "name", "Орлова Анна" },
                             { "companyType", "individual" },
                             { "syncId", "6f1c1f9e-5f4b-4a8e-9d0a-5a4f7a1f0001" } };
    const MsReply first = m_client->post("/entity/counterparty", body);
    const MsReply again = m_client->post("/entity/counterparty", body);
    QCOMPARE(first.status, 200);
    QCOMPARE(again.status, 200);
    QCOMPARE(again.object().value("id"), first.object().value("id"));
    QCOMPARE(m_client->control("state", {}, "GET").value("entities").toObject().value("counterparty").toInt(),
             7);
    QCOMPARE(m_client
                 ->put("/entity/counterparty/" + first.object().value("id").toString(),
                       { { "syncId", "6f1c1f9e-5f4b-4a8e-9d0a-5a4f7a1f0002" } })
                 .firstError()
                 .value("code")
                 .toInt(),
             1047);
}

void TestMoySkladSandboxApi::updateAndDeleteRules()
{
    const QString id = firstId("counterparty", "name~Кузнецов");
    const QJsonObject before = m_client->get("/entity/counterparty/" + id).object();
    m_client->control("clock", { { "advance", 5 } });
    const MsReply put
        = m_client->put("/entity/counterparty/" + id, { { "email", "dk@example.ru" }, { "salesAmount", 1 } });
    QCOMPARE(put.status, 200);
    QCOMPARE(put.object().value("email").toString(), QStringLiteral("dk@example.ru"));
    QVERIFY(put.object().value("updated").toString() > before.value("updated").toString());
    QCOMPARE(put.object().value("created"), before.value("created"));
    // null clears a field; an empty field is not shown.
    QVERIFY(!m_client->put("/entity/counterparty/" + id, { { "email", QJsonValue::Null } })
                 .object()
                 .contains("email"));
    // A buyer with sales cannot be deleted; one without can.
    MsReply inUse = m_client->send("DELETE", "/entity/counterparty/" + id);
    QCOMPARE(inUse.status, 409);
    QCOMPARE(inUse.firstError().value("code").toInt(), 1028);
    const QString fresh = m_client->post("/entity/counterparty", QJsonObject { { "name", "Временный" } })
                              .object()
                              .value("id")
                              .toString();
    QCOMPARE(m_client->send("DELETE", "/entity/counterparty/" + fresh).status, 200);
    QCOMPARE(m_client->get("/entity/counterparty/" + fresh).status, 404);
}

void TestMoySkladSandboxApi::theTillRingsUpSales()
{
    // The demo's cashier: each sale one or two products to a private buyer, every fifth to a new one.
    const int sales
        = m_client->get("/entity/retaildemand?limit=1").object()["meta"].toObject()["size"].toInt();
    const int people = m_client->get("/entity/counterparty?limit=1&filter=companyType%3Dindividual")
                           .object()["meta"]
                           .toObject()["size"]
                           .toInt();
    const QJsonArray rung = m_client->control("till", { { "count", 5 } }).value("sales").toArray();
    QCOMPARE(rung.size(), 5);
    QCOMPARE(m_client->get("/entity/retaildemand?limit=1").object()["meta"].toObject()["size"].toInt(),
             sales + 5);
    QCOMPARE(m_client->get("/entity/counterparty?limit=1&filter=companyType%3Dindividual")
                 .object()["meta"]
                 .toObject()["size"]
                 .toInt(),
             people + 1);
    for (const QJsonValue &id : rung) {
        const QJsonObject sale
            = m_client->get("/entity/retaildemand/" + id.toString() + "?expand=agent").object();
        QCOMPARE(sale.value("agent").toObject().value("companyType").toString(),
                 QStringLiteral("individual"));
        QVERIFY(sale.value("sum").toDouble() > 0);
        QVERIFY(sale.value("positions").toObject().value("meta").toObject().value("size").toInt() >= 1);
    }
}

void TestMoySkladSandboxApi::bonusTransactionsMovePoints()
{
    const QString id = firstId("counterparty", "name~Петров Алексей");
    const QString href = m_sandbox->apiUrl().toString() + "/entity/counterparty/" + id;
    const double before = m_client->get(href).object().value("bonusPoints").toDouble();
    QCOMPARE(before, 500.0 + 189.0); // welcome points and 1 per 100 ₽ of an 18 990 ₽ sale
    const QJsonObject agent { { "meta", QJsonObject { { "href", href }, { "type", "counterparty" } } } };
    const QJsonObject program
        = m_client->get("/entity/bonusprogram").object().value("rows").toArray().first().toObject();
    QCOMPARE(program.value("active").toBool(), true);
    QCOMPARE(program.value("earnRateRoublesToPoint").toInt(), 100);
    const QJsonObject programLink { { "meta", program.value("meta") } };
    // The programme is required on create, as the API's create call lists it.
    const MsReply noProgram = m_client->post(
        "/entity/bonustransaction",
        QJsonObject { { "agent", agent }, { "transactionType", "EARNING" }, { "bonusValue", 150 } });
    QCOMPARE(noProgram.status, 412);
    QCOMPARE(noProgram.firstError().value("code").toInt(), 3000);
    QCOMPARE(noProgram.firstError().value("parameter").toString(), QStringLiteral("bonusProgram"));
    const MsReply earn = m_client->post("/entity/bonustransaction",
                                        QJsonObject { { "agent", agent },
                                                      { "bonusProgram", programLink },
                                                      { "transactionType", "EARNING" },
                                                      { "bonusValue", 150 },
                                                      { "externalCode", "grant-1" } });
    QCOMPARE(earn.status, 200);
    QCOMPARE(earn.object().value("transactionStatus").toString(), QStringLiteral("COMPLETED"));
    QCOMPARE(earn.object().value("externalCode").toString(), QStringLiteral("grant-1"));
    QCOMPARE(m_client
                 ->post("/entity/bonustransaction",
                        QJsonObject { { "agent", agent },
                                      { "bonusProgram", programLink },
                                      { "transactionType", "SPENDING" },
                                      { "bonusValue", 100 } })
                 .status,
             200);
    QCOMPARE(m_client->get(href).object().value("bonusPoints").toDouble(), before + 50);
    QCOMPARE(m_client
                 ->post("/entity/bonustransaction",
                        QJsonObject { { "agent", agent },
                                      { "bonusProgram", programLink },
                                      { "transactionType", "GIFT" } })
                 .firstError()
                 .value("code")
                 .toInt(),
             3005);
    // The buyer's operations by their agent: the welcome points, the sale's, and the two above.
    const QJsonArray hers = m_client
                                ->get("/entity/bonustransaction?filter="
                                      + QString::fromLatin1(QUrl::toPercentEncoding("agent=" + href)))
                                .object()
                                .value("rows")
                                .toArray();
    QCOMPARE(hers.size(), 4);
}

void TestMoySkladSandboxApi::batchCreate()
{
    const MsReply batch = m_client->post(
        "/entity/productfolder",
        QJsonArray { QJsonObject { { "name", "Видео" } }, QJsonObject { { "name", "Свет" } } });
    QCOMPARE(batch.status, 200);
    QCOMPARE(batch.array().size(), 2);
    QCOMPARE(batch.array().at(1).toObject().value("name").toString(), QStringLiteral("Свет"));
    const MsReply mixed = m_client->post(
        "/entity/productfolder",
        QJsonArray { QJsonObject { { "name", "Звук" } }, QJsonObject { { "code", "no-name" } } });
    QCOMPARE(mixed.status, 400);
    QCOMPARE(
        mixed.array().at(1).toObject().value("errors").toArray().first().toObject().value("code").toInt(),
        3000);
    QCOMPARE(
        m_client->control("state", {}, "GET").value("entities").toObject().value("productfolder").toInt(),
        3 + 3);
}

QTEST_GUILESS_MAIN(TestMoySkladSandboxApi)
#include "tst_MoySkladSandboxApi.moc"
