// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/Json.h"
#include "crm/CrmSchema.h"
#include "support/TestEnv.h"

#include <QFile>
#include <QTest>

using namespace Crm;
using K = SchemaChange::Kind;

namespace {

CrmSchema fixture()
{
    QFile file(TestSupport::sourceDir() + QStringLiteral("/tests/fixtures/mapping/schema_amocrm.json"));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("no schema fixture");
    return CrmSchema::fromJson(Common::Json::parseObject(file.readAll()).value()).value();
}

CustomField *mutableField(CrmSchema &schema, const QString &id)
{
    for (CustomField &f : schema.fields) {
        if (f.id == id)
            return &f;
    }
    return nullptr;
}

} // namespace

/** The CRM-neutral schema: JSON for the cache, lookups, and the diff that finds mapping drift. */
class TestCrmSchema : public QObject
{
    Q_OBJECT

private slots:
    void fixtureLoads()
    {
        const CrmSchema schema = fixture();
        QCOMPARE(schema.crm, QStringLiteral("amocrm"));
        QCOMPARE(schema.pipelines.size(), 3);
        QCOMPARE(schema.mainPipeline()->id, QStringLiteral("7001"));
        QCOMPARE(schema.stage(QStringLiteral("7002"), QStringLiteral("142"))->kind, StageKind::Won);
        QCOMPARE(schema.stage(QStringLiteral("7001"), QStringLiteral("70010"))->kind, StageKind::Unsorted);
        QVERIFY(!schema.stage(QStringLiteral("7003"), QStringLiteral("70011")));
        QCOMPARE(schema.fieldByCode(Entity::Contact, QStringLiteral("phone"))->id, QStringLiteral("201"));
        QCOMPARE(schema.fieldByName(Entity::Deal, QStringLiteral("  доставка "))->id, QStringLiteral("102"));
        QVERIFY(!schema.fieldByName(Entity::Contact, QStringLiteral("Доставка")));
        QCOMPARE(schema.fieldsOf(Entity::Contact).size(), 3);
        QCOMPARE(schema.field(QStringLiteral("102"))->enumByValueOrCode(QStringLiteral("самовывоз"))->id,
                 QStringLiteral("1022"));
        QCOMPARE(schema.field(QStringLiteral("201"))->enumByValueOrCode(QStringLiteral("MOB"))->id,
                 QStringLiteral("2012"));
        QVERIFY(schema.field(QStringLiteral("102"))->isEnumType());
        QVERIFY(schema.field(QStringLiteral("201"))->isMultiValue());
        QVERIFY(schema.field(QStringLiteral("105"))->isNumericType());
        QVERIFY(schema.field(QStringLiteral("111"))->isDateType());
        QVERIFY(!schema.user(QStringLiteral("503"))->active);
    }

    void jsonRoundTrip()
    {
        CrmSchema schema = fixture();
        // Unknown types are kept as the CRM said them.
        schema.fields.append({ QStringLiteral("999"),
                               Entity::Customer,
                               QStringLiteral("Баллы"),
                               {},
                               QStringLiteral("loyalty_points_v9"),
                               99,
                               {} });
        const QByteArray bytes = Common::Json::compact(schema.toJson());
        const auto back = CrmSchema::fromJson(Common::Json::parseObject(bytes).value());
        QVERIFY(back);
        QCOMPARE(back.value(), schema);
        QCOMPARE(back->field(QStringLiteral("999"))->type, QStringLiteral("loyalty_points_v9"));
    }

    void numericIdsBecomeText()
    {
        const auto schema = CrmSchema::fromJson(
            Common::Json::parseObject(
                R"({"pipelines":[{"id":7001,"stages":[{"id":142,"kind":"won"}]}],"fields":[{"id":5,"entity":"deal","enums":[{"id":77}]}],"users":[{"id":501}]})")
                .value());
        QVERIFY(schema);
        QCOMPARE(schema->pipelines.first().stages.first().id, QStringLiteral("142"));
        QCOMPARE(schema->fields.first().enums.first().id, QStringLiteral("77"));
        QCOMPARE(schema->users.first().id, QStringLiteral("501"));
        QVERIFY(schema->users.first().active);
    }

    void fromJsonRejects_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("pipeline without id") << QByteArray(R"({"pipelines":[{"name":"x"}]})");
        QTest::newRow("stage without id")
            << QByteArray(R"({"pipelines":[{"id":"1","stages":[{"name":"x"}]}]})");
        QTest::newRow("unknown stage kind")
            << QByteArray(R"({"pipelines":[{"id":"1","stages":[{"id":"2","kind":"maybe"}]}]})");
        QTest::newRow("field without entity") << QByteArray(R"({"fields":[{"id":"1","type":"text"}]})");
        QTest::newRow("user without id") << QByteArray(R"({"users":[{"name":"x"}]})");
    }

    void fromJsonRejects()
    {
        QFETCH(QByteArray, json);
        const auto schema = CrmSchema::fromJson(Common::Json::parseObject(json).value());
        QVERIFY(!schema);
        QCOMPARE(schema.error().kind, Common::ErrorKind::InvalidInput);
    }

    void diffOfSameIsEmpty() { QVERIFY(diff(fixture(), fixture()).isEmpty()); }

    void diffFindsDrift()
    {
        const CrmSchema before = fixture();
        CrmSchema after = before;
        mutableField(after, QStringLiteral("103"))->name = QStringLiteral("Способ оплаты");
        after.fields.removeIf([](const CustomField &f) { return f.id == QLatin1String("104"); });
        mutableField(after, QStringLiteral("105"))->type = QStringLiteral("text");
        mutableField(after, QStringLiteral("102"))->enums.removeLast();
        after.pipelines[0].stages.removeIf([](const Stage &s) { return s.id == QLatin1String("70012"); });
        after.pipelines[0].stages[1].name = QStringLiteral("Новый");
        after.pipelines.removeLast();
        after.users[2].active = true; // reactivation is not drift
        after.users[1].active = false;
        after.users.removeFirst();

        const CrmSchemaDiff d = diff(before, after);
        QCOMPARE(d.about(K::FieldRenamed).size(), 1);
        QCOMPARE(d.find(K::FieldRenamed, QStringLiteral("103"))->after, QStringLiteral("Способ оплаты"));
        QCOMPARE(d.find(K::FieldDeleted, QStringLiteral("104"))->before, QStringLiteral("Адрес доставки"));
        const SchemaChange *type = d.find(K::FieldTypeChanged, QStringLiteral("105"));
        QCOMPARE(type->before, QStringLiteral("numeric"));
        QCOMPARE(type->after, QStringLiteral("text"));
        const SchemaChange *gone = d.find(K::EnumValueGone, QStringLiteral("102"));
        QCOMPARE(gone->enumId, QStringLiteral("1023"));
        QCOMPARE(gone->before, QStringLiteral("Почта России"));
        QCOMPARE(d.find(K::StageGone, QStringLiteral("70012"))->pipelineId, QStringLiteral("7001"));
        QCOMPARE(d.find(K::StageRenamed, QStringLiteral("70011"))->after, QStringLiteral("Новый"));
        QCOMPARE(d.find(K::PipelineGone, QStringLiteral("7003"))->before, QStringLiteral("Сервис"));
        QVERIFY(d.find(K::UserGone, QStringLiteral("501")));
        QVERIFY(d.find(K::UserDeactivated, QStringLiteral("502")));
        QVERIFY(!d.find(K::UserDeactivated, QStringLiteral("503")));
        // Stages of a pipeline that is gone are not listed one by one.
        QVERIFY(!d.find(K::StageGone, QStringLiteral("70031")));
        QCOMPARE(d.changes.size(), 9);
    }

    void describeIsForPeople()
    {
        SchemaChange c;
        c.kind = K::FieldDeleted;
        c.subjectId = QStringLiteral("104");
        c.before = QStringLiteral("Адрес доставки");
        QCOMPARE(c.describe(), QStringLiteral("Field “Адрес доставки” (104) was deleted"));
        c.kind = K::FieldRenamed;
        c.after = QStringLiteral("Адрес");
        QCOMPARE(c.describe(), QStringLiteral("Field “Адрес доставки” (104) was renamed to “Адрес”"));
        QCOMPARE(SchemaChange::kindName(K::UserDeactivated), QStringLiteral("user-deactivated"));
    }
};

QTEST_GUILESS_MAIN(TestCrmSchema)
#include "tst_CrmSchema.moc"
