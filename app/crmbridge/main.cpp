// SPDX-License-Identifier: GPL-3.0-or-later
// crmbridge: the operator's console with the engine embedded.
#include "common/Translations.h"
#include "mainwindow/MainWindow.h"
#include "storage/Database.h"
#include "storage/Migrator.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLoggingCategory>
#include <QMessageBox>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("crmbridge"));
    QApplication::setApplicationName(QStringLiteral("crmbridge"));
    QApplication::setApplicationDisplayName(QStringLiteral("CRM Bridge"));
    QApplication::setApplicationVersion(QStringLiteral(CRMBRIDGE_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("crmbridge"));

    if (qEnvironmentVariableIntValue("CRMBRIDGE_VERBOSE") == 0)
        QLoggingCategory::setFilterRules(QStringLiteral("crmbridge.*.debug=false"));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("CRM Bridge: sends a shop's orders and forms to a CRM and brings statuses back."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption databaseOption(
        QStringLiteral("database"),
        QStringLiteral("The store: sqlite:///path/file.db or postgresql://user@host:port/db (default: %1)")
            .arg(Storage::Database::defaultSqlitePath()),
        QStringLiteral("URL"));
    const QCommandLineOption langOption(
        QStringLiteral("lang"), QStringLiteral("Interface language: en or ru (default: the system's)"),
        QStringLiteral("LANG"));
    parser.addOption(databaseOption);
    parser.addOption(langOption);
    parser.process(app);

    const QString lang = parser.value(langOption);
    if (!lang.isEmpty() && lang != QLatin1String("en") && lang != QLatin1String("ru")) {
        fprintf(stderr, "crmbridge: --lang takes en or ru\n");
        return 2;
    }
    Gui::installTranslations(lang);

    const QString url = parser.isSet(databaseOption)
        ? parser.value(databaseOption)
        : QStringLiteral("sqlite://") + Storage::Database::defaultSqlitePath();
    auto db = Storage::Database::open(url);
    if (db) {
        if (auto migrated = Storage::Migrator(*db.value()).migrate(); !migrated)
            db = migrated.error();
    }
    if (!db) {
        QMessageBox::critical(
            nullptr, QApplication::translate("main", "CRM Bridge"),
            QApplication::translate("main", "The store cannot be opened.\n\n%1").arg(db.error().message));
        return 1;
    }

    Gui::MainWindow window(db.value());
    window.show();
    return app.exec();
}
