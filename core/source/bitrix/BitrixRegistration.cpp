// SPDX-License-Identifier: GPL-3.0-or-later
#include "BitrixRegistration.h"

#include "BitrixSource.h"
#include "source/SourceRegistry.h"

namespace Source::Bitrix {

void registerBitrix(SourceRegistry &registry)
{
    registry.add(QStringLiteral("bitrix"),
                 [](const SourceRecord &record, const QByteArray &password,
                    std::shared_ptr<Storage::Database> store,
                    const Common::Clock *clock) -> Common::Result<std::unique_ptr<ShopSource>> {
                     auto config = BitrixConfig::fromRecord(record, password);
                     if (!config)
                         return config.error();
                     auto source = BitrixSource::open(std::move(config).value(), std::move(store), clock);
                     if (!source)
                         return source.error();
                     return std::unique_ptr<ShopSource>(std::move(source).value());
                 });
}

} // namespace Source::Bitrix
