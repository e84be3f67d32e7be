// SPDX-License-Identifier: GPL-3.0-or-later
// Exactly once when the CRM fails half-way, counted in the amoCRM sandbox: a 500 on the notes after the
// deals were made (retried by itself, or failed and resent) leaves one deal per order, each with its
// note, and the job says which step it is on; a create whose answer is lost (the sandbox makes the
// deals, then answers 500 or drops the connection) is found again by its external id with the engine's
// clock ten minutes ahead of or behind the CRM's; a resend never touches a delivered job.
#include "crm/ConnectorFactory.h"
#include "engine/SyncEngine.h"
#include "fixtures/amocrm/AmoTestKit.h"
#include "fixtures/amocrm/EngineTestKit.h"
#include "store/EntityLinkRepo.h"
#include "store/JobRepo.h"

#include <QJsonArray>
#include <QSignalSpy>

using EngineTestKit::Fixture;
using Store::JobState;

namespace {
constexpr int kOrders = 5;
} // namespace

class TestEngineOnce : public QObject
{
    Q_OBJECT
private:
    Fixture m_kit;
    QList<qint64> m_jobIds;
    int m_leadsBefore = 0;
    int m_notesBefore = 0;

    /** An engine whose clock runs @p offsetMs ahead of the sandbox's (behind when negative). */
    std::unique_ptr<Engine::SyncEngine> startEngine(const Common::Clock *clock,
                                                    Crm::ConnectorFactory &factory, int maxAttempts = 10)
    {
        auto engine = std::make_unique<Engine::SyncEngine>(
            m_kit.store->db(), [&factory](const Store::Connection &c) { return factory.forConnection(c); },
            clock);
        Engine::LaneConfig lane;
        lane.idlePollMs = 100;
        lane.retry.firstDelayMs = 300;
        lane.retry.maxDelayMs = 1000;
        lane.retry.maxAttempts = maxAttempts;
        engine->setLaneTemplate(lane);
        const auto started = engine->start();
        if (!started)
            qWarning() << "the engine did not start:" << started.error().message;
        return started ? std::move(engine) : nullptr;
    }

    /** The orders' jobs, queued by a source on the engine's machine (its clock). */
    void enqueueOrders(const Common::Clock *clock = Common::Clock::system())
    {
        Store::JobRepo jobs(m_kit.store->db(), clock);
        m_jobIds.clear();
        for (int n = 0; n < kOrders; ++n) {
            auto enqueued = jobs.enqueue(EngineTestKit::jobFor(EngineTestKit::order(n, kOrders)));
            QVERIFY_OK(enqueued);
            m_jobIds << enqueued->job.id;
        }
    }

    void addFault(const QJsonObject &rule) { m_kit.control->control(QStringLiteral("faults"), rule); }
    void clearFaults() { m_kit.control->control(QStringLiteral("faults"), { { "clear", true } }); }

    /** Notes the sandbox holds on lead @p leadId. */
    static int notesOn(const QJsonObject &state, qint64 leadId)
    {
        int n = 0;
        for (const QJsonValue &note : state.value("notes").toArray()) {
            const QJsonObject o = note.toObject();
            n += o.value("entity_id").toInteger() == leadId && o.value("entity_type").toString() == "leads";
        }
        return n;
    }

    /** Every order is one deal in the sandbox, linked to its order and carrying one note. */
    void verifyOneDealPerOrderWithItsNote()
    {
        const QJsonObject state = m_kit.state();
        QCOMPARE(int(state.value("leads").toArray().size()) - m_leadsBefore, kOrders);
        const QHash<QString, int> deals = AmoTestKit::dealsByExternalId(state);
        Store::JobRepo jobs(m_kit.store->db());
        Store::EntityLinkRepo links(m_kit.store->db());
        for (qint64 id : std::as_const(m_jobIds)) {
            const Store::Job job = jobs.get(id).value();
            const QString external = QStringLiteral("order:shop:%1").arg(job.sourceRef);
            QVERIFY2(deals.value(external) == 1,
                     qPrintable(QStringLiteral("%1 has %2 deals").arg(external).arg(deals.value(external))));
            QCOMPARE(job.state, JobState::Done);
            QCOMPARE(job.step, Store::JobStep::Complete);
            auto linked = links.crmIdFor(m_kit.connectionId, QStringLiteral("order"),
                                         QStringLiteral("shop:") + job.sourceRef, QStringLiteral("lead"));
            QVERIFY_OK(linked);
            QVERIFY(linked->has_value());
            QCOMPARE(**linked, job.crmId);
            QCOMPARE(notesOn(state, job.crmId.toLongLong()), 1);
        }
        QCOMPARE(int(state.value("notes").toArray().size()) - m_notesBefore, kOrders);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_kit.initSandbox(&error), qPrintable(error));
    }

    void init()
    {
        m_kit.initStore();
        const QJsonObject state = m_kit.state();
        m_leadsBefore = int(state.value("leads").toArray().size());
        m_notesBefore = int(state.value("notes").toArray().size());
    }

    void cleanup()
    {
        clearFaults();
        m_kit.cleanup();
    }

    void aFailedNoteIsRetriedOnTheDealItMade()
    {
        // One 500 on the notes call after the five deals were made.
        addFault({ { "action", "status" },
                   { "method", "POST" },
                   { "path", "/api/v4/leads/notes" },
                   { "status", 500 },
                   { "times", 1 } });
        enqueueOrders();
        Crm::ConnectorFactory factory(m_kit.store->db(), m_kit.secrets);
        auto engine = startEngine(Common::Clock::system(), factory);
        QVERIFY(engine);
        QTRY_COMPARE_WITH_TIMEOUT(m_kit.countDone(), kOrders, 30000);
        m_kit.stopEngine(engine);
        verifyOneDealPerOrderWithItsNote();
        // Each job went through the step "deal made, note pending" before it was done.
        const QList<Store::JobAttempt> attempts
            = Store::JobRepo(m_kit.store->db()).attempts(m_jobIds.first()).value();
        QCOMPARE(attempts.size(), 2);
        QCOMPARE(attempts.first().outcome, QStringLiteral("retry"));
        const QString deal = Store::JobRepo(m_kit.store->db()).get(m_jobIds.first())->crmId;
        QVERIFY2(attempts.first().error.startsWith(
                     QStringLiteral("Deal %1 made, note pending (retry 1)").arg(deal)),
                 qPrintable(attempts.first().error));
        QCOMPARE(attempts.last().outcome, QStringLiteral("done"));
    }

    void aNoteWhoseAnswerWasLostIsNotAddedTwice()
    {
        // The notes call makes the five notes, then its answer is lost (a 500 after the work): the
        // retry finds them on the deals and adds none again.
        addFault({ { "action", "status" },
                   { "method", "POST" },
                   { "path", "/api/v4/leads/notes" },
                   { "status", 500 },
                   { "after", true },
                   { "times", 1 } });
        const auto calls = [this](const char *endpoint) {
            return m_kit.state()
                .value("counters")
                .toObject()
                .value("by_endpoint")
                .toObject()
                .value(QLatin1String(endpoint))
                .toInt();
        };
        const int notesAddedBefore = calls("POST /api/v4/leads/notes");
        const int notesListedBefore = calls("GET /api/v4/leads/notes");
        enqueueOrders();
        Crm::ConnectorFactory factory(m_kit.store->db(), m_kit.secrets);
        auto engine = startEngine(Common::Clock::system(), factory);
        QVERIFY(engine);
        QTRY_COMPARE_WITH_TIMEOUT(m_kit.countDone(), kOrders, 30000);
        m_kit.stopEngine(engine);
        verifyOneDealPerOrderWithItsNote();
        QCOMPARE(calls("POST /api/v4/leads/notes") - notesAddedBefore, 1); // the retry only looked
        QVERIFY(calls("GET /api/v4/leads/notes") > notesListedBefore);
    }

    void aResendFinishesTheNoteAndNeverMakesASecondDeal()
    {
        // The replay: the notes fail until the jobs give up; the operator resends the failures.
        addFault({ { "action", "status" },
                   { "method", "POST" },
                   { "path", "/api/v4/leads/notes" },
                   { "status", 500 } });
        enqueueOrders();
        Crm::ConnectorFactory factory(m_kit.store->db(), m_kit.secrets);
        auto engine = startEngine(Common::Clock::system(), factory, 2);
        QVERIFY(engine);
        QTRY_COMPARE_WITH_TIMEOUT(m_kit.count(JobState::Failed), kOrders, 30000);
        Store::JobRepo jobs(m_kit.store->db());
        for (qint64 id : std::as_const(m_jobIds)) {
            const Store::Job job = jobs.get(id).value();
            QCOMPARE(job.step, Store::JobStep::FollowUps);
            QVERIFY(!job.crmId.isEmpty());
            QCOMPARE(job.pendingFollowUps, QStringList { QStringLiteral("note") });
            QVERIFY2(job.lastError.startsWith(QStringLiteral("Deal %1 made, note not added").arg(job.crmId)),
                     qPrintable(job.lastError));
        }
        QCOMPARE(int(m_kit.state().value("leads").toArray().size()) - m_leadsBefore, kOrders);
        auto linked
            = Store::EntityLinkRepo(m_kit.store->db()).count(m_kit.connectionId, QStringLiteral("order"));
        QVERIFY_OK(linked);
        QCOMPARE(linked.value(), kOrders);

        // The CRM is well again; "resend --failed" puts all five back, and they add only the notes.
        clearFaults();
        const QJsonObject counters
            = m_kit.state().value("counters").toObject().value("by_endpoint").toObject();
        const int createsBefore = counters.value("POST /api/v4/leads/complex").toInt();
        auto requeued = jobs.resendFailed();
        QVERIFY_OK(requeued);
        QCOMPARE(requeued.value(), kOrders);
        engine->wake();
        QTRY_COMPARE_WITH_TIMEOUT(m_kit.countDone(), kOrders, 30000);
        m_kit.stopEngine(engine);
        verifyOneDealPerOrderWithItsNote();
        QCOMPARE(m_kit.state()
                     .value("counters")
                     .toObject()
                     .value("by_endpoint")
                     .toObject()
                     .value("POST /api/v4/leads/complex")
                     .toInt(),
                 createsBefore);

        // A resend of delivered jobs touches none of them.
        auto again = jobs.resend(m_jobIds);
        QVERIFY_OK(again);
        QCOMPARE(again.value(), 0);
        QCOMPARE(m_kit.countDone(), kOrders);
        auto group = jobs.resendFailed();
        QVERIFY_OK(group);
        QCOMPARE(group.value(), 0);
    }

    void aLostAnswerIsFoundByItsExternalId_data()
    {
        QTest::addColumn<qint64>("offsetMs");
        QTest::addColumn<QString>("action");
        QTest::addColumn<int>("lookupFailures");
        QTest::newRow("clock +10 min, 500 after the create") << qint64(600'000) << "status" << 0;
        QTest::newRow("clock -10 min, 500 after the create") << qint64(-600'000) << "status" << 0;
        QTest::newRow("clock +10 min, connection dropped after the create")
            << qint64(600'000) << "reset" << 0;
        QTest::newRow("clock -10 min, connection dropped after the create")
            << qint64(-600'000) << "reset" << 0;
        // The connector cannot look at once either: the job stays unconfirmed and the next round's
        // reconciliation finds the deals, then adds their notes.
        QTest::newRow("clock +10 min, lookups fail at first") << qint64(600'000) << "status" << 6;
        QTest::newRow("clock -10 min, lookups fail at first") << qint64(-600'000) << "status" << 6;
    }

    void aLostAnswerIsFoundByItsExternalId()
    {
        QFETCH(qint64, offsetMs);
        QFETCH(QString, action);
        QFETCH(int, lookupFailures);
        // The sandbox makes the five deals, then the answer is lost.
        addFault({ { "action", action },
                   { "method", "POST" },
                   { "path", "/api/v4/leads/complex" },
                   { "status", 500 },
                   { "after", true },
                   { "times", 1 } });
        if (lookupFailures > 0)
            addFault({ { "action", "status" },
                       { "method", "GET" },
                       { "path", "^/api/v4/leads$" },
                       { "status", 500 },
                       { "times", lookupFailures } });
        const Common::OffsetClock skewed(Common::Clock::system(), offsetMs);
        enqueueOrders(&skewed);
        Crm::ConnectorOptions options;
        options.retryBaseDelayMs = 50;
        Crm::ConnectorFactory factory(m_kit.store->db(), m_kit.secrets, options, &skewed);
        auto engine = startEngine(&skewed, factory);
        QVERIFY(engine);
        QTRY_COMPARE_WITH_TIMEOUT(m_kit.countDone(), kOrders, 60000);
        m_kit.stopEngine(engine);
        const QJsonArray faults
            = m_kit.control->control(QStringLiteral("faults"), {}, "GET").value("faults").toArray();
        QCOMPARE(faults.first().toObject().value("fired").toInt(), 1);
        verifyOneDealPerOrderWithItsNote();
    }
};

QTEST_GUILESS_MAIN(TestEngineOnce)
#include "tst_EngineOnce.moc"
