// SPDX-License-Identifier: GPL-3.0-or-later
// The console's History page as an operator uses it after a colleague's changes: who did what and when,
// filtered to the mappings; what a mapping version changed; rolling back to the version before (asked
// first), which is itself recorded. In English and in Russian.
#include "TestDatabase.h"
#include "TestEnv.h"
#include "common/Json.h"
#include "common/MessageBox.h"
#include "common/Translations.h"
#include "history/HistoryPage.h"
#include "mapping/MappingRepo.h"
#include "store/AuditRepo.h"
#include "store/ConnectionRepo.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QFile>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTranslator>

namespace {

Crm::CrmSchema schema()
{
    QFile file(TestSupport::sourceDir() + QStringLiteral("/tests/fixtures/mapping/schema_amocrm.json"));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("no fixture");
    return Crm::CrmSchema::fromJson(Common::Json::parseObject(file.readAll()).value()).value();
}

void useLanguage(const QString &lang)
{
    for (QTranslator *translator : QCoreApplication::instance()->findChildren<QTranslator *>())
        delete translator;
    QCOMPARE(Gui::installTranslations(lang), lang);
}

} // namespace

class TestHistoryPage : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<TestSupport::TestDatabase> m_test;
    qint64 m_connection = 0;

private slots:
    void init()
    {
        useLanguage(QStringLiteral("en"));
        auto test = TestSupport::TestDatabase::create(QStringLiteral("sqlite"));
        QVERIFY_OK(test);
        m_test = std::move(test).value();
        Store::AuditActor::setTool(QStringLiteral("console"));
        Store::ConnectionRepo connections(m_test->db());
        Store::Connection c;
        c.name = QStringLiteral("shop-amo");
        c.crm = QStringLiteral("amocrm");
        c.baseUrl = QStringLiteral("https://shop.amocrm.ru");
        auto added = connections.add(c);
        QVERIFY_OK(added);
        m_connection = added->id;
        Mapping::MappingRepo mappings(m_test->db());
        Mapping::MappingSet set = Mapping::MappingSet::defaults(schema());
        QVERIFY_OK(mappings.save(m_connection, set));
        set.orders.dealNameTemplate = QStringLiteral("Сайт: {order.num}");
        QVERIFY_OK(mappings.save(m_connection, set));
        c.name = QStringLiteral("old-retail");
        c.crm = QStringLiteral("retailcrm");
        c.baseUrl = QStringLiteral("https://old.retailcrm.ru");
        auto old = connections.add(c);
        QVERIFY_OK(old);
        QVERIFY_OK(connections.remove(old->id));
    }

    void whoDidWhatAndRollBack()
    {
        Gui::HistoryPage page(m_test->db());
        page.resize(1280, 800);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        auto *table = page.findChild<QTableView *>(QStringLiteral("auditTable"));
        QVERIFY(table);
        QAbstractItemModelTester tester(table->model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModel *model = table->model();
        // Newest first: the removal, the two mapping saves, the two connections added.
        QTRY_COMPARE(model->rowCount(), 5);
        QCOMPARE(model->index(0, 2).data().toString(), QStringLiteral("Connection removed"));
        QCOMPARE(model->index(0, 3).data().toString(), QStringLiteral("old-retail"));
        QVERIFY(model->index(0, 1).data().toString().endsWith(QLatin1String("(console)")));
        QCOMPARE(model->index(1, 2).data().toString(), QStringLiteral("Connection added"));
        // In words, not the stored keys: the CRM by its name and the account's address.
        QCOMPARE(model->index(1, 4).data().toString(),
                 QStringLiteral("RetailCRM at https://old.retailcrm.ru"));
        QCOMPARE(model->index(2, 2).data().toString(), QStringLiteral("Mapping saved"));
        QVERIFY2(model->index(2, 4).data().toString().endsWith(QLatin1String(", 1 change")),
                 qPrintable(model->index(2, 4).data().toString()));

        auto *filter = page.findChild<QComboBox *>(QStringLiteral("auditFilter"));
        filter->setCurrentIndex(filter->findData(QStringLiteral("mapping")));
        QTRY_COMPARE(model->rowCount(), 2);

        auto *tabs = page.findChild<QTabWidget *>(QStringLiteral("historyTabs"));
        tabs->setCurrentIndex(1);
        auto *versions = page.findChild<QListWidget *>(QStringLiteral("mappingVersions"));
        QTRY_COMPARE(versions->count(), 2);
        auto *diff = page.findChild<QPlainTextEdit *>(QStringLiteral("mappingDiff"));
        auto *rollBack = page.findChild<QPushButton *>(QStringLiteral("rollBackMapping"));
        versions->setCurrentRow(0);
        QVERIFY2(diff->toPlainText().contains(QStringLiteral("~ orders.deal_name:")),
                 qPrintable(diff->toPlainText()));
        QVERIFY(diff->toPlainText().contains(QStringLiteral("→ \"Сайт: {order.num}\"")));
        QVERIFY(!rollBack->isEnabled()); // the newest is the mapping in force

        versions->setCurrentRow(1);
        QVERIFY(rollBack->isEnabled());
        Gui::MessageBox::setNextAnswer(QMessageBox::No);
        QTest::mouseClick(rollBack, Qt::LeftButton);
        auto loaded = Mapping::MappingRepo(m_test->db()).load(m_connection);
        QCOMPARE(loaded.value()->orders.dealNameTemplate, QStringLiteral("Сайт: {order.num}"));

        Gui::MessageBox::setNextAnswer(QMessageBox::Yes);
        QTest::mouseClick(rollBack, Qt::LeftButton);
        loaded = Mapping::MappingRepo(m_test->db()).load(m_connection);
        QCOMPARE(loaded.value()->orders.dealNameTemplate,
                 Mapping::MappingSet::defaults(schema()).orders.dealNameTemplate);
        QTRY_COMPARE(versions->count(), 3);
        QVERIFY(versions->item(0)->text().contains(QStringLiteral("rolled back to version")));
        QTRY_COMPARE(model->rowCount(), 3);
        QCOMPARE(model->index(0, 2).data().toString(), QStringLiteral("Mapping rolled back"));
    }

    void inRussian()
    {
        useLanguage(QStringLiteral("ru"));
        Gui::HistoryPage page(m_test->db());
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        auto *table = page.findChild<QTableView *>(QStringLiteral("auditTable"));
        QTRY_COMPARE(table->model()->rowCount(), 5);
        QCOMPARE(table->model()->headerData(0, Qt::Horizontal).toString(), QStringLiteral("Когда"));
        QCOMPARE(table->model()->index(0, 2).data().toString(), QStringLiteral("Подключение удалено"));
        QVERIFY(table->model()->index(0, 1).data().toString().endsWith(QStringLiteral("(консоль)")));
        useLanguage(QStringLiteral("en"));
    }
};

QTEST_MAIN(TestHistoryPage)
#include "tst_HistoryPage.moc"
