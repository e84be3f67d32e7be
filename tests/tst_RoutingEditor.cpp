// SPDX-License-Identifier: GPL-3.0-or-later
// Mapping → Routing without a text editor: the shop's category tree (as the store read it) where a
// rule on a parent routes its subcategories, shown as inherited; the preview of a queued order
// follows the parent; "Which rule matches?" walks the tree with parents and highlights the path; the
// default route, the form route and the two switches are saved with the mapping.
#include "common/Translations.h"
#include "fixtures/mapping/MappingGuiKit.h"
#include "mapping/FormRoutingModel.h"
#include "mapping/MappingPage.h"
#include "mapping/MappingPreview.h"
#include "mapping/RoutingTreeModel.h"
#include "mapping/RoutingView.h"
#include "source/intake/FormEndpointRepo.h"
#include "store/JobRepo.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QTabWidget>
#include <QTableView>
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
        auto set = Mapping::MappingRepo(m_store.db()).load(m_store.connection);
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
        QVERIFY_OK(Mapping::MappingRepo(m_store.db()).save(m_store.connection, set));
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

    /** A rule switched off (here, by an imported mapping) is switched on again from the tree, by the check
     *  box before its category: its subcategories and the preview follow it again, and it is saved on. */
    void aSwitchedOffRuleIsSwitchedOnFromTheTree()
    {
        Mapping::MappingSet set = *stored();
        set.routing.rules = { { QStringLiteral("r1"),
                                QStringLiteral("2"),
                                QStringLiteral("7002"),
                                QStringLiteral("70021"),
                                {},
                                false } };
        QVERIFY_OK(Mapping::MappingRepo(m_store.db()).save(m_store.connection, set));
        Gui::MappingPage page(m_store.db());
        page.resize(1280, 800);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        auto *view = page.findChild<Gui::RoutingView *>(QStringLiteral("routingView"));
        MappingGuiKit::showTab(view);
        auto *tree = view->findChild<QTreeView *>(QStringLiteral("routingTree"));
        auto *model = view->model();
        QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QModelIndex techniques = model->indexOf(QStringLiteral("2"));
        QVERIFY(model->flags(techniques) & Qt::ItemIsUserCheckable);
        QCOMPARE(techniques.data(Qt::CheckStateRole).toInt(), int(Qt::Unchecked));
        QVERIFY2(techniques.data().toString().contains(QStringLiteral("switched off")),
                 qPrintable(techniques.data().toString()));
        // Off: the subcategory goes where the default goes, and so does the preview.
        QCOMPARE(model->indexOf(QStringLiteral("21"), RoutingTreeModel::PipelineColumn).data().toString(),
                 QStringLiteral("Розница · default"));
        auto *preview = page.findChild<Gui::MappingPreview *>(QStringLiteral("mappingPreview"));
        QTRY_VERIFY2(preview->text().contains(QStringLiteral("Розница")), qPrintable(preview->text()));
        // A category without a rule has no switch.
        QVERIFY(!(model->flags(model->indexOf(QStringLiteral("21"))) & Qt::ItemIsUserCheckable));

        // The operator ticks the rule's box (the space bar on the category, as a keyboard user does).
        tree->setCurrentIndex(techniques);
        QTest::keyClick(tree, Qt::Key_Space);
        QTRY_COMPARE(model->indexOf(QStringLiteral("2")).data(Qt::CheckStateRole).toInt(), int(Qt::Checked));
        QVERIFY(
            !model->indexOf(QStringLiteral("2")).data().toString().contains(QStringLiteral("switched off")));
        QCOMPARE(model->indexOf(QStringLiteral("21"), RoutingTreeModel::PipelineColumn).data().toString(),
                 QStringLiteral("Опт · from «Техника»"));
        QTRY_VERIFY2(preview->text().contains(QStringLiteral("Опт")), qPrintable(preview->text()));
        page.findChild<QPushButton *>(QStringLiteral("mappingSaveButton"))->click();
        QVERIFY(stored()->routing.rules.first().active);

        // And off again; undo brings it back on.
        QTest::keyClick(tree, Qt::Key_Space);
        QTRY_COMPARE(model->indexOf(QStringLiteral("2")).data(Qt::CheckStateRole).toInt(),
                     int(Qt::Unchecked));
        QCOMPARE(view->routing().rules.size(), 1); // kept, only switched off
        page.undoStack()->undo();
        QCOMPARE(model->indexOf(QStringLiteral("2")).data(Qt::CheckStateRole).toInt(), int(Qt::Checked));
        // A value picked on a switched-off rule switches it on: the operator wants it to route.
        QTest::keyClick(tree, Qt::Key_Space);
        QVERIFY(!view->routing().rules.first().active);
        QVERIFY(pick(tree, model->indexOf(QStringLiteral("2"), RoutingTreeModel::PipelineColumn),
                     QStringLiteral("7003")));
        QVERIFY(view->routing().rules.first().active);
        QCOMPARE(model->indexOf(QStringLiteral("21"), RoutingTreeModel::PipelineColumn).data().toString(),
                 QStringLiteral("Сервис · from «Техника»"));
    }

    /** Web forms are listed by name (the intake's and those requests came from) and routed each on its
     *  own, as categories are; the preview of a request follows its form's route; saved with the mapping. */
    void formsAreRoutedByTheirName()
    {
        QVERIFY_OK(Source::Intake::FormEndpointRepo(m_store.db()).create(QStringLiteral("callback")));
        Mapping::MappingSet set = *stored();
        set.formRouting.responsibleUserId = QStringLiteral("501");
        QVERIFY_OK(Mapping::MappingRepo(m_store.db()).save(m_store.connection, set));
        // A request from a form the intake does not list (an older set-up) is in the queue.
        Model::FormSubmission request;
        request.id = QStringLiteral("w1");
        request.formName = QStringLiteral("wholesale");
        request.fields = { { QStringLiteral("name"), QStringLiteral("Ольга") },
                           { QStringLiteral("phone"), QStringLiteral("+7 912 000-11-22") } };
        Store::NewJob job;
        job.kind = QStringLiteral("form.submitted");
        job.idempotencyKey = QStringLiteral("form:forms:w1:submitted");
        job.source = QStringLiteral("forms");
        job.reference = request.formName;
        job.customer = QStringLiteral("Ольга");
        job.payload = request.toJson();
        QVERIFY_OK(Store::JobRepo(m_store.db()).enqueue(job));

        Gui::MappingPage page(m_store.db());
        page.resize(1280, 800);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        auto *view = page.findChild<Gui::RoutingView *>(QStringLiteral("routingView"));
        MappingGuiKit::showTab(view);
        auto *table = view->findChild<QTableView *>(QStringLiteral("routingFormTable"));
        QVERIFY(table->isVisible());
        Gui::FormRoutingModel *forms = view->formModel();
        QAbstractItemModelTester tester(forms, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(forms->rowCount(), 2);
        const int callback = forms->rowOf(QStringLiteral("callback"));
        const int wholesale = forms->rowOf(QStringLiteral("wholesale"));
        QVERIFY(callback >= 0 && wholesale >= 0);
        // Nothing set: where every form goes, greyed.
        const QModelIndex inherited = forms->index(wholesale, Gui::FormRoutingModel::PipelineColumn);
        QCOMPARE(inherited.data().toString(), QStringLiteral("Розница · every form"));
        QVERIFY(inherited.data(Gui::FormRoutingModel::InheritedRole).toBool());
        QCOMPARE(forms->index(wholesale, Gui::FormRoutingModel::ResponsibleColumn).data().toString(),
                 QStringLiteral("Анна Смирнова · every form"));

        // «wholesale» goes to «Опт», stage «Заявка», to Игорь.
        QVERIFY(pick(table, forms->index(wholesale, Gui::FormRoutingModel::PipelineColumn),
                     QStringLiteral("7002")));
        QVERIFY(pick(table, forms->index(wholesale, Gui::FormRoutingModel::StageColumn),
                     QStringLiteral("70021")));
        QVERIFY(pick(table, forms->index(wholesale, Gui::FormRoutingModel::ResponsibleColumn),
                     QStringLiteral("502")));
        QCOMPARE(forms->index(wholesale, Gui::FormRoutingModel::PipelineColumn).data().toString(),
                 QStringLiteral("Опт"));
        QCOMPARE(forms->index(callback, Gui::FormRoutingModel::PipelineColumn).data().toString(),
                 QStringLiteral("Розница · every form"));
        // The preview of the request from «wholesale» follows, in names.
        auto *sample = page.findChild<QComboBox *>(QStringLiteral("previewSample"));
        for (int i = 0; i < sample->count(); ++i) {
            if (sample->itemText(i).contains(QStringLiteral("wholesale")))
                sample->setCurrentIndex(i);
        }
        auto *preview = page.findChild<Gui::MappingPreview *>(QStringLiteral("mappingPreview"));
        QTRY_VERIFY2(preview->text().contains(QStringLiteral("Requests from form “wholesale” go to pipeline "
                                                             "“Опт”, stage “Заявка”.")),
                     qPrintable(preview->text()));
        QVERIFY(preview->text().contains(QStringLiteral("Игорь Петров")));
        QVERIFY2(!preview->text().contains(QStringLiteral("70021")), qPrintable(preview->text()));

        page.findChild<QPushButton *>(QStringLiteral("mappingSaveButton"))->click();
        const auto saved = stored();
        QCOMPARE(saved->formRouting.forms.size(), 1);
        const Mapping::FormRoute &route = saved->formRouting.forms.first();
        QCOMPARE(route.formName, QStringLiteral("wholesale"));
        QCOMPARE(route.pipelineId, QStringLiteral("7002"));
        QCOMPARE(route.stageId, QStringLiteral("70021"));
        QCOMPARE(route.responsibleUserId, QStringLiteral("502"));
        QCOMPARE(saved->formRouting.responsibleUserId, QStringLiteral("501"));

        // "As every form" gives the form back to the route of every form; undo brings its route back.
        QVERIFY(pick(table, forms->index(wholesale, Gui::FormRoutingModel::PipelineColumn), QString()));
        QVERIFY(pick(table, forms->index(wholesale, Gui::FormRoutingModel::ResponsibleColumn), QString()));
        QVERIFY(view->formRouting().forms.isEmpty());
        page.undoStack()->undo();
        QCOMPARE(view->formRouting().forms.size(), 1);
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
