// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QJsonObject>
#include <QString>
#include <deque>

namespace Sandbox::MoySklad {

/**
 * The request budget of one MoySklad user: `budget` units in any `windowMs` window (45 per 3 s), each
 * request costing `weight` units, plus the automatic API switch-off (reference B.3, `_restrictions.md`):
 * more than 200 answers 429 in a minute, more than 200 identical failing requests in a minute, or more
 * than 100 PUTs to one entity in a minute switch the user's API access off until support (the control
 * API) turns it back on. Also keeps the figures a test reads: requests seen, 429s, and the most units
 * requested (admitted or not) in any one window. Driven by the sandbox clock; server thread only.
 */
class MoySkladBudget
{
public:
    struct Decision
    {
        bool allowed = true;
        int limitRequests = 0; ///< X-RateLimit-Limit
        int remainingRequests = 0; ///< X-RateLimit-Remaining
        qint64 resetMs = 0; ///< X-Lognex-Reset and, on a 429, X-Lognex-Retry-After
    };

    int budget = 45;
    int windowMs = 3000;
    int weight = 1;
    int banAfter429s = 200; ///< per minute
    int banAfterFailures = 200; ///< identical failing requests per minute
    int banAfterPuts = 100; ///< PUTs to one entity per minute

    Decision admit(qint64 nowMs);
    /** Tells the ban watch how a request ended (@p key = method + target). */
    void settled(qint64 nowMs, const QString &key, int status, bool isPut);
    bool banned() const { return m_banned; }
    void unban();
    void reset();

    QJsonObject settings() const;
    void updateSettings(const QJsonObject &json);
    QJsonObject toJson() const;

private:
    static void trim(std::deque<qint64> &times, qint64 since);

    std::deque<std::pair<qint64, int>> m_admitted; ///< (time, units) inside the window
    std::deque<std::pair<qint64, int>> m_attempted; ///< every request, for the peak figure
    std::deque<qint64> m_recent429;
    QHash<QString, std::deque<qint64>> m_failures;
    QHash<QString, std::deque<qint64>> m_puts;
    qint64 m_requests = 0;
    qint64 m_rejected = 0;
    int m_peakUnits = 0;
    bool m_banned = false;
    QString m_banReason;
};

} // namespace Sandbox::MoySklad
