// SPDX-License-Identifier: GPL-3.0-or-later
// Web-form requests routed by the form's name, as categories route orders, through the engine to the
// amoCRM sandbox: a lead from form "callback" lands in the second pipeline, one from "wholesale" in a
// chosen stage of the main pipeline with its own responsible user, one from a form without a route
// where every form goes — one lead each, no more.
#include "fixtures/amocrm/EngineTestKit.h"
#include "mapping/DraftBuilder.h"
#include "mapping/MappingRepo.h"
#include "model/FormSubmission.h"
#include "store/ConnectionRepo.h"
#include "store/EntityLinkRepo.h"

using namespace EngineTestKit;

class TestFormRouting : public QObject
{
    Q_OBJECT
private:
    Fixture m_kit;

    static Model::FormSubmission form(const QString &id, const QString &formName, const QString &phone)
    {
        Model::FormSubmission f;
        f.id = id;
        f.formName = formName;
        f.pageUrl = QStringLiteral("https://shop.example.ru/contacts");
        f.receivedAt = QDateTime::currentDateTimeUtc();
        f.fields = { { QStringLiteral("name"), QStringLiteral("Лидия") },
                     { QStringLiteral("phone"), phone },
                     { QStringLiteral("message"), QStringLiteral("Перезвоните") } };
        return f;
    }

    QJsonObject lead(qint64 id)
    {
        for (const QJsonValue &v : m_kit.state().value("leads").toArray()) {
            if (v.toObject().value("id").toInteger() == id)
                return v.toObject();
        }
        return {};
    }

    QJsonObject leadOfForm(const QString &submissionId)
    {
        const auto deal = Store::EntityLinkRepo(m_kit.store->db())
                              .crmIdFor(m_kit.connectionId, QStringLiteral("form"),
                                        QStringLiteral("shop:") + submissionId, QStringLiteral("lead"));
        return deal && deal->has_value() ? lead((**deal).toLongLong()) : QJsonObject();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_kit.initSandbox(&error), qPrintable(error));
    }
    void init() { m_kit.initStore(); }
    void cleanup() { m_kit.cleanup(); }

    void eachFormGoesWhereItsNameRoutesIt()
    {
        Crm::ConnectorFactory factory(m_kit.store->db(), m_kit.secrets);
        // The account's schema, as the Mapping page has it when the operator draws the routes.
        auto connection = Store::ConnectionRepo(m_kit.store->db()).byId(m_kit.connectionId);
        QVERIFY_OK(connection);
        std::unique_ptr<Crm::CrmConnector> connector = factory.forConnection(connection.value())(nullptr);
        std::optional<Common::Result<Crm::CrmSchema>> fetched;
        connector->fetchSchema([&fetched](Common::Result<Crm::CrmSchema> schema) { fetched = schema; });
        QTRY_VERIFY_WITH_TIMEOUT(fetched.has_value(), 30000);
        QVERIFY_OK(*fetched);
        Mapping::MappingRepo repo(m_kit.store->db());
        QVERIFY_OK(repo.saveSchema(m_kit.connectionId, fetched->value()));
        const Crm::CrmSchema account = fetched->value();
        QVERIFY(account.pipelines.size() >= 2);
        const Crm::Pipeline *main = account.mainPipeline();
        QVERIFY(main);
        const Crm::Pipeline *second = nullptr;
        for (const Crm::Pipeline &p : account.pipelines) {
            if (p.id != main->id)
                second = &p;
        }
        QVERIFY(second);
        // A stage of the main pipeline that is not where a deal starts, and a user who is not the default.
        QList<const Crm::Stage *> normal;
        for (const Crm::Stage &s : main->stages) {
            if (s.kind == Crm::StageKind::Normal)
                normal << &s;
        }
        std::sort(normal.begin(), normal.end(), [](auto *a, auto *b) { return a->sort < b->sort; });
        QVERIFY(normal.size() >= 2);
        const Crm::Stage *chosen = normal.at(1);
        const Crm::CrmUser *manager = nullptr;
        for (const Crm::CrmUser &u : account.users) {
            if (u.active)
                manager = &u;
        }
        QVERIFY(manager);

        Mapping::MappingSet set = Mapping::MappingSet::defaults(account);
        set.formRouting.forms = { { QStringLiteral("callback"), second->id, {}, {} },
                                  { QStringLiteral("wholesale"), main->id, chosen->id, manager->id } };
        QVERIFY_OK(repo.save(m_kit.connectionId, set));
        // The route survives its store.
        QCOMPARE(repo.load(m_kit.connectionId).value()->formRouting.forms, set.formRouting.forms);

        const int leadsBefore = int(m_kit.state().value("leads").toArray().size());
        Store::JobRepo jobs(m_kit.store->db());
        const QList<Model::FormSubmission> posted {
            form(QStringLiteral("a1"), QStringLiteral("callback"), QStringLiteral("+7 912 555-00-11")),
            form(QStringLiteral("b1"), QStringLiteral("wholesale"), QStringLiteral("+7 912 555-00-22")),
            form(QStringLiteral("c1"), QStringLiteral("question"), QStringLiteral("+7 912 555-00-33"))
        };
        for (const Model::FormSubmission &f : posted)
            QVERIFY_OK(
                jobs.enqueue(jobFor(Model::ShopEvent::Kind::FormSubmitted, f.id, f.toJson(), f.formName)));
        auto engine = m_kit.startEngine(factory);
        QVERIFY(engine);
        QTRY_COMPARE_WITH_TIMEOUT(m_kit.countDone(), 3, 30000);
        m_kit.stopEngine(engine);

        // One lead per request, each in the pipeline (and stage) its form's name routes it to.
        QCOMPARE(int(m_kit.state().value("leads").toArray().size()), leadsBefore + 3);
        const QJsonObject a = leadOfForm(QStringLiteral("a1"));
        QCOMPARE(QString::number(a.value("pipeline_id").toInteger()), second->id);
        const QJsonObject b = leadOfForm(QStringLiteral("b1"));
        QCOMPARE(QString::number(b.value("pipeline_id").toInteger()), main->id);
        QCOMPARE(QString::number(b.value("status_id").toInteger()), chosen->id);
        QCOMPARE(QString::number(b.value("responsible_user_id").toInteger()), manager->id);
        const QJsonObject c = leadOfForm(QStringLiteral("c1"));
        QCOMPARE(QString::number(c.value("pipeline_id").toInteger()), main->id);
        QCOMPARE(QString::number(c.value("status_id").toInteger()), normal.first()->id);

        // The preview's explanation names the form, the pipeline and the stage, not their ids.
        const Mapping::DraftBuilder builder(set, account, {});
        const auto draft = builder.build(posted.at(1));
        QVERIFY_OK(draft);
        const QString why = draft->routing.explanation;
        QVERIFY2(why.contains(QStringLiteral("wholesale")) && why.contains(main->name)
                     && why.contains(chosen->name) && !why.contains(chosen->id),
                 qPrintable(why));
    }
};

QTEST_GUILESS_MAIN(TestFormRouting)
#include "tst_FormRouting.moc"
