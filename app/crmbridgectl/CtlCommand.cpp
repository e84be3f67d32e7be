// SPDX-License-Identifier: GPL-3.0-or-later
#include "CtlCommand.h"

#include <cstdio>

namespace Ctl {

void out(const QString &text)
{
    const QByteArray bytes = text.toUtf8() + '\n';
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    std::fflush(stdout);
}

void err(const QString &text)
{
    const QByteArray bytes = text.toUtf8() + '\n';
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
    std::fflush(stderr);
}

bool parseSubcommand(QCommandLineParser &parser, const QString &name, const QStringList &args)
{
    parser.addHelpOption();
    if (!parser.parse(QStringList { QStringLiteral("crmbridgectl ") + name } + args)) {
        err(QStringLiteral("crmbridgectl %1: %2").arg(name, parser.errorText()));
        return false;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        out(parser.helpText());
        return false;
    }
    return true;
}

} // namespace Ctl
