// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Result.h"

#include <QString>
#include <QTemporaryDir>
#include <memory>

namespace TestSupport {

/**
 * A throwaway MariaDB server for one test process: mariadb-install-db into a temporary folder,
 * mariadbd on a free loopback port with a password-protected test account, stopped (and the folder
 * removed) when the process ends. When the tests run as root the server runs as the `mysql` user.
 * Lives on the main thread; databases are created through it and used from any thread.
 */
class MariaDbServer
{
public:
    /** The process-wide server, started on first call. Check ok() before use. */
    static MariaDbServer &instance();
    ~MariaDbServer();

    bool ok() const { return m_ok; }
    QString error() const { return m_error; }
    int port() const { return m_port; }
    QString user() const { return QStringLiteral("crmbridge"); }
    /** The test account's password (the sources must get it from the SecretStore, not the URL). */
    QString password() const { return QStringLiteral("s3cret:shop@pw"); }

    /** Creates a fresh empty database; returns mysql://crmbridge@127.0.0.1:port/name (no password). */
    Common::Result<QString> createDatabase(const QString &prefix = QStringLiteral("shop"));
    /** The same URL with the password in it (for the demo generator, which accepts one). */
    QString withPassword(const QString &url) const;
    /** Runs SQL as root through the mariadb client (for setup that the tests do not exercise). */
    bool rootSql(const QString &sql, QString *output = nullptr);

private:
    MariaDbServer();
    bool initialise();
    bool stop();

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_socket;
    QString m_runUser;
    qint64 m_pid = 0;
    int m_port = 0;
    int m_nextDb = 0;
    bool m_ok = false;
    QString m_error;
};

} // namespace TestSupport
