// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "SecretKey.h"
#include "SecretStore.h"

#include <memory>

class QObject;
class QThread;

namespace Storage {
class Database;
}

namespace Secrets {

/**
 * Secrets for headless servers with no secret service: encrypted with libsodium's crypto_secretbox
 * (XSalsa20-Poly1305, a fresh random nonce per write) under a SecretKey, and kept in the store's
 * `secrets` table (scope, name, nonce, ciphertext, updated_at). Only nonce and ciphertext reach the
 * database. Engines that share a PostgreSQL store and the same key file share the secrets.
 *
 * The store owns a worker thread with its own database connection, so SQL never runs on the
 * caller's thread (the GUI's or a lane's); it is stopped (quit + wait) by the destructor, and work
 * still queued then is answered with an Unavailable "closed" error. Thread-safe; share by pointer.
 */
class SodiumSecretStore final : public SecretStore
{
public:
    /** Loads the key file (see SecretKey for its format and checks) and opens the store on db. */
    static Common::Result<std::unique_ptr<SodiumSecretStore>> open(std::shared_ptr<Storage::Database> db,
                                                                   const QString &keyFile);
    SodiumSecretStore(std::shared_ptr<Storage::Database> db, std::shared_ptr<const SecretKey> key);
    ~SodiumSecretStore() override;

    /** Creates a new key file (mode 0600, never overwriting); see SecretKey::generateFile. */
    static Common::Status generateKeyFile(const QString &path) { return SecretKey::generateFile(path); }

    QString backendName() const override { return QStringLiteral("database"); }
    void read(const QString &scope, const QString &name, ReadCallback done) override;
    void write(const QString &scope, const QString &name, const QByteArray &value,
               DoneCallback done) override;
    void remove(const QString &scope, const QString &name, DoneCallback done) override;
    /** The database answers, and the key opens a stored secret (when there is one). */
    void checkAvailable(DoneCallback done) override;

    /** What a write stores; public for tests. Runs on any thread. */
    struct Sealed
    {
        QByteArray nonce;
        QByteArray ciphertext;
    };
    static Sealed seal(const SecretKey &key, const QString &scope, const QString &name,
                       const QByteArray &value);
    static Common::Result<QByteArray> unseal(const SecretKey &key, const QString &scope, const QString &name,
                                             const Sealed &sealed);

private:
    struct Shared;
    template<typename Fn> void post(Fn work);

    std::shared_ptr<Shared> m_shared;
    QThread *m_thread = nullptr;
    QObject *m_worker = nullptr; ///< lives on m_thread; queued work runs through it
};

} // namespace Secrets
