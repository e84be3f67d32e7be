// SPDX-License-Identifier: GPL-3.0-or-later
// Conformance of the amoCRM sandbox's customers: the mode switch (GET/PATCH /customers/mode, 402 on a
// plan without customers, 422 from every customers endpoint while they are off), customers with their
// contacts and custom fields, transactions with catalog elements counting into the customer's ltv and
// purchases_count, the account-wide transactions list, notes on customers, and segments; a manager's
// change of a customer's field is a custom_field_<id>_value_changed event (what back-sync of bonus
// points reads).

#include "amocrm/AmoCrmSandbox.h"
#include "sandbox/tests/DemoAmoSandbox.h"
#include "sandbox/tests/SandboxTestClient.h"

#include <QTest>

using namespace Sandbox::AmoCrm;
using namespace Sandbox::Testing;

class TestAmoSandboxCustomers : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void modeSwitchesAndOffIs422();
    void modeNeedsBothKeysAndAPlan();
    void customerWithContactAndFields();
    void aManagersFieldChangeIsAnEvent();
    void transactionsCountIntoTheCustomer();
    void transactionValidation();
    void notesOnCustomers();
    void segmentsOnlyInSegmentation();

private:
    qint64 firstId(const QString &path, const QString &key);
    qint64 productElement(qint64 *catalog);
    qint64 createCustomer(const QJsonObject &body);

    std::unique_ptr<AmoCrmSandbox> m_sandbox;
    std::unique_ptr<SandboxTestClient> m_client;
};

void TestAmoSandboxCustomers::initTestCase()
{
    QString error;
    QVERIFY2(Sandbox::Testing::startDemoAmoSandbox(m_sandbox, m_client, &error), qPrintable(error));
}

void TestAmoSandboxCustomers::init()
{
    m_client->control("reset", { { "seed", "demo" } });
    m_client->control("account", { { "rate", 0 }, { "reset_limiter", true } });
    QVERIFY(!m_client->authorize(m_sandbox->readyInfo()).isEmpty());
}

qint64 TestAmoSandboxCustomers::firstId(const QString &path, const QString &key)
{
    return m_client->get(path)
        .object()
        .value("_embedded")
        .toObject()
        .value(key)
        .toArray()
        .first()
        .toObject()
        .value("id")
        .toInteger();
}

qint64 TestAmoSandboxCustomers::productElement(qint64 *catalog)
{
    *catalog = firstId(QStringLiteral("/api/v4/catalogs"), QStringLiteral("catalogs"));
    return firstId(QStringLiteral("/api/v4/catalogs/%1/elements").arg(*catalog), QStringLiteral("elements"));
}

qint64 TestAmoSandboxCustomers::createCustomer(const QJsonObject &body)
{
    const TestReply reply = m_client->post("/api/v4/customers", QJsonArray { body });
    if (reply.status != 200)
        qWarning() << reply.body;
    return reply.object()
        .value("_embedded")
        .toObject()
        .value("customers")
        .toArray()
        .first()
        .toObject()
        .value("id")
        .toInteger();
}

void TestAmoSandboxCustomers::modeSwitchesAndOffIs422()
{
    QCOMPARE(m_client->get("/api/v4/customers/mode").object().value("is_enabled").toBool(), true);
    const TestReply off = m_client->patch("/api/v4/customers/mode",
                                          QJsonObject { { "mode", "segments" }, { "is_enabled", false } });
    QCOMPARE(off.status, 200);
    QCOMPARE(off.object().value("is_enabled").toBool(), false);
    QCOMPARE(m_client->get("/api/v4/account").object().value("customers_mode").toString(),
             QStringLiteral("disabled"));
    const QJsonObject mode = m_client->get("/api/v4/customers/mode").object();
    QCOMPARE(mode.value("is_enabled").toBool(), false);
    QCOMPARE(mode.value("mode").toString(), QStringLiteral("segments"));

    // Every customers endpoint refuses, with a problem body the client can tell apart.
    for (const QString &path :
         { QStringLiteral("/api/v4/customers"), QStringLiteral("/api/v4/customers/transactions") }) {
        const TestReply reply = m_client->get(path);
        QCOMPARE(reply.status, 422);
        QVERIFY(reply.contentType.startsWith("application/problem+json"));
        QCOMPARE(reply.object().value("status").toInt(), 422);
    }
    QCOMPARE(m_client->post("/api/v4/customers", QJsonArray { QJsonObject { { "name", "X" } } }).status, 422);
    const int customersBefore = m_client->control("state", {}, "GET").value("customers").toArray().size();

    // On again: customers are there as they were, and a new one can be made.
    QCOMPARE(
        m_client
            ->patch("/api/v4/customers/mode", QJsonObject { { "mode", "segments" }, { "is_enabled", true } })
            .status,
        200);
    QCOMPARE(m_client->get("/api/v4/account").object().value("customers_mode").toString(),
             QStringLiteral("segments"));
    QVERIFY(createCustomer({ { "name", "Новый" } }) > 0);
    QCOMPARE(m_client->control("state", {}, "GET").value("customers").toArray().size(), customersBefore + 1);
}

void TestAmoSandboxCustomers::modeNeedsBothKeysAndAPlan()
{
    QCOMPARE(m_client->patch("/api/v4/customers/mode", QJsonObject { { "mode", "segments" } }).status, 400);
    const TestReply bad = m_client->patch("/api/v4/customers/mode",
                                          QJsonObject { { "mode", "weekly" }, { "is_enabled", true } });
    QCOMPARE(bad.status, 400);
    QVERIFY(bad.object().contains("validation-errors"));
    m_client->control("account", { { "customers_mode", "unavailable" } });
    QCOMPARE(
        m_client
            ->patch("/api/v4/customers/mode", QJsonObject { { "mode", "segments" }, { "is_enabled", true } })
            .status,
        402);
    QCOMPARE(m_client->get("/api/v4/customers").status, 422);
}

void TestAmoSandboxCustomers::customerWithContactAndFields()
{
    const qint64 contact = firstId(QStringLiteral("/api/v4/contacts"), QStringLiteral("contacts"));
    const TestReply field = m_client->post(
        "/api/v4/customers/custom_fields",
        QJsonArray { QJsonObject { { "name", QStringLiteral("Бонусные баллы") }, { "type", "numeric" } } });
    QCOMPARE(field.status, 201);
    const qint64 fieldId = field.object()
                               .value("_embedded")
                               .toObject()
                               .value("custom_fields")
                               .toArray()[0]
                               .toObject()
                               .value("id")
                               .toInteger();
    QVERIFY(fieldId > 0);
    // A select-style key on a numeric field is refused as on leads.
    const TestReply refused
        = m_client->post("/api/v4/customers",
                         QJsonArray { QJsonObject {
                             { "name", "A" },
                             { "custom_fields_values",
                               QJsonArray { QJsonObject {
                                   { "field_id", fieldId },
                                   { "values", QJsonArray { QJsonObject { { "enum_id", 1 } } } } } } } } });
    QCOMPARE(refused.status, 400);

    const qint64 id = createCustomer(
        { { "name", QStringLiteral("Мария Камерова") },
          { "custom_fields_values",
            QJsonArray { QJsonObject { { "field_id", fieldId },
                                       { "values", QJsonArray { QJsonObject { { "value", 120 } } } } } } },
          { "_embedded",
            QJsonObject { { "contacts", QJsonArray { QJsonObject { { "id", contact } } } } } } });
    QVERIFY(id > 0);
    const QJsonObject read = m_client->get(QStringLiteral("/api/v4/customers/%1").arg(id)).object();
    QCOMPARE(read.value("name").toString(), QStringLiteral("Мария Камерова"));
    QCOMPARE(
        read.value("_embedded").toObject().value("contacts").toArray()[0].toObject().value("id").toInteger(),
        contact);
    QCOMPARE(read.value("custom_fields_values")
                 .toArray()[0]
                 .toObject()
                 .value("values")
                 .toArray()[0]
                 .toObject()
                 .value("value")
                 .toVariant()
                 .toString(),
             QStringLiteral("120"));
    // The contact knows its customer.
    const QJsonArray customers
        = m_client->get(QStringLiteral("/api/v4/contacts/%1?with=customers").arg(contact))
              .object()
              .value("_embedded")
              .toObject()
              .value("customers")
              .toArray();
    bool found = false;
    for (const QJsonValue &c : customers)
        found = found || c.toObject().value("id").toInteger() == id;
    QVERIFY(found);
    // PATCH changes the fields.
    const TestReply patched = m_client->patch(
        QStringLiteral("/api/v4/customers/%1").arg(id),
        QJsonObject { { "custom_fields_values",
                        QJsonArray { QJsonObject {
                            { "field_id", fieldId },
                            { "values", QJsonArray { QJsonObject { { "value", 300 } } } } } } } });
    QCOMPARE(patched.status, 200);
    QCOMPARE(m_client->get(QStringLiteral("/api/v4/customers/%1").arg(id))
                 .object()
                 .value("custom_fields_values")
                 .toArray()[0]
                 .toObject()
                 .value("values")
                 .toArray()[0]
                 .toObject()
                 .value("value")
                 .toVariant()
                 .toString(),
             QStringLiteral("300"));
}

void TestAmoSandboxCustomers::aManagersFieldChangeIsAnEvent()
{
    const qint64 fieldId = m_client
                               ->post("/api/v4/customers/custom_fields",
                                      QJsonArray { QJsonObject { { "name", QStringLiteral("Бонусные баллы") },
                                                                 { "type", "numeric" } } })
                               .object()
                               .value("_embedded")
                               .toObject()
                               .value("custom_fields")
                               .toArray()[0]
                               .toObject()
                               .value("id")
                               .toInteger();
    QVERIFY(fieldId > 0);
    const auto points = [fieldId](int value) {
        return QJsonArray { QJsonObject { { "field_id", fieldId },
                                          { "values", QJsonArray { QJsonObject { { "value", value } } } } } };
    };
    const qint64 id = createCustomer(
        { { "name", QStringLiteral("Мария Камерова") }, { "custom_fields_values", points(120) } });
    QVERIFY(id > 0);
    const QJsonObject edited
        = m_client->control("manager/customer", { { "id", id }, { "custom_fields_values", points(450) } });
    QCOMPARE(edited.value("id").toInteger(), id);
    // The same value again changes nothing: no event.
    QCOMPARE(m_client
                 ->patch(QStringLiteral("/api/v4/customers/%1").arg(id),
                         QJsonObject { { "custom_fields_values", points(450) } })
                 .status,
             200);
    const QString type = QStringLiteral("custom_field_%1_value_changed").arg(fieldId);
    const QJsonArray events
        = m_client->get(QStringLiteral("/api/v4/events?filter[type]=lead_status_changed,%1").arg(type))
              .object()
              .value("_embedded")
              .toObject()
              .value("events")
              .toArray();
    QCOMPARE(events.size(), 1);
    const QJsonObject event = events[0].toObject();
    QCOMPARE(event.value("type").toString(), type);
    QCOMPARE(event.value("entity_type").toString(), QStringLiteral("customer"));
    QCOMPARE(event.value("entity_id").toInteger(), id);
    const auto text = [](const QJsonValue &values) {
        return values.toArray()[0].toObject().value("custom_field_value").toObject().value("text").toString();
    };
    QCOMPARE(text(event.value("value_before")), QStringLiteral("120"));
    QCOMPARE(text(event.value("value_after")), QStringLiteral("450"));
    // A manager's edit needs the customer.
    QCOMPARE(m_client->control("manager/customer", { { "custom_fields_values", points(1) } }).contains("id"),
             false);
}

void TestAmoSandboxCustomers::transactionsCountIntoTheCustomer()
{
    qint64 catalog = 0;
    const qint64 element = productElement(&catalog);
    const qint64 id = createCustomer({ { "name", QStringLiteral("Покупатель") } });
    const QString path = QStringLiteral("/api/v4/customers/%1/transactions").arg(id);
    const TestReply added = m_client->post(
        path,
        QJsonArray { QJsonObject { { "price", 12345 },
                                   { "comment", QStringLiteral("Продажа 00012") },
                                   { "completed_at", 1767000000 },
                                   { "request_id", "7" },
                                   { "_embedded",
                                     QJsonObject { { "catalog_elements",
                                                     QJsonArray { QJsonObject {
                                                         { "id", element },
                                                         { "metadata",
                                                           QJsonObject { { "catalog_id", catalog },
                                                                         { "quantity", 2 } } } } } } } } },
                     QJsonObject { { "price", 655 }, { "request_id", "8" } } });
    QCOMPARE(added.status, 200);
    const QJsonArray out = added.object().value("_embedded").toObject().value("transactions").toArray();
    QCOMPARE(out.size(), 2);
    QCOMPARE(out[0].toObject().value("request_id").toString(), QStringLiteral("7"));
    const QJsonObject customer = m_client->get(QStringLiteral("/api/v4/customers/%1").arg(id)).object();
    QCOMPARE(customer.value("purchases_count").toInt(), 2);
    QCOMPARE(customer.value("ltv").toInteger(), 13000);
    QCOMPARE(customer.value("average_check").toInteger(), 6500);

    const QJsonArray mine
        = m_client->get(path).object().value("_embedded").toObject().value("transactions").toArray();
    QCOMPARE(mine.size(), 2);
    const QJsonObject first = mine[0].toObject();
    QCOMPARE(first.value("comment").toString(), QStringLiteral("Продажа 00012"));
    QCOMPARE(first.value("completed_at").toInteger(), 1767000000);
    const QJsonObject link
        = first.value("_embedded").toObject().value("catalog_elements").toArray()[0].toObject();
    QCOMPARE(link.value("id").toInteger(), element);
    QCOMPARE(link.value("metadata").toObject().value("quantity").toDouble(), 2.0);
    // The account-wide list has them with the seed's two.
    QCOMPARE(m_client->get("/api/v4/customers/transactions")
                 .object()
                 .value("_embedded")
                 .toObject()
                 .value("transactions")
                 .toArray()
                 .size(),
             4);

    // Deleting one takes it out of the totals.
    QCOMPARE(
        m_client->send("DELETE", path + QStringLiteral("/%1").arg(out[1].toObject().value("id").toInteger()))
            .status,
        204);
    QCOMPARE(m_client->get(QStringLiteral("/api/v4/customers/%1").arg(id)).object().value("ltv").toInteger(),
             12345);
}

void TestAmoSandboxCustomers::transactionValidation()
{
    qint64 catalog = 0;
    const qint64 element = productElement(&catalog);
    const qint64 id = createCustomer({ { "name", QStringLiteral("Покупатель") } });
    const QString path = QStringLiteral("/api/v4/customers/%1/transactions").arg(id);
    auto errorsOf = [](const TestReply &reply) {
        return reply.object()
            .value("validation-errors")
            .toArray()[0]
            .toObject()
            .value("errors")
            .toArray()[0]
            .toObject();
    };
    TestReply reply = m_client->post(path, QJsonArray { QJsonObject { { "price", "12" } } });
    QCOMPARE(reply.status, 400);
    QCOMPARE(errorsOf(reply).value("path").toString(), QStringLiteral("price"));
    reply = m_client->post(
        path,
        QJsonArray { QJsonObject {
            { "price", 10 },
            { "_embedded",
              QJsonObject { { "catalog_elements",
                              QJsonArray { QJsonObject {
                                  { "id", 999999 },
                                  { "metadata", QJsonObject { { "catalog_id", catalog } } } } } } } } } });
    QCOMPARE(reply.status, 400);
    QCOMPARE(errorsOf(reply).value("path").toString(), QStringLiteral("_embedded.catalog_elements.0.id"));
    reply = m_client->post(
        path,
        QJsonArray { QJsonObject {
            { "price", 10 },
            { "_embedded",
              QJsonObject { { "catalog_elements",
                              QJsonArray { QJsonObject { { "id", element },
                                                         { "metadata",
                                                           QJsonObject { { "catalog_id", catalog },
                                                                         { "quantity", 0 } } } } } } } } } });
    QCOMPARE(reply.status, 400);
    QCOMPARE(errorsOf(reply).value("path").toString(),
             QStringLiteral("_embedded.catalog_elements.0.metadata.quantity"));
    reply = m_client->post(path, QJsonArray { QJsonObject { { "price", 10 }, { "request_id", "0" } } });
    QCOMPARE(reply.status, 400);
    QCOMPARE(m_client
                 ->post(QStringLiteral("/api/v4/customers/999999/transactions"),
                        QJsonArray { QJsonObject { { "price", 1 } } })
                 .status,
             404);
    // Nothing of it was stored.
    QCOMPARE(m_client->get(QStringLiteral("/api/v4/customers/%1").arg(id))
                 .object()
                 .value("purchases_count")
                 .toInt(),
             0);
    QCOMPARE(m_client->get(path).status, 204);
}

void TestAmoSandboxCustomers::notesOnCustomers()
{
    const qint64 id = createCustomer({ { "name", QStringLiteral("Покупатель") } });
    const TestReply note = m_client->post(
        "/api/v4/customers/notes",
        QJsonArray { QJsonObject {
            { "entity_id", id },
            { "note_type", "common" },
            { "params",
              QJsonObject {
                  { "text", QStringLiteral("Покупка на 12 345 ₽: Камера") } } } } });
    QCOMPARE(note.status, 200);
    const QJsonArray notes = m_client->get(QStringLiteral("/api/v4/customers/%1/notes").arg(id))
                                 .object()
                                 .value("_embedded")
                                 .toObject()
                                 .value("notes")
                                 .toArray();
    QCOMPARE(notes.size(), 1);
    QCOMPARE(notes[0].toObject().value("params").toObject().value("text").toString(),
             QStringLiteral("Покупка на 12 345 ₽: Камера"));
}

void TestAmoSandboxCustomers::segmentsOnlyInSegmentation()
{
    // The demo account counts by periodicity: no segments then.
    QCOMPARE(m_client->get("/api/v4/customers/segments").status, 422);
    m_client->control("account", { { "customers_mode", "dynamic" } });
    const TestReply list = m_client->get("/api/v4/customers/segments");
    QCOMPARE(list.status, 200);
    const QJsonArray segments = list.object().value("_embedded").toObject().value("segments").toArray();
    QCOMPARE(segments.size(), 2);
    QCOMPARE(segments[0].toObject().value("name").toString(), QStringLiteral("Фотографы"));
    QCOMPARE(list.object().value("_total_items").toInt(), 2);
    const qint64 sid = segments[0].toObject().value("id").toInteger();
    QCOMPARE(m_client->get(QStringLiteral("/api/v4/customers/segments/%1").arg(sid))
                 .object()
                 .value("id")
                 .toInteger(),
             sid);
    QCOMPARE(m_client->get("/api/v4/customers/segments/999999").status, 204);
    // Dynamic segmentation is "segments" for the mode endpoint, and customers work in it.
    QCOMPARE(m_client->get("/api/v4/customers/mode").object().value("mode").toString(),
             QStringLiteral("segments"));
    QCOMPARE(m_client->get("/api/v4/customers").status, 200);
}

QTEST_GUILESS_MAIN(TestAmoSandboxCustomers)
#include "tst_AmoSandboxCustomers.moc"
