// SPDX-License-Identifier: GPL-3.0-or-later
// AmoCrmConnector against the sandbox: batches that settle each order on its own, validation errors in
// our field names, the 40-value limit, reconciling a create whose answer was lost, 5xx storms, HTML 429,
// a 403 block, a revoked grant, and a sustained run that never exceeds the rate limit.

#include "crm/amocrm/AmoCrmConnector.h"
#include "fixtures/amocrm/AmoTestKit.h"
#include "mapping/MappingRepo.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QThread>
#include <atomic>

using namespace Crm;
using namespace Crm::AmoCrm;
using namespace AmoTestKit;
using Sandbox::AmoCrm::AmoCrmSandbox;
using Sandbox::AmoCrm::AmoSandboxOptions;
using Sandbox::Testing::SandboxTestClient;

class TestAmoCrmConnector : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();
    void testConnectionAndSchema();
    void oneBadOrderDoesNotFailItsNeighbours();
    void moreThanFortyFieldsFollowInAPatch();
    void lostCreateAnswerIsReconciledNotDuplicated();
    void fiveHundredStormIsRetried();
    void html429IsHonoured();
    void blockPausesTheAccount();
    void revokedGrantNeedsSignInAndKeepsJobs();
    void sustainedRunStaysUnderTheLimit();

private:
    QList<ItemOutcome> create(const QList<DealCreate> &items);
    DealCreate deal(int n) const;
    QJsonObject state() { return m_control->control(QStringLiteral("state"), {}, "GET"); }
    void signIn();

    std::unique_ptr<AmoCrmSandbox> m_sandbox;
    std::unique_ptr<SandboxTestClient> m_control;
    std::unique_ptr<TestSupport::TestDatabase> m_store;
    std::shared_ptr<Secrets::MemorySecretStore> m_secrets;
    std::shared_ptr<AmoOAuthSession> m_session;
    std::unique_ptr<AmoCrmConnector> m_connector;
    QNetworkAccessManager m_network;
    qint64 m_connectionId = 0;
    qsizetype m_leadsBefore = 0;
    qsizetype m_notesBefore = 0;
    SecretLedger m_ledger;
};

void TestAmoCrmConnector::initTestCase()
{
    AmoSandboxOptions options;
    options.seed = QStringLiteral("demo");
    m_sandbox = std::make_unique<AmoCrmSandbox>(options);
    QString error;
    QVERIFY2(m_sandbox->start(&error), qPrintable(error));
    m_control = std::make_unique<SandboxTestClient>(m_sandbox->baseUrl());
    auto store = TestSupport::TestDatabase::create(QStringLiteral("sqlite"));
    QVERIFY_OK(store);
    m_store = std::move(store).value();
    m_secrets = std::make_shared<Secrets::MemorySecretStore>();
    m_connectionId = addConnection(m_store->db(), *m_sandbox);
    writeSecret(*m_secrets, m_connectionId, AmoSecretNames::clientSecret(),
                m_sandbox->clientSecret().toUtf8());
    m_ledger.add(m_sandbox->clientSecret());
    AmoOAuthSession::Config config;
    config.connectionId = m_connectionId;
    config.integration = integration(*m_sandbox);
    m_session = std::make_shared<AmoOAuthSession>(config, m_secrets, m_store->db());
}

void TestAmoCrmConnector::signIn()
{
    Net::HttpClient client(&m_network, clientOptions(QStringLiteral("sign-in"), 0));
    QVERIFY_OK(signInWithCode(&client, m_secrets, m_connectionId, *m_sandbox, *m_control));
    m_ledger.addTokens(readSecret(*m_secrets, m_connectionId, AmoSecretNames::tokens()));
    m_session->reload();
}

void TestAmoCrmConnector::init()
{
    m_control->control(QStringLiteral("reset"), { { "seed", "demo" } });
    m_control->control(QStringLiteral("faults"), { { "clear", true } });
    signIn();
    AmoConnectorConfig config;
    config.connectionId = m_connectionId;
    config.lane = QStringLiteral("amocrm-test");
    config.baseUrl = m_sandbox->baseUrl();
    config.retry.baseDelayMs = 100;
    config.transferTimeoutMs = 1500;
    m_connector = std::make_unique<AmoCrmConnector>(config, m_session, m_store->db(), &m_network);
    m_connector->httpClient()->limiter().unblock();
    const QJsonObject before = state();
    m_leadsBefore = before.value("leads").toArray().size();
    m_notesBefore = before.value("notes").toArray().size();
}

void TestAmoCrmConnector::cleanup()
{
    m_connector.reset();
}

void TestAmoCrmConnector::cleanupTestCase()
{
    m_ledger.addTokens(readSecret(*m_secrets, m_connectionId, AmoSecretNames::tokens()));
    m_ledger.assertNowhere(*m_store);
}

DealCreate TestAmoCrmConnector::deal(int n) const
{
    DealCreate item;
    item.key = QStringLiteral("job-%1").arg(n);
    item.draft.sourceKind = QStringLiteral("order");
    item.draft.sourceId = QString::number(1000 + n);
    item.draft.deal.name = QStringLiteral("Заказ №%1").arg(1000 + n);
    item.draft.deal.price = 1500 + n;
    item.draft.deal.externalId = QStringLiteral("order:shop:%1").arg(1000 + n);
    item.draft.deal.tags = { QStringLiteral("сайт") };
    item.draft.contact.name = QStringLiteral("Покупатель %1").arg(n);
    item.draft.contact.phones = { { QStringLiteral("+7912%1").arg(1000000 + n), QStringLiteral("MOB") } };
    item.draft.contact.emails = { { QStringLiteral("buyer%1@example.ru").arg(n), QStringLiteral("WORK") } };
    item.draft.note = QStringLiteral("Состав заказа №%1: чай, 2 шт.").arg(1000 + n);
    return item;
}

QList<ItemOutcome> TestAmoCrmConnector::create(const QList<DealCreate> &items)
{
    Wait<QList<ItemOutcome>> w;
    m_connector->createDeals(items, w.callback());
    if (!QTest::qWaitFor([&] { return w.done(); }, 60000))
        return {};
    return w.get();
}

void TestAmoCrmConnector::testConnectionAndSchema()
{
    Wait<Common::Result<AccountInfo>> info;
    m_connector->testConnection(info.callback());
    QTRY_VERIFY_WITH_TIMEOUT(info.done(), 10000);
    QVERIFY_OK(info.get());
    QCOMPARE(info.get()->accountName, QStringLiteral("Интернет-магазин «Ромашка»"));
    QCOMPARE(info.get()->userName, QStringLiteral("Анна Смирнова"));

    Wait<Common::Result<CrmSchema>> schema;
    m_connector->fetchSchema(schema.callback());
    QTRY_VERIFY_WITH_TIMEOUT(schema.done(), 10000);
    QVERIFY_OK(schema.get());
    const CrmSchema &s = schema.get().value();
    QVERIFY(s.pipelines.size() >= 2);
    const Pipeline *main = s.mainPipeline();
    QVERIFY(main);
    QVERIFY(!main->stages.first().colour.isEmpty());
    QVERIFY(main->stage(QStringLiteral("142")) && main->stage(QStringLiteral("142"))->kind == StageKind::Won);
    const CustomField *date = s.fieldByName(Entity::Deal, QStringLiteral("Дата доставки"));
    QVERIFY(date && date->isDateType());
    QVERIFY(s.fieldByCode(Entity::Contact, QStringLiteral("PHONE")));
    QVERIFY(s.users.size() >= 4);
    auto cached = Mapping::MappingRepo(m_store->db()).loadSchema(m_connectionId);
    QVERIFY_OK(cached);
    QVERIFY(cached.value().has_value());
    QCOMPARE(cached.value()->pipelines.size(), s.pipelines.size());
    QVERIFY(m_connector->schemaDiff().isEmpty());
}

void TestAmoCrmConnector::oneBadOrderDoesNotFailItsNeighbours()
{
    Wait<Common::Result<CrmSchema>> schema;
    m_connector->fetchSchema(schema.callback());
    QTRY_VERIFY_WITH_TIMEOUT(schema.done(), 10000);
    const CustomField *date = schema.get()->fieldByName(Entity::Deal, QStringLiteral("Дата доставки"));
    QVERIFY(date);

    QList<DealCreate> items;
    for (int i = 0; i < 50; ++i)
        items << deal(i);
    DraftField bad;
    bad.fieldId = date->id;
    bad.fieldName = date->name;
    bad.fieldType = date->type;
    bad.sourcePath = QStringLiteral("order.delivery_date");
    bad.values = { FieldValue::ofText(QStringLiteral("завтра")) };
    items[17].draft.deal.fields << bad;

    const QList<ItemOutcome> outcomes = create(items);
    QCOMPARE(outcomes.size(), 50);
    int created = 0;
    for (const ItemOutcome &o : outcomes) {
        if (o.key == QLatin1String("job-17")) {
            QVERIFY(o.error.has_value());
            QCOMPARE(o.error->kind, Common::ErrorKind::Permanent);
            QVERIFY2(o.error->message.contains(QStringLiteral("Дата доставки")),
                     qPrintable(o.error->message));
            QVERIFY2(o.error->message.contains(QStringLiteral("order.delivery_date")),
                     qPrintable(o.error->message));
            QVERIFY(o.dealId.isEmpty());
        } else {
            QVERIFY2(!o.error, qPrintable(o.error ? o.error->toString() : QString()));
            QVERIFY(!o.dealId.isEmpty() && !o.contactId.isEmpty());
            ++created;
        }
    }
    QCOMPARE(created, 49);
    const QJsonObject s = state();
    QCOMPARE(s.value("leads").toArray().size(), m_leadsBefore + 49);
    QCOMPARE(s.value("notes").toArray().size(), m_notesBefore + 49);

    // The external id went into the "CRM Bridge ID" field and finds the deals back.
    // Read down from the newest lead to the floor (the highest id before the batch), compared exactly.
    Wait<Common::Result<QMap<QString, Crm::FoundDeal>>> found;
    m_connector->findDealsByExternalIds({ QStringLiteral("order:shop:1003"),
                                          QStringLiteral("order:shop:1017"),
                                          QStringLiteral("order:shop:1049") },
                                        outcomes[0].dealId.toLongLong() - 1, found.callback());
    QTRY_VERIFY_WITH_TIMEOUT(found.done(), 10000);
    QVERIFY_OK(found.get());
    QCOMPARE(found.get()->size(), 2);
    QCOMPARE(outcomes[3].key, QStringLiteral("job-3"));
    QCOMPARE(found.get()->value(QStringLiteral("order:shop:1003")).dealId, outcomes[3].dealId);
    QVERIFY(found.get()->value(QStringLiteral("order:shop:1003")).createdAt > 0);
    // A floor above a deal hides it (its job was sent after that id existed, so it cannot be it).
    Wait<Common::Result<QMap<QString, Crm::FoundDeal>>> aboveFloor;
    m_connector->findDealsByExternalIds({ QStringLiteral("order:shop:1003") },
                                        outcomes[3].dealId.toLongLong(), aboveFloor.callback());
    QTRY_VERIFY_WITH_TIMEOUT(aboveFloor.done(), 10000);
    QVERIFY_OK(aboveFloor.get());
    QVERIFY(aboveFloor.get()->isEmpty());
    Wait<Common::Result<QMap<QString, Crm::FoundDeal>>> noFloor;
    m_connector->findDealsByExternalIds({ QStringLiteral("order:shop:1049") }, 0, noFloor.callback());
    QTRY_VERIFY_WITH_TIMEOUT(noFloor.done(), 10000);
    QCOMPARE(noFloor.get()->value(QStringLiteral("order:shop:1049")).dealId, outcomes[49].dealId);
}

void TestAmoCrmConnector::moreThanFortyFieldsFollowInAPatch()
{
    QJsonArray specs;
    for (int i = 0; i < 45; ++i)
        specs.append(QJsonObject { { "name", QStringLiteral("Поле %1").arg(i) }, { "type", "text" } });
    const QJsonArray ids
        = m_control
              ->control(QStringLiteral("seed"), { { "custom_fields", QJsonObject { { "leads", specs } } } })
              .value("ids")
              .toObject()
              .value("custom_fields.leads")
              .toArray();
    QCOMPARE(ids.size(), 45);
    DealCreate item = deal(1);
    for (int i = 0; i < 45; ++i) {
        DraftField f;
        f.fieldId = QString::number(ids[i].toInteger());
        f.fieldName = QStringLiteral("Поле %1").arg(i);
        f.fieldType = QStringLiteral("text");
        f.values = { FieldValue::ofText(QStringLiteral("значение %1").arg(i)) };
        item.draft.deal.fields << f;
    }
    const QList<ItemOutcome> outcomes = create({ item });
    QCOMPARE(outcomes.size(), 1);
    QVERIFY2(!outcomes[0].error, qPrintable(outcomes[0].error ? outcomes[0].error->message : QString()));
    const QJsonArray leads = state().value("leads").toArray();
    QCOMPARE(leads.size(), m_leadsBefore + 1);
    QCOMPARE(leads.last().toObject().value("custom_fields_values").toArray().size(),
             46); // 45 + the external id
}

void TestAmoCrmConnector::lostCreateAnswerIsReconciledNotDuplicated()
{
    // amoCRM makes the deals, but the answer comes after our 1.5 s transfer timeout.
    m_control->control(
        QStringLiteral("faults"),
        { { "action", "slow" }, { "path", "/api/v4/leads/complex" }, { "delay_ms", 3000 }, { "times", 1 } });
    QList<DealCreate> items;
    for (int i = 0; i < 5; ++i)
        items << deal(i);
    const QList<ItemOutcome> outcomes = create(items);
    QCOMPARE(outcomes.size(), 5);
    for (const ItemOutcome &o : outcomes)
        QVERIFY2(!o.error && !o.dealId.isEmpty(), qPrintable(o.error ? o.error->message : o.key));
    QCOMPARE(state().value("leads").toArray().size(), m_leadsBefore + 5); // not 10
}

void TestAmoCrmConnector::fiveHundredStormIsRetried()
{
    const QList<ItemOutcome> made = create({ deal(1), deal(2), deal(3) });
    QCOMPARE(made.size(), 3);
    Wait<Common::Result<CrmSchema>> schema;
    m_connector->fetchSchema(schema.callback());
    QTRY_VERIFY_WITH_TIMEOUT(schema.done(), 10000);
    const Pipeline *main = schema.get()->mainPipeline();
    QVERIFY(main);
    m_control->control(QStringLiteral("faults"), { { "profile", "5xx" } });
    for (int round = 0; round < 4; ++round) {
        QList<StageMove> moves;
        for (const ItemOutcome &o : made)
            moves << StageMove { o.key, o.dealId, main->id, main->stages.at(1 + round % 2).id, QString() };
        Wait<Common::Result<AccountInfo>> info;
        m_connector->testConnection(info.callback());
        QTRY_VERIFY_WITH_TIMEOUT(info.done(), 20000);
        QVERIFY_OK(info.get());
        Wait<QList<ItemOutcome>> moved;
        m_connector->moveDeals(moves, moved.callback());
        QTRY_VERIFY_WITH_TIMEOUT(moved.done(), 20000);
        for (const ItemOutcome &o : moved.get())
            QVERIFY2(!o.error, qPrintable(o.error ? o.error->message : QString()));
    }
    for (const QJsonValue &lead : state().value("leads").toArray()) {
        if (lead.toObject().value("id").toInteger() == made.first().dealId.toLongLong())
            QCOMPARE(QString::number(lead.toObject().value("status_id").toInteger()), main->stages.at(2).id);
    }
    const QJsonObject byStatus = state().value("counters").toObject().value("by_status").toObject();
    QVERIFY(byStatus.value("500").toInt() + byStatus.value("503").toInt() > 0);
}

void TestAmoCrmConnector::html429IsHonoured()
{
    m_control->control(
        QStringLiteral("faults"),
        { { "action", "429" }, { "html", true }, { "path", "/api/v4/account" }, { "times", 1 } });
    QElapsedTimer timer;
    timer.start();
    Wait<Common::Result<AccountInfo>> info;
    m_connector->testConnection(info.callback());
    QTRY_VERIFY_WITH_TIMEOUT(info.done(), 15000);
    QVERIFY_OK(info.get());
    QVERIFY2(timer.elapsed() >= 1900, qPrintable(QString::number(timer.elapsed()))); // waited, did not hammer
    const QJsonObject byStatus = state().value("counters").toObject().value("by_status").toObject();
    QCOMPARE(byStatus.value("429").toInt(), 1);
}

void TestAmoCrmConnector::blockPausesTheAccount()
{
    QSignalSpy states(m_connector.get(), &CrmConnector::stateChanged);
    m_control->control(QStringLiteral("account"), { { "block", 60 } });
    Wait<Common::Result<AccountInfo>> first;
    m_connector->testConnection(first.callback());
    QTRY_VERIFY_WITH_TIMEOUT(first.done(), 10000);
    QVERIFY(!first.get().ok());
    QCOMPARE(first.get().error().kind, Common::ErrorKind::Blocked);
    QTRY_VERIFY(!states.isEmpty());
    QCOMPARE(states.last().first().value<ConnectorState>(), ConnectorState::Blocked);
    QCOMPARE(m_connector->state(), ConnectorState::Blocked);
    const int total = state().value("counters").toObject().value("total").toInt();
    // Everything after the 403 fails fast, without reaching the server.
    const QList<ItemOutcome> outcomes = create({ deal(1), deal(2) });
    QCOMPARE(outcomes.size(), 2);
    for (const ItemOutcome &o : outcomes)
        QCOMPARE(o.error->kind, Common::ErrorKind::Blocked);
    QCOMPARE(state().value("counters").toObject().value("total").toInt(), total);
    m_control->control(QStringLiteral("account"), { { "unblock", true } });
    m_connector->httpClient()->limiter().unblock();
    const QList<ItemOutcome> after = create({ deal(3) });
    QVERIFY2(!after.first().error,
             qPrintable(after.first().error ? after.first().error->message : QString()));
}

void TestAmoCrmConnector::revokedGrantNeedsSignInAndKeepsJobs()
{
    QSignalSpy states(m_connector.get(), &CrmConnector::stateChanged);
    m_control->control(QStringLiteral("revoke"), {});
    const QList<DealCreate> items { deal(1), deal(2) };
    const QList<ItemOutcome> outcomes = create(items);
    QCOMPARE(outcomes.size(), 2);
    for (const ItemOutcome &o : outcomes) {
        QVERIFY(o.error.has_value());
        QCOMPARE(o.error->kind, Common::ErrorKind::Auth);
    }
    QTRY_VERIFY(!states.isEmpty());
    QCOMPARE(states.last().first().value<ConnectorState>(), ConnectorState::NeedsSignIn);
    QCOMPARE(Store::ConnectionRepo(m_store->db()).byId(m_connectionId)->state,
             QStringLiteral("needs-sign-in"));
    QCOMPARE(state().value("leads").toArray().size(), m_leadsBefore);
    // Nothing is lost: after a new sign-in the same items go through.
    signIn();
    QTRY_COMPARE(m_connector->state(), ConnectorState::Ready);
    for (const ItemOutcome &o : create(items))
        QVERIFY2(!o.error, qPrintable(o.error ? o.error->message : QString()));
    QCOMPARE(state().value("leads").toArray().size(), m_leadsBefore + 2);
}

void TestAmoCrmConnector::sustainedRunStaysUnderTheLimit()
{
    const QString account = m_connector->httpClient()->options().account;
    std::atomic_int done { 0 };
    std::atomic_int failures { 0 };
    QList<QThread *> threads;
    for (int t = 0; t < 4; ++t) {
        auto *thread = new QThread;
        auto *worker = new QObject;
        worker->moveToThread(thread);
        thread->start();
        QMetaObject::invokeMethod(worker, [&, worker, account] {
            auto *network = new QNetworkAccessManager(worker);
            auto *client = new Net::HttpClient(network, clientOptions(account), worker);
            client->setAuthenticator(m_session);
            const QUrl url(m_sandbox->baseUrl().toString() + QStringLiteral("/api/v4/account"));
            for (int i = 0; i < 50; ++i) {
                client->send({ "GET", url }, [&](Common::Result<Net::HttpResponse> r) {
                    if (!r || r->status != 200)
                        ++failures;
                    ++done;
                });
            }
        });
        threads << thread;
        connect(thread, &QThread::finished, worker, &QObject::deleteLater);
    }
    QTRY_COMPARE_WITH_TIMEOUT(done.load(), 200, 90000);
    for (QThread *t : threads) {
        t->quit();
        t->wait();
        delete t;
    }
    QCOMPARE(failures.load(), 0);
    const QJsonObject counters = state().value("counters").toObject();
    const int maxRps = counters.value("max_rps").toInt();
    qInfo() << "max requests in any second:" << maxRps;
    // 7 in any second as sent (tst_RateLimiter) and the whole budget; the sandbox counts on arrival,
    // where a request held up on the way lands next to the following one. Its bucket is the limit.
    QVERIFY2(maxRps <= 8, qPrintable(QString::number(maxRps)));
    const QJsonObject byStatus = counters.value("by_status").toObject();
    QCOMPARE(byStatus.value("429").toInt(), 0);
    QCOMPARE(byStatus.value("403").toInt(), 0);
}

QTEST_GUILESS_MAIN(TestAmoCrmConnector)
#include "tst_AmoCrmConnector.moc"
