// SPDX-License-Identifier: GPL-3.0-or-later
// RetailCRM sandbox conformance: custom fields (list, get, create with errors keyed by field, edit),
// custom field values on orders and customers (unknown codes left out, typed values checked, history
// entries custom_<code>), the control API's field changes, and users.

#include "retailcrm/RetailCrmSandbox.h"
#include "sandbox/tests/RetailTestClient.h"

#include <QTest>

using namespace Sandbox::Testing;
using Sandbox::RetailCrm::RetailCrmSandbox;
using Sandbox::RetailCrm::RetailSandboxOptions;

class TestRetailSandboxFields : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void listFilterAndGet();
    void createAndErrorsByField();
    void editRenamesField();
    void orderValuesKnownCodesOnly();
    void typedValuesChecked();
    void customerValues();
    void historyOfCustomFields();
    void controlAddsRenamesDeletes();
    void usersPagedAndFiltered();

private:
    TestReply createField(const QString &entity, const QJsonObject &field);
    QJsonObject order(const QString &externalId);

    std::unique_ptr<RetailCrmSandbox> m_sandbox;
    std::unique_ptr<RetailTestClient> m_client;
};

void TestRetailSandboxFields::initTestCase()
{
    RetailSandboxOptions options;
    options.seed = QStringLiteral("demo");
    options.rate = 0;
    m_sandbox = std::make_unique<RetailCrmSandbox>(options);
    QString error;
    QVERIFY2(m_sandbox->start(&error), qPrintable(error));
    m_client = std::make_unique<RetailTestClient>(m_sandbox->baseUrl(), m_sandbox->apiKey());
}

void TestRetailSandboxFields::init()
{
    QVERIFY(m_client->control("reset", { { "seed", "demo" } }).value("ok").toBool());
}

TestReply TestRetailSandboxFields::createField(const QString &entity, const QJsonObject &field)
{
    return m_client->postForm(QStringLiteral("/api/v5/custom-fields/%1/create").arg(entity),
                              { { "customField", RetailTestClient::json(field) } });
}

QJsonObject TestRetailSandboxFields::order(const QString &externalId)
{
    return m_client->get("/api/v5/orders/" + externalId).object().value("order").toObject();
}

void TestRetailSandboxFields::listFilterAndGet()
{
    TestReply r = m_client->get("/api/v5/custom-fields", { { "limit", "20" } });
    QCOMPARE(r.status, 200);
    QJsonArray fields = r.object().value("customFields").toArray();
    QCOMPARE(fields.size(), 4); // demo: promocode, gift, track on orders; loyalty_card on customers
    QCOMPARE(r.object().value("pagination").toObject().value("totalCount").toInt(), 4);
    const QJsonObject first = fields.first().toObject();
    for (const char *key : { "name", "code", "required", "inFilter", "inList", "inGroupActions", "type",
                             "entity", "ordering", "displayArea", "viewMode" })
        QVERIFY2(first.contains(QLatin1String(key)), key);
    QCOMPARE(first.value("code").toString(), QStringLiteral("promocode"));

    r = m_client->get("/api/v5/custom-fields", { { "filter[entity]", "customer" } });
    fields = r.object().value("customFields").toArray();
    QCOMPARE(fields.size(), 1);
    QCOMPARE(fields.first().toObject().value("code").toString(), QStringLiteral("loyalty_card"));
    QCOMPARE(fields.first().toObject().value("entity").toString(), QStringLiteral("customer"));
    r = m_client->get("/api/v5/custom-fields", { { "filter[code]", "gift" } });
    QCOMPARE(r.object().value("customFields").toArray().size(), 1);
    QCOMPARE(m_client->get("/api/v5/custom-fields", { { "limit", "7" } }).status, 400);

    r = m_client->get("/api/v5/custom-fields/order/gift");
    QCOMPARE(r.status, 200);
    QCOMPARE(r.object().value("customField").toObject().value("type").toString(), QStringLiteral("boolean"));
    r = m_client->get("/api/v5/custom-fields/customer/gift"); // gift is an order field
    QCOMPARE(r.status, 404);
    QCOMPARE(r.object().value("errorMsg").toString(), QStringLiteral("Not found"));
}

void TestRetailSandboxFields::createAndErrorsByField()
{
    TestReply r = createField("order",
                              { { "name", QStringLiteral("Источник") },
                                { "code", "source_site" },
                                { "type", "string" },
                                { "ordering", 5 } });
    QCOMPARE(r.status, 201);
    QVERIFY(r.object().value("success").toBool());
    QCOMPARE(r.object().value("code").toString(), QStringLiteral("source_site"));
    const QJsonObject made
        = m_client->get("/api/v5/custom-fields/order/source_site").object().value("customField").toObject();
    QCOMPARE(made.value("name").toString(), QStringLiteral("Источник"));
    QCOMPARE(made.value("entity").toString(), QStringLiteral("order"));
    QCOMPARE(made.value("ordering").toInt(), 5);
    // The same code for customers is another field.
    QCOMPARE(
        createField("customer", { { "name", "S" }, { "code", "source_site" }, { "type", "text" } }).status,
        201);

    r = createField("order", { { "name", "Again" }, { "code", "source_site" }, { "type", "string" } });
    QCOMPARE(r.status, 400);
    QCOMPARE(r.object().value("success").toBool(true), false);
    QVERIFY(r.object().value("errors").toObject().value("code").toString().contains("already exists"));
    r = createField("order", { { "name", "Bad" }, { "code", "bad_type" }, { "type", "colour" } });
    QCOMPARE(r.status, 400);
    QVERIFY(r.object().value("errors").toObject().contains("type"));
    r = createField("order", { { "code", "no_name" }, { "type", "integer" } });
    QCOMPARE(r.status, 400);
    QVERIFY(r.object().value("errors").toObject().contains("name"));
    QVERIFY(!r.object().value("errors").toObject().contains("type"));
    r = createField("order",
                    { { "name", "Кириллица" }, { "code", QStringLiteral("код") }, { "type", "string" } });
    QVERIFY(r.object().value("errors").toObject().contains("code"));
    r = createField("deal", { { "name", "X" }, { "code", "x" }, { "type", "string" } });
    QCOMPARE(r.status, 400);
    QVERIFY(r.object().value("errors").toObject().contains("entity"));
    r = m_client->postForm("/api/v5/custom-fields/order/create", { { "site", "demo-shop" } });
    QCOMPARE(r.status, 400);
    QCOMPARE(r.object().value("errorMsg").toString(), QStringLiteral("Parameter 'customField' is missing"));
    for (const QString type :
         { "text", "integer", "numeric", "boolean", "date", "email", "dictionary", "multiselect_dictionary" })
        QCOMPARE(createField("order", { { "name", type }, { "code", "t_" + type }, { "type", type } }).status,
                 201);
    QCOMPARE(m_client->get("/api/v5/custom-fields", { { "filter[entity]", "order" }, { "limit", "50" } })
                 .object()
                 .value("customFields")
                 .toArray()
                 .size(),
             3 + 1 + 8);
}

void TestRetailSandboxFields::editRenamesField()
{
    TestReply r
        = m_client->postForm("/api/v5/custom-fields/order/track/edit",
                             { { "customField", R"({"name":"Номер отправления","type":"integer"})" } });
    QCOMPARE(r.status, 200);
    const QJsonObject f
        = m_client->get("/api/v5/custom-fields/order/track").object().value("customField").toObject();
    QCOMPARE(f.value("name").toString(), QStringLiteral("Номер отправления"));
    QCOMPARE(f.value("type").toString(), QStringLiteral("string")); // the type is not changed by an edit
    QCOMPARE(
        m_client->postForm("/api/v5/custom-fields/order/nope/edit", { { "customField", R"({"name":"x"})" } })
            .status,
        404);
}

void TestRetailSandboxFields::orderValuesKnownCodesOnly()
{
    const QJsonObject input { { "externalId", "cf-1" },
                              { "firstName", QStringLiteral("Ольга") },
                              { "customFields",
                                QJsonObject {
                                    { "promocode", "SPRING" }, { "gift", "1" }, { "unknown_code", "x" } } } };
    TestReply r = m_client->postForm("/api/v5/orders/create",
                                     { { "order", RetailTestClient::json(input) }, { "site", "demo-shop" } });
    QCOMPARE(r.status, 201);
    QJsonObject fields = order("cf-1").value("customFields").toObject();
    QCOMPARE(fields.value("promocode").toString(), QStringLiteral("SPRING"));
    QCOMPARE(fields.value("gift"), QJsonValue(true)); // "1" stored as a boolean
    QVERIFY(!fields.contains("unknown_code"));
    // A customer field is not an order field.
    r = m_client->postForm("/api/v5/orders/cf-1/edit",
                           { { "order", R"({"customFields":{"loyalty_card":"L-1","promocode":null}})" },
                             { "site", "demo-shop" } });
    QCOMPARE(r.status, 200);
    fields = order("cf-1").value("customFields").toObject();
    QVERIFY(!fields.contains("loyalty_card"));
    QVERIFY(!fields.contains("promocode")); // null clears
    QCOMPARE(fields.value("gift"), QJsonValue(true));
}

void TestRetailSandboxFields::typedValuesChecked()
{
    for (const auto &[type, code] : { std::pair { "integer", "qty" }, std::pair { "numeric", "rate" },
                                      std::pair { "date", "due" }, std::pair { "email", "contact_mail" } })
        QCOMPARE(createField("order", { { "name", code }, { "code", code }, { "type", type } }).status, 201);
    QJsonObject input { { "externalId", "cf-2" },
                        { "customFields",
                          QJsonObject { { "qty", "many" },
                                        { "rate", "1,5" },
                                        { "gift", "maybe" },
                                        { "due", "31.12.2026" },
                                        { "contact_mail", "nobody" } } } };
    TestReply r = m_client->postForm("/api/v5/orders/create",
                                     { { "order", RetailTestClient::json(input) }, { "site", "demo-shop" } });
    QCOMPARE(r.status, 400);
    QCOMPARE(r.object().value("errorMsg").toString(), QStringLiteral("Order is not loaded")); // orders/create
    const QJsonObject errors = r.object().value("errors").toObject();
    QVERIFY2(errors.contains("customFields.qty"), r.body.constData());
    QVERIFY(errors.contains("customFields.gift"));
    QVERIFY(errors.contains("customFields.due"));
    QVERIFY(errors.contains("customFields.contact_mail"));
    QVERIFY(!errors.contains("customFields.rate")); // "1,5" is a number written the Russian way
    QCOMPARE(m_client->get("/api/v5/orders/cf-2").status, 404); // nothing was stored

    input.insert("customFields",
                 QJsonObject { { "qty", "12" },
                               { "rate", 2.5 },
                               { "gift", false },
                               { "due", "2026-12-31" },
                               { "contact_mail", "a@b.ru" } });
    r = m_client->postForm("/api/v5/orders/create",
                           { { "order", RetailTestClient::json(input) }, { "site", "demo-shop" } });
    QCOMPARE(r.status, 201);
    const QJsonObject fields = order("cf-2").value("customFields").toObject();
    QCOMPARE(fields.value("qty"), QJsonValue(12));
    QCOMPARE(fields.value("rate").toDouble(), 2.5);
    QCOMPARE(fields.value("gift"), QJsonValue(false));
    QCOMPARE(fields.value("due").toString(), QStringLiteral("2026-12-31"));
    // An edit with a bad value changes nothing.
    r = m_client->postForm(
        "/api/v5/orders/cf-2/edit",
        { { "order", R"({"status":"complete","customFields":{"qty":1.5}})" }, { "site", "demo-shop" } });
    QCOMPARE(r.status, 400);
    QVERIFY(r.object().value("errors").toObject().contains("customFields.qty"));
    QCOMPARE(order("cf-2").value("status").toString(), QStringLiteral("new"));
}

void TestRetailSandboxFields::customerValues()
{
    const QJsonObject input { { "externalId", "77" },
                              { "firstName", QStringLiteral("Пётр") },
                              { "customFields",
                                QJsonObject { { "loyalty_card", "L-77" }, { "promocode", "X" } } } };
    TestReply r
        = m_client->postForm("/api/v5/customers/create",
                             { { "customer", RetailTestClient::json(input) }, { "site", "demo-shop" } });
    QCOMPARE(r.status, 201);
    QJsonObject fields = m_client->get("/api/v5/customers/77")
                             .object()
                             .value("customer")
                             .toObject()
                             .value("customFields")
                             .toObject();
    QCOMPARE(fields.value("loyalty_card").toString(), QStringLiteral("L-77"));
    QVERIFY(!fields.contains("promocode")); // an order field
    QCOMPARE(
        createField("customer", { { "name", "Visits" }, { "code", "visits" }, { "type", "integer" } }).status,
        201);
    r = m_client->postForm("/api/v5/customers/77/edit",
                           { { "customer", R"({"firstName":"Павел","customFields":{"visits":"x"}})" },
                             { "site", "demo-shop" } });
    QCOMPARE(r.status, 400);
    QVERIFY(r.object().value("errors").toObject().contains("customFields.visits"));
    const QJsonObject customer = m_client->get("/api/v5/customers/77").object().value("customer").toObject();
    QCOMPARE(customer.value("firstName").toString(), QStringLiteral("Пётр"));
}

void TestRetailSandboxFields::historyOfCustomFields()
{
    const QJsonObject input { { "externalId", "cf-3" },
                              { "customFields", QJsonObject { { "promocode", "A" } } } };
    QCOMPARE(m_client
                 ->postForm("/api/v5/orders/create",
                            { { "order", RetailTestClient::json(input) }, { "site", "demo-shop" } })
                 .status,
             201);
    const qint64 since = m_client->control("state", {}, "GET").value("last_history_id").toInteger();
    QCOMPARE(m_client
                 ->postForm("/api/v5/orders/cf-3/edit",
                            { { "order", R"({"customFields":{"promocode":"B","gift":true,"nope":1}})" },
                              { "site", "demo-shop" } })
                 .status,
             200);
    const QJsonArray history
        = m_client->get("/api/v5/orders/history", { { "filter[sinceId]", QString::number(since) } })
              .object()
              .value("history")
              .toArray();
    QMap<QString, QJsonObject> byField;
    for (const QJsonValue &v : history)
        byField.insert(v.toObject().value("field").toString(), v.toObject());
    QCOMPARE(byField.keys(), (QStringList { "custom_gift", "custom_promocode" }));
    QCOMPARE(byField["custom_promocode"].value("oldValue").toString(), QStringLiteral("A"));
    QCOMPARE(byField["custom_promocode"].value("newValue").toString(), QStringLiteral("B"));
    QVERIFY(byField["custom_gift"].value("oldValue").isNull());
    QCOMPARE(byField["custom_gift"].value("apiKey").toObject().value("current").toBool(), true);
}

void TestRetailSandboxFields::controlAddsRenamesDeletes()
{
    QJsonObject r = m_client->control("custom-fields",
                                      { { "entity", "order" },
                                        { "code", "courier_note" },
                                        { "name", QStringLiteral("Для курьера") },
                                        { "type", "text" } });
    QVERIFY(r.value("ok").toBool());
    r = m_client->control(
        "custom-fields",
        { { "entity", "order" }, { "code", "courier_note" }, { "name", QStringLiteral("Курьеру") } });
    QCOMPARE(r.value("field").toObject().value("name").toString(), QStringLiteral("Курьеру"));
    QCOMPARE(m_client->get("/api/v5/custom-fields/order/courier_note")
                 .object()
                 .value("customField")
                 .toObject()
                 .value("name")
                 .toString(),
             QStringLiteral("Курьеру"));
    r = m_client->control("custom-fields",
                          { { "entity", "order" }, { "code", "courier_note" }, { "delete", true } });
    QVERIFY(r.value("ok").toBool());
    QCOMPARE(m_client->get("/api/v5/custom-fields/order/courier_note").status, 404);
    QVERIFY(m_client->control("custom-fields", { { "entity", "deal" }, { "code", "x" } }).contains("error"));
    const QJsonObject state = m_client->control("state", {}, "GET");
    QCOMPARE(state.value("custom_fields").toObject().value("order").toArray().size(), 3);
    QCOMPARE(state.value("users").toArray().size(), 4);
}

void TestRetailSandboxFields::usersPagedAndFiltered()
{
    TestReply r = m_client->get("/api/v5/users");
    QCOMPARE(r.status, 200);
    const QJsonArray users = r.object().value("users").toArray();
    QCOMPARE(users.size(), 4); // the administrator and three managers, one of them inactive
    for (const char *key : { "id", "firstName", "lastName", "email", "active", "isManager", "isAdmin" })
        QVERIFY2(users.first().toObject().contains(QLatin1String(key)), key);
    QCOMPARE(r.object().value("pagination").toObject().value("totalCount").toInt(), 4);
    QCOMPARE(m_client->get("/api/v5/users", { { "filter[active]", "1" } })
                 .object()
                 .value("users")
                 .toArray()
                 .size(),
             3);
    QCOMPARE(m_client->get("/api/v5/users", { { "filter[active]", "0" } })
                 .object()
                 .value("users")
                 .toArray()
                 .first()
                 .toObject()
                 .value("lastName")
                 .toString(),
             QStringLiteral("Орлов"));
    const qint64 id = users.last().toObject().value("id").toInteger();
    r = m_client->get(QStringLiteral("/api/v5/users/%1").arg(id));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.object().value("user").toObject().value("id").toInteger(), id);
    QCOMPARE(m_client->get("/api/v5/users/999").status, 404);
    QCOMPARE(m_client->get("/api/v5/users", { { "limit", "20" }, { "page", "2" } })
                 .object()
                 .value("users")
                 .toArray()
                 .size(),
             0);
    // The empty seed has its administrator only.
    QVERIFY(m_client->control("reset", { { "seed", "empty" } }).value("ok").toBool());
    QCOMPARE(m_client->get("/api/v5/users").object().value("users").toArray().size(), 1);
    QCOMPARE(m_client->get("/api/v5/custom-fields").object().value("customFields").toArray().size(), 0);
}

QTEST_GUILESS_MAIN(TestRetailSandboxFields)
#include "tst_RetailSandboxFields.moc"
