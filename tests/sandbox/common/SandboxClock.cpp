// SPDX-License-Identifier: GPL-3.0-or-later
#include "SandboxClock.h"

#include <QDateTime>

namespace Sandbox {

SandboxClock::SandboxClock(QObject *parent)
    : QObject(parent)
    , m_timer(this)
{
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &SandboxClock::runDue);
}

qint64 SandboxClock::nowMs() const
{
    return QDateTime::currentMSecsSinceEpoch() + m_offsetMs;
}

void SandboxClock::setOffsetMs(qint64 offsetMs)
{
    m_offsetMs = offsetMs;
    runDue();
}

void SandboxClock::advance(qint64 ms)
{
    if (ms > 0)
        m_offsetMs += ms;
    runDue();
}

quint64 SandboxClock::callAt(qint64 dueMs, std::function<void()> task)
{
    const quint64 id = m_nextId++;
    m_tasks.emplace(dueMs, Task { id, std::move(task) });
    rearm();
    return id;
}

void SandboxClock::cancel(quint64 id)
{
    for (auto it = m_tasks.begin(); it != m_tasks.end(); ++it) {
        if (it->second.id == id) {
            m_tasks.erase(it);
            break;
        }
    }
    rearm();
}

void SandboxClock::runDue()
{
    // A task may schedule new tasks; take them one at a time so new due ones run in this pass too.
    while (!m_tasks.empty() && m_tasks.begin()->first <= nowMs()) {
        auto node = m_tasks.extract(m_tasks.begin());
        node.mapped().run();
    }
    rearm();
}

void SandboxClock::rearm()
{
    if (m_tasks.empty()) {
        m_timer.stop();
        return;
    }
    const qint64 wait = qMax<qint64>(0, m_tasks.begin()->first - nowMs());
    m_timer.start(int(qMin<qint64>(wait, 24 * 3600 * 1000)));
}

} // namespace Sandbox
