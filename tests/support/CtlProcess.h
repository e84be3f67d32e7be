// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QProcess>
#include <QStringList>

namespace TestSupport {

/** What one crmbridgectl run printed and returned (-1: did not start, hung or crashed). */
struct CtlRun
{
    int exitCode = -1;
    QString out;
    QString err;
};

/** Prepares @p process to run crmbridgectl without a desktop session (no DISPLAY, no D-Bus: the key-file
 *  secret store is the one used), for a run the test starts, watches or kills itself. */
inline void prepareCtl(QProcess &process, const QString &program, const QStringList &args)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
    process.setProcessEnvironment(env);
    process.setProgram(program);
    process.setArguments(args);
}

/** Runs crmbridgectl (the test's CRMBRIDGECTL_PATH) with @p args, feeding @p stdinData, without a desktop
 *  session (no DISPLAY, no D-Bus: the key-file secret store is the one used). */
inline CtlRun runCtl(const QString &program, const QStringList &args, const QByteArray &stdinData = {},
                     int timeoutMs = 90000)
{
    QProcess process;
    prepareCtl(process, program, args);
    process.start();
    CtlRun run;
    if (!process.waitForStarted(10000))
        return run;
    process.write(stdinData);
    process.closeWriteChannel();
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished(5000);
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

} // namespace TestSupport
