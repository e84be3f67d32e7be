// SPDX-License-Identifier: GPL-3.0-or-later
#include "NetLog.h"

namespace Net {
Q_LOGGING_CATEGORY(lcNet, "crmbridge.net")
}
