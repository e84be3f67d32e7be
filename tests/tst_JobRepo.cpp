// SPDX-License-Identifier: GPL-3.0-or-later
#include "DialectSuite.h"
#include "TestEnv.h"
#include "store/JobRepo.h"

#include <QDeadlineTimer>
#include <QMutex>
#include <QSet>
#include <QTest>
#include <QThread>
#include <atomic>

using namespace Store;
using Common::Error;

namespace {
NewJob orderJob(const QString &number, const QString &phone = QStringLiteral("+79123456789"))
{
    NewJob job;
    job.kind = QStringLiteral("order.created");
    job.source = QStringLiteral("shop");
    job.sourceRef = number;
    job.idempotencyKey = QStringLiteral("order:shop:%1:created").arg(number);
    job.payload = { { QStringLiteral("number"), number } };
    job.reference = number;
    job.customer = QStringLiteral("Иван Петров");
    job.phone = phone;
    job.email = QStringLiteral("ivan@example.ru");
    return job;
}
} // namespace

class TestJobRepo : public TestSupport::DialectSuite
{
    Q_OBJECT
private:
    Common::ManualClock m_clock;
    std::unique_ptr<JobRepo> m_jobs;

protected:
    void initStore() override { m_jobs = std::make_unique<JobRepo>(m_test->db(), &m_clock); }
    void cleanupStore() override { m_jobs.reset(); }

private Q_SLOTS:

    void enqueueIsIdempotent()
    {
        auto first = m_jobs->enqueue(orderJob(QStringLiteral("2311/1")));
        QVERIFY_OK(first);
        QVERIFY(first->created);
        QCOMPARE(first->job.state, JobState::Pending);

        NewJob again = orderJob(QStringLiteral("2311/1"));
        again.payload = { { QStringLiteral("number"), QStringLiteral("changed") } };
        auto second = m_jobs->enqueue(again);
        QVERIFY_OK(second);
        QVERIFY(!second->created);
        QCOMPARE(second->job.id, first->job.id);
        // The existing job is returned unchanged.
        QCOMPARE(second->job.payload.value(QStringLiteral("number")).toString(), QStringLiteral("2311/1"));
        QCOMPARE(m_jobs->countsByState()->value(JobState::Pending), 1);
    }

    void enqueueRejectsJobsWithoutKey()
    {
        NewJob job = orderJob(QStringLiteral("1"));
        job.idempotencyKey.clear();
        auto result = m_jobs->enqueue(job);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind, Common::ErrorKind::InvalidInput);
    }

    void leaseTakesDueJobsOldestFirst()
    {
        for (int i = 1; i <= 5; ++i)
            QVERIFY_OK(m_jobs->enqueue(orderJob(QString::number(i))));
        NewJob later = orderJob(QStringLiteral("later"));
        later.notBeforeMs = m_clock.nowMs() + 60'000;
        QVERIFY_OK(m_jobs->enqueue(later));

        auto leased = m_jobs->lease(QStringLiteral("engine-a"), 3, 600'000);
        QVERIFY_OK(leased);
        QCOMPARE(leased->size(), 3);
        QCOMPARE(leased->at(0).reference, QStringLiteral("1"));
        QCOMPARE(leased->at(0).state, JobState::Running);
        QCOMPARE(leased->at(0).attempts, 1);
        QCOMPARE(leased->at(0).leaseOwner, QStringLiteral("engine-a"));

        auto rest = m_jobs->lease(QStringLiteral("engine-b"), 10, 600'000);
        QCOMPARE(rest->size(), 2); // "later" is not due yet
        m_clock.advanceMs(61'000);
        auto due = m_jobs->lease(QStringLiteral("engine-b"), 10, 30'000);
        QCOMPARE(due->size(), 1);
        QCOMPARE(due->at(0).reference, QStringLiteral("later"));
    }

    void settleDoneRecordsAttempt()
    {
        QVERIFY_OK(m_jobs->enqueue(orderJob(QStringLiteral("7"))));
        const Job job = m_jobs->lease(QStringLiteral("a"), 1, 30'000)->first();
        QVERIFY_OK(m_jobs->settleDone(job.id, QStringLiteral("a")));
        QCOMPARE(m_jobs->get(job.id)->state, JobState::Done);
        auto attempts = m_jobs->attempts(job.id);
        QCOMPARE(attempts->size(), 1);
        QCOMPARE(attempts->first().outcome, QStringLiteral("done"));
        QCOMPARE(attempts->first().attempt, 1);
        QCOMPARE(m_jobs->countsByState()->value(JobState::Done), 1);
    }

    void settleRequiresTheLease()
    {
        QVERIFY_OK(m_jobs->enqueue(orderJob(QStringLiteral("8"))));
        const Job job = m_jobs->lease(QStringLiteral("a"), 1, 30'000)->first();
        auto stolen = m_jobs->settleDone(job.id, QStringLiteral("b"));
        QVERIFY(!stolen.ok());
        QCOMPARE(stolen.error().code, QStringLiteral("lease-lost"));
        QCOMPARE(m_jobs->get(job.id)->state, JobState::Running);
    }

    void retryWaitsAndKeepsTheError()
    {
        QVERIFY_OK(m_jobs->enqueue(orderJob(QStringLiteral("9"))));
        const Job job = m_jobs->lease(QStringLiteral("a"), 1, 30'000)->first();
        Error error = Error::transient(QStringLiteral("HTTP 503 from the CRM"));
        error.httpStatus = 503;
        QVERIFY_OK(m_jobs->settleRetry(job.id, QStringLiteral("a"), m_clock.nowMs() + 30'000, error));
        const Job after = m_jobs->get(job.id).value();
        QCOMPARE(after.state, JobState::Pending);
        QCOMPARE(after.lastError, QStringLiteral("HTTP 503 from the CRM"));
        QCOMPARE(after.errorKind, QStringLiteral("transient"));
        QVERIFY(m_jobs->lease(QStringLiteral("a"), 1, 30'000)->isEmpty());
        m_clock.advanceMs(30'001);
        auto again = m_jobs->lease(QStringLiteral("a"), 1, 30'000);
        QCOMPARE(again->size(), 1);
        QCOMPARE(again->first().attempts, 2);
    }

    void failedThenResendThenCancel()
    {
        QVERIFY_OK(m_jobs->enqueue(orderJob(QStringLiteral("10"))));
        QVERIFY_OK(m_jobs->enqueue(orderJob(QStringLiteral("11"))));
        auto leased = m_jobs->lease(QStringLiteral("a"), 2, 30'000).value();
        const Error invalid = Error::permanent(QStringLiteral("Field «Город» (id 123): NotSupportedChoice"),
                                               QStringLiteral("NotSupportedChoice"));
        QVERIFY_OK(m_jobs->settleFailed(leased[0].id, QStringLiteral("a"), invalid));
        QVERIFY_OK(m_jobs->settleFailed(leased[1].id, QStringLiteral("a"), invalid));
        QCOMPARE(m_jobs->countsByState()->value(JobState::Failed), 2);

        auto groups = m_jobs->failureGroups();
        QCOMPARE(groups->size(), 1);
        QCOMPARE(groups->first().count, 2);

        QCOMPARE(m_jobs->resend({ leased[0].id }).value(), 1);
        const Job resent = m_jobs->get(leased[0].id).value();
        QCOMPARE(resent.state, JobState::Pending);
        QCOMPARE(resent.attempts, 0);

        QCOMPARE(m_jobs->cancel({ leased[1].id }).value(), 1);
        QCOMPARE(m_jobs->get(leased[1].id)->state, JobState::Cancelled);
        // Done and cancelled jobs cannot be resent or cancelled again.
        QCOMPARE(m_jobs->resend({ leased[1].id }).value(), 0);
        QCOMPARE(m_jobs->cancel({ leased[1].id }).value(), 0);
    }

    void resendAGroup()
    {
        for (int i = 0; i < 4; ++i)
            QVERIFY_OK(m_jobs->enqueue(orderJob(QStringLiteral("g%1").arg(i))));
        auto leased = m_jobs->lease(QStringLiteral("a"), 4, 30'000).value();
        QVERIFY_OK(m_jobs->settleFailed(
            leased[0].id, QStringLiteral("a"),
            Error::permanent(QStringLiteral("Payment required"), QStringLiteral("402"))));
        QVERIFY_OK(m_jobs->settleFailed(
            leased[1].id, QStringLiteral("a"),
            Error::permanent(QStringLiteral("Payment required"), QStringLiteral("402"))));
        QVERIFY_OK(m_jobs->settleFailed(leased[2].id, QStringLiteral("a"),
                                        Error::permanent(QStringLiteral("Unknown field 55"))));
        QVERIFY_OK(m_jobs->settleDone(leased[3].id, QStringLiteral("a")));
        const QString fingerprint = m_jobs->get(leased[0].id)->errorFingerprint;
        QCOMPARE(m_jobs->resendFailed(fingerprint).value(), 2);
        QCOMPARE(m_jobs->countsByState()->value(JobState::Failed), 1);
        QCOMPARE(m_jobs->resendFailed().value(), 1);
        QCOMPARE(m_jobs->countsByState()->value(JobState::Pending), 3);
    }

    void expiredLeaseComesBack()
    {
        QVERIFY_OK(m_jobs->enqueue(orderJob(QStringLiteral("12"))));
        const Job job = m_jobs->lease(QStringLiteral("dead-engine"), 1, 10'000)->first();
        QVERIFY(m_jobs->lease(QStringLiteral("b"), 1, 10'000)->isEmpty());
        m_clock.advanceMs(10'001);
        auto back = m_jobs->lease(QStringLiteral("b"), 1, 10'000);
        QCOMPARE(back->size(), 1);
        QCOMPARE(back->first().id, job.id);
        QCOMPARE(back->first().leaseOwner, QStringLiteral("b"));
        // The dead engine can no longer settle it.
        QVERIFY(!m_jobs->settleDone(job.id, QStringLiteral("dead-engine")).ok());
    }

    void sendingJobStaysSendingAfterCrashAndRetry()
    {
        QVERIFY_OK(m_jobs->enqueue(orderJob(QStringLiteral("13"))));
        const Job job = m_jobs->lease(QStringLiteral("a"), 1, 10'000)->first();
        QVERIFY_OK(m_jobs->markSending(job.id, QStringLiteral("a")));
        // Crash: the lease runs out; the next engine gets it back still marked 'sending' to reconcile.
        m_clock.advanceMs(10'001);
        const Job back = m_jobs->lease(QStringLiteral("b"), 1, 10'000)->first();
        QCOMPARE(back.state, JobState::Sending);
        // A timeout after sending: unknown whether the deal exists, so it stays 'sending' and waits.
        QVERIFY_OK(m_jobs->settleRetry(back.id, QStringLiteral("b"), m_clock.nowMs() + 5'000,
                                       Error::transient(QStringLiteral("timeout"))));
        QCOMPARE(m_jobs->get(back.id)->state, JobState::Sending);
        QVERIFY(m_jobs->lease(QStringLiteral("b"), 1, 10'000)->isEmpty());
        m_clock.advanceMs(5'001);
        QCOMPARE(m_jobs->lease(QStringLiteral("b"), 1, 10'000)->first().state, JobState::Sending);
    }

    void aJobRemembersItsStepAcrossFailureAndResend()
    {
        QVERIFY_OK(m_jobs->enqueue(orderJob(QStringLiteral("15"))));
        const Job job = m_jobs->lease(QStringLiteral("a"), 1, 10'000)->first();
        QCOMPARE(job.step, JobStep::New);
        QVERIFY_OK(m_jobs->markSending(job.id, QStringLiteral("a"), 500));
        // No answer: it fails unconfirmed, and stays so through a resend (asked for before a create).
        QVERIFY_OK(
            m_jobs->settleFailed(job.id, QStringLiteral("a"), Error::transient(QStringLiteral("timeout"))));
        QCOMPARE(m_jobs->resend({ job.id }).value(), 1);
        Job again = m_jobs->lease(QStringLiteral("b"), 1, 10'000)->first();
        QCOMPARE(again.step, JobStep::Unconfirmed);
        QCOMPARE(again.crmFloor, 500);
        // A second send keeps the floor of the first (a deal that one made is above 500, not above 900).
        QVERIFY_OK(m_jobs->markSending(again.id, QStringLiteral("b"), 900));
        QCOMPARE(m_jobs->get(again.id)->crmFloor, 500);

        // The deal is made, the note fails: the job keeps the deal and the step left, not `sending`.
        QVERIFY_OK(m_jobs->recordCreated(again.id, QStringLiteral("b"), QStringLiteral("123"),
                                         { QStringLiteral("note") }));
        QVERIFY_OK(m_jobs->settleRetry(again.id, QStringLiteral("b"), m_clock.nowMs(),
                                       Error::transient(QStringLiteral("Deal 123 made, note pending"))));
        Job made = m_jobs->get(again.id).value();
        QCOMPARE(made.state, JobState::Pending);
        QCOMPARE(made.step, JobStep::FollowUps);
        QCOMPARE(made.crmId, QStringLiteral("123"));
        QCOMPARE(made.pendingFollowUps, QStringList { QStringLiteral("note") });
        int waiting = 0;
        QCOMPARE(m_jobs->awaitingFollowUps(10, &waiting)->size(), 1);
        QCOMPARE(waiting, 1);
        // Its deal exists: it is never marked for a create again.
        made = m_jobs->lease(QStringLiteral("b"), 1, 10'000)->first();
        QVERIFY(!m_jobs->markSending(made.id, QStringLiteral("b"), 900).ok());
        QVERIFY_OK(m_jobs->recordCreated(made.id, QStringLiteral("b"), QStringLiteral("123")));
        QVERIFY_OK(m_jobs->settleDone(made.id, QStringLiteral("b")));
        const Job done = m_jobs->get(made.id).value();
        QCOMPARE(done.step, JobStep::Complete);
        QVERIFY(done.lastError.isEmpty());
        QCOMPARE(m_jobs->awaitingFollowUps(10, &waiting)->size(), 0);
        // Delivered: no resend touches it.
        QCOMPARE(m_jobs->resend({ done.id }).value(), 0);
        QCOMPARE(m_jobs->resendFailed().value(), 0);
        QCOMPARE(m_jobs->get(done.id)->state, JobState::Done);
    }

    void releaseDoesNotUseAnAttempt()
    {
        QVERIFY_OK(m_jobs->enqueue(orderJob(QStringLiteral("14"))));
        const Job job = m_jobs->lease(QStringLiteral("a"), 1, 10'000)->first();
        QCOMPARE(job.attempts, 1);
        QVERIFY_OK(m_jobs->release(job.id, QStringLiteral("a")));
        const Job after = m_jobs->get(job.id).value();
        QCOMPARE(after.state, JobState::Pending);
        QCOMPARE(after.attempts, 0);
    }

    void searchByBusinessKeys_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("expected");
        QTest::newRow("order number") << QStringLiteral("2311/15") << 1;
        QTest::newRow("phone 8-form") << QStringLiteral("8 (912) 000-11-22") << 1;
        QTest::newRow("phone +7-form") << QStringLiteral("+7 912 000 11 22") << 1;
        QTest::newRow("email any case") << QStringLiteral("MARIA@example.ru") << 1;
        QTest::newRow("error text") << QStringLiteral("NotSupportedChoice") << 1;
        QTest::newRow("nothing") << QStringLiteral("no-such-thing") << 0;
    }
    void searchByBusinessKeys()
    {
        QFETCH(QString, text);
        QFETCH(int, expected);
        QVERIFY_OK(m_jobs->enqueue(orderJob(QStringLiteral("2311/14"))));
        NewJob maria = orderJob(QStringLiteral("2311/15"), QStringLiteral("+79120001122"));
        maria.email = QStringLiteral("maria@example.ru");
        QVERIFY_OK(m_jobs->enqueue(maria));
        NewJob broken = orderJob(QStringLiteral("2311/16"), QStringLiteral("+79995554433"));
        broken.email = QStringLiteral("other@example.ru");
        QVERIFY_OK(m_jobs->enqueue(broken));
        auto leased = m_jobs->lease(QStringLiteral("a"), 3, 10'000).value();
        QVERIFY(
            m_jobs
                ->settleFailed(leased[2].id, QStringLiteral("a"),
                               Error::permanent(QStringLiteral("custom_fields_values.0: NotSupportedChoice")))
                .ok());

        JobQuery query;
        query.text = text;
        auto found = m_jobs->search(query);
        QVERIFY_OK(found);
        QCOMPARE(found->size(), expected);
        QCOMPARE(m_jobs->count(query).value(), expected);
    }

    void searchPagesNewestFirst()
    {
        for (int i = 1; i <= 25; ++i)
            QVERIFY_OK(m_jobs->enqueue(orderJob(QString::number(i))));
        JobQuery query;
        query.limit = 10;
        QList<qint64> seen;
        for (;;) {
            auto page = m_jobs->search(query).value();
            if (page.isEmpty())
                break;
            for (const Job &job : page)
                seen << job.id;
            query.beforeId = page.last().id;
        }
        QCOMPARE(seen.size(), 25);
        QVERIFY(std::is_sorted(seen.rbegin(), seen.rend()));
    }

    /** Several engines (threads, each with its own connection) lease and settle from one queue. */
    void concurrentLeasingNeverDoublesUp()
    {
        constexpr int kJobs = 300;
        for (int i = 0; i < kJobs; ++i)
            QVERIFY_OK(m_jobs->enqueue(orderJob(QStringLiteral("c%1").arg(i))));

        auto db = m_test->db();
        // An engine that leases a few jobs and dies: its short leases run out and others take over.
        JobRepo dying(db);
        auto abandoned = dying.lease(QStringLiteral("dead-engine"), 5, 300);
        QCOMPARE(abandoned->size(), 5);

        QMutex mutex;
        QSet<qint64> inFlight;
        QSet<qint64> settled;
        std::atomic<int> doubleLeases { 0 };
        std::atomic<int> errors { 0 };
        QList<QThread *> threads;
        for (int t = 0; t < 6; ++t) {
            threads << QThread::create([&, t] {
                JobRepo jobs(db); // real clock: leases are long enough not to expire here
                const QString owner = QStringLiteral("engine-%1").arg(t);
                QDeadlineTimer deadline(90'000);
                while (!deadline.hasExpired()) {
                    {
                        QMutexLocker lock(&mutex);
                        if (settled.size() == kJobs)
                            break;
                    }
                    auto leased = jobs.lease(owner, 7, 60'000);
                    if (!leased) {
                        ++errors;
                        continue;
                    }
                    if (leased->isEmpty()) {
                        QThread::msleep(20); // the abandoned jobs come back when their lease ends
                        continue;
                    }
                    {
                        QMutexLocker lock(&mutex);
                        for (const Job &job : *leased) {
                            if (inFlight.contains(job.id) || settled.contains(job.id))
                                ++doubleLeases;
                            inFlight.insert(job.id);
                        }
                    }
                    for (const Job &job : *leased) {
                        {
                            QMutexLocker lock(&mutex);
                            inFlight.remove(job.id);
                            settled.insert(job.id);
                        }
                        if (!jobs.settleDone(job.id, owner))
                            ++errors;
                    }
                }
                db->releaseThreadConnection();
            });
        }
        for (QThread *thread : threads)
            thread->start();
        for (QThread *thread : threads) {
            QVERIFY(thread->wait(120'000));
            delete thread;
        }
        QCOMPARE(doubleLeases.load(), 0);
        QCOMPARE(errors.load(), 0);
        QCOMPARE(settled.size(), kJobs);
        QCOMPARE(m_jobs->countsByState()->value(JobState::Done), kJobs);
        // One attempt per job, two for the abandoned ones: nobody leased a job another engine held.
        QSet<qint64> abandonedIds;
        for (const Job &job : *abandoned)
            abandonedIds.insert(job.id);
        JobQuery all;
        all.limit = kJobs;
        for (const Job &job : m_jobs->search(all).value())
            QCOMPARE(job.attempts, abandonedIds.contains(job.id) ? 2 : 1);
    }
};

QTEST_GUILESS_MAIN(TestJobRepo)
#include "tst_JobRepo.moc"
