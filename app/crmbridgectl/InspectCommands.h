// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "CtlCommand.h"

namespace Ctl {

/** `jobs list [--state S]… [--failed] [--connection NAME] [--search TEXT] [--group FP] [--limit N] [--json]`,
 *  `jobs groups [--json]` (failures by cause), `jobs show ID [--json]`: the console's Queue page. */
Command jobsCommand();
/** `log search TEXT [--connection NAME] [--errors] [--limit N] [--json]`, `log show ID`: the Log page. */
Command logCommand();
/** `crm schema NAME [--cached] [--json]`: pipelines and stages, fields and users with their ids. */
Command crmCommand();

} // namespace Ctl
