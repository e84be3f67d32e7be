// SPDX-License-Identifier: GPL-3.0-or-later
// What the engine benchmarks share: the peak RSS of a phase, and the sandbox as a process of its own
// (so the figures are the engine's, not the emulator's). Test code only.
#pragma once

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStringList>
#include <sys/resource.h>

namespace Bench {

inline int envInt(const char *name, int fallback)
{
    return qEnvironmentVariableIsSet(name) ? qEnvironmentVariableIntValue(name) : fallback;
}

/** A benchmark function may run longer than QtTest's 5 minutes (call it in the test's constructor). */
inline void allowMinutes(int minutes)
{
    if (!qEnvironmentVariableIsSet("QTEST_FUNCTION_TIMEOUT"))
        qputenv("QTEST_FUNCTION_TIMEOUT", QByteArray::number(qint64(minutes) * 60'000));
}

/** Resets the kernel's peak mark (VmHWM) to the current RSS, so the next peak is the phase's own. */
inline bool resetPeakRss()
{
    QFile refs(QStringLiteral("/proc/self/clear_refs"));
    return refs.open(QIODevice::WriteOnly) && refs.write("5") == 1;
}

/** The peak RSS since the last resetPeakRss() (VmHWM), or of the whole process (ru_maxrss). */
inline double peakRssMb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (status.open(QIODevice::ReadOnly)) {
        for (const QByteArray &line : status.readAll().split('\n')) {
            if (line.startsWith("VmHWM:"))
                return line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
        }
    }
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_maxrss) / 1024.0;
}

/** Starts `crm-sandbox` with @p arguments and answers its ready line (empty when it did not start). */
inline QJsonObject startSandbox(QProcess &process, const QString &executable, const QStringList &arguments)
{
    process.setProgram(executable);
    process.setArguments(arguments);
    process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    process.start();
    if (!process.waitForStarted(5000))
        return {};
    while (!process.canReadLine()) {
        if (!process.waitForReadyRead(10000))
            return {};
    }
    return QJsonDocument::fromJson(process.readLine()).object();
}

} // namespace Bench
