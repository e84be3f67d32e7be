// SPDX-License-Identifier: GPL-3.0-or-later
// Mapping → Order fields without a text editor: every transform's arguments edited in place and
// saved (template with its placeholders, lookup table and fallback, constant, join separator),
// skip-empty; a type mismatch is a warning before saving; a new CRM field as the target with the
// connection's auto-create consent as a switch; delivery and payment mapped by the defaults; every
// message in the names the operator sees.
#include "common/Translations.h"
#include "engine/MissingFieldCreator.h"
#include "fixtures/mapping/MappingGuiKit.h"
#include "mapping/FieldMapEditor.h"
#include "mapping/FieldMapModel.h"
#include "mapping/FieldRowDetails.h"
#include "mapping/MappingPage.h"
#include "mapping/MappingPreview.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QTableView>
#include <QTableWidget>
#include <QTest>

using Gui::FieldMapModel;
using Mapping::Transform;

class TestFieldEditor : public QObject
{
    Q_OBJECT
private:
    MappingGuiKit::Store m_store;

    std::optional<Mapping::MappingSet> stored()
    {
        auto set = Mapping::MappingRepo(m_store.db()).load(m_store.connection);
        return set ? set.value() : std::nullopt;
    }
    static int rowFrom(const FieldMapModel *model, const QString &source)
    {
        for (int i = 0; i < model->rowCount(); ++i) {
            if (model->fieldMap().rows.at(i).source == source)
                return i;
        }
        return -1;
    }
    /** Selects the row (its details open below the grid) and gives it this transform. */
    static void useTransform(Gui::FieldMapEditor *editor, int row, Transform::Kind kind)
    {
        editor->view()->setCurrentIndex(editor->model()->index(row, FieldMapModel::SourceColumn));
        QVERIFY(editor->model()->setData(editor->model()->index(row, FieldMapModel::TransformColumn),
                                         Transform::kindName(kind)));
        QCOMPARE(editor->details()->row(), row);
    }
    static void type(QLineEdit *edit, const QString &text)
    {
        edit->clear();
        edit->insert(text); // keyClicks() types ASCII only
        QTest::keyClick(edit, Qt::Key_Return); // editingFinished
    }

private Q_SLOTS:
    void initTestCase() { Gui::installTranslations(QStringLiteral("en")); }
    void init()
    {
        QSettings().remove(QStringLiteral("mappingPage"));
        QVERIFY(m_store.open());
    }
    void cleanup() { m_store = {}; }

    void everyTransformsArgumentsAreEditedInPlaceAndSaved()
    {
        QVERIFY_OK(Mapping::MappingRepo(m_store.db())
                       .save(m_store.connection, Mapping::MappingSet::defaults(MappingGuiKit::amoSchema())));
        Gui::MappingPage page(m_store.db());
        page.show();
        auto *editor = page.orderEditor();
        auto *model = editor->model();
        QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        auto *details = editor->details();

        // A template, with the fields it may use listed to pick from.
        const int number = rowFrom(model, QStringLiteral("order.num"));
        useTransform(editor, number, Transform::Kind::Template);
        auto *text = details->findChild<QLineEdit *>(QStringLiteral("fieldTemplateText"));
        QVERIFY(text->isVisible());
        type(text, QStringLiteral("№ "));
        auto *insert = details->findChild<QComboBox *>(QStringLiteral("fieldTemplateInsert"));
        QVERIFY(insert->findData(QStringLiteral("customer.name")) > 0);
        text->setCursorPosition(text->text().size());
        // Picked from the list with the mouse, as a user does.
        insert->showPopup();
        QAbstractItemView *list = insert->view();
        const QModelIndex item = list->model()->index(insert->findData(QStringLiteral("order.num")), 0);
        list->scrollTo(item);
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualRect(item).center());
        QCOMPARE(model->fieldMap().rows.at(number).transform.argument, QStringLiteral("№ {order.num}"));
        details->findChild<QCheckBox *>(QStringLiteral("fieldSkipEmpty"))->click();
        QVERIFY(!model->fieldMap().rows.at(number).skipEmpty);

        // A lookup table: shop value → CRM value, and what anything else becomes.
        const int delivery = rowFrom(model, QStringLiteral("order.delivery.name"));
        useTransform(editor, delivery, Transform::Kind::Lookup);
        auto *table = details->findChild<QTableWidget *>(QStringLiteral("fieldLookupTable"));
        QVERIFY(table->isVisible());
        details->findChild<QPushButton *>(QStringLiteral("fieldLookupAddButton"))->click();
        table->item(0, 0)->setText(QStringLiteral("Курьером по городу"));
        table->item(0, 1)->setText(QStringLiteral("Курьер по Москве"));
        details->findChild<QCheckBox *>(QStringLiteral("fieldLookupFallbackOn"))->click();
        type(details->findChild<QLineEdit *>(QStringLiteral("fieldLookupFallback")),
             QStringLiteral("Самовывоз"));
        const Transform lookup = model->fieldMap().rows.at(delivery).transform;
        QCOMPARE(lookup.table,
                 (QMap<QString, QString> {
                     { QStringLiteral("Курьером по городу"), QStringLiteral("Курьер по Москве") } }));
        QCOMPARE(lookup.fallback, std::optional<QString>(QStringLiteral("Самовывоз")));
        QCOMPARE(model->index(delivery, FieldMapModel::TransformColumn).data().toString(),
                 QStringLiteral("Lookup table: 1 value"));

        // A constant into the tags, and product names joined with a separator.
        editor->findChild<QPushButton *>(QStringLiteral("orderAddRowButton"))->click();
        const int constant = model->rowCount() - 1;
        QVERIFY(
            model->setData(model->index(constant, FieldMapModel::TargetColumn),
                           Mapping::FieldTarget::standard(Mapping::FieldTarget::Kind::DealTags).toJson()));
        useTransform(editor, constant, Transform::Kind::Constant);
        type(details->findChild<QLineEdit *>(QStringLiteral("fieldArgument")), QStringLiteral("сайт"));
        const int products = rowFrom(model, QStringLiteral("order.products"));
        QVERIFY(
            model->setData(model->index(products, FieldMapModel::TargetColumn),
                           Mapping::FieldTarget::standard(Mapping::FieldTarget::Kind::DealTags).toJson()));
        QVERIFY(model->setData(model->index(products, FieldMapModel::ActiveColumn), Qt::Checked,
                               Qt::CheckStateRole));
        useTransform(editor, products, Transform::Kind::Join);
        type(details->findChild<QLineEdit *>(QStringLiteral("fieldArgument")), QStringLiteral(" | "));

        auto *save = page.findChild<QPushButton *>(QStringLiteral("mappingSaveButton"));
        QTRY_VERIFY(save->isEnabled());
        save->click();
        const Mapping::FieldMap saved = stored()->orders;
        QCOMPARE(saved.rows.at(number).transform.kind, Transform::Kind::Template);
        QCOMPARE(saved.rows.at(number).transform.argument, QStringLiteral("№ {order.num}"));
        QVERIFY(!saved.rows.at(number).skipEmpty);
        QCOMPARE(saved.rows.at(delivery).transform, lookup);
        QCOMPARE(saved.rows.at(constant).transform.argument, QStringLiteral("сайт"));
        QCOMPARE(saved.rows.at(products).transform.argument, QStringLiteral(" | "));
        // The preview sends what was entered.
        auto *preview = page.findChild<Gui::MappingPreview *>(QStringLiteral("mappingPreview"));
        QTRY_VERIFY2(preview->text().contains(QStringLiteral("№ 2311/14")), qPrintable(preview->text()));
        QVERIFY(preview->text().contains(QStringLiteral("сайт")));
        QVERIFY(preview->text().contains(QStringLiteral(" | ")));
    }

    void aTypeMismatchIsAWarningBeforeSaving()
    {
        QVERIFY_OK(Mapping::MappingRepo(m_store.db())
                       .save(m_store.connection, Mapping::MappingSet::defaults(MappingGuiKit::amoSchema())));
        Gui::MappingPage page(m_store.db());
        page.show();
        auto *model = page.orderEditor()->model();
        const int total = rowFrom(model, QStringLiteral("order.cost"));
        // The order's total (a number) into «Дата заказа», a date field.
        QVERIFY(model->setData(
            model->index(total, FieldMapModel::TargetColumn),
            Mapping::FieldTarget::custom(*MappingGuiKit::amoSchema().field(QStringLiteral("111"))).toJson()));
        const QString warning = model->index(total, FieldMapModel::ProblemColumn).data().toString();
        QCOMPARE(warning, QStringLiteral("“Order total” is a number, but field “Дата заказа” takes a date"));
        QVERIFY(!model->index(total, 0).data(FieldMapModel::HasErrorRole).toBool());
        QCOMPARE(model->index(total, 1).data(Qt::BackgroundRole).value<QColor>().name(),
                 QStringLiteral("#fff3cd")); // yellow: a warning, not an error
        const QString summary = page.findChild<QLabel *>(QStringLiteral("orderFieldMapSummary"))->text();
        QVERIFY2(summary.contains(QLatin1String("warning")), qPrintable(summary));
        QVERIFY(page.findChild<QPushButton *>(QStringLiteral("mappingSaveButton"))->isEnabled());
        // The date transform makes it a date: no warning.
        QVERIFY(model->setData(model->index(total, FieldMapModel::TransformColumn),
                               Transform::kindName(Transform::Kind::Date)));
        QVERIFY(model->index(total, FieldMapModel::ProblemColumn).data().toString().isEmpty());
    }

    void aNewCrmFieldIsATargetAndAutoCreateIsASwitch()
    {
        QVERIFY_OK(Mapping::MappingRepo(m_store.db())
                       .save(m_store.connection, Mapping::MappingSet::defaults(MappingGuiKit::amoSchema())));
        Gui::MappingPage page(m_store.db());
        page.show();
        auto *editor = page.orderEditor();
        auto *model = editor->model();
        auto *save = page.findChild<QPushButton *>(QStringLiteral("mappingSaveButton"));
        const int created = rowFrom(model, QStringLiteral("order.created_at"));
        editor->view()->setCurrentIndex(model->index(created, FieldMapModel::SourceColumn));
        QVERIFY(model->setData(model->index(created, FieldMapModel::ActiveColumn), Qt::Checked,
                               Qt::CheckStateRole));
        auto *details = editor->details();
        details->findChild<QLineEdit *>(QStringLiteral("fieldNewName"))
            ->setText(QStringLiteral("Дата покупки"));
        auto *types = details->findChild<QComboBox *>(QStringLiteral("fieldNewType"));
        types->setCurrentIndex(types->findData(QStringLiteral("date")));
        details->findChild<QPushButton *>(QStringLiteral("fieldNewButton"))->click();
        const Mapping::FieldTarget target = model->fieldMap().rows.at(created).target;
        QVERIFY(target.fieldId.isEmpty());
        QCOMPARE(target.fieldName, QStringLiteral("Дата покупки"));
        QCOMPARE(target.fieldType, QStringLiteral("date"));
        // Without the consent the row cannot be sent: red, and it says what to do.
        QVERIFY(model->index(created, 0).data(FieldMapModel::HasErrorRole).toBool());
        QVERIFY(model->index(created, FieldMapModel::ProblemColumn)
                    .data()
                    .toString()
                    .contains(QLatin1String("allow creating it")));
        QVERIFY(!save->isEnabled());
        auto *consent = editor->findChild<QCheckBox *>(QStringLiteral("orderAutoCreateSwitch"));
        QVERIFY(consent->isVisible() && !consent->isChecked());
        consent->click();
        QVERIFY(!model->index(created, 0).data(FieldMapModel::HasErrorRole).toBool());
        QCOMPARE(model->index(created, FieldMapModel::ProblemColumn).data().toString(),
                 QStringLiteral("Field “Дата покупки” will be created in the CRM before it is first used"));
        QVERIFY(page.findChild<QCheckBox *>(QStringLiteral("formAutoCreateSwitch"))->isChecked());
        QVERIFY(save->isEnabled());
        save->click();
        auto connection = Store::ConnectionRepo(m_store.db()).byId(m_store.connection);
        QVERIFY_OK(connection);
        const Engine::FieldCreationPolicy policy = Engine::FieldCreationPolicy::of(connection.value());
        QVERIFY(policy.dealFields && policy.contactFields);
        QCOMPARE(stored()->orders.rows.at(created).target, target);
        // A page opened later shows the consent as it was saved.
        Gui::MappingPage again(m_store.db());
        QVERIFY(again.findChild<QCheckBox *>(QStringLiteral("orderAutoCreateSwitch"))->isChecked());
    }

    void theDefaultsMapDeliveryAndPaymentToSelectFieldsByName()
    {
        QVERIFY_OK(Source::SourceRepo(m_store.db())
                       .recordMethods(QStringLiteral("shop"), Source::MethodKind::Delivery,
                                      { { QStringLiteral("1"), QStringLiteral("Самовывоз") },
                                        { QStringLiteral("2"), QStringLiteral("Курьером по городу") },
                                        { QStringLiteral("3"), QStringLiteral("Почта России") },
                                        { QStringLiteral("4"), QStringLiteral("Телепортация") } }));
        // An order the shop sends with its own delivery name.
        QJsonObject payload = MappingGuiKit::fixture(QStringLiteral("order_ru.json"));
        payload.insert(QStringLiteral("delivery_name"), QStringLiteral("Курьером по городу"));
        payload.insert(QStringLiteral("number"), QStringLiteral("2311/15"));
        Store::NewJob job;
        job.kind = QStringLiteral("order.created");
        job.idempotencyKey = QStringLiteral("order:shop:813:created");
        job.source = QStringLiteral("shop");
        job.reference = QStringLiteral("2311/15");
        job.customer = QStringLiteral("Анна Петрова");
        job.payload = payload;
        QVERIFY_OK(Store::JobRepo(m_store.db()).enqueue(job));

        Gui::MappingPage page(m_store.db()); // no mapping saved: the defaults
        page.show();
        auto *model = page.orderEditor()->model();
        const Mapping::FieldRow delivery
            = model->fieldMap().rows.at(rowFrom(model, QStringLiteral("order.delivery.name")));
        QVERIFY(delivery.active);
        QCOMPARE(delivery.target.fieldId, QStringLiteral("102")); // «Доставка», a select field
        QCOMPARE(delivery.transform.kind, Transform::Kind::Lookup);
        QCOMPARE(delivery.transform.table,
                 (QMap<QString, QString> {
                     { QStringLiteral("Курьером по городу"), QStringLiteral("Курьер по Москве") },
                     { QStringLiteral("Почта России"), QStringLiteral("Почта России") },
                     { QStringLiteral("Самовывоз"), QStringLiteral("Самовывоз") } }));
        const Mapping::FieldRow payment
            = model->fieldMap().rows.at(rowFrom(model, QStringLiteral("order.payment.name")));
        QVERIFY(payment.active);
        QCOMPARE(payment.target.fieldId, QStringLiteral("103")); // «Оплата», a text field: sent as it is

        auto *preview = page.findChild<Gui::MappingPreview *>(QStringLiteral("mappingPreview"));
        auto *samples = preview->findChild<QComboBox *>(QStringLiteral("previewSample"));
        for (int i = 0; i < samples->count(); ++i) {
            if (samples->itemText(i).contains(QLatin1String("2311/15")))
                samples->setCurrentIndex(i);
        }
        QTRY_VERIFY(preview->text().contains(QLatin1String("2311/15")));
        const QString text = preview->text();
        QVERIFY2(text.contains(QStringLiteral("Доставка\tКурьер по Москве"))
                     || text.contains(QStringLiteral("Курьер по Москве")),
                 qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("Картой онлайн")));
        QVERIFY2(!text.contains(QLatin1String("deal.field"))
                     && !text.contains(QLatin1String("order.delivery")),
                 qPrintable(text));
    }
};

QTEST_MAIN(TestFieldEditor)
#include "tst_FieldEditor.moc"
