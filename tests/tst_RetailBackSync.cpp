// SPDX-License-Identifier: GPL-3.0-or-later
// Statuses both ways with RetailCRM, end to end: the engine sends a real miniShop2 shop's (SQLite)
// order to the RetailCRM sandbox; a manager's status change there comes back through orders/history
// polling (sinceId) and the status map; a status changed in the shop goes out as orders/{id}/edit and
// does not come back (apiKey.current, the echo guard); nothing ping-pongs; the shop's final statuses
// hold; the newest change of a page wins; a restart resumes from the saved sinceId.
#include "TestShopSources.h"
#include "crm/ConnectorFactory.h"
#include "engine/BackSyncSetup.h"
#include "engine/StageEventPoller.h"
#include "engine/SyncEngine.h"
#include "fixtures/backsync/BackSyncTestKit.h"
#include "fixtures/retailcrm/RetailTestKit.h"
#include "source/SourceRepo.h"
#include "store/EntityLinkRepo.h"
#include "store/WatermarkRepo.h"

#include <QElapsedTimer>
#include <QSignalSpy>

using namespace RetailTestKit;
using BackSyncTestKit::TestShop;
using Mode = Store::BackSyncConfig::Mode;
using Sandbox::RetailCrm::RetailCrmSandbox;
using Sandbox::RetailCrm::RetailSandboxOptions;
using Sandbox::Testing::RetailTestClient;

namespace {
const QString kSourceName = QStringLiteral("shop");
constexpr qint64 kPollMs = 300;
const QString kStageJobs = QStringLiteral("crm.stage_changed");
const QString kShopJobs = QStringLiteral("order.status");
} // namespace

class TestRetailBackSync : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<RetailCrmSandbox> m_sandbox;
    std::unique_ptr<RetailTestClient> m_control;
    std::unique_ptr<TestSupport::TestDatabase> m_store;
    std::shared_ptr<Secrets::MemorySecretStore> m_secrets;
    std::unique_ptr<TestShop> m_shop;
    std::unique_ptr<Crm::ConnectorFactory> m_factory;
    std::unique_ptr<Engine::SyncEngine> m_engine;
    qint64 m_connectionId = 0;
    qint64 m_orderId = 0;
    QString m_crmOrderId;

    QJsonObject crmOrder()
    {
        for (const QJsonValue &v :
             m_control->control(QStringLiteral("state"), {}, "GET").value("orders").toArray()) {
            if (QString::number(v.toObject().value("id").toInteger()) == m_crmOrderId)
                return v.toObject();
        }
        return {};
    }
    QString crmStatus() { return crmOrder().value("status").toString(); }

    /** A manager changes the order's status in RetailCRM (a history entry without our key). */
    void managerSetsStatus(const QString &status)
    {
        const QJsonObject answer
            = m_control->control(QStringLiteral("manager/order-status"),
                                 { { "id", m_crmOrderId.toLongLong() }, { "status", status } });
        QVERIFY2(answer.value("ok").toBool(), qPrintable(RetailTestClient::json(answer)));
    }

    QList<QStringList> jobs(const QString &kind) { return BackSyncTestKit::jobs(m_store->db(), kind); }

    QString cursor()
    {
        return Store::WatermarkRepo(m_store->db())
            .value(Engine::StageEventPoller::watermarkSource(m_connectionId),
                   Engine::StageEventPoller::watermarkStream())
            .valueOr({})
            .value_or(QString());
    }

    void startEngine()
    {
        m_engine = std::make_unique<Engine::SyncEngine>(
            m_store->db(), [this](const Store::Connection &c) { return m_factory->forConnection(c); });
        m_engine->setSources(TestSupport::shopSources());
        Engine::LaneConfig lane;
        lane.idlePollMs = 100;
        lane.retry.firstDelayMs = 200;
        lane.retry.maxDelayMs = 1000;
        m_engine->setLaneTemplate(lane);
        Engine::PollerConfig poller;
        poller.intervalMs = 100;
        m_engine->setPollerTemplate(poller);
        m_engine->setSecretStore(m_secrets);
        QVERIFY_OK(m_engine->start());
    }

    void stopEngine()
    {
        if (!m_engine)
            return;
        QSignalSpy stopped(m_engine.get(), &Engine::SyncEngine::stopped);
        m_engine->stop();
        QVERIFY(stopped.count() == 1 || stopped.wait(30000));
        m_engine.reset();
    }

    Common::Result<Store::BackSyncConfig> backSync(Mode mode, const QString &url = {})
    {
        auto connection = Store::ConnectionRepo(m_store->db()).byId(m_connectionId);
        if (!connection)
            return connection.error();
        auto connector = m_factory->forConnection(connection.value())(nullptr);
        Wait<Common::Result<Store::BackSyncConfig>> done;
        Engine::BackSyncSetup::apply(m_store->db(), m_secrets, m_connectionId, connector.get(),
                                     { mode, url, kPollMs }, done.callback());
        if (!QTest::qWaitFor([&] { return done.done(); }, 15000))
            return Common::Error::transient(QStringLiteral("back-sync setup timed out"));
        return done.get();
    }

private Q_SLOTS:
    void initTestCase()
    {
        const QString error = RetailTestKit::startDemoSandbox(m_sandbox, m_control);
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    /** A shop with one order, sent to RetailCRM by the engine, the status map saved, polling on. */
    void init()
    {
        m_control->control(QStringLiteral("reset"), { { "seed", "demo" } });
        auto store = TestSupport::TestDatabase::create(QStringLiteral("sqlite"));
        QVERIFY_OK(store);
        m_store = std::move(store).value();
        m_secrets = std::make_shared<Secrets::MemorySecretStore>();
        m_connectionId = addConnection(m_store->db(), *m_sandbox);
        QVERIFY(m_connectionId > 0);
        AmoTestKit::writeSecret(*m_secrets, m_connectionId, Crm::RetailCrm::RetailSecretNames::apiKey(),
                                m_sandbox->apiKey().toUtf8());
        QVERIFY_OK(saveMapping(m_store->db(), m_secrets, m_connectionId, *m_sandbox));

        m_shop = std::make_unique<TestShop>();
        QVERIFY(m_shop->create());
        m_orderId = m_shop->order(QStringLiteral("2311/1"));
        Source::SourceRecord record;
        record.name = kSourceName;
        record.kind = QStringLiteral("minishop2");
        record.url = m_shop->url;
        record.config = QJsonObject { { "start", "beginning" } };
        QVERIFY_OK(Source::SourceRepo(m_store->db()).add(record));

        Crm::ConnectorOptions connectorOptions;
        connectorOptions.requestsPerSecond = 0;
        m_factory = std::make_unique<Crm::ConnectorFactory>(m_store->db(), m_secrets, connectorOptions);
        QVERIFY_OK(backSync(Mode::Polling));
        startEngine();

        Store::EntityLinkRepo links(m_store->db());
        const QString orderKey = kSourceName + QLatin1Char(':') + QString::number(m_orderId);
        QTRY_VERIFY_WITH_TIMEOUT(
            links.crmIdFor(m_connectionId, QStringLiteral("order"), orderKey, QStringLiteral("lead"))
                .valueOr({})
                .has_value(),
            30000);
        m_crmOrderId
            = **links.crmIdFor(m_connectionId, QStringLiteral("order"), orderKey, QStringLiteral("lead"));
        QCOMPARE(crmStatus(), QStringLiteral("new"));
        QCOMPARE(crmOrder().value("externalId").toString(), QStringLiteral("2311-1"));
        // Polling has read "now" (the order's creation included): from here on, changes are new.
        QTRY_VERIFY_WITH_TIMEOUT(!cursor().isEmpty(), 10000);
    }

    void cleanup()
    {
        stopEngine();
        m_factory.reset();
        m_shop.reset();
        m_store.reset();
        m_secrets.reset();
    }

    /** (a) and (c): a manager's move in RetailCRM reaches the shop within about one interval, once. */
    void managersMoveReachesTheShop()
    {
        QElapsedTimer timer;
        timer.start();
        managerSetsStatus(QStringLiteral("client-confirmed"));
        QTRY_COMPARE_WITH_TIMEOUT(m_shop->status(m_orderId), QStringLiteral("2"), int(kPollMs) + 2000);
        qInfo("shop status after %lld ms of a %lld ms interval", timer.elapsed(), kPollMs);
        QTRY_COMPARE(jobs(kStageJobs).value(0).value(2), QStringLiteral("done"));

        // Our write to the shop is not sent back to RetailCRM, and the change is applied once.
        const int writes = writeCount(*m_control);
        const int logRows = m_shop->logRows(m_orderId);
        QTest::qWait(int(6 * kPollMs));
        QCOMPARE(jobs(kStageJobs).size(), 1);
        QCOMPARE(jobs(kShopJobs).size(), 0);
        QCOMPARE(writeCount(*m_control), writes);
        QCOMPARE(m_shop->logRows(m_orderId), logRows);
        QCOMPARE(crmStatus(), QStringLiteral("client-confirmed"));
    }

    /** (b) and (c): the shop's change goes out as orders/{id}/edit; its history entry stops there. */
    void shopChangeMovesTheOrderAndDoesNotComeBack()
    {
        const int editsBefore = requestCounts(*m_control).value("POST /api/v5/orders/{*}/edit").toInt();
        m_shop->managerSetsStatus(m_orderId, 2);
        QTRY_COMPARE_WITH_TIMEOUT(crmStatus(), QStringLiteral("client-confirmed"), 5000);
        QCOMPARE(jobs(kShopJobs).size(), 1);
        QTRY_COMPARE(jobs(kShopJobs).first().value(0), QStringLiteral("done"));
        QCOMPARE(requestCounts(*m_control).value("POST /api/v5/orders/{*}/edit").toInt() - editsBefore, 1);
        // The status 2 is the mapping's "paid": the payment is marked paid too.
        const QJsonObject payment = crmOrder().value("payments").toObject().begin().value().toObject();
        QCOMPARE(payment.value("status").toString(), QStringLiteral("paid"));

        // A window of many rounds (shop polled every 100 ms, history every 300 ms): nothing travels.
        const int writes = writeCount(*m_control);
        const int logRows = m_shop->logRows(m_orderId);
        QTest::qWait(int(6 * kPollMs));
        QCOMPARE(writeCount(*m_control), writes);
        QCOMPARE(m_shop->logRows(m_orderId), logRows);
        QCOMPARE(jobs(kShopJobs).size(), 1);
        QCOMPARE(jobs(kStageJobs).size(), 0); // our own edit is apiKey.current: never a job
        QVERIFY(cursor().toLongLong() > 0);

        // Then a manager in RetailCRM: the shop follows, and nothing is sent back.
        managerSetsStatus(QStringLiteral("complete"));
        QTRY_COMPARE_WITH_TIMEOUT(m_shop->status(m_orderId), QStringLiteral("3"), 5000);
        QTest::qWait(int(6 * kPollMs));
        QCOMPARE(writeCount(*m_control), writes);
        QCOMPARE(jobs(kShopJobs).size(), 1);
        QCOMPARE(jobs(kStageJobs).size(), 1);
        QCOMPARE(jobs(kStageJobs).first().value(2), QStringLiteral("done"));
        QCOMPARE(crmStatus(), QStringLiteral("complete"));
    }

    /** Our move's history entry never reaches the lane (apiKey.current), so it leaves no echo mark
     *  behind that could swallow a manager's later move to the same status. */
    void aManagersMoveBackToOurStatusIsApplied()
    {
        // A shop whose managers may move orders back (no status is fixed).
        m_shop->exec(
            QStringLiteral("UPDATE %1 SET `fixed` = 0").arg(m_shop->db->table("ms2_order_statuses")));
        m_shop->managerSetsStatus(m_orderId, 2);
        QTRY_COMPARE_WITH_TIMEOUT(crmStatus(), QStringLiteral("client-confirmed"), 5000);
        managerSetsStatus(QStringLiteral("new"));
        QTRY_COMPARE_WITH_TIMEOUT(m_shop->status(m_orderId), QStringLiteral("1"), 5000);
        managerSetsStatus(QStringLiteral("client-confirmed"));
        QTRY_COMPARE_WITH_TIMEOUT(m_shop->status(m_orderId), QStringLiteral("2"), 5000);
        QTRY_COMPARE(jobs(kStageJobs).value(1).value(2), QStringLiteral("done"));
        QCOMPARE(jobs(kStageJobs).size(), 2);
        QCOMPARE(jobs(kShopJobs).size(), 1);
    }

    /** (d): "Отправлен" (3) is final in miniShop2: a later CRM move fails visibly, the shop keeps 3. */
    void aFinalShopStatusIsNotOverwritten()
    {
        m_shop->managerSetsStatus(m_orderId, 3);
        QTRY_COMPARE_WITH_TIMEOUT(crmStatus(), QStringLiteral("complete"), 5000);
        managerSetsStatus(QStringLiteral("client-confirmed"));
        QTRY_COMPARE_WITH_TIMEOUT(jobs(kStageJobs).size(), 1, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(jobs(kStageJobs).first().value(0), QStringLiteral("failed"), 5000);
        const QString error = jobs(kStageJobs).first().value(1);
        QVERIFY2(error.contains(QStringLiteral("Отправлен")), qPrintable(error));
        QCOMPARE(m_shop->status(m_orderId), QStringLiteral("3"));
        // The refusal is not a change of the shop: nothing goes back to RetailCRM.
        const int writes = writeCount(*m_control);
        QTest::qWait(int(4 * kPollMs));
        QCOMPARE(writeCount(*m_control), writes);
        QCOMPARE(jobs(kShopJobs).size(), 1);
        QCOMPARE(crmStatus(), QStringLiteral("client-confirmed"));
    }

    /** (e) and (f): two moves in one history page are applied in order, the newest last; a restart
     *  resumes from the saved sinceId and applies nothing twice. */
    void newestOfAPageWinsAndARestartResumes()
    {
        stopEngine();
        const QString saved = cursor();
        managerSetsStatus(QStringLiteral("client-confirmed"));
        managerSetsStatus(QStringLiteral("complete"));
        startEngine();
        QTRY_COMPARE_WITH_TIMEOUT(m_shop->status(m_orderId), QStringLiteral("3"), 5000);
        QTRY_COMPARE_WITH_TIMEOUT(jobs(kStageJobs).value(1).value(2), QStringLiteral("done"), 5000);
        const QList<QStringList> applied = jobs(kStageJobs);
        QCOMPARE(applied.size(), 2);
        QCOMPARE(applied[0].value(2), QStringLiteral("done")); // → 2, then → 3: not 3 then a refused 2
        QCOMPARE(m_shop->logRows(m_orderId), 3); // created 1, then 2, then 3
        QVERIFY(cursor().toLongLong() > saved.toLongLong());

        // Restarted again: the saved sinceId is past both entries; they are not read or applied again.
        stopEngine();
        const QString resumed = cursor();
        startEngine();
        QTest::qWait(int(5 * kPollMs));
        QCOMPARE(jobs(kStageJobs).size(), 2);
        QCOMPARE(m_shop->logRows(m_orderId), 3);
        QCOMPARE(cursor(), resumed);
    }

    /** A backlog longer than one history page (100 entries) is read page by page, none skipped;
     *  a failed history read leaves the cursor where it was. */
    void aLongBacklogAndAFailedReadLoseNothing()
    {
        stopEngine();
        for (int i = 0; i < 110; ++i) {
            const QJsonObject answer = m_control->control(
                QStringLiteral("manager/order"),
                { { "id", m_crmOrderId.toLongLong() },
                  { "order", QJsonObject { { "managerComment", QStringLiteral("звонок %1").arg(i) } } } });
            QVERIFY2(answer.value("ok").toBool(), qPrintable(RetailTestClient::json(answer)));
        }
        managerSetsStatus(QStringLiteral("client-confirmed"));
        m_control->control(QStringLiteral("faults"),
                           { { "action", "status" },
                             { "status", 500 },
                             { "path", "/api/v5/orders/history" },
                             { "times", 1 } });
        const QString before = cursor();
        startEngine();
        QTRY_COMPARE_WITH_TIMEOUT(m_shop->status(m_orderId), QStringLiteral("2"), 10000);
        QCOMPARE(jobs(kStageJobs).size(), 1);
        QVERIFY(cursor().toLongLong() > before.toLongLong());
        const QJsonObject byStatus = m_control->control(QStringLiteral("state"), {}, "GET")
                                         .value("counters")
                                         .toObject()
                                         .value("by_status")
                                         .toObject();
        QCOMPARE(byStatus.value("500").toInt(), 1); // the failed read happened, and was read again
        m_control->control(QStringLiteral("faults"), { { "clear", true } });
    }

    /** RetailCRM's triggers are made in its UI, not by API: --url is refused with what to do. */
    void webhookModeIsRefusedWithAdvice()
    {
        auto refused = backSync(Mode::Webhook, QStringLiteral("https://bridge.example.ru"));
        QVERIFY(!refused);
        QVERIFY2(refused.error().message.contains(QStringLiteral("poll")),
                 qPrintable(refused.error().message));
        auto connection = Store::ConnectionRepo(m_store->db()).byId(m_connectionId);
        QVERIFY_OK(connection);
        QCOMPARE(Store::BackSyncConfig::of(connection.value()).mode, Mode::Polling);
    }
};

QTEST_GUILESS_MAIN(TestRetailBackSync)
#include "tst_RetailBackSync.moc"
