// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "SecretStore.h"

#include <QHash>
#include <QMutex>

namespace Secrets {

/**
 * Secrets held in this process's memory only, gone when it exits. For the demo (its sandbox
 * credentials must work without a secret service) and for tests; never chosen by
 * SecretStoreFactory for real connections. Thread-safe; callbacks run on the caller's thread.
 */
class MemorySecretStore final : public SecretStore
{
public:
    MemorySecretStore();
    ~MemorySecretStore() override;

    QString backendName() const override { return QStringLiteral("memory"); }
    void read(const QString &scope, const QString &name, ReadCallback done) override;
    void write(const QString &scope, const QString &name, const QByteArray &value,
               DoneCallback done) override;
    void remove(const QString &scope, const QString &name, DoneCallback done) override;
    void checkAvailable(DoneCallback done) override;

    /** Makes every call fail with Unavailable, as a store without its service does (for tests of callers). */
    void setAvailable(bool available);
    int size() const;

private:
    Common::Status availability() const;

    mutable QMutex m_mutex;
    QHash<QString, QByteArray> m_values; ///< key: scope + '/' + name
    bool m_available = true;
};

} // namespace Secrets
