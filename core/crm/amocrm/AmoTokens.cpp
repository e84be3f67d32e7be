// SPDX-License-Identifier: GPL-3.0-or-later
#include "AmoTokens.h"

#include "common/Json.h"
#include "net/Redactor.h"
#include "secrets/SecretStore.h"
#include "store/CredentialExpiryRepo.h"

#include <QCoreApplication>
#include <QJsonDocument>

namespace Crm::AmoCrm {

Q_LOGGING_CATEGORY(lcAmoCrm, "crmbridge.crm.amocrm")

QByteArray AmoTokenSet::toJson() const
{
    return Common::Json::compact(QJsonObject { { "kind", kind == Kind::OAuth ? "oauth" : "long-lived" },
                                               { "access_token", accessToken },
                                               { "refresh_token", refreshToken },
                                               { "access_expires_at_ms", accessExpiresAtMs },
                                               { "refresh_expires_at_ms", refreshExpiresAtMs },
                                               { "issued_at_ms", issuedAtMs },
                                               { "base_url", baseUrl } });
}

Common::Result<AmoTokenSet> AmoTokenSet::fromJson(const QByteArray &json)
{
    auto parsed = Common::Json::parseObject(json);
    if (!parsed)
        return parsed.error();
    const QJsonObject o = parsed.value();
    AmoTokenSet t;
    t.kind = o.value("kind").toString() == QLatin1String("long-lived") ? Kind::LongLived : Kind::OAuth;
    t.accessToken = o.value("access_token").toString();
    t.refreshToken = o.value("refresh_token").toString();
    t.accessExpiresAtMs = o.value("access_expires_at_ms").toInteger();
    t.refreshExpiresAtMs = o.value("refresh_expires_at_ms").toInteger();
    t.issuedAtMs = o.value("issued_at_ms").toInteger();
    t.baseUrl = o.value("base_url").toString();
    if (t.accessToken.isEmpty())
        return Common::Error::invalidInput(QStringLiteral("The stored amoCRM credential is empty"));
    Net::Redactor::remember(t.accessToken);
    Net::Redactor::remember(t.refreshToken);
    return t;
}

Common::Result<AmoTokenSet> AmoTokenSet::fromGrant(const QJsonObject &answer, qint64 nowMs,
                                                   const QString &baseUrl)
{
    AmoTokenSet t;
    t.accessToken = answer.value("access_token").toString();
    t.refreshToken = answer.value("refresh_token").toString();
    if (t.accessToken.isEmpty() || t.refreshToken.isEmpty())
        return Common::Error::permanent(
            QCoreApplication::translate("AmoCrm", "amoCRM answered the token request without tokens"),
            QStringLiteral("bad-grant-answer"));
    Net::Redactor::remember(t.accessToken);
    Net::Redactor::remember(t.refreshToken);
    const qint64 expiresIn = answer.value("expires_in").toInteger(86400);
    t.issuedAtMs = nowMs;
    t.accessExpiresAtMs = nowMs + expiresIn * 1000;
    t.refreshExpiresAtMs = nowMs + kRefreshTokenLifetimeMs;
    t.baseUrl = baseUrl;
    return t;
}

AmoTokenSet AmoTokenSet::longLived(const QString &token, const QString &baseUrl, qint64 nowMs)
{
    AmoTokenSet t;
    t.kind = Kind::LongLived;
    t.accessToken = token.trimmed();
    t.issuedAtMs = nowMs;
    t.baseUrl = baseUrl;
    Net::Redactor::remember(t.accessToken);
    const QList<QByteArray> parts = t.accessToken.toLatin1().split('.');
    if (parts.size() == 3) {
        const QJsonObject payload
            = QJsonDocument::fromJson(QByteArray::fromBase64(parts[1], QByteArray::Base64UrlEncoding))
                  .object();
        if (payload.contains("exp"))
            t.accessExpiresAtMs = payload.value("exp").toInteger() * 1000;
    }
    return t;
}

void loadTokens(Secrets::SecretStore &store, qint64 connectionId,
                std::function<void(Common::Result<AmoTokenSet>)> done)
{
    store.read(Secrets::SecretStore::connectionScope(connectionId), AmoSecretNames::tokens(),
               [done = std::move(done)](Common::Result<QByteArray> bytes) {
                   if (!bytes) {
                       Common::Error e = bytes.error();
                       if (e.kind == Common::ErrorKind::NotFound) {
                           e.kind = Common::ErrorKind::Auth;
                           e.code = QStringLiteral("needs-sign-in");
                           e.message = QCoreApplication::translate(
                               "AmoCrm",
                               "Not signed in to amoCRM yet: sign in in the browser or paste a code");
                       }
                       done(e);
                       return;
                   }
                   done(AmoTokenSet::fromJson(bytes.value()));
               });
}

void saveTokens(Secrets::SecretStore &store, qint64 connectionId, const AmoTokenSet &tokens,
                std::function<void(Common::Status)> done, std::shared_ptr<Storage::Database> db)
{
    store.write(Secrets::SecretStore::connectionScope(connectionId), AmoSecretNames::tokens(),
                tokens.toJson(),
                [done = std::move(done), db = std::move(db), connectionId, tokens](Common::Status saved) {
                    if (saved)
                        recordExpiry(db, connectionId, tokens);
                    done(saved);
                });
}

Store::CredentialExpiry expiryOf(const AmoTokenSet &tokens)
{
    Store::CredentialExpiry expiry;
    expiry.kind
        = tokens.kind == AmoTokenSet::Kind::OAuth ? QStringLiteral("oauth") : QStringLiteral("long-lived");
    expiry.accessExpiresAt = tokens.accessExpiresAtMs;
    expiry.refreshExpiresAt = tokens.kind == AmoTokenSet::Kind::OAuth ? tokens.refreshExpiresAtMs : 0;
    return expiry;
}

void recordExpiry(std::shared_ptr<Storage::Database> db, qint64 connectionId, const AmoTokenSet &tokens)
{
    if (!db || connectionId <= 0)
        return;
    if (auto recorded = Store::CredentialExpiryRepo(std::move(db)).record(connectionId, expiryOf(tokens));
        !recorded)
        qCWarning(lcAmoCrm) << "connection" << connectionId
                            << "cannot record when its tokens expire:" << recorded.error().message;
}

} // namespace Crm::AmoCrm
