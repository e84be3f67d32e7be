// SPDX-License-Identifier: GPL-3.0-or-later
#include "ClientQuota.h"

namespace Source::Intake {

ClientQuota::ClientQuota(Limits limits)
    : m_limits(limits)
{ }

bool ClientQuota::admit(const QString &client)
{
    Usage &usage = m_clients[client];
    if (usage.connections >= m_limits.connectionsPerClient || m_connections >= m_limits.connections) {
        if (usage.connections == 0)
            m_clients.remove(client);
        return false;
    }
    ++usage.connections;
    ++m_connections;
    return true;
}

bool ClientQuota::hold(const QString &client, qsizetype before, qsizetype bytes)
{
    Usage &usage = m_clients[client];
    usage.bytes += bytes - before;
    m_bytes += bytes - before;
    return usage.bytes <= m_limits.bytesPerClient && m_bytes <= m_limits.bytes;
}

void ClientQuota::release(const QString &client, qsizetype bytes)
{
    auto it = m_clients.find(client);
    if (it == m_clients.end())
        return;
    it->bytes -= bytes;
    m_bytes -= bytes;
    --m_connections;
    if (--it->connections <= 0)
        m_clients.erase(it);
}

} // namespace Source::Intake
