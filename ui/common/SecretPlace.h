// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QString>

namespace Secrets {
class SecretStore;
}

namespace Gui {

/**
 * Where the console says a secret (API key, client secret, password) is kept, from the secret store's
 * backend (SecretStore::backendName: the system keychain, encrypted in the database, or in memory
 * for a demo), so no panel claims "keychain" for a store that is not one.
 */
struct SecretPlace
{
    Q_DECLARE_TR_FUNCTIONS(Gui::SecretPlace)
public:
    /** "stored in the keychain" / "kept in memory for this demo only" …: a stored secret's state. */
    static QString stored(const Secrets::SecretStore &store);
    /** A secret this store does not have: "not in this computer's keychain: replace it" … */
    static QString missingReplace(const Secrets::SecretStore &store);
    /** The store did not answer: "keychain unavailable: <reason>" … */
    static QString unavailable(const Secrets::SecretStore &store, const QString &reason);
    /** For a field's placeholder: "Kept only in the system keychain" … */
    static QString keptIn(const Secrets::SecretStore &store);
};

} // namespace Gui
