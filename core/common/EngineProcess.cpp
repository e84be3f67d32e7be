// SPDX-License-Identifier: GPL-3.0-or-later
#include "EngineProcess.h"

#include <QCoreApplication>
#include <QStringList>
#include <QSysInfo>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <csignal>
#endif

namespace Common::EngineProcess {

namespace {

/** True when no process @p pid exists on this machine (its engine ended or was killed). */
bool processIsGone(qint64 pid)
{
#ifdef Q_OS_UNIX
    return pid > 0 && ::kill(pid_t(pid), 0) != 0 && errno == ESRCH;
#else
    Q_UNUSED(pid);
    return false; // elsewhere a dead engine's names run out with their time to live
#endif
}

} // namespace

QString machineName()
{
    QString name = qEnvironmentVariable("CRMBRIDGE_ENGINE_NAME");
    if (name.isEmpty())
        name = QSysInfo::machineHostName();
    return name.replace(QLatin1Char(':'), QLatin1Char('-'));
}

QString instanceId()
{
    return QStringLiteral("%1:%2").arg(machineName()).arg(QCoreApplication::applicationPid());
}

bool isGone(const QString &name)
{
    const QStringList parts = name.split(QLatin1Char(':'));
    bool ok = false;
    const qint64 pid = parts.value(1).toLongLong(&ok);
    return parts.size() >= 2 && ok && parts[0] == machineName() && pid != QCoreApplication::applicationPid()
        && processIsGone(pid);
}

} // namespace Common::EngineProcess
