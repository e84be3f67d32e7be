// SPDX-License-Identifier: GPL-3.0-or-later
#include "MoySkladRegistration.h"

#include "MoySkladSource.h"
#include "source/SourceRegistry.h"

namespace Source::MoySklad {

void registerMoySklad(SourceRegistry &registry)
{
    registry.add(QStringLiteral("moysklad"),
                 [](const SourceRecord &record, const QByteArray &token, std::shared_ptr<Storage::Database>,
                    const Common::Clock *) -> Common::Result<std::unique_ptr<ShopSource>> {
                     auto config = MoySkladConfig::fromRecord(record, token);
                     if (!config)
                         return config.error();
                     auto source = MoySkladSource::open(std::move(config).value());
                     if (!source)
                         return source.error();
                     return std::unique_ptr<ShopSource>(std::move(source).value());
                 });
}

} // namespace Source::MoySklad
