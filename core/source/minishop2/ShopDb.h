// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The shop database connection is shared by every platform (source/ShopDb.h); miniShop2 code names
// it in its own namespace.
#include "source/ShopDb.h"

namespace Source::MiniShop2 {
using Source::ShopDb;
using Source::ShopDbUrl;
} // namespace Source::MiniShop2
