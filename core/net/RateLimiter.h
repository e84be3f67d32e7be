// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QMutex>
#include <QObject>
#include <QString>
#include <deque>
#include <memory>

namespace Net {

/** How fast one account may be called. */
struct RateLimit
{
    double requestsPerSecond = 7; ///< amoCRM's documented limit
    bool operator==(const RateLimit &) const = default;
};

/**
 * The request budget of one CRM account, shared by every thread and every HttpClient that talks to it
 * (process-wide registry keyed by account). Every request has its own slot 1/rps after the previous
 * one's slot (a virtual schedule in microseconds): with work waiting it spends exactly rps a second
 * (a timer that fires late does not push the schedule back), an idle account sends at once, and never
 * more than floor(rps) go in any window of floor(rps)/rps seconds (7 in any second). The sends never
 * outrun the schedule, so the CRM's bucket (amoCRM: 7 a second, 7 deep) takes arrival jitter of up
 * to six slots without a 429 — where a window of 1 s plus a margin and a spacing rounded up wasted a
 * tenth of the budget (7 per 1.1 s). Callers ask
 * tryAcquire(); when it says wait, they arm a timer and ask again — nobody sleeps or spins.
 * It also holds the account's pause (a 429's retry_after) and block (a 403 page: everything fails fast
 * until the cool-down ends or an operator unblocks). Thread-safe; signals may come from any thread.
 */
class RateLimiter : public QObject
{
    Q_OBJECT
public:
    struct Admission
    {
        enum class Verdict { Go, Wait, Blocked };
        Verdict verdict = Verdict::Go;
        qint64 waitMs = 0; ///< for Wait
        QString reason; ///< for Blocked
    };

    /** The limiter of @p account, created with @p limit on first use (later calls keep the existing one). */
    static std::shared_ptr<RateLimiter> forAccount(const QString &account, const RateLimit &limit = {});

    explicit RateLimiter(const QString &account, const RateLimit &limit = {});

    QString account() const { return m_account; }
    RateLimit limit() const;
    void setLimit(const RateLimit &limit);

    /** Go (the slot is taken now), Wait (ask again after waitMs), or Blocked. */
    Admission tryAcquire();
    /** Nobody may send before @p ms from now (a 429 answer's retry_after). */
    void holdFor(qint64 ms);
    /** Every request fails fast until @p coolDownMs have passed or unblock(); raises accountBlocked once. */
    void block(qint64 coolDownMs, const QString &reason);
    void unblock();
    bool isBlocked() const;
    QDateTime blockedUntil() const;
    int sentInLastSecond() const;

Q_SIGNALS:
    void accountBlocked(const QString &account, const QDateTime &until, const QString &reason);
    void accountUnblocked(const QString &account);

private:
    static qint64 monotonicMs();
    static qint64 monotonicUs();

    const QString m_account;
    mutable QMutex m_mutex;
    RateLimit m_limit;
    qint64 m_nextSlotUs = 0; ///< monotonic µs: the earliest moment the next request may go
    std::deque<qint64> m_sent; ///< monotonic send times (µs) inside the current window
    qint64 m_holdUntil = 0;
    qint64 m_blockedUntil = 0; ///< monotonic; 0 = not blocked
    qint64 m_blockedUntilWallMs = 0;
};

} // namespace Net
