// SPDX-License-Identifier: GPL-3.0-or-later
// The Queue page end to end: a failed order, resent from the page, reaches the amoCRM sandbox through
// the embedded engine, the real connector and the store.
#include "common/MessageBox.h"
#include "common/Translations.h"
#include "crm/ConnectorFactory.h"
#include "engine/SyncEngine.h"
#include "fixtures/amocrm/AmoTestKit.h"
#include "fixtures/amocrm/EngineTestKit.h"
#include "model/ShopEvent.h"
#include "model/ShopOrder.h"
#include "queue/JobTableModel.h"
#include "queue/QueuePage.h"
#include "store/EntityLinkRepo.h"
#include "store/JobRepo.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QLabel>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QToolButton>
#include <atomic>

using namespace AmoTestKit;
using Sandbox::AmoCrm::AmoCrmSandbox;
using Sandbox::AmoCrm::AmoSandboxOptions;
using Sandbox::Testing::SandboxTestClient;

class TestQueueResend : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<AmoCrmSandbox> m_sandbox;
    std::unique_ptr<SandboxTestClient> m_control;
    std::unique_ptr<TestSupport::TestDatabase> m_store;
    std::shared_ptr<Secrets::MemorySecretStore> m_secrets;
    QNetworkAccessManager m_network;
    qint64 m_connectionId = 0;

    QJsonArray leads()
    {
        return m_control->get(QStringLiteral("/__sandbox/state")).object().value("leads").toArray();
    }
    int count(Store::JobState state) { return Store::JobRepo(m_store->db()).countsByState()->value(state); }

    static Store::NewJob orderJob()
    {
        Model::ShopOrder o;
        o.id = QStringLiteral("9107");
        o.number = QStringLiteral("2311/107");
        o.createdAt = QDateTime::currentDateTimeUtc();
        o.statusId = QStringLiteral("1");
        o.statusName = QStringLiteral("Новый");
        o.cost = 2400;
        o.cartCost = 2400;
        o.customer.name = QStringLiteral("Анна Смирнова");
        o.customer.phone = QStringLiteral("+7 912 700-01-07");
        o.customer.email = QStringLiteral("anna@example.ru");
        return EngineTestKit::jobFor(o);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QCOMPARE(Gui::installTranslations(QStringLiteral("en")), QStringLiteral("en"));
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
        QVERIFY(m_connectionId > 0);
        writeSecret(*m_secrets, m_connectionId, Crm::AmoCrm::AmoSecretNames::clientSecret(),
                    m_sandbox->clientSecret().toUtf8());
        const QString account = QStringLiteral("amocrm:127.0.0.1:%1").arg(m_sandbox->port());
        Net::HttpClient client(&m_network, clientOptions(account, 7));
        QVERIFY_OK(signInWithCode(&client, m_secrets, m_connectionId, *m_sandbox, *m_control));
    }

    void cleanupTestCase()
    {
        m_store.reset();
        m_secrets.reset();
    }

    void resendFromTheQueueReachesTheSandbox()
    {
        const int leadsBefore = int(leads().size());
        auto enqueued = Store::JobRepo(m_store->db()).enqueue(orderJob());
        QVERIFY_OK(enqueued);

        // The CRM rejects the first try (a field it does not have), as it would a stale mapping.
        auto broken = std::make_shared<std::atomic_bool>(true);
        Crm::ConnectorFactory factory(m_store->db(), m_secrets);
        Engine::SyncEngine engine(
            m_store->db(), [&factory](const Store::Connection &c) { return factory.forConnection(c); });
        Engine::LaneConfig lane;
        lane.idlePollMs = 100;
        lane.retry.firstDelayMs = 300;
        lane.retry.maxDelayMs = 1000;
        engine.setLaneTemplate(lane);
        engine.setBeforeSendHook(
            [broken](const Store::Job &, const Crm::DealDraft &draft) -> Common::Result<Crm::DealDraft> {
                if (!broken->load())
                    return draft;
                Crm::DealDraft changed = draft;
                Crm::DraftField bad;
                bad.fieldId = QStringLiteral("987654321");
                bad.fieldName = QStringLiteral("Удалённое поле");
                bad.fieldType = QStringLiteral("text");
                bad.values.append(Crm::FieldValue::ofText(QStringLiteral("x")));
                changed.deal.fields.append(bad);
                return changed;
            });
        QVERIFY_OK(engine.start());
        QTRY_COMPARE_WITH_TIMEOUT(count(Store::JobState::Failed), 1, 30000);
        QCOMPARE(int(leads().size()), leadsBefore);

        // The operator fixed the cause; now the Queue page: the failed chip, then "Resend all matching".
        broken->store(false);
        Gui::QueuePage page(m_store->db(), &engine);
        QAbstractItemModelTester tester(page.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        page.show();
        page.findChild<QToolButton *>(QStringLiteral("chip_failed"))->click();
        auto *table = page.findChild<QTableView *>(QStringLiteral("queueTable"));
        QTRY_COMPARE(table->model()->rowCount(), 1);
        QCOMPARE(page.model()->jobAt(0).reference, QStringLiteral("2311/107"));
        Gui::MessageBox::setNextAnswer(QMessageBox::Yes);
        page.findChild<QPushButton *>(QStringLiteral("resendFilterButton"))->click();
        QCOMPARE(Gui::MessageBox::lastText(), QStringLiteral("Resend 1 job?"));
        QCOMPARE(page.findChild<QLabel *>(QStringLiteral("queueResult"))->text(),
                 QStringLiteral("1 job requeued"));

        // The engine sends it: one deal in the sandbox, linked to the order; the page follows.
        QTRY_COMPARE_WITH_TIMEOUT(count(Store::JobState::Done), 1, 30000);
        QCOMPARE(int(leads().size()), leadsBefore + 1);
        auto link = Store::EntityLinkRepo(m_store->db()).count(m_connectionId, QStringLiteral("order"));
        QVERIFY_OK(link);
        QCOMPARE(link.value(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(table->model()->rowCount(), 0, 5000); // no failed job left
        QCOMPARE(Store::JobRepo(m_store->db()).get(enqueued->job.id)->state, Store::JobState::Done);

        QSignalSpy stopped(&engine, &Engine::SyncEngine::stopped);
        engine.stop();
        QVERIFY(stopped.count() == 1 || stopped.wait(30000));
    }
};

QTEST_MAIN(TestQueueResend)
#include "tst_QueueResend.moc"
