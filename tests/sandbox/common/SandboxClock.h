// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QTimer>
#include <functional>
#include <map>

namespace Sandbox {

/**
 * The sandbox's notion of "now": the wall clock plus an offset that the control API can push forward.
 * Everything that expires or waits (codes, tokens, rate-limit blocks, webhook retries) reads this clock,
 * so a test can jump over a 20-minute code lifetime or a 1-hour retry without sleeping.
 * Lives on the server thread; not thread-safe.
 */
class SandboxClock : public QObject
{
    Q_OBJECT
public:
    explicit SandboxClock(QObject *parent = nullptr);

    qint64 nowMs() const;
    qint64 nowSecs() const { return nowMs() / 1000; }
    qint64 offsetMs() const { return m_offsetMs; }
    void setOffsetMs(qint64 offsetMs);

    /** Moves time forward and runs every task that became due, in due order. */
    void advance(qint64 ms);

    /** Runs @p task once the sandbox time reaches @p dueMs. Returns an id for cancel(). */
    quint64 callAt(qint64 dueMs, std::function<void()> task);
    void cancel(quint64 id);
    int pendingTasks() const { return int(m_tasks.size()); }

private:
    void runDue();
    void rearm();

    struct Task
    {
        quint64 id;
        std::function<void()> run;
    };
    qint64 m_offsetMs = 0;
    quint64 m_nextId = 1;
    std::multimap<qint64, Task> m_tasks;
    QTimer m_timer;
};

} // namespace Sandbox
