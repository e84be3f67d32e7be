// SPDX-License-Identifier: GPL-3.0-or-later
// `crmbridgectl demo` as a newcomer runs it: a sandbox CRM (amoCRM, or RetailCRM with --crm retailcrm), a
// demo shop and the engine, ending with a summary of what reached the CRM; without a secret service, and
// without a secret left on disk. On RetailCRM a manager's change comes back to the shop, and the shop's
// ICML catalogue is served.
#include "CtlProcess.h"
#include "TestEnv.h"
#include "storage/Database.h"
#include "storage/Sql.h"

#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
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

    /** One value from one of the demo's SQLite files (crmbridge.db, shop.db); invalid if it cannot. */
    static QVariant scalar(const QString &file, const QString &sql, const QVariantList &binds = {})
    {
        auto db = Storage::Database::open(QStringLiteral("sqlite://") + file);
        if (!db)
            return {};
        auto value = Storage::Sql::scalar(*db.value(), sql, binds);
        return value ? value.value() : QVariant();
    }

    /** Orders linked to a deal in the demo's own store. */
    int linkedOrders(const QString &dir)
    {
        const QVariant n
            = scalar(dir + QStringLiteral("/crmbridge.db"),
                     QStringLiteral("SELECT COUNT(*) FROM entity_links WHERE source_kind = 'order'"));
        return n.isValid() ? n.toInt() : -1;
    }

    /** The secret is nowhere on disk and not in what the demo printed. */
    static void verifyNoSecret(const QString &dir, const QString &printed, const QByteArray &secret)
    {
        QFile store(dir + QStringLiteral("/crmbridge.db"));
        QVERIFY(store.open(QIODevice::ReadOnly));
        QVERIFY(!store.readAll().contains(secret));
        QVERIFY(!printed.toUtf8().contains(secret));
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
        verifyNoSecret(dir, out + err, QByteArrayLiteral("sbxSecret0123456789"));
    }

    void retailCrmOrdersEndTheDemoWithASummary()
    {
        const QString dir = m_dir.filePath(QStringLiteral("retail"));
        const TestSupport::CtlRun run = TestSupport::runCtl(
            QStringLiteral(CRMBRIDGECTL_PATH),
            { QStringLiteral("demo"), QStringLiteral("--crm"), QStringLiteral("retailcrm"),
              QStringLiteral("--orders"), QStringLiteral("20"), QStringLiteral("--dir"), dir },
            {}, 60000);
        QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
        static const QRegularExpression s_summary(QStringLiteral(
            "Summary: (\\d+) orders and (\\d+) customers reached the CRM from (\\d+) shop orders"));
        const auto summary = s_summary.match(run.out);
        QVERIFY2(summary.hasMatch(), qPrintable(run.out));
        // 20 orders in the sandbox from 20 shop orders, and the store linked each one once.
        QCOMPARE(summary.captured(1).toInt(), 20);
        QCOMPARE(summary.captured(3).toInt(), 20);
        QCOMPARE(linkedOrders(dir), 20);
        // Returning customers are one customer each.
        const int customers = summary.captured(2).toInt();
        QVERIFY2(customers > 0 && customers < 20, qPrintable(run.out));
        QVERIFY2(run.out.contains(QStringLiteral("RetailCRM sandbox: http://127.0.0.1:")),
                 qPrintable(run.out));
        QVERIFY2(run.out.contains(QStringLiteral("20 of 20 orders are in RetailCRM")), qPrintable(run.out));
        // The API key was only in memory.
        verifyNoSecret(dir, run.out + run.err, QByteArrayLiteral("sbxRetailKey0123456789abcdefGHIJ"));
    }

    void retailCrmManagersMoveComesBackAndTheCatalogueIsServed()
    {
        const QString dir = m_dir.filePath(QStringLiteral("retail-live"));
        QProcess process;
        start(process,
              { QStringLiteral("--crm"), QStringLiteral("retailcrm"), QStringLiteral("--dir"), dir,
                QStringLiteral("--every"), QStringLiteral("0.3") });
        QString out;
        auto read = [&] { return out += QString::fromUtf8(process.readAllStandardOutput()); };
        static const QRegularExpression s_catalogue(QStringLiteral("ICML catalogue of the demo shop \\(for "
                                                                   "RetailCRM\\): (http://\\S+)"));
        QTRY_VERIFY_WITH_TIMEOUT((read(), s_catalogue.match(out).hasMatch()), 20000);

        // The catalogue RetailCRM would download: the shop's offers as ICML.
        QNetworkAccessManager network;
        network.setProxy(QNetworkProxy::NoProxy);
        QNetworkReply *reply = network.get(QNetworkRequest(QUrl(s_catalogue.match(out).captured(1))));
        QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 10000);
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        const QByteArray icml = reply->readAll();
        reply->deleteLater();
        QVERIFY2(icml.contains("<yml_catalog") && icml.contains("<offer "), icml.left(300).constData());

        // A manager sends an order to delivery in the CRM; back-sync brings that status to the shop.
        static const QRegularExpression s_moved(
            QStringLiteral("a manager sent order (\\S+) to delivery in RetailCRM"));
        QTRY_VERIFY_WITH_TIMEOUT((read(), s_moved.match(out).hasMatch()), 30000);
        const QString number = s_moved.match(out).captured(1);
        const QString shop = dir + QStringLiteral("/shop.db");
        const QString statusOf = QStringLiteral("SELECT status FROM modx_ms2_orders WHERE num = ?");
        // 3 is the demo shop's "Отправлен", mapped to send-to-delivery.
        QTRY_COMPARE_WITH_TIMEOUT(scalar(shop, statusOf, { number }).toInt(), 3, 20000);

        ::kill(pid_t(process.processId()), SIGINT);
        QVERIFY2(process.waitForFinished(30000), "SIGINT did not end the demo");
        read();
        QVERIFY2(process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0,
                 qPrintable(out + QString::fromUtf8(process.readAllStandardError())));
        QVERIFY2(out.contains(QStringLiteral("Summary: ")), qPrintable(out));
        verifyNoSecret(dir, out, QByteArrayLiteral("sbxRetailKey0123456789abcdefGHIJ"));
    }

    /** The demo on MoySklad (seed 003): the camera shop's sales to private buyers and its customer order
     *  reach amoCRM once each, each buyer one contact; a sale to a company does not. */
    void moySkladShopReachesAmoCrm()
    {
        const QString dir = m_dir.filePath(QStringLiteral("moysklad"));
        const TestSupport::CtlRun run = TestSupport::runCtl(
            QStringLiteral(CRMBRIDGECTL_PATH),
            { QStringLiteral("demo"), QStringLiteral("--shop"), QStringLiteral("moysklad"),
              QStringLiteral("--orders"), QStringLiteral("16"), QStringLiteral("--dir"), dir,
              QStringLiteral("--every"), QStringLiteral("0.5") },
            {}, 60000);
        QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
        QVERIFY2(run.out.contains(QStringLiteral("demo shop (MoySklad sandbox at http://127.0.0.1:")),
                 qPrintable(run.out));
        const Summary summary = summaryOf(run.out);
        QVERIFY2(summary.deals == 16 && summary.orders == 16, qPrintable(run.out));
        // The seed's four private buyers and the till's new ones (every fifth sale): fewer than the sales.
        QVERIFY2(summary.contacts >= 4 && summary.contacts < 16, qPrintable(run.out));
        QCOMPARE(linkedOrders(dir), 16);
    }

    /** The demo on a 1C-Bitrix shop: its orders reach amoCRM once each; on RetailCRM a manager's move
     *  to delivery comes back as the Bitrix status «Отправлен» with its history row. */
    void bitrixShopReachesAmoCrmAndRetailCrm()
    {
        const QString dir = m_dir.filePath(QStringLiteral("bitrix"));
        const TestSupport::CtlRun run = TestSupport::runCtl(
            QStringLiteral(CRMBRIDGECTL_PATH),
            { QStringLiteral("demo"), QStringLiteral("--shop"), QStringLiteral("bitrix"),
              QStringLiteral("--orders"), QStringLiteral("30"), QStringLiteral("--dir"), dir },
            {}, 60000);
        QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
        QVERIFY2(run.out.contains(QStringLiteral("demo shop (1C-Bitrix on SQLite)")), qPrintable(run.out));
        const Summary summary = summaryOf(run.out);
        QVERIFY2(summary.deals == 30 && summary.orders == 30, qPrintable(run.out));
        QVERIFY2(summary.contacts > 0 && summary.contacts < 30, qPrintable(run.out));
        QCOMPARE(linkedOrders(dir), 30);
        QCOMPARE(scalar(dir + QStringLiteral("/shop.db"), QStringLiteral("SELECT COUNT(*) FROM b_sale_order"))
                     .toInt(),
                 30);

        const QString live = m_dir.filePath(QStringLiteral("bitrix-retail"));
        QProcess process;
        start(process,
              { QStringLiteral("--shop"), QStringLiteral("bitrix"), QStringLiteral("--crm"),
                QStringLiteral("retailcrm"), QStringLiteral("--dir"), live, QStringLiteral("--every"),
                QStringLiteral("0.3") });
        QString out;
        auto read = [&] { return out += QString::fromUtf8(process.readAllStandardOutput()); };
        static const QRegularExpression s_moved(
            QStringLiteral("a manager sent order (\\S+) to delivery in RetailCRM"));
        QTRY_VERIFY_WITH_TIMEOUT((read(), s_moved.match(out).hasMatch()), 40000);
        const QString number = s_moved.match(out).captured(1);
        const QString shop = live + QStringLiteral("/shop.db");
        QTRY_COMPARE_WITH_TIMEOUT(
            scalar(shop, QStringLiteral("SELECT STATUS_ID FROM b_sale_order WHERE ACCOUNT_NUMBER = ?"),
                   { number })
                .toString(),
            QStringLiteral("S"), 20000);
        QCOMPARE(
            scalar(shop,
                   QStringLiteral(
                       "SELECT COUNT(*) FROM b_sale_order_change c JOIN b_sale_order o ON o.ID = c.ORDER_ID"
                       " WHERE o.ACCOUNT_NUMBER = ? AND c.DATA LIKE '%\"S\"%'"),
                   { number })
                .toInt(),
            1);
        ::kill(pid_t(process.processId()), SIGINT);
        QVERIFY2(process.waitForFinished(30000), "SIGINT did not end the demo");
        read();
        QVERIFY2(process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0, qPrintable(out));
        QVERIFY2(!out.contains(QStringLiteral("failed")), qPrintable(out));
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
