// SPDX-License-Identifier: GPL-3.0-or-later
#include "TestEnv.h"

#include <QProcess>
#include <QTcpServer>

namespace TestSupport {

int freeLoopbackPort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 0;
    return server.serverPort();
}

QString sourceDir()
{
    return qEnvironmentVariable("CRMBRIDGE_SOURCE_DIR", QStringLiteral(CRMBRIDGE_TEST_SOURCE_DIR));
}

QString binaryDir()
{
    return qEnvironmentVariable("CRMBRIDGE_BINARY_DIR", QStringLiteral(CRMBRIDGE_TEST_BINARY_DIR));
}

int runProgram(const QString &program, const QStringList &args, QString *output, int timeoutMs)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(program, args);
    if (!process.waitForStarted(10000))
        return -1;
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished(5000);
        return -1;
    }
    if (output)
        *output = QString::fromLocal8Bit(process.readAll());
    return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
}

} // namespace TestSupport
