// SPDX-License-Identifier: GPL-3.0-or-later
#include "SourceCommands.h"

#include "LoadCommand.h"
#include "MoySkladSourceAdd.h"
#include "ShopSources.h"
#include "SourceWebhooksCommand.h"
#include "StoreCommands.h"
#include "secrets/SecretStoreFactory.h"
#include "source/SourceRepo.h"
#include "source/bitrix/BitrixDemoShop.h"
#include "source/fileimport/FileImporter.h"
#include "source/intake/FormEndpointRepo.h"
#include "source/minishop2/DemoShopGenerator.h"
#include "source/minishop2/MiniShop2Source.h"
#include "store/ConnectionRepo.h"
#include "store/Outbox.h"
#include "store/WatermarkRepo.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>
#include <cstdio>
#include <iostream>
#include <string>
#include <unistd.h>

namespace Ctl {

using Common::Result;

namespace {

const QCommandLineOption kKeyFileOption(QStringLiteral("secret-key-file"),
                                        QStringLiteral("Key file of the encrypted-in-database secret store"),
                                        QStringLiteral("FILE"));

int fail(const QString &command, const QString &message, int code = 1)
{
    err(QStringLiteral("crmbridgectl %1: %2").arg(command, message));
    return code;
}

/** The first line of stdin, without its line break; a prompt on stderr when stdin is a terminal. */
QByteArray readPasswordLine()
{
    if (::isatty(STDIN_FILENO))
        std::fputs("Database password: ", stderr);
    std::string line;
    std::getline(std::cin, line);
    QByteArray bytes = QByteArray::fromStdString(line);
    if (bytes.endsWith('\r'))
        bytes.chop(1);
    return bytes;
}

int sourceAdd(const QStringList &args, const QString &databaseUrl)
{
    if (args.value(0) == QLatin1String("moysklad"))
        return sourceAddMoySklad(args, databaseUrl);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Add a shop source: a miniShop2 (MODX) or 1C-Bitrix (sale module) database. The database "
        "password is read from stdin (one line) and kept in the secret "
        "store, never in the URL or the store's configuration.\n\n  crmbridgectl source add "
        "minishop2 NAME --url URL\n  crmbridgectl source add bitrix NAME --url URL [--site s1]"));
    parser.addPositionalArgument(QStringLiteral("kind"), QStringLiteral("minishop2 or bitrix"));
    parser.addPositionalArgument(QStringLiteral("name"), QStringLiteral("The source's name"));
    parser.addOptions(
        { { QStringLiteral("url"),
            QStringLiteral("mysql://user@host:port/database or sqlite:///path/shop.db"),
            QStringLiteral("URL") },
          { QStringLiteral("prefix"), QStringLiteral("Table prefix (miniShop2: modx_, Bitrix: b_)"),
            QStringLiteral("PREFIX") },
          { QStringLiteral("site"),
            QStringLiteral("Bitrix: only the orders of this site (LID, e.g. s1); default every site"),
            QStringLiteral("LID") },
          { QStringLiteral("language"), QStringLiteral("Bitrix: the language of status names (default ru)"),
            QStringLiteral("LANG") },
          { QStringLiteral("no-forms"),
            QStringLiteral("Bitrix: do not read the web form results (the site posts them to the intake)") },
          { QStringLiteral("legal-person-types"),
            QStringLiteral(
                "Bitrix: person type ids that are legal entities, comma-separated (default: as the "
                "shop's business-value settings say)"),
            QStringLiteral("IDS") },
          { QStringLiteral("from-start"),
            QStringLiteral("Send the orders already in the shop too (default: only new ones)") },
          { QStringLiteral("no-check"), QStringLiteral("Save without connecting to the shop first") },
          kKeyFileOption });
    if (!parseSubcommand(parser, QStringLiteral("source add"), args))
        return parser.isSet(QStringLiteral("help")) ? 0 : 2;
    const QStringList positional = parser.positionalArguments();
    const QString kind = positional.value(0);
    if (positional.size() != 2 || (kind != QLatin1String("minishop2") && kind != QLatin1String("bitrix"))
        || !parser.isSet(QStringLiteral("url")))
        return fail(QStringLiteral("source add"),
                    QStringLiteral("usage: source add minishop2 NAME --url URL [--prefix modx_]\n"
                                   "       source add bitrix NAME --url URL [--site s1]"),
                    2);
    const bool bitrix = kind == QLatin1String("bitrix");
    auto url = Source::MiniShop2::ShopDbUrl::parse(parser.value(QStringLiteral("url")));
    if (!url)
        return fail(QStringLiteral("source add"), url.error().message, 2);
    if (!url->password.isEmpty())
        return fail(
            QStringLiteral("source add"),
            QStringLiteral("put no password in the URL: it is read from stdin and kept in the secret store"),
            2);
    auto db = openStore(databaseUrl);
    if (!db)
        return fail(QStringLiteral("source add"), db.error().message);

    Source::SourceRecord record;
    record.name = positional[1];
    record.kind = kind;
    record.url = url->toDisplayString();
    const QString prefix = parser.isSet(QStringLiteral("prefix"))
        ? parser.value(QStringLiteral("prefix"))
        : (bitrix ? QStringLiteral("b_") : QStringLiteral("modx_"));
    record.config.insert(QStringLiteral("prefix"), prefix);
    if (bitrix) {
        for (const char *option : { "site", "language" }) {
            if (parser.isSet(QLatin1String(option)))
                record.config.insert(QLatin1String(option), parser.value(QLatin1String(option)).trimmed());
        }
        if (parser.isSet(QStringLiteral("no-forms")))
            record.config.insert(QStringLiteral("forms"), false);
        if (parser.isSet(QStringLiteral("legal-person-types")))
            record.config.insert(QStringLiteral("legal_person_types"),
                                 parser.value(QStringLiteral("legal-person-types")));
    }
    record.config.insert(QStringLiteral("start"),
                         parser.isSet(QStringLiteral("from-start")) ? QStringLiteral("beginning")
                                                                    : QStringLiteral("latest"));
    Source::SourceRepo sources(db.value());
    if (sources.byName(record.name))
        return fail(QStringLiteral("source add"),
                    QStringLiteral("a source named \"%1\" already exists").arg(record.name));
    const QByteArray password = url->sqlite ? QByteArray() : readPasswordLine();

    if (!parser.isSet(QStringLiteral("no-check"))) {
        auto source = App::shopSources()->openWithPassword(record, db.value(), password);
        if (!source)
            return fail(QStringLiteral("source add"),
                        QStringLiteral("cannot use the shop: %1").arg(source.error().message));
        auto summary = source.value()->summary();
        if (!summary)
            return fail(QStringLiteral("source add"), summary.error().message);
        out(QStringLiteral("Connected: %1; %2 orders.").arg(summary->details).arg(summary->orders));
    }
    auto save = [&](std::function<void(int)> finish) {
        auto added = sources.add(record);
        if (!added)
            return finish(fail(QStringLiteral("source add"), added.error().message));
        out(QStringLiteral("Added the %4 source \"%1\" (%2, prefix %3%5).")
                .arg(record.name, record.url, record.config.value(QStringLiteral("prefix")).toString(),
                     record.kind,
                     record.config.contains(QStringLiteral("site"))
                         ? QStringLiteral(", site ") + record.config.value(QStringLiteral("site")).toString()
                         : QString()));
        finish(0);
    };
    if (password.isEmpty())
        return runEventLoop(save);
    return runEventLoop([&](std::function<void(int)> finish) {
        Secrets::SecretStoreFactory::chooseForHeadless(
            db.value(), parser.value(kKeyFileOption),
            [&, finish](Result<std::shared_ptr<Secrets::SecretStore>> store) {
                if (!store)
                    return finish(fail(QStringLiteral("source add"), store.error().message));
                auto secrets = store.value();
                secrets->write(record.secretScope(), Source::SourceRecord::passwordSecretName(), password,
                               [&, secrets, finish](Common::Status written) {
                                   if (!written)
                                       return finish(
                                           fail(QStringLiteral("source add"), written.error().message));
                                   save(finish);
                               });
            });
    });
}

int sourceList(const QStringList &args, const QString &databaseUrl)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("List the shop sources."));
    parser.addOption({ QStringLiteral("json"), QStringLiteral("Print one JSON array") });
    if (!parseSubcommand(parser, QStringLiteral("source list"), args))
        return parser.isSet(QStringLiteral("help")) ? 0 : 2;
    auto db = openStore(databaseUrl, false);
    if (!db)
        return fail(QStringLiteral("source list"), db.error().message);
    auto list = Source::SourceRepo(db.value()).list();
    if (!list)
        return fail(QStringLiteral("source list"), list.error().message);
    Store::WatermarkRepo watermarks(db.value());
    QJsonArray array;
    for (const Source::SourceRecord &record : list.value()) {
        const auto orders = watermarks.value(record.name, Source::MiniShop2::EventReader::ordersStream());
        const qint64 after
            = orders && orders->has_value() ? Source::IdWatermark::fromJson(orders->value()).after : 0;
        if (parser.isSet(QStringLiteral("json"))) {
            array.append(QJsonObject { { QStringLiteral("name"), record.name },
                                       { QStringLiteral("kind"), record.kind },
                                       { QStringLiteral("url"), record.url },
                                       { QStringLiteral("config"), record.config },
                                       { QStringLiteral("orders_after"), double(after) } });
        } else {
            out(QStringLiteral("%1  %2  %3  prefix %4  %5")
                    .arg(record.name, -12)
                    .arg(record.kind, record.url, record.config.value(QStringLiteral("prefix")).toString())
                    .arg(after > 0 ? QStringLiteral("read up to order %1").arg(after)
                                   : QStringLiteral("not polled yet")));
        }
    }
    if (parser.isSet(QStringLiteral("json")))
        out(QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact)));
    else if (list->isEmpty())
        out(QStringLiteral("No sources. Add one with `crmbridgectl source add minishop2 NAME --url URL`."));
    return 0;
}

int sourceTest(const QStringList &args, const QString &databaseUrl)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Connect to a source and count what it can see."));
    parser.addPositionalArgument(QStringLiteral("name"), QStringLiteral("The source's name"));
    parser.addOption(kKeyFileOption);
    if (!parseSubcommand(parser, QStringLiteral("source test"), args))
        return parser.isSet(QStringLiteral("help")) ? 0 : 2;
    if (parser.positionalArguments().size() != 1)
        return fail(QStringLiteral("source test"), QStringLiteral("usage: source test NAME"), 2);
    auto db = openStore(databaseUrl, false);
    if (!db)
        return fail(QStringLiteral("source test"), db.error().message);
    auto record = Source::SourceRepo(db.value()).byName(parser.positionalArguments().first());
    if (!record)
        return fail(QStringLiteral("source test"), record.error().message);
    auto report = [](Result<std::shared_ptr<Source::ShopSource>> source) {
        if (!source)
            return fail(QStringLiteral("source test"), source.error().message);
        auto summary = source.value()->summary();
        if (!summary)
            return fail(QStringLiteral("source test"), summary.error().message);
        out(summary->details);
        out(QStringLiteral("Orders: %1").arg(summary->orders));
        out(QStringLiteral("Statuses: %1").arg(summary->statuses));
        out(QStringLiteral("Categories: %1").arg(summary->categories));
        return 0;
    };
    if (record->url.startsWith(QLatin1String("sqlite:")))
        return report(App::shopSources()->openWithPassword(record.value(), db.value(), {}));
    return runEventLoop([&](std::function<void(int)> finish) {
        Secrets::SecretStoreFactory::chooseForHeadless(
            db.value(), parser.value(kKeyFileOption),
            [&, finish](Result<std::shared_ptr<Secrets::SecretStore>> store) {
                if (!store)
                    return finish(fail(QStringLiteral("source test"), store.error().message));
                App::shopSources()->open(
                    record.value(), db.value(), store.value(),
                    [&report, finish](Result<std::shared_ptr<Source::ShopSource>> source) {
                        finish(report(std::move(source)));
                    });
            });
    });
}

/** Which CRM connections a source's events go to: shown, set by connection names, or --all again. */
int sourceTargets(const QStringList &args, const QString &databaseUrl)
{
    const QString command = QStringLiteral("source targets");
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Show or set the CRM connections a source sends to. By default a source sends to every "
        "enabled connection; naming connections sends only there (from the next event on).\n\n"
        "  crmbridgectl source targets shop                 show\n"
        "  crmbridgectl source targets shop retail          only to \"retail\"\n"
        "  crmbridgectl source targets shop --all           to every connection again\n\n"
        "NAME is a source's name as its events carry it: a shop source, a form endpoint's "
        "source (default \"forms\") or an import's --source."));
    parser.addPositionalArgument(QStringLiteral("name"), QStringLiteral("The source's name"));
    parser.addPositionalArgument(QStringLiteral("connections"), QStringLiteral("Connection names"),
                                 QStringLiteral("[CONNECTION...]"));
    parser.addOption({ QStringLiteral("all"), QStringLiteral("Send to every enabled connection") });
    if (!parseSubcommand(parser, command, args))
        return parser.isSet(QStringLiteral("help")) ? 0 : 2;
    const QStringList positional = parser.positionalArguments();
    const bool all = parser.isSet(QStringLiteral("all"));
    if (positional.isEmpty() || (all && positional.size() > 1))
        return fail(command, QStringLiteral("usage: source targets NAME [CONNECTION...] | NAME --all"), 2);
    auto db = openStore(databaseUrl, false);
    if (!db)
        return fail(command, db.error().message);
    Store::Outbox fanOut(db.value());
    Store::ConnectionRepo connections(db.value());
    const QString source = positional.first();
    if (all || positional.size() > 1) {
        QList<qint64> ids;
        for (const QString &name : positional.mid(1)) {
            auto connection = connections.byName(name);
            if (!connection)
                return fail(command, connection.error().message);
            ids << connection->id;
        }
        if (auto set = fanOut.setNamedTargets(source, ids); !set)
            return fail(command, set.error().message);
    }
    auto named = fanOut.namedTargets(source);
    auto targets = fanOut.targetsOf(source);
    if (!named || !targets)
        return fail(command, (!named ? named.error() : targets.error()).message);
    QStringList names;
    for (qint64 id : std::as_const(*targets)) {
        auto connection = connections.byId(id);
        names << (connection ? connection->name : QString::number(id));
    }
    out(QStringLiteral("%1 sends to %2: %3")
            .arg(source,
                 named->isEmpty() ? QStringLiteral("every enabled connection")
                                  : QStringLiteral("its named connections"),
                 names.isEmpty() ? QStringLiteral("none yet (its events wait for a CRM)")
                                 : names.join(QStringLiteral(", "))));
    return 0;
}

} // namespace

Command sourceCommand()
{
    return {
        QStringLiteral("source"),
        QStringLiteral(
            "Shop sources: add minishop2|bitrix|moysklad | list | test | targets | load | webhooks"),
        [](const QStringList &args, const QString &databaseUrl) {
            const QString sub = args.value(0);
            const QStringList rest = args.mid(1);
            if (sub == QLatin1String("add"))
                return sourceAdd(rest, databaseUrl);
            if (sub == QLatin1String("list"))
                return sourceList(rest, databaseUrl);
            if (sub == QLatin1String("test"))
                return sourceTest(rest, databaseUrl);
            if (sub == QLatin1String("targets"))
                return sourceTargets(rest, databaseUrl);
            if (sub == QLatin1String("load"))
                return sourceLoad(rest, databaseUrl);
            if (sub == QLatin1String("webhooks"))
                return sourceWebhooks(rest, databaseUrl);
            out(QStringLiteral(
                "Usage: crmbridgectl source add minishop2 NAME --url URL [--prefix modx_] [--from-start]\n"
                "       crmbridgectl source add bitrix NAME --url URL [--site s1] [--from-start]\n"
                "       crmbridgectl source add moysklad NAME --token-stdin | --login LOGIN [--url API_URL]\n"
                "       crmbridgectl source list [--json]\n"
                "       crmbridgectl source test NAME\n"
                "       crmbridgectl source targets NAME [CONNECTION...] | NAME --all\n"
                "       crmbridgectl source webhooks NAME [--url PUBLIC_URL | --off]\n"
                "       crmbridgectl source load NAME [--from-id ID] [--to-id ID] [--since DATE] [--until "
                "DATE]"
                " [--dry-run] [--restart] | NAME --progress\n"
                "Run `crmbridgectl source add --help` for the options."));
            return sub.isEmpty() || sub == QLatin1String("--help") ? 0 : 2;
        }
    };
}

Command demoShopCommand()
{
    return {
        QStringLiteral("demo-shop"), QStringLiteral("Build a miniShop2 or 1C-Bitrix demo shop database"),
        [](const QStringList &args, const QString &) {
            QCommandLineParser parser;
            parser.setApplicationDescription(QStringLiteral(
                "Build a realistic miniShop2 or 1C-Bitrix demo shop in an empty database (MariaDB/MySQL or "
                "SQLite).\nA MariaDB password may be given in the URL or, with --password-stdin, on stdin."));
            parser.addOptions(
                { { QStringLiteral("database"),
                    QStringLiteral("mysql://user@host:port/db or sqlite:///path/shop.db"),
                    QStringLiteral("URL") },
                  { QStringLiteral("orders"), QStringLiteral("How many orders (default 300)"),
                    QStringLiteral("N"), QStringLiteral("300") },
                  { QStringLiteral("kind"), QStringLiteral("minishop2 (default) or bitrix"),
                    QStringLiteral("KIND"), QStringLiteral("minishop2") },
                  { QStringLiteral("charset"),
                    QStringLiteral(
                        "Bitrix on MariaDB: the tables' character set, utf8mb4 (default) or cp1251"),
                    QStringLiteral("CHARSET"), QStringLiteral("utf8mb4") },
                  { QStringLiteral("layout"), QStringLiteral("miniShop2 layout: 4 (default) or 3"),
                    QStringLiteral("3|4"), QStringLiteral("4") },
                  { QStringLiteral("seed"), QStringLiteral("Random seed (same seed, same shop)"),
                    QStringLiteral("S"), QStringLiteral("20231101") },
                  { QStringLiteral("prefix"), QStringLiteral("Table prefix (miniShop2: modx_, Bitrix: b_)"),
                    QStringLiteral("PREFIX") },
                  { QStringLiteral("password-stdin"),
                    QStringLiteral("Read the database password from stdin") } });
            if (!parseSubcommand(parser, QStringLiteral("demo-shop"), args))
                return parser.isSet(QStringLiteral("help")) ? 0 : 2;
            if (!parser.isSet(QStringLiteral("database")))
                return fail(QStringLiteral("demo-shop"), QStringLiteral("--database URL is required"), 2);
            auto url = Source::MiniShop2::ShopDbUrl::parse(parser.value(QStringLiteral("database")));
            if (!url)
                return fail(QStringLiteral("demo-shop"), url.error().message, 2);
            if (parser.isSet(QStringLiteral("password-stdin")))
                url->password = QString::fromUtf8(readPasswordLine());
            bool ok = false;
            const int orders = parser.value(QStringLiteral("orders")).toInt(&ok);
            if (!ok)
                return fail(QStringLiteral("demo-shop"), QStringLiteral("--orders takes a number"), 2);
            const QString kind = parser.value(QStringLiteral("kind"));
            if (kind != QLatin1String("minishop2") && kind != QLatin1String("bitrix"))
                return fail(QStringLiteral("demo-shop"), QStringLiteral("--kind is minishop2 or bitrix"), 2);
            const bool bitrix = kind == QLatin1String("bitrix");
            const QString prefix = parser.isSet(QStringLiteral("prefix"))
                ? parser.value(QStringLiteral("prefix"))
                : (bitrix ? QStringLiteral("b_") : QStringLiteral("modx_"));
            auto db = Source::ShopDb::open(url.value(), prefix);
            if (!db)
                return fail(QStringLiteral("demo-shop"), db.error().message);
            if (bitrix) {
                Source::Bitrix::BitrixDemoShop::Options options;
                options.orders = orders;
                options.seed = parser.value(QStringLiteral("seed")).toUInt();
                options.charset = parser.value(QStringLiteral("charset"));
                auto stats = Source::Bitrix::BitrixDemoShop::generate(*db.value(), options);
                if (!stats)
                    return fail(QStringLiteral("demo-shop"), stats.error().message);
                out(QStringLiteral(
                        "Built a 1C-Bitrix demo shop at %1 (%2): %3 orders (%4 by legal entities, %5 "
                        "with UTM marks), %6 products, %7 catalogue sections, %8 web form results.")
                        .arg(url->toDisplayString(),
                             db.value()->isSqlite() ? QStringLiteral("utf8") : options.charset)
                        .arg(stats->orders)
                        .arg(stats->legalOrders)
                        .arg(stats->utmOrders)
                        .arg(stats->products)
                        .arg(stats->categories)
                        .arg(stats->forms));
                return 0;
            }
            Source::MiniShop2::DemoShopGenerator::Options options;
            options.orders = orders;
            options.layout = parser.value(QStringLiteral("layout")).toInt();
            options.seed = parser.value(QStringLiteral("seed")).toUInt();
            auto stats = Source::MiniShop2::DemoShopGenerator::generate(*db.value(), options);
            if (!stats)
                return fail(QStringLiteral("demo-shop"), stats.error().message);
            out(QStringLiteral(
                    "Built a miniShop2 %1.x demo shop at %2: %3 orders, %4 customers, %5 products, "
                    "%6 categories, %7 status log rows.")
                    .arg(options.layout)
                    .arg(url->toDisplayString())
                    .arg(stats->orders)
                    .arg(stats->customers)
                    .arg(stats->products)
                    .arg(stats->categories)
                    .arg(stats->logs));
            return 0;
        }
    };
}

Command importCommand()
{
    return {
        QStringLiteral("import"), QStringLiteral("Import historic orders or customers (CSV, JSON)"),
        [](const QStringList &args, const QString &databaseUrl) {
            namespace FI = Source::FileImport;
            QCommandLineParser parser;
            parser.setApplicationDescription(QStringLiteral(
                "Import historic orders or customers from a CSV (UTF-8 or Windows-1251, ';' or ',') or JSON "
                "file.\n"
                "Importing a file again adds nothing. Exit code 3: done, but some rows were skipped."));
            parser.addPositionalArgument(QStringLiteral("what"), QStringLiteral("orders or customers"));
            parser.addPositionalArgument(QStringLiteral("file"), QStringLiteral("The .csv or .json file"));
            parser.addOptions(
                { { QStringLiteral("dry-run"),
                    QStringLiteral("Report what would be imported; change nothing") },
                  { QStringLiteral("source"),
                    QStringLiteral("Source name of the jobs (use the shop source's name)"),
                    QStringLiteral("NAME"), QStringLiteral("import") },
                  { QStringLiteral("encoding"), QStringLiteral("auto (default), utf-8 or windows-1251"),
                    QStringLiteral("E"), QStringLiteral("auto") },
                  { QStringLiteral("delimiter"), QStringLiteral("CSV delimiter (default: detected)"),
                    QStringLiteral("C") },
                  { QStringLiteral("map"),
                    QStringLiteral("Column to field, e.g. \"Телефон клиента=customer.phone\" (repeatable)"),
                    QStringLiteral("COL=FIELD") } });
            if (!parseSubcommand(parser, QStringLiteral("import"), args))
                return parser.isSet(QStringLiteral("help")) ? 0 : 2;
            const QStringList positional = parser.positionalArguments();
            if (positional.size() != 2
                || (positional[0] != QLatin1String("orders") && positional[0] != QLatin1String("customers")))
                return fail(QStringLiteral("import"),
                            QStringLiteral("usage: import orders|customers FILE [--dry-run]"), 2);
            FI::ImportOptions options;
            options.kind = positional[0] == QLatin1String("orders") ? FI::RecordMapping::Kind::Orders
                                                                    : FI::RecordMapping::Kind::Customers;
            options.source = parser.value(QStringLiteral("source"));
            options.dryRun = parser.isSet(QStringLiteral("dry-run"));
            if (!FI::TextDecoding::parseName(parser.value(QStringLiteral("encoding")), &options.encoding))
                return fail(QStringLiteral("import"),
                            QStringLiteral("unknown encoding; use utf-8 or windows-1251"), 2);
            const QString delimiter = parser.value(QStringLiteral("delimiter"));
            if (!delimiter.isEmpty())
                options.delimiter = delimiter == QLatin1String("\\t") ? QChar(u'\t') : delimiter.at(0);
            for (const QString &pair : parser.values(QStringLiteral("map"))) {
                const qsizetype eq = pair.lastIndexOf(QLatin1Char('='));
                if (eq <= 0)
                    return fail(QStringLiteral("import"),
                                QStringLiteral("--map takes COLUMN=FIELD, not \"%1\"").arg(pair), 2);
                options.columnMap.insert(pair.left(eq).trimmed(), pair.mid(eq + 1).trimmed());
            }
            auto db = openStore(databaseUrl);
            if (!db)
                return fail(QStringLiteral("import"), db.error().message);
            auto report = FI::FileImporter(db.value()).importFile(positional[1], options);
            if (!report)
                return fail(QStringLiteral("import"), report.error().message);
            if (options.dryRun)
                out(QStringLiteral("Dry run: nothing was changed."));
            out(report->toText());
            return report->errors.isEmpty() ? 0 : 3;
        }
    };
}

Command formCommand()
{
    return {
        QStringLiteral("form"),
        QStringLiteral("Web forms of the intake endpoint: add | list | rotate | remove"),
        [](const QStringList &args, const QString &databaseUrl) {
            const QString sub = args.value(0);
            const QString name = args.value(1);
            const bool needsName = sub == QLatin1String("add") || sub == QLatin1String("rotate")
                || sub == QLatin1String("remove");
            if ((sub != QLatin1String("list") && !needsName) || (needsName && name.isEmpty())) {
                out(QStringLiteral(
                    "Usage: crmbridgectl form add NAME [--source forms]\n"
                    "       crmbridgectl form list | rotate NAME | remove NAME\n"
                    "Forms post to /forms/NAME with the header X-CRMBridge-Secret (see docs/forms.md)."));
                return sub.isEmpty() || sub == QLatin1String("--help") ? 0 : 2;
            }
            auto db = openStore(databaseUrl);
            if (!db)
                return fail(QStringLiteral("form"), db.error().message);
            Source::Intake::FormEndpointRepo forms(db.value());
            if (sub == QLatin1String("list")) {
                auto list = forms.list();
                if (!list)
                    return fail(QStringLiteral("form list"), list.error().message);
                for (const Source::Intake::FormEndpoint &form : list.value())
                    out(QStringLiteral("%1  source %2  %3")
                            .arg(form.name, -20)
                            .arg(form.source, form.enabled ? QStringLiteral("on") : QStringLiteral("off")));
                return 0;
            }
            if (sub == QLatin1String("remove")) {
                if (auto removed = forms.remove(name); !removed)
                    return fail(QStringLiteral("form remove"), removed.error().message);
                out(QStringLiteral("Removed the form \"%1\".").arg(name));
                return 0;
            }
            const qsizetype sourceAt = args.indexOf(QStringLiteral("--source"));
            const QString source
                = sourceAt > 0 ? args.value(sourceAt + 1, QStringLiteral("forms")) : QStringLiteral("forms");
            auto secret = sub == QLatin1String("add") ? forms.create(name, source) : forms.rotateSecret(name);
            if (!secret)
                return fail(QStringLiteral("form ") + sub, secret.error().message);
            out(QStringLiteral(
                    "The secret of the form \"%1\" (shown only now; CRM Bridge keeps only its hash):\n%2\n\n"
                    "POST /forms/%1 with the header X-CRMBridge-Secret: %2\n"
                    "or POST /forms/%1/%2")
                    .arg(name, secret.value()));
            return 0;
        }
    };
}

} // namespace Ctl
