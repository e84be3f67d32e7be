// SPDX-License-Identifier: GPL-3.0-or-later
#include "SecretHash.h"

#include <QCryptographicHash>
#include <QRandomGenerator>

namespace Common::SecretHash {

QByteArray randomBytes(int bytes)
{
    // Whole 32-bit words from the generator, then cut to size.
    QByteArray words(((bytes + 3) / 4) * 4, Qt::Uninitialized);
    QRandomGenerator::system()->generate(reinterpret_cast<quint32 *>(words.data()),
                                         reinterpret_cast<quint32 *>(words.data() + words.size()));
    return words.left(bytes);
}

QString newSecret()
{
    return QString::fromLatin1(
        randomBytes(32).toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QByteArray salted(const QByteArray &salt, const QByteArray &secret)
{
    return QCryptographicHash::hash(salt + secret, QCryptographicHash::Sha256).toHex();
}

bool constantTimeEquals(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a[i] ^ b[i]);
    return diff == 0;
}

QString KeptSecret::renew()
{
    const QString secret = newSecret();
    salt = QString::fromLatin1(randomBytes(16).toHex());
    hash = QString::fromLatin1(salted(salt.toLatin1(), secret.toUtf8()));
    return secret;
}

bool KeptSecret::accepts(const QByteArray &secret) const
{
    const QByteArray presented = salted(salt.toLatin1(), secret);
    return !hash.isEmpty() && !secret.isEmpty() && constantTimeEquals(presented, hash.toLatin1());
}

} // namespace Common::SecretHash
