// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QMap>
#include <deque>

namespace Sandbox {

/**
 * What the clients did to the emulated service: totals by endpoint and status and the highest number
 * of requests seen in any one-second window (`max_rps`). Control API calls are not counted.
 * Not thread-safe; used on the server thread.
 */
class RequestCounters
{
public:
    void record(const QString &endpoint, int status, qint64 nowMs);
    void reset();
    QJsonObject toJson() const;

private:
    qint64 m_total = 0;
    QMap<QString, qint64> m_byEndpoint;
    QMap<int, qint64> m_byStatus;
    std::deque<qint64> m_window;
    int m_maxRps = 0;
};

} // namespace Sandbox
