// SPDX-License-Identifier: GPL-3.0-or-later
#include "CatalogSourceReader.h"

#include "source/SourceRepo.h"

namespace Engine {

CatalogLaneWork::ReadCatalog catalogReaderFor(std::shared_ptr<Storage::Database> db,
                                              std::shared_ptr<const Source::SourceRegistry> sources,
                                              std::shared_ptr<Secrets::SecretStore> secrets,
                                              const Common::Clock *clock)
{
    return [db, sources, secrets, clock](const QString &name,
                                         std::function<void(Common::Result<CatalogSnapshot>)> done) {
        if (!sources) {
            done(Common::Error::permanent(QStringLiteral("This engine was given no shop platforms to read")));
            return;
        }
        auto record = Source::SourceRepo(db, clock).byName(name);
        if (!record) {
            done(record.error());
            return;
        }
        if (!secrets && !record->url.startsWith(QLatin1String("sqlite:"))) {
            done(Common::Error::unavailable(
                QStringLiteral("The password of %1 is in the secret store, which is not available")
                    .arg(name)));
            return;
        }
        const QString siteUrl = record->config.value(QStringLiteral("site_url")).toString();
        sources->open(
            record.value(), db, secrets,
            [siteUrl, done](Common::Result<std::shared_ptr<Source::ShopSource>> opened) {
                if (!opened) {
                    done(opened.error());
                    return;
                }
                auto catalog = opened.value()->catalog(siteUrl);
                if (!catalog) {
                    done(catalog.error());
                    return;
                }
                done(CatalogSnapshot { catalog.value(), opened.value() });
            },
            clock);
    };
}

} // namespace Engine
