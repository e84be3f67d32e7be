// SPDX-License-Identifier: GPL-3.0-or-later
#include "TestDatabase.h"
#include "TestEnv.h"
#include "common/ElidingHeader.h"
#include "common/MessageBox.h"
#include "common/Translations.h"
#include "queue/FailureGroupModel.h"
#include "queue/JobDetailPane.h"
#include "queue/JobTableModel.h"
#include "queue/QueuePage.h"
#include "store/JobRepo.h"

#include <QAbstractItemModelTester>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QToolButton>

using TestSupport::TestDatabase;

class TestQueuePage : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<TestDatabase> m_test;

    /** 5 pending jobs, 3 failed with one cause ("field 1 is not a number"), 1 failed with another. */
    void fill()
    {
        Store::JobRepo jobs(m_test->db());
        for (int i = 1; i <= 9; ++i) {
            Store::NewJob job;
            job.kind = QStringLiteral("order.created");
            job.idempotencyKey = QStringLiteral("order:shop:%1:created").arg(i);
            job.reference = QStringLiteral("#10%1").arg(i);
            job.customer = QStringLiteral("Customer %1").arg(i);
            job.phone = QStringLiteral("7912000000%1").arg(i); // as sources store them: digits
            job.email = QStringLiteral("c%1@example.com").arg(i);
            job.payload = QJsonObject { { QStringLiteral("order"), i } };
            QVERIFY_OK(jobs.enqueue(job));
        }
        auto leased = jobs.lease(QStringLiteral("t"), 4, 60000);
        QVERIFY_OK(leased);
        QCOMPARE(leased->size(), 4);
        for (int i = 0; i < 3; ++i) {
            QVERIFY_OK(jobs.settleFailed(
                leased->at(i).id, QStringLiteral("t"),
                Common::Error::permanent(QStringLiteral("field %1 is not a number").arg(100 + i))));
        }
        QVERIFY_OK(jobs.settleFailed(leased->at(3).id, QStringLiteral("t"),
                                     Common::Error::auth(QStringLiteral("token revoked"))));
    }

private Q_SLOTS:
    // English plural forms come from the English translation, as in the app.
    void initTestCase() { QCOMPARE(Gui::installTranslations(QStringLiteral("en")), QStringLiteral("en")); }
    void init()
    {
        auto test = TestDatabase::create(QStringLiteral("sqlite"));
        QVERIFY_OK(test);
        m_test = std::move(test.value());
        fill();
    }
    void cleanup() { m_test.reset(); }

    void modelPagesByKeyset()
    {
        Gui::JobTableModel model(m_test->db());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setPageSize(4);
        model.setStates({});
        QCOMPARE(model.rowCount(), 4);
        QVERIFY(model.canFetchMore({}));
        model.fetchMore({});
        model.fetchMore({});
        QCOMPARE(model.rowCount(), 9);
        QVERIFY(!model.canFetchMore({}));
        // Newest first.
        QCOMPARE(model.index(0, Gui::JobTableModel::ReferenceColumn).data().toString(),
                 QStringLiteral("#109"));
        model.setStates({ Store::JobState::Failed });
        QCOMPARE(model.rowCount(), 4);
        QVERIFY(model.index(0, Gui::JobTableModel::ErrorColumn).data(Qt::ToolTipRole).toString().size() > 0);
        model.refresh();
        QCOMPARE(model.rowCount(), 4);
    }

    void failureGroupsModel()
    {
        Gui::FailureGroupModel model(m_test->db());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0).data(Gui::FailureGroupModel::CountRole).toInt(), 3);
        model.refresh();
        QCOMPARE(model.rowCount(), 2);
    }

    void chipsAndSearchFilter()
    {
        Gui::QueuePage page(m_test->db());
        QAbstractItemModelTester tester(page.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        page.show();
        auto *table = page.findChild<QTableView *>(QStringLiteral("queueTable"));
        auto *failedChip = page.findChild<QToolButton *>(QStringLiteral("chip_failed"));
        auto *search = page.findChild<QLineEdit *>(QStringLiteral("queueSearch"));
        QVERIFY(table && failedChip && search);
        QCOMPARE(table->model()->rowCount(), 9);
        QVERIFY(failedChip->text().contains(QLatin1String("4")));
        failedChip->click();
        QCOMPARE(table->model()->rowCount(), 4);
        failedChip->click();
        QCOMPARE(table->model()->rowCount(), 9);
        search->setText(QStringLiteral("c7@example.com"));
        QTRY_COMPARE(table->model()->rowCount(), 1);
        search->setText(QStringLiteral("8 (912) 000-00-05")); // the phone in another form
        QTRY_COMPARE(table->model()->rowCount(), 1);
        search->setText(QStringLiteral("revoked"));
        QTRY_COMPARE(table->model()->rowCount(), 1);
    }

    void resendAGroupWithPreviewAndResult()
    {
        Gui::QueuePage page(m_test->db());
        page.show();
        auto *groups = page.findChild<QListView *>(QStringLiteral("failureGroups"));
        auto *table = page.findChild<QTableView *>(QStringLiteral("queueTable"));
        auto *result = page.findChild<QLabel *>(QStringLiteral("queueResult"));
        QVERIFY(groups && table && result);
        const QModelIndex biggest = groups->model()->index(0, 0);
        groups->setCurrentIndex(biggest);
        QTest::mouseClick(groups->viewport(), Qt::LeftButton, {}, groups->visualRect(biggest).center());
        QTRY_COMPARE(table->model()->rowCount(), 3);

        // Declined: nothing changes.
        Gui::MessageBox::setNextAnswer(QMessageBox::No);
        page.findChild<QPushButton *>(QStringLiteral("resendFilterButton"))->click();
        QCOMPARE(Gui::MessageBox::lastText(), QStringLiteral("Resend 3 jobs?"));
        QCOMPARE(Store::JobRepo(m_test->db()).countsByState()->value(Store::JobState::Failed), 4);

        Gui::MessageBox::setNextAnswer(QMessageBox::Yes);
        page.findChild<QPushButton *>(QStringLiteral("resendGroupButton"))->click();
        QCOMPARE(Gui::MessageBox::lastText(), QStringLiteral("Resend 3 jobs?"));
        QCOMPARE(result->text(), QStringLiteral("3 jobs requeued"));
        QCOMPARE(Store::JobRepo(m_test->db()).countsByState()->value(Store::JobState::Failed), 1);
        QCOMPARE(Store::JobRepo(m_test->db()).countsByState()->value(Store::JobState::Pending), 8);
    }

    void cancelSelectionAndOpenTheLog()
    {
        Gui::QueuePage page(m_test->db());
        page.show();
        auto *table = page.findChild<QTableView *>(QStringLiteral("queueTable"));
        table->selectRow(0);
        auto *detail = page.findChild<Gui::JobDetailPane *>(QStringLiteral("jobDetail"));
        QTRY_COMPARE(detail->jobId(), page.model()->jobAt(0).id);
        QSignalSpy logRequested(&page, &Gui::QueuePage::logRequested);
        auto *link = detail->findChild<QLabel *>(QStringLiteral("jobLogLink"));
        Q_EMIT link->linkActivated(QStringLiteral("log"));
        QCOMPARE(logRequested.size(), 1);
        QCOMPARE(logRequested.first().first().toLongLong(), page.model()->jobAt(0).id);

        Gui::MessageBox::setNextAnswer(QMessageBox::Yes);
        page.findChild<QPushButton *>(QStringLiteral("cancelSelectedButton"))->click();
        QCOMPARE(Gui::MessageBox::lastText(), QStringLiteral("Cancel 1 job?"));
        QCOMPARE(Store::JobRepo(m_test->db()).countsByState()->value(Store::JobState::Cancelled), 1);
    }

    /** In both languages the fixed columns show their titles («Заказ или форма», «Следующая попытка»)
     *  and values whole at the room a 1280×800 window gives the page; the rest is elided with tooltips. */
    void fixedColumnsShowTitlesAndValuesWhole_data()
    {
        QTest::addColumn<QString>("lang");
        QTest::newRow("en") << QStringLiteral("en");
        QTest::newRow("ru") << QStringLiteral("ru");
    }
    void fixedColumnsShowTitlesAndValuesWhole()
    {
        QFETCH(QString, lang);
        QCOMPARE(Gui::installTranslations(lang), lang);
        Gui::QueuePage page(m_test->db());
        page.resize(1112, 760); // the room a 1280×800 window leaves next to its sidebar
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        auto *table = page.findChild<QTableView *>(QStringLiteral("queueTable"));
        QTRY_COMPARE(table->model()->rowCount(), 9);
        auto *header = qobject_cast<Gui::ElidingHeader *>(table->horizontalHeader());
        QVERIFY(header);
        QAbstractItemView *view = table;
        for (const int column :
             { Gui::JobTableModel::StateColumn, Gui::JobTableModel::KindColumn,
               Gui::JobTableModel::ConnectionColumn, Gui::JobTableModel::ReferenceColumn,
               Gui::JobTableModel::AttemptsColumn, Gui::JobTableModel::NextAttemptColumn }) {
            const QString title = table->model()->headerData(column, Qt::Horizontal).toString();
            QCOMPARE(header->shownTitle(column), title);
            if (column != Gui::JobTableModel::ConnectionColumn) // a name, elided with its tooltip
                QVERIFY2(view->sizeHintForColumn(column) <= table->columnWidth(column),
                         qPrintable(QStringLiteral("%1: %2 needs %3 px, has %4")
                                        .arg(lang, title)
                                        .arg(view->sizeHintForColumn(column))
                                        .arg(table->columnWidth(column))));
        }
        // The customer and the error share the rest: elided, whole in the tooltip.
        QVERIFY(table->columnWidth(Gui::JobTableModel::CustomerColumn) >= 90);
        const QModelIndex customer = table->model()->index(0, Gui::JobTableModel::CustomerColumn);
        QCOMPARE(customer.data(Qt::ToolTipRole), customer.data());
        QVERIFY(!table->horizontalScrollBar()->isVisible());
        Gui::installTranslations(QStringLiteral("en"));
    }

    void russianPluralForms()
    {
        QCOMPARE(Gui::installTranslations(QStringLiteral("ru")), QStringLiteral("ru"));
        Gui::QueuePage page(m_test->db());
        page.show();
        Gui::MessageBox::setNextAnswer(QMessageBox::No);
        page.findChild<QPushButton *>(QStringLiteral("resendFilterButton"))->click();
        QCOMPARE(Gui::MessageBox::lastText(), QStringLiteral("Отправить заново 9 заданий?"));
        auto *failedChip = page.findChild<QToolButton *>(QStringLiteral("chip_failed"));
        failedChip->click();
        Gui::MessageBox::setNextAnswer(QMessageBox::Yes);
        page.findChild<QPushButton *>(QStringLiteral("resendFilterButton"))->click();
        QCOMPARE(Gui::MessageBox::lastText(), QStringLiteral("Отправить заново 4 задания?"));
        QCOMPARE(page.findChild<QLabel *>(QStringLiteral("queueResult"))->text(),
                 QStringLiteral("4 задания снова в очереди"));
        // Every Russian form: 1, 21 (one), 3, 22 (few), 5, 11, 37 (many).
        const QList<std::pair<int, QString>> forms {
            { 1, QStringLiteral("задание") },  { 21, QStringLiteral("задание") },
            { 3, QStringLiteral("задания") },  { 22, QStringLiteral("задания") },
            { 5, QStringLiteral("заданий") },  { 11, QStringLiteral("заданий") },
            { 37, QStringLiteral("заданий") },
        };
        for (const auto &[n, noun] : forms) {
            QCOMPARE(QCoreApplication::translate("Gui::QueuePage", "Resend %n job(s)?", nullptr, n),
                     QStringLiteral("Отправить заново %1 %2?").arg(n).arg(noun));
            QCOMPARE(QCoreApplication::translate("Gui::QueuePage", "%n job(s) requeued", nullptr, n),
                     QStringLiteral("%1 %2 снова в очереди").arg(n).arg(noun));
        }
        Gui::installTranslations(QStringLiteral("en"));
    }
};

QTEST_MAIN(TestQueuePage)
#include "tst_QueuePage.moc"
