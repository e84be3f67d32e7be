// SPDX-License-Identifier: GPL-3.0-or-later
// crmbridgectl source / demo-shop / import as an operator runs them: real processes, a real MariaDB.
#include "MariaDbServer.h"
#include "TestEnv.h"
#include "secrets/SecretKey.h"
#include "source/intake/FormEndpointRepo.h"
#include "storage/Database.h"
#include "storage/Sql.h"
#include "store/ConnectionRepo.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using TestSupport::MariaDbServer;

namespace {

struct Run
{
    int code = -1;
    QString out;
    QString err;
};

/** The crmbridgectl under test; CRMBRIDGECTL overrides the build's (to try a locally patched one). */
QString ctlPath()
{
    return qEnvironmentVariable("CRMBRIDGECTL", QStringLiteral(CRMBRIDGECTL_PATH));
}

Run ctl(const QStringList &args, const QByteArray &stdinBytes = {})
{
    QProcess process;
    process.start(ctlPath(), args);
    Run run;
    if (!process.waitForStarted(10000))
        return run;
    process.write(stdinBytes);
    process.closeWriteChannel();
    if (!process.waitForFinished(60000))
        return run;
    run.code = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

} // namespace

class TestSourceCtl : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_store;
    QString m_keyFile;

    QStringList withStore(const QStringList &args) const
    {
        return QStringList { QStringLiteral("--database"), m_store } + args;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(MariaDbServer::instance().ok(), qPrintable(MariaDbServer::instance().error()));
        const Run help = ctl({ QStringLiteral("--help") });
        if (!help.out.contains(QStringLiteral("demo-shop")))
            QFAIL("crmbridgectl has no source commands: register Ctl::sourceCommand(), "
                  "Ctl::demoShopCommand(), Ctl::importCommand() and "
                  "Ctl::formCommand() in app/crmbridgectl/main.cpp");
        m_store = QStringLiteral("sqlite://") + m_dir.filePath(QStringLiteral("store.db"));
        m_keyFile = m_dir.filePath(QStringLiteral("secret.key"));
        QVERIFY_OK(Secrets::SecretKey::generateFile(m_keyFile));
    }

    void demoShopOnSqliteThenSourceCommands()
    {
        const QString shop = QStringLiteral("sqlite://") + m_dir.filePath(QStringLiteral("shop.db"));
        const Run demo = ctl({ QStringLiteral("demo-shop"), QStringLiteral("--database"), shop,
                               QStringLiteral("--orders"), QStringLiteral("60") });
        QCOMPARE(demo.code, 0);
        QVERIFY2(demo.out.contains(QStringLiteral("60 orders")), qPrintable(demo.out));
        const Run again = ctl({ QStringLiteral("demo-shop"), QStringLiteral("--database"), shop });
        QCOMPARE(again.code, 1); // never over an existing shop
        QVERIFY2(again.err.contains(QStringLiteral("already exists")), qPrintable(again.err));

        const Run add = ctl(withStore({ QStringLiteral("source"), QStringLiteral("add"),
                                        QStringLiteral("minishop2"), QStringLiteral("demo"),
                                        QStringLiteral("--url"), shop, QStringLiteral("--from-start") }));
        QCOMPARE(add.code, 0);
        const Run test
            = ctl(withStore({ QStringLiteral("source"), QStringLiteral("test"), QStringLiteral("demo") }));
        QCOMPARE(test.code, 0);
        QVERIFY2(test.out.contains(QStringLiteral("Orders: 60")), qPrintable(test.out));
        QVERIFY(test.out.contains(QStringLiteral("Statuses: 5")));
        QVERIFY(test.out.contains(QStringLiteral("Categories: 15")));
        const Run missing
            = ctl(withStore({ QStringLiteral("source"), QStringLiteral("test"), QStringLiteral("nope") }));
        QCOMPARE(missing.code, 1);
        QVERIFY(missing.err.contains(QStringLiteral("No source named")));
    }

    void mariaDbSourceKeepsItsPasswordInTheSecretStore()
    {
        auto created = MariaDbServer::instance().createDatabase(QStringLiteral("ctl"));
        QVERIFY_OK(created);
        const QString url = created.value();
        const Run demo = ctl({ QStringLiteral("demo-shop"), QStringLiteral("--database"), url,
                               QStringLiteral("--orders"), QStringLiteral("25"), QStringLiteral("--layout"),
                               QStringLiteral("3"), QStringLiteral("--password-stdin") },
                             MariaDbServer::instance().password().toUtf8() + '\n');
        QCOMPARE(demo.code, 0);
        QVERIFY2(demo.out.contains(QStringLiteral("3.x demo shop")), qPrintable(demo.out + demo.err));

        const QStringList add { QStringLiteral("source"),
                                QStringLiteral("add"),
                                QStringLiteral("minishop2"),
                                QStringLiteral("shop"),
                                QStringLiteral("--url"),
                                url,
                                QStringLiteral("--secret-key-file"),
                                m_keyFile };
        const Run wrong = ctl(withStore(add), "not-the-password\n");
        QCOMPARE(wrong.code, 1);
        QVERIFY2(wrong.err.contains(QStringLiteral("Access denied")), qPrintable(wrong.err));
        const Run inUrl = ctl(withStore(
            { QStringLiteral("source"), QStringLiteral("add"), QStringLiteral("minishop2"),
              QStringLiteral("x"), QStringLiteral("--url"), MariaDbServer::instance().withPassword(url) }));
        QCOMPARE(inUrl.code, 2);

        const Run added = ctl(withStore(add), MariaDbServer::instance().password().toUtf8() + '\n');
        QCOMPARE(added.code, 0);
        QVERIFY2(added.out.contains(QStringLiteral("3.x layout")), qPrintable(added.out + added.err));
        const Run list = ctl(withStore({ QStringLiteral("source"), QStringLiteral("list") }));
        QCOMPARE(list.code, 0);
        QVERIFY2(list.out.contains(QStringLiteral("shop")) && list.out.contains(url), qPrintable(list.out));

        const Run test
            = ctl(withStore({ QStringLiteral("source"), QStringLiteral("test"), QStringLiteral("shop"),
                              QStringLiteral("--secret-key-file"), m_keyFile }));
        QVERIFY2(test.code == 0, qPrintable(test.err));
        QVERIFY2(test.out.contains(QStringLiteral("Orders: 25")), qPrintable(test.out + test.err));
        // Another key cannot open the password.
        const QString otherKey = m_dir.filePath(QStringLiteral("other.key"));
        QVERIFY_OK(Secrets::SecretKey::generateFile(otherKey));
        const Run wrongKey
            = ctl(withStore({ QStringLiteral("source"), QStringLiteral("test"), QStringLiteral("shop"),
                              QStringLiteral("--secret-key-file"), otherKey }));
        QCOMPARE(wrongKey.code, 1);
        QVERIFY(!wrongKey.out.contains(QStringLiteral("Orders:")));

        QFile store(m_dir.filePath(QStringLiteral("store.db")));
        QVERIFY(store.open(QIODevice::ReadOnly));
        QVERIFY(!store.readAll().contains(MariaDbServer::instance().password().toUtf8()));
        auto db = Storage::Database::open(m_store);
        QVERIFY_OK(db);
        auto secrets = Storage::Sql::scalar(
            *db.value(), QStringLiteral("SELECT COUNT(*) FROM secrets WHERE scope = 'source:shop'"));
        QCOMPARE(secrets->toInt(), 1);
    }

    /** A cp1251 Bitrix shop on MariaDB: demo-shop --kind bitrix, source add bitrix --site, source test. */
    void bitrixShopOnMariaDb()
    {
        auto created = MariaDbServer::instance().createDatabase(QStringLiteral("bx"));
        QVERIFY_OK(created);
        const QString url = created.value();
        const QByteArray password = MariaDbServer::instance().password().toUtf8() + '\n';
        const Run demo = ctl({ QStringLiteral("demo-shop"), QStringLiteral("--kind"),
                               QStringLiteral("bitrix"), QStringLiteral("--database"), url,
                               QStringLiteral("--orders"), QStringLiteral("30"), QStringLiteral("--charset"),
                               QStringLiteral("cp1251"), QStringLiteral("--password-stdin") },
                             password);
        QCOMPARE(demo.code, 0);
        QVERIFY2(demo.out.contains(QStringLiteral("1C-Bitrix demo shop"))
                     && demo.out.contains(QStringLiteral("30 orders"))
                     && demo.out.contains(QStringLiteral("cp1251")),
                 qPrintable(demo.out + demo.err));
        const Run added
            = ctl(withStore({ QStringLiteral("source"), QStringLiteral("add"), QStringLiteral("bitrix"),
                              QStringLiteral("bx"), QStringLiteral("--url"), url, QStringLiteral("--site"),
                              QStringLiteral("s1"), QStringLiteral("--secret-key-file"), m_keyFile }),
                  password);
        QVERIFY2(added.code == 0, qPrintable(added.out + added.err));
        QVERIFY2(added.out.contains(QStringLiteral("30 orders"))
                     && added.out.contains(QStringLiteral("site s1")),
                 qPrintable(added.out));
        const Run test
            = ctl(withStore({ QStringLiteral("source"), QStringLiteral("test"), QStringLiteral("bx"),
                              QStringLiteral("--secret-key-file"), m_keyFile }));
        QVERIFY2(test.code == 0, qPrintable(test.err));
        QVERIFY2(test.out.contains(QStringLiteral("Orders: 30")), qPrintable(test.out));
        QVERIFY(test.out.contains(QStringLiteral("Statuses: 4")));
        QVERIFY(test.out.contains(QStringLiteral("Categories: 10")));
        QVERIFY(test.out.contains(QStringLiteral("cp1251")));
        QVERIFY2(test.out.contains(QStringLiteral("Физическое лицо (1), Юридическое лицо (2, legal entity)")),
                 qPrintable(test.out));
        QVERIFY(test.out.contains(QStringLiteral("18 order properties")));
        const Run wrongKind
            = ctl(withStore({ QStringLiteral("source"), QStringLiteral("add"), QStringLiteral("joomla"),
                              QStringLiteral("j"), QStringLiteral("--url"), url }));
        QCOMPARE(wrongKind.code, 2);
    }

    void formAddGivesASecretTheIntakeAccepts()
    {
        const Run add
            = ctl(withStore({ QStringLiteral("form"), QStringLiteral("add"), QStringLiteral("callback") }));
        QCOMPARE(add.code, 0);
        const QString secret = add.out.section(QLatin1Char('\n'), 1, 1).trimmed();
        QVERIFY2(secret.size() >= 40, qPrintable(add.out));
        auto db = Storage::Database::open(m_store);
        QVERIFY_OK(db);
        using Check = Source::Intake::FormEndpointRepo::Check;
        QCOMPARE(Source::Intake::FormEndpointRepo(db.value())
                     .verify(QStringLiteral("callback"), secret.toUtf8())
                     .value(),
                 Check::Accepted);
        const Run list = ctl(withStore({ QStringLiteral("form"), QStringLiteral("list") }));
        QVERIFY(list.out.contains(QStringLiteral("callback")));
        QVERIFY(!list.out.contains(secret));
        const Run rotate = ctl(
            withStore({ QStringLiteral("form"), QStringLiteral("rotate"), QStringLiteral("callback") }));
        QCOMPARE(rotate.code, 0);
        QCOMPARE(Source::Intake::FormEndpointRepo(db.value())
                     .verify(QStringLiteral("callback"), secret.toUtf8())
                     .value(),
                 Check::WrongSecret);
    }

    void importDryRunThenImport()
    {
        const QString file
            = TestSupport::sourceDir() + QStringLiteral("/tests/fixtures/import/orders_cp1251.csv");
        const Run dry = ctl(withStore(
            { QStringLiteral("import"), QStringLiteral("orders"), file, QStringLiteral("--dry-run") }));
        QCOMPARE(dry.code, 3); // done, with skipped rows
        QVERIFY2(dry.out.contains(QStringLiteral("Dry run")), qPrintable(dry.out));
        QVERIFY(dry.out.contains(QStringLiteral("windows-1251")));
        QVERIFY(dry.out.contains(QStringLiteral("New: 3")));
        QVERIFY(dry.out.contains(QStringLiteral("line 5:")));
        const Run real = ctl(withStore({ QStringLiteral("import"), QStringLiteral("orders"), file }));
        QVERIFY(real.out.contains(QStringLiteral("Appended: 3")));
        const Run again = ctl(withStore({ QStringLiteral("import"), QStringLiteral("orders"), file }));
        QVERIFY(again.out.contains(QStringLiteral("Already in the outbox: 3")));
        QVERIFY(again.out.contains(QStringLiteral("Appended: 0")));
        const Run customers = ctl(withStore(
            { QStringLiteral("import"), QStringLiteral("customers"),
              TestSupport::sourceDir() + QStringLiteral("/tests/fixtures/import/customers_utf8.csv") }));
        QVERIFY2(customers.out.contains(QStringLiteral("Appended: 3")), qPrintable(customers.out));
        const Run bad = ctl(withStore({ QStringLiteral("import"), QStringLiteral("products"), file }));
        QCOMPARE(bad.code, 2);
    }

    /** Which CRMs a source sends to: every connection until it names some, then only those. */
    void targetsAreShownSetAndReset()
    {
        auto db = Storage::Database::open(m_store);
        QVERIFY_OK(db);
        for (const auto &[name, crm] :
             { std::pair { "amo", "amocrm" }, std::pair { "retail", "retailcrm" } }) {
            Store::Connection c;
            c.name = QLatin1String(name);
            c.crm = QLatin1String(crm);
            c.baseUrl = QStringLiteral("https://%1.example").arg(c.name);
            QVERIFY_OK(Store::ConnectionRepo(db.value()).add(c));
        }
        // The imports above were stored before any CRM was connected: they wait for one.
        const Run status = ctl(withStore({ QStringLiteral("status") }));
        QVERIFY2(status.out.contains(
                     QStringLiteral("Jobs for retail (connection 2): 0 pending, 0 done, 0 failed")),
                 qPrintable(status.out));
        QVERIFY2(status.out.contains(QStringLiteral("Waiting for a CRM connection: 6 jobs")),
                 qPrintable(status.out));
        const QStringList targets { QStringLiteral("source"), QStringLiteral("targets"),
                                    QStringLiteral("shop") };
        Run shown = ctl(withStore(targets));
        QCOMPARE(shown.code, 0);
        QCOMPARE(shown.out.trimmed(), QStringLiteral("shop sends to every enabled connection: amo, retail"));
        Run set = ctl(withStore(targets + QStringList { QStringLiteral("retail") }));
        QCOMPARE(set.code, 0);
        QCOMPARE(set.out.trimmed(), QStringLiteral("shop sends to its named connections: retail"));
        QCOMPARE(ctl(withStore(targets)).out, set.out);
        const Run unknown = ctl(withStore(targets + QStringList { QStringLiteral("nope") }));
        QCOMPARE(unknown.code, 1);
        QVERIFY2(unknown.err.contains(QStringLiteral("nope")), qPrintable(unknown.err));
        QCOMPARE(ctl(withStore(targets)).out, set.out);
        const Run all = ctl(withStore(targets + QStringList { QStringLiteral("--all") }));
        QCOMPARE(all.out, shown.out);

        // A disabled connection gets nothing new: the shop then sends to the other one only.
        const QStringList setRetail { QStringLiteral("connection"), QStringLiteral("set"),
                                      QStringLiteral("retail"), QStringLiteral("--enabled") };
        QCOMPARE(ctl(withStore(setRetail + QStringList { QStringLiteral("maybe") })).code, 2);
        const Run off = ctl(withStore(setRetail + QStringList { QStringLiteral("off") }));
        QCOMPARE(off.code, 0);
        QVERIFY2(off.out.contains(QStringLiteral("\"retail\" is disabled")), qPrintable(off.out));
        QCOMPARE(ctl(withStore(targets)).out.trimmed(),
                 QStringLiteral("shop sends to every enabled connection: amo"));
        const Run listed = ctl(withStore({ QStringLiteral("connection"), QStringLiteral("list") }));
        QVERIFY2(listed.out.contains(QRegularExpression(QStringLiteral("retail\\s+retailcrm\\s+disabled"))),
                 qPrintable(listed.out));
        QCOMPARE(ctl(withStore(setRetail + QStringList { QStringLiteral("on") })).code, 0);
        QCOMPARE(ctl(withStore(targets)).out, shown.out);
    }
};

QTEST_GUILESS_MAIN(TestSourceCtl)
#include "tst_SourceCtl.moc"
