// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QtGlobal>
#include <atomic>

namespace Common {

/**
 * The time source for everything that schedules or expires: job backoff, leases, token expiry.
 * Injected so tests can move time forward without sleeping. Thread-safe; shared by pointer, never owned
 * by its users.
 */
class Clock
{
public:
    virtual ~Clock() = default;
    /** Milliseconds since the Unix epoch, UTC. */
    virtual qint64 nowMs() const = 0;
    QDateTime now() const { return QDateTime::fromMSecsSinceEpoch(nowMs(), Qt::UTC); }

    /** The wall clock; moved by CRMBRIDGE_CLOCK_OFFSET_MS (milliseconds, may be negative) when that is
     *  set, so a test can run a whole engine process ahead of or behind the CRM (a skewed machine). */
    static const Clock *system();
};

/** Another clock moved by a fixed offset: an engine whose clock is ahead of (or behind) the CRM's. */
class OffsetClock final : public Clock
{
public:
    OffsetClock(const Clock *base, qint64 offsetMs)
        : m_base(base)
        , m_offsetMs(offsetMs)
    { }
    qint64 nowMs() const override { return m_base->nowMs() + m_offsetMs; }

private:
    const Clock *m_base;
    qint64 m_offsetMs;
};

/** A clock that stands still until a test moves it. */
class ManualClock final : public Clock
{
public:
    explicit ManualClock(qint64 startMs = 1'700'000'000'000)
        : m_nowMs(startMs)
    { }
    qint64 nowMs() const override { return m_nowMs.load(); }
    void advanceMs(qint64 ms) { m_nowMs.fetch_add(ms); }
    void setMs(qint64 ms) { m_nowMs.store(ms); }

private:
    std::atomic<qint64> m_nowMs;
};

} // namespace Common
