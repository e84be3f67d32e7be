// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "KeychainSecretStore.h"

#include <functional>
#include <memory>

namespace Storage {
class Database;
}

namespace Secrets {

/**
 * Picks the secret backend of an executable. Never plain text.
 *
 * - The desktop app: the keychain (forDesktop()). Without a secret service its calls fail with
 *   Unavailable, which the UI shows; the demo uses MemorySecretStore instead.
 * - crmbridgectl (chooseForHeadless()), first match wins:
 *   1. a key file is configured — the --secret-key-file option, or else the systemd credential
 *      "crmbridge-key" in $CREDENTIALS_DIRECTORY — → SodiumSecretStore over the database, after
 *      checking that the key opens what is stored. A configured but unusable key is an error, not a
 *      reason to fall back: the operator asked for that key.
 *   2. else a secret service answers → KeychainSecretStore.
 *   3. else an Unavailable error saying how to configure a key file.
 * Engines that share a PostgreSQL store share secrets only through the key-file backend.
 */
class SecretStoreFactory
{
public:
    using StoreCallback = std::function<void(Common::Result<std::shared_ptr<SecretStore>>)>;

    static std::shared_ptr<SecretStore> forDesktop(KeychainSecretStore::Options options = {});

    /** Asynchronous (it may probe the secret service); done runs on the calling thread. */
    static void chooseForHeadless(std::shared_ptr<Storage::Database> db, const QString &keyFileOption,
                                  StoreCallback done, KeychainSecretStore::Options keychainOptions = {});
};

} // namespace Secrets
