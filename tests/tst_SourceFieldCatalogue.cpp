// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/Json.h"
#include "model/SourceFieldCatalogue.h"
#include "support/TestEnv.h"

#include <QFile>
#include <QJsonArray>
#include <QTest>

using Model::SourceFieldCatalogue;
using Model::SourceKind;

namespace {

Model::ShopOrder russianOrder()
{
    QFile file(TestSupport::sourceDir() + QStringLiteral("/tests/fixtures/mapping/order_ru.json"));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("no order fixture");
    Model::ShopOrder order = Model::ShopOrder::fromJson(Common::Json::parseObject(file.readAll()).value());
    order.properties.insert(QStringLiteral("amoCRMFields"),
                            QJsonObject { { "pipeline_id", 7003 }, { "tags", QJsonArray { "a", "b" } } });
    order.properties.insert(QStringLiteral("vip"), true);
    return order;
}

Model::FormSubmission form()
{
    Model::FormSubmission f;
    f.id = QStringLiteral("77");
    f.formName = QStringLiteral("Заказать звонок");
    f.pageUrl = QStringLiteral("https://shop.example/");
    f.receivedAt = QDateTime(QDate(2023, 11, 14), QTime(9, 30), Qt::UTC);
    f.fields = { { QStringLiteral("ФИО"), QStringLiteral("Анна Смирнова") },
                 { QStringLiteral("tel"), QStringLiteral("8 912 345 67 89") },
                 { QStringLiteral("name"), QStringLiteral("callback-2") },
                 { QStringLiteral("Город"), QStringLiteral("Тверь") } };
    f.utm = { { QStringLiteral("utm_source"), QStringLiteral("vk") } };
    return f;
}

} // namespace

/** The source paths and what they read from an order and from a form. */
class TestSourceFieldCatalogue : public QObject
{
    Q_OBJECT

private slots:
    void order_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("number") << "order.num" << QStringList { "2311/14" };
        QTest::newRow("cost") << "order.cost" << QStringList { "49470" };
        QTest::newRow("weight") << "order.weight" << QStringList { "11" };
        QTest::newRow("status name") << "order.status" << QStringList { QStringLiteral("Новый") };
        QTest::newRow("delivery") << "order.delivery.name"
                                  << QStringList { QStringLiteral("Курьер по Москве") };
        QTest::newRow("created") << "order.created_at" << QStringList { "2023-11-14T09:30:00Z" };
        QTest::newRow("buyer is the receiver")
            << "customer.name" << QStringList { QStringLiteral("Иванова Мария Сергеевна") };
        QTest::newRow("buyer phone from the address")
            << "customer.phone" << QStringList { "8 (912) 345-67-89" };
        QTest::newRow("buyer email falls back to the account")
            << "customer.email" << QStringList { "Petr.Ivanov@Example.RU" };
        QTest::newRow("account holder") << "user.name" << QStringList { QStringLiteral("Пётр Иванов") };
        QTest::newRow("city") << "address.city" << QStringList { QStringLiteral("Москва") };
        QTest::newRow("empty region") << "address.region" << QStringList();
        QTest::newRow("full address")
            << "address.full" << QStringList { QStringLiteral("101000, Москва, ул. Мясницкая, 12, 34") };
        QTest::newRow("items") << "order.products_count" << QStringList { "3" };
        QTest::newRow("product names") << "order.products"
                                       << QStringList { QStringLiteral("Кофемашина DeLonghi Magnifica S"),
                                                        QStringLiteral("Кофе в зёрнах Lavazza Qualità Oro") };
        QTest::newRow("utm") << "utm.medium" << QStringList { "cpc" };
        QTest::newRow("utm missing") << "utm.term" << QStringList();
        QTest::newRow("property") << "order.properties.gift_wrap" << QStringList { QStringLiteral("да") };
        QTest::newRow("nested property number")
            << "order.properties.amoCRMFields.pipeline_id" << QStringList { "7003" };
        QTest::newRow("nested property list")
            << "order.properties.amoCRMFields.tags" << QStringList { "a", "b" };
        QTest::newRow("property flag") << "order.properties.vip" << QStringList { "1" };
        QTest::newRow("missing property") << "order.properties.nope" << QStringList();
    }

    void order()
    {
        QFETCH(QString, path);
        QFETCH(QStringList, expected);
        const auto values = SourceFieldCatalogue::resolve(path, russianOrder());
        QVERIFY(values);
        QCOMPARE(*values, expected);
        QVERIFY(SourceFieldCatalogue::isKnown(SourceKind::Order, path));
    }

    void productsText()
    {
        QCOMPARE(SourceFieldCatalogue::productsText(russianOrder()),
                 QStringLiteral("Кофемашина DeLonghi Magnifica S × 1 × 45990 = 45990\n"
                                "Кофе в зёрнах Lavazza Qualità Oro (вес: 1 кг) × 2 × 1490 = 2980"));
    }

    void form_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("form name") << "form.name" << QStringList { QStringLiteral("Заказать звонок") };
        QTest::newRow("a field named like the form's name")
            << "form.fields.name" << QStringList { "callback-2" };
        QTest::newRow("field, case-insensitive") << "form.город" << QStringList { QStringLiteral("Тверь") };
        QTest::newRow("received") << "form.received_at" << QStringList { "2023-11-14T09:30:00Z" };
        QTest::newRow("name guessed from ФИО")
            << "customer.name" << QStringList { QStringLiteral("Анна Смирнова") };
        QTest::newRow("phone guessed from tel") << "customer.phone" << QStringList { "8 912 345 67 89" };
        QTest::newRow("no email field") << "customer.email" << QStringList();
        QTest::newRow("utm") << "utm.source" << QStringList { "vk" };
        QTest::newRow("missing field") << "form.nope" << QStringList();
    }

    void form()
    {
        QFETCH(QString, path);
        QFETCH(QStringList, expected);
        const auto values = SourceFieldCatalogue::resolve(path, ::form());
        QVERIFY(values);
        QCOMPARE(*values, expected);
    }

    void unknownPaths()
    {
        QVERIFY(!SourceFieldCatalogue::resolve(QStringLiteral("order.colour"), russianOrder()));
        QVERIFY(!SourceFieldCatalogue::resolve(QStringLiteral("form.name"), russianOrder()));
        QVERIFY(!SourceFieldCatalogue::resolve(QStringLiteral("order.num"), ::form()));
        QVERIFY(!SourceFieldCatalogue::isKnown(SourceKind::Form, QStringLiteral("order.num")));
        QVERIFY(!SourceFieldCatalogue::isKnown(SourceKind::Order, QStringLiteral("order.properties.")));
    }

    void catalogueLists()
    {
        const auto orders = SourceFieldCatalogue::forOrders({ QStringLiteral("gift_wrap") });
        QCOMPARE(orders.last().path, QStringLiteral("order.properties.gift_wrap"));
        for (const auto &f : orders)
            QVERIFY2(SourceFieldCatalogue::resolve(f.path, russianOrder()), qPrintable(f.path));
        const auto forms
            = SourceFieldCatalogue::forForms({ QStringLiteral("name"), QStringLiteral("Телефон") });
        QCOMPARE(forms.at(forms.size() - 2).path, QStringLiteral("form.fields.name"));
        QCOMPARE(forms.last().path, QStringLiteral("form.Телефон"));
        QCOMPARE(SourceFieldCatalogue::formatNumber(1499.5), QStringLiteral("1499.5"));
        QCOMPARE(SourceFieldCatalogue::formatNumber(-0.125), QStringLiteral("-0.125"));
    }
};

QTEST_GUILESS_MAIN(TestSourceFieldCatalogue)
#include "tst_SourceFieldCatalogue.moc"
