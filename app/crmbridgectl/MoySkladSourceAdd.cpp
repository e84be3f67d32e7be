// SPDX-License-Identifier: GPL-3.0-or-later
#include "MoySkladSourceAdd.h"

#include "CtlCommand.h"
#include "ShopSources.h"
#include "StoreCommands.h"
#include "secrets/SecretStoreFactory.h"
#include "source/SourceRepo.h"
#include "source/moysklad/MoySkladSource.h"

#include <QCommandLineParser>
#include <cstdio>
#include <iostream>
#include <string>
#include <unistd.h>

namespace Ctl {

namespace {

int fail(const QString &message, int code = 1)
{
    err(QStringLiteral("crmbridgectl source add: %1").arg(message));
    return code;
}

/** The first line of stdin without its line break (a password is kept as typed, a token trimmed). */
QByteArray readSecretLine(bool password)
{
    if (::isatty(STDIN_FILENO))
        std::fputs(password ? "MoySklad password: " : "MoySklad token: ", stderr);
    std::string line;
    std::getline(std::cin, line);
    QByteArray bytes = QByteArray::fromStdString(line);
    if (bytes.endsWith('\r'))
        bytes.chop(1);
    return password ? bytes : bytes.trimmed();
}

} // namespace

int sourceAddMoySklad(const QStringList &args, const QString &databaseUrl)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Add a MoySklad account as a shop source: its private buyers, retail sales and customer orders. "
        "The API token (or, with --login, the password) is read from stdin (one line) and kept in the "
        "secret store.\n\n"
        "  crmbridgectl source add moysklad NAME --token-stdin | --login LOGIN [--url "
        "https://api.moysklad.ru/api/remap/1.2]"));
    parser.addPositionalArgument(QStringLiteral("kind"), QStringLiteral("moysklad"));
    parser.addPositionalArgument(QStringLiteral("name"), QStringLiteral("The source's name"));
    const QCommandLineOption keyFile(QStringLiteral("secret-key-file"),
                                     QStringLiteral("Key file of the encrypted-in-database secret store"),
                                     QStringLiteral("FILE"));
    parser.addOptions(
        { { QStringLiteral("token-stdin"), QStringLiteral("Read the MoySklad API token from stdin") },
          { QStringLiteral("login"),
            QStringLiteral("Sign in with this login instead; its password is read from stdin"),
            QStringLiteral("LOGIN") },
          { QStringLiteral("url"),
            QStringLiteral("The API address (default %1)")
                .arg(Source::MoySklad::MoySkladConfig::defaultApiUrl()),
            QStringLiteral("URL") },
          { QStringLiteral("requests-per-3s"),
            QStringLiteral(
                "The request budget to start with (default 45; MoySklad's headers can only lower it)"),
            QStringLiteral("N") },
          { QStringLiteral("sales-as"),
            QStringLiteral(
                "Retail sales as purchases on the buyer's CRM customer (default: amoCRM customers "
                "with a transaction and a note; a CRM without customers makes a deal) or as deals"),
            QStringLiteral("deals|purchases") },
          { QStringLiteral("from-start"),
            QStringLiteral("Send the sales and buyers already there too (default: only new ones)") },
          { QStringLiteral("no-check"), QStringLiteral("Save without connecting to MoySklad first") },
          keyFile });
    if (!parseSubcommand(parser, QStringLiteral("source add"), args))
        return parser.isSet(QStringLiteral("help")) ? 0 : 2;
    const QStringList positional = parser.positionalArguments();
    const bool byLogin = parser.isSet(QStringLiteral("login"));
    if (positional.size() != 2 || byLogin == parser.isSet(QStringLiteral("token-stdin")))
        return fail(
            QStringLiteral("usage: source add moysklad NAME --token-stdin | --login LOGIN [--url API_URL]"),
            2);
    auto db = openStore(databaseUrl);
    if (!db)
        return fail(db.error().message);

    Source::SourceRecord record;
    record.name = positional[1];
    record.kind = QStringLiteral("moysklad");
    record.url = parser.isSet(QStringLiteral("url")) ? parser.value(QStringLiteral("url")).trimmed()
                                                     : Source::MoySklad::MoySkladConfig::defaultApiUrl();
    record.config.insert(QStringLiteral("start"),
                         parser.isSet(QStringLiteral("from-start")) ? QStringLiteral("beginning")
                                                                    : QStringLiteral("latest"));
    const QString salesAs = parser.value(QStringLiteral("sales-as")).isEmpty()
        ? QStringLiteral("purchases")
        : parser.value(QStringLiteral("sales-as"));
    if (salesAs != QLatin1String("deals") && salesAs != QLatin1String("purchases"))
        return fail(QStringLiteral("--sales-as is deals or purchases, not \"%1\"").arg(salesAs), 2);
    record.config.insert(QStringLiteral("sales_as"), salesAs);
    if (byLogin)
        record.config.insert(QStringLiteral("login"), parser.value(QStringLiteral("login")).trimmed());
    if (parser.isSet(QStringLiteral("requests-per-3s")))
        record.config.insert(QStringLiteral("requests_per_3s"),
                             parser.value(QStringLiteral("requests-per-3s")).toInt());
    Source::SourceRepo sources(db.value());
    if (sources.byName(record.name))
        return fail(QStringLiteral("a source named \"%1\" already exists").arg(record.name));
    const QByteArray token = readSecretLine(byLogin);
    auto config = Source::MoySklad::MoySkladConfig::fromRecord(record, token);
    if (!config)
        return fail(config.error().message, 2);
    if (!parser.isSet(QStringLiteral("no-check"))) {
        auto source = App::shopSources()->openWithPassword(record, db.value(), token);
        if (!source)
            return fail(QStringLiteral("cannot use MoySklad: %1").arg(source.error().message));
        auto summary = source.value()->summary();
        if (!summary)
            return fail(summary.error().message);
        out(QStringLiteral("Connected: %1.").arg(summary->details));
    }
    return runEventLoop([&](std::function<void(int)> finish) {
        Secrets::SecretStoreFactory::chooseForHeadless(
            db.value(), parser.value(keyFile),
            [&, finish](Common::Result<std::shared_ptr<Secrets::SecretStore>> store) {
                if (!store)
                    return finish(fail(store.error().message));
                auto secrets = store.value();
                secrets->write(
                    record.secretScope(), Source::SourceRecord::passwordSecretName(), token,
                    [&, secrets, finish](Common::Status written) {
                        if (!written)
                            return finish(fail(written.error().message));
                        auto added = sources.add(record);
                        if (!added)
                            return finish(fail(added.error().message));
                        out(QStringLiteral(
                                "Added the moysklad source \"%1\" (%2); its %3 is in the secret store.")
                                .arg(record.name, record.url,
                                     byLogin ? QStringLiteral("password") : QStringLiteral("token")));
                        finish(0);
                    });
            });
    });
}

} // namespace Ctl
