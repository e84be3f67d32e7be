// SPDX-License-Identifier: GPL-3.0-or-later
#include "SourceFactory.h"

#include "minishop2/MiniShop2Source.h"

namespace Source {

using Common::Error;
using Common::Result;

Result<std::shared_ptr<ShopSource>> SourceFactory::openWithPassword(const SourceRecord &record,
                                                                    std::shared_ptr<Storage::Database> store,
                                                                    const QByteArray &password,
                                                                    const Common::Clock *clock)
{
    if (record.kind != QLatin1String("minishop2"))
        return Error::invalidInput(QStringLiteral("Unknown source kind \"%1\"").arg(record.kind));
    auto config = MiniShop2::MiniShop2Config::fromRecord(record, password);
    if (!config)
        return config.error();
    auto source = MiniShop2::MiniShop2Source::open(std::move(config).value(), store, clock);
    if (!source)
        return source.error();
    // Snapshots of the statuses (their colours) and of the delivery and payment methods (the code
    // maps) for the console, which never reads the shop itself. A source being added is not in the
    // store yet: nothing to update then.
    if (auto statuses = source.value()->statuses(); statuses && store)
        (void)SourceRepo(store).recordStatuses(record.name, statuses.value());
    for (MethodKind kind : { MethodKind::Delivery, MethodKind::Payment }) {
        if (auto methods = source.value()->methods(kind); methods && store)
            (void)SourceRepo(store).recordMethods(record.name, kind, methods.value());
    }
    return std::shared_ptr<ShopSource>(std::move(source).value());
}

void SourceFactory::open(const SourceRecord &record, std::shared_ptr<Storage::Database> store,
                         std::shared_ptr<Secrets::SecretStore> secrets, Callback done,
                         const Common::Clock *clock)
{
    if (record.url.startsWith(QLatin1String("sqlite:"))) {
        done(openWithPassword(record, std::move(store), {}, clock));
        return;
    }
    // The callback holds the secret store: a store dropped with a read pending answers "closed".
    Secrets::SecretStore *reader = secrets.get();
    reader->read(record.secretScope(), SourceRecord::passwordSecretName(),
                 [record, store = std::move(store), secrets = std::move(secrets), done = std::move(done),
                  clock](Result<QByteArray> password) {
                     // No stored password is a valid setup (a socket or passwordless account).
                     if (!password && password.error().kind != Common::ErrorKind::NotFound) {
                         done(password.error());
                         return;
                     }
                     done(openWithPassword(record, store, password.valueOr({}), clock));
                 });
}

} // namespace Source
