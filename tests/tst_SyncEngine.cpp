// SPDX-License-Identifier: GPL-3.0-or-later
// The sync engine end to end: orders in the outbox become deals in the amoCRM sandbox, through the
// real connector, rate limiter and store.
#include "crm/ConnectorFactory.h"
#include "engine/SyncEngine.h"
#include "fixtures/amocrm/AmoTestKit.h"
#include "model/ShopEvent.h"
#include "model/ShopOrder.h"
#include "storage/Sql.h"
#include "store/EntityLinkRepo.h"
#include "store/JobRepo.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QSignalSpy>

using namespace AmoTestKit;
using Sandbox::AmoCrm::AmoCrmSandbox;
using Sandbox::AmoCrm::AmoSandboxOptions;
using Sandbox::Testing::SandboxTestClient;

namespace {

/** Order n of person n % people, their phone typed three different ways. */
Model::ShopOrder order(int n, int people)
{
    const int p = n % people;
    Model::ShopOrder o;
    o.id = QString::number(5000 + n);
    o.number = QStringLiteral("2311/%1").arg(n + 1);
    o.createdAt = QDateTime::currentDateTimeUtc();
    o.statusId = QStringLiteral("1");
    o.statusName = QStringLiteral("Новый");
    o.cost = 1000 + n;
    o.cartCost = 900 + n;
    o.deliveryCost = 100;
    o.deliveryName = QStringLiteral("Курьер");
    o.paymentName = QStringLiteral("Банковская карта");
    o.customer.name = QStringLiteral("Покупатель %1").arg(p);
    const QString digits = QStringLiteral("912%1").arg(7000000 + p);
    const QStringList forms { QStringLiteral("+7 ") + digits, QStringLiteral("8") + digits,
                              QStringLiteral("7") + digits };
    o.customer.phone = forms[(n / people) % 3];
    o.customer.email = QStringLiteral("buyer%1@example.ru").arg(p);
    o.address.receiver = o.customer.name;
    o.address.phone = o.customer.phone;
    o.address.city = QStringLiteral("Екатеринбург");
    Model::OrderLine line;
    line.productId = QStringLiteral("11");
    line.name = QStringLiteral("Чай «Молочный улун»");
    line.quantity = 2;
    line.price = 450;
    line.cost = 900;
    o.lines.append(line);
    return o;
}

Store::NewJob jobFor(const Model::ShopOrder &o)
{
    Model::ShopEvent event;
    event.kind = Model::ShopEvent::Kind::OrderCreated;
    event.source = QStringLiteral("shop");
    event.entityId = o.id;
    event.payload = o.toJson();
    Store::NewJob job;
    job.kind = Model::ShopEvent::kindName(event.kind);
    job.source = event.source;
    job.sourceRef = o.id;
    job.idempotencyKey = event.idempotencyKey();
    job.payload = event.payload;
    job.reference = o.number;
    job.customer = o.customer.name;
    return job;
}

} // namespace

class TestSyncEngine : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<AmoCrmSandbox> m_sandbox;
    std::unique_ptr<SandboxTestClient> m_control;
    std::unique_ptr<TestSupport::TestDatabase> m_store;
    std::shared_ptr<Secrets::MemorySecretStore> m_secrets;
    QNetworkAccessManager m_network;
    qint64 m_connectionId = 0;

    QJsonObject state() { return m_control->get(QStringLiteral("/__sandbox/state")).object(); }

    std::unique_ptr<Engine::SyncEngine> startEngine(Crm::ConnectorFactory &factory,
                                                    Engine::LaneWorker::BeforeSendHook hook = {})
    {
        auto engine = std::make_unique<Engine::SyncEngine>(
            m_store->db(), [&factory](const Store::Connection &c) { return factory.forConnection(c); });
        Engine::LaneConfig lane;
        lane.idlePollMs = 100;
        lane.retry.firstDelayMs = 300;
        lane.retry.maxDelayMs = 1000;
        engine->setLaneTemplate(lane);
        if (hook)
            engine->setBeforeSendHook(hook);
        const auto started = engine->start();
        return started ? std::move(engine) : nullptr;
    }

    void stopEngine(std::unique_ptr<Engine::SyncEngine> &engine)
    {
        QSignalSpy stopped(engine.get(), &Engine::SyncEngine::stopped);
        engine->stop();
        QVERIFY(stopped.count() == 1 || stopped.wait(30000));
        engine.reset();
    }

    int countDone() { return Store::JobRepo(m_store->db()).countsByState()->value(Store::JobState::Done); }

private Q_SLOTS:
    void initTestCase()
    {
        AmoSandboxOptions options;
        options.seed = QStringLiteral("demo");
        m_sandbox = std::make_unique<AmoCrmSandbox>(options);
        QString error;
        QVERIFY2(m_sandbox->start(&error), qPrintable(error));
        m_control = std::make_unique<SandboxTestClient>(m_sandbox->baseUrl());
    }

    void init()
    {
        m_control->control(QStringLiteral("reset"), { { "seed", "demo" } });
        auto store = TestSupport::TestDatabase::create(QStringLiteral("sqlite"));
        QVERIFY_OK(store);
        m_store = std::move(store).value();
        m_secrets = std::make_shared<Secrets::MemorySecretStore>();
        m_connectionId = addConnection(m_store->db(), *m_sandbox);
        QVERIFY(m_connectionId > 0);
        writeSecret(*m_secrets, m_connectionId, Crm::AmoCrm::AmoSecretNames::clientSecret(),
                    m_sandbox->clientSecret().toUtf8());
        // Signing in counts against the account's limit like every other call (the connector's key).
        const QString account = QStringLiteral("amocrm:127.0.0.1:%1").arg(m_sandbox->port());
        Net::HttpClient client(&m_network, clientOptions(account, 7));
        QVERIFY_OK(signInWithCode(&client, m_secrets, m_connectionId, *m_sandbox, *m_control));
    }

    void cleanup()
    {
        m_store.reset();
        m_secrets.reset();
    }

    /** 120 orders from 40 people (phones typed as +7, 8 and 7): 120 deals, 40 contacts, 120 notes. */
    void ordersBecomeDealsWithOneContactPerPerson()
    {
        const QJsonObject before = state();
        Store::JobRepo jobs(m_store->db());
        constexpr int kOrders = 120;
        constexpr int kPeople = 40;
        for (int n = 0; n < kOrders; ++n)
            QVERIFY_OK(jobs.enqueue(jobFor(order(n, kPeople))));

        Crm::ConnectorFactory factory(m_store->db(), m_secrets);
        auto engine = startEngine(factory);
        QVERIFY(engine);
        QTRY_COMPARE_WITH_TIMEOUT(countDone(), kOrders, 90000);
        stopEngine(engine);

        const QJsonObject after = state();
        QCOMPARE(after.value("leads").toArray().size() - before.value("leads").toArray().size(), kOrders);
        QCOMPARE(after.value("contacts").toArray().size() - before.value("contacts").toArray().size(),
                 kPeople);
        QCOMPARE(after.value("notes").toArray().size() - before.value("notes").toArray().size(), kOrders);
        // Every order is linked to its own deal.
        QCOMPARE(Store::EntityLinkRepo(m_store->db()).count(m_connectionId, QStringLiteral("order")).value(),
                 kOrders);
        // Batching: far fewer requests than orders, and never over the limit.
        const QJsonObject counters = after.value("counters").toObject();
        const int requests
            = counters.value("total").toInt() - before.value("counters").toObject().value("total").toInt();
        QVERIFY2(requests < kOrders / 3,
                 qPrintable(QStringLiteral("%1 requests for %2 orders").arg(requests).arg(kOrders)));
        QVERIFY2(counters.value("max_rps").toInt() <= 7, QJsonDocument(counters).toJson().constData());
        QCOMPARE(counters.value("by_status").toObject().value("429").toInt(), 0);
        QCOMPARE(counters.value("by_status").toObject().value("403").toInt(), 0);
    }

    /** A crash after a create went out: the next engine finds the deal instead of making a second. */
    void sendingJobsAreReconciledNotResent()
    {
        Store::JobRepo jobs(m_store->db());
        const Model::ShopOrder o = order(1, 1);
        auto enqueued = jobs.enqueue(jobFor(o));
        QVERIFY_OK(enqueued);
        // First engine: sends, then "dies" before settling (we settle it back to 'sending' by hand).
        Crm::ConnectorFactory factory(m_store->db(), m_secrets);
        auto engine = startEngine(factory);
        QTRY_COMPARE_WITH_TIMEOUT(countDone(), 1, 30000);
        stopEngine(engine);
        const int leadsAfterFirst = state().value("leads").toArray().size();
        QVERIFY_OK(Storage::Sql::exec(
            *m_store->db(),
            QStringLiteral(
                "UPDATE jobs SET state = 'sending', lease_owner = 'dead', lease_until = 1 WHERE id = ?"),
            { enqueued->job.id }));
        QVERIFY_OK(Storage::Sql::exec(*m_store->db(), QStringLiteral("DELETE FROM entity_links")));

        auto second = startEngine(factory);
        QTRY_COMPARE_WITH_TIMEOUT(countDone(), 1, 30000);
        stopEngine(second);
        QCOMPARE(state().value("leads").toArray().size(), leadsAfterFirst);
        auto attempts = jobs.attempts(enqueued->job.id);
        QCOMPARE(attempts->last().outcome, QStringLiteral("reconciled"));
        QCOMPARE(Store::EntityLinkRepo(m_store->db()).count(m_connectionId, QStringLiteral("order")).value(),
                 1);
    }

    /** One order the CRM rejects fails on its own with the CRM's reason; its neighbours are delivered. */
    void oneBadOrderDoesNotFailItsNeighbours()
    {
        Store::JobRepo jobs(m_store->db());
        for (int n = 0; n < 10; ++n)
            QVERIFY_OK(jobs.enqueue(jobFor(order(n, 10))));
        Crm::ConnectorFactory factory(m_store->db(), m_secrets);
        auto hook = [](const Store::Job &job, const Crm::DealDraft &draft) -> Common::Result<Crm::DealDraft> {
            Crm::DealDraft changed = draft;
            if (job.reference == QLatin1String("2311/4")) {
                Crm::DraftField bad;
                bad.fieldId = QStringLiteral("987654321");
                bad.fieldName = QStringLiteral("Удалённое поле");
                bad.fieldType = QStringLiteral("text");
                bad.values.append(Crm::FieldValue::ofText(QStringLiteral("x")));
                changed.deal.fields.append(bad);
            }
            return changed;
        };
        auto engine = startEngine(factory, hook);
        QTRY_COMPARE_WITH_TIMEOUT(countDone(), 9, 30000);
        QTRY_COMPARE_WITH_TIMEOUT(jobs.countsByState()->value(Store::JobState::Failed), 1, 30000);
        stopEngine(engine);
        Store::JobQuery failed;
        failed.states = { Store::JobState::Failed };
        const Store::Job bad = jobs.search(failed)->first();
        QCOMPARE(bad.reference, QStringLiteral("2311/4"));
        QVERIFY2(!bad.lastError.isEmpty(), "the operator sees why");
    }

    /** The CRM fails longer than the HTTP layer retries: the job waits and is sent on a later attempt. */
    void transientFailuresRetryWithBackoff()
    {
        m_control->control(QStringLiteral("faults"),
                           { { "rules",
                               QJsonArray { QJsonObject { { "action", "status" },
                                                          { "status", 500 },
                                                          { "method", "POST" },
                                                          { "path", "/api/v4/leads/complex" },
                                                          { "times", 6 } } } } });
        Store::JobRepo jobs(m_store->db());
        auto enqueued = jobs.enqueue(jobFor(order(3, 3)));
        QVERIFY_OK(enqueued);
        Crm::ConnectorFactory factory(m_store->db(), m_secrets, Crm::ConnectorOptions { 7, 5000, 20 });
        auto engine = startEngine(factory);
        QTRY_COMPARE_WITH_TIMEOUT(countDone(), 1, 60000);
        stopEngine(engine);
        const Store::Job job = jobs.get(enqueued->job.id).value();
        QVERIFY2(job.attempts >= 2, qPrintable(QString::number(job.attempts)));
        QCOMPARE(state().value("leads").toArray().size() - 0 > 0, true);
        auto attempts = jobs.attempts(job.id).value();
        QCOMPARE(attempts.first().outcome, QStringLiteral("retry"));
        QCOMPARE(attempts.last().outcome, QStringLiteral("done"));
    }
};

QTEST_GUILESS_MAIN(TestSyncEngine)
#include "tst_SyncEngine.moc"
