// SPDX-License-Identifier: GPL-3.0-or-later
// The amoCRM lane end to end against the sandbox, for what the mapping needs from the account and the
// shop: fields the mapping names are created when the connection allows it (and the jobs fail before
// sending when it does not), category routing through the shop's cached category tree, and an unpaid
// account (HTTP 402) pausing the lane.
#include "TestShopSources.h"
#include "crm/ConnectorFactory.h"
#include "engine/SyncEngine.h"
#include "fixtures/amocrm/AmoTestKit.h"
#include "fixtures/amocrm/EngineTestKit.h"
#include "mapping/MappingRepo.h"
#include "mapping/MappingSet.h"
#include "model/ShopEvent.h"
#include "model/ShopOrder.h"
#include "source/ShopSource.h"
#include "store/CategoryCacheRepo.h"
#include "store/JobRepo.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QSignalSpy>

using namespace AmoTestKit;
using Sandbox::AmoCrm::AmoCrmSandbox;
using Sandbox::AmoCrm::AmoSandboxOptions;
using Sandbox::Testing::SandboxTestClient;

namespace {

/** A shop with a three-level catalogue and nothing else: what the lane needs from a source here. */
class CatalogueShop final : public Source::ShopSource
{
public:
    QString name() const override { return QStringLiteral("shop"); }
    QString kind() const override { return QStringLiteral("test"); }
    Common::Result<QList<Model::SourceField>> fieldCatalogue() override
    {
        return QList<Model::SourceField>();
    }
    Common::Result<Model::CategoryTree> categories() override
    {
        return Model::CategoryTree(
            { { QStringLiteral("10"), QStringLiteral("0"), QStringLiteral("Чай") },
              { QStringLiteral("11"), QStringLiteral("10"), QStringLiteral("Китайский чай") },
              { QStringLiteral("12"), QStringLiteral("11"), QStringLiteral("Улуны") },
              { QStringLiteral("20"), QStringLiteral("0"), QStringLiteral("Посуда") } });
    }
    Common::Result<QList<Source::ShopStatus>> statuses() override { return QList<Source::ShopStatus>(); }
    Common::Result<Source::SourceSummary> summary() override { return Source::SourceSummary(); }
    Common::Result<Source::SourceRead> read(const Source::Marks &, int) override
    {
        return Source::SourceRead();
    }
    Common::Status writeStatus(const QString &, const QString &) override { return {}; }
};

Model::ShopOrder order(int n, const QString &categoryId)
{
    Model::ShopOrder o;
    o.id = QString::number(7000 + n);
    o.number = QStringLiteral("2312/%1").arg(n);
    o.createdAt = QDateTime::currentDateTimeUtc();
    o.statusId = QStringLiteral("1");
    o.cost = 1200 + n;
    o.customer.name = QStringLiteral("Покупатель %1").arg(n);
    o.customer.phone = QStringLiteral("+7 912 55%1").arg(10000 + n);
    o.customer.email = QStringLiteral("lane%1@example.ru").arg(n);
    o.address.city = QStringLiteral("Екатеринбург");
    Model::OrderLine line;
    line.productId = QStringLiteral("5%1").arg(n);
    line.name = QStringLiteral("Товар %1").arg(n);
    line.quantity = 1;
    line.price = 1200 + n;
    line.cost = line.price;
    line.categoryIds = { categoryId };
    o.lines.append(line);
    return o;
}

using EngineTestKit::jobFor;

} // namespace

class TestAmoLane : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<AmoCrmSandbox> m_sandbox;
    std::unique_ptr<SandboxTestClient> m_control;
    std::unique_ptr<TestSupport::TestDatabase> m_store;
    std::shared_ptr<Secrets::MemorySecretStore> m_secrets;
    std::unique_ptr<Crm::ConnectorFactory> m_factory;
    QNetworkAccessManager m_network;
    qint64 m_connectionId = 0;
    SecretLedger m_ledger;

    QJsonObject state() { return m_control->control(QStringLiteral("state"), {}, "GET"); }
    Store::Connection connection()
    {
        return Store::ConnectionRepo(m_store->db()).byId(m_connectionId).value();
    }

    std::unique_ptr<Engine::SyncEngine> startEngine()
    {
        auto engine = std::make_unique<Engine::SyncEngine>(
            m_store->db(), [this](const Store::Connection &c) { return m_factory->forConnection(c); });
        engine->setSources(TestSupport::shopSources());
        Engine::LaneConfig lane;
        lane.idlePollMs = 100;
        lane.retry.firstDelayMs = 300;
        lane.retry.maxDelayMs = 1000;
        engine->setLaneTemplate(lane);
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

    int count(Store::JobState s) { return Store::JobRepo(m_store->db()).countsByState()->value(s); }

    /** The account's schema, fetched and cached as a lane would; the mapping starts from the defaults. */
    Mapping::MappingSet cachedDefaults()
    {
        QObject owner;
        auto connector = m_factory->forConnection(connection())(&owner);
        Wait<Common::Result<Crm::CrmSchema>> schema;
        connector->fetchSchema(schema.callback());
        if (!QTest::qWaitFor([&] { return schema.done(); }, 10000) || !schema.get())
            return {};
        (void)Mapping::MappingRepo(m_store->db()).saveSchema(m_connectionId, schema.get().value());
        return Mapping::MappingSet::defaults(schema.get().value());
    }

    /** Order rows writing the city into fields the account does not have yet. */
    static void addRowsForNewFields(Mapping::MappingSet &set)
    {
        Mapping::FieldRow deal;
        deal.id = QStringLiteral("o90");
        deal.source = QStringLiteral("address.city");
        deal.target = Mapping::FieldTarget::toCreate(Crm::Entity::Deal, QStringLiteral("Город доставки"),
                                                     QStringLiteral("text"));
        Mapping::FieldRow contact = deal;
        contact.id = QStringLiteral("o91");
        contact.target = Mapping::FieldTarget::toCreate(Crm::Entity::Contact, QStringLiteral("Город клиента"),
                                                        QStringLiteral("text"));
        set.orders.rows << deal << contact;
    }

    QJsonObject fieldNamed(const QString &entity, const QString &name)
    {
        for (const QJsonValue &f : state().value("custom_fields").toObject().value(entity).toArray()) {
            if (f.toObject().value("name").toString() == name)
                return f.toObject();
        }
        return {};
    }

    QJsonObject leadNamed(const QString &needle)
    {
        for (const QJsonValue &l : state().value("leads").toArray()) {
            if (l.toObject().value("name").toString().contains(needle))
                return l.toObject();
        }
        return {};
    }

private Q_SLOTS:
    void initTestCase()
    {
        LogCapture::install();
        AmoSandboxOptions options;
        options.seed = QStringLiteral("demo");
        options.rate = 0;
        m_sandbox = std::make_unique<AmoCrmSandbox>(options);
        QString error;
        QVERIFY2(m_sandbox->start(&error), qPrintable(error));
        m_control = std::make_unique<SandboxTestClient>(m_sandbox->baseUrl());
        m_ledger.add(m_sandbox->clientSecret());
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
        Net::HttpClient client(&m_network, clientOptions(QStringLiteral("sign-in"), 0));
        QVERIFY_OK(signInWithCode(&client, m_secrets, m_connectionId, *m_sandbox, *m_control, m_store->db()));
        m_ledger.addTokens(readSecret(*m_secrets, m_connectionId, Crm::AmoCrm::AmoSecretNames::tokens()));
        Crm::ConnectorOptions options;
        options.requestsPerSecond = 0;
        options.retryBaseDelayMs = 50;
        options.paymentProbeMs = 300;
        m_factory = std::make_unique<Crm::ConnectorFactory>(m_store->db(), m_secrets, options);
    }

    void cleanup()
    {
        m_ledger.addTokens(readSecret(*m_secrets, m_connectionId, Crm::AmoCrm::AmoSecretNames::tokens()));
        m_ledger.assertNowhere(*m_store, LogCapture::text());
        m_factory.reset();
        m_store.reset();
    }

    void missingFieldsAreCreatedWhenAllowed()
    {
        Mapping::MappingSet set = cachedDefaults();
        QVERIFY(!set.orders.rows.isEmpty());
        addRowsForNewFields(set);
        QVERIFY_OK(Mapping::MappingRepo(m_store->db()).save(m_connectionId, set));
        Store::Connection c = connection();
        c.config.insert(QStringLiteral("auto_create_deal_fields"), true);
        c.config.insert(QStringLiteral("auto_create_contact_fields"), true);
        QVERIFY_OK(Store::ConnectionRepo(m_store->db()).update(c));
        Store::JobRepo jobs(m_store->db());
        QVERIFY_OK(jobs.enqueue(jobFor(order(1, QStringLiteral("20")))));
        QVERIFY_OK(jobs.enqueue(jobFor(order(2, QStringLiteral("20")))));

        auto engine = startEngine();
        QVERIFY(engine);
        QTRY_COMPARE_WITH_TIMEOUT(count(Store::JobState::Done), 2, 30000);
        // Another round must not create them again.
        QVERIFY_OK(jobs.enqueue(jobFor(order(3, QStringLiteral("20")))));
        engine->wake();
        QTRY_COMPARE_WITH_TIMEOUT(count(Store::JobState::Done), 3, 30000);
        stopEngine(engine);

        const QJsonObject dealField = fieldNamed(QStringLiteral("leads"), QStringLiteral("Город доставки"));
        const QJsonObject contactField
            = fieldNamed(QStringLiteral("contacts"), QStringLiteral("Город клиента"));
        QVERIFY(!dealField.isEmpty() && !contactField.isEmpty());
        const QJsonObject byEndpoint = state().value("counters").toObject().value("by_endpoint").toObject();
        QCOMPARE(byEndpoint.value("POST /api/v4/contacts/custom_fields").toInt(), 1);
        // The rows now point at the new fields, and the deals carry the city in them.
        auto saved = Mapping::MappingRepo(m_store->db()).load(m_connectionId);
        QVERIFY_OK(saved);
        QCOMPARE((*saved)->orders.row(QStringLiteral("o90"))->target.fieldId,
                 QString::number(dealField.value("id").toInteger()));
        QCOMPARE((*saved)->orders.row(QStringLiteral("o91"))->target.fieldId,
                 QString::number(contactField.value("id").toInteger()));
        const QJsonObject lead = leadNamed(QStringLiteral("2312/1"));
        QVERIFY(!lead.isEmpty());
        bool cityWritten = false;
        for (const QJsonValue &v : lead.value("custom_fields_values").toArray()) {
            const QJsonObject f = v.toObject();
            cityWritten = cityWritten
                || (f.value("field_id").toInteger() == dealField.value("id").toInteger()
                    && f.value("values").toArray().first().toObject().value("value").toString()
                        == QStringLiteral("Екатеринбург"));
        }
        QVERIFY2(cityWritten, QJsonDocument(lead).toJson().constData());
    }

    void missingFieldsFailJobsWhenNotAllowed()
    {
        Mapping::MappingSet set = cachedDefaults();
        addRowsForNewFields(set);
        QVERIFY_OK(Mapping::MappingRepo(m_store->db()).save(m_connectionId, set));
        const int leadsBefore = state().value("leads").toArray().size();
        Store::JobRepo jobs(m_store->db());
        auto id = jobs.enqueue(jobFor(order(4, QStringLiteral("20"))));
        QVERIFY_OK(id);

        auto engine = startEngine();
        QVERIFY(engine);
        QTRY_COMPARE_WITH_TIMEOUT(count(Store::JobState::Failed), 1, 30000);
        stopEngine(engine);
        const QString error = jobs.get(id->job.id)->lastError;
        QVERIFY2(error.contains(QStringLiteral("Город доставки"))
                     && error.contains(QStringLiteral("does not exist")),
                 qPrintable(error));
        QCOMPARE(state().value("leads").toArray().size(), leadsBefore);
        QVERIFY(fieldNamed(QStringLiteral("leads"), QStringLiteral("Город доставки")).isEmpty());
    }

    void productInASubSubCategoryFollowsTheTopCategoryRule()
    {
        // The source caches its tree as it polls; the lane routes through it.
        CatalogueShop shop;
        QVERIFY_OK(Source::refreshCategoryCache(shop, m_store->db(), Common::Clock::system()));
        auto cached = Store::CategoryCacheRepo(m_store->db()).load(QStringLiteral("shop"));
        QVERIFY_OK(cached);
        QVERIFY(cached->has_value());
        QCOMPARE((*cached)->tree.ancestry(QStringLiteral("12")),
                 QStringList({ QStringLiteral("12"), QStringLiteral("11"), QStringLiteral("10") }));

        Mapping::MappingSet set = cachedDefaults();
        const auto schema = Mapping::MappingRepo(m_store->db()).loadSchema(m_connectionId).value().value();
        const Crm::Pipeline *requests = nullptr;
        for (const Crm::Pipeline &p : schema.pipelines) {
            if (!p.isMain)
                requests = &p;
        }
        QVERIFY(requests);
        const Crm::Stage &second = requests->stages.at(requests->stages.size() > 2 ? 2 : 1);
        Mapping::RouteRule tea;
        tea.id = QStringLiteral("r1");
        tea.categoryId = QStringLiteral("10");
        tea.pipelineId = requests->id;
        tea.stageId = second.id;
        set.routing.rules << tea;
        QVERIFY_OK(Mapping::MappingRepo(m_store->db()).save(m_connectionId, set));

        Store::JobRepo jobs(m_store->db());
        QVERIFY_OK(jobs.enqueue(jobFor(order(5, QStringLiteral("12"))))); // Чай › Китайский чай › Улуны
        QVERIFY_OK(jobs.enqueue(jobFor(order(6, QStringLiteral("20"))))); // Посуда: no rule
        auto engine = startEngine();
        QVERIFY(engine);
        QTRY_COMPARE_WITH_TIMEOUT(count(Store::JobState::Done), 2, 30000);
        stopEngine(engine);

        const QJsonObject oolong = leadNamed(QStringLiteral("2312/5"));
        QCOMPARE(QString::number(oolong.value("pipeline_id").toInteger()), requests->id);
        QCOMPARE(QString::number(oolong.value("status_id").toInteger()), second.id);
        const QJsonObject dishes = leadNamed(QStringLiteral("2312/6"));
        QCOMPARE(QString::number(dishes.value("pipeline_id").toInteger()), schema.mainPipeline()->id);
    }

    void aStopWhileTheSchemaIsReadEnds()
    {
        // The lane's first round reads the account's schema (nothing cached): a stop that comes while
        // that read is under way ends the lane once the read is back; it used to leave the engine's
        // stop waiting for ever (a `crmbridgectl run` stopped during its start-up never ended).
        m_control->control(QStringLiteral("faults"),
                           { { "action", "slow" },
                             { "path", "/api/v4/leads/pipelines" },
                             { "delay_ms", 2000 },
                             { "times", 1 } });
        auto engine = startEngine();
        QVERIFY(engine);
        const auto schemaReadStarted = [this] {
            const QJsonArray faults
                = m_control->control(QStringLiteral("faults"), {}, "GET").value("faults").toArray();
            return !faults.isEmpty() && faults.first().toObject().value("fired").toInt() == 1;
        };
        QTRY_VERIFY_WITH_TIMEOUT(schemaReadStarted(), 30000);
        QElapsedTimer timer;
        timer.start();
        stopEngine(engine);
        qInfo("stopped %lld ms after a stop during the schema's read", timer.elapsed());
        m_control->control(QStringLiteral("faults"), { { "clear", true } });
    }

    void unpaidAccountPausesTheLane()
    {
        // An unpaid account answers 402 to everything; the lane meets it on its first call (reading the
        // CRM's contacts before a send), pauses with the reason, and keeps the orders queued: nothing
        // fails, nothing is lost, and nothing needs a resend once the account is paid.
        QVERIFY(!cachedDefaults().orders.rows.isEmpty());
        m_control->control(QStringLiteral("account"), { { "unpaid", true } });
        Store::JobRepo jobs(m_store->db());
        auto first = jobs.enqueue(jobFor(order(7, QStringLiteral("20"))));
        QVERIFY_OK(first);
        auto engine = startEngine();
        QVERIFY(engine);
        QTRY_COMPARE_WITH_TIMEOUT(engine->lanes().first()->state(), Engine::LaneState::Paused, 30000);
        QTRY_VERIFY_WITH_TIMEOUT(engine->lanes().first()->reason().contains(QStringLiteral("not paid")),
                                 10000);
        auto second = jobs.enqueue(jobFor(order(8, QStringLiteral("20"))));
        QVERIFY_OK(second);
        QTest::qWait(700);
        QCOMPARE(jobs.get(first->job.id)->state, Store::JobState::Pending);
        QCOMPARE(jobs.get(second->job.id)->state, Store::JobState::Pending);
        QCOMPARE(count(Store::JobState::Failed), 0);
        // Once paid, the lane's probe finds out, it resumes and sends both.
        m_control->control(QStringLiteral("account"), { { "unpaid", false } });
        QTRY_COMPARE_WITH_TIMEOUT(count(Store::JobState::Done), 2, 30000);
        QVERIFY(engine->lanes().first()->state() != Engine::LaneState::Paused);
        stopEngine(engine);
    }
};

QTEST_GUILESS_MAIN(TestAmoLane)
#include "tst_AmoLane.moc"
