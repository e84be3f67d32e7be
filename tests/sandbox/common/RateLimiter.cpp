// SPDX-License-Identifier: GPL-3.0-or-later
#include "RateLimiter.h"

namespace Sandbox {

QJsonObject RateLimitSettings::toJson() const
{
    return QJsonObject { { "rate", rate },
                         { "burst", burst },
                         { "retry_after", retryAfterSecs },
                         { "html_429_every", html429Every },
                         { "violation_threshold", violationThreshold },
                         { "violation_window", violationWindowSecs },
                         { "block_seconds", blockSecs } };
}

void RateLimitSettings::update(const QJsonObject &json)
{
    if (json.contains("rate")) {
        rate = json.value("rate").toDouble();
        if (!json.contains("burst"))
            burst = qMax(1.0, rate);
    }
    if (json.contains("burst"))
        burst = qMax(1.0, json.value("burst").toDouble());
    retryAfterSecs = json.value("retry_after").toInt(retryAfterSecs);
    html429Every = json.value("html_429_every").toInt(html429Every);
    violationThreshold = json.value("violation_threshold").toInt(violationThreshold);
    violationWindowSecs = json.value("violation_window").toInt(violationWindowSecs);
    blockSecs = json.value("block_seconds").toInt(blockSecs);
}

RateLimiter::Decision RateLimiter::admit(qint64 nowMs)
{
    if (nowMs < m_blockedUntilMs)
        return { Verdict::Blocked, true, 0 };
    if (m_settings.rate <= 0)
        return {};
    if (m_tokens < 0) {
        m_tokens = m_settings.burst;
        m_lastMs = nowMs;
    }
    if (nowMs > m_lastMs) {
        m_tokens = qMin(m_settings.burst, m_tokens + double(nowMs - m_lastMs) * m_settings.rate / 1000.0);
        m_lastMs = nowMs;
    }
    if (m_tokens >= 1.0) {
        m_tokens -= 1.0;
        return {};
    }
    const qint64 windowStart = nowMs - qint64(m_settings.violationWindowSecs) * 1000;
    while (!m_violations.isEmpty() && m_violations.first() <= windowStart)
        m_violations.removeFirst();
    m_violations.append(nowMs);
    if (m_settings.violationThreshold > 0 && m_violations.size() >= m_settings.violationThreshold) {
        m_violations.clear();
        block(nowMs, m_settings.blockSecs);
        return { Verdict::Blocked, true, 0 };
    }
    ++m_limitedCount;
    const bool html = m_settings.html429Every > 0 && m_limitedCount % m_settings.html429Every == 0;
    return { Verdict::Limited, html, m_settings.retryAfterSecs };
}

void RateLimiter::reset()
{
    m_tokens = -1;
    m_lastMs = 0;
    m_violations.clear();
    m_blockedUntilMs = 0;
    m_limitedCount = 0;
}

QJsonObject RateLimiter::toJson(qint64 nowMs) const
{
    QJsonObject json = m_settings.toJson();
    json.insert("blocked", isBlocked(nowMs));
    json.insert("blocked_until", m_blockedUntilMs > nowMs ? m_blockedUntilMs / 1000 : 0);
    json.insert("limited_total", m_limitedCount);
    return json;
}

} // namespace Sandbox
