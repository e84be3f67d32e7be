// SPDX-License-Identifier: GPL-3.0-or-later
#include "ConnectionCommands.h"

#include "StoreCommands.h"
#include "crm/ConnectorFactory.h"
#include "crm/amocrm/AmoBrowserSignIn.h"
#include "crm/amocrm/AmoCrmConnector.h"
#include "crm/amocrm/AmoOAuthSession.h"
#include "crm/retailcrm/RetailCrmConnector.h"
#include "engine/MissingFieldCreator.h"
#include "net/HttpClient.h"
#include "secrets/SecretStoreFactory.h"
#include "store/ConnectionRepo.h"
#include "store/CredentialExpiryRepo.h"
#include "store/JobRepo.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QTextStream>
#include <QTimer>
#include <cstdio>

namespace Ctl {

using namespace Crm::AmoCrm;

namespace {

QString s_secretKeyFile;

QString readStdinLine()
{
    QTextStream in(stdin);
    return in.readLine().trimmed();
}

/** The headless secret store (key file, else keychain); crmbridgectl's only event loop runs here. */
Common::Result<std::shared_ptr<Secrets::SecretStore>> secretStore(std::shared_ptr<Storage::Database> db)
{
    std::optional<Common::Result<std::shared_ptr<Secrets::SecretStore>>> chosen;
    QEventLoop loop;
    Secrets::SecretStoreFactory::chooseForHeadless(db, s_secretKeyFile, [&](auto result) {
        chosen.emplace(std::move(result));
        loop.quit();
    });
    if (!chosen)
        loop.exec();
    return *chosen;
}

struct Opened
{
    std::shared_ptr<Storage::Database> db;
    std::shared_ptr<Secrets::SecretStore> secrets;
    Store::Connection connection;
};

Common::Result<Opened> openConnection(const QString &databaseUrl, const QString &name,
                                      const QStringList &kinds = { QStringLiteral("amocrm") })
{
    auto db = openStore(databaseUrl, true);
    if (!db)
        return db.error();
    auto connection = Store::ConnectionRepo(db.value()).byName(name);
    if (!connection)
        return Common::Error::notFound(
            Text::tr("No connection named \"%1\" (see `crmbridgectl connection list`)").arg(name));
    if (!kinds.contains(connection->crm))
        return Common::Error::invalidInput(
            Text::tr("Connection \"%1\" is not an amoCRM connection").arg(name));
    auto secrets = secretStore(db.value());
    if (!secrets)
        return secrets.error();
    return Opened { db.value(), secrets.value(), connection.value() };
}

AmoIntegration integrationOf(const Store::Connection &c)
{
    return { QUrl(c.baseUrl), c.config.value("client_id").toString(),
             c.config.value("redirect_uri").toString() };
}

Net::HttpClient::Options clientOptions(const Store::Connection &c)
{
    Net::HttpClient::Options o;
    const QUrl base(c.baseUrl);
    o.account
        = QStringLiteral("amocrm:%1:%2").arg(base.host()).arg(base.port(base.scheme() == "http" ? 80 : 443));
    o.limit.requestsPerSecond = c.config.value("rate_limit").toDouble(7);
    return o;
}

/**
 * Opens the authorize URL: with $BROWSER when set (the usual convention: the first of its
 * colon-separated commands, "%s" replaced by the URL or the URL appended — also how tests plug in a
 * fake browser), else xdg-open when there is a display; otherwise the printed address is enough.
 */
void openInBrowser(const QUrl &url)
{
    const QString address = url.toString(QUrl::FullyEncoded);
    const QString browser = qEnvironmentVariable("BROWSER").section(QLatin1Char(':'), 0, 0).trimmed();
    if (!browser.isEmpty()) {
        QStringList command = QProcess::splitCommand(browser);
        if (command.isEmpty())
            return;
        bool placed = false;
        for (QString &part : command) {
            if (part.contains(QLatin1String("%s"))) {
                part.replace(QLatin1String("%s"), address);
                placed = true;
            }
        }
        if (!placed)
            command << address;
        const QString program = command.takeFirst();
        if (!QProcess::startDetached(program, command))
            err(Text::tr("crmbridgectl: could not start the browser \"%1\"").arg(program));
        return;
    }
    if (!qEnvironmentVariableIsEmpty("DISPLAY") || !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY"))
        QProcess::startDetached(QStringLiteral("xdg-open"), { address });
}

int fail(const QString &message, int code = 1)
{
    err(QStringLiteral("crmbridgectl: %1").arg(message));
    return code;
}

/** Stores the connection and its secret; the connection is removed again when the secret cannot be kept. */
int addWithSecret(const QString &databaseUrl, const Store::Connection &c, const QString &secretName,
                  const QString &secret, qint64 *id = nullptr)
{
    auto db = openStore(databaseUrl, true);
    if (!db)
        return fail(db.error().message);
    auto secrets = secretStore(db.value());
    if (!secrets)
        return fail(secrets.error().message);
    auto added = Store::ConnectionRepo(db.value()).add(c);
    if (!added)
        return fail(added.error().message);
    std::optional<Common::Status> written;
    QEventLoop loop;
    secrets.value()->write(Secrets::SecretStore::connectionScope(added->id), secretName, secret.toUtf8(),
                           [&](Common::Status s) {
                               written.emplace(s);
                               loop.quit();
                           });
    if (!written)
        loop.exec();
    if (!written->ok()) {
        (void)Store::ConnectionRepo(db.value()).remove(added->id);
        return fail(written->error().message);
    }
    if (id)
        *id = added->id;
    return 0;
}

/** `connection add retailcrm NAME --base-url URL --site CODE` with the API key on stdin. */
int retailCrmAdd(const QCommandLineParser &parser, const QString &name, const QString &databaseUrl)
{
    const QUrl base(parser.value(QStringLiteral("base-url")));
    const QString site = parser.value(QStringLiteral("site"));
    if (!base.isValid() || base.scheme().isEmpty() || base.host().isEmpty() || site.isEmpty())
        return fail(Text::tr("--base-url and --site are required"), 2);
    const QString key = readStdinLine();
    if (key.isEmpty())
        return fail(Text::tr("the API key is read from stdin and was empty"), 2);
    Store::Connection c;
    c.name = name;
    c.crm = QStringLiteral("retailcrm");
    c.baseUrl = base.toString(QUrl::StripTrailingSlash);
    c.config = QJsonObject { { "site", site } };
    if (parser.isSet(QStringLiteral("rate-limit")))
        c.config.insert("rate_limit", parser.value(QStringLiteral("rate-limit")).toDouble());
    c.state = QStringLiteral("new");
    if (const int code = addWithSecret(databaseUrl, c, Crm::RetailCrm::RetailSecretNames::apiKey(), key))
        return code;
    out(Text::tr("Added RetailCRM connection \"%1\" (site %2). Check it with `crmbridgectl connection "
                 "test %1`.")
            .arg(c.name, site));
    return 0;
}

int connectionAdd(const QStringList &args, const QString &databaseUrl)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        Text::tr("Add a CRM connection. The client secret (amoCRM) or the API key (RetailCRM) is read "
                 "from stdin."));
    parser.addPositionalArgument(QStringLiteral("crm"), Text::tr("amocrm or retailcrm"));
    parser.addPositionalArgument(QStringLiteral("name"), Text::tr("Your name for the connection"));
    parser.addOption({ QStringLiteral("base-url"), Text::tr("The account, e.g. https://example.amocrm.ru"),
                       QStringLiteral("url") });
    parser.addOption({ QStringLiteral("client-id"), Text::tr("The integration id"), QStringLiteral("id") });
    parser.addOption({ QStringLiteral("redirect-uri"), Text::tr("The integration's redirect URI"),
                       QStringLiteral("uri") });
    parser.addOption(
        { QStringLiteral("site"), Text::tr("RetailCRM: the shop's site code"), QStringLiteral("code") });
    parser.addOption({ QStringLiteral("rate-limit"), Text::tr("RetailCRM: requests per second (default 10)"),
                       QStringLiteral("rps") });
    if (!parseSubcommand(parser, QStringLiteral("connection add"), args))
        return parser.isSet(QStringLiteral("help")) ? 0 : 2;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() == 2 && positional[0] == QLatin1String("retailcrm"))
        return retailCrmAdd(parser, positional[1], databaseUrl);
    if (positional.size() != 2 || positional[0] != QLatin1String("amocrm"))
        return fail(
            Text::tr("usage: connection add amocrm NAME --base-url URL --client-id ID --redirect-uri URI\n"
                     "       connection add retailcrm NAME --base-url URL --site CODE"),
            2);
    const QUrl base(parser.value(QStringLiteral("base-url")));
    if (!base.isValid() || base.scheme().isEmpty() || base.host().isEmpty()
        || parser.value(QStringLiteral("client-id")).isEmpty()
        || parser.value(QStringLiteral("redirect-uri")).isEmpty())
        return fail(Text::tr("--base-url, --client-id and --redirect-uri are required"), 2);
    const QString secret = readStdinLine();
    if (secret.isEmpty())
        return fail(Text::tr("the client secret is read from stdin and was empty"), 2);
    Store::Connection c;
    c.name = positional[1];
    c.crm = QStringLiteral("amocrm");
    c.baseUrl = base.toString(QUrl::StripTrailingSlash);
    c.config = QJsonObject { { "client_id", parser.value(QStringLiteral("client-id")) },
                             { "redirect_uri", parser.value(QStringLiteral("redirect-uri")) } };
    c.state = QStringLiteral("new");
    qint64 id = 0;
    if (const int code = addWithSecret(databaseUrl, c, AmoSecretNames::clientSecret(), secret, &id))
        return code;
    out(Text::tr("Added amoCRM connection \"%1\" (id %2). Sign in with `crmbridgectl login %1 "
                 "--browser` or --code.")
            .arg(c.name)
            .arg(id));
    return 0;
}

int connectionList(const QStringList &args, const QString &databaseUrl)
{
    QCommandLineParser parser;
    parser.addOption({ QStringLiteral("json"), Text::tr("Print JSON") });
    if (!parseSubcommand(parser, QStringLiteral("connection list"), args))
        return parser.isSet(QStringLiteral("help")) ? 0 : 2;
    auto db = openStore(databaseUrl, true);
    if (!db)
        return fail(db.error().message);
    auto list = Store::ConnectionRepo(db.value()).list();
    if (!list)
        return fail(list.error().message);
    Store::CredentialExpiryRepo expiries(db.value());
    auto isoOrEmpty = [](qint64 ms) {
        return ms > 0 ? QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODate) : QString();
    };
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray array;
        for (const Store::Connection &c : list.value()) {
            QJsonObject o { { "id", c.id },       { "name", c.name },
                            { "crm", c.crm },     { "base_url", c.baseUrl },
                            { "state", c.state }, { "enabled", c.enabled() } };
            if (auto expiry = expiries.load(c.id); expiry && expiry->isKnown()) {
                o.insert("credential_kind", expiry->kind);
                o.insert("access_expires_at", isoOrEmpty(expiry->accessExpiresAt));
                o.insert("refresh_expires_at", isoOrEmpty(expiry->refreshExpiresAt));
                o.insert("expiry_warning", expiry->warning);
            }
            array.append(o);
        }
        out(QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact)));
        return 0;
    }
    if (list->isEmpty())
        out(Text::tr("No connections."));
    for (const Store::Connection &c : list.value()) {
        QString line = QStringLiteral("%1  %2  %3  %4  %5")
                           .arg(c.id, 3)
                           .arg(c.name, -16)
                           .arg(c.crm, -9)
                           .arg(c.enabled() ? c.state : QStringLiteral("disabled"), -14)
                           .arg(c.baseUrl);
        if (auto expiry = expiries.load(c.id); expiry && expiry->isKnown()) {
            line += expiry->kind == QLatin1String("long-lived")
                ? Text::tr("  long-lived token until %1").arg(isoOrEmpty(expiry->accessExpiresAt))
                : Text::tr("  access until %1, refresh until %2")
                      .arg(isoOrEmpty(expiry->accessExpiresAt), isoOrEmpty(expiry->refreshExpiresAt));
            if (!expiry->warning.isEmpty())
                line += Text::tr("\n     warning: %1").arg(expiry->warning);
        }
        out(line);
    }
    return 0;
}

/** `connection remove NAME`: its queued jobs are cancelled, its secrets deleted; history (jobs, log,
 *  mapping versions, audit) stays. */
int connectionRemove(const QStringList &args, const QString &databaseUrl)
{
    if (args.size() != 1 || args.first().startsWith(QLatin1Char('-'))) {
        err(Text::tr("Usage: crmbridgectl connection remove NAME"));
        return 2;
    }
    auto db = openStore(databaseUrl, false);
    if (!db)
        return fail(db.error().message);
    Store::ConnectionRepo repo(db.value());
    auto connection = repo.byName(args.first());
    if (!connection)
        return fail(connection.error().message);
    auto secrets = secretStore(db.value());
    if (!secrets)
        return fail(secrets.error().message);
    // Secrets first: a connection removed with its key left behind would keep a secret nobody can see.
    for (const QString &name :
         { Crm::AmoCrm::AmoSecretNames::tokens(), Crm::AmoCrm::AmoSecretNames::clientSecret(),
           Crm::RetailCrm::RetailSecretNames::apiKey() }) {
        std::optional<Common::Status> removed;
        QEventLoop loop;
        secrets.value()->remove(Secrets::SecretStore::connectionScope(connection->id), name,
                                [&](Common::Status st) {
                                    removed.emplace(st);
                                    loop.quit();
                                });
        if (!removed)
            loop.exec();
        if (!removed->ok() && removed->error().kind != Common::ErrorKind::NotFound)
            return fail(removed->error().message);
    }
    auto queued
        = Store::JobRepo(db.value())
              .count(Store::JobQuery {
                  { Store::JobState::Pending, Store::JobState::Failed }, connection->id, {}, {}, 0, 0 });
    if (auto removed = repo.remove(connection->id); !removed)
        return fail(removed.error().message);
    out(Text::tr("Removed \"%1\"; %n of its jobs that were still to be sent are cancelled. Its log and "
                 "history stay.",
                 nullptr, queued ? int(queued.value()) : 0)
            .arg(connection->name));
    return 0;
}

int connectionSet(const QStringList &args, const QString &databaseUrl)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(Text::tr("Change a connection's settings."));
    parser.addPositionalArgument(QStringLiteral("name"), Text::tr("The connection"));
    parser.addOption({ QStringLiteral("auto-create-fields"),
                       Text::tr("Which CRM fields the engine may create when the mapping names one the "
                                "account lacks: deals, contacts, both as \"deals,contacts\", or none"),
                       QStringLiteral("which") });
    parser.addOption({ QStringLiteral("enabled"),
                       Text::tr("on: the connection gets the shops' new events and its lane runs; off: "
                                "nothing new is queued for it and its queued jobs wait"),
                       QStringLiteral("on|off") });
    if (!parseSubcommand(parser, QStringLiteral("connection set"), args))
        return parser.isSet(QStringLiteral("help")) ? 0 : 2;
    const bool setFields = parser.isSet(QStringLiteral("auto-create-fields"));
    const bool setEnabled = parser.isSet(QStringLiteral("enabled"));
    if (parser.positionalArguments().size() != 1 || (!setFields && !setEnabled))
        return fail(Text::tr("usage: connection set NAME [--auto-create-fields deals,contacts|none] "
                             "[--enabled on|off]"),
                    2);
    QStringList which = parser.value(QStringLiteral("auto-create-fields")).toLower().split(QLatin1Char(','));
    for (QString &w : which)
        w = w.trimmed();
    which.removeAll(QString());
    which.removeAll(QStringLiteral("none"));
    for (const QString &w : std::as_const(which)) {
        if (w != QLatin1String("deals") && w != QLatin1String("contacts"))
            return fail(Text::tr("--auto-create-fields takes deals, contacts or none, not \"%1\"").arg(w), 2);
    }
    const QString enabled = parser.value(QStringLiteral("enabled")).toLower();
    if (setEnabled && enabled != QLatin1String("on") && enabled != QLatin1String("off"))
        return fail(Text::tr("--enabled takes on or off, not \"%1\"").arg(enabled), 2);
    auto db = openStore(databaseUrl, true);
    if (!db)
        return fail(db.error().message);
    Store::ConnectionRepo repo(db.value());
    auto connection = repo.byName(parser.positionalArguments().first());
    if (!connection)
        return fail(connection.error().message);
    if (setFields) {
        connection->config.insert(Engine::FieldCreationPolicy::dealKey(),
                                  which.contains(QStringLiteral("deals")));
        connection->config.insert(Engine::FieldCreationPolicy::contactKey(),
                                  which.contains(QStringLiteral("contacts")));
    }
    if (setEnabled)
        connection->config.insert(QStringLiteral("enabled"), enabled == QLatin1String("on"));
    if (auto updated = repo.update(connection.value()); !updated)
        return fail(updated.error().message);
    if (setFields)
        out(Text::tr("\"%1\" may create missing CRM fields for: %2")
                .arg(connection->name,
                     which.isEmpty() ? Text::tr("nothing") : which.join(QStringLiteral(", "))));
    if (setEnabled)
        out(connection->enabled()
                ? Text::tr("\"%1\" is enabled: it gets the shops' new events (a running engine starts "
                           "its lane within seconds)")
                      .arg(connection->name)
                : Text::tr("\"%1\" is disabled: nothing new is queued for it, and its queued jobs wait "
                           "until it is enabled again")
                      .arg(connection->name));
    return 0;
}

int connectionTest(const QStringList &args, const QString &databaseUrl)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("name"), Text::tr("The connection"));
    if (!parseSubcommand(parser, QStringLiteral("connection test"), args))
        return parser.isSet(QStringLiteral("help")) ? 0 : 2;
    if (parser.positionalArguments().size() != 1)
        return fail(Text::tr("usage: connection test NAME"), 2);
    auto opened = openConnection(databaseUrl, parser.positionalArguments().first(),
                                 { QStringLiteral("amocrm"), QStringLiteral("retailcrm") });
    if (!opened)
        return fail(opened.error().message);
    const Store::Connection &c = opened->connection;
    QObject owner;
    std::unique_ptr<Crm::CrmConnector> connector;
    QNetworkAccessManager network;
    if (c.crm == QLatin1String("amocrm")) {
        AmoOAuthSession::Config config;
        config.connectionId = c.id;
        config.integration = integrationOf(c);
        auto session = std::make_shared<AmoOAuthSession>(config, opened->secrets, opened->db);
        AmoConnectorConfig amo;
        amo.connectionId = c.id;
        amo.lane = QStringLiteral("crmbridgectl");
        amo.baseUrl = QUrl(c.baseUrl);
        amo.limit = clientOptions(c).limit;
        connector = std::make_unique<AmoCrmConnector>(amo, session, opened->db, &network);
    } else {
        connector = Crm::ConnectorFactory(opened->db, opened->secrets).forConnection(c)(&owner);
    }
    std::optional<Common::Result<Crm::AccountInfo>> info;
    QEventLoop loop;
    connector->testConnection([&](Common::Result<Crm::AccountInfo> r) {
        info.emplace(std::move(r));
        loop.quit();
    });
    if (!info)
        loop.exec();
    if (!info->ok())
        return fail(Text::tr("connection \"%1\" does not work: %2").arg(c.name, info->error().message),
                    info->error().kind == Common::ErrorKind::Auth ? 3 : 1);
    const Crm::AccountInfo &a = info->value();
    out(Text::tr("Account: %1 (%2, id %3)").arg(a.accountName, a.subdomain, a.accountId));
    if (c.crm == QLatin1String("amocrm"))
        out(Text::tr("Signed in as: %1 <%2> (user %3)").arg(a.userName, a.userEmail, a.userId));
    else
        out(Text::tr("Signed in with: %1").arg(a.userName));
    (void)Store::ConnectionRepo(opened->db).setState(c.id, QStringLiteral("signed-in"));
    return 0;
}

int login(const QStringList &args, const QString &databaseUrl)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(Text::tr("Sign a connection in to amoCRM."));
    parser.addPositionalArgument(QStringLiteral("name"), Text::tr("The connection"));
    parser.addOption(
        { QStringLiteral("code"), Text::tr("The 20-minute authorization code"), QStringLiteral("code") });
    parser.addOption({ QStringLiteral("redirect-url"), Text::tr("The whole address the browser was sent to"),
                       QStringLiteral("url") });
    parser.addOption(
        { QStringLiteral("long-lived-token-stdin"), Text::tr("Read a long-lived token from stdin") });
    parser.addOption(
        { QStringLiteral("browser"), Text::tr("Sign in in the browser (loopback redirect URI)") });
    parser.addOption({ QStringLiteral("timeout"), Text::tr("Seconds to wait for the browser"),
                       QStringLiteral("s"), QStringLiteral("300") });
    if (!parseSubcommand(parser, QStringLiteral("login"), args))
        return parser.isSet(QStringLiteral("help")) ? 0 : 2;
    const int modes = int(parser.isSet(QStringLiteral("code")))
        + int(parser.isSet(QStringLiteral("redirect-url")))
        + int(parser.isSet(QStringLiteral("long-lived-token-stdin")))
        + int(parser.isSet(QStringLiteral("browser")));
    if (parser.positionalArguments().size() != 1 || modes != 1)
        return fail(
            Text::tr(
                "usage: login NAME --code CODE | --redirect-url URL | --long-lived-token-stdin | --browser"),
            2);
    auto opened = openConnection(databaseUrl, parser.positionalArguments().first());
    if (!opened)
        return fail(opened.error().message);
    const Store::Connection &c = opened->connection;
    std::optional<Common::Result<QByteArray>> secret;
    QEventLoop loop;
    opened->secrets->read(Secrets::SecretStore::connectionScope(c.id), AmoSecretNames::clientSecret(),
                          [&](auto r) {
                              secret.emplace(std::move(r));
                              loop.quit();
                          });
    if (!secret)
        loop.exec();
    if (!secret->ok())
        return fail(
            Text::tr("the client secret of \"%1\" cannot be read: %2").arg(c.name, secret->error().message));

    QNetworkAccessManager network;
    Net::HttpClient client(&network, clientOptions(c));
    AmoBrowserSignIn signIn(&client, opened->secrets);
    signIn.setExpiryStore(opened->db);
    AmoBrowserSignIn::Config config { c.id, integrationOf(c), QString::fromUtf8(secret->value()) };
    config.timeoutSecs = parser.value(QStringLiteral("timeout")).toInt();
    std::optional<Common::Result<AmoTokenSet>> result;
    QObject::connect(&signIn, &AmoBrowserSignIn::finished, &loop, [&](const Common::Result<AmoTokenSet> &r) {
        result.emplace(r);
        loop.quit();
    });
    QObject::connect(&signIn, &AmoBrowserSignIn::authorizeUrlReady, &loop, [](const QUrl &url) {
        out(Text::tr("Open this address in a browser and allow access:\n  %1")
                .arg(url.toString(QUrl::FullyEncoded)));
        openInBrowser(url);
    });
    QObject::connect(&signIn, &AmoBrowserSignIn::statusChanged, &loop,
                     [](AmoBrowserSignIn::State state, int left) {
                         if (state == AmoBrowserSignIn::State::WaitingForBrowser && left % 15 == 0)
                             err(Text::tr("Waiting for the browser… %1 s left").arg(left));
                         else if (state == AmoBrowserSignIn::State::Exchanging)
                             err(Text::tr("Exchanging the code…"));
                     });
    Common::Status started;
    if (parser.isSet(QStringLiteral("browser")))
        started = signIn.start(config);
    else if (parser.isSet(QStringLiteral("long-lived-token-stdin")))
        started = signIn.submitLongLivedToken(config, readStdinLine());
    else
        started = signIn.submitPasted(config,
                                      parser.isSet(QStringLiteral("code"))
                                          ? parser.value(QStringLiteral("code"))
                                          : parser.value(QStringLiteral("redirect-url")));
    if (!started)
        return fail(started.error().message, 2);
    if (!result)
        loop.exec();
    if (signIn.isAnsweringBrowser()) {
        // Let the browser get its "signed in" page before the process ends.
        QObject::connect(&signIn, &AmoBrowserSignIn::browserAnswered, &loop, &QEventLoop::quit);
        QTimer::singleShot(3000, &loop, &QEventLoop::quit);
        loop.exec();
    }
    if (!result->ok()) {
        (void)Store::ConnectionRepo(opened->db).setState(c.id, QStringLiteral("needs-sign-in"));
        return fail(Text::tr("sign-in failed: %1").arg(result->error().message));
    }
    (void)Store::ConnectionRepo(opened->db).setState(c.id, QStringLiteral("signed-in"));
    out(Text::tr("Signed in: \"%1\" at %2. Check it with `crmbridgectl connection test %1`.")
            .arg(c.name, result->value().baseUrl));
    return 0;
}

} // namespace

void setSecretKeyFile(const QString &path)
{
    s_secretKeyFile = path;
}

Common::Result<std::shared_ptr<Secrets::SecretStore>>
headlessSecretStore(std::shared_ptr<Storage::Database> db)
{
    return secretStore(std::move(db));
}

Command connectionCommand()
{
    return { QStringLiteral("connection"), Text::tr("Add, list and test CRM connections"),
             [](const QStringList &args, const QString &databaseUrl) {
                 const QString sub = args.value(0);
                 if (sub == QLatin1String("add"))
                     return connectionAdd(args.mid(1), databaseUrl);
                 if (sub == QLatin1String("list"))
                     return connectionList(args.mid(1), databaseUrl);
                 if (sub == QLatin1String("test"))
                     return connectionTest(args.mid(1), databaseUrl);
                 if (sub == QLatin1String("set"))
                     return connectionSet(args.mid(1), databaseUrl);
                 if (sub == QLatin1String("remove"))
                     return connectionRemove(args.mid(1), databaseUrl);
                 if (sub == QLatin1String("--help") || sub.isEmpty()) {
                     out(Text::tr(
                         "Usage: crmbridgectl connection add amocrm NAME --base-url URL --client-id ID "
                         "--redirect-uri URI   (client secret on stdin)\n"
                         "       crmbridgectl connection add retailcrm NAME --base-url URL --site CODE "
                         "[--rate-limit RPS]   (API key on stdin)\n"
                         "       crmbridgectl connection list [--json]\n"
                         "       crmbridgectl connection test NAME\n"
                         "       crmbridgectl connection set NAME [--auto-create-fields deals,contacts|none] "
                         "[--enabled on|off]\n"
                         "       crmbridgectl connection remove NAME   (cancels its queued jobs; keeps its "
                         "history)"));
                     return sub.isEmpty() ? 2 : 0;
                 }
                 return fail(
                     Text::tr("unknown connection command \"%1\" (add, list, test, set, remove)").arg(sub),
                     2);
             } };
}

Command loginCommand()
{
    return { QStringLiteral("login"), Text::tr("Sign a connection in (--code, --redirect-url, --browser …)"),
             login };
}

} // namespace Ctl
