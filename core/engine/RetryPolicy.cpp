// SPDX-License-Identifier: GPL-3.0-or-later
#include "RetryPolicy.h"

#include <QRandomGenerator>
#include <algorithm>
#include <cmath>

namespace Engine {

using Common::ErrorKind;

qint64 RetryPolicy::delayFor(int attempts, const std::function<double()> &random01) const
{
    const int exponent = std::clamp(attempts - 1, 0, 30);
    const double base = std::min(double(maxDelayMs), double(firstDelayMs) * std::pow(2.0, exponent));
    const double r = random01 ? random01() : QRandomGenerator::global()->generateDouble();
    const double factor = 1.0 + jitter * (2.0 * r - 1.0);
    return qint64(std::min(double(maxDelayMs), base * factor));
}

RetryPolicy::Verdict RetryPolicy::decide(const Common::Error &error, int attempts, qint64 nowMs,
                                         const std::function<double()> &random01) const
{
    switch (error.kind) {
    case ErrorKind::Auth:
    case ErrorKind::Blocked:
        return { Decision::Pause,
                 nowMs + std::max<qint64>(firstDelayMs, error.retryAfterSeconds.value_or(0) * 1000) };
    case ErrorKind::Permanent:
    case ErrorKind::InvalidInput:
    case ErrorKind::NotFound:
        return { Decision::Fail, 0 };
    case ErrorKind::Transient:
    case ErrorKind::RateLimited:
    case ErrorKind::Unavailable:
        break;
    }
    if (attempts >= maxAttempts)
        return { Decision::Fail, 0 };
    qint64 delay = delayFor(attempts, random01);
    if (error.retryAfterSeconds)
        delay = std::max(delay, qint64(*error.retryAfterSeconds) * 1000);
    return { Decision::Retry, nowMs + delay };
}

} // namespace Engine
