// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "CtlCommand.h"

namespace Ctl {

/** `catalog sync NAME [--source SOURCE] [--dry-run]`, `catalog status [--json]`: the shop's products in
 *  the CRM's catalogue (issue 21). */
Command catalogCommand();

} // namespace Ctl
