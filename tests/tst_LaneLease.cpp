// SPDX-License-Identifier: GPL-3.0-or-later
// Several engines on one store: the lease on a connection's lanes (one holder; renewed by a heartbeat;
// taken over once the heartbeat stops, and by exactly one of the engines racing for it) and the
// per-account state claimed under the store-wide lock (one engine finds or creates the amoCRM field;
// the others get its id). On SQLite and PostgreSQL.
#include "DialectSuite.h"
#include "TestEnv.h"
#include "common/EngineProcess.h"
#include "engine/LaneLeaseKeeper.h"
#include "storage/Sql.h"
#include "store/AccountStateRepo.h"
#include "store/LaneLeaseRepo.h"

#include <QAtomicInt>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

using Engine::LaneLeaseKeeper;
using Engine::LeaseTiming;
using Store::AccountClaim;

namespace {
constexpr qint64 kConnection = 7;
/** Short leases, so a takeover happens within seconds; the proportions are the engine's (ttl = 5 renewals).
 */
const LeaseTiming kTiming { 1'500, 300 };

/** Runs @p body on @p count threads at once (each with its own connection) and waits for them. */
template<typename Body> bool race(Storage::Database &db, int count, Body body)
{
    QAtomicInt ready;
    QList<QThread *> threads;
    for (int t = 0; t < count; ++t) {
        threads << QThread::create([&, t] {
            ready.fetchAndAddOrdered(1);
            while (ready.loadAcquire() < count)
                QThread::yieldCurrentThread();
            body(t);
            db.releaseThreadConnection();
        });
    }
    for (QThread *thread : threads)
        thread->start();
    bool finished = true;
    for (QThread *thread : threads) {
        finished = thread->wait(60'000) && finished;
        delete thread;
    }
    return finished;
}
} // namespace

class TestLaneLease : public TestSupport::DialectSuite
{
    Q_OBJECT
private:
    qint64 heartbeatAt()
    {
        auto lease = Store::LaneLeaseRepo(m_test->db()).find(kConnection);
        return lease ? lease->heartbeatAt : -1;
    }

private Q_SLOTS:
    /** One holder; its heartbeat keeps the others out; when the heartbeat stops another engine takes
     *  over after the time to live, and the old holder has stopped trusting its lease by then. */
    void takeoverAfterTheHeartbeatStops()
    {
        auto first = std::make_unique<LaneLeaseKeeper>(m_test->db(), QStringLiteral("host-a:100"));
        LaneLeaseKeeper second(m_test->db(), QStringLiteral("host-b:200"));
        first->setTiming(kTiming);
        second.setTiming(kTiming);

        auto taken = first->acquire(kConnection);
        QVERIFY_OK(taken);
        QVERIFY(taken->acquired);
        QVERIFY(taken->previousHolder.isEmpty());
        auto guard = first->guard(kConnection);
        QVERIFY(guard && guard->valid());

        // Renewed five times (longer than the time to live): the other engine never gets it.
        for (int beat = 0; beat < 5; ++beat) {
            const qint64 before = heartbeatAt();
            QTRY_VERIFY_WITH_TIMEOUT(heartbeatAt() > before, 5'000);
            auto refused = second.acquire(kConnection);
            QVERIFY_OK(refused);
            QVERIFY(!refused->acquired);
            QCOMPARE(refused->holder, QStringLiteral("host-a:100"));
            QVERIFY(guard->valid());
        }

        // The holder dies (no release, no more renewals: as after SIGKILL).
        first.reset();
        const qint64 diedAt = Engine::LeaseGuard::steadyNowMs();
        Store::LeaseGrant grant;
        bool takenOver = false; // QTRY_VERIFY evaluates once more after success: keep the first grant
        QTRY_VERIFY_WITH_TIMEOUT(
            takenOver || (takenOver = (grant = second.acquire(kConnection).valueOr({})).acquired), 10'000);
        const qint64 tookMs = Engine::LeaseGuard::steadyNowMs() - diedAt;
        qInfo("taken over %lld ms after the last heartbeat could have been sent (ttl %lld ms)", tookMs,
              kTiming.ttlMs);
        QCOMPARE(grant.previousHolder, QStringLiteral("host-a:100"));
        QVERIFY(tookMs >= kTiming.ttlMs - kTiming.renewMs);
        QVERIFY2(!guard->valid(), "the dead holder's lanes must have stopped trusting the lease first");
        QCOMPARE(Store::LaneLeaseRepo(m_test->db()).find(kConnection)->holder, QStringLiteral("host-b:200"));
    }

    /** An engine that was cut off and comes back learns at its next renewal that it lost the lanes. */
    void aHolderThatWasTakenOverLearnsItLost()
    {
        LaneLeaseKeeper first(m_test->db(), QStringLiteral("host-a:100"));
        first.setTiming(kTiming);
        QVERIFY(first.acquire(kConnection)->acquired);
        // Another engine decides the holder is dead (as for a process of its own machine that is gone).
        LaneLeaseKeeper second(m_test->db(), QStringLiteral("host-b:200"));
        second.setHolderGone([](const QString &holder) { return holder == QLatin1String("host-a:100"); });
        auto grant = second.acquire(kConnection);
        QVERIFY_OK(grant);
        QVERIFY(grant->acquired);
        QCOMPARE(grant->previousHolder, QStringLiteral("host-a:100"));

        QSignalSpy lost(&first, &LaneLeaseKeeper::leaseLost);
        QTRY_COMPARE_WITH_TIMEOUT(lost.size(), 1, 5'000);
        QCOMPARE(lost.first().first().toLongLong(), kConnection);
        QVERIFY(!first.holds(kConnection));
        QVERIFY(!first.acquire(kConnection)->acquired);
    }

    /** A lease given up (the engine stopped) is free at once; the next holder waits out the second in
     *  which the last one may still have sent. */
    void releasedLeaseHandsOverAfterOneSecond()
    {
        LaneLeaseKeeper first(m_test->db(), QStringLiteral("host-a:100"));
        LaneLeaseKeeper second(m_test->db(), QStringLiteral("host-b:200"));
        QVERIFY(first.acquire(kConnection)->acquired);
        first.releaseAll();
        QVERIFY(!first.holds(kConnection));
        auto grant = second.acquire(kConnection);
        QVERIFY_OK(grant);
        QVERIFY(grant->acquired);
        QVERIFY(grant->previousHolder.isEmpty()); // nothing to take back: it settled what it held
        QVERIFY2(grant->startInMs > 0 && grant->startInMs <= Store::LaneLeaseRepo::kHandoverMs,
                 qPrintable(QString::number(grant->startInMs)));
        // The same engine taking its own lease back (a restart in one process) needs no wait.
        second.releaseAll();
        QCOMPARE(second.acquire(kConnection)->startInMs, qint64(0));
    }

    /** Eight engines see the same run-out lease at once: exactly one gets it. */
    void oneWinnerWhenEnginesRace()
    {
        auto db = m_test->db();
        QVERIFY_OK(Store::LaneLeaseRepo(db).acquire(kConnection, QStringLiteral("dead:1"), 1));
        QTRY_VERIFY(!Store::LaneLeaseRepo(db).find(kConnection)->held());
        QAtomicInt winners;
        QAtomicInt errors;
        QAtomicInt busy;
        QVERIFY(race(*db, 8, [&](int t) {
            auto grant
                = Store::LaneLeaseRepo(db).acquire(kConnection, QStringLiteral("racer:%1").arg(t), 60'000);
            // A store too busy to answer in time (SQLite's one writer, eight threads, a loaded machine)
            // is a passing error: that engine asks again at its next heartbeat. Anything else is a bug.
            if (!grant && grant.error().kind == Common::ErrorKind::Transient)
                busy.fetchAndAddOrdered(1);
            else if (!grant) {
                qWarning("racer %d: %s", t, qPrintable(grant.error().toString()));
                errors.fetchAndAddOrdered(1);
            } else if (grant->acquired)
                winners.fetchAndAddOrdered(1);
        }));
        QCOMPARE(winners.loadAcquire(), 1);
        QCOMPARE(errors.loadAcquire(), 0);
        QVERIFY(busy.loadAcquire() < 8);
    }

    /** The external-id field: one engine claims it, finds or makes it and stores its id; the others wait,
     *  then use the stored id. A claim whose engine died goes stale; a field the CRM lost is forgotten. */
    void accountStateIsClaimedOnce()
    {
        Store::AccountStateRepo state(m_test->db());
        const QString key = QStringLiteral("amocrm.external_id_field");
        QCOMPARE(state.claim(kConnection, key, QStringLiteral("a"))->kind, AccountClaim::Kind::Claimed);
        QCOMPARE(state.claim(kConnection, key, QStringLiteral("b"))->kind, AccountClaim::Kind::Busy);
        QCOMPARE(state.claim(kConnection, key, QStringLiteral("a"))->kind, AccountClaim::Kind::Claimed);
        QVERIFY_OK(state.store(kConnection, key, QStringLiteral("5001")));
        auto stored = state.claim(kConnection, key, QStringLiteral("b"));
        QVERIFY_OK(stored);
        QCOMPARE(stored->kind, AccountClaim::Kind::Stored);
        QCOMPARE(stored->value, QStringLiteral("5001"));
        QCOMPARE(state.claim(kConnection + 1, key, QStringLiteral("b"))->kind, AccountClaim::Kind::Claimed);

        QVERIFY_OK(state.forget(kConnection, key, QStringLiteral("4000"))); // somebody else's old id
        QCOMPARE(state.value(kConnection, key).value(), QStringLiteral("5001"));
        QVERIFY_OK(state.forget(kConnection, key, QStringLiteral("5001")));
        QCOMPARE(state.claim(kConnection, key, QStringLiteral("b"))->kind, AccountClaim::Kind::Claimed);
        // b dies holding the claim: after the stale time another engine claims it.
        QCOMPARE(state.claim(kConnection, key, QStringLiteral("c"))->kind, AccountClaim::Kind::Busy);
        QCOMPARE(state.claim(kConnection, key, QStringLiteral("c"), 0)->kind, AccountClaim::Kind::Claimed);
        QVERIFY_OK(state.releaseClaim(kConnection, key, QStringLiteral("c")));
        QCOMPARE(state.claim(kConnection, key, QStringLiteral("d"))->kind, AccountClaim::Kind::Claimed);
    }

    /** An engine killed while it looked for the field (tst_EngineCrash: its restart waited a minute):
     *  the claim of a process of this machine that is gone is taken at once; a live one's, or another
     *  machine's, still waits for it. */
    void aKilledEnginesClaimIsTakenAtOnce()
    {
        Store::AccountStateRepo state(m_test->db());
        const QString key = QStringLiteral("amocrm.external_id_field.killed");
        QProcess engine;
        engine.start(QStringLiteral("sleep"), { QStringLiteral("60") });
        QVERIFY(engine.waitForStarted());
        const QString dying = QStringLiteral("%1:%2:amocrm-1")
                                  .arg(Common::EngineProcess::machineName())
                                  .arg(engine.processId());
        QCOMPARE(state.claim(kConnection, key, dying)->kind, AccountClaim::Kind::Claimed);
        QCOMPARE(state.claim(kConnection, key, QStringLiteral("restarted"))->kind, AccountClaim::Kind::Busy);
        engine.kill();
        QVERIFY(engine.waitForFinished());
        QVERIFY(Common::EngineProcess::isGone(dying));
        QCOMPARE(state.claim(kConnection, key, QStringLiteral("restarted"))->kind,
                 AccountClaim::Kind::Claimed);

        // Another machine's engine cannot be seen from here: its claim only runs out.
        const QString elsewhere = QStringLiteral("elsewhere:%1:amocrm-1").arg(engine.processId());
        QVERIFY(!Common::EngineProcess::isGone(elsewhere));
        QVERIFY_OK(state.releaseClaim(kConnection, key, QStringLiteral("restarted")));
        QCOMPARE(state.claim(kConnection, key, elsewhere)->kind, AccountClaim::Kind::Claimed);
        QCOMPARE(state.claim(kConnection, key, QStringLiteral("restarted"))->kind, AccountClaim::Kind::Busy);
    }

    /** Eight engines ask for the field at once on a fresh store: exactly one may create it. */
    void oneClaimWhenEnginesRace()
    {
        auto db = m_test->db();
        QAtomicInt claimed;
        QAtomicInt busy;
        QAtomicInt errors;
        QVERIFY(race(*db, 8, [&](int t) {
            auto claim = Store::AccountStateRepo(db).claim(
                kConnection, QStringLiteral("amocrm.external_id_field"), QStringLiteral("engine-%1").arg(t));
            if (!claim)
                errors.fetchAndAddOrdered(1);
            else if (claim->kind == AccountClaim::Kind::Claimed)
                claimed.fetchAndAddOrdered(1);
            else if (claim->kind == AccountClaim::Kind::Busy)
                busy.fetchAndAddOrdered(1);
        }));
        QCOMPARE(errors.loadAcquire(), 0);
        QCOMPARE(claimed.loadAcquire(), 1);
        QCOMPARE(busy.loadAcquire(), 7);
    }
};

QTEST_GUILESS_MAIN(TestLaneLease)
#include "tst_LaneLease.moc"
