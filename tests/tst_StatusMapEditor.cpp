// SPDX-License-Identifier: GPL-3.0-or-later
// Mapping → Statuses without a text editor: a new connection's rows proposed by name and reviewed
// before saving; rows added, picked from the shop's statuses and the account's stages, removed; the
// one-to-one rule broken and said in words on the row; the rules for unmapped statuses set.
#include "common/Translations.h"
#include "fixtures/mapping/MappingGuiKit.h"
#include "mapping/MappingPage.h"
#include "mapping/StatusMapEditor.h"
#include "mapping/StatusMapModel.h"

#include <QAbstractItemModelTester>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QTableView>
#include <QTest>
#include <QUndoStack>

using Mapping::StatusRow;
using MappingGuiKit::pick;

class TestStatusMapEditor : public QObject
{
    Q_OBJECT
private:
    MappingGuiKit::Store m_store;

    void recordShopStatuses(const QStringList &names)
    {
        QList<Source::ShopStatus> statuses;
        for (int i = 0; i < names.size(); ++i)
            statuses.append({ QString::number(i + 1), names.at(i), QStringLiteral("008000") });
        QVERIFY_OK(Source::SourceRepo(m_store.db()).recordStatuses(QStringLiteral("shop"), statuses));
    }
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
    }
    void cleanup() { m_store = {}; }

    void aNewConnectionGetsRowsProposedByNameToReviewBeforeSaving()
    {
        recordShopStatuses({ QStringLiteral("Новый"), QStringLiteral("Выполнен"), QStringLiteral("Отменён"),
                             QStringLiteral("Черновик") });
        Gui::MappingPage page(m_store.db());
        page.show();
        auto *editor = page.findChild<Gui::StatusMapEditor *>(QStringLiteral("statusMapEditor"));
        QAbstractItemModelTester tester(editor->model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QList<StatusRow> rows = editor->model()->statusMap().rows;
        QCOMPARE(rows.size(), 3); // «Черновик» matches no stage
        QCOMPARE(rows.at(0).stageId, QStringLiteral("70011")); // «Новый» → the first working stage
        QCOMPARE(rows.at(1).stageId, QStringLiteral("142")); // «Выполнен» → «Успешно реализовано»
        QCOMPARE(rows.at(2).stageId, QStringLiteral("143")); // «Отменён» → «Закрыто и не реализовано»
        QCOMPARE(editor->model()->index(1, Gui::StatusMapModel::StageColumn).data().toString(),
                 QStringLiteral("Розница / Успешно реализовано"));
        // Proposed, not saved: the operator reviews them first.
        QVERIFY(!stored().has_value());
        QVERIFY(page.findChild<QLabel *>(QStringLiteral("mappingResult"))
                    ->text()
                    .contains(QLatin1String("review")));
        auto *save = page.findChild<QPushButton *>(QStringLiteral("mappingSaveButton"));
        QVERIFY(save->isEnabled());
        save->click();
        QCOMPARE(stored()->statuses.rows, rows);
    }

    void addARowBothWaysFromTheCombosAndSave()
    {
        recordShopStatuses(
            { QStringLiteral("Новый"), QStringLiteral("Оплачен"), QStringLiteral("Отправлен") });
        Mapping::MappingSet set = Mapping::MappingSet::defaults(MappingGuiKit::amoSchema());
        set.statuses.rows
            = { { "s1", "1", QStringLiteral("Новый"), "7001", "70011", StatusRow::Direction::Both } };
        QVERIFY_OK(Mapping::MappingRepo(m_store.db()).save(m_store.connection, set));
        Gui::MappingPage page(m_store.db());
        page.show();
        auto *editor = page.findChild<Gui::StatusMapEditor *>(QStringLiteral("statusMapEditor"));
        auto *model = editor->model();
        auto *view = editor->view();
        QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        auto *save = page.findChild<QPushButton *>(QStringLiteral("mappingSaveButton"));
        MappingGuiKit::showTab(editor);

        editor->findChild<QPushButton *>(QStringLiteral("statusAddRowButton"))->click();
        QCOMPARE(model->rowCount(), 2);
        // An empty row is unfinished, and says so in words.
        QTRY_VERIFY(model->index(1, Gui::StatusMapModel::ProblemColumn)
                        .data()
                        .toString()
                        .contains(QLatin1String("No shop status")));
        QVERIFY(!save->isEnabled());
        QVERIFY(pick(view, model->index(1, Gui::StatusMapModel::ShopStatusColumn), QStringLiteral("2")));
        QVERIFY(pick(view, model->index(1, Gui::StatusMapModel::StageColumn), QStringLiteral("7001:70012")));
        QVERIFY(pick(view, model->index(1, Gui::StatusMapModel::DirectionColumn), QStringLiteral("both")));
        QCOMPARE(model->index(1, Gui::StatusMapModel::ShopStatusColumn).data().toString(),
                 QStringLiteral("Оплачен"));
        QCOMPARE(model->index(1, Gui::StatusMapModel::StageColumn).data().toString(),
                 QStringLiteral("Розница / Оплачен"));
        QVERIFY(model->index(1, Gui::StatusMapModel::ProblemColumn).data().toString().isEmpty());

        // A third row bringing the same stage back as another status breaks the one-to-one rule: the
        // row is red and says it with the names the operator sees.
        editor->findChild<QPushButton *>(QStringLiteral("statusAddRowButton"))->click();
        QVERIFY(pick(view, model->index(2, Gui::StatusMapModel::ShopStatusColumn), QStringLiteral("3")));
        QVERIFY(pick(view, model->index(2, Gui::StatusMapModel::StageColumn), QStringLiteral("7001:70012")));
        const QString conflict = model->index(2, Gui::StatusMapModel::ProblemColumn).data().toString();
        QVERIFY2(conflict.contains(QStringLiteral("«Оплачен» in «Розница»"))
                     && conflict.contains(QStringLiteral("«Оплачен»"))
                     && !conflict.contains(QLatin1String("70012")),
                 qPrintable(conflict));
        QVERIFY(model->index(2, 0).data(Qt::BackgroundRole).isValid());
        QVERIFY(!save->isEnabled());
        view->setCurrentIndex(model->index(2, 0));
        editor->findChild<QPushButton *>(QStringLiteral("statusRemoveRowButton"))->click();
        QCOMPARE(model->rowCount(), 2);
        QVERIFY(save->isEnabled());

        save->click();
        const auto saved = stored();
        QCOMPARE(saved->statuses.rows.size(), 2);
        const StatusRow &row = saved->statuses.rows.at(1);
        QCOMPARE(row.shopStatusId, QStringLiteral("2"));
        QCOMPARE(row.shopStatusName, QStringLiteral("Оплачен"));
        QCOMPARE(row.pipelineId, QStringLiteral("7001"));
        QCOMPARE(row.stageId, QStringLiteral("70012"));
        QCOMPARE(row.direction, StatusRow::Direction::Both);
        // Both ways: a shop «Оплачен» moves the deal, and the stage comes back as «Оплачен».
        QCOMPARE(saved->statuses.stageForShopStatus(QStringLiteral("2")).stageId, QStringLiteral("70012"));
        QCOMPARE(
            saved->statuses.shopStatusForStage(QStringLiteral("7001"), QStringLiteral("70012")).shopStatusId,
            QStringLiteral("2"));
    }

    void theRulesForUnmappedStatusesAreSetOnThePage()
    {
        recordShopStatuses({ QStringLiteral("Новый"), QStringLiteral("Оплачен") });
        QVERIFY_OK(Mapping::MappingRepo(m_store.db())
                       .save(m_store.connection, Mapping::MappingSet::defaults(MappingGuiKit::amoSchema())));
        Gui::MappingPage page(m_store.db());
        page.show();
        auto *toCrm = page.findChild<QComboBox *>(QStringLiteral("unmappedToCrm"));
        auto *stage = page.findChild<QComboBox *>(QStringLiteral("unmappedToCrmStage"));
        auto *fromCrm = page.findChild<QComboBox *>(QStringLiteral("unmappedFromCrm"));
        auto *status = page.findChild<QComboBox *>(QStringLiteral("unmappedFromCrmStatus"));
        QVERIFY(!stage->isEnabled());
        QTest::keyClick(toCrm, Qt::Key_Down); // "the deal moves to this stage:"
        // No stage chosen yet: the whole map's problem is said under the table.
        auto *summary = page.findChild<QLabel *>(QStringLiteral("statusMapSummary"));
        QTRY_VERIFY2(summary->text().contains(QLatin1String("none is chosen")), qPrintable(summary->text()));
        QVERIFY(stage->isEnabled());
        for (int i = 0; i < stage->count() && stage->currentData().toString() != QLatin1String("7001:70013");
             ++i)
            QTest::keyClick(stage, Qt::Key_Down);
        QTest::keyClick(fromCrm, Qt::Key_Down); // "the order gets this status:"
        for (int i = 0; i < status->count() && status->currentData().toString() != QLatin1String("1"); ++i)
            QTest::keyClick(status, Qt::Key_Down);
        auto *save = page.findChild<QPushButton *>(QStringLiteral("mappingSaveButton"));
        QTRY_VERIFY(save->isEnabled());
        save->click();
        const Mapping::StatusMap map = stored()->statuses;
        QCOMPARE(map.unmappedToCrm, Mapping::StatusMap::UnmappedToCrm::DefaultStage);
        QCOMPARE(map.defaultStageId, QStringLiteral("70013"));
        QCOMPARE(map.unmappedFromCrm, Mapping::StatusMap::UnmappedFromCrm::DefaultStatus);
        QCOMPARE(map.defaultShopStatusId, QStringLiteral("1"));
        // Undo takes it back, one edit at a time, down to the saved map.
        while (page.undoStack()->canUndo())
            page.undoStack()->undo();
        QVERIFY(!stage->isEnabled());
    }
};

QTEST_MAIN(TestStatusMapEditor)
#include "tst_StatusMapEditor.moc"
