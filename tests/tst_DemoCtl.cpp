// SPDX-License-Identifier: GPL-3.0-or-later
// `crmbridgectl demo` as a newcomer runs it: a sandbox CRM, a demo shop and the engine, ending with a
// summary of what reached the CRM; without a secret service, and without a secret left on disk.
#include "CtlProcess.h"
#include "TestEnv.h"
#include "storage/Database.h"
#include "storage/Sql.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>

class TestDemoCtl : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;

    /** Started as runCtl does, without a session bus or a display: no keychain, no browser. */
    void start(QProcess &process, const QStringList &args)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("DISPLAY"));
        env.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(CRMBRIDGECTL_PATH), QStringList { QStringLiteral("demo") } + args);
        QVERIFY(process.waitForStarted(10000));
    }

    struct Summary
    {
        int deals = -1, contacts = -1, notes = -1, orders = -1;
    };
    static Summary summaryOf(const QString &out)
    {
        static const QRegularExpression s_line(QStringLiteral(
            "Summary: (\\d+) deals, (\\d+) contacts and (\\d+) notes reached the CRM from (\\d+) "
            "shop orders"));
        const auto match = s_line.match(out);
        if (!match.hasMatch())
            return {};
        return { match.captured(1).toInt(), match.captured(2).toInt(), match.captured(3).toInt(),
                 match.captured(4).toInt() };
    }

    /** Orders linked to a deal in the demo's own store. */
    int linkedOrders(const QString &dir)
    {
        auto db
            = Storage::Database::open(QStringLiteral("sqlite://") + dir + QStringLiteral("/crmbridge.db"));
        if (!db)
            return -1;
        auto n = Storage::Sql::scalar(*db.value(),
                                      QStringLiteral("SELECT COUNT(*) FROM entity_links"
                                                     " WHERE source_kind = 'order'"));
        return n ? n->toInt() : -1;
    }

private Q_SLOTS:
    void ordersEndTheDemoWithASummary()
    {
        const QString dir = m_dir.filePath(QStringLiteral("fifty"));
        const TestSupport::CtlRun run
            = TestSupport::runCtl(QStringLiteral(CRMBRIDGECTL_PATH),
                                  { QStringLiteral("demo"), QStringLiteral("--orders"), QStringLiteral("50"),
                                    QStringLiteral("--dir"), dir },
                                  {}, 60000);
        const QString &out = run.out;
        const QString &err = run.err;
        QVERIFY2(run.exitCode == 0, qPrintable(out + err));
        const Summary summary = summaryOf(out);
        QVERIFY2(summary.deals == 50, qPrintable(out));
        QCOMPARE(summary.notes, 50);
        QCOMPARE(summary.orders, 50);
        // Returning customers are one contact each.
        QVERIFY2(summary.contacts > 0 && summary.contacts < 50, qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("50 of 50 orders are deals")), qPrintable(out));
        QCOMPARE(linkedOrders(dir), 50);

        // The sandbox's credentials were only in memory: not in the store, not in the output.
        const QByteArray clientSecret = QByteArrayLiteral("sbxSecret0123456789");
        QFile store(dir + QStringLiteral("/crmbridge.db"));
        QVERIFY(store.open(QIODevice::ReadOnly));
        QVERIFY(!store.readAll().contains(clientSecret));
        QVERIFY(!(out + err).toUtf8().contains(clientSecret));
    }

    void interruptEndsTheDemoWithASummary()
    {
        const QString dir = m_dir.filePath(QStringLiteral("interrupted"));
        QProcess process;
        start(process, { QStringLiteral("--dir"), dir, QStringLiteral("--every"), QStringLiteral("0.2") });
        QString out;
        static const QRegularExpression s_progress(
            QStringLiteral("\\b([1-9]\\d*) of (\\d+) orders are deals"));
        QTRY_VERIFY_WITH_TIMEOUT(
            (out += QString::fromUtf8(process.readAllStandardOutput()), s_progress.match(out).hasMatch()),
            30000);
        ::kill(pid_t(process.processId()), SIGINT);
        QVERIFY2(process.waitForFinished(30000), "SIGINT did not end the demo");
        out += QString::fromUtf8(process.readAllStandardOutput());
        QVERIFY2(process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0,
                 qPrintable(out + QString::fromUtf8(process.readAllStandardError())));
        const Summary summary = summaryOf(out);
        QVERIFY2(summary.deals > 0, qPrintable(out));
        // Every deal the CRM got is an order the store knows it sent: nothing in flight was lost.
        QCOMPARE(summary.deals, linkedOrders(dir));
        QVERIFY(summary.orders >= 300);
    }
};

QTEST_GUILESS_MAIN(TestDemoCtl)
#include "tst_DemoCtl.moc"
