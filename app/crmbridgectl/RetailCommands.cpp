// SPDX-License-Identifier: GPL-3.0-or-later
#include "RetailCommands.h"

#include "ConnectionCommands.h"
#include "IcmlPublisher.h"
#include "ShopSources.h"
#include "StoreCommands.h"
#include "crm/ConnectorFactory.h"
#include "engine/RetailCustomerUpload.h"
#include "source/SourceRepo.h"
#include "store/ConnectionRepo.h"
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
        "Upload a shop's registered customers to RetailCRM in batches of 50, also those who never ordered,\n"
        "before its orders; an interrupted upload resumes after the last batch RetailCRM accepted.\n"
        "The orders follow with `crmbridgectl source load NAME`: each order once, through the outbox,\n"
        "sent by the engine in orders/upload batches and linked to these customers."));
    parser.addOption({ QStringLiteral("source"), Text::tr("The shop source"), QStringLiteral("name") });
    parser.addOption(
        { QStringLiteral("connection"), Text::tr("The RetailCRM connection"), QStringLiteral("name") });
    parser.addOption(
        { QStringLiteral("customers"), Text::tr("Customers (the only kind; kept for scripts)") });
    parser.addOption({ QStringLiteral("orders"), Text::tr("Refused: orders are loaded with `source load`") });
    parser.addOption(
        { QStringLiteral("max-batches"), Text::tr("Stop after N batches"), QStringLiteral("n") });
    if (!parseSubcommand(parser, QStringLiteral("retailcrm upload"), args))
        return parser.isSet(QStringLiteral("help")) ? 0 : 2;
    if (parser.isSet(QStringLiteral("orders")))
        return fail(Text::tr("orders are loaded with `crmbridgectl source load %1`: each order once, in its "
                             "present status, through the outbox (the engine sends them to RetailCRM in "
                             "orders/upload batches of 50)")
                        .arg(parser.value(QStringLiteral("source")).isEmpty()
                                 ? QStringLiteral("NAME")
                                 : parser.value(QStringLiteral("source"))),
                    2);
    if (parser.value(QStringLiteral("source")).isEmpty()
        || parser.value(QStringLiteral("connection")).isEmpty())
        return fail(Text::tr("usage: retailcrm upload --source NAME --connection NAME"), 2);
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
    Engine::RetailCustomerUpload upload(connector, opened->source.get(), opened->db);
    upload.setMaxBatches(parser.value(QStringLiteral("max-batches")).toInt());
    QObject::connect(&upload, &Engine::RetailCustomerUpload::progress, [](int handled, qint64 lastId) {
        err(Text::tr("… %1 sent (up to shop id %2)").arg(handled).arg(lastId));
    });
    std::optional<Common::Result<Engine::RetailCustomerUpload::Stats>> result;
    QEventLoop loop;
    upload.run([&](auto r) {
        result.emplace(std::move(r));
        loop.quit();
    });
    if (!result)
        loop.exec();
    const QString what = Text::tr("Customers");
    if (!*result)
        return fail(Text::tr("%1: %2 (run the upload again to resume)").arg(what, result->error().message));
    const auto &s = result->value();
    out(Text::tr("%1: %2 read, %3 uploaded, %4 already there, %5 refused")
            .arg(what)
            .arg(s.read)
            .arg(s.uploaded)
            .arg(s.existing)
            .arg(s.failed));
    for (const QString &e : s.errors)
        out(QStringLiteral("  %1").arg(e));
    out(Text::tr("Orders: `crmbridgectl source load %1` reads them into the outbox; the engine sends them.")
            .arg(opened->source->name()));
    return s.failed > 0 ? 1 : 0;
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
    return { QStringLiteral("retailcrm"), Text::tr("RetailCRM: upload the shop's registered customers"),
             [](const QStringList &args, const QString &databaseUrl) {
                 if (args.value(0) == QLatin1String("upload"))
                     return upload(args.mid(1), databaseUrl);
                 out(Text::tr("Usage: crmbridgectl retailcrm upload --source NAME --connection NAME "
                              "[--max-batches N]"));
                 return args.isEmpty() || args.value(0) != QLatin1String("--help") ? 2 : 0;
             } };
}

} // namespace Ctl
