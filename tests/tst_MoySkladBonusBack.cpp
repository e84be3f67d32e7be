// SPDX-License-Identifier: GPL-3.0-or-later
// Bonus points set in amoCRM go back to MoySklad, end to end with the running engine and both
// sandboxes: an operator's +150 on a customer's «Бонусные баллы» is one EARNING of 150 on the buyer's
// counterparty and bonus programme (seen by amoCRM's events API, back-sync by polling); the bridge's
// own writes of the field make no operation, nor does the write that follows the grant; with the
// source's webhooks on, the grant carries X-Lognex-WebHook-DisableByPrefix (no notification of it is
// sent to the bridge); a grant whose answer is lost, across an engine restart, is made once. MoySklad's
// 45-per-3-s budget is kept (its sandbox's counters).
#include "TestShopSources.h"
#include "crm/ConnectorFactory.h"
#include "engine/BackSyncSetup.h"
#include "engine/StageEventPoller.h"
#include "engine/SyncEngine.h"
#include "fixtures/amocrm/AmoTestKit.h"
#include "fixtures/moysklad/MoySkladAmoKit.h"
#include "moysklad/MoySkladSandbox.h"
#include "sandbox/tests/MoySkladCashier.h"
#include "sandbox/tests/MoySkladTestClient.h"
#include "source/PointsChangeInbox.h"
#include "source/ShopWebhooks.h"
#include "source/SourceRepo.h"
#include "store/ConnectionRepo.h"
#include "store/JobRepo.h"
#include "store/SettingsRepo.h"
#include "store/WatermarkRepo.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QSignalSpy>

using namespace AmoTestKit;
using Sandbox::Testing::MoySkladTestClient;

namespace {
/** The public URL the source's webhooks are given (nothing listens: the sandbox logs every attempt). */
const QString kPublicUrl = QStringLiteral("http://127.0.0.1:9");
const QString kPointsField = QStringLiteral("Бонусные баллы");
} // namespace

class TestMoySkladBonusBack : public QObject
{
    Q_OBJECT

private:
    MoySkladAmoKit::Kit m_kit;
    QSet<qint64> m_seedCustomers;
    Sandbox::Testing::MoySkladCashier m_cashier;

    QJsonObject amoState() { return m_kit.amoControl->get(QStringLiteral("/__sandbox/state")).object(); }
    QJsonObject skladState() { return m_kit.skladClient->control("state", {}, "GET"); }

    int amoRequests(const QString &endpoint)
    {
        return amoState()
            .value("counters")
            .toObject()
            .value("by_endpoint")
            .toObject()
            .value(endpoint)
            .toInt();
    }

    /** Every bonus operation in MoySklad (read through the control API: no request of the budget, which
     *  the test's own API reads share with the bridge — so those are never made in a QTRY loop). */
    int operations() { return skladState().value("entities").toObject().value("bonustransaction").toInt(); }

    QList<Store::Job> jobs(const QString &kind) { return m_kit.jobs(kind); }
    int jobsIn(const QString &kind, Store::JobState state) { return m_kit.jobsIn(kind, state); }

    std::unique_ptr<Engine::SyncEngine> startEngine() { return m_kit.startEngine(500); }
    static void stopEngine(std::unique_ptr<Engine::SyncEngine> &engine)
    {
        MoySkladAmoKit::Kit::stopEngine(engine);
    }

    void addSource()
    {
        m_kit.addSource(QJsonObject { { "start", "beginning" } });
        Source::SourceRepo repo(m_kit.store->db());
        const Source::SourceRecord record = repo.byName(QStringLiteral("sklad")).value();
        // The source's webhooks on (`crmbridgectl source webhooks sklad --url …`), so the bridge's writes
        // carry their prefix; its poller keeps reading every half second all the same.
        auto opened = TestSupport::shopSources()->openWithPassword(record, m_kit.store->db(),
                                                                   m_kit.skladClient->token.toLatin1());
        QVERIFY_OK(opened);
        QVERIFY_OK(Source::ShopWebhooks::switchTo(kPublicUrl, record, *opened.value(), repo));
        QVERIFY_OK(Store::SettingsRepo(m_kit.store->db())
                       .setValue(QStringLiteral("sources.webhook_poll_interval_ms"), QStringLiteral("500")));
    }

    /** Back-sync by polling amoCRM's events every second (the product's setting, shortened). */
    void pollAmoEvents()
    {
        auto connection = Store::ConnectionRepo(m_kit.store->db()).byId(m_kit.connectionId);
        QVERIFY_OK(connection);
        auto connector = m_kit.connectors->forConnection(connection.value())(nullptr);
        Wait<Common::Result<Store::BackSyncConfig>> setUp;
        Engine::BackSyncSetup::apply(m_kit.store->db(), m_kit.secrets, m_kit.connectionId, connector.get(),
                                     { Store::BackSyncConfig::Mode::Polling, QString(), 1000 },
                                     setUp.callback());
        QTRY_VERIFY_WITH_TIMEOUT(setUp.done(), 15000);
        QVERIFY_OK(setUp.get());
        // The events are read from a minute ago rather than from the status lane's first look, so the
        // bridge's first writes of the points are read back however late that look comes.
        QVERIFY_OK(
            Store::WatermarkRepo(m_kit.store->db())
                .setValue(Engine::StageEventPoller::watermarkSource(m_kit.connectionId),
                          Engine::StageEventPoller::watermarkStream(),
                          QString::number(QDateTime::currentSecsSinceEpoch() - 60) + QLatin1Char(':')));
    }

    qint64 pointsFieldId()
    {
        for (const QJsonValue &f :
             amoState().value("custom_fields").toObject().value("customers").toArray()) {
            if (f.toObject().value("name").toString() == kPointsField)
                return f.toObject().value("id").toInteger();
        }
        return 0;
    }

    QJsonObject customerNamed(const QString &name)
    {
        for (const QJsonValue &c : amoState().value("customers").toArray()) {
            if (!m_seedCustomers.contains(c.toObject().value("id").toInteger())
                && c.toObject().value("name").toString() == name)
                return c.toObject();
        }
        return {};
    }

    /** The customer's «Бонусные баллы» in amoCRM; -1 when not set. */
    double points(const QString &name)
    {
        const qint64 field = pointsFieldId();
        for (const QJsonValue &v : customerNamed(name).value("custom_fields_values").toArray()) {
            if (v.toObject().value("field_id").toInteger() == field)
                return v.toObject()
                    .value("values")
                    .toArray()[0]
                    .toObject()
                    .value("value")
                    .toVariant()
                    .toDouble();
        }
        return -1;
    }

    /** A manager sets the customer's points in amoCRM's card. */
    void setPoints(const QString &name, double value)
    {
        const QJsonObject answer = m_kit.amoControl->control(
            QStringLiteral("manager/customer"),
            { { "id", customerNamed(name).value("id").toInteger() },
              { "custom_fields_values",
                QJsonArray {
                    QJsonObject { { "field_id", pointsFieldId() },
                                  { "values", QJsonArray { QJsonObject { { "value", value } } } } } } } });
        QVERIFY2(answer.contains("id"), QJsonDocument(answer).toJson().constData());
    }

    QJsonObject counterparty(const QString &name)
    {
        const QJsonObject link
            = m_cashier.link(*m_kit.skladClient, QStringLiteral("counterparty"), "name=" + name);
        return m_kit.skladClient->get(link.value("meta").toObject().value("href").toString()).object();
    }

    /** The bonus operations CRM Bridge made (their externalCode is its reference). */
    QList<QJsonObject> bridgeOperations()
    {
        QList<QJsonObject> out;
        for (const QJsonValue &row : m_kit.skladClient->get(QStringLiteral("/entity/bonustransaction"))
                                         .object()
                                         .value("rows")
                                         .toArray()) {
            if (row.toObject()
                    .value("externalCode")
                    .toString()
                    .startsWith(QStringLiteral("crmbridge-points-")))
                out << row.toObject();
        }
        return out;
    }

    /** Notifications MoySklad sent (or tried to send) to the bridge about the operation @p id. */
    int notificationsOf(const QString &id)
    {
        int n = 0;
        for (const QJsonValue &d :
             m_kit.skladClient->control("webhooks", {}, "GET").value("deliveries").toArray())
            n += d.toObject().value("body").toString().contains(id) ? 1 : 0;
        return n;
    }

    void checkBudget() { m_kit.checkBudget(); }

    /** The engine synced the buyers and polled the bridge's own writes of their points back: every
     *  one of those changes is a settled job, and no operation was made for any. */
    void syncBuyersAndTheirEchoes(int operationsBefore)
    {
        QTRY_COMPARE_WITH_TIMEOUT(jobsIn(QStringLiteral("customer.saved"), Store::JobState::Done), 4, 60000);
        QTRY_VERIFY_WITH_TIMEOUT(points(QStringLiteral("Иванова Мария Сергеевна")) >= 500, 20000);
        // Three buyers have points: three writes of the field, each seen as a change in amoCRM's events.
        const QString kind = Source::PointsChangeInbox::jobKind();
        QTRY_VERIFY_WITH_TIMEOUT(jobsIn(kind, Store::JobState::Done) >= 3, 30000);
        QTRY_COMPARE_WITH_TIMEOUT(jobsIn(kind, Store::JobState::Done), jobs(kind).size(), 20000);
        // None of them went as far as a grant (a grant marks its job `sending` first).
        for (const Store::Job &job : jobs(kind))
            QVERIFY2(job.step == Store::JobStep::New, qPrintable(job.idempotencyKey));
        QCOMPARE(operations(), operationsBefore);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString error = m_kit.startSandboxes();
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    void init()
    {
        m_kit.resetAndSignIn();
        if (QTest::currentTestFailed())
            return;
        // A grant that failed is tried again a second later.
        QVERIFY_OK(
            Store::SettingsRepo(m_kit.store->db()).setValue(QStringLiteral("retry.first_delay_s"), "1"));
        m_seedCustomers.clear();
        for (const QJsonValue &c : amoState().value("customers").toArray())
            m_seedCustomers.insert(c.toObject().value("id").toInteger());
        m_cashier.forget();
        counterparty(QStringLiteral("Иванова Мария Сергеевна")); // its link, looked up before the engine runs
        m_kit.skladClient->control("clock", { { "advance", 3 } });
    }

    void cleanup() { m_kit.cleanup(); }

    void pointsSetInAmoCrmAreOneEarningInMoySklad()
    {
        const QString maria = QStringLiteral("Иванова Мария Сергеевна");
        const double balance = counterparty(maria).value("bonusPoints").toDouble();
        QVERIFY(balance >= 500);
        const int before = operations();
        addSource();
        pollAmoEvents();
        auto engine = startEngine();
        QVERIFY(engine);
        syncBuyersAndTheirEchoes(before);
        QCOMPARE(points(maria), balance);

        // The operator grants 150 points in amoCRM: one EARNING of 150 in MoySklad, on her
        // counterparty and her bonus programme, within seconds.
        QElapsedTimer timer;
        timer.start();
        setPoints(maria, balance + 150);
        QTRY_COMPARE_WITH_TIMEOUT(operations(), before + 1, 20000);
        qInfo("points set in amoCRM were a bonus operation in MoySklad after %lld ms", timer.elapsed());
        const QList<QJsonObject> made = bridgeOperations();
        QCOMPARE(made.size(), 1);
        const QJsonObject her = counterparty(maria);
        QCOMPARE(made[0].value("transactionType").toString(), QStringLiteral("EARNING"));
        QCOMPARE(made[0].value("bonusValue").toDouble(), 150.0);
        QCOMPARE(made[0].value("agent").toObject().value("meta").toObject().value("href"),
                 her.value("meta").toObject().value("href"));
        QCOMPARE(made[0].value("bonusProgram").toObject().value("meta").toObject().value("href"),
                 her.value("bonusProgram").toObject().value("meta").toObject().value("href"));
        QCOMPARE(her.value("bonusPoints").toDouble(), balance + 150);
        QTRY_COMPARE(jobsIn(Source::PointsChangeInbox::jobKind(), Store::JobState::Done),
                     jobs(Source::PointsChangeInbox::jobKind()).size());

        // MoySklad's reader brings her new balance back; amoCRM's field already holds it, so the write
        // changes nothing and nothing is granted again — over several polls of amoCRM's events.
        QTRY_COMPARE_WITH_TIMEOUT(jobsIn(QStringLiteral("customer.saved"), Store::JobState::Done), 5, 30000);
        const int polls = amoRequests(QStringLiteral("GET /api/v4/events"));
        QTRY_VERIFY_WITH_TIMEOUT(amoRequests(QStringLiteral("GET /api/v4/events")) >= polls + 3, 20000);
        QCOMPARE(points(maria), balance + 150);
        QCOMPARE(operations(), before + 1);
        QCOMPARE(counterparty(maria).value("bonusPoints").toDouble(), balance + 150);

        // Points taken in amoCRM are a SPENDING of the difference.
        setPoints(maria, balance + 100);
        QTRY_COMPARE_WITH_TIMEOUT(operations(), before + 2, 20000);
        QCOMPARE(counterparty(maria).value("bonusPoints").toDouble(), balance + 100);
        bool spent = false;
        for (const QJsonObject &op : bridgeOperations())
            spent = spent
                || (op.value("transactionType").toString() == QLatin1String("SPENDING")
                    && op.value("bonusValue").toDouble() == 50.0);
        QVERIFY(spent);
        stopEngine(engine);

        // The grants carried X-Lognex-WebHook-DisableByPrefix: MoySklad told the bridge's webhooks
        // nothing of them, while an operation made by hand in MoySklad is notified at once.
        for (const QJsonObject &op : bridgeOperations())
            QCOMPARE(notificationsOf(op.value("id").toString()), 0);
        const QString byHand
            = m_kit.skladClient
                  ->control("ui/bonustransaction",
                            { { "agent",
                                m_cashier.link(*m_kit.skladClient, QStringLiteral("counterparty"),
                                               "name=" + maria) },
                              { "transactionType", "EARNING" },
                              { "bonusValue", 10 } })
                  .value("id")
                  .toString();
        QVERIFY(!byHand.isEmpty());
        QTRY_VERIFY(notificationsOf(byHand) >= 1);
        checkBudget();
    }

    void aGrantWhoseAnswerIsLostIsMadeOnceAcrossARestart()
    {
        const QString maria = QStringLiteral("Иванова Мария Сергеевна");
        const double balance = counterparty(maria).value("bonusPoints").toDouble();
        const int before = operations();
        addSource();
        pollAmoEvents();
        auto engine = startEngine();
        QVERIFY(engine);
        syncBuyersAndTheirEchoes(before);

        // MoySklad's reader is held off (its customer orders answer 503, so its reads fail before the
        // bonus stream), so the new balance cannot come back to the bridge: only the retry's look-up can
        // tell that the lost operation was made.
        m_kit.skladClient->control("faults",
                                   { { "action", "status" },
                                     { "method", "GET" },
                                     { "path", "^/api/remap/1.2/entity/customerorder$" },
                                     { "status", 503 } });
        // MoySklad makes the operation and its answer is lost (a 500 after the work).
        m_kit.skladClient->control("faults",
                                   { { "action", "status" },
                                     { "method", "POST" },
                                     { "path", "^/api/remap/1.2/entity/bonustransaction$" },
                                     { "status", 500 },
                                     { "after", true },
                                     { "times", 1 } });
        setPoints(maria, balance + 150);
        const QString kind = Source::PointsChangeInbox::jobKind();
        // The job was marked before the operation went out; its failure leaves it waiting for a retry
        // (or, on a busy machine, the retry has been made already).
        auto triedOnce = [this, &kind] {
            for (const Store::Job &job : jobs(kind)) {
                if (job.step == Store::JobStep::Unconfirmed && !job.lastError.isEmpty())
                    return true;
                if (job.state == Store::JobState::Done && job.attempts >= 2)
                    return true;
            }
            return false;
        };
        QTRY_VERIFY_WITH_TIMEOUT(triedOnce(), 30000);
        QCOMPARE(operations(), before + 1);
        // The engine stops before the retry, and starts again.
        stopEngine(engine);
        engine = startEngine();
        QVERIFY(engine);
        QTRY_COMPARE_WITH_TIMEOUT(jobsIn(kind, Store::JobState::Done), jobs(kind).size(), 30000);
        QCOMPARE(operations(), before + 1);
        const QList<QJsonObject> made = bridgeOperations();
        QCOMPARE(made.size(), 1);
        QCOMPARE(made[0].value("bonusValue").toDouble(), 150.0);
        // The retry found it by its externalCode: it is the job's record.
        int granted = 0;
        for (const Store::Job &job : jobs(kind)) {
            if (!job.crmId.isEmpty()) {
                ++granted;
                QCOMPARE(job.crmId, made[0].value("id").toString());
                QVERIFY(job.attempts >= 2);
            }
        }
        QCOMPARE(granted, 1);
        int fired = 0;
        for (const QJsonValue &f :
             m_kit.skladClient->control("faults", {}, "GET").value("faults").toArray()) {
            if (f.toObject().value("method").toString() == QLatin1String("POST"))
                fired = f.toObject().value("fired").toInt();
        }
        QCOMPARE(fired, 1);

        // The reader back: her balance comes to amoCRM, where the field holds it already; nothing is
        // granted again over several polls of amoCRM's events.
        m_kit.skladClient->control("faults", { { "clear", true } });
        QTRY_COMPARE_WITH_TIMEOUT(jobsIn(QStringLiteral("customer.saved"), Store::JobState::Done), 5, 30000);
        const int polls = amoRequests(QStringLiteral("GET /api/v4/events"));
        QTRY_VERIFY_WITH_TIMEOUT(amoRequests(QStringLiteral("GET /api/v4/events")) >= polls + 3, 20000);
        stopEngine(engine);
        QCOMPARE(operations(), before + 1);
        QCOMPARE(counterparty(maria).value("bonusPoints").toDouble(), balance + 150);
        QCOMPARE(points(maria), balance + 150);
        checkBudget();
    }
};

QTEST_GUILESS_MAIN(TestMoySkladBonusBack)
#include "tst_MoySkladBonusBack.moc"
