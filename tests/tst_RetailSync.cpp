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
        const QString error = RetailTestKit::startDemoSandbox(m_sandbox, m_control);
        QVERIFY2(error.isEmpty(), qPrintable(error));
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
        QCOMPARE(jobs.get(enqueued->job.id)->state,
                 Store::JobState::Done); // found and linked, never created again
    }

    /**
     * 5 orders of 5 new people in one round go out as one customers/upload and one orders/upload; the
     * order whose payment type RetailCRM refuses for its delivery fails alone with that reason, the 4 others
     * become orders, and no customer is searched.
     */
    void aBadOrderInABatchFailsAloneAndTheOthersAreLinked()
    {
        QVERIFY_OK(saveMapping(m_store->db(), m_secrets, m_connectionId, *m_sandbox,
                               [](const Crm::CrmSchema &schema) {
                                   Mapping::MappingSet set = mapping(schema);
                                   // Russian Post takes cards only: RetailCRM refuses it with cash.
                                   set.codes.delivery.append({ QStringLiteral("3"), QStringLiteral("Почта"),
                                                               QStringLiteral("russian-post") });
                                   return set;
                               }));
        const int customersBefore = state().value("customers").toArray().size();
        Store::JobRepo jobs(m_store->db());
        QList<qint64> ids;
        for (int n = 0; n < 5; ++n) {
            Model::ShopOrder o = order(n, 5);
            if (n == 2)
                o.deliveryId = QStringLiteral("3");
            auto enqueued = jobs.enqueue(jobFor(o));
            QVERIFY_OK(enqueued);
            ids << enqueued->job.id;
        }
        Crm::ConnectorFactory factory(m_store->db(), m_secrets);
        auto engine = startEngine(factory);
        QVERIFY(engine);
        QTRY_COMPARE_WITH_TIMEOUT(countDone(), 4, 60000);
        QTRY_COMPARE_WITH_TIMEOUT(
            Store::JobRepo(m_store->db()).countsByState()->value(Store::JobState::Failed), 1, 30000);
        stopEngine(engine);

        const Store::Job bad = jobs.get(ids[2]).value();
        QVERIFY2(bad.lastError.contains(QLatin1String("payment type is not supported")),
                 qPrintable(bad.lastError));
        const QJsonObject after = state();
        const QJsonArray orders = after.value("orders").toArray();
        QCOMPARE(orders.size(), 4);
        QStringList externalIds;
        for (const QJsonValue &v : orders)
            externalIds << v.toObject().value("externalId").toString();
        externalIds.sort();
        QCOMPARE(externalIds, QStringList({ "2311-1", "2311-2", "2311-4", "2311-5" }));
        QCOMPARE(after.value("customers").toArray().size(), customersBefore + 5);
        QCOMPARE(Store::EntityLinkRepo(m_store->db()).count(m_connectionId, QStringLiteral("order")).value(),
                 4);
        const QJsonObject counts = requestCounts(*m_control);
        QCOMPARE(counts.value("POST /api/v5/customers/upload").toInt(), 1);
        QCOMPARE(counts.value("POST /api/v5/orders/upload").toInt(), 1);
        QCOMPARE(counts.value("GET /api/v5/customers/{*}").toInt(), 0); // nobody looked up one by one
        QCOMPARE(counts.value("POST /api/v5/customers/create").toInt(), 0);
    }

    /**
     * An engine died while a batch was `sending`: 3 of its orders reached RetailCRM (their links lost),
     * 2 did not, and the customer of one of those 2 did. The next engine links the 3 by externalId
     * (one orders list call), creates the 2 once, and the customer that exists is linked, not doubled.
     */
    void aSendingBatchIsReconciledByExternalIds()
    {
        const int customersBefore = state().value("customers").toArray().size();
        Store::JobRepo jobs(m_store->db());
        QList<qint64> ids;
        for (int n = 0; n < 3; ++n) {
            auto enqueued = jobs.enqueue(jobFor(order(n, 5)));
            QVERIFY_OK(enqueued);
            ids << enqueued->job.id;
        }
        Crm::ConnectorFactory factory(m_store->db(), m_secrets);
        auto engine = startEngine(factory);
        QTRY_COMPARE_WITH_TIMEOUT(countDone(), 3, 30000);
        stopEngine(engine);
        for (int n = 3; n < 5; ++n) {
            auto enqueued = jobs.enqueue(jobFor(order(n, 5)));
            QVERIFY_OK(enqueued);
            ids << enqueued->job.id;
        }
        // Person 3's customer went in before the crash (customers/upload answered, orders/upload not).
        const Model::ShopOrder third = order(3, 5);
        RetailTestClient api(m_sandbox->baseUrl(), m_sandbox->apiKey());
        const auto created
            = api.postForm(QStringLiteral("/api/v5/customers/create"),
                           { { "site", m_sandbox->site() },
                             { "customer",
                               RetailTestClient::json(QJsonObject { { "externalId", third.customer.id },
                                                                    { "firstName", third.customer.name },
                                                                    { "email", third.customer.email } }) } });
        QCOMPARE(created.status, 201);
        for (qint64 id : std::as_const(ids))
            QVERIFY_OK(Storage::Sql::exec(
                *m_store->db(),
                QStringLiteral("UPDATE jobs SET state = 'sending', lease_owner = 'dead', lease_until = 1,"
                               " connection_id = ? WHERE id = ?"),
                { m_connectionId, id }));
        QVERIFY_OK(Storage::Sql::exec(*m_store->db(), QStringLiteral("DELETE FROM entity_links")));
        const int listsBefore = requestCounts(*m_control).value("GET /api/v5/orders").toInt();

        auto second = startEngine(factory);
        QTRY_COMPARE_WITH_TIMEOUT(countDone(), 5, 30000);
        stopEngine(second);
        const QJsonObject after = state();
        QCOMPARE(after.value("orders").toArray().size(), 5);
        QCOMPARE(after.value("customers").toArray().size(), customersBefore + 5);
        // Three found by their externalId, two sent: every job done, five orders, no second create.
        for (int n = 0; n < 5; ++n)
            QCOMPARE(jobs.get(ids[n])->state, Store::JobState::Done);
        QCOMPARE(requestCounts(*m_control).value("GET /api/v5/orders").toInt(), listsBefore + 1);
        QCOMPARE(Store::EntityLinkRepo(m_store->db()).count(m_connectionId, QStringLiteral("order")).value(),
                 5);
    }
};

QTEST_GUILESS_MAIN(TestRetailSync)
#include "tst_RetailSync.moc"
