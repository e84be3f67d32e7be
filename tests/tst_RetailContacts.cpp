// SPDX-License-Identifier: GPL-3.0-or-later
// CrmConnector::upsertContacts on RetailCRM (customer profiles → customers): a new person becomes a
// customer; a known customer gains the phone it lacked, keeps a name that the policy protects and an
// e-mail whose row says "never"; the contact index refreshed from RetailCRM finds a phone a manager
// added to an old customer (customers/history, not the registration date).
#include "crm/retailcrm/RetailCrmConnector.h"
#include "engine/ContactIndexLoader.h"
#include "fixtures/retailcrm/RetailTestKit.h"
#include "store/ContactIndexRepo.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>

using namespace RetailTestKit;
using Sandbox::Testing::RetailTestClient;

class TestRetailContacts : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<Sandbox::RetailCrm::RetailCrmSandbox> m_sandbox;
    std::unique_ptr<Sandbox::Testing::RetailTestClient> m_control;
    std::unique_ptr<TestSupport::TestDatabase> m_store;
    std::shared_ptr<Secrets::MemorySecretStore> m_secrets;
    QNetworkAccessManager m_network;
    std::unique_ptr<Crm::RetailCrm::RetailCrmConnector> m_connector;
    qint64 m_connectionId = 0;

    std::optional<QString> indexed(const QString &phone)
    {
        return Store::ContactIndexRepo(m_store->db())
            .find(m_connectionId, { phone }, {}, Store::ContactMatchRule::PhoneOnly)
            .valueOr({});
    }

    QJsonObject customer(const QString &id)
    {
        for (const QJsonValue &c :
             m_control->control(QStringLiteral("state"), {}, "GET").value("customers").toArray()) {
            if (QString::number(c.toObject().value("id").toInteger()) == id)
                return c.toObject();
        }
        return {};
    }

private Q_SLOTS:
    void initTestCase()
    {
        const QString error = RetailTestKit::startDemoSandbox(m_sandbox, m_control);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        m_network.setProxy(QNetworkProxy::NoProxy);
        auto store = TestSupport::TestDatabase::create(QStringLiteral("sqlite"));
        QVERIFY_OK(store);
        m_store = std::move(store).value();
        m_secrets = std::make_shared<Secrets::MemorySecretStore>();
        m_connectionId = addConnection(m_store->db(), *m_sandbox);
        const qint64 connectionId = m_connectionId;
        AmoTestKit::writeSecret(*m_secrets, connectionId, Crm::RetailCrm::RetailSecretNames::apiKey(),
                                m_sandbox->apiKey().toUtf8());
        m_connector = std::make_unique<Crm::RetailCrm::RetailCrmConnector>(
            connectorConfig(connectionId, *m_sandbox), m_secrets, m_store->db(), &m_network);
    }

    void cleanupTestCase()
    {
        m_connector.reset();
        m_store.reset();
    }

    void createThenUpdateUnderPolicies()
    {
        Crm::ContactUpsert fresh;
        fresh.key = QStringLiteral("1");
        fresh.contact.name = QStringLiteral("Ольга");
        fresh.contact.phones = { { QStringLiteral("+79125550101"), QStringLiteral("WORK") } };
        fresh.contact.emails = { { QStringLiteral("olga@example.ru"), QStringLiteral("WORK") } };
        auto created
            = await<QList<Crm::ItemOutcome>>([&](auto cb) { m_connector->upsertContacts({ fresh }, cb); });
        QCOMPARE(created.size(), 1);
        QVERIFY2(!created.first().error,
                 qPrintable(created.first().error ? created.first().error->message : QString()));
        const QString id = created.first().contactId;
        QVERIFY(!id.isEmpty());
        QCOMPARE(customer(id).value("email").toString(), QStringLiteral("olga@example.ru"));

        Crm::ContactUpsert change;
        change.key = QStringLiteral("2");
        change.contactId = id;
        change.contact.name = QStringLiteral("Оля");
        change.contact.phones
            = { { QStringLiteral("8 912 555-01-01"), {} }, { QStringLiteral("+7 912 555-09-09"), {} } };
        change.contact.emails = { { QStringLiteral("olga.new@example.ru"), {} } };
        change.contact.policies = { { QStringLiteral("name"), Crm::UpdatePolicy::OnlyIfEmpty },
                                    { QStringLiteral("email"), Crm::UpdatePolicy::Never } };
        auto updated
            = await<QList<Crm::ItemOutcome>>([&](auto cb) { m_connector->upsertContacts({ change }, cb); });
        QCOMPARE(updated.size(), 1);
        QVERIFY(!updated.first().error);
        QCOMPARE(updated.first().contactId, id);
        const QJsonObject after = customer(id);
        QCOMPARE(after.value("firstName").toString(), QStringLiteral("Ольга"));
        QCOMPARE(after.value("email").toString(), QStringLiteral("olga@example.ru"));
        QStringList phones;
        for (const QJsonValue &p : after.value("phones").toArray())
            phones << p.toObject().value("number").toString();
        QCOMPARE(phones.size(), 2); // the same number typed as 8…, not a second copy; the new one added
        QVERIFY2(phones.contains(QStringLiteral("+7 912 555-09-09")), qPrintable(phones.join(", ")));

        Crm::ContactUpsert gone = change;
        gone.contactId = QStringLiteral("987654");
        auto missing
            = await<QList<Crm::ItemOutcome>>([&](auto cb) { m_connector->upsertContacts({ gone }, cb); });
        QCOMPARE(missing.size(), 1);
        QVERIFY(missing.first().error);
    }

    /** A customer registered long ago gains a phone from a manager: the next refresh indexes it. */
    void refreshFindsAManagersEditOfAnOldCustomer()
    {
        const QJsonObject seeded = m_control->control(
            QStringLiteral("seed"),
            { { "customers",
                QJsonArray { QJsonObject {
                    { "externalId", "500" },
                    { "firstName", "Анна" },
                    { "email", "anna@example.ru" },
                    { "phones", QJsonArray { QJsonObject { { "number", "+7 912 555-11-11" } } } },
                    { "createdAt", "2024-05-01 10:00:00" } } } } });
        const QString id = QString::number(seeded.value("customers").toArray().first().toInteger());
        QVERIFY2(id != QLatin1String("0"), qPrintable(RetailTestClient::json(seeded)));

        Engine::ContactIndexLoader loader(m_store->db(), m_connectionId, m_connector.get(), 300,
                                          Common::Clock::system());
        QSignalSpy loaded(&loader, &Engine::ContactIndexLoader::loaded);
        loader.start();
        QVERIFY(loaded.wait(10000));
        QCOMPARE(indexed(QStringLiteral("+79125551111")), std::optional(id));
        QVERIFY(!indexed(QStringLiteral("+79125552222")));

        const QJsonObject edited = m_control->control(
            QStringLiteral("manager/customer"),
            { { "id", id.toLongLong() },
              { "customer",
                QJsonObject { { "phones",
                                QJsonArray { QJsonObject { { "number", "+7 912 555-11-11" } },
                                             QJsonObject { { "number", "8 912 555-22-22" } } } } } } });
        QVERIFY2(edited.value("ok").toBool(), qPrintable(RetailTestClient::json(edited)));
        QTRY_COMPARE_WITH_TIMEOUT(indexed(QStringLiteral("+79125552222")), std::optional(id), 5000);
        QVERIFY(requestCounts(*m_control).value("GET /api/v5/customers/history").toInt() > 0);
    }
};

QTEST_GUILESS_MAIN(TestRetailContacts)
#include "tst_RetailContacts.moc"
