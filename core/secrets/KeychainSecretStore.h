// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "SecretStore.h"

namespace Secrets {

/**
 * Secrets in the operating system's keychain through QtKeychain (the Secret Service — gnome-keyring,
 * KWallet — on Linux), under the service "crmbridge" and the key "<scope>/<name>".
 *
 * Every QtKeychain job of the process runs on one keychain thread that this class starts on first
 * use and stops when QCoreApplication goes away: QtKeychain queues all jobs through a process-wide,
 * non-thread-safe executor, so jobs must never be started from several threads. Callers on any
 * thread get their callback on their own thread (see SecretStore).
 *
 * Never a plain-text fallback: QtKeychain's insecure fallback is switched off for every job. Every
 * job is bounded by Options::timeoutMs; when no secret service answers, calls end with an
 * Unavailable error. Store objects are cheap; jobs in flight outlive a destroyed store and still
 * answer their callers.
 */
class KeychainSecretStore final : public SecretStore
{
public:
    struct Options
    {
        QString service = QStringLiteral("crmbridge");
        /** Longest wait for one keychain job (a locked keyring may sit on an unlock prompt). */
        int timeoutMs = 15000;
        /**
         * Linux quirk (the same one Nextcloud desktop works around, its issues #4274 and #6522): right
         * after login the secret service may not be up yet and QtKeychain reports NoBackendAvailable
         * or OtherError. Such failures are retried this many times, waiting retryDelayMs × attempt.
         */
        int retries = 3;
        int retryDelayMs = 1000;
    };

    KeychainSecretStore();
    explicit KeychainSecretStore(Options options);
    ~KeychainSecretStore() override;

    QString backendName() const override { return QStringLiteral("keychain"); }
    void read(const QString &scope, const QString &name, ReadCallback done) override;
    void write(const QString &scope, const QString &name, const QByteArray &value,
               DoneCallback done) override;
    void remove(const QString &scope, const QString &name, DoneCallback done) override;
    /** Looks up a probe entry: an answer (found or not) means the secret service works. */
    void checkAvailable(DoneCallback done) override;

    const Options &options() const { return m_options; }

private:
    Options m_options;
};

} // namespace Secrets
