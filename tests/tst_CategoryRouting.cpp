// SPDX-License-Identifier: GPL-3.0-or-later
#include "mapping/CategoryRouting.h"

#include <QJsonDocument>
#include <QTest>

using namespace Mapping;
using namespace Model;

namespace {

/*
 * 1 Каталог
 * ├─ 2 Техника ─────────── r1 → Опт (7002), Заявка (70021), Игорь (502)
 * │  ├─ 21 Кофемашины
 * │  │  └─ 211 Рожковые ── r4 → Розница (7001), Оплачен (70012)   [only in "nearest" rows]
 * │  └─ 22 Кофемолки
 * ├─ 3 Продукты
 * │  └─ 31 Кофе в зёрнах ─ r3 → Розница (7001), Новый заказ (70011)
 * └─ 4 Сервис ──────────── r2 → Сервис (7003), Анна (501)
 *    └─ 41 Ремонт
 */
CategoryTree tree()
{
    return CategoryTree({ { "1", "0", QStringLiteral("Каталог") },
                          { "2", "1", QStringLiteral("Техника") },
                          { "21", "2", QStringLiteral("Кофемашины") },
                          { "211", "21", QStringLiteral("Рожковые") },
                          { "22", "2", QStringLiteral("Кофемолки") },
                          { "3", "1", QStringLiteral("Продукты") },
                          { "31", "3", QStringLiteral("Кофе в зёрнах") },
                          { "4", "1", QStringLiteral("Сервис") },
                          { "41", "4", QStringLiteral("Ремонт") } });
}

CategoryRouting routing()
{
    CategoryRouting r;
    r.rules = { { "r1", "2", "7002", "70021", "502", true },
                { "r2", "4", "7003", "", "501", true },
                { "r3", "31", "7001", "70011", "", true },
                { "r5", "22", "7003", "70031", "501", false } };
    r.defaultPipelineId = QStringLiteral("7001");
    r.defaultStageId = QStringLiteral("70010");
    r.defaultResponsibleUserId = QStringLiteral("503");
    return r;
}

Model::OrderLine line(const QString &id, const QString &name, const QStringList &categories)
{
    Model::OrderLine l;
    l.productId = id;
    l.name = name;
    l.quantity = 1;
    l.categoryIds = categories;
    return l;
}

Model::ShopOrder order(const QList<Model::OrderLine> &lines, const QJsonObject &crmProperties = {})
{
    Model::ShopOrder o;
    o.id = QStringLiteral("812");
    o.lines = lines;
    if (!crmProperties.isEmpty())
        o.properties.insert(QStringLiteral("amoCRMFields"), crmProperties);
    return o;
}

const Model::OrderLine kMachine = line("301", QStringLiteral("Кофемашина"), { "21" });
const Model::OrderLine kEspresso = line("305", QStringLiteral("Рожковая кофеварка"), { "211" });
const Model::OrderLine kBeans = line("302", QStringLiteral("Кофе Lavazza"), { "31" });
const Model::OrderLine kRepair = line("303", QStringLiteral("Чистка от накипи"), { "41" });
const Model::OrderLine kGrinder = line("304", QStringLiteral("Кофемолка"), { "22" });
const Model::OrderLine kGift = line("306", QStringLiteral("Подарочная карта"), { "99" });
const Model::OrderLine kNoCategory = line("307", QStringLiteral("Пакет"), {});

} // namespace

Q_DECLARE_METATYPE(Model::ShopOrder)

/** Category → pipeline routing on a multi-level tree with mixed carts. */
class TestCategoryRouting : public QObject
{
    Q_OBJECT

private slots:
    void ancestry()
    {
        QCOMPARE(tree().ancestry(QStringLiteral("211")), (QStringList { "211", "21", "2", "1" }));
        QCOMPARE(tree().ancestry(QStringLiteral("99")), QStringList { "99" });
        CategoryTree loop({ { "a", "b", "A" }, { "b", "a", "B" } });
        QCOMPARE(loop.ancestry(QStringLiteral("a")), (QStringList { "a", "b" }));
        QCOMPARE(CategoryTree::fromJson(tree().toJson()).categories(), tree().categories());
    }

    void route_data()
    {
        QTest::addColumn<Model::ShopOrder>("input");
        QTest::addColumn<bool>("categoryWins");
        QTest::addColumn<bool>("nearestRule");
        QTest::addColumn<QString>("rule");
        QTest::addColumn<QString>("pipeline");
        QTest::addColumn<QString>("stage");
        QTest::addColumn<QString>("responsible");
        QTest::addColumn<QString>("origin");

        QTest::newRow("parent category inherited") << order({ kMachine }) << true << false << "r1"
                                                   << "7002"
                                                   << "70021"
                                                   << "502"
                                                   << "category";
        QTest::newRow("grandparent inherited") << order({ kEspresso }) << true << false << "r1"
                                               << "7002"
                                               << "70021"
                                               << "502"
                                               << "category";
        // The nearest rule's pipeline wins; r4 names no responsible user, so r1's (above it) is inherited.
        QTest::newRow("nearest rule up the tree wins") << order({ kEspresso }) << true << true << "r4"
                                                       << "7001"
                                                       << "70012"
                                                       << "502"
                                                       << "category";
        QTest::newRow("first product in cart order: beans first")
            << order({ kBeans, kMachine }) << true << false << "r3"
            << "7001"
            << "70011"
            << "503"
            << "category";
        QTest::newRow("first product in cart order: machine first")
            << order({ kMachine, kBeans }) << true << false << "r1"
            << "7002"
            << "70021"
            << "502"
            << "category";
        QTest::newRow("unrouted products are passed over")
            << order({ kGift, kNoCategory, kRepair, kMachine }) << true << false << "r2"
            << "7003"
            << ""
            << "501"
            << "category";
        QTest::newRow("inactive rule ignored, parent used") << order({ kGrinder }) << true << false << "r1"
                                                            << "7002"
                                                            << "70021"
                                                            << "502"
                                                            << "category";
        QTest::newRow("extra category of a product")
            << order({ line("308", "Набор", { "99", "41" }) }) << true << false << "r2"
            << "7003"
            << ""
            << "501"
            << "category";
        QTest::newRow("main category first")
            << order({ line("309", "Набор", { "31", "41" }) }) << true << false << "r3"
            << "7001"
            << "70011"
            << "503"
            << "category";
        QTest::newRow("nothing matches: defaults") << order({ kGift }) << true << false << ""
                                                   << "7001"
                                                   << "70010"
                                                   << "503"
                                                   << "default";
        QTest::newRow("empty cart: defaults") << order({}) << true << false << ""
                                              << "7001"
                                              << "70010"
                                              << "503"
                                              << "default";

        const QJsonObject own { { "pipeline_id", "7003" },
                                { "status_id", "70031" },
                                { "responsible_user_id", "501" } };
        QTest::newRow("category wins over the order") << order({ kMachine }, own) << true << false << "r1"
                                                      << "7002"
                                                      << "70021"
                                                      << "502"
                                                      << "category";
        QTest::newRow("order wins over the category") << order({ kMachine }, own) << false << false << "r1"
                                                      << "7003"
                                                      << "70031"
                                                      << "501"
                                                      << "order-properties";
        const QJsonObject onlyUser { { "responsible_user_id", 501 } };
        QTest::newRow("category wins, but has no responsible user")
            << order({ kBeans }, onlyUser) << true << false << "r3"
            << "7001"
            << "70011"
            << "501"
            << "category";
        const QJsonObject onlyPipeline { { "pipeline_id", "7003" } };
        QTest::newRow("order's pipeline drops the category's stage")
            << order({ kMachine }, onlyPipeline) << false << false << "r1"
            << "7003"
            << ""
            << "502"
            << "order-properties";
        // A rule that only names a responsible user keeps the pipeline of the rule above it.
        QTest::newRow("responsible only, pipeline inherited")
            << order({ line("310", "Кофемолка", { "22" }) }) << true << true << "r1"
            << "7002"
            << "70021"
            << "504"
            << "category";
        QTest::newRow("order properties without a category") << order({ kGift }, own) << true << false << ""
                                                             << "7003"
                                                             << "70031"
                                                             << "501"
                                                             << "order-properties";
    }

    void route()
    {
        QFETCH(Model::ShopOrder, input);
        QFETCH(bool, categoryWins);
        QFETCH(bool, nearestRule);
        QFETCH(QString, rule);
        QFETCH(QString, pipeline);
        QFETCH(QString, stage);
        QFETCH(QString, responsible);
        QFETCH(QString, origin);
        CategoryRouting r = routing();
        r.categoryWins = categoryWins;
        if (nearestRule) {
            r.rules.append({ "r4", "211", "7001", "70012", "", true });
            r.rules.append({ "r6", "22", "", "", "504", true });
        }
        const RouteResult result = r.route(input, tree());
        QCOMPARE(result.ruleId, rule);
        QCOMPARE(result.pipelineId, pipeline);
        QCOMPARE(result.stageId, stage);
        QCOMPARE(result.responsibleUserId, responsible);
        QCOMPARE(result.origin, origin);
        QVERIFY(!result.explanation.isEmpty());
    }

    void explanationSaysWhy()
    {
        Crm::CrmSchema schema;
        schema.pipelines = { { "7002",
                               QStringLiteral("Опт"),
                               2,
                               false,
                               { { "70021", QStringLiteral("Заявка"), "#99ccff", 10 } } } };
        schema.users = { { "502", QStringLiteral("Игорь Петров"), {}, true } };
        const QJsonObject own { { "pipeline_id", "7003" }, { "responsible_user_id", "501" } };
        const RouteResult result = routing().route(order({ kGift, kEspresso }, own), tree(), &schema);
        QCOMPARE(result.productId, QStringLiteral("305"));
        QCOMPARE(result.categoryId, QStringLiteral("2"));
        QCOMPARE(result.explanation,
                 QStringLiteral(
                     "Product “Рожковая кофеварка” (cart line 2) is in category “Рожковые” under “Техника”, "
                     "which routes it to pipeline “Опт”, stage “Заявка”. The order asks for pipeline 7003, "
                     "but the "
                     "category takes priority. Responsible user Игорь Петров comes from category “Техника”. "
                     "The order's responsible user 501 was overridden by the category."));
    }

    void validation()
    {
        CategoryRouting r = routing();
        r.rules.append({ "r6", "2", "7001", "", "", true }); // a second active rule for category 2
        r.rules.append({ "r7", "", "", "", "", true }); // nothing chosen
        r.rules.append({ "r8", "22", "7001", "", "", false }); // inactive duplicates are fine
        QStringList codes;
        for (const Problem &p : r.validate())
            codes << p.rowId + QLatin1Char(':') + p.code;
        QCOMPARE(codes, (QStringList { "r6:duplicate-category", "r7:row-incomplete", "r7:row-incomplete" }));
    }

    void jsonRoundTrip()
    {
        CategoryRouting r = routing();
        r.categoryWins = false;
        r.pipelineProperty = QStringLiteral("crm.pipeline");
        const auto back
            = CategoryRouting::fromJson(QJsonDocument::fromJson(QJsonDocument(r.toJson()).toJson()).object());
        QVERIFY(back);
        QCOMPARE(back.value(), r);
    }
};

QTEST_GUILESS_MAIN(TestCategoryRouting)
#include "tst_CategoryRouting.moc"
