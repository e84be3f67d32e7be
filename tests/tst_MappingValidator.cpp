// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/Json.h"
#include "mapping/MappingValidator.h"
#include "support/TestEnv.h"

#include <QFile>
#include <QTest>
#include <functional>

using namespace Mapping;
using namespace Model;
using Crm::CrmSchema;

namespace {

CrmSchema fixtureSchema()
{
    QFile file(TestSupport::sourceDir() + QStringLiteral("/tests/fixtures/mapping/schema_amocrm.json"));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("no schema fixture");
    return CrmSchema::fromJson(Common::Json::parseObject(file.readAll()).value()).value();
}

/** The seeded mapping plus status rows, routing rules, form routing and a constant enum row. */
MappingSet mapping(const CrmSchema &schema)
{
    MappingSet set = MappingSet::defaults(schema);
    FieldRow type;
    type.id = QStringLiteral("x1");
    type.target = FieldTarget::custom(*schema.field(QStringLiteral("301")));
    type.transform = Transform::of(Transform::Kind::Constant, QStringLiteral("3012"));
    set.orders.rows.append(type);
    set.statuses.rows
        = { { "s1", "1", QStringLiteral("Новый"), "7001", "70011", StatusRow::Direction::Both },
            { "s2", "2", QStringLiteral("Оплачен"), "7001", "70012", StatusRow::Direction::Both },
            { "s3", "3", QStringLiteral("Отправлен"), "7001", "142", StatusRow::Direction::Both } };
    set.routing.rules = { { "r1", "2", "7002", "70021", "502", true },
                          { "r2", "4", "7003", "70031", "", true },
                          { "r3", "5", "7001", "", "503", false } };
    set.formRouting = { QStringLiteral("7001"), QStringLiteral("70010"), QStringLiteral("501") };
    return set;
}

Crm::CustomField *field(CrmSchema &schema, const QString &id)
{
    for (Crm::CustomField &f : schema.fields) {
        if (f.id == id)
            return &f;
    }
    qFatal("no such field");
}

Crm::CrmUser *user(CrmSchema &schema, const QString &id)
{
    for (Crm::CrmUser &u : schema.users) {
        if (u.id == id)
            return &u;
    }
    qFatal("no such user");
}

QString line(const Problem &p)
{
    return QStringLiteral("%1 %2 %3 %4: %5")
        .arg(p.isError() ? QStringLiteral("error") : QStringLiteral("warning"), p.area, p.rowId, p.code,
             p.message);
}

/** The problems after the change that were not there before. */
QStringList newProblems(const std::function<void(CrmSchema &)> &change, bool withDiff)
{
    const CrmSchema before = fixtureSchema();
    CrmSchema after = before;
    change(after);
    const MappingSet set = mapping(before);
    QStringList baseline;
    for (const Problem &p : MappingValidator::validate(set, before))
        baseline << line(p);
    QStringList lines;
    const Crm::CrmSchemaDiff diff = withDiff ? Crm::diff(before, after) : Crm::CrmSchemaDiff();
    for (const Problem &p : MappingValidator::validate(set, after, diff)) {
        if (!baseline.contains(line(p)))
            lines << line(p);
    }
    return lines;
}

} // namespace

using Change = std::function<void(CrmSchema &)>;
Q_DECLARE_METATYPE(Change)

/** Mapping drift: every way the account can change under a mapping, and what the operator is told. */
class TestMappingValidator : public QObject
{
    Q_OBJECT

private slots:
    void baselineHasNoErrors()
    {
        const CrmSchema schema = fixtureSchema();
        const QList<Problem> problems = MappingValidator::validate(mapping(schema), schema);
        for (const Problem &p : problems)
            QVERIFY2(!p.isError(), qPrintable(line(p)));
        // The seeded rows for fields the account lacks are inactive, so they only warn.
        QVERIFY(std::any_of(problems.cbegin(), problems.cend(), [](const Problem &p) {
            return p.rowId == QLatin1String("o10") && p.code == QLatin1String("field-missing");
        }));
    }

    void drift_data()
    {
        QTest::addColumn<Change>("change");
        QTest::addColumn<bool>("withDiff");
        QTest::addColumn<QStringList>("expected");

        QTest::newRow("field deleted")
            << Change([](CrmSchema &s) {
                   s.fields.removeIf([](const Crm::CustomField &f) { return f.id == QLatin1String("104"); });
               })
            << true
            << QStringList { QStringLiteral(
                   "error orders o9 field-deleted: Field “Адрес доставки” (104) was deleted") };
        QTest::newRow("field deleted, no diff at hand")
            << Change([](CrmSchema &s) {
                   s.fields.removeIf([](const Crm::CustomField &f) { return f.id == QLatin1String("104"); });
               })
            << false
            << QStringList { QStringLiteral(
                   "error orders o9 field-deleted: Field “Адрес доставки” (104) does not exist in the CRM") };
        QTest::newRow("field renamed: rows keep working")
            << Change([](CrmSchema &s) { field(s, "103")->name = QStringLiteral("Способ оплаты"); }) << true
            << QStringList { QStringLiteral(
                   "warning orders o7 field-renamed: Field “Оплата” (103) is now called “Способ оплаты”") };
        QTest::newRow("type changed")
            << Change([](CrmSchema &s) { field(s, "105")->type = QStringLiteral("text"); }) << true
            << QStringList { QStringLiteral("error orders o8 type-changed: Field “Стоимость доставки” (105) "
                                            "changed its type from numeric to text") };
        QTest::newRow("enum value gone")
            << Change([](CrmSchema &s) { field(s, "301")->enums.removeLast(); }) << true
            << QStringList { QStringLiteral(
                   "error orders x1 enum-gone: Value “Опт” (3012) of field 301 was deleted") };
        QTest::newRow("phone kind gone")
            << Change([](CrmSchema &s) { field(s, "201")->enums.removeFirst(); }) << true
            << QStringList { QStringLiteral("error orders o2 enum-gone: Field “Телефон” has no kind WORK"),
                             QStringLiteral("error forms f2 enum-gone: Field “Телефон” has no kind WORK") };
        QTest::newRow("stage gone")
            << Change([](CrmSchema &s) {
                   s.pipelines[0].stages.removeIf(
                       [](const Crm::Stage &st) { return st.id == QLatin1String("70012"); });
               })
            << true
            << QStringList { QStringLiteral(
                   "error statuses s2 stage-gone: Stage “Оплачен” (70012) of pipeline 7001 was deleted") };
        QTest::newRow("stage renamed")
            << Change([](CrmSchema &s) { s.pipelines[0].stages[1].name = QStringLiteral("Новый"); }) << true
            << QStringList { QStringLiteral("warning statuses s1 stage-renamed: Stage 70011 of pipeline 7001 "
                                            "was renamed from “Новый заказ” to “Новый”") };
        QTest::newRow("won stage gone from the pipeline")
            << Change([](CrmSchema &s) {
                   s.pipelines[0].stages.removeIf(
                       [](const Crm::Stage &st) { return st.id == QLatin1String("142"); });
               })
            << false
            << QStringList { QStringLiteral(
                   "error statuses s3 stage-gone: Stage 142 does not exist in pipeline “Розница”") };
        QTest::newRow("pipeline gone")
            << Change([](CrmSchema &s) { s.pipelines.removeLast(); }) << true
            << QStringList { QStringLiteral(
                   "error routing r2 pipeline-gone: Pipeline “Сервис” (7003) was deleted") };
        QTest::newRow("user deactivated")
            << Change([](CrmSchema &s) { user(s, "502")->active = false; }) << true
            << QStringList { QStringLiteral(
                   "error routing r1 user-deactivated: User “Игорь Петров” (502) was deactivated") };
        QTest::newRow("user deactivated, no diff")
            << Change([](CrmSchema &s) { user(s, "502")->active = false; }) << false
            << QStringList { QStringLiteral(
                   "error routing r1 user-deactivated: User “Игорь Петров” (502) is deactivated") };
        QTest::newRow("user gone")
            << Change([](CrmSchema &s) { s.users.removeFirst(); }) << true
            << QStringList { QStringLiteral(
                   "error form-routing  user-gone: User “Анна Смирнова” (501) was removed") };
    }

    void drift()
    {
        QFETCH(Change, change);
        QFETCH(bool, withDiff);
        QFETCH(QStringList, expected);
        QCOMPARE(newProblems(change, withDiff), expected);
    }

    void inactiveRowsOnlyWarn()
    {
        // r3 is inactive and names the deactivated user 503 from the start.
        const CrmSchema schema = fixtureSchema();
        const QList<Problem> problems = MappingValidator::validate(mapping(schema), schema);
        auto r3 = std::find_if(problems.cbegin(), problems.cend(),
                               [](const Problem &p) { return p.rowId == QLatin1String("r3"); });
        QVERIFY(r3 != problems.cend());
        QCOMPARE(r3->code, QStringLiteral("user-deactivated"));
        QVERIFY(!r3->isError());
    }

    void structure_data()
    {
        QTest::addColumn<QString>("json");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("duplicate target")
            << R"({"source":"order.cart_cost","target":{"kind":"deal.price"},"transform":{"kind":"number"}})"
            << QStringList { QStringLiteral(
                   "error orders y1 duplicate-target: Deal: budget is already filled from “Order total”") };
        QTest::newRow("several phones are fine")
            << R"({"source":"user.phone","target":{"kind":"contact.phone","enum_code":"MOB"},"transform":{"kind":"phone"}})"
            << QStringList();
        QTest::newRow("unknown source")
            << R"({"source":"order.colour","target":{"kind":"deal.tags"}})"
            << QStringList { QStringLiteral(
                   "error orders y1 unknown-source: Unknown source field order.colour") };
        QTest::newRow("order property is a known source")
            << R"({"source":"order.properties.gift_wrap","target":{"kind":"deal.tags"}})" << QStringList();
        QTest::newRow("bad template")
            << R"({"source":"","target":{"kind":"deal.tags"},"transform":{"kind":"template","argument":"{order.nope}"}})"
            << QStringList { QStringLiteral(
                   "error orders y1 bad-template: The template names an unknown field {order.nope}") };
        QTest::newRow("no source") << R"({"source":"","target":{"kind":"deal.tags"}})"
                                   << QStringList { QStringLiteral(
                                          "error orders y1 no-source: No source field is chosen") };
        QTest::newRow("no target") << R"({"source":"order.weight"})"
                                   << QStringList { QStringLiteral(
                                          "error orders y1 no-target: No CRM field is chosen") };
    }

    void structure()
    {
        QFETCH(QString, json);
        QFETCH(QStringList, expected);
        const CrmSchema schema = fixtureSchema();
        MappingSet set = mapping(schema);
        QJsonObject rowJson = Common::Json::parseObject(json.toUtf8()).value();
        rowJson.insert(QStringLiteral("id"), QStringLiteral("y1"));
        set.orders.rows.append(FieldRow::fromJson(rowJson).value());
        QStringList lines;
        for (const Problem &p : MappingValidator::validateStructure(set))
            lines << line(p);
        QCOMPARE(lines, expected);
    }

    void templatesAreChecked()
    {
        MappingSet set = mapping(fixtureSchema());
        set.orders.dealNameTemplate = QStringLiteral("Заказ {order.number}");
        set.forms.tagTemplates << QStringLiteral("{order.num}");
        QStringList lines;
        for (const Problem &p : MappingValidator::validateStructure(set))
            lines << line(p);
        QCOMPARE(
            lines,
            (QStringList {
                QStringLiteral("error orders  bad-template: The deal name template names an unknown field "
                               "{order.number}"),
                QStringLiteral(
                    "error forms  bad-template: The tag template names an unknown field {order.num}") }));
    }
};

QTEST_GUILESS_MAIN(TestMappingValidator)
#include "tst_MappingValidator.moc"
