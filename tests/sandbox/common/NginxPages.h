// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "HttpTypes.h"

namespace Sandbox {

/** The bare HTML error page nginx answers with (403 blocks, 429s, 502/503/504, wrong hosts). */
HttpResponse nginxPage(int status);

} // namespace Sandbox
