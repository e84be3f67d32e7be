// SPDX-License-Identifier: GPL-3.0-or-later
// RetailCRM sandbox conformance: keys, envelopes, errors by field, pagination, dictionaries, customers
// and orders by externalId, uploads, form and multipart bodies, sites.

#include "retailcrm/RetailCrmSandbox.h"
#include "sandbox/tests/RetailTestClient.h"

#include <QTest>

using namespace Sandbox::Testing;
using Sandbox::RetailCrm::RetailCrmSandbox;
using Sandbox::RetailCrm::RetailSandboxOptions;

class TestRetailSandboxApi : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void apiKeyHeaderOrParameter();
    void credentialsAndVersions();
    void unknownMethodAndWrongVerb();
    void dictionariesKeyedByCode();
    void customersByExternalId();
    void customerErrorsByField();
    void customersUploadAndPagination();
    void ordersCreateEditGet();
    void orderErrorsByField();
    void orderMultipartBody();
    void ordersUploadLimits();
    void paymentsAndCustomFieldsShapes();
    void sitesAndSelectiveKeys();

private:
    std::unique_ptr<RetailCrmSandbox> m_sandbox;
    std::unique_ptr<RetailTestClient> m_client;
};

void TestRetailSandboxApi::initTestCase()
{
    RetailSandboxOptions options;
    options.seed = QStringLiteral("demo");
    options.rate = 0;
    m_sandbox = std::make_unique<RetailCrmSandbox>(options);
    QString error;
    QVERIFY2(m_sandbox->start(&error), qPrintable(error));
    m_client = std::make_unique<RetailTestClient>(m_sandbox->baseUrl(), m_sandbox->apiKey());
}

void TestRetailSandboxApi::init()
{
    m_client->apiKey = m_sandbox->apiKey();
    QVERIFY(m_client->control("reset", { { "seed", "demo" } }).value("ok").toBool());
}

void TestRetailSandboxApi::apiKeyHeaderOrParameter()
{
    m_client->apiKey.clear();
    TestReply r = m_client->get("/api/v5/reference/statuses");
    QCOMPARE(r.status, 403);
    QCOMPARE(r.object().value("success").toBool(true), false);
    QCOMPARE(r.object().value("errorMsg").toString(), QStringLiteral("\"apiKey\" is missing."));
    r = m_client->get("/api/v5/reference/statuses", { { "apiKey", "nope" } });
    QCOMPARE(r.status, 403);
    QCOMPARE(r.object().value("errorMsg").toString(), QStringLiteral("Wrong \"apiKey\" value."));
    r = m_client->get("/api/v5/reference/statuses", { { "apiKey", m_sandbox->apiKey() } });
    QCOMPARE(r.status, 200);
    QVERIFY(r.object().value("success").toBool());
    QVERIFY(r.contentType.startsWith("application/json"));
    // The legacy PHP client puts apiKey among the POST fields.
    r = m_client->postForm("/api/v5/customers/create",
                           { { "apiKey", m_sandbox->apiKey() }, { "customer", R"({"firstName":"Form"})" } });
    QCOMPARE(r.status, 201);
    m_client->apiKey = QStringLiteral("wrong");
    QCOMPARE(m_client->get("/api/v5/orders").status, 403);
    m_client->apiKey = m_sandbox->apiKey(); // sent as "X-Api-Key", the current client's spelling
    QCOMPARE(m_client->get("/api/v5/orders").status, 200);
}

void TestRetailSandboxApi::credentialsAndVersions()
{
    const QJsonObject c = m_client->get("/api/credentials").object();
    QVERIFY(c.value("success").toBool());
    QCOMPARE(c.value("siteAccess").toString(), QStringLiteral("access_full"));
    QVERIFY(!c.contains("sitesAvailable")); // only a selective key's answer lists its sites
    QVERIFY(c.value("credentials").toArray().contains("/api/v5/orders/history"));
    QVERIFY(m_client->get("/api/api-versions").object().value("versions").toArray().contains("5.0"));
}

void TestRetailSandboxApi::unknownMethodAndWrongVerb()
{
    TestReply r = m_client->get("/api/v5/no-such-thing");
    QCOMPARE(r.status, 404);
    QCOMPARE(r.object().value("errorMsg").toString(), QStringLiteral("API method not found"));
    r = m_client->get("/api/v5/orders/create");
    QCOMPARE(r.status, 404); // read as GET orders/{externalId} "create"
    QCOMPARE(r.object().value("errorMsg").toString(), QStringLiteral("Not found"));
    r = m_client->postForm("/api/v5/reference/statuses", {});
    QCOMPARE(r.status, 405);
    QCOMPARE(r.object().value("errorMsg").toString(), QStringLiteral("Method Not Allowed"));
}

void TestRetailSandboxApi::dictionariesKeyedByCode()
{
    const QJsonObject statuses
        = m_client->get("/api/v5/reference/statuses").object().value("statuses").toObject();
    QCOMPARE(statuses.value("new").toObject().value("group").toString(), QStringLiteral("new"));
    QCOMPARE(statuses.value("cancel-other").toObject().value("group").toString(), QStringLiteral("cancel"));
    QVERIFY(statuses.contains("assembling") && statuses.contains("complete")
            && statuses.contains("delivering"));
    const QJsonObject groups
        = m_client->get("/api/v5/reference/status-groups").object().value("statusGroups").toObject();
    QVERIFY(groups.value("cancel").toObject().value("statuses").toArray().contains("cancel-other"));
    const QJsonObject delivery
        = m_client->get("/api/v5/reference/delivery-types").object().value("deliveryTypes").toObject();
    QCOMPARE(delivery.value("self-delivery").toObject().value("name").toString(),
             QStringLiteral("Самовывоз"));
    QCOMPARE(delivery.value("courier").toObject().value("name").toString(), QStringLiteral("Курьер"));
    const QJsonObject payment
        = m_client->get("/api/v5/reference/payment-types").object().value("paymentTypes").toObject();
    QCOMPARE(payment.value("cash").toObject().value("name").toString(), QStringLiteral("Наличные"));
    QCOMPARE(payment.value("bank-card").toObject().value("name").toString(),
             QStringLiteral("Банковская карта"));
    QVERIFY(m_client->get("/api/v5/reference/order-types")
                .object()
                .value("orderTypes")
                .toObject()
                .contains("eshop-individual"));
    QVERIFY(m_client->get("/api/v5/reference/payment-statuses")
                .object()
                .value("paymentStatuses")
                .toObject()
                .contains("paid"));
    QVERIFY(
        m_client->get("/api/v5/reference/sites").object().value("sites").toObject().contains("demo-shop"));
}

void TestRetailSandboxApi::customersByExternalId()
{
    const QJsonObject customer { { "externalId", "42" },
                                 { "firstName", QStringLiteral("Мария") },
                                 { "email", "maria@example.ru" },
                                 { "phones", QJsonArray { QJsonObject { { "number", "+79991234567" } } } } };
    TestReply r
        = m_client->postForm("/api/v5/customers/create",
                             { { "customer", RetailTestClient::json(customer) }, { "site", "demo-shop" } });
    QCOMPARE(r.status, 201);
    const qint64 id = r.object().value("id").toInteger();
    QVERIFY(id > 0);
    r = m_client->get("/api/v5/customers/42");
    QCOMPARE(r.status, 200);
    QCOMPARE(r.object().value("customer").toObject().value("firstName").toString(), QStringLiteral("Мария"));
    QCOMPARE(m_client->get(QStringLiteral("/api/v5/customers/%1").arg(id), { { "by", "id" } }).status, 200);
    r = m_client->postForm("/api/v5/customers/42/edit",
                           { { "customer", R"({"lastName":"Иванова"})" }, { "by", "externalId" } });
    QCOMPARE(r.status, 200);
    QCOMPARE(r.object().value("id").toInteger(), id);
    QCOMPARE(m_client->get("/api/v5/customers/42")
                 .object()
                 .value("customer")
                 .toObject()
                 .value("lastName")
                 .toString(),
             QStringLiteral("Иванова"));
    r = m_client->get("/api/v5/customers/404404");
    QCOMPARE(r.status, 404);
    QCOMPARE(r.object().value("errorMsg").toString(), QStringLiteral("Not found"));
    QCOMPARE(m_client->postForm("/api/v5/customers/404404/edit", { { "customer", "{}" } }).status, 404);
    // filter[name] finds by phone too; filter[email] by e-mail.
    r = m_client->get("/api/v5/customers", { { "filter[name]", "1234567" } });
    QCOMPARE(r.object().value("customers").toArray().size(), 1);
    r = m_client->get("/api/v5/customers", { { "filter[email]", "maria@example.ru" } });
    QCOMPARE(r.object().value("customers").toArray()[0].toObject().value("externalId").toString(),
             QStringLiteral("42"));
}

void TestRetailSandboxApi::customerErrorsByField()
{
    TestReply r
        = m_client->postForm("/api/v5/customers/create", { { "customer", R"({"email":"not-an-email"})" } });
    QCOMPARE(r.status, 400);
    QCOMPARE(r.object().value("success").toBool(true), false);
    QCOMPARE(r.object().value("errorMsg").toString(), QStringLiteral("Errors in the entity format"));
    QVERIFY(r.object().value("errors").toObject().contains("email"));
    r = m_client->postForm("/api/v5/customers/create", {});
    QCOMPARE(r.status, 400);
    QCOMPARE(r.object().value("errorMsg").toString(), QStringLiteral("Parameter 'customer' is missing"));
    r = m_client->postForm("/api/v5/customers/create", { { "customer", R"({"externalId":"1"})" } });
    QCOMPARE(r.status, 400);
    QVERIFY(r.object().value("errors").toObject().contains("externalId"));
    r = m_client->postForm("/api/v5/customers/create", { { "customer", "{broken" } });
    QCOMPARE(r.status, 400);
    QVERIFY(r.object().value("errors").toObject().contains("customer"));
}

void TestRetailSandboxApi::customersUploadAndPagination()
{
    QJsonArray batch;
    for (int i = 0; i < 51; ++i)
        batch.append(QJsonObject { { "externalId", QStringLiteral("u%1").arg(i) }, { "firstName", "Bulk" } });
    TestReply r
        = m_client->postForm("/api/v5/customers/upload", { { "customers", RetailTestClient::json(batch) } });
    QCOMPARE(r.status, 400);
    QVERIFY(r.object().value("errors").toObject().contains("customers"));
    batch.removeLast();
    r = m_client->postForm("/api/v5/customers/upload", { { "customers", RetailTestClient::json(batch) } });
    QCOMPARE(r.status, 201);
    QCOMPARE(r.object().value("uploadedCustomers").toArray().size(), 50);
    // 50 uploaded + 1 seeded = 51: three pages of 20.
    r = m_client->get("/api/v5/customers", { { "limit", "20" }, { "page", "3" } });
    QCOMPARE(r.status, 200);
    const QJsonObject p = r.object().value("pagination").toObject();
    QCOMPARE(p.value("limit").toInt(), 20);
    QCOMPARE(p.value("totalCount").toInt(), 51);
    QCOMPARE(p.value("currentPage").toInt(), 3);
    QCOMPARE(p.value("totalPageCount").toInt(), 3);
    QCOMPARE(r.object().value("customers").toArray().size(), 11);
    QCOMPARE(m_client->get("/api/v5/customers", { { "limit", "100" } })
                 .object()
                 .value("customers")
                 .toArray()
                 .size(),
             51);
    r = m_client->get("/api/v5/customers", { { "limit", "7" } });
    QCOMPARE(r.status, 400);
    QVERIFY(r.object().value("errors").toObject().contains("limit"));
    // A second upload with one duplicate loads the rest and answers 460.
    const QJsonArray mixed { QJsonObject { { "externalId", "u0" } },
                             QJsonObject { { "externalId", "fresh" } } };
    r = m_client->postForm("/api/v5/customers/upload", { { "customers", RetailTestClient::json(mixed) } });
    QCOMPARE(r.status, 460);
    QCOMPARE(r.object().value("uploadedCustomers").toArray().size(), 1);
    QCOMPARE(r.object().value("failedCustomers").toArray().size(), 1);
}

void TestRetailSandboxApi::ordersCreateEditGet()
{
    const QJsonObject order {
        { "externalId", "2311-1" },
        { "number", "2311/1" },
        { "firstName", QStringLiteral("Иван") },
        { "phone", "+79990001122" },
        { "customer", QJsonObject { { "externalId", "1" } } },
        { "items",
          QJsonArray {
              QJsonObject {
                  { "offer", QJsonObject { { "externalId", "15" } } },
                  { "quantity", 2 },
                  { "properties",
                    QJsonArray { QJsonObject { { "name", QStringLiteral("Размер") }, { "value", "L" } } } } },
              QJsonObject { { "offer", QJsonObject { { "xmlId", "SKU-17-L" } } }, { "initialPrice", 3000 } },
              QJsonObject { { "offer", QJsonObject { { "externalId", "unknown" } } },
                            { "productName", "Custom" },
                            { "initialPrice", 10 } } } },
        { "delivery",
          QJsonObject { { "code", "courier" },
                        { "cost", 300 },
                        { "address", QJsonObject { { "text", QStringLiteral("Москва, Тверская 1") } } } } },
        { "payments", QJsonArray { QJsonObject { { "type", "cash" } } } },
        { "customFields", QJsonObject { { "promocode", "SALE" } } },
    };
    TestReply r = m_client->postForm("/api/v5/orders/create",
                                     { { "order", RetailTestClient::json(order) }, { "site", "demo-shop" } });
    QCOMPARE(r.status, 201);
    const QJsonObject created = r.object().value("order").toObject();
    QCOMPARE(r.object().value("id").toInteger(), created.value("id").toInteger());
    const QJsonArray items = created.value("items").toArray();
    QCOMPARE(items.size(), 3);
    QVERIFY(items[0].toObject().value("offer").toObject().value("id").toInteger() > 0);
    QCOMPARE(items[0].toObject().value("initialPrice").toDouble(), 1990.0);
    QCOMPARE(items[1].toObject().value("offer").toObject().value("externalId").toString(),
             QStringLiteral("mod-17-3"));
    QVERIFY(!items[2].toObject().value("offer").toObject().contains("id"));
    QCOMPARE(created.value("totalSumm").toDouble(), 2 * 1990.0 + 3000 + 10 + 300);
    const QJsonArray createdPayments = created.value("payments").toArray(); // a list in this answer
    QCOMPARE(createdPayments.size(), 1);
    QCOMPARE(createdPayments[0].toObject().value("type").toString(), QStringLiteral("cash"));
    const QJsonObject payments = m_client->get("/api/v5/orders/2311-1")
                                     .object()
                                     .value("order")
                                     .toObject()
                                     .value("payments")
                                     .toObject();
    QCOMPARE(payments.size(), 1); // and a map keyed by payment id in GET orders/{id}
    QCOMPARE(payments.begin().key(), QString::number(createdPayments[0].toObject().value("id").toInteger()));
    QCOMPARE(created.value("customer").toObject().value("externalId").toString(), QStringLiteral("1"));
    QCOMPARE(created.value("status").toString(), QStringLiteral("new"));

    r = m_client->postForm("/api/v5/orders/2311-1/edit",
                           { { "order", R"({"status":"assembling","customFields":{"track":"RU1"}})" },
                             { "by", "externalId" },
                             { "site", "demo-shop" } });
    QCOMPARE(r.status, 200);
    r = m_client->get("/api/v5/orders/2311-1");
    QCOMPARE(r.status, 200);
    const QJsonObject edited = r.object().value("order").toObject();
    QCOMPARE(edited.value("status").toString(), QStringLiteral("assembling"));
    QCOMPARE(edited.value("customFields").toObject().value("promocode").toString(), QStringLiteral("SALE"));
    QCOMPARE(edited.value("customFields").toObject().value("track").toString(), QStringLiteral("RU1"));
    QCOMPARE(edited.value("number").toString(), QStringLiteral("2311/1"));

    r = m_client->get("/api/v5/orders",
                      { { "filter[externalIds][]", "2311-1" }, { "filter[externalIds][]", "nope" } });
    QCOMPARE(r.object().value("orders").toArray().size(), 1);
    QCOMPARE(r.object().value("pagination").toObject().value("totalCount").toInt(), 1);
    QCOMPARE(m_client->get("/api/v5/orders", { { "filter[extendedStatus][]", "assembling" } })
                 .object()
                 .value("orders")
                 .toArray()
                 .size(),
             1);
    QCOMPARE(m_client->get("/api/v5/orders", { { "filter[numbers][]", "2311/1" } })
                 .object()
                 .value("orders")
                 .toArray()
                 .size(),
             1);
    const QJsonObject statuses
        = m_client->get("/api/v5/orders/statuses", { { "externalIds[]", "2311-1" } }).object();
    QCOMPARE(statuses.value("orders").toArray()[0].toObject().value("group").toString(),
             QStringLiteral("assembling"));
    // A second create with the same externalId: "Order already exists."
    r = m_client->postForm("/api/v5/orders/create", { { "order", RetailTestClient::json(order) } });
    QCOMPARE(r.status, 400);
    QCOMPARE(r.object().value("errorMsg").toString(), QStringLiteral("Order already exists."));
    QVERIFY(!r.object().contains("errors"));
}

void TestRetailSandboxApi::orderErrorsByField()
{
    TestReply r = m_client->postForm(
        "/api/v5/orders/create",
        { { "order", R"({"externalId":"e1","status":"-- Выберите --","customer":{"externalId":"355"}})" } });
    QCOMPARE(r.status, 400);
    // orders/create refuses with "Order is not loaded" and the errors keyed by field.
    QCOMPARE(r.object().value("errorMsg").toString(), QStringLiteral("Order is not loaded"));
    QCOMPARE(r.object().value("success").toBool(true), false);
    const QJsonObject errors = r.object().value("errors").toObject();
    QCOMPARE(errors.value("status").toString(),
             QStringLiteral("\"Status\" with \"code\"=\"-- Выберите --\" does not exist."));
    QCOMPARE(errors.value("customer.externalId").toString(),
             QStringLiteral("Customer with externalId=355 not found."));
    r = m_client->postForm(
        "/api/v5/orders/create",
        { { "order",
            R"({"externalId":"e2","delivery":{"code":"russian-post"},"payments":[{"type":"cash"}]})" } });
    QCOMPARE(r.status, 400);
    QCOMPARE(r.object().value("errorMsg").toString(), QStringLiteral("Order is not loaded"));
    QCOMPARE(r.object().value("errors").toObject().value("payments[0].type").toString(),
             QStringLiteral("This payment type is not supported for the type of delivery"));
    QCOMPARE(m_client->get("/api/v5/orders", { { "filter[externalIds][]", "e2" } })
                 .object()
                 .value("orders")
                 .toArray()
                 .size(),
             0);
    r = m_client->postForm("/api/v5/orders/e1/edit", { { "order", "{}" }, { "by", "number" } });
    QCOMPARE(r.status, 400);
}

void TestRetailSandboxApi::orderMultipartBody()
{
    // PHP curl sends an array of POST fields as multipart/form-data.
    TestReply r = m_client->postMultipart(
        "/api/v5/orders/create",
        { { "order", R"({"externalId":"mp-1","firstName":"Мульти"})" }, { "site", "demo-shop" } });
    QCOMPARE(r.status, 201);
    QCOMPARE(
        m_client->get("/api/v5/orders/mp-1").object().value("order").toObject().value("firstName").toString(),
        QStringLiteral("Мульти"));
    r = m_client->postMultipart("/api/v5/orders/mp-1/edit",
                                { { "order", R"({"status":"complete"})" }, { "by", "externalId" } });
    QCOMPARE(r.status, 200);
    QCOMPARE(r.object().value("order").toObject().value("status").toString(), QStringLiteral("complete"));
}

void TestRetailSandboxApi::ordersUploadLimits()
{
    QJsonArray batch;
    for (int i = 0; i < 51; ++i)
        batch.append(QJsonObject { { "externalId", QStringLiteral("o%1").arg(i) } });
    QCOMPARE(
        m_client->postForm("/api/v5/orders/upload", { { "orders", RetailTestClient::json(batch) } }).status,
        400);
    batch.removeLast();
    TestReply r
        = m_client->postForm("/api/v5/orders/upload", { { "orders", RetailTestClient::json(batch) } });
    QCOMPARE(r.status, 201);
    QCOMPARE(r.object().value("uploadedOrders").toArray().size(), 50);
    QCOMPARE(r.object().value("uploadedOrders").toArray()[49].toObject().value("externalId").toString(),
             QStringLiteral("o49"));
    const QJsonArray again { QJsonObject { { "externalId", "o1" } },
                             QJsonObject { { "externalId", "o50" } } };
    r = m_client->postForm("/api/v5/orders/upload", { { "orders", RetailTestClient::json(again) } });
    QCOMPARE(r.status, 460);
    QCOMPARE(r.object().value("uploadedOrders").toArray().size(), 1);
    QCOMPARE(r.object().value("failedOrders").toArray()[0].toObject().value("externalId").toString(),
             QStringLiteral("o1"));
}

/**
 * The shapes of the recordings in api-client-php (tests/src/ResourceGroup/OrdersTest.php, CustomersTest.php):
 * payments a list in the answers of orders/create and orders/upload, a map keyed by payment id in GET
 * orders/{id}, GET orders and the orders/{id}/edit answer ({} when there is none); an empty customFields [].
 */
void TestRetailSandboxApi::paymentsAndCustomFieldsShapes()
{
    const QString paid = R"({"externalId":"s-1","payments":[{"type":"cash"},{"type":"bank-card"}]})";
    TestReply r = m_client->postForm("/api/v5/orders/create", { { "order", paid }, { "site", "demo-shop" } });
    QCOMPARE(r.status, 201);
    QJsonObject order = r.object().value("order").toObject();
    QVERIFY(order.value("payments").isArray());
    QCOMPARE(order.value("payments").toArray().size(), 2);
    QCOMPARE(order.value("payments").toArray()[1].toObject().value("type").toString(),
             QStringLiteral("bank-card"));
    QVERIFY(order.value("customFields").isArray());
    QVERIFY(order.value("customFields").toArray().isEmpty());
    const qint64 firstPayment = order.value("payments").toArray()[0].toObject().value("id").toInteger();

    order = m_client->get("/api/v5/orders/s-1").object().value("order").toObject();
    QVERIFY(order.value("payments").isObject());
    QCOMPARE(order.value("payments")
                 .toObject()
                 .value(QString::number(firstPayment))
                 .toObject()
                 .value("type")
                 .toString(),
             QStringLiteral("cash"));
    QVERIFY(order.value("customFields").isArray());

    r = m_client->postForm("/api/v5/orders/s-1/edit",
                           { { "order", R"({"managerComment":"x"})" }, { "site", "demo-shop" } });
    QCOMPARE(r.status, 200);
    QCOMPARE(r.object().value("id").toInteger(), order.value("id").toInteger());
    QVERIFY(r.object().value("order").toObject().value("payments").isObject());
    QCOMPARE(r.object().value("order").toObject().value("payments").toObject().size(), 2);

    // An order without payments: {} in GET orders/{id} and in the list, none in the create answer.
    r = m_client->postForm("/api/v5/orders/create",
                           { { "order", R"({"externalId":"s-2"})" }, { "site", "demo-shop" } });
    QCOMPARE(r.status, 201);
    QVERIFY(!r.object().value("order").toObject().contains("payments"));
    const QJsonObject bare = m_client->get("/api/v5/orders/s-2").object().value("order").toObject();
    QVERIFY(bare.value("payments").isObject());
    QVERIFY(bare.value("payments").toObject().isEmpty());
    const QJsonArray listed = m_client->get("/api/v5/orders", { { "filter[externalIds][]", "s-2" } })
                                  .object()
                                  .value("orders")
                                  .toArray();
    QCOMPARE(listed.size(), 1);
    QVERIFY(listed[0].toObject().value("payments").isObject());
    QVERIFY(listed[0].toObject().value("customFields").isArray());

    // A filled customFields is an object keyed by field code.
    r = m_client->postForm(
        "/api/v5/orders/s-2/edit",
        { { "order", R"({"customFields":{"promocode":"SALE"}})" }, { "site", "demo-shop" } });
    QCOMPARE(r.status, 200);
    QCOMPARE(
        r.object().value("order").toObject().value("customFields").toObject().value("promocode").toString(),
        QStringLiteral("SALE"));

    // orders/upload answers its orders with payments as a list.
    r = m_client->postForm(
        "/api/v5/orders/upload",
        { { "orders", R"([{"externalId":"s-3","payments":[{"type":"cash"}]}])" }, { "site", "demo-shop" } });
    QCOMPARE(r.status, 201);
    const QJsonObject uploaded = r.object().value("orders").toArray()[0].toObject();
    QVERIFY(uploaded.value("payments").isArray());
    QCOMPARE(uploaded.value("payments").toArray().size(), 1);

    // Customers: customFields [] when empty, in GET customers/{id} and the list.
    r = m_client->postForm(
        "/api/v5/customers/create",
        { { "customer", R"({"externalId":"c-shape","firstName":"Пустой"})" }, { "site", "demo-shop" } });
    QCOMPARE(r.status, 201);
    const QJsonObject customer
        = m_client->get("/api/v5/customers/c-shape").object().value("customer").toObject();
    QVERIFY(customer.value("customFields").isArray());
    const QJsonArray customers
        = m_client->get("/api/v5/customers", { { "filter[externalIds][]", "c-shape" } })
              .object()
              .value("customers")
              .toArray();
    QCOMPARE(customers.size(), 1);
    QVERIFY(customers[0].toObject().value("customFields").isArray());
    // and in the created entry of customers/history (CustomersTest::testCustomersHistory: field "id").
    const QJsonArray entries
        = m_client->get("/api/v5/customers/history", { { "filter[customerExternalId]", "c-shape" } })
              .object()
              .value("history")
              .toArray();
    QCOMPARE(entries.size(), 1);
    const QJsonObject created = entries[0].toObject();
    QVERIFY(created.value("created").toBool());
    QCOMPARE(created.value("field").toString(), QStringLiteral("id"));
    QVERIFY(created.value("oldValue").isNull());
    QCOMPARE(created.value("newValue").toInteger(), customer.value("id").toInteger());
    QVERIFY(created.value("customer").toObject().value("customFields").isArray());
}

void TestRetailSandboxApi::sitesAndSelectiveKeys()
{
    QVERIFY(
        m_client
            ->control("seed",
                      { { "sites",
                          QJsonArray { QJsonObject { { "code", "second-shop" }, { "name", "Второй" } } } } })
            .value("ok")
            .toBool());
    QVERIFY(
        m_client->control("api-keys", { { "key", "only-second" }, { "sites", QJsonArray { "second-shop" } } })
            .value("ok")
            .toBool());
    // With two sites, create needs the site parameter.
    TestReply r = m_client->postForm("/api/v5/orders/create", { { "order", R"({"externalId":"s1"})" } });
    QCOMPARE(r.status, 400);
    QCOMPARE(r.object().value("errorMsg").toString(), QStringLiteral("Parameter 'site' is missing"));
    QCOMPARE(m_client
                 ->postForm("/api/v5/orders/create",
                            { { "order", R"({"externalId":"s1"})" }, { "site", "second-shop" } })
                 .status,
             201);
    QCOMPARE(m_client
                 ->postForm("/api/v5/orders/create",
                            { { "order", R"({"externalId":"s1"})" }, { "site", "demo-shop" } })
                 .status,
             201);
    QCOMPARE(m_client->get("/api/v5/orders", { { "filter[sites][]", "second-shop" } })
                 .object()
                 .value("orders")
                 .toArray()
                 .size(),
             1);
    QCOMPARE(m_client->get("/api/v5/orders/s1", { { "site", "nowhere" } }).status, 400);

    m_client->apiKey = QStringLiteral("only-second");
    const QJsonObject c = m_client->get("/api/credentials").object();
    QCOMPARE(c.value("siteAccess").toString(), QStringLiteral("access_selective"));
    QCOMPARE(c.value("sitesAvailable").toArray(), QJsonArray { "second-shop" });
    QCOMPARE(m_client->get("/api/v5/orders").object().value("orders").toArray().size(), 1);
    r = m_client->get("/api/v5/orders/s1", { { "site", "demo-shop" } });
    QCOMPARE(r.status, 403);
    QCOMPARE(r.object().value("errorMsg").toString(), QStringLiteral("Access denied."));
    QCOMPARE(m_client->get("/api/v5/orders/s1").object().value("order").toObject().value("site").toString(),
             QStringLiteral("second-shop"));
}

QTEST_GUILESS_MAIN(TestRetailSandboxApi)
#include "tst_RetailSandboxApi.moc"
