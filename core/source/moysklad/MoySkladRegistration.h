// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace Source {
class SourceRegistry;
}

namespace Source::MoySklad {

/** Registers the "moysklad" kind: the source's secret is the API token. */
void registerMoySklad(SourceRegistry &registry);

} // namespace Source::MoySklad
