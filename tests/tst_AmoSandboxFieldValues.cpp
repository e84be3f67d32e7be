// SPDX-License-Identifier: GPL-3.0-or-later
// Conformance of the amoCRM sandbox's custom field values and lead links, over loopback HTTP: the value
// keys each field type takes (FieldNotExpected / NotSupportedChoice at dotted paths, in the
// validation-errors problem+json amoCRM answers), and a lead update that carries _embedded.contacts
// leaving the links alone (they change through /link and /unlink).

#include "amocrm/AmoCrmSandbox.h"
#include "sandbox/tests/DemoAmoSandbox.h"
#include "sandbox/tests/SandboxTestClient.h"

#include <QTest>

using namespace Sandbox::AmoCrm;
using namespace Sandbox::Testing;

namespace {

/** The one error of a refused single-item write, or an empty object. */
QJsonObject onlyError(const TestReply &reply)
{
    const QJsonArray validation = reply.object().value("validation-errors").toArray();
    if (validation.size() != 1)
        return {};
    const QJsonArray errors = validation[0].toObject().value("errors").toArray();
    return errors.size() == 1 ? errors[0].toObject() : QJsonObject();
}

QJsonObject fieldValue(qint64 fieldId, const QJsonObject &value)
{
    return QJsonObject { { "field_id", fieldId }, { "values", QJsonArray { value } } };
}

} // namespace

class TestAmoSandboxFieldValues : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void selectValueSentBackAsReadIsRefused();
    void selectTakesEnumIdOrItsEnumCode();
    void valueKeysPerFieldType_data();
    void valueKeysPerFieldType();
    void unexpectedKeyOfAFieldItem();
    void creatorMustBeAUserOrTheRobot();
    void updateWithEmptyContactsKeepsTheLink();
    void linksChangeThroughLinkAndUnlink();

private:
    qint64 createField(const QString &entity, const QString &type, const QJsonArray &enums = {});
    qint64 createLead(const QJsonObject &lead);
    QJsonObject lead(qint64 id, const QString &with = {});
    qint64 firstContactId();

    std::unique_ptr<AmoCrmSandbox> m_sandbox;
    std::unique_ptr<SandboxTestClient> m_client;
};

void TestAmoSandboxFieldValues::initTestCase()
{
    QString error;
    QVERIFY2(Sandbox::Testing::startDemoAmoSandbox(m_sandbox, m_client, &error), qPrintable(error));
}

void TestAmoSandboxFieldValues::init()
{
    m_client->control("reset", { { "seed", "demo" } });
    QVERIFY(!m_client->authorize(m_sandbox->readyInfo()).isEmpty());
}

qint64 TestAmoSandboxFieldValues::createField(const QString &entity, const QString &type,
                                              const QJsonArray &enums)
{
    QJsonObject spec { { "name", QStringLiteral("Поле %1").arg(type) }, { "type", type } };
    if (!enums.isEmpty())
        spec.insert("enums", enums);
    const TestReply reply
        = m_client->post(QStringLiteral("/api/v4/%1/custom_fields").arg(entity), QJsonArray { spec });
    return reply.object()
        .value("_embedded")
        .toObject()
        .value("custom_fields")
        .toArray()
        .first()
        .toObject()
        .value("id")
        .toInteger();
}

qint64 TestAmoSandboxFieldValues::createLead(const QJsonObject &lead)
{
    const TestReply reply = m_client->post("/api/v4/leads", QJsonArray { lead });
    if (reply.status != 200)
        qWarning("lead not created: %s", reply.body.constData());
    return reply.object()
        .value("_embedded")
        .toObject()
        .value("leads")
        .toArray()
        .first()
        .toObject()
        .value("id")
        .toInteger();
}

QJsonObject TestAmoSandboxFieldValues::lead(qint64 id, const QString &with)
{
    return m_client
        ->get(QStringLiteral("/api/v4/leads/%1").arg(id)
              + (with.isEmpty() ? QString() : QStringLiteral("?with=") + with))
        .object();
}

qint64 TestAmoSandboxFieldValues::firstContactId()
{
    return m_client->get("/api/v4/contacts?limit=1")
        .object()
        .value("_embedded")
        .toObject()
        .value("contacts")
        .toArray()
        .first()
        .toObject()
        .value("id")
        .toInteger();
}

/** The case reported from real accounts: a select value sent back exactly as it was read. */
void TestAmoSandboxFieldValues::selectValueSentBackAsReadIsRefused()
{
    const qint64 field
        = createField("leads", "select",
                      QJsonArray { QJsonObject { { "value", "Рус" } }, QJsonObject { { "value", "Англ" } } });
    QVERIFY(field > 0);
    const qint64 id = createLead(QJsonObject {
        { "name", "as read" },
        { "custom_fields_values", QJsonArray { fieldValue(field, QJsonObject { { "value", "Англ" } }) } } });
    QVERIFY(id > 0);
    const QJsonObject read = lead(id);
    const QJsonArray asRead = read.value("custom_fields_values").toArray();
    QCOMPARE(asRead.size(), 1);
    const QJsonObject readValue = asRead[0].toObject().value("values").toArray()[0].toObject();
    QVERIFY(readValue.contains("enum_code"));
    QVERIFY(readValue.value("enum_code").isNull());

    const TestReply refused
        = m_client->patch(QStringLiteral("/api/v4/leads/%1").arg(id),
                          QJsonObject { { "name", "changed" }, { "custom_fields_values", asRead } });
    QCOMPARE(refused.status, 400);
    QVERIFY(refused.contentType.startsWith("application/problem+json"));
    const QJsonObject body = refused.object();
    QCOMPARE(body.value("title").toString(), QStringLiteral("Bad Request"));
    QCOMPARE(body.value("type").toString(), QStringLiteral("https://httpstatus.es/400"));
    QCOMPARE(body.value("status").toInt(), 400);
    QCOMPARE(body.value("detail").toString(), QStringLiteral("Request validation failed"));
    QCOMPARE(body.value("validation-errors").toArray()[0].toObject().value("request_id").toString(),
             QStringLiteral("0"));
    const QJsonObject error = onlyError(refused);
    QCOMPARE(error.value("code").toString(), QStringLiteral("FieldNotExpected"));
    QCOMPARE(error.value("path").toString(), QStringLiteral("custom_fields_values.0.values.0.enum_code"));
    QCOMPARE(error.value("detail").toString(), QStringLiteral("This field was not expected."));
    QCOMPARE(lead(id).value("name").toString(), QStringLiteral("as read"));

    // The batch update answers the same, keyed by the item's request_id; the path counts from the list sent.
    QJsonArray two = asRead;
    two.prepend(fieldValue(field, QJsonObject { { "value", "Рус" } }));
    const TestReply batch = m_client->patch(
        "/api/v4/leads",
        QJsonArray { QJsonObject { { "id", id }, { "request_id", "r7" }, { "custom_fields_values", two } } });
    QCOMPARE(batch.status, 400);
    QCOMPARE(batch.object().value("validation-errors").toArray()[0].toObject().value("request_id").toString(),
             QStringLiteral("r7"));
    QCOMPARE(onlyError(batch).value("path").toString(),
             QStringLiteral("custom_fields_values.1.values.0.enum_code"));

    // Without the enum_code the same value goes in.
    QJsonObject cleaned = asRead[0].toObject();
    cleaned.insert("values", QJsonArray { QJsonObject { { "enum_id", readValue.value("enum_id") } } });
    QCOMPARE(m_client
                 ->patch(QStringLiteral("/api/v4/leads/%1").arg(id),
                         QJsonObject { { "custom_fields_values", QJsonArray { cleaned } } })
                 .status,
             200);
}

void TestAmoSandboxFieldValues::selectTakesEnumIdOrItsEnumCode()
{
    const qint64 field
        = createField("leads", "select",
                      QJsonArray { QJsonObject { { "value", "Первый" }, { "code", "first" } },
                                   QJsonObject { { "value", "Второй" }, { "code", "second" } } });
    const qint64 id = createLead(
        QJsonObject { { "custom_fields_values",
                        QJsonArray { fieldValue(field, QJsonObject { { "enum_code", "second" } }) } } });
    QVERIFY(id > 0);
    const QJsonObject value = lead(id)
                                  .value("custom_fields_values")
                                  .toArray()[0]
                                  .toObject()
                                  .value("values")
                                  .toArray()[0]
                                  .toObject();
    QCOMPARE(value.value("value").toString(), QStringLiteral("Второй"));
    QCOMPARE(value.value("enum_code").toString(), QStringLiteral("second"));

    const TestReply unknown = m_client->post(
        "/api/v4/leads",
        QJsonArray {
            QJsonObject { { "custom_fields_values",
                            QJsonArray { fieldValue(field, QJsonObject { { "enum_code", "third" } }) } } } });
    QCOMPARE(unknown.status, 400);
    QCOMPARE(onlyError(unknown).value("code").toString(), QStringLiteral("NotSupportedChoice"));
    QCOMPARE(onlyError(unknown).value("path").toString(),
             QStringLiteral("custom_fields_values.0.values.0.enum_code"));
    QCOMPARE(onlyError(unknown).value("detail").toString(),
             QStringLiteral("The value you selected is not a valid choice."));
}

void TestAmoSandboxFieldValues::valueKeysPerFieldType_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<QJsonObject>("value");
    QTest::addColumn<QString>("refusedKey"); // empty: accepted
    const QJsonObject code { { "value", "x" }, { "enum_code", "WORK" } };
    QTest::newRow("text + enum_code") << "text" << code << "enum_code";
    QTest::newRow("text + enum_id") << "text" << QJsonObject { { "value", "x" }, { "enum_id", 1 } }
                                    << "enum_id";
    QTest::newRow("text") << "text" << QJsonObject { { "value", "x" } } << "";
    QTest::newRow("textarea + enum") << "textarea" << QJsonObject { { "value", "x" }, { "enum", "WORK" } }
                                     << "enum";
    QTest::newRow("numeric + enum_code null")
        << "numeric" << QJsonObject { { "value", "5" }, { "enum_code", QJsonValue::Null } } << "enum_code";
    QTest::newRow("checkbox + enum_code null")
        << "checkbox" << QJsonObject { { "value", true }, { "enum_code", QJsonValue::Null } } << "enum_code";
    QTest::newRow("date + subtype") << "date" << QJsonObject { { "value", 1700000000 }, { "subtype", "x" } }
                                    << "subtype";
    QTest::newRow("url") << "url" << QJsonObject { { "value", "https://example.org" } } << "";
    QTest::newRow("multiselect + enum_code null")
        << "multiselect" << QJsonObject { { "value", "A" }, { "enum_code", QJsonValue::Null } }
        << "enum_code";
    QTest::newRow("radiobutton + enum_code")
        << "radiobutton" << QJsonObject { { "value", "A" }, { "enum_code", "a" } } << "enum_code";
    QTest::newRow("multiselect by value") << "multiselect" << QJsonObject { { "value", "A" } } << "";
}

/** Each field type takes its own value keys; anything else is FieldNotExpected at the key's path. */
void TestAmoSandboxFieldValues::valueKeysPerFieldType()
{
    QFETCH(QString, type);
    QFETCH(QJsonObject, value);
    QFETCH(QString, refusedKey);
    const bool choice = type == QLatin1String("multiselect") || type == QLatin1String("radiobutton");
    const qint64 field
        = createField("leads", type, choice ? QJsonArray { QJsonObject { { "value", "A" } } } : QJsonArray());
    QVERIFY(field > 0);
    const TestReply reply = m_client->post(
        "/api/v4/leads",
        QJsonArray { QJsonObject { { "name", "probe " + type },
                                   { "custom_fields_values", QJsonArray { fieldValue(field, value) } } } });
    if (refusedKey.isEmpty()) {
        QVERIFY2(reply.status == 200, reply.body.constData());
        return;
    }
    QCOMPARE(reply.status, 400);
    const QJsonObject error = onlyError(reply);
    QCOMPARE(error.value("code").toString(), QStringLiteral("FieldNotExpected"));
    QCOMPARE(error.value("path").toString(), QStringLiteral("custom_fields_values.0.values.0.") + refusedKey);
    // Nothing was stored.
    QCOMPARE(m_client->get(QStringLiteral("/api/v4/leads?query=probe")).status, 204);
}

/** Multitext fields take enum_code (and enum_id), not the older `enum`; an unknown key of the item is
 * refused. */
void TestAmoSandboxFieldValues::unexpectedKeyOfAFieldItem()
{
    auto contact = [&](const QJsonObject &item) {
        return m_client->post("/api/v4/contacts",
                              QJsonArray { QJsonObject { { "name", "Тест" },
                                                         { "custom_fields_values", QJsonArray { item } } } });
    };
    const TestReply oldEnum = contact(QJsonObject {
        { "field_code", "PHONE" },
        { "values", QJsonArray { QJsonObject { { "value", "+79001234567" }, { "enum", "WORK" } } } } });
    QCOMPARE(oldEnum.status, 400);
    QCOMPARE(onlyError(oldEnum).value("code").toString(), QStringLiteral("FieldNotExpected"));
    QCOMPARE(onlyError(oldEnum).value("path").toString(),
             QStringLiteral("custom_fields_values.0.values.0.enum"));

    const TestReply extra
        = contact(QJsonObject { { "field_code", "EMAIL" },
                                { "is_computed", false },
                                { "values", QJsonArray { QJsonObject { { "value", "a@b.ru" } } } } });
    QCOMPARE(extra.status, 400);
    QCOMPARE(onlyError(extra).value("path").toString(), QStringLiteral("custom_fields_values.0.is_computed"));

    // As the official SDK sends it: enum_id with a null enum_code, and a phone with its code.
    const TestReply sdk = contact(QJsonObject {
        { "field_code", "PHONE" },
        { "values", QJsonArray { QJsonObject { { "value", "+79001234567" }, { "enum_code", "MOB" } } } } });
    QVERIFY2(sdk.status == 200, sdk.body.constData());
}

/** A lead saved back as read with the id of a user the account lost is refused (amocrm-api-php#252). */
void TestAmoSandboxFieldValues::creatorMustBeAUserOrTheRobot()
{
    const qint64 id = createLead(QJsonObject { { "name", "creator" } });
    QVERIFY(id > 0);
    const TestReply gone = m_client->patch(QStringLiteral("/api/v4/leads/%1").arg(id),
                                           QJsonObject { { "created_by", 999999 } });
    QCOMPARE(gone.status, 400);
    QCOMPARE(onlyError(gone).value("code").toString(), QStringLiteral("NotSupportedChoice"));
    QCOMPARE(onlyError(gone).value("path").toString(), QStringLiteral("created_by"));
    QCOMPARE(m_client->patch(QStringLiteral("/api/v4/leads/%1").arg(id), QJsonObject { { "created_by", 0 } })
                 .status,
             200);
    QCOMPARE(lead(id).value("created_by").toInteger(), 0);
}

/** A lead sent back with `_embedded.contacts: []` keeps its contact (links change through /link). */
void TestAmoSandboxFieldValues::updateWithEmptyContactsKeepsTheLink()
{
    const qint64 contactId = firstContactId();
    QVERIFY(contactId > 0);
    const qint64 id = createLead(QJsonObject {
        { "name", "linked" },
        { "_embedded",
          QJsonObject { { "contacts", QJsonArray { QJsonObject { { "id", contactId } } } } } } });
    QVERIFY(id > 0);
    auto linkedContacts
        = [&] { return lead(id, "contacts").value("_embedded").toObject().value("contacts").toArray(); };
    QCOMPARE(linkedContacts().size(), 1);

    const TestReply one = m_client->patch(
        QStringLiteral("/api/v4/leads/%1").arg(id),
        QJsonObject {
            { "name", "renamed" },
            { "_embedded", QJsonObject { { "contacts", QJsonArray() }, { "companies", QJsonArray() } } } });
    QVERIFY2(one.status == 200, one.body.constData());
    QCOMPARE(lead(id).value("name").toString(), QStringLiteral("renamed"));
    QCOMPARE(linkedContacts().size(), 1);
    QCOMPARE(linkedContacts()[0].toObject().value("id").toInteger(), contactId);

    const TestReply batch = m_client->patch(
        "/api/v4/leads",
        QJsonArray {
            QJsonObject { { "id", id }, { "_embedded", QJsonObject { { "contacts", QJsonArray() } } } } });
    QVERIFY2(batch.status == 200, batch.body.constData());
    QCOMPARE(linkedContacts().size(), 1);

    // Nor does an update link another contact that way.
    const qint64 other = createLead(QJsonObject { { "name", "no contact" } });
    QCOMPARE(m_client
                 ->patch(QStringLiteral("/api/v4/leads/%1").arg(other),
                         QJsonObject {
                             { "_embedded",
                               QJsonObject {
                                   { "contacts", QJsonArray { QJsonObject { { "id", contactId } } } } } } })
                 .status,
             200);
    QVERIFY(lead(other, "contacts").value("_embedded").toObject().value("contacts").toArray().isEmpty());
}

void TestAmoSandboxFieldValues::linksChangeThroughLinkAndUnlink()
{
    const qint64 contactId = firstContactId();
    const qint64 id = createLead(QJsonObject { { "name", "to link" } });
    QVERIFY(id > 0 && contactId > 0);
    QCOMPARE(m_client->get(QStringLiteral("/api/v4/leads/%1/links").arg(id))
                 .object()
                 .value("_total_items")
                 .toInt(),
             0);

    const TestReply linked
        = m_client->post(QStringLiteral("/api/v4/leads/%1/link").arg(id),
                         QJsonArray { QJsonObject { { "to_entity_id", contactId },
                                                    { "to_entity_type", "contacts" },
                                                    { "metadata", QJsonObject { { "is_main", true } } } } });
    QVERIFY2(linked.status == 200, linked.body.constData());
    const QJsonArray links = m_client->get(QStringLiteral("/api/v4/leads/%1/links").arg(id))
                                 .object()
                                 .value("_embedded")
                                 .toObject()
                                 .value("links")
                                 .toArray();
    QCOMPARE(links.size(), 1);
    QCOMPARE(links[0].toObject().value("to_entity_id").toInteger(), contactId);
    QCOMPARE(links[0].toObject().value("to_entity_type").toString(), QStringLiteral("contacts"));
    QCOMPARE(links[0].toObject().value("metadata").toObject().value("is_main").toBool(), true);
    QCOMPARE(lead(id, "contacts").value("_embedded").toObject().value("contacts").toArray().size(), 1);

    const TestReply unknown = m_client->post(
        QStringLiteral("/api/v4/leads/%1/link").arg(id),
        QJsonArray { QJsonObject { { "to_entity_id", 1 }, { "to_entity_type", "contacts" } } });
    QCOMPARE(unknown.status, 400);

    QCOMPARE(m_client
                 ->post(QStringLiteral("/api/v4/leads/%1/unlink").arg(id),
                        QJsonArray {
                            QJsonObject { { "to_entity_id", contactId }, { "to_entity_type", "contacts" } } })
                 .status,
             204);
    QVERIFY(lead(id, "contacts").value("_embedded").toObject().value("contacts").toArray().isEmpty());
}

QTEST_GUILESS_MAIN(TestAmoSandboxFieldValues)
#include "tst_AmoSandboxFieldValues.moc"
