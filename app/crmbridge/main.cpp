// SPDX-License-Identifier: GPL-3.0-or-later
// crmbridge: the operator's console with the engine embedded.
#include "DemoSession.h"
#include "EngineHost.h"
#include "ShopSources.h"
#include "common/Translations.h"
#include "mainwindow/MainWindow.h"
#include "secrets/SecretStoreFactory.h"
#include "storage/Database.h"
#include "storage/Migrator.h"
#include "store/AuditRepo.h"

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
    // The installed desktop entry (packaging/): window managers match the window to its name and icon.
    QApplication::setDesktopFileName(QStringLiteral("org.crmbridge.CrmBridge"));
    Store::AuditActor::setTool(QStringLiteral("console"));

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
    const QCommandLineOption demoOption(
        QStringLiteral("demo"),
        QStringLiteral("Show the product on a sandbox CRM and a demo shop that run in the background "
                       "(nothing leaves this machine; the demo's data is gone when it closes)"));
    const QCommandLineOption crmOption(
        QStringLiteral("crm"),
        QStringLiteral("With --demo: the sandbox CRM, amocrm or retailcrm (default: amocrm)"),
        QStringLiteral("CRM"), QStringLiteral("amocrm"));
    const QCommandLineOption shopOption(
        QStringLiteral("shop"),
        QStringLiteral("With --demo: the demo shop, minishop2, bitrix or moysklad (default: minishop2)"),
        QStringLiteral("SHOP"), QStringLiteral("minishop2"));
    const QCommandLineOption noEngineOption(
        QStringLiteral("no-engine"),
        QStringLiteral("Only the console: the engine of this store runs elsewhere (crmbridgectl run, "
                       "a service); the window shows what it reports"));
    parser.addOption(databaseOption);
    parser.addOption(langOption);
    parser.addOption(demoOption);
    parser.addOption(crmOption);
    parser.addOption(shopOption);
    parser.addOption(noEngineOption);
    parser.process(app);

    const QString lang = parser.value(langOption);
    if (!lang.isEmpty() && lang != QLatin1String("en") && lang != QLatin1String("ru")) {
        fprintf(stderr, "crmbridge: --lang takes en or ru\n");
        return 2;
    }
    if (!App::DemoCrm::names().contains(parser.value(crmOption))) {
        fprintf(stderr, "crmbridge: --crm takes amocrm or retailcrm\n");
        return 2;
    }
    if (!App::DemoSession::shops().contains(parser.value(shopOption))) {
        fprintf(stderr, "crmbridge: --shop takes minishop2, bitrix or moysklad\n");
        return 2;
    }
    Gui::installTranslations(lang);

    auto cannotStart = [](const QString &message) {
        QMessageBox::critical(nullptr, QApplication::translate("main", "CRM Bridge"), message);
        return 1;
    };
    std::unique_ptr<App::DemoSession> demo;
    std::unique_ptr<App::EngineHost> host;
    std::shared_ptr<Storage::Database> db;
    std::shared_ptr<Secrets::SecretStore> secrets;
    Engine::SyncEngine *engine = nullptr;
    if (parser.isSet(demoOption)) {
        App::DemoOptions options;
        options.crm = parser.value(crmOption);
        options.shop = parser.value(shopOption);
        demo = std::make_unique<App::DemoSession>(options);
        if (auto prepared = demo->prepare(); !prepared)
            return cannotStart(QApplication::translate("main", "The demo cannot start.\n\n%1")
                                   .arg(prepared.error().message));
        db = demo->store();
        secrets = demo->secrets();
        engine = demo->engine();
    } else {
        const QString url = parser.isSet(databaseOption)
            ? parser.value(databaseOption)
            : QStringLiteral("sqlite://") + Storage::Database::defaultSqlitePath();
        auto opened = Storage::Database::open(url);
        if (opened) {
            if (auto migrated = Storage::Migrator(*opened.value()).migrate(); !migrated)
                opened = migrated.error();
        }
        if (!opened)
            return cannotStart(QApplication::translate("main", "The store cannot be opened.\n\n%1")
                                   .arg(opened.error().message));
        db = opened.value();
        secrets = Secrets::SecretStoreFactory::forDesktop();
        if (!parser.isSet(noEngineOption)) {
            host = std::make_unique<App::EngineHost>(db, secrets);
            engine = host->engine();
        }
    }

    std::unique_ptr<Gui::MainWindow> window;
    // Shown next to the window, not instead of it: the console still shows the store.
    auto warn = [&window](const QString &message) {
        auto *box = new QMessageBox(QMessageBox::Warning, QApplication::translate("main", "CRM Bridge"),
                                    message, QMessageBox::Close, window.get());
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->show();
    };
    auto openWindow = [&] {
        window = std::make_unique<Gui::MainWindow>(db, engine, secrets, App::shopSources());
        if (demo)
            window->setWindowTitle(QApplication::translate("main", "CRM Bridge — demo"));
        window->show();
    };
    if (demo) {
        // The window opens on a demo that runs: signed in, mapped, sending (a second or so).
        QObject::connect(demo.get(), &App::DemoSession::started, &app, openWindow);
        QObject::connect(demo.get(), &App::DemoSession::failed, &app, [&](const QString &message) {
            const QString text = QApplication::translate("main", "The demo stopped.\n\n%1").arg(message);
            if (window)
                return warn(text);
            auto *box = new QMessageBox(QMessageBox::Critical, QApplication::translate("main", "CRM Bridge"),
                                        text, QMessageBox::Close);
            box->setAttribute(Qt::WA_DeleteOnClose);
            QObject::connect(box, &QMessageBox::finished, &app, [] { QCoreApplication::exit(1); });
            box->show();
        });
        demo->start();
    } else {
        openWindow();
        if (!host)
            return app.exec();
        if (auto started = host->start(); !started)
            warn(QApplication::translate("main", "The engine cannot start.\n\n%1")
                     .arg(started.error().message));
    }
    return app.exec();
}
