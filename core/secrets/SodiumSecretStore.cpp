// SPDX-License-Identifier: GPL-3.0-or-later
#include "SodiumSecretStore.h"

#include "Reply.h"
#include "common/Clock.h"
#include "storage/Database.h"
#include "storage/Sql.h"

#include <QThread>
#include <sodium.h>

namespace Secrets {

using Common::Error;
using Common::Result;

struct SodiumSecretStore::Shared
{
    std::shared_ptr<Storage::Database> db;
    std::shared_ptr<const SecretKey> key;
};

namespace {

static_assert(crypto_secretbox_KEYBYTES == SecretKey::kSize);

unsigned char *bytes(QByteArray &array)
{
    return reinterpret_cast<unsigned char *>(array.data());
}

const unsigned char *bytes(const QByteArray &array)
{
    return reinterpret_cast<const unsigned char *>(array.constData());
}

void wipe(QByteArray &array)
{
    if (!array.isEmpty())
        sodium_memzero(array.data(), size_t(array.size()));
}

/**
 * crypto_secretbox has no additional data, so nothing in the ciphertext itself would stop someone with
 * database access from copying one row's nonce and ciphertext over another's (say, an api_key into a
 * db_password). So the sealed plaintext starts with the entry's own address — a format byte, the scope,
 * NUL, the name, NUL — and unseal() checks it. Scope and name never contain NUL (SecretStore::validateKey).
 * This keeps the crypto_secretbox; an AEAD with scope/name as additional data would do the same.
 */
QByteArray entryPrefix(const QString &scope, const QString &name)
{
    QByteArray prefix;
    prefix.append('\x01');
    prefix.append(scope.toUtf8());
    prefix.append('\0');
    prefix.append(name.toUtf8());
    prefix.append('\0');
    return prefix;
}

QString describe(const QString &scope, const QString &name)
{
    return QStringLiteral("%1 of %2").arg(name, scope);
}

} // namespace

SodiumSecretStore::Sealed SodiumSecretStore::seal(const SecretKey &key, const QString &scope,
                                                  const QString &name, const QByteArray &value)
{
    QByteArray plain = entryPrefix(scope, name);
    plain.append(value);
    Sealed sealed;
    sealed.nonce.resize(crypto_secretbox_NONCEBYTES);
    randombytes_buf(bytes(sealed.nonce), crypto_secretbox_NONCEBYTES);
    sealed.ciphertext.resize(crypto_secretbox_MACBYTES + plain.size());
    crypto_secretbox_easy(bytes(sealed.ciphertext), bytes(plain), quint64(plain.size()), bytes(sealed.nonce),
                          key.bytes());
    wipe(plain);
    return sealed;
}

Result<QByteArray> SodiumSecretStore::unseal(const SecretKey &key, const QString &scope, const QString &name,
                                             const Sealed &sealed)
{
    if (sealed.nonce.size() != crypto_secretbox_NONCEBYTES
        || sealed.ciphertext.size() < crypto_secretbox_MACBYTES)
        return Error::permanent(
            QStringLiteral("The stored secret %1 is damaged (wrong nonce or ciphertext size)")
                .arg(describe(scope, name)),
            QStringLiteral("secret-damaged"));
    QByteArray plain(sealed.ciphertext.size() - crypto_secretbox_MACBYTES, Qt::Uninitialized);
    if (crypto_secretbox_open_easy(bytes(plain), bytes(sealed.ciphertext), quint64(sealed.ciphertext.size()),
                                   bytes(sealed.nonce), key.bytes())
        != 0) {
        wipe(plain);
        return Error::permanent(
            QStringLiteral("Cannot open the secret %1: the secret key does not match the one these "
                           "secrets were stored with (or the stored value was altered)")
                .arg(describe(scope, name)),
            QStringLiteral("secret-wrong-key"));
    }
    const QByteArray prefix = entryPrefix(scope, name);
    if (!plain.startsWith(prefix)) {
        wipe(plain);
        return Error::permanent(
            QStringLiteral("The stored secret %1 was sealed for another entry (rows were copied or "
                           "swapped in the database); write it again")
                .arg(describe(scope, name)),
            QStringLiteral("secret-moved"));
    }
    QByteArray value = plain.mid(prefix.size());
    wipe(plain);
    return value;
}

Result<std::unique_ptr<SodiumSecretStore>> SodiumSecretStore::open(std::shared_ptr<Storage::Database> db,
                                                                   const QString &keyFile)
{
    if (!db)
        return Error::invalidInput(QStringLiteral("The key-file secret store needs a database"));
    auto key = SecretKey::load(keyFile);
    if (!key)
        return key.error();
    return std::make_unique<SodiumSecretStore>(std::move(db), key.value());
}

SodiumSecretStore::SodiumSecretStore(std::shared_ptr<Storage::Database> db,
                                     std::shared_ptr<const SecretKey> key)
    : m_shared(std::make_shared<Shared>(Shared { std::move(db), std::move(key) }))
    , m_thread(new QThread)
    , m_worker(new QObject)
{
    m_thread->setObjectName(QStringLiteral("crmbridge-secrets-db"));
    m_worker->moveToThread(m_thread);
    // Qt Sql wants a connection removed by the thread that used it.
    QObject::connect(
        m_thread, &QThread::finished, m_worker, [db = m_shared->db] { db->releaseThreadConnection(); },
        Qt::DirectConnection);
    m_thread->start();
}

SodiumSecretStore::~SodiumSecretStore()
{
    if (QThread::currentThread() == m_thread) {
        // The last owner let go inside work running on our own thread, which cannot wait for
        // itself: let the thread wind down and clean up after it.
        m_thread->quit();
        QObject::connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
        QObject::connect(m_thread, &QThread::finished, m_thread, &QObject::deleteLater);
        return;
    }
    m_thread->quit();
    m_thread->wait();
    // Deleting the worker drops the work still queued for it, which answers those callers "closed".
    delete m_worker;
    delete m_thread;
}

template<typename Fn> void SodiumSecretStore::post(Fn work)
{
    QMetaObject::invokeMethod(
        m_worker, [shared = m_shared, work = std::move(work)] { work(*shared); }, Qt::QueuedConnection);
}

void SodiumSecretStore::read(const QString &scope, const QString &name, ReadCallback done)
{
    Reply<QByteArray> reply(std::move(done));
    if (auto valid = validateKey(scope, name); !valid)
        return reply.finish(valid.error());
    post([reply, scope, name](Shared &shared) {
        auto query = Storage::Sql::exec(
            *shared.db, QStringLiteral("SELECT nonce, ciphertext FROM secrets WHERE scope = ? AND name = ?"),
            { scope, name });
        if (!query)
            return reply.finish(query.error());
        if (!query->next())
            return reply.finish(
                Error::notFound(QStringLiteral("No secret %1 is stored").arg(describe(scope, name)),
                                QStringLiteral("secret-not-found")));
        const Sealed sealed { query->value(0).toByteArray(), query->value(1).toByteArray() };
        reply.finish(unseal(*shared.key, scope, name, sealed));
    });
}

void SodiumSecretStore::write(const QString &scope, const QString &name, const QByteArray &value,
                              DoneCallback done)
{
    Reply<void> reply(std::move(done));
    if (auto valid = validateKey(scope, name); !valid)
        return reply.finish(valid.error());
    if (auto valid = validateValue(value); !valid)
        return reply.finish(valid.error());
    // Sealed here, on the caller's thread, so the plain value never waits in an event queue.
    const Sealed sealed = seal(*m_shared->key, scope, name, value);
    post([reply, scope, name, sealed](Shared &shared) {
        auto stored = Storage::Sql::exec(
            *shared.db,
            QStringLiteral(
                "INSERT INTO secrets (scope, name, nonce, ciphertext, updated_at) VALUES (?, ?, ?, ?, ?)"
                " ON CONFLICT (scope, name) DO UPDATE SET nonce = excluded.nonce,"
                " ciphertext = excluded.ciphertext, updated_at = excluded.updated_at"),
            { scope, name, sealed.nonce, sealed.ciphertext, Common::Clock::system()->nowMs() });
        if (!stored)
            return reply.finish(stored.error());
        reply.finish({});
    });
}

void SodiumSecretStore::remove(const QString &scope, const QString &name, DoneCallback done)
{
    Reply<void> reply(std::move(done));
    if (auto valid = validateKey(scope, name); !valid)
        return reply.finish(valid.error());
    post([reply, scope, name](Shared &shared) {
        auto removed = Storage::Sql::exec(
            *shared.db, QStringLiteral("DELETE FROM secrets WHERE scope = ? AND name = ?"), { scope, name });
        if (!removed)
            return reply.finish(removed.error());
        reply.finish({});
    });
}

void SodiumSecretStore::checkAvailable(DoneCallback done)
{
    Reply<void> reply(std::move(done));
    post([reply](Shared &shared) {
        auto query = Storage::Sql::exec(
            *shared.db,
            QStringLiteral(
                "SELECT scope, name, nonce, ciphertext FROM secrets ORDER BY updated_at DESC LIMIT 1"));
        if (!query)
            return reply.finish(query.error());
        if (!query->next())
            return reply.finish({});
        const QString scope = query->value(0).toString();
        const QString name = query->value(1).toString();
        auto opened = unseal(*shared.key, scope, name,
                             { query->value(2).toByteArray(), query->value(3).toByteArray() });
        if (!opened)
            return reply.finish(opened.error());
        QByteArray value = std::move(opened).value();
        wipe(value);
        reply.finish({});
    });
}

} // namespace Secrets
