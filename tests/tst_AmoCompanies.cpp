// SPDX-License-Identifier: GPL-3.0-or-later
// The amoCRM connector keeps one company per legal buyer (issue 19): a returning company is linked to
// its new deal instead of being made again — by its INN when the draft carries one, else by its
// normalised name — within one batch, across batches, across a restart (a new connector on the same
// store), when the company was made by hand in amoCRM, and when the remembered company is gone. Counted
// in the sandbox.

#include "crm/amocrm/AmoCompanyResolver.h"
#include "crm/amocrm/AmoCrmConnector.h"
#include "fixtures/amocrm/AmoTestKit.h"
#include "store/EntityLinkRepo.h"

#include <QNetworkAccessManager>

using namespace Crm;
using namespace Crm::AmoCrm;
using namespace AmoTestKit;
using Sandbox::AmoCrm::AmoCrmSandbox;
using Sandbox::AmoCrm::AmoSandboxOptions;
using Sandbox::Testing::SandboxTestClient;

class TestAmoCompanies : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void namesAreNormalised();
    void aReturningCompanyByNameIsOneCompany();
    void aCompanyByInnIsOneCompanyWhateverItsName();
    void aCompanyMadeByHandIsFound();
    void aLinkToACompanyGoneIsDropped();

private:
    QList<ItemOutcome> create(const QList<DealCreate> &items);
    DealCreate deal(int n, const QString &company, const QString &inn = {}) const;
    QJsonObject state() { return m_control->control(QStringLiteral("state"), {}, "GET"); }
    void startConnector();
    /** Companies in the sandbox named @p name (as given), not deleted. */
    QList<qint64> companiesNamed(const QString &name);
    /** How many live leads link company @p id. */
    int dealsOf(qint64 companyId);
    QString innFieldId();

    std::unique_ptr<AmoCrmSandbox> m_sandbox;
    std::unique_ptr<SandboxTestClient> m_control;
    std::unique_ptr<TestSupport::TestDatabase> m_store;
    std::shared_ptr<Secrets::MemorySecretStore> m_secrets;
    std::shared_ptr<AmoOAuthSession> m_session;
    std::unique_ptr<AmoCrmConnector> m_connector;
    QNetworkAccessManager m_network;
    qint64 m_connectionId = 0;
    int m_next = 0;
};

void TestAmoCompanies::initTestCase()
{
    AmoSandboxOptions options;
    options.seed = QStringLiteral("demo");
    m_sandbox = std::make_unique<AmoCrmSandbox>(options);
    QString error;
    QVERIFY2(m_sandbox->start(&error), qPrintable(error));
    m_control = std::make_unique<SandboxTestClient>(m_sandbox->baseUrl());
    m_secrets = std::make_shared<Secrets::MemorySecretStore>();
}

void TestAmoCompanies::init()
{
    auto store = TestSupport::TestDatabase::create(QStringLiteral("sqlite"));
    QVERIFY_OK(store);
    m_store = std::move(store).value();
    m_connectionId = addConnection(m_store->db(), *m_sandbox);
    writeSecret(*m_secrets, m_connectionId, AmoSecretNames::clientSecret(),
                m_sandbox->clientSecret().toUtf8());
    AmoOAuthSession::Config config;
    config.connectionId = m_connectionId;
    config.integration = integration(*m_sandbox);
    m_session = std::make_shared<AmoOAuthSession>(config, m_secrets, m_store->db());
    m_control->control(QStringLiteral("reset"), { { "seed", "demo" } });
    Net::HttpClient client(&m_network, clientOptions(QStringLiteral("sign-in"), 0));
    QVERIFY_OK(signInWithCode(&client, m_secrets, m_connectionId, *m_sandbox, *m_control));
    m_session->reload();
    startConnector();
}

void TestAmoCompanies::startConnector()
{
    AmoConnectorConfig config;
    config.connectionId = m_connectionId;
    config.lane = QStringLiteral("amocrm-test");
    config.baseUrl = m_sandbox->baseUrl();
    config.retry.baseDelayMs = 100;
    m_connector = std::make_unique<AmoCrmConnector>(config, m_session, m_store->db(), &m_network);
    m_connector->httpClient()->limiter().unblock();
}

void TestAmoCompanies::cleanup()
{
    m_connector.reset();
    m_session.reset();
    m_store.reset();
}

DealCreate TestAmoCompanies::deal(int n, const QString &company, const QString &inn) const
{
    DealCreate item;
    item.key = QStringLiteral("job-%1").arg(n);
    item.draft.sourceKind = QStringLiteral("order");
    item.draft.sourceId = QString::number(5000 + n);
    item.draft.deal.name = QStringLiteral("Заказ №%1").arg(5000 + n);
    item.draft.deal.price = 1000 + n;
    item.draft.deal.externalId = QStringLiteral("order:bx:%1").arg(5000 + n);
    item.draft.contact.name = QStringLiteral("Закупщик %1").arg(n);
    item.draft.contact.phones = { { QStringLiteral("+7913%1").arg(1000000 + n), QStringLiteral("WORK") } };
    item.draft.company = DraftCompany { company, {} };
    if (!inn.isEmpty()) {
        DraftField field;
        field.fieldId = const_cast<TestAmoCompanies *>(this)->innFieldId();
        field.fieldName = QStringLiteral("ИНН");
        field.fieldType = QStringLiteral("text");
        field.sourcePath = QStringLiteral("order.properties.INN");
        field.values = { FieldValue::ofText(inn) };
        item.draft.company->fields << field;
    }
    return item;
}

QString TestAmoCompanies::innFieldId()
{
    for (const QJsonValue &f : state().value("custom_fields").toObject().value("companies").toArray()) {
        if (f.toObject().value("name").toString() == QLatin1String("ИНН"))
            return QString::number(f.toObject().value("id").toInteger());
    }
    CustomField inn;
    inn.entity = Entity::Company;
    inn.name = QStringLiteral("ИНН");
    inn.type = QStringLiteral("text");
    Wait<Common::Result<CrmSchema>> made;
    m_connector->createFields({ inn }, Entity::Company, made.callback());
    if (!QTest::qWaitFor([&] { return made.done(); }, 10000) || !made.get())
        qFatal("cannot make the INN field");
    const CustomField *field = made.get()->fieldByName(Entity::Company, QStringLiteral("ИНН"));
    return field ? field->id : QString();
}

QList<ItemOutcome> TestAmoCompanies::create(const QList<DealCreate> &items)
{
    Wait<QList<ItemOutcome>> w;
    m_connector->createDeals(items, w.callback());
    if (!QTest::qWaitFor([&] { return w.done(); }, 60000))
        return {};
    for (const ItemOutcome &o : w.get()) {
        if (o.error)
            qWarning("%s: %s", qPrintable(o.key), qPrintable(o.error->toString()));
    }
    return w.get();
}

QList<qint64> TestAmoCompanies::companiesNamed(const QString &name)
{
    QList<qint64> ids;
    for (const QJsonValue &v : state().value("companies").toArray()) {
        const QJsonObject c = v.toObject();
        if (c.value("name").toString() == name && !c.value("is_deleted").toBool())
            ids << c.value("id").toInteger();
    }
    return ids;
}

int TestAmoCompanies::dealsOf(qint64 companyId)
{
    int n = 0;
    for (const QJsonValue &v : state().value("leads").toArray()) {
        const QJsonObject lead = v.toObject();
        for (const QJsonValue &c : lead.value("_embedded").toObject().value("companies").toArray())
            n += c.toObject().value("id").toInteger() == companyId && !lead.value("is_deleted").toBool() ? 1
                                                                                                         : 0;
    }
    return n;
}

void TestAmoCompanies::namesAreNormalised()
{
    QCOMPARE(AmoCompanyResolver::normalisedName(QStringLiteral("  ООО «Заря»")),
             AmoCompanyResolver::normalisedName(QStringLiteral("ооо \"ЗАРЯ\"")));
    QVERIFY(AmoCompanyResolver::normalisedName(QStringLiteral("ООО «Заря»"))
            != AmoCompanyResolver::normalisedName(QStringLiteral("ООО «Заря-2»")));
    DraftCompany company { QStringLiteral("ООО «Заря»"), {} };
    QCOMPARE(AmoCompanyResolver::keyOf(company), QStringLiteral("name:ооо заря"));
    DraftField inn;
    inn.fieldName = QStringLiteral("ИНН");
    inn.values = { FieldValue::ofText(QStringLiteral("7701 234 567")) };
    company.fields << inn;
    QCOMPARE(AmoCompanyResolver::keyOf(company), QStringLiteral("inn:7701234567"));
}

void TestAmoCompanies::aReturningCompanyByNameIsOneCompany()
{
    const QString zarya = QStringLiteral("ООО «Заря»");
    const QString other = QStringLiteral("ООО «Заря-2»");
    // One batch: the company twice (once spelt otherwise) and another company.
    QList<ItemOutcome> outcomes = create(
        { deal(++m_next, zarya), deal(++m_next, QStringLiteral("ооо \"Заря\"")), deal(++m_next, other) });
    QCOMPARE(outcomes.size(), 3);
    for (const ItemOutcome &o : outcomes)
        QVERIFY(!o.error);
    QCOMPARE(companiesNamed(zarya).size(), 1);
    QCOMPARE(companiesNamed(other).size(), 1);
    // A later batch, then a restart: the same company again.
    outcomes = create({ deal(++m_next, zarya) });
    QVERIFY(!outcomes.value(0).error);
    startConnector();
    outcomes = create({ deal(++m_next, zarya), deal(++m_next, other) });
    QVERIFY(!outcomes.value(0).error && !outcomes.value(1).error);

    QCOMPARE(companiesNamed(zarya).size(), 1);
    QCOMPARE(companiesNamed(QStringLiteral("ооо \"Заря\"")).size(), 0);
    QCOMPARE(companiesNamed(other).size(), 1);
    QCOMPARE(dealsOf(companiesNamed(zarya).first()), 4);
    QCOMPARE(dealsOf(companiesNamed(other).first()), 2);
    qInfo("6 deals of 2 companies: %d companies made",
          int(companiesNamed(zarya).size() + companiesNamed(other).size()));
}

void TestAmoCompanies::aCompanyByInnIsOneCompanyWhateverItsName()
{
    const QString inn = QStringLiteral("7701234567");
    QList<ItemOutcome> outcomes = create({ deal(++m_next, QStringLiteral("ООО «Вега»"), inn),
                                           deal(++m_next, QStringLiteral("Вега ООО"), inn) });
    QVERIFY(!outcomes.value(0).error && !outcomes.value(1).error);
    // A namesake with another INN is another company.
    outcomes = create({ deal(++m_next, QStringLiteral("ООО «Вега»"), QStringLiteral("7709999999")) });
    QVERIFY(!outcomes.value(0).error);
    startConnector();
    outcomes = create({ deal(++m_next, QStringLiteral("ООО «Вега»"), inn) });
    QVERIFY(!outcomes.value(0).error);

    QCOMPARE(companiesNamed(QStringLiteral("ООО «Вега»")).size(), 2);
    QCOMPARE(companiesNamed(QStringLiteral("Вега ООО")).size(), 0);
    const QList<qint64> vega = companiesNamed(QStringLiteral("ООО «Вега»"));
    QCOMPARE(dealsOf(vega[0]) + dealsOf(vega[1]), 4);
    QVERIFY((dealsOf(vega[0]) == 3 && dealsOf(vega[1]) == 1)
            || (dealsOf(vega[0]) == 1 && dealsOf(vega[1]) == 3));
}

void TestAmoCompanies::aCompanyMadeByHandIsFound()
{
    // The demo account's own company, made by a manager before CRM Bridge came.
    const QList<qint64> before = companiesNamed(QStringLiteral("ООО «Вектор Трейд»"));
    QCOMPARE(before.size(), 1);
    const int dealsBefore = dealsOf(before.first());
    const QList<ItemOutcome> outcomes = create({ deal(++m_next, QStringLiteral("ООО «Вектор Трейд»")) });
    QVERIFY(!outcomes.value(0).error);
    QCOMPARE(companiesNamed(QStringLiteral("ООО «Вектор Трейд»")), before);
    QCOMPARE(dealsOf(before.first()), dealsBefore + 1);
}

void TestAmoCompanies::aLinkToACompanyGoneIsDropped()
{
    const QString name = QStringLiteral("ООО «Луч»");
    QVERIFY(!create({ deal(++m_next, name) }).value(0).error);
    const QList<qint64> first = companiesNamed(name);
    QCOMPARE(first.size(), 1);
    // The store remembers a company amoCRM no longer has (a manager deleted it, or merged it into
    // another): the company is looked for again and found, not linked dead nor made again.
    Store::EntityLinkRepo links(m_store->db());
    const QString key = QStringLiteral("name:ооо луч");
    QCOMPARE(links.crmIdFor(m_connectionId, QStringLiteral("company"), key, QStringLiteral("company"))
                 .value()
                 .value_or(QString()),
             QString::number(first.first()));
    QVERIFY_OK(links.unlink(m_connectionId, QStringLiteral("company"), key, QStringLiteral("company")));
    QVERIFY_OK(links.link({ m_connectionId, QStringLiteral("company"), key, QStringLiteral("company"),
                            QStringLiteral("99999999") }));
    const QList<ItemOutcome> outcomes = create({ deal(++m_next, name), deal(++m_next, name) });
    QVERIFY(!outcomes.value(0).error && !outcomes.value(1).error);
    QCOMPARE(companiesNamed(name), first);
    QCOMPARE(dealsOf(first.first()), 3);
    QCOMPARE(links.crmIdFor(m_connectionId, QStringLiteral("company"), key, QStringLiteral("company"))
                 .value()
                 .value_or(QString()),
             QString::number(first.first()));
}

QTEST_MAIN(TestAmoCompanies)
#include "tst_AmoCompanies.moc"
