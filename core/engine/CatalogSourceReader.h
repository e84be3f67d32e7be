// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "CatalogLaneWork.h"
#include "secrets/SecretStore.h"
#include "source/SourceRegistry.h"
#include "storage/Database.h"

#include <memory>

namespace Engine {

/**
 * How a lane reads a shop's catalogue: opens the named source through @p sources, the platforms the
 * app registered (its password from @p secrets), on the
 * calling thread, reads the catalogue with the shop's address from the source's "site_url" setting
 * (for product and image links), and hands the open source on with it (closed when the run lets the
 * snapshot go: a MoySklad run deletes products through it). @p secrets may be null for shops on SQLite.
 * The callback runs on the calling thread.
 */
CatalogLaneWork::ReadCatalog catalogReaderFor(std::shared_ptr<Storage::Database> db,
                                              std::shared_ptr<const Source::SourceRegistry> sources,
                                              std::shared_ptr<Secrets::SecretStore> secrets,
                                              const Common::Clock *clock = Common::Clock::system());

} // namespace Engine
