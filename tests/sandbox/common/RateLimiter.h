// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QList>

namespace Sandbox {

/** How an account's request budget behaves; all of it can be changed through the control API. */
struct RateLimitSettings
{
    double rate = 7; ///< tokens per second; 0 switches the limiter off
    double burst = 7; ///< bucket size
    int retryAfterSecs = 1; ///< the `retry_after` value put in 429 bodies
    int html429Every = 5; ///< every Nth 429 has an HTML body instead of JSON; 0 = never
    int violationThreshold = 20; ///< this many 429s inside the window start a block
    int violationWindowSecs = 10;
    int blockSecs = 60; ///< how long the 403 block lasts (sandbox clock)

    QJsonObject toJson() const;
    void update(const QJsonObject &json);
};

/**
 * A token bucket per account with an escalation to a temporary block, as amoCRM does it: over the rate
 * a request gets 429, and repeated 429s inside a window turn into a block where everything gets 403.
 * Driven by the sandbox clock. Not thread-safe; used on the server thread.
 */
class RateLimiter
{
public:
    enum class Verdict { Allowed, Limited, Blocked };
    struct Decision
    {
        Verdict verdict = Verdict::Allowed;
        bool html = false;
        int retryAfterSecs = 0;
    };

    Decision admit(qint64 nowMs);
    void reset();
    bool isBlocked(qint64 nowMs) const { return nowMs < m_blockedUntilMs; }
    void block(qint64 nowMs, int secs) { m_blockedUntilMs = nowMs + qint64(secs) * 1000; }
    void unblock() { m_blockedUntilMs = 0; }

    RateLimitSettings &settings() { return m_settings; }
    const RateLimitSettings &settings() const { return m_settings; }
    QJsonObject toJson(qint64 nowMs) const;

private:
    RateLimitSettings m_settings;
    double m_tokens = -1;
    qint64 m_lastMs = 0;
    QList<qint64> m_violations;
    qint64 m_blockedUntilMs = 0;
    qint64 m_limitedCount = 0;
};

} // namespace Sandbox
