// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/Catalog.h"
#include "source/ShopSource.h"

#include <memory>

namespace Engine {

/**
 * A shop's catalogue as one catalogue run read it, with the source it was read from kept open for
 * the run's writes back to the shop (Source::ShopSource::deleteProduct). Made and used on the lane's
 * thread (the source's rule: one thread); the run holds it until it ends. Value type.
 */
struct CatalogSnapshot
{
    Model::Catalog catalog;
    std::shared_ptr<Source::ShopSource> source; ///< null: nothing is written back, no source rules

    Source::CatalogDeletionRules rules() const
    {
        return source ? source->catalogDeletionRules() : Source::CatalogDeletionRules {};
    }
};

} // namespace Engine
