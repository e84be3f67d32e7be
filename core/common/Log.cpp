// SPDX-License-Identifier: GPL-3.0-or-later
#include "Log.h"

#include <cstdio>

namespace Common::Log {

static void journalHandler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    // sd-daemon(3) priority prefixes: journald strips them and records the level.
    int priority = 6;
    switch (type) {
    case QtDebugMsg:
        priority = 7;
        break;
    case QtInfoMsg:
        priority = 6;
        break;
    case QtWarningMsg:
        priority = 4;
        break;
    case QtCriticalMsg:
        priority = 3;
        break;
    case QtFatalMsg:
        priority = 2;
        break;
    }
    const QByteArray line
        = QStringLiteral("<%1>%2: %3\n")
              .arg(priority)
              .arg(QString::fromUtf8(context.category ? context.category : "default"), message)
              .toUtf8();
    std::fwrite(line.constData(), 1, size_t(line.size()), stderr);
    std::fflush(stderr);
}

void installJournalFriendlyHandler()
{
    qInstallMessageHandler(journalHandler);
}

} // namespace Common::Log
