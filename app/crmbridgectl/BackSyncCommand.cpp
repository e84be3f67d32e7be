// SPDX-License-Identifier: GPL-3.0-or-later
#include "BackSyncCommand.h"

#include "ConnectionCommands.h"
#include "StoreCommands.h"
#include "crm/ConnectorFactory.h"
#include "engine/BackSyncSetup.h"
#include "store/ConnectionRepo.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>

namespace Ctl {

using Mode = Store::BackSyncConfig::Mode;

namespace {

int fail(const QString &message, int code = 1)
{
    err(QStringLiteral("crmbridgectl backsync: %1").arg(message));
    return code;
}

QString describe(const Store::Connection &c)
{
    const Store::BackSyncConfig config = Store::BackSyncConfig::of(c);
    switch (config.mode) {
    case Mode::Off:
        return Text::tr("%1: off").arg(c.name);
    case Mode::Webhook:
        return Text::tr("%1: webhook to %2/hooks/%3/… (account %4)")
            .arg(c.name, config.publicUrl, c.crm,
                 config.subdomain.isEmpty() ? config.accountId : config.subdomain);
    case Mode::Polling:
        return Text::tr("%1: polling every %2 s").arg(c.name).arg(double(config.pollMs) / 1000);
    }
    return c.name;
}

int status(const QStringList &args, const QString &databaseUrl)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        Text::tr("How each connection's CRM stage changes come back to the shop."));
    parser.addOption({ QStringLiteral("json"), Text::tr("Machine-readable output") });
    if (!parseSubcommand(parser, QStringLiteral("backsync status"), args))
        return parser.isSet(QStringLiteral("help")) ? 0 : 2;
    auto db = openStore(databaseUrl, true);
    if (!db)
        return fail(db.error().message);
    auto connections = Store::ConnectionRepo(db.value()).list();
    if (!connections)
        return fail(connections.error().message);
    QJsonArray rows;
    for (const Store::Connection &c : connections.value()) {
        const Store::BackSyncConfig config = Store::BackSyncConfig::of(c);
        if (!parser.isSet(QStringLiteral("json"))) {
            out(describe(c));
            continue;
        }
        rows.append(QJsonObject { { "connection", c.name },
                                  { "mode", Store::BackSyncConfig::modeName(config.mode) },
                                  { "url", config.publicUrl },
                                  { "poll_seconds", double(config.pollMs) / 1000 } });
    }
    if (parser.isSet(QStringLiteral("json")))
        out(QString::fromUtf8(QJsonDocument(rows).toJson(QJsonDocument::Compact)));
    return 0;
}

int change(const QString &action, const QStringList &args, const QString &databaseUrl)
{
    QCommandLineParser parser;
    const bool enable = action == QLatin1String("enable");
    parser.setApplicationDescription(
        enable ? Text::tr("Bring the CRM's stage changes back to the shop: by webhook (--url: the public\n"
                          "address that forwards to this machine's intake server) or by polling the\n"
                          "CRM's events (--poll). `crmbridgectl run` applies them.")
               : Text::tr("Stop bringing the CRM's stage changes back (removes the webhook from the CRM)."));
    parser.addPositionalArgument(QStringLiteral("connection"), Text::tr("The connection's name"));
    if (enable) {
        parser.addOption(
            { QStringLiteral("url"),
              Text::tr("Public URL forwarding to the intake server, e.g. https://bridge.example.ru"),
              QStringLiteral("url") });
        parser.addOption({ QStringLiteral("poll"), Text::tr("Poll the CRM's events instead of a webhook") });
        parser.addOption({ QStringLiteral("interval"), Text::tr("Polling interval in seconds (default 30)"),
                           QStringLiteral("seconds"), QStringLiteral("30") });
        parser.addOption({ QStringLiteral("loss-reason"),
                           Text::tr("amoCRM loss reason id sent with moves to \"lost\" (143)"),
                           QStringLiteral("id") });
    }
    if (!parseSubcommand(parser, QStringLiteral("backsync ") + action, args))
        return parser.isSet(QStringLiteral("help")) ? 0 : 2;
    if (parser.positionalArguments().size() != 1)
        return fail(enable ? Text::tr("usage: backsync enable NAME --url PUBLIC_URL | --poll [--interval S]")
                           : Text::tr("usage: backsync disable NAME"),
                    2);
    Engine::BackSyncSetup::Request request;
    if (enable) {
        const bool poll = parser.isSet(QStringLiteral("poll"));
        if (poll == parser.isSet(QStringLiteral("url")))
            return fail(Text::tr("give either --url PUBLIC_URL or --poll"), 2);
        bool ok = false;
        const double seconds = parser.value(QStringLiteral("interval")).toDouble(&ok);
        if (!ok || seconds < 1)
            return fail(Text::tr("--interval is a number of seconds, at least 1"), 2);
        request.mode = poll ? Mode::Polling : Mode::Webhook;
        request.publicUrl = parser.value(QStringLiteral("url"));
        request.pollMs = qint64(seconds * 1000);
    }

    auto db = openStore(databaseUrl, true);
    if (!db)
        return fail(db.error().message);
    auto connection = Store::ConnectionRepo(db.value()).byName(parser.positionalArguments().first());
    if (!connection)
        return fail(Text::tr("no connection named \"%1\" (see `crmbridgectl connection list`)")
                        .arg(parser.positionalArguments().first()));
    if (parser.isSet(QStringLiteral("loss-reason"))) {
        connection->config.insert(QStringLiteral("loss_reason_id"),
                                  parser.value(QStringLiteral("loss-reason")));
        if (auto saved = Store::ConnectionRepo(db.value()).update(connection.value()); !saved)
            return fail(saved.error().message);
    }
    auto secrets = headlessSecretStore(db.value());
    if (!secrets)
        return fail(secrets.error().message);
    Crm::ConnectorFactory factory(db.value(), secrets.value());
    auto connector = factory.forConnection(connection.value())(nullptr);
    return runEventLoop([&](std::function<void(int)> finish) {
        Engine::BackSyncSetup::apply(db.value(), secrets.value(), connection->id, connector.get(), request,
                                     [&, finish](Common::Result<Store::BackSyncConfig> applied) {
                                         if (!applied) {
                                             finish(fail(applied.error().message));
                                             return;
                                         }
                                         auto updated
                                             = Store::ConnectionRepo(db.value()).byId(connection->id);
                                         out(describe(updated ? updated.value() : connection.value()));
                                         finish(0);
                                     });
    });
}

} // namespace

Command backsyncCommand()
{
    return { QStringLiteral("backsync"),
             Text::tr(
                 "CRM stage changes back to the shop: enable NAME --url URL | --poll, disable NAME, status"),
             [](const QStringList &args, const QString &databaseUrl) {
                 const QString action = args.value(0);
                 if (action == QLatin1String("enable") || action == QLatin1String("disable"))
                     return change(action, args.mid(1), databaseUrl);
                 if (action == QLatin1String("status"))
                     return status(args.mid(1), databaseUrl);
                 if (action == QLatin1String("--help") || action == QLatin1String("-h")) {
                     out(Text::tr("Usage: crmbridgectl backsync enable NAME --url PUBLIC_URL | --poll "
                                  "[--interval S] [--loss-reason ID]\n"
                                  "       crmbridgectl backsync disable NAME\n"
                                  "       crmbridgectl backsync status [--json]"));
                     return 0;
                 }
                 return fail(Text::tr("usage: backsync enable|disable NAME … | status"), 2);
             } };
}

} // namespace Ctl
