// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "CtlCommand.h"

namespace Ctl {

/** `run [--once]`: the engine headless, as a service (SIGTERM stops it cleanly) or until nothing is due. */
Command runCommand();

} // namespace Ctl
