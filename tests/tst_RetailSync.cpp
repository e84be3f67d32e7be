// SPDX-License-Identifier: GPL-3.0-or-later
// The sync engine with a RetailCRM connection, end to end: queued shop orders become orders in the
// RetailCRM sandbox exactly once, one customer per person, with the mapping's delivery, payment and
// status codes; an engine that died after sending is reconciled by the orders' external ids.
#include "crm/ConnectorFactory.h"
#include "engine/SyncEngine.h"
#include "fixtures/retailcrm/RetailTestKit.h"
#include "store/EntityLinkRepo.h"

#include <QSignalSpy>

using namespace RetailTestKit;
using Sandbox::RetailCrm::RetailCrmSandbox;
using Sandbox::RetailCrm::RetailSandboxOptions;
using Sandbox::Testing::RetailTestClient;

class TestRetailSync : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<RetailCrmSandbox> m_sandbox;
    std::unique_ptr<RetailTestClient> m_control;
    std::unique_ptr<TestSupport::TestDatabase> m_store;
    std::shared_ptr<Secrets::MemorySecretStore> m_secrets;
    qint64 m_connectionId = 0;

    QJsonObject state() { return m_control->control(QStringLiteral("state"), {}, "GET"); }
    int countDone() { return Store::JobRepo(m_store->db()).countsByState()->value(Store::JobState::Done); }

    std::unique_ptr<Engine::SyncEngine> startEngine(Crm::ConnectorFactory &factory)
    {
        return RetailTestKit::startEngine(m_store->db(), factory);
    }

private Q_SLOTS:
    void initTestCase()
    {
        RetailSandboxOptions options;
        options.seed = QStringLiteral("demo");
        m_sandbox = std::make_unique<RetailCrmSandbox>(options);
        QString error;
        QVERIFY2(m_sandbox->start(&error), qPrintable(error));
        m_control = std::make_unique<RetailTestClient>(m_sandbox->baseUrl());
    }

    void init()
    {
        m_control->control(QStringLiteral("reset"), { { "seed", "demo" } });
        auto store = TestSupport::TestDatabase::create(QStringLiteral("sqlite"));
        QVERIFY_OK(store);
        m_store = std::move(store).value();
        m_secrets = std::make_shared<Secrets::MemorySecretStore>();
        m_connectionId = addConnection(m_store->db(), *m_sandbox);
        AmoTestKit::writeSecret(*m_secrets, m_connectionId, Crm::RetailCrm::RetailSecretNames::apiKey(),
                                m_sandbox->apiKey().toUtf8());
        QVERIFY_OK(saveMapping(m_store->db(), m_secrets, m_connectionId, *m_sandbox));
    }

    void cleanup() { m_store.reset(); }

    /** 12 orders of 4 people (phones typed two ways; one paid): 12 orders, 4 customers, codes applied. */
    void ordersBecomeOrdersOnceWithOneCustomerPerPerson()
    {
        const int customersBefore = state().value("customers").toArray().size();
        Store::JobRepo jobs(m_store->db());
        for (int n = 0; n < 12; ++n)
            QVERIFY_OK(jobs.enqueue(jobFor(order(n, 4, n == 5 ? QStringLiteral("2") : QStringLiteral("1")))));
        Crm::ConnectorFactory factory(m_store->db(), m_secrets);
        auto engine = startEngine(factory);
        QVERIFY(engine);
        QTRY_COMPARE_WITH_TIMEOUT(countDone(), 12, 60000);
        stopEngine(engine);

        const QJsonObject after = state();
        const QJsonArray orders = after.value("orders").toArray();
        QCOMPARE(orders.size(), 12);
        QCOMPARE(after.value("customers").toArray().size(), customersBefore + 4);
        QSet<QString> externalIds;
        QSet<qint64> customers;
        for (const QJsonValue &v : orders) {
            const QJsonObject o = v.toObject();
            externalIds.insert(o.value("externalId").toString());
            customers.insert(o.value("customer").toObject().value("id").toInteger());
            QCOMPARE(o.value("delivery").toObject().value("code").toString(), QStringLiteral("courier"));
            const QJsonObject payment = o.value("payments").toObject().begin().value().toObject();
            QCOMPARE(payment.value("type").toString(), QStringLiteral("cash"));
            const bool paid = o.value("externalId").toString() == QLatin1String("2311-6");
            QCOMPARE(payment.value("status").toString(),
                     paid ? QStringLiteral("paid") : QStringLiteral("not-paid"));
            QCOMPARE(o.value("status").toString(),
                     paid ? QStringLiteral("client-confirmed") : QStringLiteral("new"));
        }
        QCOMPARE(externalIds.size(), 12);
        QCOMPARE(customers.size(), 4);
        QCOMPARE(Store::EntityLinkRepo(m_store->db()).count(m_connectionId, QStringLiteral("order")).value(),
                 12);
    }

    /** A crash after the create went out: the next engine links the order instead of making a second. */
    void sendingJobsAreReconciledNotResent()
    {
        Store::JobRepo jobs(m_store->db());
        auto enqueued = jobs.enqueue(jobFor(order(0, 1)));
        QVERIFY_OK(enqueued);
        Crm::ConnectorFactory factory(m_store->db(), m_secrets);
        auto engine = startEngine(factory);
        QTRY_COMPARE_WITH_TIMEOUT(countDone(), 1, 30000);
        stopEngine(engine);
        QVERIFY_OK(Storage::Sql::exec(
            *m_store->db(),
            QStringLiteral(
                "UPDATE jobs SET state = 'sending', lease_owner = 'dead', lease_until = 1 WHERE id = ?"),
            { enqueued->job.id }));
        QVERIFY_OK(Storage::Sql::exec(*m_store->db(), QStringLiteral("DELETE FROM entity_links")));

        auto second = startEngine(factory);
        QTRY_COMPARE_WITH_TIMEOUT(countDone(), 1, 30000);
        stopEngine(second);
        QCOMPARE(state().value("orders").toArray().size(), 1);
        QCOMPARE(jobs.attempts(enqueued->job.id)->last().outcome, QStringLiteral("reconciled"));
    }
};

QTEST_GUILESS_MAIN(TestRetailSync)
#include "tst_RetailSync.moc"
