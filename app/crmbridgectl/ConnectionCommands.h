// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "CtlCommand.h"

namespace Ctl {

/** The global --secret-key-file option (the key-file secret backend), set by main() before a command runs. */
void setSecretKeyFile(const QString &path);

/** `connection add amocrm NAME --base-url URL --client-id ID --redirect-uri URI` (secret on stdin),
 *  `connection list [--json]`, `connection test NAME`. */
Command connectionCommand();
/** `login NAME --code CODE | --redirect-url URL | --long-lived-token-stdin | --browser [--timeout S]`. */
Command loginCommand();

} // namespace Ctl
