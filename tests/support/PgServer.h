// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Result.h"

#include <QString>
#include <QTemporaryDir>
#include <memory>

namespace TestSupport {

/**
 * A throwaway PostgreSQL server for one test process: initdb into a temporary folder, pg_ctl on a
 * free loopback port, stopped (and the folder removed) when the process ends. When the tests run as
 * root the server runs as the `postgres` user (or `nobody`), because initdb refuses root.
 * Lives on the main thread; databases are created through it and used from any thread.
 */
class PgServer
{
public:
    /** The process-wide server, started on first call. Check ok() before use. */
    static PgServer &instance();
    ~PgServer();

    bool ok() const { return m_ok; }
    QString error() const { return m_error; }
    int port() const { return m_port; }

    /** Creates a fresh empty database and returns its URL (postgresql://user@127.0.0.1:port/name). */
    Common::Result<QString> createDatabase(const QString &prefix = QStringLiteral("t"));
    /** Stops the server (to test a dead database); start() brings it back on the same port and data. */
    bool stop();
    bool start();

private:
    PgServer();
    bool initialise();
    bool runAsServerUser(const QString &program, const QStringList &args, QString *output,
                         int timeoutMs = 60000);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_binDir;
    QString m_dataDir;
    QString m_runUser; ///< empty when we are not root
    QString m_superUser;
    int m_port = 0;
    int m_nextDb = 0;
    bool m_ok = false;
    bool m_running = false;
    QString m_error;
};

} // namespace TestSupport
