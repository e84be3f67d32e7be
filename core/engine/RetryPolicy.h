// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Error.h"

#include <QtGlobal>
#include <functional>

namespace Engine {

/**
 * When a failed job is tried again, and when it stops being tried. Transient failures back off
 * exponentially from `firstDelay` to `maxDelay` with ±jitter, honouring the CRM's own retry hint;
 * after `maxAttempts` the job fails for the operator. Permanent failures fail at once. Lost sign-in,
 * a block and an unpaid account pause the lane instead (they are not the job's fault and use up no
 * attempt). Pure value type; thread-safe.
 */
struct RetryPolicy
{
    qint64 firstDelayMs = 30'000;
    qint64 maxDelayMs = 3'600'000;
    int maxAttempts = 10;
    double jitter = 0.2; ///< ±20 %

    enum class Decision { Retry, Fail, Pause };
    struct Verdict
    {
        Decision decision;
        qint64 retryAtMs = 0; ///< for Retry (and Pause: when to look again)
    };

    /** attempts = tries made so far, including the one that just failed. random01 is for tests. */
    Verdict decide(const Common::Error &error, int attempts, qint64 nowMs,
                   const std::function<double()> &random01 = {}) const;
    qint64 delayFor(int attempts, const std::function<double()> &random01 = {}) const;
};

} // namespace Engine
