// SPDX-License-Identifier: GPL-3.0-or-later
#include "SecretKey.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

namespace Secrets {

using Common::Error;
using Common::Result;

namespace {

/** Wipes a stack buffer on every way out of a function. */
struct WipeOnExit
{
    void *data;
    size_t size;
    ~WipeOnExit() { sodium_memzero(data, size); }
};

bool isSpace(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/** Decodes hex or base64 text of exactly kSize bytes into out; false when it is neither. */
bool decodeKeyText(const char *text, size_t length, unsigned char *out)
{
    size_t decoded = 0;
    const char *end = nullptr;
    if (length == 2 * SecretKey::kSize
        && sodium_hex2bin(out, SecretKey::kSize, text, length, nullptr, &decoded, &end) == 0
        && decoded == size_t(SecretKey::kSize) && end == text + length)
        return true;
    if (sodium_base642bin(out, SecretKey::kSize, text, length, nullptr, &decoded, &end,
                          sodium_base64_VARIANT_ORIGINAL)
            == 0
        && decoded == size_t(SecretKey::kSize) && end == text + length)
        return true;
    sodium_memzero(out, SecretKey::kSize);
    return false;
}

QString systemError()
{
    return QString::fromLocal8Bit(std::strerror(errno));
}

} // namespace

bool SecretKey::initSodium()
{
    static const bool s_ready = sodium_init() >= 0;
    return s_ready;
}

SecretKey::SecretKey()
    : m_bytes(static_cast<unsigned char *>(sodium_malloc(kSize)))
{ }

SecretKey::~SecretKey()
{
    if (m_bytes) {
        sodium_memzero(m_bytes, kSize);
        sodium_free(m_bytes);
    }
}

Result<std::shared_ptr<const SecretKey>> SecretKey::fromBytes(const QByteArray &bytes)
{
    if (!initSodium())
        return Error::unavailable(QStringLiteral("libsodium cannot be initialised"),
                                  QStringLiteral("sodium-init"));
    if (bytes.size() != kSize)
        return Error::invalidInput(
            QStringLiteral("A secret key has %1 bytes, not %2").arg(kSize).arg(bytes.size()),
            QStringLiteral("secret-key-size"));
    std::shared_ptr<SecretKey> key(new SecretKey);
    if (!key->m_bytes)
        return Error::unavailable(QStringLiteral("No memory for the secret key"),
                                  QStringLiteral("secret-key-memory"));
    std::memcpy(key->m_bytes, bytes.constData(), kSize);
    return std::shared_ptr<const SecretKey>(std::move(key));
}

Result<std::shared_ptr<const SecretKey>> SecretKey::load(const QString &path)
{
    if (!initSodium())
        return Error::unavailable(QStringLiteral("libsodium cannot be initialised"),
                                  QStringLiteral("sodium-init"));
    const QByteArray nativePath = QFile::encodeName(path);
    // Open first, then check the mode of what was opened, so the file cannot be swapped in between.
    const int fd = ::open(nativePath.constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        if (errno == ENOENT)
            return Error::unavailable(QStringLiteral("The secret key file %1 does not exist").arg(path),
                                      QStringLiteral("secret-key-missing"));
        return Error::unavailable(
            QStringLiteral("Cannot open the secret key file %1: %2").arg(path, systemError()),
            QStringLiteral("secret-key-unreadable"));
    }
    struct FdCloser
    {
        int fd;
        ~FdCloser() { ::close(fd); }
    } closer { fd };

    struct stat info = {};
    if (::fstat(fd, &info) != 0)
        return Error::unavailable(
            QStringLiteral("Cannot inspect the secret key file %1: %2").arg(path, systemError()),
            QStringLiteral("secret-key-unreadable"));
    if (!S_ISREG(info.st_mode))
        return Error::invalidInput(QStringLiteral("The secret key file %1 is not a regular file").arg(path),
                                   QStringLiteral("secret-key-format"));
    if (info.st_mode & (S_IRGRP | S_IROTH))
        return Error::permanent(QStringLiteral("key file %1 is readable by others; chmod 600 %1").arg(path),
                                QStringLiteral("secret-key-permissions"));
    if (info.st_mode & (S_IWGRP | S_IWOTH | S_IXGRP | S_IXOTH))
        return Error::permanent(
            QStringLiteral("key file %1 can be changed by others; chmod 600 %1").arg(path),
            QStringLiteral("secret-key-permissions"));

    char text[256];
    WipeOnExit wipeText { text, sizeof text };
    size_t length = 0;
    for (;;) {
        const ssize_t got = ::read(fd, text + length, sizeof text - length);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0)
            return Error::unavailable(
                QStringLiteral("Cannot read the secret key file %1: %2").arg(path, systemError()),
                QStringLiteral("secret-key-unreadable"));
        if (got == 0)
            break;
        length += size_t(got);
        if (length == sizeof text)
            break;
    }
    size_t begin = 0;
    while (begin < length && isSpace(static_cast<unsigned char>(text[begin])))
        ++begin;
    size_t end = length;
    while (end > begin && isSpace(static_cast<unsigned char>(text[end - 1])))
        --end;

    std::shared_ptr<SecretKey> key(new SecretKey);
    if (!key->m_bytes)
        return Error::unavailable(QStringLiteral("No memory for the secret key"),
                                  QStringLiteral("secret-key-memory"));
    if (length == sizeof text || !decodeKeyText(text + begin, end - begin, key->m_bytes))
        return Error::invalidInput(
            QStringLiteral("%1 is not a CRM Bridge secret key file: expected %2 bytes as 64 "
                           "hexadecimal digits or as base64")
                .arg(path)
                .arg(kSize),
            QStringLiteral("secret-key-format"));
    return std::shared_ptr<const SecretKey>(std::move(key));
}

Common::Status SecretKey::generateFile(const QString &path)
{
    if (!initSodium())
        return Error::unavailable(QStringLiteral("libsodium cannot be initialised"),
                                  QStringLiteral("sodium-init"));
    const QString folder = QFileInfo(path).absolutePath();
    if (!QDir().mkpath(folder))
        return Error::unavailable(QStringLiteral("Cannot create the folder %1").arg(folder));

    unsigned char raw[kSize];
    WipeOnExit wipeRaw { raw, sizeof raw };
    char text[2 * kSize + 2];
    WipeOnExit wipeText { text, sizeof text };
    randombytes_buf(raw, sizeof raw);
    sodium_bin2hex(text, sizeof text, raw, sizeof raw);
    text[2 * kSize] = '\n';

    // O_EXCL: never replace a key, which would orphan every secret stored under it.
    const QByteArray nativePath = QFile::encodeName(path);
    const int fd = ::open(nativePath.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd < 0) {
        if (errno == EEXIST)
            return Error::invalidInput(
                QStringLiteral("%1 already exists; a secret key file is never overwritten").arg(path),
                QStringLiteral("secret-key-exists"));
        return Error::unavailable(
            QStringLiteral("Cannot create the secret key file %1: %2").arg(path, systemError()),
            QStringLiteral("secret-key-create"));
    }
    // The umask cannot widen 0600, but a stricter one could drop the owner's read bit.
    const bool written = ::fchmod(fd, 0600) == 0 && ::write(fd, text, 2 * kSize + 1) == 2 * kSize + 1;
    const bool synced = written && ::fsync(fd) == 0;
    ::close(fd);
    if (!synced) {
        const QString reason = systemError();
        QFile::remove(path);
        return Error::unavailable(QStringLiteral("Cannot write the secret key file %1: %2").arg(path, reason),
                                  QStringLiteral("secret-key-create"));
    }
    return {};
}

Result<QString> SecretKey::locate(const QString &keyFileOption)
{
    if (!keyFileOption.isEmpty())
        return keyFileOption;
    const QString credentials = qEnvironmentVariable("CREDENTIALS_DIRECTORY");
    if (!credentials.isEmpty()) {
        const QString candidate = QDir(credentials).filePath(credentialName());
        if (QFileInfo::exists(candidate))
            return candidate;
    }
    return Error::notFound(
        QStringLiteral("No secret key is configured: pass --secret-key-file FILE or provide the "
                       "systemd credential %1")
            .arg(credentialName()),
        QStringLiteral("secret-key-none"));
}

} // namespace Secrets
