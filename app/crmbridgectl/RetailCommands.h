// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "CtlCommand.h"

namespace Ctl {

/** `icml export --source NAME --out FILE [--site-url URL] [--shop-name TEXT] [--every MINUTES]`. */
Command icmlCommand();
/** `retailcrm upload --source NAME --connection NAME [--customers|--orders] [--max-batches N]`. */
Command retailCrmCommand();

} // namespace Ctl
