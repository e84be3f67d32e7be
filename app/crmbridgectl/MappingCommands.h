// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "CtlCommand.h"

namespace Ctl {

/** `mapping export FILE.json` and `mapping import FILE.json` (validated, all or nothing);
 *  `mapping create-fields CONNECTION` (creates the CRM fields the mapping names and the account lacks). */
Command mappingCommand();

} // namespace Ctl
