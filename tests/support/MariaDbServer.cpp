// SPDX-License-Identifier: GPL-3.0-or-later
#include "MariaDbServer.h"

#include "TestEnv.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QThread>
#include <QUrl>
#include <csignal>
#include <sys/wait.h>
#include <unistd.h>

namespace TestSupport {

using Common::Error;
using Common::Result;

MariaDbServer &MariaDbServer::instance()
{
    static MariaDbServer s_server;
    return s_server;
}

MariaDbServer::MariaDbServer()
{
    m_ok = initialise();
}

MariaDbServer::~MariaDbServer()
{
    stop();
}

bool MariaDbServer::initialise()
{
    const QString installDb = QStandardPaths::findExecutable(QStringLiteral("mariadb-install-db"));
    QString daemon
        = QStandardPaths::findExecutable(QStringLiteral("mariadbd"), { QStringLiteral("/usr/sbin") });
    if (daemon.isEmpty())
        daemon = QStandardPaths::findExecutable(QStringLiteral("mariadbd"));
    if (installDb.isEmpty() || daemon.isEmpty()) {
        m_error = QStringLiteral(
            "MariaDB server binaries (mariadb-install-db, mariadbd) not found; install mariadb-server");
        return false;
    }
    m_dir = std::make_unique<QTemporaryDir>(QDir::tempPath() + QStringLiteral("/crmbridge-maria-XXXXXX"));
    if (!m_dir->isValid()) {
        m_error = QStringLiteral("Cannot create a temporary folder for MariaDB");
        return false;
    }
    const QString dataDir = m_dir->filePath(QStringLiteral("data"));
    m_socket = m_dir->filePath(QStringLiteral("mysqld.sock"));
    QStringList prefix;
    if (::geteuid() == 0) {
        // mariadbd refuses to run as root without --user; run it (and install-db) as `mysql`.
        m_runUser = runProgram(QStringLiteral("id"), { QStringLiteral("mysql") }) == 0
            ? QStringLiteral("mysql")
            : QStringLiteral("nobody");
        if (runProgram(QStringLiteral("chown"), { QStringLiteral("-R"), m_runUser, m_dir->path() }) != 0) {
            m_error = QStringLiteral("Cannot hand %1 to the %2 user").arg(m_dir->path(), m_runUser);
            return false;
        }
        prefix = { QStringLiteral("runuser"), QStringLiteral("-u"), m_runUser, QStringLiteral("--") };
    }
    QString output;
    QStringList install = prefix;
    install << installDb << QStringLiteral("--no-defaults")
            << QStringLiteral("--auth-root-authentication-method=normal")
            << QStringLiteral("--datadir=") + dataDir << QStringLiteral("--skip-test-db");
    if (runProgram(install.takeFirst(), install, &output, 120000) != 0) {
        m_error = QStringLiteral("mariadb-install-db failed: ") + output;
        return false;
    }
    m_port = freeLoopbackPort();
    QStringList serve = prefix;
    serve << daemon << QStringLiteral("--no-defaults") << QStringLiteral("--datadir=") + dataDir
          << QStringLiteral("--socket=") + m_socket << QStringLiteral("--port=%1").arg(m_port)
          << QStringLiteral("--bind-address=127.0.0.1")
          << QStringLiteral("--pid-file=") + m_dir->filePath(QStringLiteral("mysqld.pid"))
          << QStringLiteral("--log-error=") + m_dir->filePath(QStringLiteral("server.log"))
          << QStringLiteral("--innodb-buffer-pool-size=32M")
          << QStringLiteral("--innodb-flush-log-at-trx-commit=0") << QStringLiteral("--skip-log-bin")
          << QStringLiteral("--innodb-doublewrite=0") << QStringLiteral("--innodb-file-per-table=0")
          << QStringLiteral("--skip-name-resolve") << QStringLiteral("--character-set-server=utf8mb4");
    QProcess process;
    process.setProgram(serve.takeFirst());
    process.setArguments(serve);
    process.setStandardOutputFile(QProcess::nullDevice());
    process.setStandardErrorFile(QProcess::nullDevice());
    if (!process.startDetached(&m_pid)) {
        m_error = QStringLiteral("Cannot start mariadbd");
        return false;
    }
    for (int i = 0; i < 300; ++i) {
        if (QFile::exists(m_socket) && rootSql(QStringLiteral("SELECT 1")))
            break;
        QThread::msleep(100);
    }
    const QString createUser
        = QStringLiteral("CREATE USER '%1'@'%' IDENTIFIED BY '%2'; GRANT ALL ON *.* TO '%1'@'%';")
              .arg(user(), password());
    if (!rootSql(createUser, &output)) {
        QFile log(m_dir->filePath(QStringLiteral("server.log")));
        log.open(QIODevice::ReadOnly);
        m_error = QStringLiteral("mariadbd did not come up: %1\n%2")
                      .arg(output, QString::fromLocal8Bit(log.readAll()));
        stop();
        return false;
    }
    return true;
}

bool MariaDbServer::rootSql(const QString &sql, QString *output)
{
    return runProgram(QStringLiteral("mariadb"),
                      { QStringLiteral("--no-defaults"), QStringLiteral("--socket=") + m_socket,
                        QStringLiteral("-uroot"), QStringLiteral("--default-character-set=utf8mb4"),
                        QStringLiteral("-e"), sql },
                      output, 30000)
        == 0;
}

bool MariaDbServer::stop()
{
    if (m_pid <= 0)
        return true;
    // startDetached: the server is not our child once runuser exits; signal the daemon by its pid file.
    QFile pidFile(m_dir->filePath(QStringLiteral("mysqld.pid")));
    qint64 daemonPid = 0;
    if (pidFile.open(QIODevice::ReadOnly))
        daemonPid = pidFile.readAll().trimmed().toLongLong();
    const qint64 target = daemonPid > 0 ? daemonPid : m_pid;
    ::kill(pid_t(target), SIGTERM);
    for (int i = 0; i < 100 && ::kill(pid_t(target), 0) == 0; ++i)
        QThread::msleep(50);
    if (::kill(pid_t(target), 0) == 0)
        ::kill(pid_t(target), SIGKILL);
    m_pid = 0;
    return true;
}

Result<QString> MariaDbServer::createDatabase(const QString &prefix)
{
    if (!m_ok)
        return Error::unavailable(m_error);
    const QString name = QStringLiteral("%1_%2_%3").arg(prefix).arg(::getpid()).arg(++m_nextDb);
    QString output;
    if (!rootSql(
            QStringLiteral("CREATE DATABASE `%1` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci").arg(name),
            &output))
        return Error::unavailable(QStringLiteral("CREATE DATABASE failed: ") + output);
    return QStringLiteral("mysql://%1@127.0.0.1:%2/%3").arg(user()).arg(m_port).arg(name);
}

QString MariaDbServer::withPassword(const QString &url) const
{
    QString copy = url;
    return copy.replace(QStringLiteral("mysql://%1@").arg(user()),
                        QStringLiteral("mysql://%1:%2@")
                            .arg(user(), QString::fromLatin1(QUrl::toPercentEncoding(password()))));
}

} // namespace TestSupport
