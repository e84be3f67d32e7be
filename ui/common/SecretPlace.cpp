// SPDX-License-Identifier: GPL-3.0-or-later
#include "SecretPlace.h"

#include "secrets/SecretStore.h"

namespace Gui {

namespace {

enum class Backend { Keychain, Database, Memory };

Backend backendOf(const Secrets::SecretStore &store)
{
    const QString name = store.backendName();
    if (name == QLatin1String("memory"))
        return Backend::Memory;
    if (name == QLatin1String("database"))
        return Backend::Database;
    return Backend::Keychain;
}

} // namespace

QString SecretPlace::stored(const Secrets::SecretStore &store)
{
    switch (backendOf(store)) {
    case Backend::Memory:
        return tr("kept in memory for this demo only");
    case Backend::Database:
        return tr("stored encrypted in the database");
    case Backend::Keychain:
        break;
    }
    return tr("stored in the keychain");
}

QString SecretPlace::missingReplace(const Secrets::SecretStore &store)
{
    switch (backendOf(store)) {
    case Backend::Memory:
        return tr("not in this demo's memory: replace it");
    case Backend::Database:
        return tr("not stored in the database: replace it");
    case Backend::Keychain:
        break;
    }
    return tr("not in this computer's keychain: replace it");
}

QString SecretPlace::unavailable(const Secrets::SecretStore &store, const QString &reason)
{
    switch (backendOf(store)) {
    case Backend::Memory:
    case Backend::Database:
        return tr("secret store unavailable: %1").arg(reason);
    case Backend::Keychain:
        break;
    }
    return tr("keychain unavailable: %1").arg(reason);
}

QString SecretPlace::keptIn(const Secrets::SecretStore &store)
{
    switch (backendOf(store)) {
    case Backend::Memory:
        return tr("Kept in memory for this demo only");
    case Backend::Database:
        return tr("Kept only encrypted in the database");
    case Backend::Keychain:
        break;
    }
    return tr("Kept only in the system keychain");
}

} // namespace Gui
