// SPDX-License-Identifier: GPL-3.0-or-later
#include "RetailCommands.h"

#include "ConnectionCommands.h"
#include "IcmlPublisher.h"
#include "ShopSources.h"
#include "StoreCommands.h"
#include "crm/ConnectorFactory.h"
#include "engine/RetailUploader.h"
#include "source/SourceRepo.h"
#include "store/ConnectionRepo.h"
#include "mapping/MappingRepo.h"
#include "store/SettingsRepo.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QEventLoop>
#include <QTimer>

namespace Ctl {

namespace {

int fail(const QString &message, int code = 1)
{
    err(QStringLiteral("crmbridgectl: %1").arg(message));
    return code;
}

struct OpenedSource
{
    std::shared_ptr<Storage::Database> db;
    std::shared_ptr<Secrets::SecretStore> secrets;
    std::shared_ptr<Source::ShopSource> source;
};

/** The store, the secret store and a shop source opened with its password from the SecretStore. */
Common::Result<OpenedSource> openSource(const QString &databaseUrl, const QString &name)
{
    auto db = openStore(databaseUrl, true);
    if (!db)
        return db.error();
    auto record = Source::SourceRepo(db.value()).byName(name);
    if (!record)
        return record.error();
    auto secrets = headlessSecretStore(db.value());
    if (!secrets)
        return secrets.error();
    std::optional<Common::Result<std::shared_ptr<Source::ShopSource>>> opened;
    QEventLoop loop;
    App::shopSources()->open(record.value(), db.value(), secrets.value(), [&](auto result) {
        opened.emplace(std::move(result));
        loop.quit();
    });
    if (!opened)
        loop.exec();
    if (!*opened)
        return opened->error();
    return OpenedSource { db.value(), secrets.value(), opened->value() };
}

Common::Status exportIcml(const OpenedSource &opened, const QString &file, const QString &siteUrl,
                          const QString &shopName)
{
    auto catalog = opened.source->catalog(siteUrl);
    if (!catalog)
        return catalog.error();
    // The intake server publishes it at /icml/<source>.xml for RetailCRM to download.
    if (auto published
        = App::IcmlPublisher::publish(catalog.value(), shopName.isEmpty() ? opened.source->name() : shopName,
                                      opened.source->name(), file, opened.db);
        !published)
        return published;
    // Ctl:: because lupdate reads a Common::Status function as if it were in namespace Common.
    out(Ctl::Text::tr("%1: %2 in %3 written to %4 (served at %5 by the intake server)")
            .arg(QDateTime::currentDateTime().toString(Qt::ISODate),
                 Ctl::Text::tr("%n offer(s)", nullptr, int(catalog->products.size())),
                 Ctl::Text::tr("%n category(ies)", nullptr, int(catalog->categories.size())), file,
                 App::IcmlPublisher::path(opened.source->name())));
    return {};
}

int icmlExport(const QStringList &args, const QString &databaseUrl)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        Text::tr("Write a shop's catalogue as RetailCRM ICML, once or every N minutes."));
    parser.addOption({ QStringLiteral("source"), Text::tr("The shop source"), QStringLiteral("name") });
    parser.addOption({ QStringLiteral("out"), Text::tr("The ICML file"), QStringLiteral("file") });
    parser.addOption({ QStringLiteral("site-url"), Text::tr("The shop's address, for product links"),
                       QStringLiteral("url") });
    parser.addOption({ QStringLiteral("shop-name"), Text::tr("The shop's name in the catalogue"),
                       QStringLiteral("text") });
    parser.addOption({ QStringLiteral("every"), Text::tr("Write it again every N minutes until stopped"),
                       QStringLiteral("minutes") });
    if (!parseSubcommand(parser, QStringLiteral("icml export"), args))
        return parser.isSet(QStringLiteral("help")) ? 0 : 2;
    const QString file = parser.value(QStringLiteral("out"));
    if (parser.value(QStringLiteral("source")).isEmpty() || file.isEmpty())
        return fail(
            Text::tr("usage: icml export --source NAME --out FILE [--site-url URL] [--every MINUTES]"), 2);
    const int every = parser.value(QStringLiteral("every")).toInt();
    if (parser.isSet(QStringLiteral("every")) && every <= 0)
        return fail(Text::tr("--every takes a number of minutes"), 2);
    auto opened = openSource(databaseUrl, parser.value(QStringLiteral("source")));
    if (!opened)
        return fail(opened.error().message);
    const QString siteUrl = parser.value(QStringLiteral("site-url"));
    const QString shopName = parser.value(QStringLiteral("shop-name"));
    if (auto written = exportIcml(opened.value(), file, siteUrl, shopName); !written)
        return fail(written.error().message);
    if (every == 0)
        return 0;
    // On a schedule: a failed round is reported and tried again next time (the last file stays).
    QTimer timer;
    QObject::connect(&timer, &QTimer::timeout, [&] {
        if (auto written = exportIcml(opened.value(), file, siteUrl, shopName); !written)
            err(QStringLiteral("crmbridgectl: %1").arg(written.error().message));
    });
    timer.start(every * 60'000);
    return QCoreApplication::exec();
}

int upload(const QStringList &args, const QString &databaseUrl)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(Text::tr(
        "Upload a shop's existing customers and orders to RetailCRM in batches of 50; an interrupted upload\n"
        "resumes after the last batch RetailCRM accepted. Customers go first: orders link them by id."));
    parser.addOption({ QStringLiteral("source"), Text::tr("The shop source"), QStringLiteral("name") });
    parser.addOption(
        { QStringLiteral("connection"), Text::tr("The RetailCRM connection"), QStringLiteral("name") });
    parser.addOption({ QStringLiteral("customers"), Text::tr("Only customers") });
    parser.addOption({ QStringLiteral("orders"), Text::tr("Only orders") });
    parser.addOption({ QStringLiteral("max-batches"), Text::tr("Stop after N batches of each kind"),
                       QStringLiteral("n") });
    if (!parseSubcommand(parser, QStringLiteral("retailcrm upload"), args))
        return parser.isSet(QStringLiteral("help")) ? 0 : 2;
    if (parser.value(QStringLiteral("source")).isEmpty()
        || parser.value(QStringLiteral("connection")).isEmpty())
        return fail(
            Text::tr("usage: retailcrm upload --source NAME --connection NAME [--customers|--orders]"), 2);
    auto opened = openSource(databaseUrl, parser.value(QStringLiteral("source")));
    if (!opened)
        return fail(opened.error().message);
    auto connection = Store::ConnectionRepo(opened->db).byName(parser.value(QStringLiteral("connection")));
    if (!connection)
        return fail(connection.error().message);
    if (connection->crm != QLatin1String("retailcrm"))
        return fail(Text::tr("connection \"%1\" is not a RetailCRM connection").arg(connection->name), 2);
    QObject owner;
    auto made = Crm::ConnectorFactory(opened->db, opened->secrets).forConnection(connection.value())(&owner);
    auto *connector = static_cast<Crm::RetailCrm::RetailCrmConnector *>(made.get());
    Engine::RetailUploader uploader(connector, opened->source.get(), opened->db);
    uploader.setMaxBatches(parser.value(QStringLiteral("max-batches")).toInt());
    QObject::connect(&uploader, &Engine::RetailUploader::progress, [](int handled, qint64 lastId) {
        err(Text::tr("… %1 sent (up to shop id %2)").arg(handled).arg(lastId));
    });

    QList<Engine::RetailUploader::Kind> kinds;
    if (!parser.isSet(QStringLiteral("orders")))
        kinds << Engine::RetailUploader::Kind::Customers;
    if (!parser.isSet(QStringLiteral("customers")))
        kinds << Engine::RetailUploader::Kind::Orders;
    int exitCode = 0;
    for (const auto kind : kinds) {
        const bool orders = kind == Engine::RetailUploader::Kind::Orders;
        if (orders) {
            // The drafts the engine would send: the stored mapping over the account's reference data.
            Mapping::MappingRepo repo(opened->db);
            auto schema = repo.loadSchema(connection->id);
            if (!schema)
                return fail(schema.error().message);
            if (!schema->has_value()) {
                std::optional<Common::Result<Crm::CrmSchema>> fetched;
                QEventLoop loop;
                connector->fetchSchema([&](Common::Result<Crm::CrmSchema> r) {
                    fetched.emplace(std::move(r));
                    loop.quit();
                });
                if (!fetched)
                    loop.exec();
                if (!*fetched)
                    return fail(fetched->error().message);
                (void)repo.saveSchema(connection->id, fetched->value());
                *schema = fetched->value();
            }
            auto mapping = repo.load(connection->id);
            if (!mapping)
                return fail(mapping.error().message);
            const Mapping::MappingSet set
                = mapping->has_value() ? **mapping : Mapping::MappingSet::defaults(**schema);
            uploader.setBuilder(std::make_shared<Mapping::DraftBuilder>(set, **schema));
        }
        std::optional<Common::Result<Engine::RetailUploader::Stats>> result;
        QEventLoop loop;
        uploader.run(kind, [&](auto r) {
            result.emplace(std::move(r));
            loop.quit();
        });
        if (!result)
            loop.exec();
        const QString what = orders ? Text::tr("Orders") : Text::tr("Customers");
        if (!*result)
            return fail(
                Text::tr("%1: %2 (run the upload again to resume)").arg(what, result->error().message));
        const auto &s = result->value();
        out(Text::tr("%1: %2 read, %3 uploaded, %4 already there, %5 refused")
                .arg(what)
                .arg(s.read)
                .arg(s.uploaded)
                .arg(s.existing)
                .arg(s.failed));
        for (const QString &e : s.errors)
            out(QStringLiteral("  %1").arg(e));
        if (s.failed > 0)
            exitCode = 1;
    }
    return exitCode;
}

} // namespace

Command icmlCommand()
{
    return { QStringLiteral("icml"), Text::tr("Export the shop catalogue as RetailCRM ICML"),
             [](const QStringList &args, const QString &databaseUrl) {
                 if (args.value(0) == QLatin1String("export"))
                     return icmlExport(args.mid(1), databaseUrl);
                 out(Text::tr("Usage: crmbridgectl icml export --source NAME --out FILE [--site-url URL] "
                              "[--shop-name TEXT] [--every MINUTES]"));
                 return args.isEmpty() || args.value(0) != QLatin1String("--help") ? 2 : 0;
             } };
}

Command retailCrmCommand()
{
    return { QStringLiteral("retailcrm"), Text::tr("RetailCRM: upload existing customers and orders"),
             [](const QStringList &args, const QString &databaseUrl) {
                 if (args.value(0) == QLatin1String("upload"))
                     return upload(args.mid(1), databaseUrl);
                 out(Text::tr("Usage: crmbridgectl retailcrm upload --source NAME --connection NAME "
                              "[--customers|--orders] [--max-batches N]"));
                 return args.isEmpty() || args.value(0) != QLatin1String("--help") ? 2 : 0;
             } };
}

} // namespace Ctl
