// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QMetaType>
#include <QString>
#include <functional>
#include <memory>

namespace Secrets {
class SecretStore;
}
namespace Storage {
class Database;
}
namespace Store {
struct CredentialExpiry;
}

namespace Crm::AmoCrm {

Q_DECLARE_LOGGING_CATEGORY(lcAmoCrm)

/**
 * An amoCRM credential: an OAuth pair (access + rotating refresh token) or a long-lived token.
 * Kept as one JSON secret ("oauth_tokens") in the SecretStore, so the pair is replaced atomically.
 * Never written anywhere else. Plain value type.
 */
struct AmoTokenSet
{
    enum class Kind { OAuth, LongLived };
    Kind kind = Kind::OAuth;
    QString accessToken;
    QString refreshToken; ///< empty for long-lived tokens
    qint64 accessExpiresAtMs = 0; ///< Unix ms; for long-lived tokens the JWT's exp, or 0 when unknown
    qint64 refreshExpiresAtMs = 0; ///< Unix ms; issue time + 90 days (amoCRM does not say it)
    qint64 issuedAtMs = 0;
    QString baseUrl; ///< the account's API base, from the redirect's referer

    bool isValid() const { return !accessToken.isEmpty(); }
    QByteArray toJson() const;
    static Common::Result<AmoTokenSet> fromJson(const QByteArray &json);
    /** From an /oauth2/access_token answer. */
    static Common::Result<AmoTokenSet> fromGrant(const QJsonObject &answer, qint64 nowMs,
                                                 const QString &baseUrl);
    /** A pasted long-lived token; its expiry is read from the JWT when it is one. */
    static AmoTokenSet longLived(const QString &token, const QString &baseUrl, qint64 nowMs);
};

/** The refresh token lifetime amoCRM documents (three months). */
constexpr qint64 kRefreshTokenLifetimeMs = 90LL * 86400 * 1000;

namespace AmoSecretNames {
inline QString tokens()
{
    return QStringLiteral("oauth_tokens");
}
inline QString clientSecret()
{
    return QStringLiteral("client_secret");
}
} // namespace AmoSecretNames

/** Reads and writes the credential of one connection; callbacks on the calling thread. */
void loadTokens(Secrets::SecretStore &store, qint64 connectionId,
                std::function<void(Common::Result<AmoTokenSet>)> done);
/** Writes the pair to the SecretStore; once it is stored, also records its expiry (no secret) in
 *  @p db when given (Store::CredentialExpiryRepo) — a failure there is only logged. */
void saveTokens(Secrets::SecretStore &store, qint64 connectionId, const AmoTokenSet &tokens,
                std::function<void(Common::Status)> done, std::shared_ptr<Storage::Database> db = {});
/** The non-secret part of a credential: its kind and when it runs out. */
Store::CredentialExpiry expiryOf(const AmoTokenSet &tokens);
/** Records expiryOf(@p tokens) for the connection; logs instead of failing. */
void recordExpiry(std::shared_ptr<Storage::Database> db, qint64 connectionId, const AmoTokenSet &tokens);

} // namespace Crm::AmoCrm

Q_DECLARE_METATYPE(Crm::AmoCrm::AmoTokenSet)
