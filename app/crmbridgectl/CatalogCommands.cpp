// SPDX-License-Identifier: GPL-3.0-or-later
#include "CatalogCommands.h"

#include "ConnectionCommands.h"
#include "ShopSources.h"
#include "StoreCommands.h"
#include "engine/CatalogLaneWork.h"
#include "engine/CatalogPlan.h"
#include "engine/CatalogSourceReader.h"
#include "store/CatalogRepo.h"
#include "store/ConnectionRepo.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Ctl {

namespace {

int fail(const QString &message, int code = 1)
{
    err(QStringLiteral("crmbridgectl catalog: %1").arg(message));
    return code;
}

QString when(qint64 ms)
{
    return ms ? QDateTime::fromMSecsSinceEpoch(ms).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))
              : Text::tr("never");
}

/** What a run of @p source would send, without sending it. */
int dryRun(std::shared_ptr<Storage::Database> db, const Store::Connection &connection, const QString &source,
           Engine::RemovedProducts policy)
{
    // A shop on SQLite needs no password: without a secret store only a database shop is refused.
    auto secrets = headlessSecretStore(db);
    const auto read = Engine::catalogReaderFor(db, App::shopSources(), secrets ? secrets.value() : nullptr);
    return runEventLoop([&](std::function<void(int)> finish) {
        read(source, [&, finish](Common::Result<Engine::CatalogSnapshot> snapshot) {
            if (!snapshot) {
                finish(fail(QStringLiteral("%1: %2").arg(source, snapshot.error().message)));
                return;
            }
            // A MoySklad source's own rule wins over the setting (products gone only lose their links).
            const Engine::RemovedProducts applied = Engine::CatalogSync::policyFor(snapshot->rules(), policy);
            auto stored = Store::CatalogRepo(db).items(connection.id, source);
            if (!stored) {
                finish(fail(stored.error().message));
                return;
            }
            const Engine::CatalogPlan plan
                = Engine::CatalogPlan::make(source, snapshot->catalog, stored.value(), applied);
            out(Text::tr(
                    "%1 → %2 (dry run, nothing sent): %3 products; %4 to create, %5 to update, %6 to delete, "
                    "%7 unchanged, %9 to unlink (removed products: %8)")
                    .arg(source, connection.name)
                    .arg(plan.products)
                    .arg(plan.creates.size())
                    .arg(plan.updates.size())
                    .arg(plan.deletes.size())
                    .arg(plan.unchanged)
                    .arg(Engine::removedProductsName(applied))
                    .arg(plan.unlinks.size()));
            int shown = 0;
            auto list = [&shown](const QString &what, const QList<Crm::CatalogEntry> &entries) {
                for (const Crm::CatalogEntry &e : entries) {
                    if (shown++ >= 20)
                        continue;
                    out(QStringLiteral("  %1 %2 «%3»%4")
                            .arg(what, e.key, e.name,
                                 e.retireOnly || !e.active ? Text::tr(" (no longer sold)") : QString()));
                }
            };
            list(Text::tr("create"), plan.creates);
            list(Text::tr("update"), plan.updates);
            list(Text::tr("delete"), plan.deletes);
            if (shown > 20)
                out(Text::tr("  … and %1 more").arg(shown - 20));
            finish(0);
        });
    });
}

int sync(const QStringList &args, const QString &databaseUrl)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Send the shop's products to connection NAME's CRM catalogue: queues a catalogue run\n"
                       "for each shop that sends to it (or --source), which the engine sends under the\n"
                       "account's rate limit. --dry-run only says what a run would send."));
    parser.addPositionalArgument(QStringLiteral("NAME"), QStringLiteral("The CRM connection"));
    parser.addOption(
        { QStringLiteral("source"), QStringLiteral("Only this shop source"), QStringLiteral("SOURCE") });
    parser.addOption(
        { QStringLiteral("dry-run"), QStringLiteral("Read the shop and say what would be sent") });
    if (!parseSubcommand(parser, QStringLiteral("catalog sync"), args))
        return parser.isSet(QStringLiteral("help")) ? 0 : 2;
    if (parser.positionalArguments().size() != 1)
        return fail(QStringLiteral("usage: catalog sync NAME [--source SOURCE] [--dry-run]"), 2);
    auto db = openStore(databaseUrl, true);
    if (!db)
        return fail(db.error().message);
    auto connection = Store::ConnectionRepo(db.value()).byName(parser.positionalArguments().first());
    if (!connection)
        return fail(connection.error().message);
    if (connection->crm != QLatin1String("amocrm"))
        return fail(Text::tr("%1 is a %2 connection: its catalogue is the ICML file (crmbridgectl icml)")
                        .arg(connection->name, connection->crm));
    QStringList sources;
    if (parser.isSet(QStringLiteral("source"))) {
        sources << parser.value(QStringLiteral("source"));
    } else {
        auto targets = Store::CatalogRepo(db.value()).sourcesOf(connection->id);
        if (!targets)
            return fail(targets.error().message);
        sources = targets.value();
    }
    if (sources.isEmpty())
        return fail(Text::tr("no shop sends to %1").arg(connection->name));
    auto settings = Engine::CatalogSettings::read(db.value(), connection->name);
    if (!settings)
        return fail(settings.error().message);
    for (const QString &source : std::as_const(sources)) {
        if (parser.isSet(QStringLiteral("dry-run"))) {
            if (const int code = dryRun(db.value(), connection.value(), source, settings->removed); code != 0)
                return code;
            continue;
        }
        auto queued = Engine::CatalogJobs::request(db.value(), connection->id, source);
        if (!queued)
            return fail(queued.error().message);
        out(queued.value()
                ? Text::tr("%1 → %2: catalogue run queued; the engine sends it").arg(source, connection->name)
                : Text::tr("%1 → %2: a catalogue run is already waiting").arg(source, connection->name));
    }
    return 0;
}

int status(const QStringList &args, const QString &databaseUrl)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("The last catalogue run of each connection and shop."));
    parser.addOption({ QStringLiteral("json"), QStringLiteral("Machine-readable output") });
    if (!parseSubcommand(parser, QStringLiteral("catalog status"), args))
        return parser.isSet(QStringLiteral("help")) ? 0 : 2;
    auto db = openStore(databaseUrl, true);
    if (!db)
        return fail(db.error().message);
    auto connections = Store::ConnectionRepo(db.value()).list();
    if (!connections)
        return fail(connections.error().message);
    Store::CatalogRepo repo(db.value());
    auto runs = repo.runs();
    if (!runs)
        return fail(runs.error().message);
    QJsonArray rows;
    for (const Store::Connection &c : std::as_const(*connections)) {
        if (c.crm != QLatin1String("amocrm"))
            continue;
        auto settings = Engine::CatalogSettings::read(db.value(), c.name);
        if (!settings)
            return fail(settings.error().message);
        const int linked = repo.linkedCount(c.id).valueOr(0);
        const QString schedule = settings->intervalMs > 0
            ? Text::tr("every %1 min").arg(double(settings->intervalMs) / 60'000)
            : Text::tr("on demand");
        if (!parser.isSet(QStringLiteral("json")))
            out(Text::tr("%1: %2 products linked; %3; removed products: %4")
                    .arg(c.name)
                    .arg(linked)
                    .arg(schedule, Engine::removedProductsName(settings->removed)));
        for (const Store::CatalogRun &run : std::as_const(*runs)) {
            if (run.connectionId != c.id)
                continue;
            if (parser.isSet(QStringLiteral("json"))) {
                rows.append(QJsonObject { { "connection", c.name },
                                          { "source", run.source },
                                          { "started_at", run.startedAt },
                                          { "finished_at", run.finishedAt },
                                          { "products", run.products },
                                          { "created", run.created },
                                          { "updated", run.updated },
                                          { "retired", run.retired },
                                          { "failed", run.failed },
                                          { "error", run.error },
                                          { "linked", linked } });
                continue;
            }
            out(Text::tr("  %1: last run %2: %3 products, %4 created, %5 updated, %6 retired, %7 failed%8")
                    .arg(run.source, when(run.finishedAt))
                    .arg(run.products)
                    .arg(run.created)
                    .arg(run.updated)
                    .arg(run.retired)
                    .arg(run.failed)
                    .arg(run.error.isEmpty() ? QString() : QStringLiteral(" — ") + run.error));
        }
    }
    if (parser.isSet(QStringLiteral("json")))
        out(QString::fromUtf8(QJsonDocument(rows).toJson(QJsonDocument::Compact)));
    return 0;
}

} // namespace

Command catalogCommand()
{
    return { QStringLiteral("catalog"),
             QStringLiteral("The shop's products in the CRM's catalogue: sync NAME [--dry-run], status"),
             [](const QStringList &args, const QString &databaseUrl) {
                 const QString action = args.value(0);
                 if (action == QLatin1String("sync"))
                     return sync(args.mid(1), databaseUrl);
                 if (action == QLatin1String("status"))
                     return status(args.mid(1), databaseUrl);
                 if (action == QLatin1String("--help") || action == QLatin1String("-h")) {
                     out(QStringLiteral(
                         "Usage: crmbridgectl catalog sync NAME [--source SOURCE] [--dry-run]\n"
                         "       crmbridgectl catalog status [--json]\n\n"
                         "Settings: catalog.interval_min[.<connection>] (0: on demand only),\n"
                         "catalog.removed[.<connection>] = keep | inactive | delete"));
                     return 0;
                 }
                 return fail(QStringLiteral("usage: catalog sync NAME [--dry-run] | status"), 2);
             } };
}

} // namespace Ctl
