// SPDX-License-Identifier: GPL-3.0-or-later
#include "RequestCounters.h"

namespace Sandbox {

void RequestCounters::record(const QString &endpoint, int status, qint64 nowMs)
{
    ++m_total;
    ++m_byEndpoint[endpoint];
    ++m_byStatus[status];
    m_window.push_back(nowMs);
    while (!m_window.empty() && m_window.front() <= nowMs - 1000)
        m_window.pop_front();
    m_maxRps = qMax(m_maxRps, int(m_window.size()));
}

void RequestCounters::reset()
{
    *this = RequestCounters();
}

QJsonObject RequestCounters::toJson() const
{
    QJsonObject endpoints;
    for (auto it = m_byEndpoint.cbegin(); it != m_byEndpoint.cend(); ++it)
        endpoints.insert(it.key(), it.value());
    QJsonObject statuses;
    for (auto it = m_byStatus.cbegin(); it != m_byStatus.cend(); ++it)
        statuses.insert(QString::number(it.key()), it.value());
    return QJsonObject {
        { "total", m_total }, { "by_endpoint", endpoints }, { "by_status", statuses }, { "max_rps", m_maxRps }
    };
}

} // namespace Sandbox
