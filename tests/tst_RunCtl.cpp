// SPDX-License-Identifier: GPL-3.0-or-later
// `crmbridgectl run` as a service operator uses it: the outbox drains into the amoCRM sandbox, a
// lane without a sign-in leaves the queue untouched, SIGTERM stops the engine cleanly.
#include "CtlProcess.h"
#include "TestDatabase.h"
#include "TestEnv.h"
#include "amocrm/AmoCrmSandbox.h"
#include "fixtures/amocrm/AmoTestKit.h"
#include "model/ShopEvent.h"
#include "model/ShopOrder.h"
#include "sandbox/tests/SandboxTestClient.h"
#include "secrets/SecretKey.h"
#include "source/SourceRepo.h"
#include "source/intake/FormEndpointRepo.h"
#include "source/minishop2/DemoShopGenerator.h"
#include "source/minishop2/ShopDb.h"
#include "storage/Database.h"
#include "store/JobRepo.h"
#include "store/SettingsRepo.h"

#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>

using Sandbox::AmoCrm::AmoCrmSandbox;
using Sandbox::AmoCrm::AmoSandboxOptions;
using Sandbox::Testing::SandboxTestClient;
using TestSupport::CtlRun;

class TestRunCtl : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_database;
    QString m_keyFile;
    std::unique_ptr<AmoCrmSandbox> m_sandbox;
    std::unique_ptr<SandboxTestClient> m_control;

    QStringList base() const
    {
        return { QStringLiteral("--database"), m_database, QStringLiteral("--secret-key-file"), m_keyFile };
    }

    CtlRun ctl(const QStringList &args, const QByteArray &stdinData = {}, int timeoutMs = 90000)
    {
        return TestSupport::runCtl(QStringLiteral(CRMBRIDGECTL_PATH), base() + args, stdinData, timeoutMs);
    }

    void enqueueOrders(int count)
    {
        auto db = Storage::Database::open(m_database);
        QVERIFY_OK(db);
        Store::JobRepo jobs(db.value());
        for (int n = 0; n < count; ++n) {
            Model::ShopOrder o;
            o.id = QString::number(700 + n);
            o.number = QStringLiteral("2311/%1").arg(700 + n);
            o.cost = 1990;
            o.customer.name = QStringLiteral("Анна Смирнова %1").arg(n % 5);
            o.customer.phone = QStringLiteral("8 (903) 555-00-%1").arg(10 + n % 5);
            Model::ShopEvent event;
            event.kind = Model::ShopEvent::Kind::OrderCreated;
            event.source = QStringLiteral("shop");
            event.entityId = o.id;
            Store::NewJob job;
            job.kind = Model::ShopEvent::kindName(event.kind);
            job.source = event.source;
            job.sourceRef = o.id;
            job.idempotencyKey = event.idempotencyKey();
            job.payload = o.toJson();
            job.reference = o.number;
            QVERIFY_OK(jobs.enqueue(job));
        }
    }

    int leads()
    {
        return m_control->get(QStringLiteral("/__sandbox/state")).object().value("leads").toArray().size();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_database = QStringLiteral("sqlite://") + m_dir.filePath(QStringLiteral("run.db"));
        m_keyFile = m_dir.filePath(QStringLiteral("secret.key"));
        QVERIFY_OK(Secrets::SecretKey::generateFile(m_keyFile));
        AmoSandboxOptions options;
        options.seed = QStringLiteral("demo");
        m_sandbox = std::make_unique<AmoCrmSandbox>(options);
        QString error;
        QVERIFY2(m_sandbox->start(&error), qPrintable(error));
        m_control = std::make_unique<SandboxTestClient>(m_sandbox->baseUrl());
        const auto call = [this](const QStringList &args, const QByteArray &in) { return ctl(args, in); };
        const CtlRun added = AmoTestKit::ctlAddConnection(call, QStringLiteral("shop"), *m_sandbox);
        QVERIFY2(added.exitCode == 0, qPrintable(added.err));
    }

    void withoutSignInTheQueueWaits()
    {
        enqueueOrders(3);
        const int before = leads();
        const CtlRun run = ctl({ QStringLiteral("run"), QStringLiteral("--once") });
        QCOMPARE(run.exitCode, 3);
        QVERIFY2(run.err.contains(QStringLiteral("paused")), qPrintable(run.err));
        QVERIFY(run.out.contains(QStringLiteral("3 pending")));
        QCOMPARE(leads(), before);
    }

    void runOnceDrainsTheQueue()
    {
        const auto call = [this](const QStringList &args, const QByteArray &in) { return ctl(args, in); };
        const CtlRun login = AmoTestKit::ctlLoginByCode(call, QStringLiteral("shop"), *m_control);
        QVERIFY2(login.exitCode == 0, qPrintable(login.err + login.out));
        enqueueOrders(20); // 3 of them were already queued: 20 in all
        const int before = leads();
        const CtlRun run = ctl({ QStringLiteral("run"), QStringLiteral("--once") });
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.out.contains(QStringLiteral("20 done")), qPrintable(run.out));
        QCOMPARE(leads() - before, 20);
        // Nothing due: a second run sends nothing more.
        const CtlRun again = ctl({ QStringLiteral("run"), QStringLiteral("--once") });
        QCOMPARE(again.exitCode, 0);
        QCOMPARE(leads() - before, 20);
    }

    void sigtermStopsCleanly()
    {
        QProcess process;
        TestSupport::prepareCtl(process, QStringLiteral(CRMBRIDGECTL_PATH),
                                base() + QStringList { QStringLiteral("run") });
        process.start();
        QVERIFY(process.waitForStarted(10000));
        QString log;
        // Running as a service: the lane reports itself, then idles.
        QTRY_VERIFY_WITH_TIMEOUT(
            (log += QString::fromUtf8(process.readAllStandardError())).contains(QStringLiteral("idle")),
            30000);
        ::kill(pid_t(process.processId()), SIGTERM);
        QVERIFY(process.waitForFinished(20000));
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), 0);
        log += QString::fromUtf8(process.readAllStandardError());
        QVERIFY2(log.contains(QStringLiteral("stopping")) && log.contains(QStringLiteral("stopped")),
                 qPrintable(log));
    }

    /** As a service it also watches the shop and takes web forms: both become deals without a nudge. */
    void serviceTakesShopOrdersAndForms()
    {
        auto db = Storage::Database::open(m_database);
        QVERIFY_OK(db);
        auto secret = Source::Intake::FormEndpointRepo(db.value()).create(QStringLiteral("callback"));
        QVERIFY_OK(secret);
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        const quint16 port = probe.serverPort();
        probe.close();
        QVERIFY_OK(Store::SettingsRepo(db.value())
                       .setValue(QStringLiteral("intake.listen"), QStringLiteral("127.0.0.1:%1").arg(port)));
        using Source::MiniShop2::ShopDb;
        const QString shopUrl = QStringLiteral("sqlite://") + m_dir.filePath(QStringLiteral("shop.db"));
        auto shop
            = ShopDb::open(Source::MiniShop2::ShopDbUrl::parse(shopUrl).value(), QStringLiteral("modx_"));
        QVERIFY_OK(shop);
        Source::MiniShop2::DemoShopGenerator::Options generate;
        generate.orders = 5;
        QVERIFY_OK(Source::MiniShop2::DemoShopGenerator::generate(*shop.value(), generate));
        Source::SourceRecord source;
        source.name = QStringLiteral("web");
        source.kind = QStringLiteral("minishop2");
        source.url = shopUrl;
        source.config = QJsonObject { { "start", "latest" } }; // only the orders placed from now on
        QVERIFY_OK(Source::SourceRepo(db.value()).add(source));
        const int before = leads();

        QProcess process;
        TestSupport::prepareCtl(process, QStringLiteral(CRMBRIDGECTL_PATH),
                                base() + QStringList { QStringLiteral("run") });
        process.start();
        QVERIFY(process.waitForStarted(10000));
        QString log;
        QTRY_VERIFY_WITH_TIMEOUT((log += QString::fromUtf8(process.readAllStandardError()))
                                     .contains(QStringLiteral("source web watching")),
                                 30000);
        QVERIFY2(log.contains(QStringLiteral("form intake listens on port %1").arg(port)), qPrintable(log));

        QVERIFY_OK(Source::MiniShop2::DemoShopGenerator::addOrders(*shop.value(), 2, 4, 11));
        QNetworkAccessManager network;
        QNetworkRequest request(QUrl(QStringLiteral("http://127.0.0.1:%1/forms/callback").arg(port)));
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          QStringLiteral("application/x-www-form-urlencoded"));
        request.setRawHeader("X-CRMBridge-Secret", secret->toUtf8());
        QNetworkReply *reply = network.post(request, QByteArrayLiteral("name=Ivan&phone=%2B79031234567"));
        QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 10000);
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 202);
        reply->deleteLater();
        QTRY_COMPARE_WITH_TIMEOUT(leads() - before, 3, 30000);

        ::kill(pid_t(process.processId()), SIGTERM);
        QVERIFY(process.waitForFinished(20000));
        QCOMPARE(process.exitCode(), 0);
        const CtlRun status = ctl({ QStringLiteral("status") });
        // The poller said it stopped, and how many events it took from the shop: the two orders, and
        // the registrations of buyers new to the shop that came with them.
        const QRegularExpressionMatch appended
            = QRegularExpression(QStringLiteral("Source web \\(.*\\): stopped, (\\d+) events appended"))
                  .match(status.out);
        QVERIFY2(appended.hasMatch() && appended.captured(1).toInt() >= 2, qPrintable(status.out));
    }
};

QTEST_GUILESS_MAIN(TestRunCtl)
#include "tst_RunCtl.moc"
