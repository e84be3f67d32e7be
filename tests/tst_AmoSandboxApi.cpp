// SPDX-License-Identifier: GPL-3.0-or-later
// Conformance of the amoCRM sandbox's entity API: HAL shapes, 204s, batch limits, request_id,
// validation paths, full-text search quirks, complex add with duplicate control, events, notes.

#include "amocrm/AmoCrmSandbox.h"
#include "sandbox/tests/DemoAmoSandbox.h"
#include "sandbox/tests/SandboxTestClient.h"

#include <QTest>

using namespace Sandbox::AmoCrm;
using namespace Sandbox::Testing;

class TestAmoSandboxApi : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void emptyResultsAre204();
    void halPagingFollowsNext();
    void batchLimits();
    void requestIdIsEchoed();
    void validationErrorsHavePaths();
    void unpaidAndBlockedAccounts();
    void queryHasThePlusSevenWeakness();
    void contactsFilterAndOrder();
    void complexAnswersBareArray();
    void complexDuplicateControlMerges();
    void statusChangeKeepsPipelineFor142();
    void eventsFilters();
    void customFieldsAndEnums();
    void notesAndTags();
    void catalogsAndCustomers();
    void unknownPathIs404();

private:
    qint64 fieldId(const QString &entity, const QString &name);
    QJsonObject state() { return m_client->control("state", {}, "GET"); }

    std::unique_ptr<AmoCrmSandbox> m_sandbox;
    std::unique_ptr<SandboxTestClient> m_client;
};

void TestAmoSandboxApi::initTestCase()
{
    QString error;
    QVERIFY2(Sandbox::Testing::startDemoAmoSandbox(m_sandbox, m_client, &error), qPrintable(error));
}

void TestAmoSandboxApi::init()
{
    m_client->control("reset", { { "seed", "demo" } });
    QVERIFY(!m_client->authorize(m_sandbox->readyInfo()).isEmpty());
}

qint64 TestAmoSandboxApi::fieldId(const QString &entity, const QString &name)
{
    const TestReply reply = m_client->get(QStringLiteral("/api/v4/%1/custom_fields?limit=50").arg(entity));
    for (const QJsonValue &f :
         reply.object().value("_embedded").toObject().value("custom_fields").toArray()) {
        if (f.toObject().value("name").toString() == name || f.toObject().value("code").toString() == name)
            return f.toObject().value("id").toInteger();
    }
    return 0;
}

void TestAmoSandboxApi::emptyResultsAre204()
{
    const TestReply search = m_client->get("/api/v4/contacts?query=" + SandboxTestClient::enc("нет такого"));
    QCOMPARE(search.status, 204);
    QVERIFY(search.body.isEmpty());
    QCOMPARE(m_client->get("/api/v4/leads?page=99").status, 204);
    QCOMPARE(m_client->get("/api/v4/leads/999999").status, 204);
    QCOMPARE(m_client->get("/api/v4/events").status, 204);
    QCOMPARE(m_client->get("/api/v4/webhooks").status, 204);
    const TestReply list = m_client->get("/api/v4/leads");
    QCOMPARE(list.status, 200);
    QVERIFY(list.contentType.startsWith("application/hal+json"));
    QCOMPARE(list.object().value("_page").toInt(), 1);
}

void TestAmoSandboxApi::halPagingFollowsNext()
{
    const TestReply first = m_client->get("/api/v4/leads?limit=4");
    QCOMPARE(first.status, 200);
    QCOMPARE(first.object().value("_embedded").toObject().value("leads").toArray().size(), 4);
    const QString next
        = first.object().value("_links").toObject().value("next").toObject().value("href").toString();
    QVERIFY(next.startsWith(m_sandbox->baseUrl().toString() + "/api/v4/leads?"));
    const TestReply second = m_client->get(next.mid(m_sandbox->baseUrl().toString().size()));
    QCOMPARE(second.status, 200);
    QCOMPARE(second.object().value("_page").toInt(), 2);
    QCOMPARE(second.object().value("_embedded").toObject().value("leads").toArray().size(), 2);
    QVERIFY(!second.object().value("_links").toObject().contains("next"));
    QCOMPARE(m_client->get("/api/v4/leads?limit=251").status, 422);
}

void TestAmoSandboxApi::batchLimits()
{
    const qsizetype before = state().value("leads").toArray().size();
    QJsonArray leads;
    for (int i = 0; i < 251; ++i)
        leads.append(QJsonObject { { "name", QStringLiteral("L%1").arg(i) } });
    const TestReply tooMany = m_client->post("/api/v4/leads", leads);
    QCOMPARE(tooMany.status, 422);
    QVERIFY(tooMany.contentType.startsWith("application/problem+json"));
    QCOMPARE(state().value("leads").toArray().size(), before);
    leads.removeLast();
    QCOMPARE(m_client->post("/api/v4/leads", leads).status, 200);
    QCOMPARE(state().value("leads").toArray().size(), before + 250);

    QJsonArray complex;
    for (int i = 0; i < 51; ++i)
        complex.append(QJsonObject { { "name", QStringLiteral("C%1").arg(i) } });
    QCOMPARE(m_client->post("/api/v4/leads/complex", complex).status, 400);

    const qint64 city = fieldId("leads", QStringLiteral("Город"));
    QJsonArray fields;
    for (int i = 0; i < 41; ++i)
        fields.append(QJsonObject { { "field_id", city },
                                    { "values", QJsonArray { QJsonObject { { "value", "x" } } } } });
    const TestReply tooManyValues
        = m_client->post("/api/v4/leads/complex",
                         QJsonArray { QJsonObject { { "name", "cf" }, { "custom_fields_values", fields } } });
    QCOMPARE(tooManyValues.status, 400);
    const QJsonArray errors = tooManyValues.object().value("validation-errors").toArray();
    QCOMPARE(errors.first().toObject().value("errors").toArray().first().toObject().value("path").toString(),
             QStringLiteral("custom_fields_values"));
    fields.removeLast();
    QCOMPARE(m_client
                 ->post("/api/v4/leads/complex",
                        QJsonArray { QJsonObject { { "name", "cf" }, { "custom_fields_values", fields } } })
                 .status,
             200);

    QCOMPARE(m_client->post("/api/v4/leads", QJsonArray()).status, 400);
}

void TestAmoSandboxApi::requestIdIsEchoed()
{
    const TestReply reply
        = m_client->post("/api/v4/leads",
                         QJsonArray { QJsonObject { { "name", "a" }, { "request_id", "order-17" } },
                                      QJsonObject { { "name", "b" } } });
    QCOMPARE(reply.status, 200);
    const QJsonArray created = reply.object().value("_embedded").toObject().value("leads").toArray();
    QCOMPARE(created.size(), 2);
    QCOMPARE(created[0].toObject().value("request_id").toString(), QStringLiteral("order-17"));
    QCOMPARE(created[1].toObject().value("request_id").toString(), QStringLiteral("1"));
    QVERIFY(created[0].toObject().value("id").toInteger() > 0);
    QVERIFY(created[0].toObject().value("_links").toObject().contains("self"));

    const qint64 id = created[0].toObject().value("id").toInteger();
    const TestReply patched = m_client->patch(
        "/api/v4/leads",
        QJsonArray { QJsonObject { { "id", id }, { "price", 500 }, { "request_id", "p1" } } });
    QCOMPARE(patched.status, 200);
    QCOMPARE(patched.object()
                 .value("_embedded")
                 .toObject()
                 .value("leads")
                 .toArray()
                 .first()
                 .toObject()
                 .value("request_id")
                 .toString(),
             QStringLiteral("p1"));
    QCOMPARE(m_client->get(QStringLiteral("/api/v4/leads/%1").arg(id)).object().value("price").toInt(), 500);
}

void TestAmoSandboxApi::validationErrorsHavePaths()
{
    const qint64 delivery = fieldId("leads", QStringLiteral("Способ доставки"));
    const qint64 number = fieldId("leads", QStringLiteral("Номер заказа"));
    const TestReply reply = m_client->post(
        "/api/v4/leads",
        QJsonArray {
            QJsonObject { { "name", "ok" }, { "request_id", "good" } },
            QJsonObject {
                { "name", "bad" },
                { "request_id", "x" },
                { "custom_fields_values",
                  QJsonArray {
                      QJsonObject { { "field_id", number },
                                    { "values", QJsonArray { QJsonObject { { "value", "5" } } } } },
                      QJsonObject {
                          { "field_id", delivery },
                          { "values",
                            QJsonArray { QJsonObject { { "value", QStringLiteral("Телепорт") } } } } },
                      QJsonObject { { "field_id", 1 },
                                    { "values", QJsonArray { QJsonObject { { "value", "?" } } } } } } } } });
    QCOMPARE(reply.status, 400);
    QVERIFY(reply.contentType.startsWith("application/problem+json"));
    const QJsonArray validation = reply.object().value("validation-errors").toArray();
    QCOMPARE(validation.size(), 1);
    QCOMPARE(validation[0].toObject().value("request_id").toString(), QStringLiteral("x"));
    const QJsonArray errors = validation[0].toObject().value("errors").toArray();
    QCOMPARE(errors.size(), 2);
    QCOMPARE(errors[0].toObject().value("code").toString(), QStringLiteral("NotSupportedChoice"));
    QCOMPARE(errors[0].toObject().value("path").toString(),
             QStringLiteral("custom_fields_values.1.values.0.value"));
    QCOMPARE(errors[1].toObject().value("path").toString(),
             QStringLiteral("custom_fields_values.2.field_id"));

    // Nothing of a rejected batch is stored, not even the valid item.
    QCOMPARE(m_client->get("/api/v4/leads?query=ok").status, 204);

    const TestReply phone = m_client->post(
        "/api/v4/contacts",
        QJsonArray { QJsonObject {
            { "name", "n" },
            { "custom_fields_values",
              QJsonArray { QJsonObject {
                  { "field_code", "PHONE" },
                  { "values",
                    QJsonArray { QJsonObject { { "value", "+7900" }, { "enum_code", "CELL" } } } } } } } } });
    QCOMPARE(phone.status, 400);
    QCOMPARE(phone.object()
                 .value("validation-errors")
                 .toArray()[0]
                 .toObject()
                 .value("errors")
                 .toArray()[0]
                 .toObject()
                 .value("path")
                 .toString(),
             QStringLiteral("custom_fields_values.0.values.0.enum_code"));

    const TestReply price
        = m_client->post("/api/v4/leads", QJsonArray { QJsonObject { { "price", "100" } } });
    QCOMPARE(price.status, 400);
    QCOMPARE(price.object()
                 .value("validation-errors")
                 .toArray()[0]
                 .toObject()
                 .value("errors")
                 .toArray()[0]
                 .toObject()
                 .value("code")
                 .toString(),
             QStringLiteral("InvalidType"));
}

void TestAmoSandboxApi::unpaidAndBlockedAccounts()
{
    m_client->control("account", { { "unpaid", true } });
    const TestReply unpaid = m_client->get("/api/v4/leads");
    QCOMPARE(unpaid.status, 402);
    QVERIFY(unpaid.contentType.startsWith("application/problem+json"));
    m_client->control("account", { { "unpaid", false }, { "blocked", true } });
    const TestReply blocked = m_client->get("/api/v4/leads");
    QCOMPARE(blocked.status, 403);
    QVERIFY(blocked.contentType.startsWith("text/html"));
    QVERIFY(blocked.body.contains("nginx"));
    m_client->control("account", { { "blocked", false } });
    QCOMPARE(m_client->get("/api/v4/leads").status, 200);
}

void TestAmoSandboxApi::queryHasThePlusSevenWeakness()
{
    const TestReply created = m_client->post(
        "/api/v4/contacts",
        QJsonArray { QJsonObject {
            { "name", QStringLiteral("Семён Лобанов") },
            { "custom_fields_values",
              QJsonArray { QJsonObject { { "field_code", "PHONE" },
                                         { "values",
                                           QJsonArray { QJsonObject { { "value", "89161112233" },
                                                                      { "enum_code", "MOB" } } } } } } } } });
    QCOMPARE(created.status, 200);
    QCOMPARE(m_client->get("/api/v4/contacts?query=" + SandboxTestClient::enc("+79161112233")).status, 204);
    QCOMPARE(m_client->get("/api/v4/contacts?query=89161112233").status, 200);
    const TestReply tail = m_client->get("/api/v4/contacts?query=9161112233");
    QCOMPARE(tail.status, 200);
    QCOMPARE(tail.object().value("_embedded").toObject().value("contacts").toArray().size(), 1);
    // The demo contact stored as +79123456789 is found by its +7 form (a '+' must be sent as %2B)…
    QCOMPARE(m_client->get("/api/v4/contacts?query=" + SandboxTestClient::enc("+79123456789")).status, 200);
    // …but not by the 8 form.
    QCOMPARE(m_client->get("/api/v4/contacts?query=89123456789").status, 204);
    // Search also covers names, case-insensitively.
    QCOMPARE(
        m_client->get("/api/v4/contacts?query=" + SandboxTestClient::enc(QStringLiteral("лобанов"))).status,
        200);
}

void TestAmoSandboxApi::contactsFilterAndOrder()
{
    const QJsonArray all = state().value("contacts").toArray();
    QVERIFY(all.size() >= 5);
    const TestReply desc = m_client->get("/api/v4/contacts?order[id]=desc");
    const QJsonArray items = desc.object().value("_embedded").toObject().value("contacts").toArray();
    QVERIFY(items.first().toObject().value("id").toInteger()
            > items.last().toObject().value("id").toInteger());

    m_client->control("clock", { { "advance", 3600 } });
    const qint64 now = m_client->control("clock", {}, "GET").value("now").toInteger();
    const qint64 id = items.last().toObject().value("id").toInteger();
    QCOMPARE(
        m_client
            ->patch("/api/v4/contacts", QJsonArray { QJsonObject { { "id", id }, { "name", "Renamed" } } })
            .status,
        200);
    const TestReply recent
        = m_client->get(QStringLiteral("/api/v4/contacts?filter[updated_at][from]=%1").arg(now - 5));
    QCOMPARE(recent.status, 200);
    const QJsonArray changed = recent.object().value("_embedded").toObject().value("contacts").toArray();
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed[0].toObject().value("id").toInteger(), id);
    QCOMPARE(m_client->get(QStringLiteral("/api/v4/contacts?filter[updated_at][to]=%1").arg(now - 1000000000))
                 .status,
             204);
}

void TestAmoSandboxApi::complexAnswersBareArray()
{
    const TestReply reply = m_client->post(
        "/api/v4/leads/complex",
        QJsonArray { QJsonObject {
            { "name", QStringLiteral("Заказ #2001") },
            { "price", 3100 },
            { "request_id", "o2001" },
            { "_embedded",
              QJsonObject {
                  { "contacts", QJsonArray { QJsonObject { { "first_name", QStringLiteral("Нина") } } } },
                  { "companies",
                    QJsonArray { QJsonObject { { "name", QStringLiteral("ИП Нина") } } } } } } } });
    QCOMPARE(reply.status, 200);
    const QJsonArray items = reply.array();
    QCOMPARE(items.size(), 1);
    const QJsonObject item = items[0].toObject();
    QVERIFY(item.value("id").toInteger() > 0);
    QVERIFY(item.value("contact_id").toInteger() > 0);
    QVERIFY(item.value("company_id").toInteger() > 0);
    QCOMPARE(item.value("request_id").toArray(), QJsonArray { "o2001" });
    QCOMPARE(item.value("merged").toBool(), false);
    const QJsonObject lead
        = m_client->get(QStringLiteral("/api/v4/leads/%1?with=contacts").arg(item.value("id").toInteger()))
              .object();
    QCOMPARE(
        lead.value("_embedded").toObject().value("contacts").toArray()[0].toObject().value("id").toInteger(),
        item.value("contact_id").toInteger());

    const TestReply twoContacts
        = m_client->post("/api/v4/leads/complex",
                         QJsonArray { QJsonObject {
                             { "_embedded",
                               QJsonObject { { "contacts",
                                               QJsonArray { QJsonObject { { "name", "a" } },
                                                            QJsonObject { { "name", "b" } } } } } } } });
    QCOMPARE(twoContacts.status, 400);
}

void TestAmoSandboxApi::complexDuplicateControlMerges()
{
    auto order = [](const QString &rid, const QString &phone) {
        return QJsonObject {
            { "name", QStringLiteral("Заказ ") + rid },
            { "request_id", rid },
            { "_embedded",
              QJsonObject {
                  { "contacts",
                    QJsonArray { QJsonObject {
                        { "first_name", QStringLiteral("Вера") },
                        { "custom_fields_values",
                          QJsonArray { QJsonObject {
                              { "field_code", "PHONE" },
                              { "values", QJsonArray { QJsonObject { { "value", phone } } } } } } } } } } } }
        };
    };
    const QJsonObject first
        = m_client->post("/api/v4/leads/complex", QJsonArray { order("r1", "+79001234567") })
              .array()[0]
              .toObject();
    QCOMPARE(first.value("merged").toBool(), false);

    // Without duplicate control a second order makes a second lead and contact.
    const QJsonObject plain
        = m_client->post("/api/v4/leads/complex", QJsonArray { order("r2", "89001234567") })
              .array()[0]
              .toObject();
    QCOMPARE(plain.value("merged").toBool(), false);
    QVERIFY(plain.value("contact_id").toInteger() != first.value("contact_id").toInteger());

    m_client->control("account", { { "duplicate_control", true } });
    const TestReply merged
        = m_client->post("/api/v4/leads/complex", QJsonArray { order("r3", "8 (900) 123-45-67") });
    QCOMPARE(merged.status, 200);
    const QJsonObject item = merged.array()[0].toObject();
    QCOMPARE(item.value("merged").toBool(), true);
    QCOMPARE(item.value("id").toInteger(), first.value("id").toInteger());
    QCOMPARE(item.value("contact_id").toInteger(), first.value("contact_id").toInteger());
    QCOMPARE(item.value("request_id").toArray(), QJsonArray { "r3" });

    // Once the matched lead is closed, a new lead is created for the existing contact.
    QCOMPARE(m_client
                 ->patch("/api/v4/leads",
                         QJsonArray { QJsonObject { { "id", first.value("id") }, { "status_id", 142 } } })
                 .status,
             200);
    const QJsonObject afterClose
        = m_client->post("/api/v4/leads/complex", QJsonArray { order("r4", "+79001234567") })
              .array()[0]
              .toObject();
    QCOMPARE(afterClose.value("merged").toBool(), false);
    QVERIFY(afterClose.value("id").toInteger() != first.value("id").toInteger());
    QCOMPARE(afterClose.value("contact_id").toInteger(), first.value("contact_id").toInteger());
}

void TestAmoSandboxApi::statusChangeKeepsPipelineFor142()
{
    const QJsonArray pipelines = m_client->get("/api/v4/leads/pipelines")
                                     .object()
                                     .value("_embedded")
                                     .toObject()
                                     .value("pipelines")
                                     .toArray();
    QCOMPARE(pipelines.size(), 2);
    for (const QJsonValue &p : pipelines) {
        QList<qint64> ids;
        bool unsorted = false;
        for (const QJsonValue &s : p.toObject().value("_embedded").toObject().value("statuses").toArray()) {
            ids << s.toObject().value("id").toInteger();
            unsorted = unsorted || s.toObject().value("type").toInt() == 1;
            QVERIFY(s.toObject().value("color").toString().startsWith('#'));
        }
        QVERIFY(ids.contains(142) && ids.contains(143) && unsorted);
    }
    const qint64 second = pipelines[1].toObject().value("id").toInteger();
    const qint64 id
        = m_client->post("/api/v4/leads", QJsonArray { QJsonObject { { "pipeline_id", second } } })
              .object()
              .value("_embedded")
              .toObject()
              .value("leads")
              .toArray()[0]
              .toObject()
              .value("id")
              .toInteger();
    QCOMPARE(m_client->patch(QStringLiteral("/api/v4/leads/%1").arg(id), QJsonObject { { "status_id", 142 } })
                 .status,
             200);
    const QJsonObject lead = m_client->get(QStringLiteral("/api/v4/leads/%1").arg(id)).object();
    QCOMPARE(lead.value("pipeline_id").toInteger(), second);
    QCOMPARE(lead.value("status_id").toInteger(), 142);
    QVERIFY(lead.value("closed_at").toInteger() > 0);
    const TestReply wrong
        = m_client->patch(QStringLiteral("/api/v4/leads/%1").arg(id), QJsonObject { { "status_id", 123 } });
    QCOMPARE(wrong.status, 400);
}

void TestAmoSandboxApi::eventsFilters()
{
    const QJsonObject pipeline = m_client->get("/api/v4/leads/pipelines")
                                     .object()
                                     .value("_embedded")
                                     .toObject()
                                     .value("pipelines")
                                     .toArray()[0]
                                     .toObject();
    const qint64 pipelineId = pipeline.value("id").toInteger();
    const QJsonArray statuses = pipeline.value("_embedded").toObject().value("statuses").toArray();
    const qint64 first = statuses[1].toObject().value("id").toInteger();
    const qint64 paid = statuses[3].toObject().value("id").toInteger();
    const qint64 id
        = m_client
              ->post("/api/v4/leads", QJsonArray { QJsonObject { { "name", "ev" }, { "status_id", first } } })
              .object()
              .value("_embedded")
              .toObject()
              .value("leads")
              .toArray()[0]
              .toObject()
              .value("id")
              .toInteger();
    const QJsonObject moved = m_client->control(
        "manager/lead-status", { { "lead_id", id }, { "pipeline_id", pipelineId }, { "status_id", paid } });
    QCOMPARE(moved.value("id").toInteger(), id);

    const TestReply byEntity = m_client->get(
        QStringLiteral(
            "/api/v4/events?filter[type]=lead_status_changed&filter[entity][]=lead&filter[entity_id][]=%1")
            .arg(id));
    QCOMPARE(byEntity.status, 200);
    const QJsonArray events = byEntity.object().value("_embedded").toObject().value("events").toArray();
    QCOMPARE(events.size(), 1);
    const QJsonObject event = events[0].toObject();
    QVERIFY(event.value("id").isString());
    QCOMPARE(event.value("entity_type").toString(), QStringLiteral("lead"));
    QCOMPARE(event.value("value_before")
                 .toArray()[0]
                 .toObject()
                 .value("lead_status")
                 .toObject()
                 .value("id")
                 .toInteger(),
             first);
    const QJsonObject after
        = event.value("value_after").toArray()[0].toObject().value("lead_status").toObject();
    QCOMPARE(after.value("id").toInteger(), paid);
    QCOMPARE(after.value("pipeline_id").toInteger(), pipelineId);
    QCOMPARE(m_client->get("/api/v4/events/" + event.value("id").toString()).object().value("id"),
             event.value("id"));

    const QString target = QStringLiteral("/api/v4/events?filter[type]=lead_status_changed"
                                          "&filter[value_after][leads_statuses][0][pipeline_id]=%1"
                                          "&filter[value_after][leads_statuses][0][status_id]=%2");
    QCOMPARE(m_client->get(target.arg(pipelineId).arg(paid)).status, 200);
    QCOMPARE(m_client->get(target.arg(pipelineId).arg(first)).status, 204);
    QCOMPARE(m_client->get("/api/v4/events?filter[type]=lead_added,lead_status_changed&limit=100").status,
             200);
    QCOMPARE(m_client->get("/api/v4/events?limit=101").status, 422);
    QCOMPARE(m_client->get("/api/v4/events?filter[entity_id][]=1").status, 400);
    const qint64 now = m_client->control("clock", {}, "GET").value("now").toInteger();
    QCOMPARE(m_client->get(QStringLiteral("/api/v4/events?filter[created_at][from]=%1").arg(now + 10)).status,
             204);
    QCOMPARE(m_client
                 ->get(QStringLiteral("/api/v4/events?filter[created_at][from]=%1&filter[type]=lead_added")
                           .arg(now - 10))
                 .status,
             200);
}

void TestAmoSandboxApi::customFieldsAndEnums()
{
    const TestReply created
        = m_client->post("/api/v4/leads/custom_fields",
                         QJsonArray { QJsonObject { { "name", QStringLiteral("Размер") },
                                                    { "type", "select" },
                                                    { "request_id", "f1" },
                                                    { "enums",
                                                      QJsonArray { QJsonObject { { "value", "S" } },
                                                                   QJsonObject { { "value", "M" } } } } } });
    QCOMPARE(created.status, 201);
    const QJsonObject field
        = created.object().value("_embedded").toObject().value("custom_fields").toArray()[0].toObject();
    QCOMPARE(field.value("request_id").toString(), QStringLiteral("f1"));
    const qint64 enumM = field.value("enums").toArray()[1].toObject().value("id").toInteger();
    const TestReply lead = m_client->post(
        "/api/v4/leads",
        QJsonArray {
            QJsonObject { { "custom_fields_values",
                            QJsonArray { QJsonObject {
                                { "field_id", field.value("id") },
                                { "values", QJsonArray { QJsonObject { { "enum_id", enumM } } } } } } } } });
    QCOMPARE(lead.status, 200);
    const qint64 id = lead.object()
                          .value("_embedded")
                          .toObject()
                          .value("leads")
                          .toArray()[0]
                          .toObject()
                          .value("id")
                          .toInteger();
    const QJsonObject stored = m_client->get(QStringLiteral("/api/v4/leads/%1").arg(id))
                                   .object()
                                   .value("custom_fields_values")
                                   .toArray()[0]
                                   .toObject();
    QCOMPARE(stored.value("field_type").toString(), QStringLiteral("select"));
    QCOMPARE(stored.value("values").toArray()[0].toObject().value("value").toString(), QStringLiteral("M"));
    const TestReply badEnum
        = m_client->post("/api/v4/leads",
                         QJsonArray { QJsonObject {
                             { "custom_fields_values",
                               QJsonArray { QJsonObject {
                                   { "field_id", field.value("id") },
                                   { "values", QJsonArray { QJsonObject { { "enum_id", 1 } } } } } } } } });
    QCOMPARE(badEnum.status, 400);
    QCOMPARE(badEnum.object()
                 .value("validation-errors")
                 .toArray()[0]
                 .toObject()
                 .value("errors")
                 .toArray()[0]
                 .toObject()
                 .value("code")
                 .toString(),
             QStringLiteral("NotSupportedChoice"));
    const QJsonArray contactFields = m_client->get("/api/v4/contacts/custom_fields")
                                         .object()
                                         .value("_embedded")
                                         .toObject()
                                         .value("custom_fields")
                                         .toArray();
    bool phone = false;
    for (const QJsonValue &f : contactFields) {
        if (f.toObject().value("code").toString() == QLatin1String("PHONE")) {
            phone = true;
            QCOMPARE(f.toObject().value("type").toString(), QStringLiteral("multitext"));
            QCOMPARE(f.toObject().value("enums").toArray()[0].toObject().value("value").toString(),
                     QStringLiteral("WORK"));
        }
    }
    QVERIFY(phone);
}

void TestAmoSandboxApi::notesAndTags()
{
    const qint64 lead = state().value("leads").toArray()[0].toObject().value("id").toInteger();
    const TestReply added
        = m_client->post("/api/v4/leads/notes",
                         QJsonArray { QJsonObject {
                             { "entity_id", lead },
                             { "note_type", "common" },
                             { "request_id", "n1" },
                             { "params", QJsonObject { { "text", QStringLiteral("Оплачено онлайн") } } } } });
    QCOMPARE(added.status, 200);
    QCOMPARE(added.object()
                 .value("_embedded")
                 .toObject()
                 .value("notes")
                 .toArray()[0]
                 .toObject()
                 .value("request_id")
                 .toString(),
             QStringLiteral("n1"));
    const TestReply list = m_client->get(QStringLiteral("/api/v4/leads/%1/notes").arg(lead));
    QCOMPARE(list.status, 200);
    QCOMPARE(list.object()
                 .value("_embedded")
                 .toObject()
                 .value("notes")
                 .toArray()[0]
                 .toObject()
                 .value("params")
                 .toObject()
                 .value("text")
                 .toString(),
             QStringLiteral("Оплачено онлайн"));
    QCOMPARE(m_client
                 ->post(QStringLiteral("/api/v4/leads/%1/notes").arg(lead),
                        QJsonArray { QJsonObject { { "note_type", "common" },
                                                   { "params", QJsonObject { { "text", "2" } } } } })
                 .status,
             200);
    const TestReply missing = m_client->post(
        "/api/v4/leads/notes",
        QJsonArray { QJsonObject {
            { "entity_id", 1 }, { "note_type", "common" }, { "params", QJsonObject { { "text", "x" } } } } });
    QCOMPARE(missing.status, 400);

    QCOMPARE(m_client
                 ->patch(QStringLiteral("/api/v4/leads/%1").arg(lead),
                         QJsonObject { { "_embedded",
                                         QJsonObject { { "tags",
                                                         QJsonArray { QJsonObject {
                                                             { "name", QStringLiteral("сайт") } } } } } } })
                 .status,
             200);
    const TestReply tags = m_client->get("/api/v4/leads/tags");
    QCOMPARE(tags.status, 200);
    QCOMPARE(tags.object()
                 .value("_embedded")
                 .toObject()
                 .value("tags")
                 .toArray()[0]
                 .toObject()
                 .value("name")
                 .toString(),
             QStringLiteral("сайт"));
    QCOMPARE(m_client->get(QStringLiteral("/api/v4/leads/%1").arg(lead))
                 .object()
                 .value("_embedded")
                 .toObject()
                 .value("tags")
                 .toArray()
                 .size(),
             1);
}

void TestAmoSandboxApi::catalogsAndCustomers()
{
    const TestReply catalogs = m_client->get("/api/v4/catalogs");
    QCOMPARE(catalogs.status, 200);
    const qint64 catalog = catalogs.object()
                               .value("_embedded")
                               .toObject()
                               .value("catalogs")
                               .toArray()[0]
                               .toObject()
                               .value("id")
                               .toInteger();
    QVERIFY(catalog >= 1000);
    QCOMPARE(m_client->get(QStringLiteral("/api/v4/catalogs/%1/elements").arg(catalog))
                 .object()
                 .value("_embedded")
                 .toObject()
                 .value("elements")
                 .toArray()
                 .size(),
             3);
    const TestReply element = m_client->post(
        QStringLiteral("/api/v4/catalogs/%1/elements").arg(catalog),
        QJsonArray { QJsonObject { { "name", QStringLiteral("Тостер") }, { "request_id", "e1" } } });
    QCOMPARE(element.status, 200);
    QCOMPARE(element.object()
                 .value("_embedded")
                 .toObject()
                 .value("elements")
                 .toArray()[0]
                 .toObject()
                 .value("request_id")
                 .toString(),
             QStringLiteral("e1"));

    const TestReply customers = m_client->get("/api/v4/customers");
    QCOMPARE(customers.status, 200);
    const qint64 customer = customers.object()
                                .value("_embedded")
                                .toObject()
                                .value("customers")
                                .toArray()[0]
                                .toObject()
                                .value("id")
                                .toInteger();
    const TestReply transaction = m_client->post(
        QStringLiteral("/api/v4/customers/%1/transactions").arg(customer),
        QJsonArray { QJsonObject { { "price", 1000 }, { "comment", QStringLiteral("Заказ #1005") } } });
    QCOMPARE(transaction.status, 200);
    QCOMPARE(m_client->get("/api/v4/customers/transactions")
                 .object()
                 .value("_embedded")
                 .toObject()
                 .value("transactions")
                 .toArray()
                 .size(),
             3);
    QCOMPARE(m_client->get(QStringLiteral("/api/v4/customers/%1").arg(customer))
                 .object()
                 .value("purchases_count")
                 .toInt(),
             3);
}

void TestAmoSandboxApi::unknownPathIs404()
{
    const TestReply reply = m_client->get("/api/v4/nothing");
    QCOMPARE(reply.status, 404);
    QVERIFY(reply.object().value("detail").toString().startsWith("Cannot GET "));
    QCOMPARE(m_client->send("DELETE", "/api/v4/leads").status, 405);
}

QTEST_GUILESS_MAIN(TestAmoSandboxApi)
#include "tst_AmoSandboxApi.moc"
