// SPDX-License-Identifier: GPL-3.0-or-later
#include "KeyCommands.h"

#include "secrets/SecretKey.h"

#include <QFileInfo>

namespace Ctl {

Command keygenCommand()
{
    return {
        QStringLiteral("keygen"), Text::tr("Write a new secret key file (mode 0600; never overwrites)"),
        [](const QStringList &args, const QString &) {
            QCommandLineParser parser;
            parser.setApplicationDescription(
                Text::tr(
                    "Write a new random secret key to FILE, readable by its owner only. Secrets are kept\n"
                    "encrypted in the store under it: give it to every command as --secret-key-file FILE, "
                    "or\n"
                    "to the service as the systemd credential %1\n"
                    "(LoadCredential=%1:FILE). An existing file is never replaced: the secrets stored\n"
                    "under a key cannot be read without it, so keep a copy of it somewhere safe.")
                    .arg(Secrets::SecretKey::credentialName()));
            parser.addPositionalArgument(QStringLiteral("file"), Text::tr("The key file to create"));
            if (!parseSubcommand(parser, QStringLiteral("keygen"), args))
                return parser.isSet(QStringLiteral("help")) ? 0 : 2;
            if (parser.positionalArguments().size() != 1) {
                err(Text::tr("Usage: crmbridgectl keygen FILE"));
                return 2;
            }
            const QString path = QFileInfo(parser.positionalArguments().constFirst()).absoluteFilePath();
            if (auto written = Secrets::SecretKey::generateFile(path); !written) {
                err(QStringLiteral("crmbridgectl: %1").arg(written.error().message));
                return 1;
            }
            out(Text::tr("Wrote a new secret key to %1 (mode 0600).\n"
                         "Use it with `crmbridgectl --secret-key-file %1 …`, or in the service's unit:\n"
                         "  LoadCredential=%2:%1")
                    .arg(path, Secrets::SecretKey::credentialName()));
            return 0;
        }
    };
}

} // namespace Ctl
