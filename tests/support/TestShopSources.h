// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "source/SourceRegistry.h"
#include "source/bitrix/BitrixRegistration.h"
#include "source/minishop2/MiniShop2Registration.h"
#include "source/moysklad/MoySkladRegistration.h"

#include <memory>

namespace TestSupport {

/** The shop platforms, registered as the executables do (app/common/ShopSources), for test engines. */
inline std::shared_ptr<const Source::SourceRegistry> shopSources()
{
    static const std::shared_ptr<const Source::SourceRegistry> s_sources = [] {
        auto registry = std::make_shared<Source::SourceRegistry>();
        Source::MiniShop2::registerMiniShop2(*registry);
        Source::Bitrix::registerBitrix(*registry);
        Source::MoySklad::registerMoySklad(*registry);
        return registry;
    }();
    return s_sources;
}

} // namespace TestSupport
