// SPDX-License-Identifier: GPL-3.0-or-later
// RetailCrmConnector against the RetailCRM sandbox over loopback: reference data as the schema, orders
// with their customer found or created once, a resend that links instead of duplicating, the error
// envelope in our field names, statuses both ways with our own changes skipped, payments marked paid,
// 503 retried, and a key that never leaves the SecretStore.

#include "crm/retailcrm/RetailCodec.h"
#include "fixtures/retailcrm/RetailTestKit.h"
#include "mapping/DraftBuilder.h"
#include "mapping/MappingRepo.h"
#include "net/Redactor.h"

#include <QNetworkAccessManager>

using namespace Crm;
using namespace Crm::RetailCrm;
using namespace RetailTestKit;
using Sandbox::RetailCrm::RetailCrmSandbox;
using Sandbox::RetailCrm::RetailSandboxOptions;
using Sandbox::Testing::RetailTestClient;

class TestRetailCrmConnector : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<RetailCrmSandbox> m_sandbox;
    std::unique_ptr<RetailTestClient> m_control;
    std::unique_ptr<TestSupport::TestDatabase> m_store;
    std::shared_ptr<Secrets::MemorySecretStore> m_secrets;
    std::unique_ptr<RetailCrmConnector> m_connector;
    QNetworkAccessManager m_network;
    qint64 m_connectionId = 0;

    QJsonObject state() { return m_control->control(QStringLiteral("state"), {}, "GET"); }

    std::unique_ptr<RetailCrmConnector> makeConnector(const QString &site = {})
    {
        RetailConnectorConfig config;
        config.connectionId = m_connectionId;
        config.lane = QStringLiteral("test");
        config.baseUrl = m_sandbox->baseUrl();
        config.site = site.isEmpty() ? m_sandbox->site() : site;
        config.retry.baseDelayMs = 50;
        config.keyRecheckMs = 200;
        return std::make_unique<RetailCrmConnector>(config, m_secrets, m_store->db(), &m_network);
    }

    std::optional<CrmSchema> m_schema;

    CrmSchema schema()
    {
        if (m_schema)
            return *m_schema;
        auto fetched = await<Common::Result<CrmSchema>>([&](auto cb) { m_connector->fetchSchema(cb); });
        if (!fetched)
            qFatal("schema: %s", qPrintable(fetched.error().toString()));
        m_schema = fetched.value();
        return *m_schema;
    }

    /** Drafts as the lane builds them: the stored mapping over the fetched schema. */
    DealCreate create(const Model::ShopOrder &order, const QString &key)
    {
        const CrmSchema s = schema();
        Mapping::DraftBuilder builder(mapping(s), s);
        auto draft = builder.build(order);
        if (!draft)
            qFatal("draft: %s", qPrintable(draft.error().toString()));
        return { key, draft.value(), {} };
    }

    QList<ItemOutcome> send(const QList<DealCreate> &items)
    {
        return await<QList<ItemOutcome>>([&](auto cb) { m_connector->createDeals(items, cb); }, 60000);
    }

    QJsonArray ordersWithExternalId(const QString &externalId)
    {
        QJsonArray out;
        for (const QJsonValue &v : state().value("orders").toArray()) {
            if (v.toObject().value("externalId").toString() == externalId)
                out.append(v);
        }
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        const QString error = RetailTestKit::startDemoSandbox(m_sandbox, m_control);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        m_network.setProxy(QNetworkProxy::NoProxy);
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
        AmoTestKit::writeSecret(*m_secrets, m_connectionId, RetailSecretNames::apiKey(),
                                m_sandbox->apiKey().toUtf8());
        m_connector = makeConnector();
        m_schema.reset();
    }

    void cleanup()
    {
        m_connector.reset();
        m_store.reset();
    }

    void referenceDataIsTheSchema()
    {
        const CrmSchema s = schema();
        QCOMPARE(s.crm, QStringLiteral("retailcrm"));
        QCOMPARE(s.pipelines.size(), 1);
        const Pipeline &p = s.pipelines.first();
        QCOMPARE(p.id, QStringLiteral("orders"));
        QCOMPARE(p.name, QStringLiteral("Демо-магазин"));
        QVERIFY(p.isMain);
        // Ordered by group, then status: "new" first, the cancel group last.
        QCOMPARE(p.stages.first().id, QStringLiteral("new"));
        QCOMPARE(p.stage(QStringLiteral("complete"))->kind, StageKind::Won);
        QCOMPARE(p.stage(QStringLiteral("no-call"))->kind, StageKind::Lost);
        QCOMPARE(p.stage(QStringLiteral("assembling"))->name, QStringLiteral("Комплектуется"));
        QVERIFY(p.stage(QStringLiteral("client-confirmed"))->sort
                < p.stage(QStringLiteral("delivering"))->sort);
        QVERIFY(s.dictionaryEntry(QStringLiteral("delivery-types"), QStringLiteral("courier")));
        QCOMPARE(s.dictionaryEntry(QStringLiteral("payment-types"), QStringLiteral("bank-card"))->value,
                 QStringLiteral("Банковская карта"));
        QVERIFY(s.dictionaryEntry(QStringLiteral("payment-statuses"), QStringLiteral("paid")));
        QVERIFY(s.dictionaryEntry(QStringLiteral("sites"), m_sandbox->site()));
        // The schema survives the store's JSON round trip (the lane caches it).
        QCOMPARE(CrmSchema::fromJson(s.toJson()).value(), s);

        auto info = await<Common::Result<AccountInfo>>([&](auto cb) { m_connector->testConnection(cb); });
        QVERIFY_OK(info);
        QCOMPARE(info->accountName, QStringLiteral("Демо-магазин"));
        QCOMPARE(info->accountId, m_sandbox->site());
    }

    void codeMapsAreValidatedAgainstTheDictionaries()
    {
        const CrmSchema s = schema();
        Mapping::MappingSet set = mapping(s);
        QVERIFY(!Mapping::hasErrors(set.codes.validate(s)));
        set.codes.delivery.append({ QStringLiteral("9"), QStringLiteral("Дрон"), QStringLiteral("drone") });
        const QList<Mapping::Problem> problems = set.codes.validate(s);
        QCOMPARE(problems.size(), 1);
        QCOMPARE(problems.first().rowId, QStringLiteral("delivery:9"));
        QVERIFY(problems.first().message.contains(QLatin1String("drone")));
        // The mapping file keeps the code maps (and refuses the bad code against the schema).
        auto reread = Mapping::MappingSet::fromJson(mapping(s).toJson(), &s);
        QVERIFY_OK(reread);
        QCOMPARE(reread->codes, mapping(s).codes);
        QVERIFY(!Mapping::MappingSet::fromJson(set.toJson(), &s).ok());
        // An order of that delivery fails before anything is sent, naming the row.
        Mapping::DraftBuilder builder(set, s);
        Model::ShopOrder o = order(0, 1);
        o.deliveryId = QStringLiteral("9");
        auto draft = builder.build(o);
        QVERIFY(!draft.ok());
        QCOMPARE(draft.error().code, QStringLiteral("mapping-broken"));
    }

    void ordersAreCreatedOnceWithTheirCustomer()
    {
        const int customersBefore = state().value("customers").toArray().size();
        // Orders 0..3 of two people; person 1's orders come with the phone typed as 8… and +7 ….
        QList<DealCreate> items;
        for (int n = 0; n < 4; ++n)
            items.append(create(order(n, 2), QString::number(n + 1)));
        const QList<ItemOutcome> outcomes = send(items);
        QCOMPARE(outcomes.size(), 4);
        for (const ItemOutcome &o : outcomes)
            QVERIFY2(!o.error, qPrintable(o.error ? o.error->toString() : QString()));
        QCOMPARE(state().value("customers").toArray().size(), customersBefore + 2);
        QCOMPARE(outcomes[0].contactId, outcomes[2].contactId);
        QCOMPARE(outcomes[1].contactId, outcomes[3].contactId);

        const QJsonArray two = ordersWithExternalId(QStringLiteral("2311-2"));
        QCOMPARE(two.size(), 1);
        const QJsonObject o = two.first().toObject();
        QCOMPARE(QString::number(o.value("id").toInteger()), outcomes[1].dealId);
        QCOMPARE(o.value("number").toString(), QStringLiteral("2311/2"));
        QCOMPARE(o.value("status").toString(), QStringLiteral("new"));
        QCOMPARE(o.value("items").toArray().size(), 2);
        const QJsonObject shirt = o.value("items").toArray()[1].toObject();
        QCOMPARE(shirt.value("offer").toObject().value("xmlId").toString(), QStringLiteral("SKU-15"));
        QCOMPARE(shirt.value("initialPrice").toDouble(), 1990.0);
        QCOMPARE(shirt.value("properties").toArray().first().toObject().value("value").toString(),
                 QStringLiteral("L"));
        QCOMPARE(o.value("delivery").toObject().value("code").toString(), QStringLiteral("courier"));
        QCOMPARE(o.value("delivery").toObject().value("cost").toDouble(), 300.0);
        QCOMPARE(o.value("delivery").toObject().value("address").toObject().value("city").toString(),
                 QStringLiteral("Екатеринбург"));
        const QJsonObject payments = o.value("payments").toObject();
        QCOMPARE(payments.size(), 1);
        QCOMPARE(payments.begin().value().toObject().value("type").toString(), QStringLiteral("cash"));
        QCOMPARE(payments.begin().value().toObject().value("status").toString(), QStringLiteral("not-paid"));
        QCOMPARE(o.value("discountManualAmount").toDouble(), 100.0);
        QCOMPARE(o.value("totalSumm").toDouble(), 900 + 1990 + 300 - 100.0);
        QCOMPARE(o.value("customerComment").toString(), QStringLiteral("Позвонить за час"));
        QCOMPARE(o.value("weight").toDouble(), 0.8);
        QCOMPARE(o.value("customer").toObject().value("externalId").toString(), QStringLiteral("101"));

        // A resend of the same orders (an answer lost, an operator's resend) links the orders that exist.
        const int ordersBefore = state().value("orders").toArray().size();
        const QList<ItemOutcome> again = send(items);
        for (int i = 0; i < 4; ++i) {
            QVERIFY(!again[i].error);
            QCOMPARE(again[i].dealId, outcomes[i].dealId);
        }
        QCOMPARE(state().value("orders").toArray().size(), ordersBefore);
        QCOMPARE(state().value("customers").toArray().size(), customersBefore + 2);

        // After a crash: the lane finds them by the ids the connector wrote.
        QStringList ids;
        for (const DealCreate &item : std::as_const(items))
            ids << m_connector->crmExternalIdOf(item.draft);
        QCOMPARE(ids.first(), QStringLiteral("2311-1"));
        auto found = await<Common::Result<QMap<QString, Crm::FoundDeal>>>(
            [&](auto cb) { m_connector->findDealsByExternalIds(ids + QStringList { "2311-99" }, 0, cb); });
        QVERIFY_OK(found);
        QCOMPARE(found->size(), 4);
        QCOMPARE(found->value(QStringLiteral("2311-3")).dealId, outcomes[2].dealId);
    }

    void existingCustomerIsFoundByEmailOrPhone()
    {
        const int customersBefore = state().value("customers").toArray().size();
        // The seeded customer (externalId 1, ivan@example.ru, +79990001122) orders as a guest: by e-mail.
        Model::ShopOrder byEmail = order(0, 1);
        byEmail.customer.id.clear();
        byEmail.customer.email = QStringLiteral("IVAN@example.ru");
        // …and with only his phone, typed the other way.
        Model::ShopOrder byPhone = order(1, 1);
        byPhone.customer.id.clear();
        byPhone.customer.email.clear();
        byPhone.customer.phone = QStringLiteral("8 (999) 000-11-22");
        const QList<ItemOutcome> outcomes
            = send({ create(byEmail, QStringLiteral("1")), create(byPhone, QStringLiteral("2")) });
        QVERIFY(!outcomes[0].error && !outcomes[1].error);
        QCOMPARE(state().value("customers").toArray().size(), customersBefore);
        QCOMPARE(outcomes[0].contactId, outcomes[1].contactId);
        const QJsonObject seeded = state().value("customers").toArray().first().toObject();
        QCOMPARE(outcomes[0].contactId, QString::number(seeded.value("id").toInteger()));
        // A contact the lane already knows is linked without any search.
        DealCreate known = create(order(2, 1), QStringLiteral("3"));
        known.existingContactId = outcomes[0].contactId;
        QCOMPARE(send({ known }).first().contactId, outcomes[0].contactId);
    }

    /**
     * Three new orders in one call: the customers go in one customers/upload and the orders in one
     * orders/upload. The shop user who is a RetailCRM customer already (under other contacts, so the
     * contact index could not match him) is refused by the upload and linked by his externalId: no
     * second customer, and his order is created alone.
     */
    void aBatchUploadsCustomersAndOrdersAndLinksAKnownShopUser()
    {
        const Model::ShopOrder first = order(0, 3);
        RetailTestClient api(m_sandbox->baseUrl(), m_sandbox->apiKey());
        const auto seeded = api.postForm(
            QStringLiteral("/api/v5/customers/create"),
            { { "site", m_sandbox->site() },
              { "customer",
                RetailTestClient::json(QJsonObject { { "externalId", first.customer.id },
                                                     { "firstName", QStringLiteral("Старый профиль") },
                                                     { "email", QStringLiteral("old@example.ru") } }) } });
        QCOMPARE(seeded.status, 201);
        const QString seededId
            = QString::number(QJsonDocument::fromJson(seeded.body).object().value("id").toInteger());
        const int customersBefore = state().value("customers").toArray().size();
        const QJsonObject countsBefore = requestCounts(*m_control);
        const QList<ItemOutcome> outcomes
            = send({ create(first, QStringLiteral("1")), create(order(1, 3), QStringLiteral("2")),
                     create(order(2, 3), QStringLiteral("3")) });
        QCOMPARE(outcomes.size(), 3);
        for (int i = 0; i < 3; ++i) {
            QVERIFY2(!outcomes[i].error,
                     qPrintable(outcomes[i].error ? outcomes[i].error->toString() : QString()));
            QCOMPARE(outcomes[i].key, QString::number(i + 1));
            QCOMPARE(ordersWithExternalId(QStringLiteral("2311-%1").arg(i + 1)).size(), 1);
        }
        QCOMPARE(outcomes[0].contactId, seededId);
        QVERIFY(outcomes[1].contactId != outcomes[2].contactId && !outcomes[1].contactId.isEmpty());
        QCOMPARE(state().value("customers").toArray().size(), customersBefore + 2);
        const QJsonObject counts = requestCounts(*m_control);
        auto delta = [&](const char *endpoint) {
            return counts.value(QLatin1String(endpoint)).toInt()
                - countsBefore.value(QLatin1String(endpoint)).toInt();
        };
        QCOMPARE(delta("POST /api/v5/customers/upload"), 1);
        QCOMPARE(delta("POST /api/v5/orders/upload"), 1);
        QCOMPARE(delta("POST /api/v5/orders/create"), 1); // the known shop user's order, alone
        QCOMPARE(delta("GET /api/v5/customers/{*}"), 1); // he is found by his externalId
        QCOMPARE(delta("GET /api/v5/customers"), 0); // nobody is searched
        QCOMPARE(delta("POST /api/v5/customers/create"), 0);
    }

    void errorEnvelopeNamesOurFields()
    {
        DealCreate bad = create(order(0, 1), QStringLiteral("1"));
        bad.draft.deal.stageId = QStringLiteral("no-such-status");
        bad.draft.order->deliveryCode = QStringLiteral("teleport");
        const QList<ItemOutcome> outcomes = send({ bad, create(order(1, 1), QStringLiteral("2")) });
        QVERIFY(outcomes[0].error);
        const Common::Error &e = *outcomes[0].error;
        QCOMPARE(e.kind, Common::ErrorKind::Permanent);
        QCOMPARE(e.code, QStringLiteral("validation"));
        QCOMPARE(e.httpStatus, 400);
        const QJsonObject fields = e.details.value("fields").toObject();
        QVERIFY2(fields.value("order.status").toString().contains("no-such-status"), qPrintable(e.message));
        QVERIFY(fields.value("order.delivery").toString().contains("teleport"));
        QVERIFY(e.message.contains(QLatin1String("order.status")));
        QVERIFY(e.details.value("crm_fields").toObject().contains("delivery.code"));
        // Its neighbour went through.
        QVERIFY(!outcomes[1].error);
        QCOMPARE(ordersWithExternalId(QStringLiteral("2311-1")).size(), 0);
        QCOMPARE(ordersWithExternalId(QStringLiteral("2311-2")).size(), 1);
    }

    void statusesTravelBothWaysWithoutEchoes()
    {
        // Statuses and payments: the stored mapping says shop status 2 (paid) ↔ client-confirmed.
        const CrmSchema s = schema();
        QVERIFY_OK(Mapping::MappingRepo(m_store->db()).save(m_connectionId, mapping(s)));
        const QList<ItemOutcome> created
            = send({ create(order(0, 1), QStringLiteral("1")), create(order(1, 1), QStringLiteral("2")) });
        QVERIFY(!created[0].error && !created[1].error);

        auto start = await<Common::Result<StageChangePage>>(
            [&](auto cb) { m_connector->stageChangesSince({}, cb); });
        QVERIFY_OK(start);
        QVERIFY(start->changes.isEmpty());
        const QString cursor = start->nextCursor;
        QCOMPARE(cursor, QString::number(state().value("last_history_id").toInteger()));

        // Shop → CRM: our own moves, the first to the paid stage (the engine's StageMoveBatch names the
        // payment status when the mapping's codes say the shop status means paid).
        auto moved = await<QList<ItemOutcome>>([&](auto cb) {
            m_connector->moveDeals({ { QStringLiteral("m1"),
                                       created[0].dealId,
                                       QStringLiteral("orders"),
                                       QStringLiteral("client-confirmed"),
                                       {},
                                       QStringLiteral("paid") },
                                     { QStringLiteral("m2"),
                                       created[1].dealId,
                                       QStringLiteral("orders"),
                                       QStringLiteral("complete"),
                                       {} } },
                                   cb);
        });
        QVERIFY(!moved[0].error && !moved[1].error);
        const QJsonObject first = ordersWithExternalId(QStringLiteral("2311-1")).first().toObject();
        QCOMPARE(first.value("status").toString(), QStringLiteral("client-confirmed"));
        QCOMPARE(first.value("payments").toObject().begin().value().toObject().value("status").toString(),
                 QStringLiteral("paid"));
        const QJsonObject second = ordersWithExternalId(QStringLiteral("2311-2")).first().toObject();
        QCOMPARE(second.value("status").toString(), QStringLiteral("complete"));
        QCOMPARE(second.value("payments").toObject().begin().value().toObject().value("status").toString(),
                 QStringLiteral("not-paid"));

        // CRM → shop: a manager's change and another integration's come back; ours do not.
        m_control->control(QStringLiteral("api-keys"),
                           { { "key", "otherIntegrationKey42" }, { "sites", QJsonArray() } });
        m_control->control(
            QStringLiteral("manager/order-status"),
            { { "externalId", "2311-1" }, { "site", m_sandbox->site() }, { "status", "assembling" } });
        m_control->control(QStringLiteral("manager/order-status"),
                           { { "externalId", "2311-2" },
                             { "site", m_sandbox->site() },
                             { "status", "no-call" },
                             { "api_key", "otherIntegrationKey42" } });
        auto page = await<Common::Result<StageChangePage>>(
            [&](auto cb) { m_connector->stageChangesSince(cursor, cb); });
        QVERIFY_OK(page);
        QCOMPARE(page->changes.size(), 2);
        const Model::StatusChange &c = page->changes.first();
        QCOMPARE(c.origin, Model::StatusChange::Origin::Crm);
        QCOMPARE(c.orderId, created[0].dealId);
        QCOMPARE(c.fromStatus, QStringLiteral("client-confirmed"));
        QCOMPARE(c.toStatus, QStringLiteral("assembling"));
        QCOMPARE(c.pipelineId, QStringLiteral("orders"));
        QVERIFY(c.at.isValid());
        QCOMPARE(page->changes[1].toStatus, QStringLiteral("no-call"));
        QVERIFY(page->nextCursor.toLongLong() > cursor.toLongLong());
        // Nothing new: the cursor stays.
        auto quiet = await<Common::Result<StageChangePage>>(
            [&](auto cb) { m_connector->stageChangesSince(page->nextCursor, cb); });
        QVERIFY_OK(quiet);
        QVERIFY(quiet->changes.isEmpty());
        QCOMPARE(quiet->nextCursor, page->nextCursor);
    }

    void rateLimitAnswersAreRetried()
    {
        // A 5 rps sandbox and a client told it may send 50: the 503s are waited out, nothing is lost.
        RetailConnectorConfig config;
        config.connectionId = m_connectionId;
        config.baseUrl = m_sandbox->baseUrl();
        config.site = m_sandbox->site();
        config.limit.requestsPerSecond = 50;
        config.retry.baseDelayMs = 200;
        config.retry.maxAttempts = 8;
        RetailCrmConnector fast(config, m_secrets, m_store->db(), &m_network);
        QList<DealCreate> items;
        for (int n = 0; n < 6; ++n)
            items.append(create(order(n, 6), QString::number(n + 1)));
        m_control->control(QStringLiteral("rate-limit"), { { "rate", 5 }, { "burst", 5 } });
        // One order per call, all at once (a batch would need too few requests to reach the limit).
        QList<ItemOutcome> outcomes;
        for (const DealCreate &item : std::as_const(items))
            fast.createDeals({ item }, [&outcomes](QList<ItemOutcome> got) { outcomes += got; });
        QTRY_COMPARE_WITH_TIMEOUT(outcomes.size(), items.size(), 60000);
        for (const ItemOutcome &o : std::as_const(outcomes))
            QVERIFY2(!o.error, qPrintable(o.error ? o.error->toString() : QString()));
        const QJsonObject counters = state().value("counters").toObject();
        QVERIFY2(counters.value("by_status").toObject().value("503").toInt() > 0, "the limit was hit");
        QCOMPARE(state().value("orders").toArray().size(), 6);
    }

    void theKeyStaysSecret()
    {
        QVERIFY(!send({ create(order(0, 1), QStringLiteral("1")) }).first().error);
        AmoTestKit::SecretLedger ledger;
        ledger.add(m_sandbox->apiKey());
        ledger.assertNowhere(*m_store);
        auto headers = Storage::Sql::scalar(
            *m_store->db(), QStringLiteral("SELECT request_headers FROM op_log_bodies LIMIT 1"));
        QVERIFY_OK(headers);
        QVERIFY2(headers->toString().contains(QLatin1String("X-API-KEY: ***")),
                 qPrintable(headers->toString()));
        // The Redactor also hides a key passed as apiKey= (another client's URL in a log line).
        QCOMPARE(Net::Redactor::scrub(
                     QStringLiteral("GET /api/v5/orders?apiKey=%1&limit=20").arg(m_sandbox->apiKey())),
                 QStringLiteral("GET /api/v5/orders?apiKey=***&limit=20"));
    }

    void missingOrRefusedKeyNeedsSignIn()
    {
        Wait<Common::Status> removed;
        m_secrets->remove(Secrets::SecretStore::connectionScope(m_connectionId), RetailSecretNames::apiKey(),
                          removed.callback());
        QTRY_VERIFY(removed.done());
        auto connector = makeConnector();
        auto info = await<Common::Result<AccountInfo>>([&](auto cb) { connector->testConnection(cb); });
        QVERIFY(!info.ok());
        QCOMPARE(info.error().kind, Common::ErrorKind::Auth);
        QCOMPARE(connector->state(), ConnectorState::NeedsSignIn);

        AmoTestKit::writeSecret(*m_secrets, m_connectionId, RetailSecretNames::apiKey(),
                                "wrongKey0123456789");
        QTRY_COMPARE(connector->state(), ConnectorState::Ready);
        info = await<Common::Result<AccountInfo>>([&](auto cb) { connector->testConnection(cb); });
        QVERIFY(!info.ok());
        QCOMPARE(info.error().kind, Common::ErrorKind::Auth);
        QVERIFY2(info.error().message.contains(QLatin1String("apiKey")), qPrintable(info.error().message));
        QCOMPARE(connector->state(), ConnectorState::NeedsSignIn);
        // A 403 is not an amoCRM-style block: a good key works at once.
        AmoTestKit::writeSecret(*m_secrets, m_connectionId, RetailSecretNames::apiKey(),
                                m_sandbox->apiKey().toUtf8());
        QTRY_COMPARE(connector->state(), ConnectorState::Ready);
        QVERIFY_OK(await<Common::Result<AccountInfo>>([&](auto cb) { connector->testConnection(cb); }));

        // A site the key does not know is named.
        auto other = makeConnector(QStringLiteral("no-such-site"));
        auto refused = await<Common::Result<AccountInfo>>([&](auto cb) { other->testConnection(cb); });
        QVERIFY(!refused.ok());
        QVERIFY(refused.error().message.contains(QLatin1String("no-such-site")));
    }
};

QTEST_GUILESS_MAIN(TestRetailCrmConnector)
#include "tst_RetailCrmConnector.moc"
