// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace Source {
class SourceRegistry;
}

namespace Source::Bitrix {

/** Makes the "bitrix" kind known to @p registry (BitrixConfig from the record, then connects). */
void registerBitrix(SourceRegistry &registry);

} // namespace Source::Bitrix
