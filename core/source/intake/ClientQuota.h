// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QString>

namespace Source::Intake {

/**
 * Caps what clients may hold of the intake at once, per client address and in all: connections not
 * answered yet and bytes buffered (request heads and bodies not answered yet). With the body cap this bounds
 * the intake's memory whatever clients do: slow posts, many connections, pipelined junk. Not thread-safe:
 * owned by the intake server's thread.
 */
class ClientQuota
{
public:
    struct Limits
    {
        int connectionsPerClient = 16;
        qsizetype bytesPerClient = 8 * 1024 * 1024;
        int connections = 512;
        qsizetype bytes = 32 * 1024 * 1024;
    };

    explicit ClientQuota(Limits limits);

    /** A new connection from client; false (and nothing counted) when one more would pass a cap. */
    bool admit(const QString &client);
    /** A connection now holds @p bytes (it held @p before); false when that passes a cap (still counted). */
    bool hold(const QString &client, qsizetype before, qsizetype bytes);
    /** A connection closed, holding @p bytes. */
    void release(const QString &client, qsizetype bytes);

    int connections() const { return m_connections; }
    qsizetype bytes() const { return m_bytes; }
    int clients() const { return int(m_clients.size()); }

private:
    struct Usage
    {
        int connections = 0;
        qsizetype bytes = 0;
    };

    Limits m_limits;
    QHash<QString, Usage> m_clients;
    int m_connections = 0;
    qsizetype m_bytes = 0;
};

} // namespace Source::Intake
