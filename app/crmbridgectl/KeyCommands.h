// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "CtlCommand.h"

namespace Ctl {

/**
 * `keygen FILE`: writes a new secret key file (mode 0600, in the format SodiumSecretStore reads) and
 * refuses to replace an existing one, so a server operator never writes a key by hand. The file is
 * then given as --secret-key-file or as the systemd credential crmbridge-key.
 */
Command keygenCommand();

} // namespace Ctl
