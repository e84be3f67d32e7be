// SPDX-License-Identifier: GPL-3.0-or-later
// CrmConnector::upsertContacts on RetailCRM (customer profiles → customers): a new person becomes a
// customer; a known customer gains the phone it lacked, keeps a name that the policy protects and an
// e-mail whose row says "never".
#include "crm/retailcrm/RetailCrmConnector.h"
#include "fixtures/retailcrm/RetailTestKit.h"

#include <QNetworkAccessManager>

using namespace RetailTestKit;

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
        Sandbox::RetailCrm::RetailSandboxOptions options;
        options.seed = QStringLiteral("demo");
        m_sandbox = std::make_unique<Sandbox::RetailCrm::RetailCrmSandbox>(options);
        QString error;
        QVERIFY2(m_sandbox->start(&error), qPrintable(error));
        m_control = std::make_unique<Sandbox::Testing::RetailTestClient>(m_sandbox->baseUrl());
        m_network.setProxy(QNetworkProxy::NoProxy);
        auto store = TestSupport::TestDatabase::create(QStringLiteral("sqlite"));
        QVERIFY_OK(store);
        m_store = std::move(store).value();
        m_secrets = std::make_shared<Secrets::MemorySecretStore>();
        const qint64 connectionId = addConnection(m_store->db(), *m_sandbox);
        AmoTestKit::writeSecret(*m_secrets, connectionId, Crm::RetailCrm::RetailSecretNames::apiKey(),
                                m_sandbox->apiKey().toUtf8());
        Crm::RetailCrm::RetailConnectorConfig config;
        config.connectionId = connectionId;
        config.baseUrl = m_sandbox->baseUrl();
        config.site = m_sandbox->site();
        m_connector = std::make_unique<Crm::RetailCrm::RetailCrmConnector>(config, m_secrets, m_store->db(),
                                                                           &m_network);
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
};

QTEST_GUILESS_MAIN(TestRetailContacts)
#include "tst_RetailContacts.moc"
