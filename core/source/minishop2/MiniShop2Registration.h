// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace Source {
class SourceRegistry;
}

namespace Source::MiniShop2 {

/** Makes the "minishop2" kind known to @p registry (MiniShop2Config from the record, then connects). */
void registerMiniShop2(SourceRegistry &registry);

} // namespace Source::MiniShop2
