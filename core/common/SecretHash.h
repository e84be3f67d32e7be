// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

namespace Common::SecretHash {

/**
 * Shared secrets we only need to recognise (a form's or a webhook's URL secret) are kept as a salted
 * SHA-256, never in plain text. Pure functions; any thread.
 */

/** @p bytes random bytes from the system's generator. */
QByteArray randomBytes(int bytes);
/** A new URL-safe secret (32 random bytes, base64url without padding). */
QString newSecret();
/** hex(SHA-256(salt + secret)). */
QByteArray salted(const QByteArray &salt, const QByteArray &secret);
/** Compares in time that depends only on the length (no early exit on the first difference). */
bool constantTimeEquals(const QByteArray &a, const QByteArray &b);

/** A URL secret as it is kept: a random salt and hex(SHA-256(salt + secret)). Value type. */
struct KeptSecret
{
    QString salt;
    QString hash;

    /** Makes a new secret (newSecret()), keeps only its salted hash here, and returns it. */
    QString renew();
    void clear()
    {
        salt.clear();
        hash.clear();
    }
    /** Constant-time check of a presented secret; hashes even when nothing is kept, so the answer
     *  time says nothing about whether a secret exists. */
    bool accepts(const QByteArray &secret) const;
};

} // namespace Common::SecretHash
