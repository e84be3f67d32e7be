// SPDX-License-Identifier: GPL-3.0-or-later
// crmbridgectl: the engine and the store from a shell, for servers and scripts.
#include "AuditCommands.h"
#include "BackSyncCommand.h"
#include "CatalogCommands.h"
#include "ConnectionCommands.h"
#include "CtlCommand.h"
#include "DemoCommand.h"
#include "EngineCommands.h"
#include "InspectCommands.h"
#include "KeyCommands.h"
#include "MappingCommands.h"
#include "NotifyCommand.h"
#include "RetailCommands.h"
#include "RunCommand.h"
#include "SourceCommands.h"
#include "StoreCommands.h"
#include "store/AuditRepo.h"

#include <QCoreApplication>
#include <QLoggingCategory>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("crmbridge"));
    QCoreApplication::setApplicationName(QStringLiteral("crmbridge"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CRMBRIDGE_VERSION));

    Ctl::installTranslations();

    // The command's own output is the interface; component chatter only with CRMBRIDGE_VERBOSE=1.
    if (qEnvironmentVariableIntValue("CRMBRIDGE_VERBOSE") == 0)
        QLoggingCategory::setFilterRules(QStringLiteral("crmbridge.*.debug=false\ncrmbridge.*.info=false"));

    const QList<Ctl::Command> commands {
        Ctl::migrateCommand(),   Ctl::statusCommand(),   Ctl::connectionCommand(), Ctl::loginCommand(),
        Ctl::sourceCommand(),    Ctl::demoShopCommand(), Ctl::importCommand(),     Ctl::formCommand(),
        Ctl::mappingCommand(),   Ctl::runCommand(),      Ctl::resendCommand(),     Ctl::icmlCommand(),
        Ctl::retailCrmCommand(), Ctl::demoCommand(),     Ctl::backsyncCommand(),   Ctl::hookCommand(),
        Ctl::settingsCommand(),  Ctl::keygenCommand(),   Ctl::jobsCommand(),       Ctl::logCommand(),
        Ctl::crmCommand(),       Ctl::auditCommand(),    Ctl::notifyCommand(),     Ctl::catalogCommand()
    };

    auto usage = [&commands]() {
        QString text
            = Ctl::Text::tr("Usage: crmbridgectl [--database URL] COMMAND [options]\n\n"
                            "The CRM Bridge engine and store from the command line.\n\n"
                            "Global options:\n"
                            "  --database URL  sqlite:///path/file.db or postgresql://user@host:port/db\n"
                            "                  (default: the desktop app's SQLite store)\n"
                            "  --secret-key-file FILE  keep secrets encrypted in the store under this key\n"
                            "  --help, --version\n\nCommands:\n");
        for (const Ctl::Command &command : commands)
            text += QStringLiteral("  %1%2\n").arg(command.name, -22).arg(command.summary);
        text += Ctl::Text::tr("\nRun `crmbridgectl COMMAND --help` for a command's options.");
        return text;
    };

    // Global options come before the command; everything after it belongs to the command.
    QStringList args = app.arguments().mid(1);
    QString databaseUrl = qEnvironmentVariable("CRMBRIDGE_DATABASE");
    while (!args.isEmpty() && args.first().startsWith(QLatin1String("--"))) {
        const QString option = args.takeFirst();
        if (option == QLatin1String("--help")) {
            Ctl::out(usage());
            return 0;
        }
        if (option == QLatin1String("--version")) {
            Ctl::out(QStringLiteral("crmbridgectl %1").arg(QCoreApplication::applicationVersion()));
            return 0;
        }
        if (option == QLatin1String("--database") && !args.isEmpty()) {
            databaseUrl = args.takeFirst();
        } else if (option == QLatin1String("--secret-key-file") && !args.isEmpty()) {
            Ctl::setSecretKeyFile(args.takeFirst());
        } else if (option.startsWith(QLatin1String("--secret-key-file="))) {
            Ctl::setSecretKeyFile(option.mid(int(qstrlen("--secret-key-file="))));
        } else if (option.startsWith(QLatin1String("--database="))) {
            databaseUrl = option.mid(int(qstrlen("--database=")));
        } else {
            Ctl::err(Ctl::Text::tr("crmbridgectl: unknown option %1\n\n%2").arg(option, usage()));
            return 2;
        }
    }
    if (args.isEmpty()) {
        Ctl::err(usage());
        return 2;
    }
    const QString name = args.takeFirst();
    // The audit trail names the tool: an operator's command, or the headless engine's own changes.
    Store::AuditActor::setTool(name == QLatin1String("run") ? QStringLiteral("engine")
                                                            : QStringLiteral("crmbridgectl"));
    for (const Ctl::Command &command : commands) {
        if (command.name == name)
            return command.run(args, databaseUrl);
    }
    Ctl::err(Ctl::Text::tr("crmbridgectl: unknown command \"%1\"\n\n%2").arg(name, usage()));
    return 2;
}
