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
#include "queue/JobDetailPane.h"
#include "queue/JobTableModel.h"
#include "queue/QueuePage.h"
#include "store/EntityLinkRepo.h"
#include "store/JobRepo.h"

#include <QAbstractItemModelTester>
#include <QDesktopServices>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
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

/** Stands in for the desktop's browser: records the addresses the console asks it to open. */
class UrlCatcher : public QObject
{
    Q_OBJECT
public:
    QList<QUrl> opened;
public Q_SLOTS:
    void open(const QUrl &url) { opened << url; }
};

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

    static Store::NewJob orderJob(const QString &id = QStringLiteral("9107"),
                                  const QString &number = QStringLiteral("2311/107"))
    {
        Model::ShopOrder o;
        o.id = id;
        o.number = number;
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

    /**
     * The Done-when step: a delivered order and a failure group of two. Every resend the page offers
     * leaves the delivered job alone (the previews count only what goes); the group, resent, makes
     * exactly its two deals in the sandbox, no second deal for anyone; the delivered job's deal link
     * opens that deal in the CRM's web interface.
     */
    void resendingAGroupLeavesDeliveredJobsAndDealsAlone()
    {
        Store::JobRepo repo(m_store->db());
        const int leadsBefore = int(leads().size());
        const int doneBefore = count(Store::JobState::Done);
        auto delivered = repo.enqueue(orderJob(QStringLiteral("9201"), QStringLiteral("2612/61")));
        QVERIFY_OK(delivered);

        // The CRM refuses two orders (a field it does not have); the first goes through.
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
            [broken](const Store::Job &job, const Crm::DealDraft &draft) -> Common::Result<Crm::DealDraft> {
                if (!broken->load() || job.reference == QLatin1String("2612/61"))
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
        QTRY_COMPARE_WITH_TIMEOUT(count(Store::JobState::Done), doneBefore + 1, 30000);
        QVERIFY_OK(repo.enqueue(orderJob(QStringLiteral("9202"), QStringLiteral("2612/62"))));
        QVERIFY_OK(repo.enqueue(orderJob(QStringLiteral("9203"), QStringLiteral("2612/63"))));
        QTRY_COMPARE_WITH_TIMEOUT(count(Store::JobState::Failed), 2, 30000);
        QCOMPARE(int(leads().size()), leadsBefore + 1);
        const int deliveredTries = int(repo.attempts(delivered->job.id)->size());
        const qint64 deliveredAt = repo.get(delivered->job.id)->settledAt;

        Gui::QueuePage page(m_store->db(), &engine);
        page.show();
        auto *table = page.findChild<QTableView *>(QStringLiteral("queueTable"));
        auto *resendSelected = page.findChild<QPushButton *>(QStringLiteral("resendSelectedButton"));
        auto *result = page.findChild<QLabel *>(QStringLiteral("queueResult"));
        QTRY_VERIFY(table->model()->rowCount() >= 3);
        int deliveredRow = -1;
        for (int row = 0; row < table->model()->rowCount(); ++row) {
            if (page.model()->jobAt(row).id == delivered->job.id)
                deliveredRow = row;
        }
        QVERIFY(deliveredRow >= 0);

        // A delivered job cannot be resent: picked alone, the button is off.
        table->selectRow(deliveredRow);
        QTRY_VERIFY(!resendSelected->isEnabled());
        // Everything picked: the preview counts the two failed ones and says the others stay.
        table->selectAll();
        QTRY_VERIFY(resendSelected->isEnabled());
        const int leftAlone = table->model()->rowCount() - 2;
        Gui::MessageBox::setNextAnswer(QMessageBox::No);
        resendSelected->click();
        QCOMPARE(Gui::MessageBox::lastText(),
                 QStringLiteral(
                     "Resend 2 jobs?\n\n%1 delivered, cancelled or busy jobs among them stay as they are.")
                     .arg(leftAlone));
        // "Resend all matching" with no filter: the same two, never the delivered ones.
        Gui::MessageBox::setNextAnswer(QMessageBox::No);
        page.findChild<QPushButton *>(QStringLiteral("resendFilterButton"))->click();
        QVERIFY2(Gui::MessageBox::lastText().startsWith(QStringLiteral("Resend 2 jobs?")),
                 qPrintable(Gui::MessageBox::lastText()));
        QCOMPARE(count(Store::JobState::Failed), 2);
        table->clearSelection();

        // The failure group says what kind of failure it is, then its cause by HTTP status and the CRM's
        // code, with advice.
        auto *groups = page.findChild<QListView *>(QStringLiteral("failureGroups"));
        QTRY_COMPARE(groups->model()->rowCount(), 1);
        const QModelIndex group = groups->model()->index(0, 0);
        QVERIFY2(group.data().toString().startsWith(
                     QStringLiteral("2 jobs — The CRM refused a value\nHTTP 400 · validation")),
                 qPrintable(group.data().toString()));
        groups->setCurrentIndex(group);
        QTest::mouseClick(groups->viewport(), Qt::LeftButton, {}, groups->visualRect(group).center());
        auto *advice = page.findChild<QLabel *>(QStringLiteral("failureAdvice"));
        QTRY_VERIFY2(advice->text().contains(QStringLiteral("Mapping page")), qPrintable(advice->text()));

        // Fixed; the group is resent: two deals more in the sandbox, none for the delivered order.
        broken->store(false);
        Gui::MessageBox::setNextAnswer(QMessageBox::Yes);
        page.findChild<QPushButton *>(QStringLiteral("resendGroupButton"))->click();
        QCOMPARE(Gui::MessageBox::lastText(), QStringLiteral("Resend 2 jobs?"));
        QCOMPARE(result->text(), QStringLiteral("2 jobs requeued"));
        QTRY_COMPARE_WITH_TIMEOUT(count(Store::JobState::Done), doneBefore + 3, 30000);
        QCOMPARE(count(Store::JobState::Failed), 0);
        QCOMPARE(int(leads().size()), leadsBefore + 3);
        QCOMPARE(int(repo.attempts(delivered->job.id)->size()), deliveredTries);
        QCOMPARE(repo.get(delivered->job.id)->settledAt, deliveredAt);

        // The delivered job shows its deal, with the address that opens it in amoCRM.
        auto link = Store::EntityLinkRepo(m_store->db())
                        .crmIdFor(m_connectionId, QStringLiteral("order"),
                                  Store::EntityLinkRepo::scopedSourceId(delivered->job.source,
                                                                        QStringLiteral("9201")),
                                  QStringLiteral("lead"));
        QVERIFY_OK(link);
        QVERIFY(link->has_value());
        bool inSandbox = false;
        for (const QJsonValue &lead : leads())
            inSandbox = inSandbox || QString::number(lead.toObject().value("id").toInteger()) == **link;
        QVERIFY(inSandbox);
        page.findChild<QLineEdit *>(QStringLiteral("queueSearch"))->setText(QStringLiteral("2612/61"));
        QTRY_COMPARE(table->model()->rowCount(), 1);
        table->selectRow(0);
        auto *detail = page.findChild<Gui::JobDetailPane *>(QStringLiteral("jobDetail"));
        QTRY_COMPARE(detail->jobId(), delivered->job.id);
        const QUrl expected(m_sandbox->baseUrl().toString(QUrl::StripTrailingSlash)
                            + QStringLiteral("/leads/detail/") + **link);
        QCOMPARE(detail->crmUrl(), expected);
        auto *dealLink = detail->findChild<QLabel *>(QStringLiteral("jobCrmLink"));
        QVERIFY(dealLink->text().contains(QStringLiteral("Deal %1 in amoCRM").arg(**link)));
        UrlCatcher browser;
        QDesktopServices::setUrlHandler(expected.scheme(), &browser, "open");
        Q_EMIT dealLink->linkActivated(expected.toString());
        QDesktopServices::unsetUrlHandler(expected.scheme());
        QCOMPARE(browser.opened, QList<QUrl> { expected });

        QSignalSpy stopped(&engine, &Engine::SyncEngine::stopped);
        engine.stop();
        QVERIFY(stopped.count() == 1 || stopped.wait(30000));
    }
};

QTEST_MAIN(TestQueueResend)
#include "tst_QueueResend.moc"
