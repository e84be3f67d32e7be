// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/PhoneNumber.h"

#include <QTest>

using Common::PhoneNumber;

/** Phone numbers as Russian shoppers type them become one E.164 number; garbage is refused. */
class TestPhoneNumber : public QObject
{
    Q_OBJECT

private slots:
    void toE164_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("region");
        QTest::addColumn<QString>("expected"); // empty: an error

        const QString ru = QStringLiteral("RU");
        const QString e164 = QStringLiteral("+79123456789");
        QTest::newRow("8 with brackets and dashes") << "8 (912) 345-67-89" << ru << e164;
        QTest::newRow("+7 with spaces") << "+7 912 3456789" << ru << e164;
        QTest::newRow("7 without plus") << "79123456789" << ru << e164;
        QTest::newRow("8 plain") << "89123456789" << ru << e164;
        QTest::newRow("ten digits") << "9123456789" << ru << e164;
        QTest::newRow("+7 brackets") << "+7(912)345-67-89" << ru << e164;
        QTest::newRow("dots") << "8.912.345.67.89" << ru << e164;
        QTest::newRow("surrounding spaces") << "  +7 912 345 67 89  " << ru << e164;
        QTest::newRow("no-break spaces")
            << QStringLiteral("+7\u00a0912\u00a0345\u00a067\u00a089") << ru << e164;
        QTest::newRow("extension dropped") << QStringLiteral("8 (912) 345-67-89 доб. 12") << ru << e164;
        QTest::newRow("Moscow landline") << "8 (495) 123-45-67" << ru << "+74951234567";
        QTest::newRow("Kazakhstan in full") << "+7 701 123 4567" << ru << "+77011234567";
        QTest::newRow("Belarus in full") << "+375 29 123-45-67" << ru << "+375291234567";
        QTest::newRow("Belarus national, BY") << "8 029 123-45-67"
                                              << "BY"
                                              << "+375291234567";
        QTest::newRow("empty region reads only +") << "+7 912 345 67 89" << QString() << e164;
        QTest::newRow("empty") << "" << ru << "";
        QTest::newRow("spaces") << "   " << ru << "";
        QTest::newRow("too short") << "12345" << ru << "";
        QTest::newRow("too long") << "8 912 345 67 89 00 11" << ru << "";
        QTest::newRow("words") << QStringLiteral("позвоните после 18:00") << ru << "";
        QTest::newRow("name in phone box") << QStringLiteral("Мария") << ru << "";
        QTest::newRow("email in phone box") << "maria@example.ru" << ru << "";
        QTest::newRow("vanity letters") << "8-800-FLOWERS" << ru << "";
        QTest::newRow("all zeros") << "+7 000 000 00 00" << ru << "";
    }

    void toE164()
    {
        QFETCH(QString, text);
        QFETCH(QString, region);
        QFETCH(QString, expected);
        const auto result = PhoneNumber::toE164(text, region);
        if (expected.isEmpty()) {
            QVERIFY2(!result, qPrintable(result ? result.value() : QString()));
            QCOMPARE(result.error().kind, Common::ErrorKind::InvalidInput);
            QCOMPARE(result.error().code, QStringLiteral("phone"));
        } else {
            QVERIFY2(result, qPrintable(result ? QString() : result.error().message));
            QCOMPARE(result.value(), expected);
        }
    }

    void defaultRegionIsRussia()
    {
        QCOMPARE(PhoneNumber::toE164(QStringLiteral("8 912 345 67 89")).value(), "+79123456789");
    }

    void normaliseEmail_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        QTest::newRow("lower-cased") << "Petr.Ivanov@Example.RU"
                                     << "petr.ivanov@example.ru";
        QTest::newRow("trimmed") << "  anna@shop.example \n"
                                 << "anna@shop.example";
        QTest::newRow("mailto") << "mailto:Anna@Shop.Example"
                                << "anna@shop.example";
        QTest::newRow("plus tag kept") << "anna+shop@mail.ru"
                                       << "anna+shop@mail.ru";
        QTest::newRow("cyrillic domain")
            << QStringLiteral("Мария@Почта.РФ") << QStringLiteral("мария@почта.рф");
        QTest::newRow("empty") << ""
                               << "";
        QTest::newRow("no at") << "anna.shop.example"
                               << "";
        QTest::newRow("two ats") << "anna@@shop.example"
                                 << "";
        QTest::newRow("no domain dot") << "anna@localhost"
                                       << "";
        QTest::newRow("two addresses") << "a@b.ru, c@d.ru"
                                       << "";
        QTest::newRow("space inside") << "anna @shop.example"
                                      << "";
    }

    void normaliseEmail()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        QCOMPARE(Common::normaliseEmail(text), expected);
    }
};

QTEST_GUILESS_MAIN(TestPhoneNumber)
#include "tst_PhoneNumber.moc"
