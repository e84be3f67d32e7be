// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Result.h"

#include <QSqlDatabase>
#include <QString>
#include <functional>

namespace Storage {

/**
 * One database, one QSqlDatabase connection per thread: made on the thread's first use, reused while
 * it stays open, and closed and removed on that thread when it ends (Qt Sql requires both). Shared by
 * the store (Database) and the shops' databases, so the rule lives in one place. Connections never
 * cross threads.
 */
class ThreadConnections
{
public:
    /** Sets the new connection's parameters and opens it; an error leaves nothing behind. */
    using Opener = std::function<Common::Status(QSqlDatabase &db)>;

    /** prefix names the connections ("crmbridge", "crmbridge-shop"), for logs and debugging. */
    explicit ThreadConnections(QString prefix);
    ~ThreadConnections();
    ThreadConnections(const ThreadConnections &) = delete;
    ThreadConnections &operator=(const ThreadConnections &) = delete;

    /** This thread's open connection, or a new one of driver set up by open. */
    Common::Result<QSqlDatabase> connection(const QString &driver, const QString &missingDriverMessage,
                                            const Opener &open);
    /** Closes and removes this thread's connection (the next call opens a new one). */
    void releaseThreadConnection();

private:
    QString m_prefix;
    quint64 m_id;
};

} // namespace Storage
