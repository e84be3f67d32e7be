// SPDX-License-Identifier: GPL-3.0-or-later
#include "StoreCommands.h"

#include "storage/Migrator.h"
#include "store/JobRepo.h"

#include <QCommandLineParser>
#include <QJsonDocument>
#include <QJsonObject>

namespace Ctl {

Common::Result<std::shared_ptr<Storage::Database>> openStore(const QString &databaseUrl, bool migrate)
{
    const QString url = databaseUrl.isEmpty()
        ? QStringLiteral("sqlite://") + Storage::Database::defaultSqlitePath()
        : databaseUrl;
    auto db = Storage::Database::open(url);
    if (!db)
        return db.error();
    Storage::Migrator migrator(*db.value());
    if (migrate) {
        auto migrated = migrator.migrate();
        if (!migrated)
            return migrated.error();
    } else {
        auto version = migrator.currentVersion();
        if (!version)
            return version.error();
        if (version.value() != Storage::Migrator::latestVersion()) {
            return Common::Error::permanent(
                QStringLiteral(
                    "The store is at schema version %1, this build expects %2: run `crmbridgectl migrate`")
                    .arg(version.value())
                    .arg(Storage::Migrator::latestVersion()));
        }
    }
    return db;
}

Command migrateCommand()
{
    return { QStringLiteral("migrate"), QStringLiteral("Create or upgrade the store's schema"),
             [](const QStringList &args, const QString &databaseUrl) {
                 QCommandLineParser parser;
                 parser.setApplicationDescription(QStringLiteral("Create or upgrade the store's schema."));
                 if (!parseSubcommand(parser, QStringLiteral("migrate"), args))
                     return parser.isSet(QStringLiteral("help")) ? 0 : 2;
                 auto db = Storage::Database::open(databaseUrl.isEmpty() ? QStringLiteral("sqlite://")
                                                           + Storage::Database::defaultSqlitePath()
                                                                         : databaseUrl);
                 if (!db) {
                     err(QStringLiteral("crmbridgectl: %1").arg(db.error().message));
                     return 1;
                 }
                 Storage::Migrator migrator(*db.value());
                 auto before = migrator.currentVersion();
                 auto after = migrator.migrate();
                 if (!before || !after) {
                     err(QStringLiteral("crmbridgectl: %1")
                             .arg((!before ? before.error() : after.error()).message));
                     return 1;
                 }
                 if (before.value() == after.value())
                     out(QStringLiteral("The store %1 is up to date (schema version %2).")
                             .arg(db.value()->url().toDisplayString())
                             .arg(after.value()));
                 else
                     out(QStringLiteral("Migrated %1 from schema version %2 to %3.")
                             .arg(db.value()->url().toDisplayString())
                             .arg(before.value())
                             .arg(after.value()));
                 return 0;
             } };
}

Command statusCommand()
{
    return { QStringLiteral("status"), QStringLiteral("Show job counts by state (--json for machines)"),
             [](const QStringList &args, const QString &databaseUrl) {
                 QCommandLineParser parser;
                 parser.setApplicationDescription(QStringLiteral("Show the queue: job counts by state."));
                 parser.addOption({ QStringLiteral("json"), QStringLiteral("Print one JSON object") });
                 if (!parseSubcommand(parser, QStringLiteral("status"), args))
                     return parser.isSet(QStringLiteral("help")) ? 0 : 2;
                 auto db = openStore(databaseUrl, false);
                 if (!db) {
                     err(QStringLiteral("crmbridgectl: %1").arg(db.error().message));
                     return 1;
                 }
                 Store::JobRepo jobs(db.value());
                 auto counts = jobs.countsByState();
                 if (!counts) {
                     err(QStringLiteral("crmbridgectl: %1").arg(counts.error().message));
                     return 1;
                 }
                 const QList<Store::JobState> shown { Store::JobState::Pending, Store::JobState::Running,
                                                      Store::JobState::Done, Store::JobState::Failed,
                                                      Store::JobState::Cancelled };
                 if (parser.isSet(QStringLiteral("json"))) {
                     QJsonObject object;
                     for (Store::JobState state : shown)
                         object.insert(Store::jobStateName(state), counts->value(state));
                     // Jobs awaiting a check with the CRM count as running for the summary.
                     object.insert(QStringLiteral("running"),
                                   counts->value(Store::JobState::Running)
                                       + counts->value(Store::JobState::Sending));
                     out(QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact)));
                 } else {
                     out(QStringLiteral("Store: %1").arg(db.value()->url().toDisplayString()));
                     for (Store::JobState state : Store::allJobStates())
                         out(QStringLiteral("  %1 %2")
                                 .arg(Store::jobStateName(state), -10)
                                 .arg(counts->value(state)));
                 }
                 return 0;
             } };
}

} // namespace Ctl
