// SPDX-License-Identifier: GPL-3.0-or-later
// RetailCRM custom fields and users through the engine, against the sandbox: the schema lists the order
// and customer fields and the managers; mapped shop values arrive in the order's and the customer's
// customFields; a mapped field the account lacks fails the order by validation, and once the connection
// allows auto-create the field is created (code made from its name) and the order goes out with it; a
// value of the wrong type fails its job with a clear message, and the order is sent once corrected; a
// field renamed or deleted in RetailCRM shows up as a schema change.
#include "crm/ConnectorFactory.h"
#include "engine/MissingFieldCreator.h"
#include "engine/SyncEngine.h"
#include "fixtures/retailcrm/RetailTestKit.h"
#include "mapping/MappingRepo.h"
#include "mapping/MappingValidator.h"

#include <QNetworkAccessManager>

using namespace RetailTestKit;
using Sandbox::RetailCrm::RetailCrmSandbox;
using Sandbox::RetailCrm::RetailSandboxOptions;
using Sandbox::Testing::RetailTestClient;

class TestRetailCustomFields : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<RetailCrmSandbox> m_sandbox;
    std::unique_ptr<RetailTestClient> m_control;
    std::unique_ptr<TestSupport::TestDatabase> m_store;
    std::shared_ptr<Secrets::MemorySecretStore> m_secrets;
    std::unique_ptr<Crm::RetailCrm::RetailCrmConnector> m_connector;
    QNetworkAccessManager m_network;
    qint64 m_connectionId = 0;

    QJsonObject state() { return m_control->control(QStringLiteral("state"), {}, "GET"); }
    int count(Store::JobState s) { return Store::JobRepo(m_store->db()).countsByState()->value(s); }

    /** The sandbox order with @p externalId, or an empty object. */
    QJsonObject sandboxOrder(const QString &externalId)
    {
        for (const QJsonValue &v : state().value("orders").toArray()) {
            if (v.toObject().value("externalId").toString() == externalId)
                return v.toObject();
        }
        return {};
    }

    QJsonObject sandboxCustomer(qint64 id)
    {
        for (const QJsonValue &v : state().value("customers").toArray()) {
            if (v.toObject().value("id").toInteger() == id)
                return v.toObject();
        }
        return {};
    }

    /** The kit's mapping plus a row from @p source to @p target. */
    static Mapping::MappingSet withRow(const Crm::CrmSchema &schema, const QString &rowId,
                                       const QString &source, const Mapping::FieldTarget &target)
    {
        Mapping::MappingSet set = mapping(schema);
        Mapping::FieldRow row;
        row.id = rowId;
        row.source = source;
        row.target = target;
        set.orders.rows << row;
        return set;
    }

    Store::Job runUntilSettled(qint64 jobId)
    {
        Crm::ConnectorFactory factory(m_store->db(), m_secrets);
        auto engine = startEngine(m_store->db(), factory);
        Store::JobRepo jobs(m_store->db());
        auto settled = [&] {
            const auto job = jobs.get(jobId);
            return job && (job->state == Store::JobState::Done || job->state == Store::JobState::Failed);
        };
        if (engine) {
            (void)QTest::qWaitFor(settled, 20000); // the caller checks the state
            stopEngine(engine);
        }
        return jobs.get(jobId).value();
    }

private Q_SLOTS:
    void initTestCase()
    {
        const QString error = RetailTestKit::startDemoSandbox(m_sandbox, m_control, 0);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        m_network.setProxy(QNetworkProxy::NoProxy);
    }

    void init()
    {
        m_control->control(QStringLiteral("reset"), { { "seed", "demo" } });
        m_control->control(QStringLiteral("faults"), { { "clear", true } });
        auto store = TestSupport::TestDatabase::create(QStringLiteral("sqlite"));
        QVERIFY_OK(store);
        m_store = std::move(store).value();
        m_secrets = std::make_shared<Secrets::MemorySecretStore>();
        m_connectionId = addConnection(m_store->db(), *m_sandbox);
        AmoTestKit::writeSecret(*m_secrets, m_connectionId, Crm::RetailCrm::RetailSecretNames::apiKey(),
                                m_sandbox->apiKey().toUtf8());
        m_connector = std::make_unique<Crm::RetailCrm::RetailCrmConnector>(
            connectorConfig(m_connectionId, *m_sandbox), m_secrets, m_store->db(), &m_network);
    }

    void cleanup()
    {
        m_connector.reset();
        m_store.reset();
    }

    void schemaHasCustomFieldsAndUsers()
    {
        auto schema = await<Common::Result<Crm::CrmSchema>>([&](auto cb) { m_connector->fetchSchema(cb); });
        QVERIFY_OK(schema);
        const Crm::CustomField *promo = schema->fieldByCode(Crm::Entity::Deal, QStringLiteral("promocode"));
        QVERIFY(promo);
        QCOMPARE(promo->name, QStringLiteral("Промокод"));
        QCOMPARE(promo->type, QStringLiteral("text"));
        QCOMPARE(schema->fieldByCode(Crm::Entity::Deal, QStringLiteral("gift"))->type,
                 QStringLiteral("checkbox"));
        const Crm::CustomField *card
            = schema->fieldByCode(Crm::Entity::Contact, QStringLiteral("loyalty_card"));
        QVERIFY(card);
        QCOMPARE(card->name, QStringLiteral("Карта лояльности"));
        QVERIFY(!schema->fieldByCode(Crm::Entity::Deal, QStringLiteral("loyalty_card")));
        QCOMPARE(schema->fieldsOf(Crm::Entity::Deal).size(), 3);

        QCOMPARE(schema->users.size(), 4);
        QStringList names;
        for (const Crm::CrmUser &u : schema->users)
            names << u.name;
        QVERIFY2(names.contains(QStringLiteral("Олег Кузнецов")), qPrintable(names.join(", ")));
        const auto orlov
            = std::find_if(schema->users.cbegin(), schema->users.cend(),
                           [](const Crm::CrmUser &u) { return u.name == QStringLiteral("Павел Орлов"); });
        QVERIFY(orlov != schema->users.cend());
        QVERIFY(!orlov->active);
        QCOMPARE(orlov->email, QStringLiteral("pavel@demo-shop.example"));
        QVERIFY(schema->user(orlov->id));
        // A user deactivated in RetailCRM is a schema change the mapping hears about.
        Crm::CrmSchema before = schema.value();
        for (Crm::CrmUser &u : before.users)
            u.active = true;
        QVERIFY(Crm::diff(before, schema.value()).find(Crm::SchemaChange::Kind::UserDeactivated, orlov->id));

        // A key that may not list users still reads the rest, and is not taken for a refused key.
        m_control->control(QStringLiteral("faults"),
                           { { "rules",
                               QJsonArray { QJsonObject { { "action", "status" },
                                                          { "status", 403 },
                                                          { "method", "GET" },
                                                          { "path", "/api/v5/users" },
                                                          { "times", 1 } } } } });
        schema = await<Common::Result<Crm::CrmSchema>>([&](auto cb) { m_connector->fetchSchema(cb); });
        QVERIFY_OK(schema);
        QVERIFY(schema->users.isEmpty());
        QCOMPARE(schema->fieldsOf(Crm::Entity::Deal).size(), 3);
        QCOMPARE(m_connector->state(), Crm::ConnectorState::Ready);
    }

    /** A field renamed in RetailCRM keeps its code (our id): the next fetch reports the rename, and one
     *  deleted there is reported gone. */
    void renamedAndDeletedFieldsAreSchemaChanges()
    {
        auto before = await<Common::Result<Crm::CrmSchema>>([&](auto cb) { m_connector->fetchSchema(cb); });
        QVERIFY_OK(before);
        QVERIFY(m_control
                    ->control(QStringLiteral("custom-fields"),
                              { { "entity", "order" },
                                { "code", "track" },
                                { "name", QStringLiteral("Номер отправления") } })
                    .value("ok")
                    .toBool());
        QVERIFY(m_control
                    ->control(QStringLiteral("custom-fields"),
                              { { "entity", "order" }, { "code", "gift" }, { "delete", true } })
                    .value("ok")
                    .toBool());
        auto after = await<Common::Result<Crm::CrmSchema>>([&](auto cb) { m_connector->fetchSchema(cb); });
        QVERIFY_OK(after);
        QCOMPARE(after->field(QStringLiteral("track"))->name, QStringLiteral("Номер отправления"));
        const Crm::CrmSchemaDiff diff = Crm::diff(before.value(), after.value());
        const Crm::SchemaChange *renamed
            = diff.find(Crm::SchemaChange::Kind::FieldRenamed, QStringLiteral("track"));
        QVERIFY(renamed);
        QCOMPARE(renamed->before, QStringLiteral("Трек-номер"));
        QCOMPARE(renamed->after, QStringLiteral("Номер отправления"));
        QVERIFY(diff.find(Crm::SchemaChange::Kind::FieldDeleted, QStringLiteral("gift")));
    }

    void mappedValuesArriveOnTheOrderAndTheCustomer()
    {
        auto schema
            = saveMapping(m_store->db(), m_secrets, m_connectionId, *m_sandbox, [](const Crm::CrmSchema &s) {
                  Mapping::MappingSet set
                      = withRow(s, QStringLiteral("o90"), QStringLiteral("order.properties.promo"),
                                Mapping::FieldTarget::custom(
                                    *s.fieldByCode(Crm::Entity::Deal, QStringLiteral("promocode"))));
                  Mapping::FieldRow card;
                  card.id = QStringLiteral("o91");
                  card.source = QStringLiteral("order.properties.card");
                  card.target = Mapping::FieldTarget::custom(
                      *s.fieldByCode(Crm::Entity::Contact, QStringLiteral("loyalty_card")));
                  set.orders.rows << card;
                  return set;
              });
        QVERIFY_OK(schema);
        Model::ShopOrder o = order(0, 1);
        o.customer.id = QStringLiteral("555"); // a new customer: created with the order
        o.properties = QJsonObject { { "promo", "AUTUMN" }, { "card", "L-0555" } };
        auto job = Store::JobRepo(m_store->db()).enqueue(jobFor(o));
        QVERIFY_OK(job);
        const Store::Job settled = runUntilSettled(job->job.id);
        QVERIFY2(settled.state == Store::JobState::Done, qPrintable(settled.lastError));

        const QJsonObject sent = sandboxOrder(QStringLiteral("2311-1"));
        QCOMPARE(sent.value("customFields").toObject().value("promocode").toString(),
                 QStringLiteral("AUTUMN"));
        QVERIFY(!sent.value("customFields").toObject().contains("loyalty_card"));
        const QJsonObject customer
            = sandboxCustomer(sent.value("customer").toObject().value("id").toInteger());
        QCOMPARE(customer.value("externalId").toString(), QStringLiteral("555"));
        QCOMPARE(customer.value("customFields").toObject().value("loyalty_card").toString(),
                 QStringLiteral("L-0555"));
    }

    void missingFieldIsReportedThenAutoCreated()
    {
        const QString name = QStringLiteral("Город доставки");
        auto schema
            = saveMapping(m_store->db(), m_secrets, m_connectionId, *m_sandbox, [&](const Crm::CrmSchema &s) {
                  return withRow(
                      s, QStringLiteral("o90"), QStringLiteral("address.city"),
                      Mapping::FieldTarget::toCreate(Crm::Entity::Deal, name, QStringLiteral("text")));
              });
        QVERIFY_OK(schema);
        // Validation names the row and the field before anything is sent.
        auto set = Mapping::MappingRepo(m_store->db()).load(m_connectionId);
        QVERIFY_OK(set);
        const QList<Mapping::Problem> problems = Mapping::MappingValidator::validate(**set, schema.value());
        const auto problem = std::find_if(problems.cbegin(), problems.cend(), [](const Mapping::Problem &p) {
            return p.rowId == QLatin1String("o90");
        });
        QVERIFY2(problem != problems.cend(), qPrintable(Mapping::summarise(problems)));
        QVERIFY(problem->isError());
        QVERIFY2(problem->message.contains(name), qPrintable(problem->message));

        // Auto-create off: the order fails before sending, nothing is created.
        Store::JobRepo jobs(m_store->db());
        auto job = jobs.enqueue(jobFor(order(0, 1)));
        QVERIFY_OK(job);
        Store::Job settled = runUntilSettled(job->job.id);
        QCOMPARE(settled.state, Store::JobState::Failed);
        QVERIFY2(settled.lastError.contains(name), qPrintable(settled.lastError));
        QVERIFY(sandboxOrder(QStringLiteral("2311-1")).isEmpty());
        QCOMPARE(state().value("custom_fields").toObject().value("order").toArray().size(), 3);

        // The operator allows creating order fields and resends the order.
        auto connection = Store::ConnectionRepo(m_store->db()).byId(m_connectionId);
        QVERIFY_OK(connection);
        Store::Connection c = connection.value();
        c.config.insert(Engine::FieldCreationPolicy::dealKey(), true);
        QVERIFY_OK(Store::ConnectionRepo(m_store->db()).update(c));
        QCOMPARE(jobs.resend({ job->job.id }).value(), 1);
        settled = runUntilSettled(job->job.id);
        QVERIFY2(settled.state == Store::JobState::Done, qPrintable(settled.lastError));

        QJsonObject field;
        for (const QJsonValue &v : state().value("custom_fields").toObject().value("order").toArray()) {
            if (v.toObject().value("name").toString() == name)
                field = v.toObject();
        }
        QCOMPARE(field.value("code").toString(), QStringLiteral("gorod_dostavki"));
        QCOMPARE(field.value("type").toString(), QStringLiteral("string"));
        QCOMPARE(sandboxOrder(QStringLiteral("2311-1"))
                     .value("customFields")
                     .toObject()
                     .value("gorod_dostavki")
                     .toString(),
                 QStringLiteral("Екатеринбург"));
        auto saved = Mapping::MappingRepo(m_store->db()).load(m_connectionId);
        QVERIFY_OK(saved);
        QCOMPARE((*saved)->orders.row(QStringLiteral("o90"))->target.fieldId,
                 QStringLiteral("gorod_dostavki"));
    }

    void createFieldsMakesUniqueCodes()
    {
        // Codes come from names; one already in use (the seeded "promocode") gets a suffix.
        QList<Crm::CustomField> fields;
        Crm::CustomField a;
        a.name = QStringLiteral("Promocode");
        a.type = QStringLiteral("numeric");
        Crm::CustomField b = a;
        b.name = QStringLiteral("Promo-code!");
        b.type = QStringLiteral("checkbox");
        fields << a << b;
        auto schema = await<Common::Result<Crm::CrmSchema>>(
            [&](auto cb) { m_connector->createFields(fields, Crm::Entity::Deal, cb); });
        QVERIFY_OK(schema);
        const Crm::CustomField *first = schema->fieldByName(Crm::Entity::Deal, QStringLiteral("Promocode"));
        const Crm::CustomField *second
            = schema->fieldByName(Crm::Entity::Deal, QStringLiteral("Promo-code!"));
        QVERIFY(first && second);
        QCOMPARE(first->id, QStringLiteral("promocode_2"));
        QCOMPARE(first->type, QStringLiteral("numeric"));
        QCOMPARE(second->id, QStringLiteral("promo_code"));
        QCOMPARE(second->type, QStringLiteral("checkbox"));
        Crm::CustomField customer;
        customer.name = QStringLiteral("День рождения");
        customer.type = QStringLiteral("date");
        schema = await<Common::Result<Crm::CrmSchema>>(
            [&](auto cb) { m_connector->createFields({ customer }, Crm::Entity::Contact, cb); });
        QVERIFY_OK(schema);
        QCOMPARE(schema->fieldByName(Crm::Entity::Contact, customer.name)->id,
                 QStringLiteral("den_rozhdeniya"));
        schema = await<Common::Result<Crm::CrmSchema>>(
            [&](auto cb) { m_connector->createFields({ customer }, Crm::Entity::Company, cb); });
        QVERIFY(!schema);
        QVERIFY2(schema.error().message.contains(QStringLiteral("orders and customers")),
                 qPrintable(schema.error().message));
    }

    void wrongTypedValueFailsItsJobAndIsSentOnceCorrected()
    {
        // An integer field: our schema knows it as numeric, so 12.5 passes the mapping and RetailCRM
        // refuses it (errors["customFields.bonus_points"]).
        QVERIFY(m_control
                    ->control(QStringLiteral("custom-fields"),
                              { { "entity", "order" },
                                { "code", "bonus_points" },
                                { "name", QStringLiteral("Бонусные баллы") },
                                { "type", "integer" } })
                    .value("ok")
                    .toBool());
        auto schema
            = saveMapping(m_store->db(), m_secrets, m_connectionId, *m_sandbox, [](const Crm::CrmSchema &s) {
                  return withRow(s, QStringLiteral("o90"), QStringLiteral("order.properties.points"),
                                 Mapping::FieldTarget::custom(
                                     *s.fieldByCode(Crm::Entity::Deal, QStringLiteral("bonus_points"))));
              });
        QVERIFY_OK(schema);
        Model::ShopOrder bad = order(0, 2);
        bad.properties = QJsonObject { { "points", "12.5" } };
        Model::ShopOrder good = order(1, 2);
        good.properties = QJsonObject { { "points", "40" } };
        Store::JobRepo jobs(m_store->db());
        auto badJob = jobs.enqueue(jobFor(bad));
        auto goodJob = jobs.enqueue(jobFor(good));
        QVERIFY_OK(badJob);
        QVERIFY_OK(goodJob);
        Store::Job settled = runUntilSettled(badJob->job.id);
        QCOMPARE(settled.state, Store::JobState::Failed);
        QVERIFY2(settled.lastError.contains(QStringLiteral("bonus_points"))
                     && settled.lastError.contains(QStringLiteral("integer")),
                 qPrintable(settled.lastError));
        QCOMPARE(jobs.get(goodJob->job.id)->state, Store::JobState::Done);
        QVERIFY(sandboxOrder(QStringLiteral("2311-1")).isEmpty());
        QCOMPARE(
            sandboxOrder(QStringLiteral("2311-2")).value("customFields").toObject().value("bonus_points"),
            QJsonValue(40));

        // Not lost: corrected and resent, it goes out once.
        bad.properties = QJsonObject { { "points", "12" } };
        QVERIFY_OK(jobs.updatePayload(badJob->job.id, jobFor(bad).payload));
        QCOMPARE(jobs.resend({ badJob->job.id }).value(), 1);
        settled = runUntilSettled(badJob->job.id);
        QVERIFY2(settled.state == Store::JobState::Done, qPrintable(settled.lastError));
        QCOMPARE(
            sandboxOrder(QStringLiteral("2311-1")).value("customFields").toObject().value("bonus_points"),
            QJsonValue(12));
        QCOMPARE(state().value("orders").toArray().size(), 2);
    }
};

QTEST_GUILESS_MAIN(TestRetailCustomFields)
#include "tst_RetailCustomFields.moc"
