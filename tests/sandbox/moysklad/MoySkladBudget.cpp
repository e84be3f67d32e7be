// SPDX-License-Identifier: GPL-3.0-or-later
#include "MoySkladBudget.h"

namespace Sandbox::MoySklad {

namespace {
constexpr qint64 kMinuteMs = 60 * 1000;
}

MoySkladBudget::Decision MoySkladBudget::admit(qint64 nowMs)
{
    ++m_requests;
    const int units = qMax(1, weight);
    while (!m_attempted.empty() && m_attempted.front().first <= nowMs - windowMs)
        m_attempted.pop_front();
    m_attempted.emplace_back(nowMs, units);
    int attemptedUnits = 0;
    for (const auto &[at, u] : m_attempted)
        attemptedUnits += u;
    m_peakUnits = qMax(m_peakUnits, attemptedUnits);

    Decision d;
    if (budget <= 0)
        return d;
    while (!m_admitted.empty() && m_admitted.front().first <= nowMs - windowMs)
        m_admitted.pop_front();
    int used = 0;
    for (const auto &[at, u] : m_admitted)
        used += u;
    d.limitRequests = budget / units;
    if (used + units > budget) {
        // Units free up as the oldest admitted requests leave the window.
        int freed = 0;
        for (const auto &[at, u] : m_admitted) {
            freed += u;
            if (used - freed + units <= budget) {
                d.resetMs = at + windowMs - nowMs;
                break;
            }
        }
        d.allowed = false;
        ++m_rejected;
        return d;
    }
    m_admitted.emplace_back(nowMs, units);
    used += units;
    d.remainingRequests = (budget - used) / units;
    d.resetMs = m_admitted.front().first + windowMs - nowMs;
    return d;
}

void MoySkladBudget::trim(std::deque<qint64> &times, qint64 since)
{
    while (!times.empty() && times.front() <= since)
        times.pop_front();
}

void MoySkladBudget::settled(qint64 nowMs, const QString &key, int status, bool isPut)
{
    const qint64 since = nowMs - kMinuteMs;
    if (status == 429) {
        m_recent429.push_back(nowMs);
        trim(m_recent429, since);
        if (int(m_recent429.size()) > banAfter429s && !m_banned) {
            m_banned = true;
            m_banReason = QStringLiteral("more than %1 answers 429 in a minute").arg(banAfter429s);
        }
    } else if (status >= 400) {
        auto &times = m_failures[key];
        times.push_back(nowMs);
        trim(times, since);
        if (int(times.size()) > banAfterFailures && !m_banned) {
            m_banned = true;
            m_banReason
                = QStringLiteral("more than %1 identical failing requests in a minute").arg(banAfterFailures);
        }
    }
    if (isPut && status < 400) {
        auto &times = m_puts[key];
        times.push_back(nowMs);
        trim(times, since);
        if (int(times.size()) > banAfterPuts && !m_banned) {
            m_banned = true;
            m_banReason = QStringLiteral("more than %1 PUTs to one entity in a minute").arg(banAfterPuts);
        }
    }
}

void MoySkladBudget::unban()
{
    m_banned = false;
    m_banReason.clear();
    m_recent429.clear();
    m_failures.clear();
    m_puts.clear();
}

void MoySkladBudget::reset()
{
    unban();
    m_admitted.clear();
    m_attempted.clear();
    m_requests = 0;
    m_rejected = 0;
    m_peakUnits = 0;
}

QJsonObject MoySkladBudget::settings() const
{
    return QJsonObject { { "budget", budget },
                         { "window_ms", windowMs },
                         { "weight", weight },
                         { "ban_after_429s", banAfter429s },
                         { "ban_after_failures", banAfterFailures },
                         { "ban_after_puts", banAfterPuts } };
}

void MoySkladBudget::updateSettings(const QJsonObject &json)
{
    budget = json.value("budget").toInt(budget);
    windowMs = qMax(1, json.value("window_ms").toInt(windowMs));
    weight = qMax(1, json.value("weight").toInt(weight));
    banAfter429s = json.value("ban_after_429s").toInt(banAfter429s);
    banAfterFailures = json.value("ban_after_failures").toInt(banAfterFailures);
    banAfterPuts = json.value("ban_after_puts").toInt(banAfterPuts);
}

QJsonObject MoySkladBudget::toJson() const
{
    QJsonObject json = settings();
    json.insert("requests", m_requests);
    json.insert("rejected_429", m_rejected);
    json.insert("peak_units_per_window", m_peakUnits);
    json.insert("banned", m_banned);
    json.insert("ban_reason", m_banReason);
    return json;
}

} // namespace Sandbox::MoySklad
