// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "CtlCommand.h"

namespace Ctl {

/**
 * `source add minishop2 NAME --url URL [--prefix modx_] [--from-start]` (the database password is read
 * from stdin and kept in the secret store), `source list [--json]`, `source test NAME`.
 * Secrets: the key-file backend when --secret-key-file (or the systemd credential) is given, else the
 * keychain — see Secrets::SecretStoreFactory::chooseForHeadless.
 */
Command sourceCommand();
/** `demo-shop --database URL [--orders N] [--layout 3|4] [--seed S] [--prefix modx_]`: a miniShop2 demo shop.
 */
Command demoShopCommand();
/** `import orders|customers FILE [--dry-run] [--source NAME] [--encoding E] [--delimiter C] [--map
 * COL=FIELD]`. */
Command importCommand();
/** `form add NAME [--source forms]` (prints the new secret once), `form list`, `form rotate NAME`,
 *  `form remove NAME`: the web forms the intake endpoint accepts. */
Command formCommand();

} // namespace Ctl
