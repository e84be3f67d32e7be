// SPDX-License-Identifier: GPL-3.0-or-later
#include "PgServer.h"

#include "TestEnv.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QThread>
#include <unistd.h>

namespace TestSupport {

using Common::Error;
using Common::Result;

static QString findBinDir()
{
    const QString fromEnv = qEnvironmentVariable("CRMBRIDGE_PG_BINDIR");
    if (!fromEnv.isEmpty())
        return fromEnv;
    QDir root(QStringLiteral("/usr/lib/postgresql"));
    QStringList versions = root.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    std::sort(versions.begin(), versions.end(),
              [](const QString &a, const QString &b) { return a.toInt() > b.toInt(); });
    for (const QString &version : versions) {
        const QString bin = root.filePath(version + QStringLiteral("/bin"));
        if (QFile::exists(bin + QStringLiteral("/initdb")))
            return bin;
    }
    const QString initdb = QStandardPaths::findExecutable(QStringLiteral("initdb"));
    return initdb.isEmpty() ? QString() : QFileInfo(initdb).absolutePath();
}

PgServer &PgServer::instance()
{
    static PgServer s_server;
    return s_server;
}

PgServer::PgServer()
{
    m_ok = initialise();
}

PgServer::~PgServer()
{
    stop();
}

bool PgServer::runAsServerUser(const QString &program, const QStringList &args, QString *output,
                               int timeoutMs)
{
    QString out;
    int code = 0;
    if (m_runUser.isEmpty()) {
        code = runProgram(program, args, &out, timeoutMs);
    } else {
        code = runProgram(QStringLiteral("runuser"),
                          QStringList { QStringLiteral("-u"), m_runUser, QStringLiteral("--"), program }
                              + args,
                          &out, timeoutMs);
    }
    if (output)
        *output = out;
    return code == 0;
}

bool PgServer::initialise()
{
    m_binDir = findBinDir();
    if (m_binDir.isEmpty()) {
        m_error = QStringLiteral("PostgreSQL server binaries (initdb, pg_ctl) not found; install postgresql");
        return false;
    }
    m_dir = std::make_unique<QTemporaryDir>(QDir::tempPath() + QStringLiteral("/crmbridge-pg-XXXXXX"));
    if (!m_dir->isValid()) {
        m_error = QStringLiteral("Cannot create a temporary folder for PostgreSQL");
        return false;
    }
    m_dataDir = m_dir->filePath(QStringLiteral("data"));
    if (::geteuid() == 0) {
        QString ignored;
        m_runUser = runProgram(QStringLiteral("id"), { QStringLiteral("postgres") }, &ignored) == 0
            ? QStringLiteral("postgres")
            : QStringLiteral("nobody");
        if (runProgram(QStringLiteral("chown"), { QStringLiteral("-R"), m_runUser, m_dir->path() }) != 0) {
            m_error = QStringLiteral("Cannot hand %1 to the %2 user").arg(m_dir->path(), m_runUser);
            return false;
        }
    }
    m_superUser = QStringLiteral("crmbridge");
    QString output;
    if (!runAsServerUser(m_binDir + QStringLiteral("/initdb"),
                         { QStringLiteral("-D"), m_dataDir, QStringLiteral("-U"), m_superUser,
                           QStringLiteral("--auth=trust"), QStringLiteral("-E"), QStringLiteral("UTF8"),
                           QStringLiteral("--locale=C.UTF-8"), QStringLiteral("--no-sync") },
                         &output)) {
        m_error = QStringLiteral("initdb failed: ") + output;
        return false;
    }
    m_port = freeLoopbackPort();
    return start();
}

bool PgServer::start()
{
    if (m_running)
        return true;
    const QString options
        = QStringLiteral("-p %1 -k %2 -c listen_addresses=127.0.0.1 -c fsync=off "
                         "-c synchronous_commit=off -c full_page_writes=off -c max_connections=200")
              .arg(m_port)
              .arg(m_dir->path());
    QString output;
    if (!runAsServerUser(m_binDir + QStringLiteral("/pg_ctl"),
                         { QStringLiteral("-D"), m_dataDir, QStringLiteral("-o"), options,
                           QStringLiteral("-l"), m_dir->filePath(QStringLiteral("server.log")),
                           QStringLiteral("-w"), QStringLiteral("-t"), QStringLiteral("60"),
                           QStringLiteral("start") },
                         &output)) {
        QFile log(m_dir->filePath(QStringLiteral("server.log")));
        log.open(QIODevice::ReadOnly);
        m_error = QStringLiteral("pg_ctl start failed: %1\n%2")
                      .arg(output, QString::fromLocal8Bit(log.readAll()));
        return false;
    }
    m_running = true;
    return true;
}

bool PgServer::stop()
{
    if (!m_running)
        return true;
    QString output;
    const bool stopped
        = runAsServerUser(m_binDir + QStringLiteral("/pg_ctl"),
                          { QStringLiteral("-D"), m_dataDir, QStringLiteral("-m"), QStringLiteral("fast"),
                            QStringLiteral("-w"), QStringLiteral("stop") },
                          &output);
    m_running = !stopped;
    return stopped;
}

Result<QString> PgServer::createDatabase(const QString &prefix)
{
    if (!m_ok)
        return Error::unavailable(m_error);
    const QString name = QStringLiteral("%1_%2_%3").arg(prefix).arg(::getpid()).arg(++m_nextDb);
    QString output;
    const int code
        = runProgram(m_binDir + QStringLiteral("/psql"),
                     { QStringLiteral("-h"), QStringLiteral("127.0.0.1"), QStringLiteral("-p"),
                       QString::number(m_port), QStringLiteral("-U"), m_superUser, QStringLiteral("-d"),
                       QStringLiteral("postgres"), QStringLiteral("-v"), QStringLiteral("ON_ERROR_STOP=1"),
                       QStringLiteral("-c"), QStringLiteral("CREATE DATABASE %1").arg(name) },
                     &output);
    if (code != 0)
        return Error::unavailable(QStringLiteral("CREATE DATABASE failed: ") + output);
    return QStringLiteral("postgresql://%1@127.0.0.1:%2/%3").arg(m_superUser).arg(m_port).arg(name);
}

} // namespace TestSupport
