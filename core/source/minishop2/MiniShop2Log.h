// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLoggingCategory>

namespace Source::MiniShop2 {
Q_DECLARE_LOGGING_CATEGORY(lcMiniShop2)
}
