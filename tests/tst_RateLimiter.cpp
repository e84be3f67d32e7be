// SPDX-License-Identifier: GPL-3.0-or-later
// Net::RateLimiter: strict per-second budget shared by threads, 429 holds, 403 blocks.

#include "net/RateLimiter.h"

#include <QMutex>
#include <QSignalSpy>
#include <QTest>
#include <QThread>
#include <algorithm>
#include <chrono>

using Net::RateLimiter;

class TestRateLimiter : public QObject
{
    Q_OBJECT

private slots:
    void sharedByAccount();
    void neverMoreThanTheLimitInAnySecond();
    void holdDelaysEveryone();
    void blockFailsFastAndAlerts();
};

void TestRateLimiter::sharedByAccount()
{
    auto a = RateLimiter::forAccount(QStringLiteral("acc-1"));
    auto b = RateLimiter::forAccount(QStringLiteral("acc-1"));
    auto c = RateLimiter::forAccount(QStringLiteral("acc-2"));
    QCOMPARE(a.get(), b.get());
    QVERIFY(a.get() != c.get());
    QCOMPARE(a->limit().requestsPerSecond, 7.0);
}

void TestRateLimiter::neverMoreThanTheLimitInAnySecond()
{
    auto limiter = RateLimiter::forAccount(QStringLiteral("strict"), { 7, 50 });
    QMutex mutex;
    QList<qint64> sent;
    auto now = [] {
        return std::chrono::duration_cast<std::chrono::milliseconds>(
                   std::chrono::steady_clock::now().time_since_epoch())
            .count();
    };
    const qint64 end = now() + 3000;
    QList<QThread *> threads;
    for (int i = 0; i < 4; ++i) {
        threads << QThread::create([&] {
            while (now() < end) {
                const auto admission = limiter->tryAcquire();
                if (admission.verdict == RateLimiter::Admission::Verdict::Go) {
                    QMutexLocker lock(&mutex);
                    sent << now();
                } else {
                    QThread::msleep(quint64(qMax<qint64>(1, admission.waitMs)));
                }
            }
        });
        threads.last()->start();
    }
    for (QThread *t : threads) {
        t->wait();
        delete t;
    }
    std::sort(sent.begin(), sent.end());
    int worst = 0;
    for (qsizetype i = 0; i < sent.size(); ++i) {
        int inWindow = 0;
        for (qsizetype j = i; j < sent.size() && sent[j] < sent[i] + 1000; ++j)
            ++inWindow;
        worst = qMax(worst, inWindow);
    }
    QVERIFY2(worst <= 7, qPrintable(QString::number(worst)));
    QVERIFY2(sent.size() >= 17, qPrintable(QString::number(sent.size()))); // close to 7/s over 3 s
}

void TestRateLimiter::holdDelaysEveryone()
{
    RateLimiter limiter(QStringLiteral("hold"), { 100, 0 });
    QCOMPARE(limiter.tryAcquire().verdict, RateLimiter::Admission::Verdict::Go);
    limiter.holdFor(500);
    const auto admission = limiter.tryAcquire();
    QCOMPARE(admission.verdict, RateLimiter::Admission::Verdict::Wait);
    QVERIFY(admission.waitMs > 400 && admission.waitMs <= 500);
}

void TestRateLimiter::blockFailsFastAndAlerts()
{
    RateLimiter limiter(QStringLiteral("block"), { 100, 0 });
    QSignalSpy blocked(&limiter, &RateLimiter::accountBlocked);
    QSignalSpy unblocked(&limiter, &RateLimiter::accountUnblocked);
    limiter.block(300, QStringLiteral("403 page"));
    limiter.block(300, QStringLiteral("403 page again"));
    QCOMPARE(blocked.size(), 1); // one alert, not one per request
    QVERIFY(limiter.isBlocked());
    QCOMPARE(limiter.tryAcquire().verdict, RateLimiter::Admission::Verdict::Blocked);
    QTRY_VERIFY(!limiter.isBlocked());
    QCOMPARE(limiter.tryAcquire().verdict, RateLimiter::Admission::Verdict::Go);
    QCOMPARE(unblocked.size(), 1);
    limiter.block(60000, QStringLiteral("again"));
    limiter.unblock();
    QTest::qWait(20);
    QCOMPARE(limiter.tryAcquire().verdict, RateLimiter::Admission::Verdict::Go);
}

QTEST_GUILESS_MAIN(TestRateLimiter)
#include "tst_RateLimiter.moc"
