// SPDX-License-Identifier: GPL-3.0-or-later
// Net::RateLimiter: the whole per-second budget and never more, shared by threads, 429 holds, 403 blocks.

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
    void spendsTheWholeBudgetAndNeverMore();
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

void TestRateLimiter::spendsTheWholeBudgetAndNeverMore()
{
    auto limiter = RateLimiter::forAccount(QStringLiteral("strict"), { 7 });
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
    // The CRM's side: a bucket of 7 a second, 7 deep (amoCRM, the sandbox). Not one request over it,
    // even with the arrivals up to 300 ms late or early against each other.
    for (const qint64 jitter : { 0, 300 }) {
        QList<qint64> arrivals;
        for (qsizetype i = 0; i < sent.size(); ++i)
            arrivals << sent[i] + (i % 2 ? 0 : jitter);
        std::sort(arrivals.begin(), arrivals.end());
        double tokens = 7;
        qint64 last = arrivals.isEmpty() ? 0 : arrivals.first();
        for (qsizetype i = 0; i < arrivals.size(); ++i) {
            tokens = std::min(7.0, tokens + double(arrivals[i] - last) * 7 / 1000.0);
            last = arrivals[i];
            QVERIFY2(tokens >= 1 - 1e-9, qPrintable(QStringLiteral("request %1 over the bucket").arg(i)));
            tokens -= 1;
        }
    }
    // And the whole budget: 7 a second, the first at once — 22 in 3 s (not 6.4 a second).
    QVERIFY2(sent.size() >= 21, qPrintable(QString::number(sent.size())));
    QVERIFY2(sent.size() <= 22, qPrintable(QString::number(sent.size())));
}

void TestRateLimiter::holdDelaysEveryone()
{
    RateLimiter limiter(QStringLiteral("hold"), { 100 });
    QCOMPARE(limiter.tryAcquire().verdict, RateLimiter::Admission::Verdict::Go);
    limiter.holdFor(500);
    const auto admission = limiter.tryAcquire();
    QCOMPARE(admission.verdict, RateLimiter::Admission::Verdict::Wait);
    QVERIFY(admission.waitMs > 400 && admission.waitMs <= 500);
}

void TestRateLimiter::blockFailsFastAndAlerts()
{
    RateLimiter limiter(QStringLiteral("block"), { 100 });
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
