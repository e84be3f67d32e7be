// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "CtlCommand.h"

namespace Ctl {

/** `hook set|list|remove EVENT before|after [PATH] [--timeout-ms N]`: the engine's executable hooks. */
Command hookCommand();
/** `settings list | set KEY VALUE | unset KEY`: the engine's settings keys (README, "Engine settings"). */
Command settingsCommand();

} // namespace Ctl
