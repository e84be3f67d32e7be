// SPDX-License-Identifier: GPL-3.0-or-later
// AmoCodec writes only the value keys amoCRM takes for each field type, whatever shape the contact was
// read in: PHONE values come back with enum_code (API v4), with the older "enum" or with only an
// enum_id, and are sent back as enum_code or enum_id — never "enum", never a null enum_code.
#include "TestEnv.h"
#include "crm/amocrm/AmoCodec.h"

#include <QJsonDocument>
#include <QTest>

using namespace Crm;
using namespace Crm::AmoCrm;

namespace {

QJsonObject phoneField(const QJsonArray &values)
{
    return QJsonObject { { "field_id", 101 },
                         { "field_name", QStringLiteral("Телефон") },
                         { "field_code", "PHONE" },
                         { "field_type", "multitext" },
                         { "values", values } };
}

} // namespace

class TestAmoCodecShapes : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void managersPhonesKeepTheirType_data()
    {
        QTest::addColumn<QJsonObject>("readValue");
        QTest::addColumn<QJsonObject>("sentBack");
        QTest::newRow("v4 read: enum_id and enum_code")
            << QJsonObject { { "value", "+79001112233" }, { "enum_id", 5 }, { "enum_code", "MOB" } }
            << QJsonObject { { "value", "+79001112233" }, { "enum_code", "MOB" } };
        QTest::newRow("older read: enum")
            << QJsonObject { { "value", "+79001112233" }, { "enum", "HOME" } }
            << QJsonObject { { "value", "+79001112233" }, { "enum_code", "HOME" } };
        QTest::newRow("null enum_code, enum_id") << QJsonObject {
            { "value", "+79001112233" }, { "enum_id", 7 }, { "enum_code", QJsonValue::Null }
        } << QJsonObject { { "value", "+79001112233" }, { "enum_id", 7 } };
        QTest::newRow("numeric enum (a webhook-style id)")
            << QJsonObject { { "value", "+79001112233" }, { "enum", "7" }, { "enum_id", 7 } }
            << QJsonObject { { "value", "+79001112233" }, { "enum_id", 7 } };
    }
    void managersPhonesKeepTheirType()
    {
        QFETCH(QJsonObject, readValue);
        QFETCH(QJsonObject, sentBack);
        const QJsonObject current { { "id", 42 },
                                    { "name", QStringLiteral("Иван") },
                                    { "custom_fields_values",
                                      QJsonArray { phoneField(QJsonArray { readValue }) } } };
        ContactUpsert upsert;
        upsert.key = QStringLiteral("k1");
        upsert.contactId = QStringLiteral("42");
        upsert.contact.phones = { ContactChannel { QStringLiteral("+79005556677"), QString() } };
        const EncodedItem item = AmoCodec::encodeContactUpdate(upsert, QStringLiteral("0"), current);
        const QJsonArray fields = item.json.value("custom_fields_values").toArray();
        QCOMPARE(fields.size(), 1);
        const QJsonObject phone = fields[0].toObject();
        QCOMPARE(phone.value("field_code").toString(), QStringLiteral("PHONE"));
        QVERIFY(!phone.contains("field_name")); // read-only keys stay out of the write shape
        const QJsonArray values = phone.value("values").toArray();
        QCOMPARE(values.size(), 2);
        QCOMPARE(values[0].toObject(), sentBack);
        QCOMPARE(values[1].toObject(),
                 (QJsonObject { { "value", "+79005556677" }, { "enum_code", "WORK" } }));
    }

    /** Select and other non-multitext values are written by enum_id or value, without an enum_code. */
    void selectValuesCarryNoEnumCode()
    {
        DraftField select;
        select.fieldId = QStringLiteral("300");
        select.fieldType = QStringLiteral("select");
        FieldValue byId;
        byId.kind = FieldValue::Kind::EnumId;
        byId.enumId = QStringLiteral("3001");
        select.values = { byId };
        QCOMPARE(AmoCodec::fieldValues(select),
                 (QJsonObject { { "field_id", 300 },
                                { "values", QJsonArray { QJsonObject { { "enum_id", 3001 } } } } }));

        DraftField text;
        text.fieldId = QStringLiteral("301");
        text.fieldType = QStringLiteral("text");
        text.values = { FieldValue::ofText(QStringLiteral("Москва")) };
        QCOMPARE(AmoCodec::fieldValues(text),
                 (QJsonObject { { "field_id", 301 },
                                { "values", QJsonArray { QJsonObject { { "value", "Москва" } } } } }));
    }
};

QTEST_GUILESS_MAIN(TestAmoCodecShapes)
#include "tst_AmoCodecShapes.moc"
