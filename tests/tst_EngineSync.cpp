// SPDX-License-Identifier: GPL-3.0-or-later
// What the engine does beyond creating deals, against the amoCRM sandbox: contacts that managers made
// are matched through the contact index (and the match rule decides conflicts), forms become leads in
// unsorted or with their contact, customers' profiles upsert contacts without touching locked fields,
// changed orders update their deal under the update policies, UTM marks land in the deal fields, and
// the engine reports throughput and counts.
#include "engine/EngineSettings.h"
#include "fixtures/amocrm/EngineTestKit.h"
#include "mapping/MappingRepo.h"
#include "model/FormSubmission.h"
#include "store/ContactIndexRepo.h"
#include "store/EntityLinkRepo.h"
#include "store/SettingsRepo.h"

using namespace EngineTestKit;
using Store::JobState;

class TestEngineSync : public QObject
{
    Q_OBJECT
private:
    Fixture m_kit;

    /** Runs an engine until @p done jobs are done (and nothing else is due), then stops it. */
    void runUntilDone(int done)
    {
        Crm::ConnectorFactory factory(m_kit.store->db(), m_kit.secrets);
        auto engine = m_kit.startEngine(factory);
        QVERIFY(engine);
        QTRY_COMPARE_WITH_TIMEOUT(m_kit.countDone(), done, 30000);
        m_kit.stopEngine(engine);
    }

    void setting(const QString &key, const QString &value)
    {
        QVERIFY_OK(Store::SettingsRepo(m_kit.store->db()).setValue(key, value));
    }

    /** A contact made in the CRM by a manager, through the sandbox's manager API. */
    qint64 managerContact(const QString &name, const QString &phone, const QString &email)
    {
        QJsonArray fields;
        if (!phone.isEmpty())
            fields.append(QJsonObject { { "field_code", "PHONE" },
                                        { "values", QJsonArray { QJsonObject { { "value", phone } } } } });
        if (!email.isEmpty())
            fields.append(QJsonObject { { "field_code", "EMAIL" },
                                        { "values", QJsonArray { QJsonObject { { "value", email } } } } });
        const QJsonObject made = m_kit.control->control(
            QStringLiteral("manager/contact"), { { "name", name }, { "custom_fields_values", fields } });
        return made.value("id").toInteger();
    }

    QJsonObject entity(const QString &kind, qint64 id)
    {
        for (const QJsonValue &v : m_kit.state().value(kind).toArray()) {
            if (v.toObject().value("id").toInteger() == id)
                return v.toObject();
        }
        return {};
    }

    static qint64 mainContactOf(const QJsonObject &lead)
    {
        return lead.value("_embedded")
            .toObject()
            .value("contacts")
            .toArray()
            .first()
            .toObject()
            .value("id")
            .toInteger();
    }

    QString linkedDeal(const QString &kind, const QString &id)
    {
        auto deal
            = Store::EntityLinkRepo(m_kit.store->db())
                  .crmIdFor(m_kit.connectionId, kind, QStringLiteral("shop:") + id, QStringLiteral("lead"));
        return deal && deal->has_value() ? **deal : QString();
    }

    static QStringList channel(const QJsonObject &contact, const QString &code)
    {
        QStringList out;
        for (const QJsonValue &f : contact.value("custom_fields_values").toArray()) {
            if (f.toObject().value("field_code").toString() != code)
                continue;
            for (const QJsonValue &v : f.toObject().value("values").toArray())
                out << v.toObject().value("value").toString();
        }
        return out;
    }

    Model::FormSubmission form(const QString &id)
    {
        Model::FormSubmission f;
        f.id = id;
        f.formName = QStringLiteral("callback");
        f.pageUrl = QStringLiteral("https://shop.example.ru/contacts");
        f.clientIp = QStringLiteral("203.0.113.9");
        f.receivedAt = QDateTime::currentDateTimeUtc();
        f.fields = { { QStringLiteral("name"), QStringLiteral("Лидия") },
                     { QStringLiteral("phone"), QStringLiteral("+7 912 555-00-11") },
                     { QStringLiteral("message"), QStringLiteral("Перезвоните после обеда") } };
        return f;
    }

    /** The mapping the lane saved on its first round, changed by @p edit and saved again. */
    void editMapping(const std::function<void(Mapping::FieldRow &)> &edit)
    {
        Mapping::MappingRepo repo(m_kit.store->db());
        auto set = repo.load(m_kit.connectionId);
        QVERIFY_OK(set);
        QVERIFY(set->has_value());
        Mapping::MappingSet changed = **set;
        for (Mapping::FieldRow &row : changed.orders.rows)
            edit(row);
        QVERIFY_OK(repo.save(m_kit.connectionId, changed));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_kit.initSandbox(&error), qPrintable(error));
    }
    void init() { m_kit.initStore(); }
    void cleanup() { m_kit.cleanup(); }

    /** A contact a manager typed in the CRM is found by a later order's phone: no duplicate is made. */
    void managersContactIsMatchedNotDuplicated()
    {
        const qint64 manager = managerContact(QStringLiteral("Покупатель 0 (из звонка)"),
                                              QStringLiteral("+7 (912) 700-00-00"), QString());
        QVERIFY(manager > 0);
        const int contactsBefore = int(m_kit.state().value("contacts").toArray().size());
        QVERIFY_OK(Store::JobRepo(m_kit.store->db()).enqueue(jobFor(order(0, 1)))); // phone +7 9127000000
        runUntilDone(1);
        QCOMPARE(m_kit.state().value("contacts").toArray().size(), contactsBefore);
        const QJsonObject lead = entity(QStringLiteral("leads"),
                                        linkedDeal(QStringLiteral("order"), order(0, 1).id).toLongLong());
        QCOMPARE(mainContactOf(lead), manager);
        // The first load read the whole account (the demo seed's contacts and the manager's).
        QVERIFY(Store::ContactIndexRepo(m_kit.store->db()).size(m_kit.connectionId).value()
                >= contactsBefore);
    }

    /** Email and phone point at two different contacts: the operator's rule says which one wins. */
    void matchRuleDecidesConflicts_data()
    {
        QTest::addColumn<QString>("rule");
        QTest::addColumn<bool>("phoneWins");
        QTest::newRow("email first") << QStringLiteral("email-then-phone") << false;
        QTest::newRow("phone first") << QStringLiteral("phone-then-email") << true;
    }
    void matchRuleDecidesConflicts()
    {
        QFETCH(QString, rule);
        QFETCH(bool, phoneWins);
        const qint64 byPhone
            = managerContact(QStringLiteral("По телефону"), QStringLiteral("89127000000"), {});
        const qint64 byEmail
            = managerContact(QStringLiteral("По почте"), {}, QStringLiteral("Buyer0@Example.ru"));
        setting(QStringLiteral("contacts.match_rule"), rule);
        QCOMPARE(Engine::EngineSettings::describe(m_kit.store->db(), QStringLiteral("amo"))
                     ->value("contact_match_rule")
                     .toString(),
                 rule);
        QVERIFY_OK(Store::JobRepo(m_kit.store->db()).enqueue(jobFor(order(0, 1))));
        runUntilDone(1);
        const QJsonObject lead = entity(QStringLiteral("leads"),
                                        linkedDeal(QStringLiteral("order"), order(0, 1).id).toLongLong());
        QCOMPARE(mainContactOf(lead), phoneWins ? byPhone : byEmail);
    }

    /** A bad setting stops the engine from starting, naming the key. */
    void badSettingIsRefused()
    {
        setting(QStringLiteral("contacts.match_rule"), QStringLiteral("by-horoscope"));
        Crm::ConnectorFactory factory(m_kit.store->db(), m_kit.secrets);
        Engine::SyncEngine engine(
            m_kit.store->db(), [&factory](const Store::Connection &c) { return factory.forConnection(c); });
        const Common::Status started = engine.start();
        QVERIFY(!started);
        QVERIFY2(started.error().message.contains("contacts.match_rule"),
                 qPrintable(started.error().message));
    }

    /** Forms as leads with their contact (the default) or into unsorted; the form's fields in a note either
     * way. */
    void formsBecomeLeads_data()
    {
        QTest::addColumn<QString>("mode");
        QTest::newRow("lead with contact") << QStringLiteral("lead");
        QTest::newRow("unsorted") << QStringLiteral("unsorted");
    }
    void formsBecomeLeads()
    {
        QFETCH(QString, mode);
        setting(QStringLiteral("forms.as.amo"), mode);
        const Model::FormSubmission f = form(QStringLiteral("77"));
        QVERIFY_OK(Store::JobRepo(m_kit.store->db())
                       .enqueue(jobFor(Model::ShopEvent::Kind::FormSubmitted, f.id, f.toJson(), f.formName)));
        runUntilDone(1);
        const QJsonObject state = m_kit.state();
        const QString dealId = Store::EntityLinkRepo(m_kit.store->db())
                                   .crmIdFor(m_kit.connectionId, QStringLiteral("form"),
                                             QStringLiteral("shop:77"), QStringLiteral("lead"))
                                   ->value_or(QString());
        QVERIFY(!dealId.isEmpty());
        const QJsonObject lead = entity(QStringLiteral("leads"), dealId.toLongLong());
        QVERIFY(mainContactOf(lead) > 0);
        QCOMPARE(
            channel(entity(QStringLiteral("contacts"), mainContactOf(lead)), QStringLiteral("PHONE")).size(),
            1);
        bool noted = false;
        for (const QJsonValue &n : state.value("notes").toArray()) {
            const QJsonObject note = n.toObject();
            if (note.value("entity_id").toInteger() == dealId.toLongLong())
                noted = note.value("params").toObject().value("text").toString().contains(
                    QStringLiteral("Перезвоните после обеда"));
        }
        QVERIFY2(noted, "the form's fields are in a note on the lead");
        const QJsonArray unsorted = state.value("unsorted").toArray();
        if (mode == QLatin1String("unsorted")) {
            QCOMPARE(unsorted.size(), 1);
            const QJsonObject item = unsorted.first().toObject();
            QCOMPARE(item.value("metadata").toObject().value("form_name").toString(),
                     QStringLiteral("callback"));
            QCOMPARE(item.value("metadata").toObject().value("ip").toString(), QStringLiteral("203.0.113.9"));
            QCOMPARE(item.value("_embedded")
                         .toObject()
                         .value("leads")
                         .toArray()
                         .first()
                         .toObject()
                         .value("id")
                         .toInteger(),
                     dealId.toLongLong());
            bool inUnsortedStage = false;
            for (const QJsonValue &p : state.value("pipelines").toArray()) {
                for (const QJsonValue &s :
                     p.toObject().value("_embedded").toObject().value("statuses").toArray())
                    inUnsortedStage = inUnsortedStage
                        || (s.toObject().value("id").toInteger() == lead.value("status_id").toInteger()
                            && s.toObject().value("type").toInt() == 1);
            }
            QVERIFY(inUnsortedStage);
        } else {
            QVERIFY(unsorted.isEmpty());
        }
    }

    /** Profiles upsert contacts: a known person's contact gains the new phone, keeps the manager's name
     *  (if-empty) and, with the email row set to "never", its email; a new person gets a new contact. */
    void customerProfilesUpsertContacts()
    {
        setting(QStringLiteral("customers.upsert_contacts"), QStringLiteral("on"));
        // A first order makes the lane save the default mapping; then the email row is locked.
        QVERIFY_OK(Store::JobRepo(m_kit.store->db()).enqueue(jobFor(order(0, 1))));
        runUntilDone(1);
        editMapping([](Mapping::FieldRow &row) {
            if (row.source == QLatin1String("customer.email"))
                row.policy = Crm::UpdatePolicy::Never;
        });
        const qint64 known
            = managerContact(QStringLiteral("Ольга Викторовна"), QStringLiteral("+79125550101"),
                             QStringLiteral("olga@example.ru"));
        Model::Customer olga { QStringLiteral("31"),
                               QStringLiteral("Оля"),
                               QStringLiteral("8 912 555-01-01"),
                               QStringLiteral("olga.new@example.ru"),
                               {} };
        Model::Customer newcomer { QStringLiteral("32"),
                                   QStringLiteral("Пётр"),
                                   QStringLiteral("+7 912 555-02-02"),
                                   QStringLiteral("petr@example.ru"),
                                   {} };
        Store::JobRepo jobs(m_kit.store->db());
        QVERIFY_OK(jobs.enqueue(
            jobFor(Model::ShopEvent::Kind::CustomerSaved, olga.id, olga.toJson(), olga.name, "1")));
        QVERIFY_OK(jobs.enqueue(jobFor(Model::ShopEvent::Kind::CustomerSaved, newcomer.id, newcomer.toJson(),
                                       newcomer.name, "1")));
        const int contactsBefore = int(m_kit.state().value("contacts").toArray().size());
        runUntilDone(3);
        QCOMPARE(m_kit.state().value("contacts").toArray().size(), contactsBefore + 1);
        const QJsonObject updated = entity(QStringLiteral("contacts"), known);
        QCOMPARE(updated.value("name").toString(), QStringLiteral("Ольга Викторовна"));
        QCOMPARE(channel(updated, QStringLiteral("EMAIL")),
                 QStringList { QStringLiteral("olga@example.ru") });
        QCOMPARE(channel(updated, QStringLiteral("PHONE")).size(), 1); // the same number, not a second copy
        bool petr = false;
        for (const QJsonValue &c : m_kit.state().value("contacts").toArray())
            petr = petr
                || channel(c.toObject(), QStringLiteral("EMAIL")).contains(QStringLiteral("petr@example.ru"));
        QVERIFY(petr);
    }

    /** A changed order updates its deal: the price follows, a field whose row says "never" stays. */
    void changedOrderUpdatesItsDeal()
    {
        Model::ShopOrder o = order(0, 1);
        o.address.street = QStringLiteral("ул. Ленина, 1");
        Store::JobRepo jobs(m_kit.store->db());
        QVERIFY_OK(jobs.enqueue(jobFor(o)));
        runUntilDone(1);
        editMapping([](Mapping::FieldRow &row) {
            if (row.source == QLatin1String("address.full"))
                row.policy = Crm::UpdatePolicy::Never;
        });
        const qint64 dealId = linkedDeal(QStringLiteral("order"), o.id).toLongLong();
        const qint64 addressField = m_kit.fieldId(QStringLiteral("leads"), QStringLiteral("Адрес доставки"));
        const QStringList addressBefore = fieldValues(entity(QStringLiteral("leads"), dealId), addressField);
        QVERIFY(!addressBefore.isEmpty());
        o.cost = 4321;
        o.address.street = QStringLiteral("ул. Мира, 5");
        QVERIFY_OK(
            jobs.enqueue(jobFor(Model::ShopEvent::Kind::OrderChanged, o.id, o.toJson(), o.number, "2")));
        const int leadsBefore = int(m_kit.state().value("leads").toArray().size());
        runUntilDone(2);
        const QJsonObject lead = entity(QStringLiteral("leads"), dealId);
        QCOMPARE(lead.value("price").toInt(), 4321);
        QCOMPARE(fieldValues(lead, addressField), addressBefore);
        QCOMPARE(m_kit.state().value("leads").toArray().size(), leadsBefore);
    }

    /** The order's UTM marks land in the deal's utm_* fields. */
    void utmLandsInTheDealFields()
    {
        Model::ShopOrder o = order(0, 1);
        o.utm = { { QStringLiteral("utm_source"), QStringLiteral("yandex") },
                  { QStringLiteral("utm_medium"), QStringLiteral("cpc") },
                  { QStringLiteral("utm_campaign"), QStringLiteral("spring-tea") } };
        QVERIFY_OK(Store::JobRepo(m_kit.store->db()).enqueue(jobFor(o)));
        runUntilDone(1);
        const QJsonObject lead
            = entity(QStringLiteral("leads"), linkedDeal(QStringLiteral("order"), o.id).toLongLong());
        QCOMPARE(fieldValues(lead, m_kit.fieldId(QStringLiteral("leads"), QStringLiteral("utm_source"))),
                 QStringList { QStringLiteral("yandex") });
        QCOMPARE(fieldValues(lead, m_kit.fieldId(QStringLiteral("leads"), QStringLiteral("utm_medium"))),
                 QStringList { QStringLiteral("cpc") });
        QCOMPARE(fieldValues(lead, m_kit.fieldId(QStringLiteral("leads"), QStringLiteral("utm_campaign"))),
                 QStringList { QStringLiteral("spring-tea") });
    }

    /** Throughput per minute and counts by state, as signals and from the store. */
    void throughputAndCountsAreReported()
    {
        Store::JobRepo jobs(m_kit.store->db());
        for (int n = 0; n < 3; ++n)
            QVERIFY_OK(jobs.enqueue(jobFor(order(n, 3))));
        Crm::ConnectorFactory factory(m_kit.store->db(), m_kit.secrets);
        auto engine = m_kit.startEngine(factory, {}, 100);
        QVERIFY(engine);
        QSignalSpy throughput(engine.get(), &Engine::SyncEngine::throughputMeasured);
        QSignalSpy counts(engine.get(), &Engine::SyncEngine::countsMeasured);
        QTRY_COMPARE_WITH_TIMEOUT(m_kit.countDone(), 3, 30000);
        const int seen = int(throughput.size());
        QTRY_VERIFY(throughput.size() > seen);
        int done = 0;
        for (const Store::MinuteCount &m : throughput.last().first().value<QList<Store::MinuteCount>>())
            done += m.done;
        QCOMPARE(done, 3);
        using Counts = QMap<QString, int>;
        QCOMPARE(counts.last().first().value<Counts>().value(QStringLiteral("done")), 3);
        m_kit.stopEngine(engine);

        const QList<Store::MinuteCount> minutes = jobs.settledPerMinute(0).value();
        QVERIFY(!minutes.isEmpty());
        int fromStore = 0;
        for (const Store::MinuteCount &m : minutes) {
            QCOMPARE(m.minuteMs % 60000, 0);
            fromStore += m.done;
        }
        QCOMPARE(fromStore, 3);
        QCOMPARE(jobs.settledPerMinute(QDateTime::currentMSecsSinceEpoch() + 60000)->size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestEngineSync)
#include "tst_EngineSync.moc"
