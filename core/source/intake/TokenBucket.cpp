// SPDX-License-Identifier: GPL-3.0-or-later
#include "TokenBucket.h"

#include <algorithm>
#include <cmath>

namespace Source::Intake {

TokenBucket::TokenBucket(int burst, double perMinute, const Common::Clock *clock)
    : m_burst(std::max(1, burst))
    , m_perMs(std::max(perMinute, 0.001) / 60000.0)
    , m_clock(clock)
{ }

bool TokenBucket::take(const QString &key, int *retryAfterSeconds)
{
    const qint64 now = m_clock->nowMs();
    prune(now);
    auto it = m_buckets.find(key);
    if (it == m_buckets.end())
        it = m_buckets.insert(key, { double(m_burst), now });
    Bucket &bucket = it.value();
    bucket.tokens = std::min(double(m_burst), bucket.tokens + double(now - bucket.updatedMs) * m_perMs);
    bucket.updatedMs = now;
    if (bucket.tokens >= 1.0) {
        bucket.tokens -= 1.0;
        return true;
    }
    if (retryAfterSeconds)
        *retryAfterSeconds = std::max(1, int(std::ceil((1.0 - bucket.tokens) / m_perMs / 1000.0)));
    return false;
}

void TokenBucket::prune(qint64 nowMs)
{
    // A bucket that has refilled completely is the same as no bucket: drop it so the table stays small.
    if (nowMs - m_lastPruneMs < 60000)
        return;
    m_lastPruneMs = nowMs;
    const qint64 fullAfterMs = qint64(double(m_burst) / m_perMs);
    for (auto it = m_buckets.begin(); it != m_buckets.end();) {
        if (nowMs - it->updatedMs > fullAfterMs)
            it = m_buckets.erase(it);
        else
            ++it;
    }
}

} // namespace Source::Intake
