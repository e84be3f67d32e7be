// SPDX-License-Identifier: GPL-3.0-or-later
#include "mapping/Transform.h"

#include <QJsonDocument>
#include <QTest>

using Mapping::Transform;
using Kind = Mapping::Transform::Kind;

Q_DECLARE_METATYPE(Mapping::Transform)

namespace {

// A tiny record for templates: order.num, customer.name, utm.source (empty), order.products (a list).
std::optional<QStringList> resolve(const QString &path)
{
    if (path == QLatin1String("order.num"))
        return QStringList { QStringLiteral("2311/14") };
    if (path == QLatin1String("customer.name"))
        return QStringList { QStringLiteral("Мария") };
    if (path == QLatin1String("utm.source"))
        return QStringList();
    if (path == QLatin1String("order.products"))
        return QStringList { QStringLiteral("Кофе"), QStringLiteral("Чай") };
    return std::nullopt;
}

Transform with(Kind kind, const QString &argument = {}, const QString &zone = {})
{
    Transform t = Transform::of(kind, argument);
    t.timeZone = zone;
    return t;
}

} // namespace

/** Every transform, on good values and on the garbage that makes a row skip. */
class TestTransform : public QObject
{
    Q_OBJECT

private slots:
    void apply_data()
    {
        QTest::addColumn<Transform>("transform");
        QTest::addColumn<QStringList>("input");
        QTest::addColumn<QStringList>("expected");
        QTest::addColumn<QString>("error"); // non-empty: the skip reason

        const QMap<QString, QString> table { { QStringLiteral("Курьер"), QStringLiteral("1021") },
                                             { QStringLiteral("Самовывоз"), QStringLiteral("1022") } };
        QTest::newRow("none passes through")
            << with(Kind::None) << QStringList { " a ", "b" } << QStringList { " a ", "b" } << "";
        QTest::newRow("trim") << with(Kind::Trim) << QStringList { "  Москва \n" } << QStringList { "Москва" }
                              << "";
        QTest::newRow("trim drops blanks")
            << with(Kind::Trim) << QStringList { "  ", "x" } << QStringList { "x" } << "";
        QTest::newRow("template") << with(Kind::Template, QStringLiteral("Заказ #{order.num}"))
                                  << QStringList() << QStringList { QStringLiteral("Заказ #2311/14") } << "";
        QTest::newRow("template two fields")
            << with(Kind::Template, QStringLiteral("{customer.name}: {order.num}")) << QStringList()
            << QStringList { QStringLiteral("Мария: 2311/14") } << "";
        QTest::newRow("template list joined")
            << with(Kind::Template, QStringLiteral("{order.products}")) << QStringList()
            << QStringList { QStringLiteral("Кофе, Чай") } << "";
        QTest::newRow("template empty value")
            << with(Kind::Template, QStringLiteral("{utm.source}")) << QStringList() << QStringList() << "";
        QTest::newRow("template literal braces")
            << with(Kind::Template, QStringLiteral("{x} {order.num}")) << QStringList()
            << QStringList { QStringLiteral("{x} 2311/14") } << "";
        QTest::newRow("template unknown path")
            << with(Kind::Template, QStringLiteral("#{order.nope}")) << QStringList() << QStringList()
            << "the template names an unknown field {order.nope}";
        QTest::newRow("number") << with(Kind::Number) << QStringList { "45990.00" } << QStringList { "45990" }
                                << "";
        QTest::newRow("number spaces comma")
            << with(Kind::Number) << QStringList { QStringLiteral("12 500,50") } << QStringList { "12500.5" }
            << "";
        QTest::newRow("number no-break space and rouble")
            << with(Kind::Number) << QStringList { QStringLiteral("1\u00a0490 ₽") }
            << QStringList { "1490" } << "";
        QTest::newRow("number negative")
            << with(Kind::Number) << QStringList { "-3.25" } << QStringList { "-3.25" } << "";
        QTest::newRow("number garbage") << with(Kind::Number) << QStringList { QStringLiteral("много") }
                                        << QStringList() << QStringLiteral("“много” is not a number");
        QTest::newRow("date default format") << with(Kind::Date) << QStringList { "2023-11-14T09:30:00Z" }
                                             << QStringList { "14.11.2023" } << "";
        QTest::newRow("date unix") << with(Kind::Date, "unix") << QStringList { "2023-11-14T09:30:00Z" }
                                   << QStringList { "1699954200" } << "";
        QTest::newRow("date in Moscow")
            << with(Kind::Date, "dd.MM.yyyy HH:mm", "Europe/Moscow") << QStringList { "2023-11-14T22:30:00Z" }
            << QStringList { "15.11.2023 01:30" } << "";
        QTest::newRow("date from Russian form")
            << with(Kind::Date, "yyyy-MM-dd") << QStringList { "14.11.2023" } << QStringList { "2023-11-14" }
            << "";
        QTest::newRow("date from unix seconds")
            << with(Kind::Date, "yyyy-MM-dd HH:mm") << QStringList { "1699954200" }
            << QStringList { "2023-11-14 09:30" } << "";
        QTest::newRow("date garbage") << with(Kind::Date) << QStringList { QStringLiteral("вчера") }
                                      << QStringList() << QStringLiteral("“вчера” is not a date");
        QTest::newRow("phone 8") << with(Kind::Phone) << QStringList { "8 (912) 345-67-89" }
                                 << QStringList { "+79123456789" } << "";
        QTest::newRow("phone duplicates merged")
            << with(Kind::Phone) << QStringList { "+7 912 345 67 89", "89123456789" }
            << QStringList { "+79123456789" } << "";
        QTest::newRow("phone region BY") << with(Kind::Phone, "BY") << QStringList { "8 029 123-45-67" }
                                         << QStringList { "+375291234567" } << "";
        QTest::newRow("phone garbage")
            << with(Kind::Phone) << QStringList { QStringLiteral("позвоните") } << QStringList()
            << QStringLiteral("“позвоните” is not a phone number");
        QTest::newRow("email") << with(Kind::Email) << QStringList { " Anna@Shop.Example " }
                               << QStringList { "anna@shop.example" } << "";
        QTest::newRow("email garbage") << with(Kind::Email) << QStringList { "anna" } << QStringList()
                                       << QStringLiteral("“anna” is not an email address");
        QTest::newRow("join default") << with(Kind::Join) << QStringList { "Кофе", " ", "Чай " }
                                      << QStringList { QStringLiteral("Кофе, Чай") } << "";
        QTest::newRow("join separator")
            << with(Kind::Join, " | ") << QStringList { "a", "b" } << QStringList { "a | b" } << "";
        QTest::newRow("join nothing") << with(Kind::Join) << QStringList() << QStringList() << "";
        QTest::newRow("constant") << with(Kind::Constant, "Сайт") << QStringList { "ignored" }
                                  << QStringList { QStringLiteral("Сайт") } << "";
        QTest::newRow("lookup hit") << Transform::lookup(table) << QStringList { QStringLiteral("Курьер") }
                                    << QStringList { "1021" } << "";
        QTest::newRow("lookup case and spaces")
            << Transform::lookup(table) << QStringList { QStringLiteral(" самовывоз ") }
            << QStringList { "1022" } << "";
        QTest::newRow("lookup default")
            << Transform::lookup(table, QStringLiteral("1023")) << QStringList { QStringLiteral("Почта") }
            << QStringList { "1023" } << "";
        QTest::newRow("lookup miss") << Transform::lookup(table) << QStringList { QStringLiteral("Почта") }
                                     << QStringList() << QStringLiteral("“Почта” is not in the lookup table");
    }

    void apply()
    {
        QFETCH(Transform, transform);
        QFETCH(QStringList, input);
        QFETCH(QStringList, expected);
        QFETCH(QString, error);
        const auto result = transform.apply(input, resolve);
        if (!error.isEmpty()) {
            QVERIFY(!result);
            QCOMPARE(result.error().message, error);
            QCOMPARE(result.error().kind, Common::ErrorKind::InvalidInput);
            return;
        }
        QVERIFY2(result, qPrintable(result ? QString() : result.error().message));
        QCOMPARE(result.value(), expected);
    }

    void jsonRoundTrip_data() { apply_data(); }

    void jsonRoundTrip()
    {
        QFETCH(Transform, transform);
        const QJsonObject json = transform.toJson();
        const auto back = Transform::fromJson(QJsonDocument::fromJson(QJsonDocument(json).toJson()).object());
        QVERIFY(back);
        QCOMPARE(back.value(), transform);
    }

    void fromJsonRejects_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("unknown kind") << QByteArray(R"({"kind":"uppercase"})");
        QTest::newRow("bad time zone") << QByteArray(R"({"kind":"date","time_zone":"Mars/Olympus"})");
    }

    void fromJsonRejects()
    {
        QFETCH(QByteArray, json);
        QVERIFY(!Transform::fromJson(QJsonDocument::fromJson(json).object()));
    }

    void placeholders()
    {
        QCOMPARE(Mapping::templatePlaceholders(QStringLiteral("Заказ #{order.num} от {customer.name} {x}")),
                 (QStringList { "order.num", "customer.name" }));
        QCOMPARE(with(Kind::Template, QStringLiteral("{form.Телефон}")).placeholders(),
                 QStringList { QStringLiteral("form.Телефон") });
        QCOMPARE(with(Kind::Trim, QStringLiteral("{order.num}")).placeholders(), QStringList());
    }
};

QTEST_GUILESS_MAIN(TestTransform)
#include "tst_Transform.moc"
