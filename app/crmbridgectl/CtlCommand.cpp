// SPDX-License-Identifier: GPL-3.0-or-later
#include "CtlCommand.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTimer>
#include <QTranslator>
#include <cstdio>

namespace Ctl {

void installTranslations()
{
    // POSIX precedence: LC_ALL, then LC_MESSAGES, then LANG ("ru_RU.UTF-8" → "ru").
    QString locale;
    for (const char *name : { "LC_ALL", "LC_MESSAGES", "LANG" }) {
        locale = qEnvironmentVariable(name);
        if (!locale.isEmpty())
            break;
    }
    // English is loaded too: it holds the plural forms ("1 change", "2 changes").
    const QString lang = locale.startsWith(QLatin1String("ru")) ? QStringLiteral("ru") : QStringLiteral("en");
    auto *translator = new QTranslator(QCoreApplication::instance());
    if (translator->load(QStringLiteral(":/i18n/crmbridge_%1.qm").arg(lang)))
        QCoreApplication::installTranslator(translator);
    // Qt's own words in a subcommand's --help ("Options:", "Displays help…"), as the console does.
    auto *qt = new QTranslator(QCoreApplication::instance());
    if (qt->load(QStringLiteral("qtbase_%1").arg(lang), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
}

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

/**
 * Runs an asynchronous step (the secret store answers through the event loop) in this process's only
 * event loop: crmbridgectl's main() has not started one, so this is not a nested loop.
 */
int runEventLoop(const std::function<void(std::function<void(int)>)> &start)
{
    int code = 1;
    QTimer::singleShot(0, [&code, &start] {
        start([&code](int result) {
            code = result;
            QCoreApplication::exit(result);
        });
    });
    QCoreApplication::exec();
    return code;
}

} // namespace Ctl
