// SPDX-License-Identifier: GPL-3.0-or-later
#include "SourceRegistry.h"

namespace Source {

using Common::Error;
using Common::Result;

void SourceRegistry::add(const QString &kind, Opener opener)
{
    m_openers.insert(kind, std::move(opener));
}

Result<std::shared_ptr<ShopSource>> SourceRegistry::openWithPassword(const SourceRecord &record,
                                                                     std::shared_ptr<Storage::Database> store,
                                                                     const QByteArray &password,
                                                                     const Common::Clock *clock) const
{
    const auto opener = m_openers.constFind(record.kind);
    if (opener == m_openers.cend())
        return Error::invalidInput(QStringLiteral("Unknown source kind \"%1\" (this build reads: %2)")
                                       .arg(record.kind, kinds().join(QStringLiteral(", "))));
    auto source = (*opener)(record, password, store, clock);
    if (!source)
        return source.error();
    // Snapshots of the statuses (their colours), of the shop's own order fields (the mapping editor)
    // and of the delivery and payment methods (the code maps) for the console, which never reads the
    // shop itself. A source being added is not in the
    // store yet: nothing to update then.
    if (auto statuses = source.value()->statuses(); statuses && store)
        (void)SourceRepo(store).recordStatuses(record.name, statuses.value());
    if (auto fields = source.value()->fieldCatalogue(); fields && store)
        (void)SourceRepo(store).recordFields(record.name, fields.value());
    for (MethodKind kind : { MethodKind::Delivery, MethodKind::Payment }) {
        if (auto methods = source.value()->methods(kind); methods && store)
            (void)SourceRepo(store).recordMethods(record.name, kind, methods.value());
    }
    return std::shared_ptr<ShopSource>(std::move(source).value());
}

void SourceRegistry::open(const SourceRecord &record, std::shared_ptr<Storage::Database> store,
                          std::shared_ptr<Secrets::SecretStore> secrets, Callback done,
                          const Common::Clock *clock) const
{
    if (record.url.startsWith(QLatin1String("sqlite:")) || !secrets) {
        // Without a secret store only a source without a password can open.
        done(openWithPassword(record, std::move(store), {}, clock));
        return;
    }
    // The callback holds the secret store: a store dropped with a read pending answers "closed".
    // It holds a copy of this registry's openers too, so a registry gone meanwhile does no harm.
    Secrets::SecretStore *reader = secrets.get();
    reader->read(record.secretScope(), SourceRecord::passwordSecretName(),
                 [record, store = std::move(store), secrets = std::move(secrets), done = std::move(done),
                  clock, self = *this](Result<QByteArray> password) {
                     // No stored password is a valid setup (a socket or passwordless account).
                     if (!password && password.error().kind != Common::ErrorKind::NotFound) {
                         done(password.error());
                         return;
                     }
                     done(self.openWithPassword(record, store, password.valueOr({}), clock));
                 });
}

} // namespace Source
