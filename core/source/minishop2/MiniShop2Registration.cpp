// SPDX-License-Identifier: GPL-3.0-or-later
#include "MiniShop2Registration.h"

#include "MiniShop2Source.h"
#include "source/SourceRegistry.h"

namespace Source::MiniShop2 {

void registerMiniShop2(SourceRegistry &registry)
{
    registry.add(QStringLiteral("minishop2"),
                 [](const SourceRecord &record, const QByteArray &password,
                    std::shared_ptr<Storage::Database> store,
                    const Common::Clock *clock) -> Common::Result<std::unique_ptr<ShopSource>> {
                     auto config = MiniShop2Config::fromRecord(record, password);
                     if (!config)
                         return config.error();
                     auto source = MiniShop2Source::open(std::move(config).value(), std::move(store), clock);
                     if (!source)
                         return source.error();
                     return std::unique_ptr<ShopSource>(std::move(source).value());
                 });
}

} // namespace Source::MiniShop2
