// SPDX-License-Identifier: GPL-3.0-or-later
// The Done-when of configuring on a fresh `crmbridge --demo` (amoCRM), end to end with the engine:
// the demo ships a status map and routing rules; on the Mapping page the operator replaces the row of
// «Отправлен» by one that comes back from «Доставлен» both ways, saves, and a manager's move of a deal
// to «Доставлен» in the sandbox (its control API) comes back to the demo shop as «Отправлен».
#include "DemoSession.h"
#include "TestEnv.h"
#include "common/Translations.h"
#include "fixtures/mapping/MappingGuiKit.h"
#include "mapping/MappingPage.h"
#include "mapping/StatusMapEditor.h"
#include "mapping/StatusMapModel.h"
#include "sandbox/tests/SandboxTestClient.h"
#include "source/minishop2/ShopDb.h"
#include "store/EntityLinkRepo.h"

#include <QJsonDocument>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using Mapping::StatusRow;
using MappingGuiKit::pick;

class TestConfigureDemo : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().remove(QStringLiteral("mappingPage"));
        Gui::installTranslations(QStringLiteral("en"));
    }

    void aStatusRowAddedBothWaysBringsAManagersMoveBackToTheShop()
    {
        QTemporaryDir dir;
        App::DemoOptions options;
        options.dir = dir.path();
        options.crm = QStringLiteral("amocrm");
        options.initialOrders = 12;
        options.newOrderEveryMs = 0;
        options.managerEveryMs = 0;
        App::DemoSession demo(options);
        QVERIFY_OK(demo.prepare());
        QSignalSpy started(&demo, &App::DemoSession::started);
        demo.start();
        QVERIFY(started.wait(20000));
        const std::shared_ptr<Storage::Database> store = demo.store();
        const qint64 connection = Store::ConnectionRepo(store).list()->first().id;
        const Crm::CrmSchema schema = Mapping::MappingRepo(store).loadSchema(connection)->value();
        const Crm::Pipeline *orders = nullptr;
        for (const Crm::Pipeline &pipeline : schema.pipelines) {
            if (pipeline.isMain)
                orders = &pipeline;
        }
        QVERIFY(orders);
        QString delivered;
        for (const Crm::Stage &stage : orders->stages) {
            if (stage.name == QStringLiteral("Доставлен"))
                delivered = stage.id;
        }
        QVERIFY(!delivered.isEmpty());

        // The amoCRM demo ships a status map (proposed by name) and a routing rule on «Обувь».
        const Mapping::MappingSet shipped = Mapping::MappingRepo(store).load(connection)->value();
        QCOMPARE(shipped.statuses.rows.size(), 4);
        QCOMPARE(shipped.statuses.stageForShopStatus(QStringLiteral("4")).stageId, QStringLiteral("143"));
        QCOMPARE(shipped.routing.rules.size(), 1);
        QVERIFY(shipped.routing.rules.first().pipelineId != orders->id);
        // Nobody maps «Доставлен» yet: a move there would be ignored.
        QCOMPARE(shipped.statuses.shopStatusForStage(orders->id, delivered).action,
                 Mapping::ShopStatusDecision::Action::Ignore);
        // The shop's statuses are read, so the page offers them.
        QTRY_VERIFY_WITH_TIMEOUT(!Source::SourceRepo(store).list()->first().knownStatuses().isEmpty(), 10000);

        Gui::MappingPage page(store);
        page.resize(1280, 800);
        page.show();
        auto *editor = page.findChild<Gui::StatusMapEditor *>(QStringLiteral("statusMapEditor"));
        auto *model = editor->model();
        auto *view = editor->view();
        MappingGuiKit::showTab(editor);
        int sent = -1;
        for (int row = 0; row < model->rowCount(); ++row) {
            if (model->statusMap().rows.at(row).shopStatusId == QLatin1String("3"))
                sent = row;
        }
        QVERIFY(sent >= 0);
        view->setCurrentIndex(model->index(sent, 0));
        editor->findChild<QPushButton *>(QStringLiteral("statusRemoveRowButton"))->click();
        editor->findChild<QPushButton *>(QStringLiteral("statusAddRowButton"))->click();
        const int added = model->rowCount() - 1;
        QVERIFY(pick(view, model->index(added, Gui::StatusMapModel::ShopStatusColumn), QStringLiteral("3")));
        QVERIFY(pick(view, model->index(added, Gui::StatusMapModel::StageColumn),
                     Gui::StatusMapModel::stageKey(orders->id, delivered)));
        QVERIFY(
            pick(view, model->index(added, Gui::StatusMapModel::DirectionColumn), QStringLiteral("both")));
        QCOMPARE(model->index(added, Gui::StatusMapModel::StageColumn).data().toString(),
                 QStringLiteral("%1 / Доставлен").arg(orders->name));
        auto *save = page.findChild<QPushButton *>(QStringLiteral("mappingSaveButton"));
        QVERIFY(save->isEnabled());
        save->click();
        QCOMPARE(Mapping::MappingRepo(store)
                     .load(connection)
                     ->value()
                     .statuses.shopStatusForStage(orders->id, delivered)
                     .shopStatusId,
                 QStringLiteral("3"));

        // An order still «Новый» in the shop whose deal is in the CRM.
        auto url = Source::MiniShop2::ShopDbUrl::parse(QStringLiteral("sqlite://") + dir.path()
                                                       + QStringLiteral("/shop.db"));
        QVERIFY_OK(url);
        auto shop = Source::MiniShop2::ShopDb::open(url.value(), QStringLiteral("modx_"));
        QVERIFY_OK(shop);
        auto statusOf = [&shop](qint64 order) {
            auto query = shop.value()->exec(QStringLiteral("SELECT status FROM modx_ms2_orders WHERE id = ?"),
                                            { order });
            return query && query->next() ? query->value(0).toString() : QString();
        };
        qint64 orderId = 0;
        QString dealId;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                auto fresh
                    = shop.value()->exec(QStringLiteral("SELECT id FROM modx_ms2_orders WHERE status = 1"));
                while (fresh && fresh->next()) {
                    const qint64 id = fresh->value(0).toLongLong();
                    auto crmId = Store::EntityLinkRepo(store).crmIdFor(
                        connection, QStringLiteral("order"),
                        Store::EntityLinkRepo::scopedSourceId(QStringLiteral("demo-shop"),
                                                              QString::number(id)),
                        QStringLiteral("lead"));
                    if (crmId && crmId->has_value()) {
                        orderId = id;
                        dealId = crmId->value();
                        return true;
                    }
                }
                return false;
            }(),
            30000);

        // A manager moves the deal to «Доставлен» in amoCRM; back-sync brings it to the shop.
        Sandbox::Testing::SandboxTestClient control(demo.sandboxUrl());
        const QJsonObject moved = control.control(QStringLiteral("manager/lead-status"),
                                                  { { "lead_id", dealId.toLongLong() },
                                                    { "status_id", delivered.toLongLong() },
                                                    { "pipeline_id", orders->id.toLongLong() } });
        QVERIFY2(moved.contains(QLatin1String("id")), QJsonDocument(moved).toJson().constData());
        QTRY_COMPARE_WITH_TIMEOUT(statusOf(orderId), QStringLiteral("3"), 30000);

        QSignalSpy stopped(&demo, &App::DemoSession::stopped);
        demo.stop();
        QVERIFY(stopped.count() == 1 || stopped.wait(20000));
    }
};

QTEST_MAIN(TestConfigureDemo)
#include "tst_ConfigureDemo.moc"
