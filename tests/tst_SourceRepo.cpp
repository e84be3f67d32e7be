// SPDX-License-Identifier: GPL-3.0-or-later
// The source registry, the echo guard and the form endpoints on SQLite and PostgreSQL (migration 3).
#include "DialectSuite.h"
#include "TestEnv.h"
#include "source/SourceRepo.h"
#include "source/intake/FormEndpointRepo.h"
#include "storage/Sql.h"
#include "store/EchoGuardRepo.h"

#include <QTest>

class TestSourceRepo : public TestSupport::DialectSuite
{
    Q_OBJECT
private:
    Common::ManualClock m_clock;

private Q_SLOTS:
    void sourcesHoldNoSecrets()
    {
        Source::SourceRepo repo(m_test->db(), &m_clock);
        Source::SourceRecord record;
        record.name = QStringLiteral("shop");
        record.kind = QStringLiteral("minishop2");
        record.url = QStringLiteral("mysql://modx@db.example.ru:3306/modx");
        record.config.insert(QStringLiteral("prefix"), QStringLiteral("modx_"));
        auto added = repo.add(record);
        QVERIFY_OK(added);
        QVERIFY(added->id > 0);
        QCOMPARE(added->config.value(QStringLiteral("prefix")).toString(), QStringLiteral("modx_"));
        QCOMPARE(repo.add(record).error().code, QStringLiteral("duplicate"));

        Source::SourceRecord withPassword = record;
        withPassword.name = QStringLiteral("other");
        withPassword.url = QStringLiteral("mysql://modx:hunter2@db.example.ru/modx");
        QCOMPARE(repo.add(withPassword).error().code, QStringLiteral("secret-in-config"));
        withPassword.url = record.url;
        withPassword.config.insert(QStringLiteral("password"), QStringLiteral("hunter2"));
        QVERIFY(!repo.add(withPassword).ok());

        record.config.insert(QStringLiteral("start"), QStringLiteral("beginning"));
        QVERIFY_OK(repo.update(record));
        QCOMPARE(repo.byName(QStringLiteral("shop"))->config.value(QStringLiteral("start")).toString(),
                 QStringLiteral("beginning"));
        QCOMPARE(repo.list()->size(), 1);
        QVERIFY_OK(repo.remove(QStringLiteral("shop")));
        QCOMPARE(repo.byName(QStringLiteral("shop")).error().kind, Common::ErrorKind::NotFound);
    }

    void echoMarksAreConsumedOnce()
    {
        Store::EchoGuardRepo echo(m_test->db(), &m_clock);
        auto mark = echo.expect(QStringLiteral("shop"), QStringLiteral("17"), QStringLiteral("2"));
        QVERIFY_OK(mark);
        QVERIFY_OK(echo.attach(mark.value(), QStringLiteral("501")));
        QCOMPARE(echo.consume(QStringLiteral("shop"), QStringLiteral("502"), QStringLiteral("17"),
                              QStringLiteral("2"))
                     .value(),
                 false); // another log row of the same change is not ours
        QCOMPARE(echo.consume(QStringLiteral("shop"), QStringLiteral("501"), QStringLiteral("17"),
                              QStringLiteral("2"))
                     .value(),
                 true);
        QCOMPARE(echo.consume(QStringLiteral("shop"), QStringLiteral("501"), QStringLiteral("17"),
                              QStringLiteral("2"))
                     .value(),
                 false);
        QCOMPARE(echo.consume(QStringLiteral("other"), QStringLiteral("501"), QStringLiteral("17"),
                              QStringLiteral("2"))
                     .value(),
                 false);

        // An unattached mark matches by order and status, for a while only.
        QVERIFY_OK(echo.expect(QStringLiteral("shop"), QStringLiteral("18"), QStringLiteral("3")));
        m_clock.advanceMs(Store::EchoGuardRepo::kUnattachedTtlMs + 1);
        QCOMPARE(echo.consume(QStringLiteral("shop"), QStringLiteral("600"), QStringLiteral("18"),
                              QStringLiteral("3"))
                     .value(),
                 false);
        QVERIFY_OK(echo.expect(QStringLiteral("shop"), QStringLiteral("18"), QStringLiteral("3")));
        QCOMPARE(echo.consume(QStringLiteral("shop"), QStringLiteral("601"), QStringLiteral("18"),
                              QStringLiteral("3"))
                     .value(),
                 true);
        auto discarded = echo.expect(QStringLiteral("shop"), QStringLiteral("19"), QStringLiteral("4"));
        QVERIFY_OK(echo.discard(discarded.value()));
        QCOMPARE(echo.consume(QStringLiteral("shop"), QStringLiteral("700"), QStringLiteral("19"),
                              QStringLiteral("4"))
                     .value(),
                 false);
        m_clock.advanceMs(1000);
        QCOMPARE(echo.prune(m_clock.nowMs()).value(), 2);
    }

    void formSecretsAreHashed()
    {
        Source::Intake::FormEndpointRepo forms(m_test->db(), &m_clock);
        auto secret = forms.create(QStringLiteral("callback"));
        QVERIFY_OK(secret);
        QVERIFY(secret->size() >= 40);
        using Check = Source::Intake::FormEndpointRepo::Check;
        QCOMPARE(forms.verify(QStringLiteral("callback"), secret->toUtf8()).value(), Check::Accepted);
        QCOMPARE(forms.verify(QStringLiteral("callback"), secret->toUtf8() + "x").value(),
                 Check::WrongSecret);
        QCOMPARE(forms.verify(QStringLiteral("nope"), secret->toUtf8()).value(), Check::UnknownForm);
        auto rotated = forms.rotateSecret(QStringLiteral("callback"));
        QVERIFY_OK(rotated);
        QCOMPARE(forms.verify(QStringLiteral("callback"), secret->toUtf8()).value(), Check::WrongSecret);
        QCOMPARE(forms.verify(QStringLiteral("callback"), rotated->toUtf8()).value(), Check::Accepted);
        QVERIFY(!forms.setSecret(QStringLiteral("short"), QStringLiteral("tooshort")).ok());
        QVERIFY(!forms.setSecret(QStringLiteral("bad name/"), QStringLiteral("long-enough-secret-123")).ok());
        auto stored
            = Storage::Sql::scalar(*m_test->db(), QStringLiteral("SELECT secret_hash FROM form_endpoints"));
        QVERIFY(!stored->toString().contains(rotated.value()));
        QCOMPARE(forms.list()->size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestSourceRepo)
#include "tst_SourceRepo.moc"
