// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "CtlCommand.h"

namespace Ctl {

/** `backsync enable NAME --url PUBLIC_URL | --poll [--interval S] [--loss-reason ID]`,
 *  `backsync disable NAME`, `backsync status [--json]`. */
Command backsyncCommand();

} // namespace Ctl
