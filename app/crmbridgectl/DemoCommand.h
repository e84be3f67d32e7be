// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "CtlCommand.h"

namespace Ctl {

/** `demo [--orders N] [--dir DIR] [--every SECONDS]`: a sandbox CRM, a demo shop and the engine, with a
 * summary. */
Command demoCommand();

} // namespace Ctl
