// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QJsonObject>
#include <QString>

namespace Sandbox {
class SandboxClock;
}

namespace Sandbox::AmoCrm {

/**
 * Authorization codes, access tokens (JWT-looking), rotating refresh tokens and long-lived tokens.
 * The refresh grace rule: a refreshed-away refresh token stays valid until a token of the pair issued
 * in exchange for it is first used; then it and any sibling pair issued from the same parent die.
 * Server thread only; owned by AmoContext.
 */
class AmoTokens
{
public:
    struct TokenPair
    {
        QString accessToken;
        QString refreshToken;
        qint64 expiresIn = 0;
    };
    /** The result of a grant: either tokens or the OAuth error to answer with. */
    struct GrantResult
    {
        bool ok = false;
        TokenPair tokens;
        int status = 400;
        QString title;
        QString detail;
        QString hint;
    };
    struct AccessCheck
    {
        bool ok = false;
        QString account;
        qint64 userId = 0;
        QString reason;
    };
    struct Lifetimes
    {
        qint64 accessSecs = 86400;
        qint64 refreshSecs = 90 * 86400;
    };

    explicit AmoTokens(SandboxClock *clock);

    QString issueCode(const QString &account, const QString &clientId, qint64 userId, qint64 ttlSecs);
    GrantResult exchangeCode(const QString &code, const QString &clientId, const QString &account,
                             qint64 accountId, const Lifetimes &lifetimes);
    GrantResult refresh(const QString &refreshToken, const QString &clientId, const QString &account,
                        qint64 accountId, const Lifetimes &lifetimes);
    /** Checks a Bearer token for @p account; a first use of a fresh pair applies the grace rule. */
    AccessCheck checkAccess(const QString &token, const QString &account);
    QString issueLongLived(const QString &account, const QString &clientId, qint64 userId, qint64 accountId,
                           qint64 ttlSecs);
    /** Revokes one token, or with an empty @p token every token and code of @p account. */
    int revoke(const QString &token, const QString &account);

    void clear();
    QJsonObject toJson() const;
    void loadJson(const QJsonObject &json);

private:
    enum class Kind { Access, Refresh, LongLived };
    struct Token
    {
        Kind kind = Kind::Access;
        QString account;
        QString clientId;
        qint64 userId = 0;
        qint64 expiresAt = 0;
        bool revoked = false;
        quint64 pairId = 0;
    };
    struct Pair
    {
        quint64 parent = 0;
        QString access;
        QString refresh;
        bool used = false;
    };
    struct Code
    {
        QString account;
        QString clientId;
        qint64 userId = 0;
        qint64 expiresAt = 0;
        bool used = false;
    };

    GrantResult issuePair(const QString &account, const QString &clientId, qint64 userId, qint64 accountId,
                          quint64 parent, const Lifetimes &lifetimes);
    QString makeJwt(const QString &clientId, qint64 userId, qint64 accountId, qint64 expiresAt) const;
    void markUsed(quint64 pairId);

    SandboxClock *m_clock;
    QHash<QString, Token> m_tokens;
    QHash<quint64, Pair> m_pairs;
    QHash<QString, Code> m_codes;
    quint64 m_nextPair = 1;
};

} // namespace Sandbox::AmoCrm
