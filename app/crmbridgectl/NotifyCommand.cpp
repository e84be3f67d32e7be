// SPDX-License-Identifier: GPL-3.0-or-later
#include "NotifyCommand.h"

#include "ConnectionCommands.h"
#include "StoreCommands.h"
#include "engine/Notifier.h"
#include "net/SmtpClient.h"
#include "secrets/SecretStore.h"

#include <QEventLoop>
#include <QTextStream>

namespace Ctl {

namespace {

int failWith(const Common::Error &error)
{
    err(QStringLiteral("crmbridgectl: %1").arg(error.message));
    return 1;
}

} // namespace

Command notifyCommand()
{
    return { QStringLiteral("notify"), Text::tr("Failure digests without a console (password | test)"),
             [](const QStringList &args, const QString &databaseUrl) {
                 QCommandLineParser parser;
                 parser.setApplicationDescription(Text::tr(
                     "Usage: crmbridgectl notify password   (the SMTP password on stdin, kept in the secret "
                     "store)\n"
                     "       crmbridgectl notify test       (a test message through notify.smtp and "
                     "notify.command)\n\n"
                     "The engine sends a digest when jobs fail, a lane pauses or a sign-in runs out; set it "
                     "up with\n"
                     "`crmbridgectl settings set` notify.to, notify.smtp, notify.smtp_user, notify.from,\n"
                     "notify.command, notify.language (ru|en) and notify.digest_interval_s (README, "
                     "\"Notifications\")."));
                 parser.addPositionalArgument(QStringLiteral("action"), QStringLiteral("password or test"));
                 if (!parseSubcommand(parser, QStringLiteral("notify"), args))
                     return parser.isSet(QStringLiteral("help")) ? 0 : 2;
                 const QStringList pos = parser.positionalArguments();
                 if (pos.size() != 1
                     || (pos.first() != QLatin1String("password") && pos.first() != QLatin1String("test"))) {
                     err(parser.applicationDescription().section(QStringLiteral("\n\n"), 0, 0));
                     return 2;
                 }
                 auto db = openStore(databaseUrl, false);
                 if (!db)
                     return failWith(db.error());
                 auto secrets = headlessSecretStore(db.value());
                 if (!secrets)
                     return failWith(secrets.error());
                 if (pos.first() == QLatin1String("password")) {
                     QTextStream in(stdin);
                     const QByteArray password = in.readLine().toUtf8();
                     if (password.isEmpty()) {
                         err(Text::tr("crmbridgectl: the password is read from stdin and was empty"));
                         return 2;
                     }
                     std::optional<Common::Status> written;
                     QEventLoop loop;
                     secrets.value()->write(Engine::NotifySettings::kSecretScope,
                                            Engine::NotifySettings::kPasswordName, password,
                                            [&](Common::Status s) {
                                                written.emplace(s);
                                                loop.quit();
                                            });
                     if (!written)
                         loop.exec();
                     if (!written->ok())
                         return failWith(written->error());
                     out(Text::tr("The SMTP password is kept in the secret store (%1).")
                             .arg(secrets.value()->backendName()));
                     return 0;
                 }
                 auto settings = Engine::NotifySettings::load(db.value());
                 if (!settings)
                     return failWith(settings.error());
                 if (!settings->mails()) {
                     err(Text::tr("crmbridgectl: set notify.to and notify.smtp first"));
                     return 2;
                 }
                 std::optional<QByteArray> password;
                 if (!settings->smtpUser.isEmpty()) {
                     QEventLoop loop;
                     secrets.value()->read(Engine::NotifySettings::kSecretScope,
                                           Engine::NotifySettings::kPasswordName,
                                           [&](Common::Result<QByteArray> value) {
                                               password = value ? value.value() : QByteArray();
                                               loop.quit();
                                           });
                     if (!password)
                         loop.exec();
                 }
                 const Common::Status sent = Net::SmtpClient::send(
                     { settings->smtp, settings->smtpUser, password.value_or(QByteArray()) },
                     { settings->from, settings->to, QStringLiteral("CRM Bridge: test"),
                       Text::tr("This is a test of CRM Bridge's failure digests.\n") });
                 if (!sent)
                     return failWith(sent.error());
                 out(Text::tr("A test message went to %1.").arg(settings->to.join(QLatin1String(", "))));
                 return 0;
             } };
}

} // namespace Ctl
