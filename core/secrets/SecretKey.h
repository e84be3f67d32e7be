// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Result.h"

#include <QString>
#include <memory>

namespace Secrets {

/**
 * The 32-byte key of SodiumSecretStore, held in libsodium's guarded memory and wiped
 * (sodium_memzero) when the last holder lets go. Immutable and thread-safe once loaded.
 *
 * Key file format: the 32 key bytes written as 64 hexadecimal digits, or as standard base64
 * (44 characters with padding); leading and trailing whitespace, such as a final newline, is
 * ignored. generateFile() writes 64 lower-case hex digits and a newline. The file must be readable
 * by its owner only (mode 0600 or 0400): anything group- or other-accessible is refused.
 *
 * Where the key comes from (locate()): the --secret-key-file option when given; otherwise the
 * systemd credential "crmbridge-key" in $CREDENTIALS_DIRECTORY when that file exists; otherwise
 * there is no key.
 */
class SecretKey
{
public:
    static constexpr int kSize = 32;

    ~SecretKey();
    SecretKey(const SecretKey &) = delete;
    SecretKey &operator=(const SecretKey &) = delete;

    /** Reads and checks a key file; clear errors for a missing, too open or malformed file. */
    static Common::Result<std::shared_ptr<const SecretKey>> load(const QString &path);
    /** A key from its 32 raw bytes (tests, key derivation elsewhere). */
    static Common::Result<std::shared_ptr<const SecretKey>> fromBytes(const QByteArray &bytes);
    /** Creates a new random key file with mode 0600; refuses to replace an existing file. */
    static Common::Status generateFile(const QString &path);

    /** The key file to use under the rule above; NotFound when none is configured. */
    static Common::Result<QString> locate(const QString &keyFileOption);
    /** The systemd credential name: LoadCredential=crmbridge-key:/etc/crmbridge/secret.key */
    static QString credentialName() { return QStringLiteral("crmbridge-key"); }

    const unsigned char *bytes() const { return m_bytes; }

    /** libsodium's sodium_init(), once per process; false when libsodium cannot work here. */
    static bool initSodium();

private:
    SecretKey();
    unsigned char *m_bytes = nullptr; ///< sodium_malloc'ed, kSize bytes
};

} // namespace Secrets
