// SPDX-License-Identifier: GPL-3.0-or-later
// Mapping → Routing without a text editor: the shop's category tree (as the store read it) where a
// rule on a parent routes its subcategories, shown as inherited; the preview of a queued order
// follows the parent; "Which rule matches?" walks the tree with parents and highlights the path; the
// default route, the form route and the two switches are saved with the mapping.
#include "common/Translations.h"
#include "fixtures/mapping/MappingGuiKit.h"
#include "mapping/MappingPage.h"
#include "mapping/MappingPreview.h"
#include "mapping/RoutingTreeModel.h"
#include "mapping/RoutingView.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QTabWidget>
#include <QTest>
#include <QTreeView>
#include <QUndoStack>

using Gui::RoutingTreeModel;
using MappingGuiKit::pick;

class TestRoutingEditor : public QObject
{
    Q_OBJECT
private:
    MappingGuiKit::Store m_store;

    std::optional<Mapping::MappingSet> stored()
    {
        auto set = Store::MappingRepo(m_store.db()).load(m_store.connection);
        return set ? set.value() : std::nullopt;
    }

private Q_SLOTS:
    void initTestCase() { Gui::installTranslations(QStringLiteral("en")); }
    void init()
    {
        QSettings().remove(QStringLiteral("mappingPage"));
        QVERIFY(m_store.open());
        Mapping::MappingSet set = Mapping::MappingSet::defaults(MappingGuiKit::amoSchema());
        set.routing.defaultPipelineId = QStringLiteral("7001");
        QVERIFY_OK(Store::MappingRepo(m_store.db()).save(m_store.connection, set));
    }
    void cleanup() { m_store = {}; }

    void aSubcategoryFollowsItsParentInTheTreeAndThePreview()
    {
        Gui::MappingPage page(m_store.db());
        page.resize(1280, 800);
        page.show();
        auto *view = page.findChild<Gui::RoutingView *>(QStringLiteral("routingView"));
        auto *tabs = page.findChild<QTabWidget *>(QStringLiteral("mappingTabs"));
        QVERIFY(tabs->isTabVisible(tabs->indexOf(view)));
        tabs->setCurrentWidget(view);
        auto *tree = view->findChild<QTreeView *>(QStringLiteral("routingTree"));
        auto *model = view->model();
        QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        // The shop's tree with its parents: «Кофемашины» sits under «Техника».
        const QModelIndex machines = model->indexOf(QStringLiteral("21"));
        QVERIFY(machines.isValid());
        QCOMPARE(machines.parent().data().toString(), QStringLiteral("Техника"));
        QCOMPARE(model->indexOf(QStringLiteral("21"), RoutingTreeModel::PipelineColumn).data().toString(),
                 QStringLiteral("Розница · default"));
        auto *preview = page.findChild<Gui::MappingPreview *>(QStringLiteral("mappingPreview"));
        QTRY_VERIFY2(preview->text().contains(QStringLiteral("Розница")), qPrintable(preview->text()));
        QVERIFY(!preview->text().contains(QStringLiteral("Опт")));

        // The parent «Техника» goes to «Опт», stage «Заявка», to Игорь.
        QVERIFY(pick(tree, model->indexOf(QStringLiteral("2"), RoutingTreeModel::PipelineColumn),
                     QStringLiteral("7002")));
        QVERIFY(pick(tree, model->indexOf(QStringLiteral("2"), RoutingTreeModel::StageColumn),
                     QStringLiteral("70021")));
        QVERIFY(pick(tree, model->indexOf(QStringLiteral("2"), RoutingTreeModel::ResponsibleColumn),
                     QStringLiteral("502")));
        // The subcategory shows what it inherits, and from where.
        const QModelIndex inherited = model->indexOf(QStringLiteral("21"), RoutingTreeModel::PipelineColumn);
        QCOMPARE(inherited.data().toString(), QStringLiteral("Опт · from «Техника»"));
        QVERIFY(inherited.data(RoutingTreeModel::InheritedRole).toBool());
        QCOMPARE(model->indexOf(QStringLiteral("21"), RoutingTreeModel::ResponsibleColumn).data().toString(),
                 QStringLiteral("Игорь Петров · from «Техника»"));
        QVERIFY(!model->indexOf(QStringLiteral("2"), RoutingTreeModel::PipelineColumn)
                     .data(RoutingTreeModel::InheritedRole)
                     .toBool());
        // The preview of the queued order (a coffee machine from «Кофемашины») follows the parent.
        QTRY_VERIFY2(preview->text().contains(QStringLiteral("Опт")), qPrintable(preview->text()));
        QVERIFY(preview->text().contains(QStringLiteral("Заявка")));
        QVERIFY(preview->text().contains(QStringLiteral("Игорь Петров")));
        QVERIFY(preview->text().contains(QStringLiteral("under “Техника”")));

        // "Which rule matches?" walks from the product's category up to the rule and marks the path.
        auto *order = view->findChild<QLineEdit *>(QStringLiteral("routingOrder"));
        order->setText(QStringLiteral("2311/14"));
        view->findChild<QPushButton *>(QStringLiteral("routingAskButton"))->click();
        const QString answer = view->findChild<QLabel *>(QStringLiteral("routingAnswer"))->text();
        QVERIFY2(answer.contains(QStringLiteral("“Кофемашины” under “Техника”"))
                     && answer.contains(QStringLiteral("Опт")),
                 qPrintable(answer));
        QVERIFY(model->indexOf(QStringLiteral("21")).data(RoutingTreeModel::HighlightedRole).toBool());
        QVERIFY(model->indexOf(QStringLiteral("2")).data(RoutingTreeModel::HighlightedRole).toBool());
        QVERIFY(!model->indexOf(QStringLiteral("31")).data(RoutingTreeModel::HighlightedRole).toBool());
        QVERIFY(model->indexOf(QStringLiteral("21")).data(Qt::BackgroundRole).isValid());

        page.findChild<QPushButton *>(QStringLiteral("mappingSaveButton"))->click();
        const auto saved = stored();
        QCOMPARE(saved->routing.rules.size(), 1);
        const Mapping::RouteRule &rule = saved->routing.rules.first();
        QCOMPARE(rule.categoryId, QStringLiteral("2"));
        QCOMPARE(rule.pipelineId, QStringLiteral("7002"));
        QCOMPARE(rule.stageId, QStringLiteral("70021"));
        QCOMPARE(rule.responsibleUserId, QStringLiteral("502"));

        // A subcategory can go elsewhere itself; "as above" gives it back to its parent.
        QVERIFY(pick(tree, model->indexOf(QStringLiteral("21"), RoutingTreeModel::PipelineColumn),
                     QStringLiteral("7003")));
        QCOMPARE(model->indexOf(QStringLiteral("21"), RoutingTreeModel::PipelineColumn).data().toString(),
                 QStringLiteral("Сервис"));
        QCOMPARE(model->indexOf(QStringLiteral("21"), RoutingTreeModel::ResponsibleColumn).data().toString(),
                 QStringLiteral("Игорь Петров · from «Техника»"));
        QTRY_VERIFY(preview->text().contains(QStringLiteral("Сервис")));
        QVERIFY(
            pick(tree, model->indexOf(QStringLiteral("21"), RoutingTreeModel::PipelineColumn), QString()));
        QCOMPARE(view->routing().rules.size(), 1);
    }

    void theDefaultAndFormRoutesAndTheSwitchesAreSaved()
    {
        Gui::MappingPage page(m_store.db());
        page.show();
        auto *view = page.findChild<Gui::RoutingView *>(QStringLiteral("routingView"));
        auto keyTo = [](QComboBox *combo, const QString &value) {
            // Bounded: a key that moves nothing (a disabled combo) fails instead of spinning.
            for (int i = 0; i < combo->count() && combo->currentData().toString() != value; ++i)
                QTest::keyClick(combo, Qt::Key_Down);
            return combo->currentData().toString() == value;
        };
        auto *defaultPipeline = view->findChild<QComboBox *>(QStringLiteral("routingDefaultPipeline"));
        QCOMPARE(defaultPipeline->currentData().toString(), QStringLiteral("7001"));
        QVERIFY(keyTo(defaultPipeline, QStringLiteral("7003")));
        QVERIFY(keyTo(view->findChild<QComboBox *>(QStringLiteral("routingDefaultResponsible")),
                      QStringLiteral("501")));
        QVERIFY(keyTo(view->findChild<QComboBox *>(QStringLiteral("routingFormsPipeline")),
                      QStringLiteral("7002")));
        QVERIFY(keyTo(view->findChild<QComboBox *>(QStringLiteral("routingFormsStage")),
                      QStringLiteral("70022")));
        auto *wins = view->findChild<QCheckBox *>(QStringLiteral("routingCategoryWins"));
        auto *properties = view->findChild<QCheckBox *>(QStringLiteral("routingOrderProperties"));
        QVERIFY(wins->isChecked() && properties->isChecked());
        wins->click();
        properties->click();
        QVERIFY(!wins->isEnabled()); // nothing to win over once the order's own pipeline is not read
        page.findChild<QPushButton *>(QStringLiteral("mappingSaveButton"))->click();
        const auto saved = stored();
        QCOMPARE(saved->routing.defaultPipelineId, QStringLiteral("7003"));
        QCOMPARE(saved->routing.defaultResponsibleUserId, QStringLiteral("501"));
        QCOMPARE(saved->formRouting.pipelineId, QStringLiteral("7002"));
        QCOMPARE(saved->formRouting.stageId, QStringLiteral("70022"));
        QVERIFY(!saved->routing.categoryWins);
        QVERIFY(saved->routing.pipelineProperty.isEmpty());
        // Undo brings each back, the page showing it.
        page.undoStack()->undo();
        QVERIFY(properties->isChecked());
    }
};

QTEST_MAIN(TestRoutingEditor)
#include "tst_RoutingEditor.moc"
