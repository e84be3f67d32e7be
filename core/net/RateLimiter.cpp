// SPDX-License-Identifier: GPL-3.0-or-later
#include "RateLimiter.h"

#include "NetLog.h"

#include <QHash>
#include <chrono>
#include <cmath>

namespace Net {

namespace {

struct Registry
{
    QMutex mutex;
    QHash<QString, std::shared_ptr<RateLimiter>> limiters;
};

Registry &registry()
{
    static Registry s_registry;
    return s_registry;
}

} // namespace

std::shared_ptr<RateLimiter> RateLimiter::forAccount(const QString &account, const RateLimit &limit)
{
    Registry &r = registry();
    QMutexLocker lock(&r.mutex);
    auto &slot = r.limiters[account];
    if (!slot)
        slot = std::make_shared<RateLimiter>(account, limit);
    return slot;
}

RateLimiter::RateLimiter(const QString &account, const RateLimit &limit)
    : m_account(account)
    , m_limit(limit)
{ }

qint64 RateLimiter::monotonicMs()
{
    using namespace std::chrono;
    return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
}

qint64 RateLimiter::monotonicUs()
{
    using namespace std::chrono;
    return duration_cast<microseconds>(steady_clock::now().time_since_epoch()).count();
}

RateLimit RateLimiter::limit() const
{
    QMutexLocker lock(&m_mutex);
    return m_limit;
}

void RateLimiter::setLimit(const RateLimit &limit)
{
    QMutexLocker lock(&m_mutex);
    m_limit = limit;
}

RateLimiter::Admission RateLimiter::tryAcquire()
{
    const qint64 nowUs = monotonicUs();
    const qint64 now = nowUs / 1000;
    QMutexLocker lock(&m_mutex);
    if (m_blockedUntil) {
        if (now < m_blockedUntil)
            return { Admission::Verdict::Blocked, 0,
                     tr("The CRM blocked this account until %1; requests are paused")
                         .arg(QDateTime::fromMSecsSinceEpoch(m_blockedUntilWallMs).toString(Qt::ISODate)) };
        m_blockedUntil = 0;
        m_blockedUntilWallMs = 0;
        lock.unlock();
        Q_EMIT accountUnblocked(m_account);
        lock.relock();
    }
    const double rps = m_limit.requestsPerSecond;
    if (rps <= 0)
        return {};
    const qint64 slotUs = qint64(std::ceil(1'000'000.0 / rps));
    // floor(rps) requests in any window of floor(rps)/rps s (one second for 7/s): a slot that catches
    // up after a late one never makes a window hold one more.
    const int perWindow = qMax(1, int(std::floor(rps)));
    const qint64 windowUs = qint64(std::ceil(1'000'000.0 * perWindow / rps));
    while (!m_sent.empty() && m_sent.front() <= nowUs - windowUs)
        m_sent.pop_front();
    qint64 earliestUs = qMax(m_nextSlotUs, m_holdUntil * 1000);
    if (int(m_sent.size()) >= perWindow)
        earliestUs = qMax(earliestUs, m_sent[m_sent.size() - size_t(perWindow)] + windowUs);
    if (nowUs < earliestUs)
        return { Admission::Verdict::Wait, (earliestUs - nowUs + 999) / 1000, {} };
    // The next slot follows this one's own slot, not the moment the caller came back: a timer that
    // fires a little late does not lower the rate. Later than a whole slot, the account was idle.
    const qint64 takenUs = nowUs - earliestUs < slotUs ? earliestUs : nowUs;
    m_nextSlotUs = takenUs + slotUs;
    m_sent.push_back(nowUs);
    return {};
}

void RateLimiter::holdFor(qint64 ms)
{
    QMutexLocker lock(&m_mutex);
    m_holdUntil = qMax(m_holdUntil, monotonicMs() + ms);
}

void RateLimiter::block(qint64 coolDownMs, const QString &reason)
{
    QMutexLocker lock(&m_mutex);
    const bool wasBlocked = m_blockedUntil != 0 && monotonicMs() < m_blockedUntil;
    m_blockedUntil = monotonicMs() + coolDownMs;
    m_blockedUntilWallMs = QDateTime::currentMSecsSinceEpoch() + coolDownMs;
    const QDateTime until = QDateTime::fromMSecsSinceEpoch(m_blockedUntilWallMs, Qt::UTC);
    lock.unlock();
    if (!wasBlocked) {
        qCWarning(lcNet) << "account" << m_account << "blocked until" << until << reason;
        Q_EMIT accountBlocked(m_account, until, reason);
    }
}

void RateLimiter::unblock()
{
    QMutexLocker lock(&m_mutex);
    const bool was = m_blockedUntil != 0;
    m_blockedUntil = 0;
    m_blockedUntilWallMs = 0;
    m_holdUntil = 0;
    lock.unlock();
    if (was)
        Q_EMIT accountUnblocked(m_account);
}

bool RateLimiter::isBlocked() const
{
    QMutexLocker lock(&m_mutex);
    return m_blockedUntil != 0 && monotonicMs() < m_blockedUntil;
}

QDateTime RateLimiter::blockedUntil() const
{
    QMutexLocker lock(&m_mutex);
    if (m_blockedUntil == 0 || monotonicMs() >= m_blockedUntil)
        return {};
    return QDateTime::fromMSecsSinceEpoch(m_blockedUntilWallMs, Qt::UTC);
}

int RateLimiter::sentInLastSecond() const
{
    const qint64 now = monotonicMs();
    QMutexLocker lock(&m_mutex);
    int n = 0;
    for (qint64 t : m_sent) {
        if (t > (now - 1000) * 1000)
            ++n;
    }
    return n;
}

} // namespace Net
