// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/Json.h"
#include "mapping/MappingSet.h"
#include "mapping/MissingFields.h"
#include "model/SourceFieldCatalogue.h"
#include "support/TestEnv.h"

#include <QFile>
#include <QJsonArray>
#include <QTest>

using namespace Mapping;
using namespace Model;

namespace {

QJsonObject fixture(const QString &name)
{
    QFile file(TestSupport::sourceDir() + QStringLiteral("/tests/fixtures/mapping/") + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("no fixture %s", qPrintable(name));
    return Common::Json::parseObject(file.readAll()).value();
}

Crm::CrmSchema schema()
{
    return Crm::CrmSchema::fromJson(fixture(QStringLiteral("schema_amocrm.json"))).value();
}

const FieldRow *bySource(const FieldMap &map, const QString &source)
{
    for (const FieldRow &r : map.rows) {
        if (r.source == source)
            return &r;
    }
    return nullptr;
}

} // namespace

/** A whole mapping: seeded defaults, versioned JSON export/import (all or nothing), auto-create specs. */
class TestMappingSet : public QObject
{
    Q_OBJECT

private slots:
    void defaultsUseTheAccountsFields()
    {
        const MappingSet set = MappingSet::defaults(schema());
        const FieldMap &orders = set.orders;
        QCOMPARE(bySource(orders, "customer.phone")->target.kind, FieldTarget::Kind::ContactPhone);
        QCOMPARE(bySource(orders, "customer.phone")->transform.kind, Transform::Kind::Phone);
        QCOMPARE(bySource(orders, "customer.name")->policy, Crm::UpdatePolicy::OnlyIfEmpty);
        QCOMPARE(bySource(orders, "order.cost")->target.kind, FieldTarget::Kind::DealPrice);
        QCOMPARE(bySource(orders, "order.num")->target.fieldId, QStringLiteral("101"));
        QCOMPARE(bySource(orders, "order.delivery.name")->target.fieldId, QStringLiteral("102"));
        QCOMPARE(bySource(orders, "utm.campaign")->target.fieldId, QStringLiteral("108"));
        QVERIFY(bySource(orders, "utm.campaign")->active);
        // The account has no comment field: an inactive row that auto-create can fulfil.
        const FieldRow *comment = bySource(orders, "order.comment");
        QVERIFY(!comment->active);
        QVERIFY(comment->target.fieldId.isEmpty());
        QCOMPARE(comment->target.fieldName, QStringLiteral("Order comment"));
        QCOMPARE(comment->target.fieldType, QStringLiteral("textarea"));
        // An inactive row for every other source field, as the best peers do.
        for (const SourceField &f : SourceFieldCatalogue::forOrders())
            QVERIFY2(bySource(orders, f.path), qPrintable(f.path));
        QVERIFY(!bySource(orders, "address.metro")->active);
        QVERIFY(!bySource(orders, "address.metro")->target.isSet());
        // The fixture account names no language: a Russian CRM, so the deal name is Russian (CrmTexts).
        QCOMPARE(orders.dealNameTemplate, QStringLiteral("Заказ №{order.num}"));
        QCOMPARE(orders.noteMode, FieldMap::NoteMode::Cart);
        for (const SourceField &f : SourceFieldCatalogue::forForms())
            QVERIFY2(bySource(set.forms, f.path), qPrintable(f.path));
        QCOMPARE(set.forms.noteMode, FieldMap::NoteMode::FormFields);
    }

    void defaultsOnAnEmptyAccount()
    {
        const MappingSet set = MappingSet::defaults(Crm::CrmSchema());
        QVERIFY(bySource(set.orders, "customer.phone")->active);
        QVERIFY(!bySource(set.orders, "order.num")->active);
        QVERIFY(!bySource(set.orders, "utm.source")->active);
        QCOMPARE(bySource(set.orders, "utm.source")->target.fieldName, QStringLiteral("utm_source"));
    }

    void jsonRoundTrip()
    {
        MappingSet set = MappingSet::defaults(schema());
        set.statuses.rows
            = { { "s1", "1", QStringLiteral("Новый"), "7001", "70011", StatusRow::Direction::Both } };
        set.routing.rules = { { "r1", "2", "7002", "70021", "502", true } };
        set.routing.categoryWins = false;
        set.formRouting
            = { QStringLiteral("7001"),
                QStringLiteral("70010"),
                QStringLiteral("501"),
                { { QStringLiteral("callback"), QStringLiteral("7002"), QStringLiteral("70021"), {} },
                  { QStringLiteral("wholesale"), {}, {}, QStringLiteral("502") } } };
        set.orders.rows[5].transform = Transform::lookup(
            { { QStringLiteral("Курьер"), QStringLiteral("1021") } }, QStringLiteral("1022"));
        set.orders.rows[1].skipEmpty = false;
        const QByteArray exported = Common::Json::compact(set.toJson());
        const auto imported = MappingSet::fromJson(Common::Json::parseObject(exported).value(), nullptr);
        QVERIFY2(imported, qPrintable(imported ? QString() : imported.error().message));
        QCOMPARE(imported.value(), set);
        QCOMPARE(Common::Json::compact(imported->toJson()), exported);
    }

    /** A file from before per-form routes reads as none; a form routed twice, or to a stage of a
     *  pipeline the account does not have, is refused. */
    void formRoutesByName()
    {
        QJsonObject json = MappingSet::defaults(schema()).toJson();
        json.insert(QStringLiteral("form_routing"), QJsonObject { { QStringLiteral("pipeline_id"), 7002 } });
        const auto old = MappingSet::fromJson(json, nullptr);
        QVERIFY(old);
        QCOMPARE(old->formRouting.pipelineId, QStringLiteral("7002"));
        QVERIFY(old->formRouting.forms.isEmpty());

        MappingSet set = MappingSet::defaults(schema());
        set.formRouting.forms = { { QStringLiteral("callback"), QStringLiteral("7002"), {}, {} },
                                  { QStringLiteral("callback"), QStringLiteral("7001"), {}, {} } };
        const auto twice = MappingSet::fromJson(set.toJson(), nullptr);
        QVERIFY(!twice);
        QVERIFY2(twice.error().message.contains(QStringLiteral("Form “callback” has two routes")),
                 qPrintable(twice.error().message));
        set.formRouting.forms
            = { { QStringLiteral("callback"), QStringLiteral("7002"), QStringLiteral("99999"), {} } };
        const Crm::CrmSchema s = schema();
        const auto gone = MappingSet::fromJson(set.toJson(), &s);
        QVERIFY(!gone);
        QVERIFY2(gone.error().message.contains(QStringLiteral("form-routing row callback: Stage 99999")),
                 qPrintable(gone.error().message));
    }

    void fixtureFileImports()
    {
        const auto set = MappingSet::fromJson(fixture(QStringLiteral("mapping_valid.json")), nullptr);
        QVERIFY2(set, qPrintable(set ? QString() : set.error().message));
        QCOMPARE(set->orders.rows.size(), 3);
        const Crm::CrmSchema s = schema();
        QVERIFY(MappingSet::fromJson(fixture(QStringLiteral("mapping_valid.json")), &s));
    }

    void importRejects_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<bool>("withSchema");
        QTest::addColumn<QString>("message");
        QTest::newRow("not a mapping") << "schema_amocrm.json" << false
                                       << "The mapping file is not valid: it is not a CRM Bridge mapping (no "
                                          "\"format\": \"crmbridge.mapping\")";
        QTest::newRow("newer format") << "mapping_future.json" << false
                                      << "The mapping file is not valid: it was written by a newer CRM "
                                         "Bridge (format 7; this one reads up to 1)";
        QTest::newRow("broken rows")
            << "mapping_broken.json" << false
            << "The mapping file is not valid: orders row o2: Unknown source field order.colour; "
               "orders row o3: Deal: budget is already filled from “Order total”; statuses row s2: Shop "
               "status «1» already goes to «70011» in «7001» (another row): one status can go to one "
               "stage of a pipeline";
        QTest::newRow("valid, but not for this account") << "mapping_valid.json" << true << "";
        QTest::newRow("malformed row")
            << "mapping_malformed.json" << false
            << "The mapping file is not valid: row o1: unknown update policy \"sometimes\"";
    }

    void importRejects()
    {
        QFETCH(QString, file);
        QFETCH(bool, withSchema);
        QFETCH(QString, message);
        Crm::CrmSchema s = schema();
        if (withSchema)
            s.fields.removeIf([](const Crm::CustomField &f) { return f.id == QLatin1String("101"); });
        const auto set = MappingSet::fromJson(fixture(file), withSchema ? &s : nullptr);
        QVERIFY(!set);
        QCOMPARE(set.error().kind, Common::ErrorKind::InvalidInput);
        if (withSchema) {
            QCOMPARE(set.error().message,
                     QStringLiteral("The mapping file is not valid: orders row o2: Field “Номер заказа” "
                                    "(101) does not exist in the CRM"));
            QCOMPARE(
                set.error().details.value("problems").toArray().first().toObject().value("code").toString(),
                QStringLiteral("field-deleted"));
        } else {
            QCOMPARE(set.error().message, message);
        }
    }

    void missingFieldsForAutoCreate()
    {
        const Crm::CrmSchema s = schema();
        MappingSet set = MappingSet::defaults(s);
        for (FieldRow &r : set.orders.rows) {
            if (r.source == QLatin1String("order.comment") || r.source == QLatin1String("order.weight"))
                r.active = true;
        }
        FieldRow gift;
        gift.id = QStringLiteral("x1");
        gift.source = QStringLiteral("order.properties.wrap");
        gift.target
            = FieldTarget::toCreate(Crm::Entity::Deal, QStringLiteral("Упаковка"), QStringLiteral("select"));
        gift.target.createEnums = { QStringLiteral("Да"), QStringLiteral("Нет") };
        set.orders.rows << gift;
        FieldRow again = gift;
        again.id = QStringLiteral("x2");
        again.target.fieldName = QStringLiteral("упаковка ");
        again.target.createEnums = { QStringLiteral("Не знаю") };
        set.orders.rows << again;

        const QList<FieldSpec> specs = missingFields(set, s);
        QCOMPARE(specs.size(), 3);
        QCOMPARE(specs.at(0), (FieldSpec { Crm::Entity::Deal, "Order comment", "textarea", {}, { "o10" } }));
        QCOMPARE(specs.at(1), (FieldSpec { Crm::Entity::Deal, "Weight", "numeric", {}, { "o11" } }));
        QCOMPARE(specs.at(2),
                 (FieldSpec { Crm::Entity::Deal,
                              QStringLiteral("Упаковка"),
                              "select",
                              { QStringLiteral("Да"), QStringLiteral("Нет"), QStringLiteral("Не знаю") },
                              { "x1", "x2" } }));

        // The connector created them: the rows get their ids and nothing is missing any more.
        Crm::CrmSchema created = s;
        created.fields
            << Crm::CustomField { "901", Crm::Entity::Deal, "Order comment", {}, "textarea", 0, {} }
            << Crm::CustomField { "902", Crm::Entity::Deal, "Weight", {}, "numeric", 0, {} }
            << Crm::CustomField { "903", Crm::Entity::Deal, QStringLiteral("Упаковка"), {}, "select", 0, {} };
        QCOMPARE(bindFields(set, created), 4);
        QVERIFY(missingFields(set, created).isEmpty());
        QCOMPARE(bySource(set.orders, "order.comment")->target.fieldId, QStringLiteral("901"));
    }
};

QTEST_GUILESS_MAIN(TestMappingSet)
#include "tst_MappingSet.moc"
