// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "source/SourceRegistry.h"

#include <memory>

namespace App {

/** Every shop platform this build reads (miniShop2 …), registered once; shared, read-only. */
std::shared_ptr<const Source::SourceRegistry> shopSources();

} // namespace App
