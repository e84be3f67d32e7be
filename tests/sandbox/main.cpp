// SPDX-License-Identifier: GPL-3.0-or-later
// crm-sandbox: runs an emulated CRM on loopback and prints one JSON "ready" line on stdout.

#include "amocrm/AmoCrmSandbox.h"
#include "common/FaultInjector.h"
#include "moysklad/MoySkladSandbox.h"
#include "retailcrm/RetailCrmSandbox.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonDocument>
#include <QSocketNotifier>
#include <csignal>
#include <cstdio>
#include <sys/socket.h>
#include <unistd.h>

namespace {

int s_signalFds[2] = { -1, -1 };

void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const auto n = ::write(s_signalFds[1], &byte, 1);
}

int fail(const QString &message)
{
    std::fprintf(stderr, "crm-sandbox: %s\n", qPrintable(message));
    return 2;
}

/** Starts @p sandbox, prints its ready line and runs until SIGINT/SIGTERM quits the event loop. */
template<typename Sandbox> int run(QCoreApplication &app, Sandbox &sandbox)
{
    QString error;
    if (!sandbox.start(&error))
        return fail(error);
    const QByteArray line = QJsonDocument(sandbox.readyInfo()).toJson(QJsonDocument::Compact);
    std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
    const int rc = app.exec();
    sandbox.stop();
    return rc;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("crm-sandbox"));
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "A local emulator of the amoCRM API v4, the RetailCRM API v5 or the MoySklad JSON API 1.2 for tests "
        "and demos."));
    parser.addHelpOption();
    const QCommandLineOption crm("crm", "Which CRM to emulate: amocrm, retailcrm or moysklad.", "name",
                                 "amocrm");
    const QCommandLineOption port("port", "TCP port on 127.0.0.1; 0 picks a free one.", "port", "0");
    const QCommandLineOption seed("seed", "Seed profile: empty or demo.", "profile", "empty");
    const QCommandLineOption rate("rate",
                                  "Requests per second per account (amocrm, default 7) or per API key "
                                  "(retailcrm, default 10); 0 = unlimited.",
                                  "rps");
    const QCommandLineOption answerMs("answer-ms",
                                      "How long every API answer takes, in ms (a real CRM over the "
                                      "internet: hundreds); default 0.",
                                      "ms", "0");
    const QCommandLineOption faults(
        "faults",
        "Fault profiles, comma-separated: " + Sandbox::FaultInjector::profileNames().join(", ") + ".",
        "profiles");
    const QCommandLineOption snapshot(
        "snapshot", "JSON state file: loaded at start if present, written at exit.", "file");
    const QCommandLineOption redirect("redirect-uri", "Redirect URI of the default integration.", "uri");
    const QCommandLineOption autoApprove("auto-approve",
                                         "GET /oauth redirects at once instead of showing Allow/Deny.");
    const QCommandLineOption webhookTimeout("webhook-timeout", "Webhook delivery deadline in ms.", "ms",
                                            "2000");
    const QCommandLineOption accessTtl("access-token-ttl", "Access token lifetime in seconds.", "seconds",
                                       "86400");
    const QCommandLineOption subdomain("subdomain", "Subdomain of the default account.", "name", "sandbox");
    const QCommandLineOption clientId("client-id", "client_id of the default integration.", "id");
    const QCommandLineOption clientSecret("client-secret", "client_secret of the default integration.",
                                          "secret");
    const QCommandLineOption site("site", "retailcrm: code of the first site.", "code", "demo-shop");
    const QCommandLineOption apiKey("api-key", "retailcrm: the full-access API key.", "key");
    const QCommandLineOption login("login", "moysklad: the admin's login.", "login");
    const QCommandLineOption password("password", "moysklad: the admin's password.", "password");
    const QCommandLineOption weight(
        "weight",
        "moysklad: units one request costs of the 45-per-3-s budget (1 = a solution "
        "token, 4 = a user's login or token since 2026-12-01).",
        "units", "1");
    const QCommandLineOption budget("budget", "moysklad: units per 3-second window; 0 = unlimited.", "units",
                                    "45");
    parser.addOptions({ crm,      port,        seed,           rate,      answerMs,  faults,   snapshot,
                        redirect, autoApprove, webhookTimeout, accessTtl, subdomain, clientId, clientSecret,
                        site,     apiKey,      login,          password,  weight,    budget });
    parser.process(app);

    const QString crmName = parser.value(crm);
    if (crmName != QLatin1String("amocrm") && crmName != QLatin1String("retailcrm")
        && crmName != QLatin1String("moysklad"))
        return fail(QStringLiteral("unsupported --crm '%1' (amocrm, retailcrm, moysklad)").arg(crmName));
    bool ok = false;
    const quint16 portValue = quint16(parser.value(port).toUInt(&ok));
    if (!ok)
        return fail(QStringLiteral("bad --port"));
    const double rateValue
        = parser.isSet(rate) ? parser.value(rate).toDouble(&ok) : (crmName == "amocrm" ? 7 : 10);
    if (!ok || rateValue < 0)
        return fail(QStringLiteral("bad --rate"));
    const int answerMsValue = parser.value(answerMs).toInt(&ok);
    if (!ok || answerMsValue < 0)
        return fail(QStringLiteral("bad --answer-ms"));

    Sandbox::RetailCrm::RetailSandboxOptions retail;
    if (crmName == QLatin1String("retailcrm")) {
        if (parser.isSet(snapshot))
            return fail(QStringLiteral("--snapshot is not supported for retailcrm"));
        retail.port = portValue;
        retail.seed = parser.value(seed);
        retail.rate = rateValue;
        retail.answerMs = answerMsValue;
        retail.faults = parser.value(faults);
        retail.site = parser.value(site);
        if (parser.isSet(apiKey))
            retail.apiKey = parser.value(apiKey);
        if (retail.site.isEmpty() || retail.apiKey.isEmpty())
            return fail(QStringLiteral("--site and --api-key must not be empty"));
    }

    Sandbox::MoySklad::MoySkladSandboxOptions moysklad;
    if (crmName == QLatin1String("moysklad")) {
        if (parser.isSet(snapshot))
            return fail(QStringLiteral("--snapshot is not supported for moysklad"));
        moysklad.port = portValue;
        moysklad.seed = parser.value(seed);
        moysklad.faults = parser.value(faults);
        if (parser.isSet(login))
            moysklad.login = parser.value(login);
        if (parser.isSet(password))
            moysklad.password = parser.value(password);
        moysklad.weight = parser.value(weight).toInt(&ok);
        if (!ok || moysklad.weight < 1)
            return fail(QStringLiteral("bad --weight"));
        moysklad.budget = parser.value(budget).toInt(&ok);
        if (!ok || moysklad.budget < 0)
            return fail(QStringLiteral("bad --budget"));
        if (parser.isSet(webhookTimeout))
            moysklad.webhookTimeoutMs = parser.value(webhookTimeout).toInt(&ok);
        if (!ok || moysklad.webhookTimeoutMs <= 0 || moysklad.login.isEmpty() || moysklad.password.isEmpty())
            return fail(QStringLiteral("bad --webhook-timeout, --login or --password"));
    }

    Sandbox::AmoCrm::AmoSandboxOptions options;
    options.port = portValue;
    options.seed = parser.value(seed);
    options.rate = rateValue;
    options.answerMs = answerMsValue;
    options.faults = parser.value(faults);
    options.snapshotFile = parser.value(snapshot);
    if (parser.isSet(redirect))
        options.redirectUri = parser.value(redirect);
    options.autoApprove = parser.isSet(autoApprove);
    options.webhookTimeoutMs = parser.value(webhookTimeout).toInt(&ok);
    if (!ok || options.webhookTimeoutMs <= 0)
        return fail(QStringLiteral("bad --webhook-timeout"));
    options.accessTokenTtlSecs = parser.value(accessTtl).toLongLong(&ok);
    if (!ok || options.accessTokenTtlSecs <= 0)
        return fail(QStringLiteral("bad --access-token-ttl"));
    options.subdomain = parser.value(subdomain);
    if (parser.isSet(clientId))
        options.clientId = parser.value(clientId);
    if (parser.isSet(clientSecret))
        options.clientSecret = parser.value(clientSecret);

    // SIGINT/SIGTERM go through a socket pair so the quit happens in the event loop, not in the handler.
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, s_signalFds) != 0)
        return fail(QStringLiteral("socketpair failed"));
    QSocketNotifier notifier(s_signalFds[0], QSocketNotifier::Read);
    QObject::connect(&notifier, &QSocketNotifier::activated, &app, [] {
        char byte;
        [[maybe_unused]] const auto n = ::read(s_signalFds[0], &byte, 1);
        QCoreApplication::quit();
    });
    struct sigaction action
    {
    };
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);

    if (crmName == QLatin1String("moysklad")) {
        Sandbox::MoySklad::MoySkladSandbox sandbox(moysklad);
        return run(app, sandbox);
    }
    if (crmName == QLatin1String("retailcrm")) {
        Sandbox::RetailCrm::RetailCrmSandbox sandbox(retail);
        return run(app, sandbox);
    }
    Sandbox::AmoCrm::AmoCrmSandbox sandbox(options);
    return run(app, sandbox);
}
