// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "CtlCommand.h"
#include "common/Result.h"

#include <memory>

namespace Secrets {
class SecretStore;
}
namespace Storage {
class Database;
}

namespace Ctl {

/** The global --secret-key-file option (the key-file secret backend), set by main() before a command runs. */
void setSecretKeyFile(const QString &path);

/** The headless secret store: the key file when configured, else the keychain (never plain text). */
Common::Result<std::shared_ptr<Secrets::SecretStore>>
headlessSecretStore(std::shared_ptr<Storage::Database> db);

/** `connection add amocrm NAME --base-url URL --client-id ID --redirect-uri URI` (secret on stdin),
 *  `connection list [--json]` (with when the credential runs out), `connection test NAME`,
 *  `connection set NAME --auto-create-fields deals,contacts|none`. */
Command connectionCommand();
/** `login NAME --code CODE | --redirect-url URL | --long-lived-token-stdin | --browser [--timeout S]`. */
Command loginCommand();

} // namespace Ctl
