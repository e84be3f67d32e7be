// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/RetryPolicy.h"

#include <QTest>

using Common::Error;
using Engine::RetryPolicy;

class TestRetryPolicy : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void backoffGrowsToTheCap_data()
    {
        QTest::addColumn<int>("attempts");
        QTest::addColumn<qint64>("delay");
        QTest::newRow("first retry after 30 s") << 1 << qint64(30'000);
        QTest::newRow("then 60 s") << 2 << qint64(60'000);
        QTest::newRow("then 2 min") << 3 << qint64(120'000);
        QTest::newRow("capped at 1 h") << 9 << qint64(3'600'000);
    }
    void backoffGrowsToTheCap()
    {
        QFETCH(int, attempts);
        QFETCH(qint64, delay);
        RetryPolicy policy;
        const auto verdict
            = policy.decide(Error::transient(QStringLiteral("503")), attempts, 1000, [] { return 0.5; });
        QCOMPARE(verdict.decision, RetryPolicy::Decision::Retry);
        QCOMPARE(verdict.retryAtMs, 1000 + delay);
    }

    void jitterStaysWithinBounds()
    {
        RetryPolicy policy;
        const qint64 low = policy.delayFor(1, [] { return 0.0; });
        const qint64 high = policy.delayFor(1, [] { return 1.0; });
        QCOMPARE(low, qint64(24'000));
        QCOMPARE(high, qint64(36'000));
        QVERIFY(policy.delayFor(20, [] { return 1.0; }) <= policy.maxDelayMs);
    }

    void givesUpAfterMaxAttempts()
    {
        RetryPolicy policy;
        QCOMPARE(policy.decide(Error::transient(QStringLiteral("timeout")), 9, 0).decision,
                 RetryPolicy::Decision::Retry);
        QCOMPARE(policy.decide(Error::transient(QStringLiteral("timeout")), 10, 0).decision,
                 RetryPolicy::Decision::Fail);
    }

    void permanentFailsAtOnce()
    {
        RetryPolicy policy;
        Error validation = Error::permanent(QStringLiteral("«Город»: NotSupportedChoice"),
                                            QStringLiteral("NotSupportedChoice"));
        validation.httpStatus = 400;
        QCOMPARE(policy.decide(validation, 1, 0).decision, RetryPolicy::Decision::Fail);
        Error unpaid = Error::permanent(QStringLiteral("Payment required"));
        unpaid.httpStatus = 402;
        QCOMPARE(policy.decide(unpaid, 1, 0).decision, RetryPolicy::Decision::Fail);
    }

    void lostSignInAndBlocksPause()
    {
        RetryPolicy policy;
        QCOMPARE(policy.decide(Error::auth(QStringLiteral("Token has been revoked")), 1, 0).decision,
                 RetryPolicy::Decision::Pause);
        Error blocked;
        blocked.kind = Common::ErrorKind::Blocked;
        blocked.message = QStringLiteral("403 Forbidden");
        QCOMPARE(policy.decide(blocked, 10, 0).decision, RetryPolicy::Decision::Pause); // uses no attempt
    }

    void honoursTheCrmsHint()
    {
        RetryPolicy policy;
        Error limited;
        limited.kind = Common::ErrorKind::RateLimited;
        limited.retryAfterSeconds = 300;
        const auto verdict = policy.decide(limited, 1, 0, [] { return 0.5; });
        QCOMPARE(verdict.decision, RetryPolicy::Decision::Retry);
        QCOMPARE(verdict.retryAtMs, qint64(300'000));
    }
};

QTEST_GUILESS_MAIN(TestRetryPolicy)
#include "tst_RetryPolicy.moc"
