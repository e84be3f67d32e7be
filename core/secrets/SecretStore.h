// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QLoggingCategory>
#include <QString>
#include <functional>

namespace Secrets {

Q_DECLARE_LOGGING_CATEGORY(lcSecrets)

/**
 * Where CRM Bridge keeps client secrets, tokens, API keys and database passwords: an asynchronous
 * read / write / remove of one secret, addressed by a scope ("connection:42") and a name
 * ("refresh_token", "client_secret", "api_key", "db_password").
 *
 * Threading: every method may be called from any thread that runs an event loop (the GUI thread,
 * an engine lane). The callback always runs later on that same thread, never inside the call, and
 * exactly once — when the store is destroyed first, with an Unavailable "closed" error.
 * Stores are thread-safe and usually shared through a shared_ptr.
 *
 * Errors: InvalidInput for a malformed scope/name/value, NotFound for a missing entry,
 * Unavailable when the backend is not there (no secret service, database down), Permanent when the
 * stored value cannot be opened (wrong key, tampered or moved entry). Removing a missing entry succeeds.
 */
class SecretStore
{
public:
    using ReadCallback = std::function<void(Common::Result<QByteArray>)>;
    using DoneCallback = std::function<void(Common::Status)>;

    /** Secrets larger than this are refused: they are tokens and keys, not files. */
    static constexpr qsizetype kMaxValueSize = 64 * 1024;

    virtual ~SecretStore();

    /** "keychain", "database" or "memory": for the status line and crmbridgectl status. */
    virtual QString backendName() const = 0;

    virtual void read(const QString &scope, const QString &name, ReadCallback done) = 0;
    /** Creates or replaces the secret. Values are bytes: binary and UTF-8 text round-trip unchanged. */
    virtual void write(const QString &scope, const QString &name, const QByteArray &value, DoneCallback done)
        = 0;
    virtual void remove(const QString &scope, const QString &name, DoneCallback done) = 0;
    /** Succeeds when the backend answers and can open what it stores; the UI shows the error otherwise. */
    virtual void checkAvailable(DoneCallback done) = 0;

    /** The scope of one CRM/shop connection: "connection:42" or "connection:<name>". */
    static QString connectionScope(qint64 connectionId);
    static QString connectionScope(const QString &connectionName);

    /**
     * A scope is any non-empty text without control characters; a name is non-empty, without
     * control characters and without '/', so "scope/name" is unambiguous (the keychain key).
     */
    static Common::Status validateKey(const QString &scope, const QString &name);
    static Common::Status validateValue(const QByteArray &value);
};

} // namespace Secrets
