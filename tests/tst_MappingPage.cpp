// SPDX-License-Identifier: GPL-3.0-or-later
#include "TestDatabase.h"
#include "TestEnv.h"
#include "common/Json.h"
#include "common/Translations.h"
#include "mapping/FieldMapEditor.h"
#include "mapping/FieldMapModel.h"
#include "mapping/MappingPage.h"
#include "mapping/MappingPreview.h"
#include "mapping/RoutingModel.h"
#include "mapping/RoutingView.h"
#include "mapping/StatusMapEditor.h"
#include "mapping/StatusMapModel.h"
#include "source/SourceRepo.h"
#include "store/ConnectionRepo.h"
#include "store/JobRepo.h"
#include "store/MappingRepo.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QTest>
#include <QUndoStack>

using TestSupport::TestDatabase;

namespace {

QJsonObject fixture(const QString &name)
{
    QFile file(TestSupport::sourceDir() + QStringLiteral("/tests/fixtures/mapping/") + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("no fixture");
    return Common::Json::parseObject(file.readAll()).value();
}

} // namespace

class TestMappingPage : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<TestDatabase> m_test;
    qint64 m_connection = 0;

    int rowWithTarget(const Gui::FieldMapModel *model, Mapping::FieldTarget::Kind kind)
    {
        for (int i = 0; i < model->rowCount(); ++i) {
            if (model->fieldMap().rows.at(i).target.kind == kind)
                return i;
        }
        return -1;
    }

private Q_SLOTS:
    void initTestCase() { Gui::installTranslations(QStringLiteral("en")); }
    void init()
    {
        auto test = TestDatabase::create(QStringLiteral("sqlite"));
        QVERIFY_OK(test);
        m_test = std::move(test.value());
        Store::Connection c;
        c.name = QStringLiteral("Main amoCRM");
        c.crm = QStringLiteral("amocrm");
        c.baseUrl = QStringLiteral("https://shop.amocrm.ru");
        auto added = Store::ConnectionRepo(m_test->db()).add(c);
        QVERIFY_OK(added);
        m_connection = added->id;
        auto schema = Crm::CrmSchema::fromJson(fixture(QStringLiteral("schema_amocrm.json")));
        QVERIFY_OK(schema);
        QVERIFY_OK(Store::MappingRepo(m_test->db()).saveSchema(m_connection, schema.value()));
        Store::NewJob job;
        job.kind = QStringLiteral("order.created");
        job.idempotencyKey = QStringLiteral("order:shop:812:created");
        job.reference = QStringLiteral("2311/14");
        job.customer = QStringLiteral("Пётр Иванов");
        job.payload = fixture(QStringLiteral("order_ru.json"));
        QVERIFY_OK(Store::JobRepo(m_test->db()).enqueue(job));
    }
    void cleanup() { m_test.reset(); }

    void brokenRowIsRedWithTheReasonAndUndoFixesIt()
    {
        Gui::MappingPage page(m_test->db());
        page.show();
        auto *model = page.orderEditor()->model();
        QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        auto *save = page.findChild<QPushButton *>(QStringLiteral("mappingSaveButton"));
        QVERIFY(model->rowCount() > 2);
        QVERIFY(!save->isEnabled());
        const int price = rowWithTarget(model, Mapping::FieldTarget::Kind::DealPrice);
        QVERIFY(price >= 0);
        const int other = price == 0 ? 1 : 0;
        const QModelIndex target = model->index(other, Gui::FieldMapModel::TargetColumn);
        // A second row writing the deal's price: a duplicate target.
        QVERIFY(
            model->setData(target, model->index(price, Gui::FieldMapModel::TargetColumn).data(Qt::EditRole)));
        // The validator names the second of the two rows; either way one of them is red and says why.
        int broken = -1;
        for (int row = 0; row < model->rowCount() && broken < 0; ++row) {
            if (model->index(row, 0).data(Gui::FieldMapModel::HasErrorRole).toBool())
                broken = row;
        }
        QVERIFY(broken == other || broken == price);
        const QString reason = model->index(broken, Gui::FieldMapModel::ProblemColumn).data().toString();
        QVERIFY2(!reason.isEmpty(), "the broken row says why");
        QCOMPARE(model->index(broken, Gui::FieldMapModel::SourceColumn).data(Qt::ToolTipRole).toString(),
                 reason);
        QVERIFY(model->index(broken, 1).data(Qt::BackgroundRole).isValid());
        QVERIFY(!save->isEnabled());
        QVERIFY(page.findChild<QLabel *>(QStringLiteral("orderFieldMapSummary"))
                    ->text()
                    .contains(QLatin1String("fixing")));

        page.undoStack()->undo();
        QVERIFY(!model->index(broken, 0).data(Gui::FieldMapModel::HasErrorRole).toBool());
        QVERIFY(page.undoStack()->isClean());
    }

    void editAndSaveInOneStep()
    {
        Gui::MappingPage page(m_test->db());
        page.show();
        auto *model = page.orderEditor()->model();
        QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        auto *save = page.findChild<QPushButton *>(QStringLiteral("mappingSaveButton"));
        const QModelIndex policy = model->index(0, Gui::FieldMapModel::PolicyColumn);
        QVERIFY(model->setData(policy, Crm::updatePolicyName(Crm::UpdatePolicy::Never)));
        QCOMPARE(policy.data().toString(), QStringLiteral("On create only"));
        QVERIFY(save->isEnabled());
        // Not in the store until saved.
        QVERIFY(!Store::MappingRepo(m_test->db()).load(m_connection)->has_value());
        save->click();
        QCOMPARE(page.findChild<QLabel *>(QStringLiteral("mappingResult"))->text(), QStringLiteral("Saved."));
        auto stored = Store::MappingRepo(m_test->db()).load(m_connection);
        QVERIFY_OK(stored);
        QVERIFY(stored->has_value());
        QCOMPARE(stored->value().orders.rows.first().policy, Crm::UpdatePolicy::Never);
        QVERIFY(!save->isEnabled());

        // Add a row, then revert drops it.
        const int rows = model->rowCount();
        page.findChild<QPushButton *>(QStringLiteral("orderAddRowButton"))->click();
        QCOMPARE(model->rowCount(), rows + 1);
        page.findChild<QPushButton *>(QStringLiteral("mappingRevertButton"))->click();
        QCOMPARE(model->rowCount(), rows);
    }

    void previewShowsTheDealOfARecentOrder()
    {
        Gui::MappingPage page(m_test->db());
        page.show();
        auto *preview = page.findChild<Gui::MappingPreview *>(QStringLiteral("mappingPreview"));
        QVERIFY(preview);
        QTRY_VERIFY(preview->text().contains(QLatin1String("Deal")));
        QVERIFY(preview->text().contains(QLatin1String("2311/14")));
        QVERIFY(preview->text().contains(QLatin1String("Routing")));
    }

    void routingRulesAndWhichRuleMatches()
    {
        auto schema = Crm::CrmSchema::fromJson(fixture(QStringLiteral("schema_amocrm.json")));
        Mapping::MappingSet set = Mapping::MappingSet::defaults(schema.value());
        set.routing.rules = { { "r1", "21", "7002", "", "", true }, { "r2", "99", "7003", "", "", false } };
        QVERIFY_OK(Store::MappingRepo(m_test->db()).save(m_connection, set));

        Gui::MappingPage page(m_test->db());
        page.show();
        auto *view = page.findChild<Gui::RoutingView *>(QStringLiteral("routingView"));
        QVERIFY(view);
        QAbstractItemModelTester tester(view->model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(view->model()->rowCount(), 2);
        const QModelIndex stage = view->model()->index(0, Gui::RoutingModel::StageColumn);
        QVERIFY(stage.data(Gui::RoutingModel::InheritedRole).toBool()); // no stage: the pipeline's first
        QVERIFY(stage.data(Qt::ForegroundRole).isValid()); // greyed
        QVERIFY(
            !view->model()->index(0, Gui::RoutingModel::PipelineColumn).data(Qt::ForegroundRole).isValid());
        QVERIFY(view->model()->index(1, 0).data(Qt::ForegroundRole).isValid()); // switched off: greyed

        const QString answer = view->explain(QStringLiteral("2311/14"));
        QVERIFY2(answer.contains(QLatin1String("r1")), qPrintable(answer));
        QCOMPARE(view->explain(QStringLiteral("9999/1")),
                 QStringLiteral("Order 9999/1 is not in the queue."));
    }

    void statusMapModel()
    {
        QUndoStack undo;
        Gui::StatusMapModel model(&undo);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        auto schema = Crm::CrmSchema::fromJson(fixture(QStringLiteral("schema_amocrm.json")));
        Mapping::StatusMap map;
        map.rows = { { "s1", "1", QStringLiteral("Новый"), "7001", "70011",
                       Mapping::StatusRow::Direction::Both } };
        model.setStatusMap(map, schema.value());
        QCOMPARE(model.rowCount(), 1);
        QVERIFY(model.index(0, Gui::StatusMapModel::StageColumn).data(Qt::DecorationRole).isValid());
        QVERIFY(
            model.setData(model.index(0, Gui::StatusMapModel::DirectionColumn), QStringLiteral("to-crm")));
        QCOMPARE(model.statusMap().rows.first().direction, Mapping::StatusRow::Direction::ToCrm);
        undo.undo();
        QCOMPARE(model.statusMap().rows.first().direction, Mapping::StatusRow::Direction::Both);

        // Colour chips: the shop status in the shop's colour, the stage in the CRM's.
        const auto chipColour = [&](int column) {
            const QIcon icon = model.index(0, column).data(Qt::DecorationRole).value<QIcon>();
            return icon.pixmap(14, 14).toImage().pixelColor(7, 7).name();
        };
        QCOMPARE(chipColour(Gui::StatusMapModel::StageColumn),
                 schema->stage("7001", "70011")->colour.toLower());
        QCOMPARE(chipColour(Gui::StatusMapModel::ShopStatusColumn),
                 QStringLiteral("#cccccc")); // not read yet
        Source::ShopStatus fresh { QStringLiteral("1"), QStringLiteral("Новый"), QStringLiteral("FF6600") };
        model.setShopStatuses({ fresh });
        QCOMPARE(chipColour(Gui::StatusMapModel::ShopStatusColumn), QStringLiteral("#ff6600"));
    }

    /** The page takes the shop statuses' colours from what the store last read from the shop. */
    void statusChipsComeFromTheShopSnapshot()
    {
        Source::SourceRecord shop;
        shop.name = QStringLiteral("shop");
        shop.kind = QStringLiteral("minishop2");
        shop.url = QStringLiteral("sqlite:///tmp/shop.db");
        Source::SourceRepo sources(m_test->db());
        QVERIFY_OK(sources.add(shop));
        QVERIFY_OK(sources.recordStatuses(
            shop.name,
            { { QStringLiteral("1"), QStringLiteral("Новый"), QStringLiteral("000000") },
              { QStringLiteral("2"), QStringLiteral("Оплачен"), QStringLiteral("008000") } }));
        QCOMPARE(sources.byName(shop.name)->knownStatuses().size(), 2);
        Gui::MappingPage page(m_test->db());
        auto *editor = page.findChild<Gui::StatusMapEditor *>(QStringLiteral("statusMapEditor"));
        QVERIFY(editor);
        QCOMPARE(editor->model()->shopStatusColour(QStringLiteral("2")), QStringLiteral("#008000"));
        QCOMPARE(editor->model()->shopStatusColour(QStringLiteral("1")), QStringLiteral("#000000"));
    }
};

QTEST_MAIN(TestMappingPage)
#include "tst_MappingPage.moc"
