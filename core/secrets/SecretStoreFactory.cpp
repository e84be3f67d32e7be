// SPDX-License-Identifier: GPL-3.0-or-later
#include "SecretStoreFactory.h"

#include "Reply.h"
#include "SodiumSecretStore.h"

namespace Secrets {

using Common::Error;
using StoreResult = Common::Result<std::shared_ptr<SecretStore>>;

std::shared_ptr<SecretStore> SecretStoreFactory::forDesktop(KeychainSecretStore::Options options)
{
    return std::make_shared<KeychainSecretStore>(std::move(options));
}

void SecretStoreFactory::chooseForHeadless(std::shared_ptr<Storage::Database> db,
                                           const QString &keyFileOption, StoreCallback done,
                                           KeychainSecretStore::Options keychainOptions)
{
    Reply<std::shared_ptr<SecretStore>> reply(std::move(done));

    auto keyFile = SecretKey::locate(keyFileOption);
    if (keyFile) {
        auto opened = SodiumSecretStore::open(std::move(db), keyFile.value());
        if (!opened)
            return reply.finish(opened.error());
        std::shared_ptr<SecretStore> store = std::move(opened).value();
        qCInfo(lcSecrets) << "secrets: encrypted in the database under the key" << keyFile.value();
        store->checkAvailable([reply, store](Common::Status checked) {
            if (checked)
                reply.finish(store);
            else
                reply.finish(checked.error());
        });
        return;
    }

    auto keychain = std::make_shared<KeychainSecretStore>(std::move(keychainOptions));
    keychain->checkAvailable([reply, keychain, noKey = keyFile.error()](Common::Status checked) {
        if (checked) {
            qCInfo(lcSecrets) << "secrets: in the keychain (secret service)";
            return reply.finish(std::shared_ptr<SecretStore>(keychain));
        }
        reply.finish(Error::unavailable(
            QStringLiteral("No secret store: %1 %2").arg(checked.error().message, noKey.message),
            QStringLiteral("no-secret-store")));
    });
}

} // namespace Secrets
