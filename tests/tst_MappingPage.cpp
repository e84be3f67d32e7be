// SPDX-License-Identifier: GPL-3.0-or-later
#include "TestDatabase.h"
#include "TestEnv.h"
#include "TestShopSources.h"
#include "common/Json.h"
#include "common/Translations.h"
#include "mainwindow/MainWindow.h"
#include "mapping/CodeMapEditor.h"
#include "mapping/CodeMapModel.h"
#include "mapping/FieldMapEditor.h"
#include "mapping/FieldMapModel.h"
#include "mapping/MappingPage.h"
#include "mapping/MappingPreview.h"
#include "mapping/MappingRepo.h"
#include "mapping/PaidStatusModel.h"
#include "mapping/RoutingTreeModel.h"
#include "mapping/RoutingView.h"
#include "mapping/StatusMapEditor.h"
#include "mapping/StatusMapModel.h"
#include "secrets/MemorySecretStore.h"
#include "source/ShopDb.h"
#include "source/SourceRegistry.h"
#include "source/SourceRepo.h"
#include "source/bitrix/BitrixDemoShop.h"
#include "store/ConnectionRepo.h"
#include "store/JobRepo.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
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

/** Switches the language: the translators installed before go (a later English one would not
 *  cover what the Russian one answers). */
void useLanguage(const QString &lang)
{
    for (QTranslator *translator : QCoreApplication::instance()->findChildren<QTranslator *>())
        delete translator; // removes itself from the application
    QCOMPARE(Gui::installTranslations(lang), lang);
}

} // namespace

class TestMappingPage : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<TestDatabase> m_test;
    qint64 m_connection = 0;

    /** A RetailCRM connection with its account's schema (delivery, payment and payment-status codes),
     *  and a shop whose statuses and methods the store has read. */
    qint64 addRetailCrm(const Mapping::CodeMaps &codes = {})
    {
        Store::Connection c;
        c.name = QStringLiteral("Shop RetailCRM");
        c.crm = QStringLiteral("retailcrm");
        c.baseUrl = QStringLiteral("https://shop.retailcrm.ru");
        auto added = Store::ConnectionRepo(m_test->db()).add(c);
        if (!added)
            return 0;
        auto schema = Crm::CrmSchema::fromJson(fixture(QStringLiteral("schema_retailcrm.json")));
        Mapping::MappingRepo mappings(m_test->db());
        Mapping::MappingSet set = Mapping::MappingSet::defaults(schema.value());
        set.codes = codes;
        if (!schema || !mappings.saveSchema(added->id, schema.value()) || !mappings.save(added->id, set))
            return 0;
        Source::SourceRecord shop;
        shop.name = QStringLiteral("shop");
        shop.kind = QStringLiteral("minishop2");
        shop.url = QStringLiteral("sqlite:///tmp/shop.db");
        Source::SourceRepo sources(m_test->db());
        const bool recorded = sources.add(shop)
            && sources.recordStatuses(shop.name,
                                      { { QStringLiteral("1"), QStringLiteral("Новый"), {} },
                                        { QStringLiteral("2"), QStringLiteral("Оплачен"), {} },
                                        { QStringLiteral("3"), QStringLiteral("Отправлен"), {} } })
            && sources.recordMethods(shop.name, Source::MethodKind::Delivery,
                                     { { QStringLiteral("1"), QStringLiteral("Самовывоз") },
                                       { QStringLiteral("2"), QStringLiteral("Курьером по городу") },
                                       { QStringLiteral("4"), QStringLiteral("СДЭК"), false } })
            && sources.recordMethods(shop.name, Source::MethodKind::Payment,
                                     { { QStringLiteral("1"), QStringLiteral("Оплата наличными") },
                                       { QStringLiteral("3"), QStringLiteral("Картой онлайн") } });
        return recorded ? added->id : 0;
    }
    static void selectConnection(Gui::MappingPage &page, qint64 id)
    {
        auto *combo = page.findChild<QComboBox *>(QStringLiteral("mappingConnection"));
        combo->setCurrentIndex(combo->findData(id));
    }
    static bool codeTabShown(Gui::MappingPage &page)
    {
        auto *tabs = page.findChild<QTabWidget *>(QStringLiteral("mappingTabs"));
        return tabs->isTabVisible(tabs->indexOf(page.codeEditor()));
    }

    /** Three status rows with long names, to the stages of `pipeline`. */
    void saveLongStatusRows(qint64 connection, const QString &schemaFile, const QString &pipeline,
                            const QStringList &stages)
    {
        auto schema = Crm::CrmSchema::fromJson(fixture(schemaFile));
        QVERIFY_OK(schema);
        Mapping::MappingSet set = Mapping::MappingSet::defaults(schema.value());
        set.statuses.rows.clear();
        const QStringList names { QStringLiteral("Новый заказ, ожидает подтверждения менеджером"),
                                  QStringLiteral("Оплачен картой онлайн через платёжный шлюз"),
                                  QStringLiteral("Передан в службу доставки для отправки покупателю") };
        for (int i = 0; i < names.size(); ++i)
            set.statuses.rows.append({ QStringLiteral("s%1").arg(i), QString::number(i + 1), names.at(i),
                                       pipeline, stages.at(i), Mapping::StatusRow::Direction::Both });
        QVERIFY_OK(Mapping::MappingRepo(m_test->db()).save(connection, set));
    }

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
        QSettings().remove(QStringLiteral("mappingPage")); // each test starts on the first connection
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
        QVERIFY_OK(Mapping::MappingRepo(m_test->db()).saveSchema(m_connection, schema.value()));
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
        // A cell's tooltip has its whole (elided) text and the row's problem under it.
        const QModelIndex source = model->index(broken, Gui::FieldMapModel::SourceColumn);
        QCOMPARE(source.data(Qt::ToolTipRole).toString(),
                 source.data().toString() + QLatin1Char('\n') + reason);
        QCOMPARE(model->index(broken, Gui::FieldMapModel::ProblemColumn).data(Qt::ToolTipRole).toString(),
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
        QVERIFY(!Mapping::MappingRepo(m_test->db()).load(m_connection)->has_value());
        save->click();
        QCOMPARE(page.findChild<QLabel *>(QStringLiteral("mappingResult"))->text(), QStringLiteral("Saved."));
        auto stored = Mapping::MappingRepo(m_test->db()).load(m_connection);
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

    /** A Bitrix shop's order properties, read when its source was opened, are in the list of shop
     *  fields by their names, and a row on one shows that name. */
    void shopFieldsListTheOrderPropertiesByName()
    {
        QTemporaryDir dir;
        const QString url = QStringLiteral("sqlite://") + dir.filePath(QStringLiteral("bitrix.db"));
        {
            auto shop = Source::ShopDb::open(Source::ShopDbUrl::parse(url).value(), QStringLiteral("b_"));
            QVERIFY_OK(shop);
            Source::Bitrix::BitrixDemoShop::Options options;
            options.orders = 3;
            QVERIFY_OK(Source::Bitrix::BitrixDemoShop::generate(*shop.value(), options));
        }
        Source::SourceRecord record;
        record.name = QStringLiteral("bx");
        record.kind = QStringLiteral("bitrix");
        record.url = url;
        QVERIFY_OK(Source::SourceRepo(m_test->db()).add(record));
        QVERIFY_OK(TestSupport::shopSources()->openWithPassword(record, m_test->db(), {}));

        Gui::MappingPage page(m_test->db());
        page.show();
        auto *model = page.orderEditor()->model();
        QHash<QString, QString> labels;
        for (const Model::SourceField &field : model->sourceFields())
            labels.insert(field.path, field.label);
        QVERIFY(labels.contains(QStringLiteral("order.num")));
        QVERIFY2(labels.value(QStringLiteral("order.properties.INN")).contains(QStringLiteral("ИНН")),
                 qPrintable(labels.value(QStringLiteral("order.properties.INN"))));
        QVERIFY(labels.value(QStringLiteral("order.properties.UTM_SOURCE"))
                    .contains(QStringLiteral("UTM source")));
        QCOMPARE(labels.value(QStringLiteral("order.properties.PAYED")), QStringLiteral("Paid (Y/N)"));
        page.findChild<QPushButton *>(QStringLiteral("orderAddRowButton"))->click();
        const QModelIndex source = model->index(model->rowCount() - 1, Gui::FieldMapModel::SourceColumn);
        QVERIFY(model->setData(source, QStringLiteral("order.properties.INN")));
        QVERIFY(source.data().toString().contains(QStringLiteral("ИНН")));
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
        QVERIFY_OK(Mapping::MappingRepo(m_test->db()).save(m_connection, set));

        Gui::MappingPage page(m_test->db());
        page.show();
        auto *view = page.findChild<Gui::RoutingView *>(QStringLiteral("routingView"));
        QVERIFY(view);
        QAbstractItemModelTester tester(view->model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        // The shop's tree is not read yet: the categories the rules name are listed.
        QCOMPARE(view->model()->rowCount(), 2);
        const QModelIndex pipeline
            = view->model()->indexOf(QStringLiteral("21"), Gui::RoutingTreeModel::PipelineColumn);
        QCOMPARE(pipeline.data().toString(), QStringLiteral("Опт"));
        QVERIFY(!pipeline.data(Gui::RoutingTreeModel::InheritedRole).toBool());
        QVERIFY(!pipeline.data(Qt::ForegroundRole).isValid());
        QVERIFY(view->model()
                    ->indexOf(QStringLiteral("99"))
                    .data()
                    .toString()
                    .contains(QLatin1String("switched off")));
        QVERIFY(view->model()
                    ->indexOf(QStringLiteral("99"), Gui::RoutingTreeModel::PipelineColumn)
                    .data(Gui::RoutingTreeModel::InheritedRole)
                    .toBool()); // a switched-off rule routes nothing: the default route is shown

        const QString answer = view->explain(QStringLiteral("2311/14"));
        // In the names the operator knows, not the CRM's ids.
        QVERIFY2(answer.contains(QStringLiteral("pipeline “Опт”"))
                     && !answer.contains(QStringLiteral("7002")),
                 qPrintable(answer));
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

    /** RetailCRM: each shop delivery and payment gets the CRM's code from a combo of the account's
     *  types (names shown, codes stored), paid statuses are checked; all undoable, saved in one step. */
    void deliveryAndPaymentCodesAreEditedUndoneAndSaved()
    {
        const qint64 retail = addRetailCrm();
        QVERIFY(retail > 0);
        Gui::MappingPage page(m_test->db());
        page.show();
        selectConnection(page, retail);
        QVERIFY(codeTabShown(page));
        Gui::CodeMapEditor *editor = page.codeEditor();
        QVERIFY(editor->findChild<QLabel *>(QStringLiteral("codeMapNotRead"))->isHidden());
        auto *delivery = editor->deliveryModel();
        auto *payment = editor->paymentModel();
        auto *paid = editor->paidModel();
        QAbstractItemModelTester deliveryTester(delivery,
                                                QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester paidTester(paid, QAbstractItemModelTester::FailureReportingMode::QtTest);
        using Column = Gui::CodeMapModel::Column;
        // The shop's methods in the shop's order, none mapped yet.
        QCOMPARE(delivery->rowCount(), 3);
        QCOMPARE(delivery->index(1, Column::ShopMethodColumn).data().toString(),
                 QStringLiteral("Курьером по городу"));
        QCOMPARE(delivery->index(2, Column::ShopMethodColumn).data().toString(),
                 QStringLiteral("СДЭК (switched off)"));
        QCOMPARE(delivery->index(1, Column::CodeColumn).data().toString(), QStringLiteral("(no code)"));
        QCOMPARE(payment->rowCount(), 2);
        QCOMPARE(paid->rowCount(), 3);
        auto *save = page.findChild<QPushButton *>(QStringLiteral("mappingSaveButton"));
        QVERIFY(!save->isEnabled());

        // The courier row's own combo, as the operator uses it: the CRM's names, the code stored.
        const QModelIndex courier
            = delivery->index(delivery->lineOf(QStringLiteral("2")), Column::CodeColumn);
        auto *combo = qobject_cast<QComboBox *>(editor->deliveryView()->indexWidget(courier));
        QVERIFY2(combo, "every row has its code combo");
        QCOMPARE(combo->currentData().toString(), QString());
        const int courierItem = combo->findData(QStringLiteral("courier"));
        QCOMPARE(combo->itemText(courierItem), QStringLiteral("Курьер"));
        QCOMPARE(combo->count(), 5); // (no code) and the account's four delivery types
        combo->setCurrentIndex(courierItem);
        Q_EMIT combo->activated(courierItem);
        QCOMPARE(page.editedMapping().codes.deliveryCode(QStringLiteral("2")), QStringLiteral("courier"));
        QCOMPARE(courier.data().toString(), QStringLiteral("Курьер"));

        QVERIFY(payment->setData(payment->index(payment->lineOf(QStringLiteral("3")), Column::CodeColumn),
                                 QStringLiteral("bank-card")));
        QVERIFY(
            paid->setData(paid->index(paid->lineOf(QStringLiteral("2"))), Qt::Checked, Qt::CheckStateRole));
        QCOMPARE(page.undoStack()->count(), 3);
        QVERIFY(save->isEnabled());

        // Undo takes back the paid status, then the payment code; the delivery combo follows too.
        page.undoStack()->undo();
        QCOMPARE(paid->index(paid->lineOf(QStringLiteral("2"))).data(Qt::CheckStateRole).toInt(),
                 int(Qt::Unchecked));
        page.undoStack()->undo();
        QCOMPARE(page.editedMapping().codes.paymentCode(QStringLiteral("3")), QString());
        page.undoStack()->undo();
        QCOMPARE(combo->currentData().toString(), QString());
        QVERIFY(page.editedMapping().codes.isEmpty());
        QVERIFY(!save->isEnabled());
        page.undoStack()->redo();
        QCOMPARE(combo->currentData().toString(), QStringLiteral("courier"));
        page.undoStack()->redo();
        page.undoStack()->redo();
        QCOMPARE(paid->index(paid->lineOf(QStringLiteral("2"))).data(Qt::CheckStateRole).toInt(),
                 int(Qt::Checked));

        // The payment status paid orders are sent with, from the account's payment statuses.
        auto *status = editor->paidPaymentStatusCombo();
        QCOMPARE(status->currentData().toString(), QStringLiteral("paid"));
        QCOMPARE(status->currentText(), QStringLiteral("Оплачен"));
        QCOMPARE(status->count(), 3);

        save->click();
        QCOMPARE(page.findChild<QLabel *>(QStringLiteral("mappingResult"))->text(), QStringLiteral("Saved."));
        auto stored = Mapping::MappingRepo(m_test->db()).load(retail);
        QVERIFY_OK(stored);
        QVERIFY(stored->has_value());
        const Mapping::CodeMaps codes = stored->value().codes;
        QCOMPARE(codes.delivery,
                 QList<Mapping::CodeRow>({ { QStringLiteral("2"), QStringLiteral("Курьером по городу"),
                                             QStringLiteral("courier") } }));
        QCOMPARE(codes.payment,
                 QList<Mapping::CodeRow>({ { QStringLiteral("3"), QStringLiteral("Картой онлайн"),
                                             QStringLiteral("bank-card") } }));
        QCOMPARE(codes.paidStatuses, QStringList { QStringLiteral("2") });
        QCOMPARE(codes.paidPaymentStatus, QStringLiteral("paid"));

        // "No code" takes the row out of the map again.
        QVERIFY(delivery->setData(courier, QString()));
        QVERIFY(page.editedMapping().codes.delivery.isEmpty());
    }

    /** A code the account does not have (deleted in the CRM, or a typo in an imported file) is red,
     *  says why, and blocks saving until another code is picked. */
    void unknownCodeIsRedWithTheReason()
    {
        Mapping::CodeMaps codes;
        codes.delivery = { { QStringLiteral("1"), QStringLiteral("Самовывоз"), QStringLiteral("drone") } };
        codes.paidStatuses = { QStringLiteral("2") };
        codes.paidPaymentStatus = QStringLiteral("settled");
        const qint64 retail = addRetailCrm(codes);
        QVERIFY(retail > 0);
        Gui::MappingPage page(m_test->db());
        page.show();
        selectConnection(page, retail);
        auto *delivery = page.codeEditor()->deliveryModel();
        const int line = delivery->lineOf(QStringLiteral("1"));
        using Column = Gui::CodeMapModel::Column;
        QVERIFY(delivery->index(line, 0).data(Gui::CodeMapModel::HasErrorRole).toBool());
        const QString reason = delivery->index(line, Column::ProblemColumn).data().toString();
        QVERIFY2(reason.contains(QLatin1String("drone")), qPrintable(reason));
        QCOMPARE(delivery->index(line, Column::ShopMethodColumn).data(Qt::ToolTipRole).toString(), reason);
        QVERIFY(delivery->index(line, Column::ShopMethodColumn).data(Qt::BackgroundRole).isValid());
        auto *combo = qobject_cast<QComboBox *>(
            page.codeEditor()->deliveryView()->indexWidget(delivery->index(line, Column::CodeColumn)));
        QVERIFY(combo);
        QCOMPARE(combo->currentText(), QStringLiteral("drone (not in the CRM)"));
        // Under the tables: every reason in full, the paid payment status not being the account's either.
        const QString summary = page.findChild<QLabel *>(QStringLiteral("codeMapSummary"))->text();
        QVERIFY2(summary.contains(reason) && summary.contains(QLatin1String("settled")), qPrintable(summary));
        auto *save = page.findChild<QPushButton *>(QStringLiteral("mappingSaveButton"));
        QVERIFY(
            delivery->setData(delivery->index(line, Column::CodeColumn), QStringLiteral("self-delivery")));
        QVERIFY(!delivery->index(line, 0).data(Gui::CodeMapModel::HasErrorRole).toBool());
        QVERIFY(!save->isEnabled()); // the payment status still
        auto *status = page.codeEditor()->paidPaymentStatusCombo();
        const int paidItem = status->findData(QStringLiteral("paid"));
        status->setCurrentIndex(paidItem);
        Q_EMIT status->activated(paidItem);
        QVERIFY(save->isEnabled());
        QCOMPARE(page.editedMapping().codes.paidPaymentStatus, QStringLiteral("paid"));
        page.undoStack()->undo();
        QCOMPARE(status->currentData().toString(), QStringLiteral("settled"));
        QVERIFY(!save->isEnabled());
    }

    /** Before the engine has read the shop, the tab says why its tables are empty. */
    void codeTabSaysTheShopWasNotReadYet()
    {
        Mapping::CodeMaps codes;
        codes.delivery = { { QStringLiteral("2"), QStringLiteral("Курьер"), QStringLiteral("courier") } };
        codes.paidStatuses = { QStringLiteral("2") };
        const qint64 retail = addRetailCrm(codes);
        QVERIFY(retail > 0);
        QVERIFY_OK(Source::SourceRepo(m_test->db()).remove(QStringLiteral("shop")));
        Gui::MappingPage page(m_test->db());
        page.show();
        selectConnection(page, retail);
        QVERIFY(codeTabShown(page));
        QVERIFY(!page.codeEditor()->findChild<QLabel *>(QStringLiteral("codeMapNotRead"))->isHidden());
        // The mapped rows are there, not called gone from a shop nobody has read.
        auto *delivery = page.codeEditor()->deliveryModel();
        QCOMPARE(delivery->rowCount(), 1);
        QCOMPARE(delivery->index(0, Gui::CodeMapModel::ShopMethodColumn).data().toString(),
                 QStringLiteral("Курьер"));
        QCOMPARE(page.codeEditor()->paidModel()->index(0).data().toString(), QStringLiteral("Status 2"));
    }

    /** The page reopens on the connection and the tab the operator was looking at. */
    void reopensOnTheLastConnectionAndTab()
    {
        const qint64 retail = addRetailCrm();
        QVERIFY(retail > 0);
        {
            Gui::MappingPage page(m_test->db());
            selectConnection(page, retail);
            page.findChild<QTabWidget *>(QStringLiteral("mappingTabs"))->setCurrentWidget(page.codeEditor());
        }
        Gui::MappingPage page(m_test->db());
        QCOMPARE(page.findChild<QComboBox *>(QStringLiteral("mappingConnection"))->currentData().toLongLong(),
                 retail);
        QCOMPARE(page.findChild<QTabWidget *>(QStringLiteral("mappingTabs"))->currentWidget(),
                 page.codeEditor());
    }

    /** amoCRM has no delivery or payment codes: no tab for them. */
    void amoCrmHasNoCodeMaps()
    {
        QVERIFY(addRetailCrm() > 0);
        Gui::MappingPage page(m_test->db());
        page.show();
        selectConnection(page, m_connection);
        QVERIFY(!page.showsCodeMaps());
        QVERIFY(!codeTabShown(page));
        QVERIFY(page.editedMapping().codes.isEmpty());
    }

    /** A status row's direction is picked from a combo of the four directions, stored at once. */
    void directionComboOffersTheFourDirections()
    {
        QUndoStack undo;
        Gui::StatusMapEditor editor(&undo);
        editor.show();
        Mapping::StatusMap map;
        map.rows = { { "s1", "1", QStringLiteral("Новый"), "7001", "70011",
                       Mapping::StatusRow::Direction::Both } };
        editor.model()->setStatusMap(
            map, Crm::CrmSchema::fromJson(fixture(QStringLiteral("schema_amocrm.json"))).value());
        editor.view()->edit(editor.model()->index(0, Gui::StatusMapModel::DirectionColumn));
        auto *combo = editor.view()->findChild<QComboBox *>(QStringLiteral("choiceEditor"));
        QVERIFY(combo);
        QCOMPARE(combo->count(), 4);
        QCOMPARE(combo->currentData().toString(), QStringLiteral("both"));
        const int fromCrm = combo->findData(QStringLiteral("from-crm"));
        QCOMPARE(combo->itemText(fromCrm), QStringLiteral("← from the CRM"));
        combo->setCurrentIndex(fromCrm);
        Q_EMIT combo->activated(fromCrm);
        QCOMPARE(editor.model()->statusMap().rows.first().direction, Mapping::StatusRow::Direction::FromCrm);
        QCOMPARE(undo.count(), 1);
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

    /** Mapping → Statuses in the default window (1100×720): every column is in view, no sideways
     *  scrolling, long names elided (the whole name is the tooltip); amoCRM and RetailCRM, both languages.
     */
    void statusColumnsFitTheDefaultWindow()
    {
        const qint64 retail = addRetailCrm();
        QVERIFY(retail > 0);
        saveLongStatusRows(m_connection, QStringLiteral("schema_amocrm.json"), QStringLiteral("7001"),
                           { QStringLiteral("70011"), QStringLiteral("143"), QStringLiteral("70013") });
        saveLongStatusRows(
            retail, QStringLiteral("schema_retailcrm.json"), QStringLiteral("orders"),
            { QStringLiteral("new"), QStringLiteral("send-to-delivery"), QStringLiteral("cancel-other") });
        for (const QString &lang : { QStringLiteral("en"), QStringLiteral("ru") }) {
            useLanguage(lang);
            QSettings().remove(QStringLiteral("mainWindow"));
            Gui::MainWindow window(m_test->db(), nullptr, std::make_shared<Secrets::MemorySecretStore>());
            window.resize(1100, 720);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            window.showPage(QStringLiteral("mappingPage"));
            auto *page = window.findChild<Gui::MappingPage *>(QStringLiteral("mappingPage"));
            auto *tabs = page->findChild<QTabWidget *>(QStringLiteral("mappingTabs"));
            tabs->setCurrentWidget(page->findChild<QWidget *>(QStringLiteral("statusMapEditor")));
            auto *table = page->findChild<QTableView *>(QStringLiteral("statusMapTable"));
            for (const qint64 id : { m_connection, retail }) {
                selectConnection(*page, id);
                QTRY_COMPARE(table->model()->rowCount(), 3);
                QTRY_VERIFY(table->viewport()->width() > 0);
                QApplication::processEvents();
                const int last = Gui::StatusMapModel::ProblemColumn;
                const int right = table->columnViewportPosition(last) + table->columnWidth(last);
                const QString where = QStringLiteral("%1 %2: right edge %3, viewport %4")
                                          .arg(lang)
                                          .arg(id)
                                          .arg(right)
                                          .arg(table->viewport()->width());
                QVERIFY2(right <= table->viewport()->width(), qPrintable(where));
                QVERIFY2(table->horizontalScrollBar()->maximum() == 0, qPrintable(where));
                QVERIFY2(table->columnWidth(Gui::StatusMapModel::StageColumn) >= 100, qPrintable(where));
                const QModelIndex stage = table->model()->index(2, Gui::StatusMapModel::StageColumn);
                QCOMPARE(stage.data(Qt::ToolTipRole).toString(), stage.data().toString());
                const QModelIndex shop = table->model()->index(2, Gui::StatusMapModel::ShopStatusColumn);
                QCOMPARE(shop.data(Qt::ToolTipRole).toString(),
                         QStringLiteral("Передан в службу доставки для отправки покупателю"));
            }
        }
        useLanguage(QStringLiteral("en"));
    }

    /** The preview speaks the connection's CRM: an amoCRM deal, a RetailCRM order, in both languages
     *  (last: the English translator does not cover what the Russian one already answers). */
    void previewUsesTheCrmsWords()
    {
        const qint64 retail = addRetailCrm();
        QVERIFY(retail > 0);
        const auto words = [](const char *a, const char *b, const char *c, const char *d) {
            return QStringList { QString::fromUtf8(a), QString::fromUtf8(b), QString::fromUtf8(c),
                                 QString::fromUtf8(d) };
        };
        for (const QString &lang : { QStringLiteral("en"), QStringLiteral("ru") }) {
            useLanguage(lang);
            const bool ru = lang == QLatin1String("ru");
            QStringList amoWords = ru ? words("Сделка", "Воронка", "Этап", "Контакт")
                                      : words("Deal", "Pipeline", "Stage", "Contact");
            amoWords << (ru ? QStringLiteral("Бюджет") : QStringLiteral("Price"));
            QStringList retailWords = ru ? words("Заказ", "Магазин", "Статус", "Покупатель")
                                         : words("Order", "Shop", "Status", "Customer");
            retailWords << (ru ? QStringLiteral("Сумма") : QStringLiteral("Total"));
            Gui::MappingPage page(m_test->db());
            page.show();
            selectConnection(page, m_connection); // the page reopens on the connection last shown
            auto *preview = page.findChild<Gui::MappingPreview *>(QStringLiteral("mappingPreview"));
            QTRY_VERIFY(preview->text().contains(QLatin1String("2311/14")));
            const QString deal = preview->text();
            for (const QString &word : amoWords)
                QVERIFY2(deal.contains(word), qPrintable(word + QLatin1String(" not in ") + deal));
            // amoCRM has pipelines to route to: the routing tab and the preview's routing section.
            const QString routing = ru ? QStringLiteral("Маршрутизация") : QStringLiteral("Routing");
            auto *tabs = page.findChild<QTabWidget *>(QStringLiteral("mappingTabs"));
            auto *routingTab = page.findChild<QWidget *>(QStringLiteral("routingView"));
            QVERIFY(tabs && routingTab);
            QVERIFY(tabs->isTabVisible(tabs->indexOf(routingTab)));
            QVERIFY(deal.contains(routing));

            selectConnection(page, retail);
            QTRY_VERIFY(preview->text() != deal && preview->text().contains(QLatin1String("2311/14")));
            // RetailCRM has one order flow: nothing to route, no routing tab or section, and no
            // amoCRM word anywhere in the order.
            const QString order = preview->text();
            QVERIFY2(!order.contains(routing), qPrintable(order));
            QVERIFY(!tabs->isTabVisible(tabs->indexOf(routingTab)));
            for (const QString &word : retailWords)
                QVERIFY2(order.contains(word), qPrintable(word + QLatin1String(" not in ") + order));
            for (const QString &word : amoWords)
                QVERIFY2(!order.contains(word), qPrintable(word + QLatin1String(" in ") + order));
        }
        useLanguage(QStringLiteral("en"));
    }
};

QTEST_MAIN(TestMappingPage)
#include "tst_MappingPage.moc"
