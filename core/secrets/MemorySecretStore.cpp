// SPDX-License-Identifier: GPL-3.0-or-later
#include "MemorySecretStore.h"

#include "Reply.h"

#include <sodium.h>

namespace Secrets {

using Common::Error;

static QString memoryKey(const QString &scope, const QString &name)
{
    return scope + QLatin1Char('/') + name;
}

MemorySecretStore::MemorySecretStore() = default;

MemorySecretStore::~MemorySecretStore()
{
    for (QByteArray &value : m_values)
        sodium_memzero(value.data(), size_t(value.size()));
}

Common::Status MemorySecretStore::availability() const
{
    if (m_available)
        return {};
    return Error::unavailable(QStringLiteral("The in-memory secret store was switched off"),
                              QStringLiteral("no-secret-service"));
}

void MemorySecretStore::read(const QString &scope, const QString &name, ReadCallback done)
{
    Reply<QByteArray> reply(std::move(done));
    if (auto valid = validateKey(scope, name); !valid)
        return reply.finish(valid.error());
    QMutexLocker lock(&m_mutex);
    if (auto up = availability(); !up)
        return reply.finish(up.error());
    const auto it = m_values.constFind(memoryKey(scope, name));
    if (it == m_values.constEnd())
        return reply.finish(Error::notFound(QStringLiteral("No secret %1 of %2 is stored").arg(name, scope),
                                            QStringLiteral("secret-not-found")));
    reply.finish(it.value());
}

void MemorySecretStore::write(const QString &scope, const QString &name, const QByteArray &value,
                              DoneCallback done)
{
    Reply<void> reply(std::move(done));
    if (auto valid = validateKey(scope, name); !valid)
        return reply.finish(valid.error());
    if (auto valid = validateValue(value); !valid)
        return reply.finish(valid.error());
    QMutexLocker lock(&m_mutex);
    if (auto up = availability(); !up)
        return reply.finish(up.error());
    m_values.insert(memoryKey(scope, name), value);
    reply.finish({});
}

void MemorySecretStore::remove(const QString &scope, const QString &name, DoneCallback done)
{
    Reply<void> reply(std::move(done));
    if (auto valid = validateKey(scope, name); !valid)
        return reply.finish(valid.error());
    QMutexLocker lock(&m_mutex);
    if (auto up = availability(); !up)
        return reply.finish(up.error());
    m_values.remove(memoryKey(scope, name));
    reply.finish({});
}

void MemorySecretStore::checkAvailable(DoneCallback done)
{
    Reply<void> reply(std::move(done));
    QMutexLocker lock(&m_mutex);
    reply.finish(availability());
}

void MemorySecretStore::setAvailable(bool available)
{
    QMutexLocker lock(&m_mutex);
    m_available = available;
}

int MemorySecretStore::size() const
{
    QMutexLocker lock(&m_mutex);
    return int(m_values.size());
}

} // namespace Secrets
