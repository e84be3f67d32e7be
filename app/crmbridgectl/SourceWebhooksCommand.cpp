// SPDX-License-Identifier: GPL-3.0-or-later
#include "SourceWebhooksCommand.h"

#include "ShopSources.h"
#include "StoreCommands.h"
#include "secrets/SecretStoreFactory.h"
#include "source/ShopWebhooks.h"

#include <QCommandLineParser>

namespace Ctl {

namespace {

const QString kCommand = QStringLiteral("source webhooks");

int fail(const QString &message, int code = 1)
{
    err(QStringLiteral("crmbridgectl %1: %2").arg(kCommand, message));
    return code;
}

QString describe(const Source::SourceRecord &record)
{
    const Source::ShopWebhooks hooks = Source::ShopWebhooks::of(record);
    if (!hooks.isOn())
        return QStringLiteral("%1: no webhooks; read at an interval").arg(record.name);
    return QStringLiteral("%1: %2 webhooks to %3/shops/%1/…; read when one arrives (and at the fallback "
                          "interval, sources.webhook_poll_interval_ms)")
        .arg(record.name)
        .arg(hooks.hookIds.size())
        .arg(hooks.publicUrl);
}

} // namespace

int sourceWebhooks(const QStringList &args, const QString &databaseUrl)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Let the shop tell the bridge when something changed (MoySklad webhooks), so a sale is read\n"
        "within seconds; the bridge still reads it every minute in case a webhook is lost. PUBLIC_URL is\n"
        "the address that forwards to an engine's intake server (setting intake.listen, 127.0.0.1:8088).\n\n"
        "  crmbridgectl source webhooks shop --url https://bridge.example.ru\n"
        "  crmbridgectl source webhooks shop --off\n"
        "  crmbridgectl source webhooks shop"));
    parser.addPositionalArgument(QStringLiteral("name"), QStringLiteral("The source's name"));
    parser.addOptions(
        { { QStringLiteral("url"), QStringLiteral("Public URL forwarding to the intake server"),
            QStringLiteral("PUBLIC_URL") },
          { QStringLiteral("off"), QStringLiteral("Remove the webhooks from the shop") },
          { QStringLiteral("secret-key-file"),
            QStringLiteral("Key file of the encrypted-in-database secret store"), QStringLiteral("FILE") } });
    if (!parseSubcommand(parser, kCommand, args))
        return parser.isSet(QStringLiteral("help")) ? 0 : 2;
    const bool off = parser.isSet(QStringLiteral("off"));
    const bool on = parser.isSet(QStringLiteral("url"));
    if (parser.positionalArguments().size() != 1 || (off && on))
        return fail(QStringLiteral("usage: source webhooks NAME [--url PUBLIC_URL | --off]"), 2);
    auto db = openStore(databaseUrl, true);
    if (!db)
        return fail(db.error().message);
    Source::SourceRepo sources(db.value());
    auto record = sources.byName(parser.positionalArguments().first());
    if (!record)
        return fail(record.error().message);
    if (!off && !on) {
        out(describe(record.value()));
        return 0;
    }
    const QString publicUrl = off ? QString() : parser.value(QStringLiteral("url")).trimmed();
    return runEventLoop([&](std::function<void(int)> finish) {
        Secrets::SecretStoreFactory::chooseForHeadless(
            db.value(), parser.value(QStringLiteral("secret-key-file")),
            [&, finish](Common::Result<std::shared_ptr<Secrets::SecretStore>> store) {
                if (!store)
                    return finish(fail(store.error().message));
                App::shopSources()->open(
                    record.value(), db.value(), store.value(),
                    [&, finish](Common::Result<std::shared_ptr<Source::ShopSource>> source) {
                        if (!source)
                            return finish(fail(source.error().message));
                        auto hooks = Source::ShopWebhooks::switchTo(publicUrl, record.value(),
                                                                    *source.value(), sources);
                        if (!hooks)
                            return finish(fail(hooks.error().message));
                        auto saved = sources.byName(record->name);
                        out(describe(saved ? saved.value() : record.value()));
                        finish(0);
                    });
            });
    });
}

} // namespace Ctl
