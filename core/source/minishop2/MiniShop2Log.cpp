// SPDX-License-Identifier: GPL-3.0-or-later
#include "MiniShop2Log.h"

namespace Source::MiniShop2 {
Q_LOGGING_CATEGORY(lcMiniShop2, "crmbridge.source.minishop2")
}
