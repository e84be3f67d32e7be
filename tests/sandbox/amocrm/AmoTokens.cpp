// SPDX-License-Identifier: GPL-3.0-or-later
#include "AmoTokens.h"

#include "common/SandboxClock.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QMessageAuthenticationCode>
#include <QRandomGenerator>

namespace Sandbox::AmoCrm {

namespace {

const QString kBadRequest = QStringLiteral("Некорректный запрос");
const QString kBadRequestDetail
    = QStringLiteral("В запросе отсутствует ряд параметров или параметры невалидны");

QString randomHex(int bytes)
{
    QByteArray raw(bytes, Qt::Uninitialized);
    QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(raw.data()), bytes / 4);
    return QString::fromLatin1(raw.toHex());
}

QByteArray base64Url(const QByteArray &data)
{
    return data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

AmoTokens::GrantResult failure(int status, const QString &hint)
{
    AmoTokens::GrantResult r;
    r.status = status;
    r.title = kBadRequest;
    r.detail = kBadRequestDetail;
    r.hint = hint;
    return r;
}

} // namespace

AmoTokens::AmoTokens(SandboxClock *clock)
    : m_clock(clock)
{ }

QString AmoTokens::issueCode(const QString &account, const QString &clientId, qint64 userId, qint64 ttlSecs)
{
    const QString code = QStringLiteral("def50200") + randomHex(160);
    m_codes.insert(code, Code { account, clientId, userId, m_clock->nowSecs() + ttlSecs, false });
    return code;
}

AmoTokens::GrantResult AmoTokens::exchangeCode(const QString &codeValue, const QString &clientId,
                                               const QString &account, qint64 accountId,
                                               const Lifetimes &lifetimes)
{
    auto it = m_codes.find(codeValue);
    if (it == m_codes.end() || it->clientId != clientId || it->account != account)
        return failure(400, QStringLiteral("Cannot decrypt the authorization code"));
    if (it->used)
        return failure(400, QStringLiteral("Authorization code has been revoked"));
    if (m_clock->nowSecs() > it->expiresAt)
        return failure(400, QStringLiteral("Authorization code has expired"));
    it->used = true;
    return issuePair(account, clientId, it->userId, accountId, 0, lifetimes);
}

AmoTokens::GrantResult AmoTokens::refresh(const QString &refreshToken, const QString &clientId,
                                          const QString &account, qint64 accountId,
                                          const Lifetimes &lifetimes)
{
    auto it = m_tokens.find(refreshToken);
    if (it == m_tokens.end() || it->kind != Kind::Refresh || it->clientId != clientId
        || it->account != account)
        return failure(401, QStringLiteral("Cannot decrypt the refresh token"));
    if (it->revoked)
        return failure(401, QStringLiteral("Token has been revoked"));
    if (m_clock->nowSecs() > it->expiresAt)
        return failure(401, QStringLiteral("Token has expired"));
    const quint64 pairId = it->pairId;
    const qint64 userId = it->userId;
    markUsed(pairId);
    return issuePair(account, clientId, userId, accountId, pairId, lifetimes);
}

AmoTokens::GrantResult AmoTokens::issuePair(const QString &account, const QString &clientId, qint64 userId,
                                            qint64 accountId, quint64 parent, const Lifetimes &lifetimes)
{
    const qint64 now = m_clock->nowSecs();
    const quint64 pairId = m_nextPair++;
    Pair pair;
    pair.parent = parent;
    pair.access = makeJwt(clientId, userId, accountId, now + lifetimes.accessSecs);
    pair.refresh = QStringLiteral("def50200") + randomHex(192);
    m_tokens.insert(
        pair.access,
        Token { Kind::Access, account, clientId, userId, now + lifetimes.accessSecs, false, pairId });
    m_tokens.insert(
        pair.refresh,
        Token { Kind::Refresh, account, clientId, userId, now + lifetimes.refreshSecs, false, pairId });
    m_pairs.insert(pairId, pair);
    GrantResult r;
    r.ok = true;
    r.status = 200;
    r.tokens = { pair.access, pair.refresh, lifetimes.accessSecs };
    return r;
}

void AmoTokens::markUsed(quint64 pairId)
{
    auto it = m_pairs.find(pairId);
    if (it == m_pairs.end() || it->used)
        return;
    it->used = true;
    const quint64 parent = it->parent;
    if (parent == 0)
        return;
    // The grace period of the parent's refresh token ends now, and so does every other branch that was
    // issued from it (a retried refresh whose answer the client never saw).
    auto parentIt = m_pairs.find(parent);
    if (parentIt != m_pairs.end() && m_tokens.contains(parentIt->refresh))
        m_tokens[parentIt->refresh].revoked = true;
    for (auto p = m_pairs.begin(); p != m_pairs.end(); ++p) {
        if (p.key() != pairId && p->parent == parent && !p->used && m_tokens.contains(p->refresh))
            m_tokens[p->refresh].revoked = true;
    }
}

AmoTokens::AccessCheck AmoTokens::checkAccess(const QString &token, const QString &account)
{
    AccessCheck check;
    auto it = m_tokens.find(token);
    if (it == m_tokens.end() || it->kind == Kind::Refresh) {
        check.reason = QStringLiteral("unknown token");
        return check;
    }
    if (it->account != account) {
        check.reason = QStringLiteral("token of another account");
        return check;
    }
    if (it->revoked) {
        check.reason = QStringLiteral("Token has been revoked");
        return check;
    }
    if (m_clock->nowSecs() > it->expiresAt) {
        check.reason = QStringLiteral("Token has expired");
        return check;
    }
    if (it->kind == Kind::Access)
        markUsed(it->pairId);
    check.ok = true;
    check.account = it->account;
    check.userId = it->userId;
    return check;
}

QString AmoTokens::issueLongLived(const QString &account, const QString &clientId, qint64 userId,
                                  qint64 accountId, qint64 ttlSecs)
{
    const qint64 expiresAt = m_clock->nowSecs() + ttlSecs;
    const QString token = makeJwt(clientId, userId, accountId, expiresAt);
    m_tokens.insert(token, Token { Kind::LongLived, account, clientId, userId, expiresAt, false, 0 });
    return token;
}

int AmoTokens::revoke(const QString &token, const QString &account)
{
    int count = 0;
    for (auto it = m_tokens.begin(); it != m_tokens.end(); ++it) {
        if ((token.isEmpty() && it->account == account) || it.key() == token) {
            if (!it->revoked)
                ++count;
            it->revoked = true;
        }
    }
    if (token.isEmpty()) {
        for (auto it = m_codes.begin(); it != m_codes.end(); ++it) {
            if (it->account == account)
                it->used = true;
        }
    }
    return count;
}

QString AmoTokens::makeJwt(const QString &clientId, qint64 userId, qint64 accountId, qint64 expiresAt) const
{
    const qint64 now = m_clock->nowSecs();
    const QJsonObject header { { "typ", "JWT" }, { "alg", "RS256" } };
    const QJsonObject payload {
        { "aud", clientId },
        { "jti", randomHex(40) },
        { "iat", now },
        { "nbf", now },
        { "exp", expiresAt },
        { "sub", QString::number(userId) },
        { "grant_type", "" },
        { "account_id", accountId },
        { "base_domain", "amocrm.ru" },
        { "version", 2 },
        { "scopes", QJsonArray { "crm", "files", "files_delete", "notifications", "push_notifications" } },
        { "api_domain", "api-b.amocrm.ru" }
    };
    const QByteArray signingInput = base64Url(QJsonDocument(header).toJson(QJsonDocument::Compact)) + '.'
        + base64Url(QJsonDocument(payload).toJson(QJsonDocument::Compact));
    const QByteArray signature = QMessageAuthenticationCode::hash(
        signingInput, QByteArrayLiteral("crm-sandbox"), QCryptographicHash::Sha256);
    return QString::fromLatin1(signingInput + '.' + base64Url(signature));
}

void AmoTokens::clear()
{
    m_tokens.clear();
    m_pairs.clear();
    m_codes.clear();
}

QJsonObject AmoTokens::toJson() const
{
    QJsonObject tokens;
    for (auto it = m_tokens.cbegin(); it != m_tokens.cend(); ++it) {
        tokens.insert(it.key(),
                      QJsonObject { { "kind", int(it->kind) },
                                    { "account", it->account },
                                    { "client_id", it->clientId },
                                    { "user_id", it->userId },
                                    { "expires_at", it->expiresAt },
                                    { "revoked", it->revoked },
                                    { "pair", qint64(it->pairId) } });
    }
    QJsonObject pairs;
    for (auto it = m_pairs.cbegin(); it != m_pairs.cend(); ++it) {
        pairs.insert(QString::number(it.key()),
                     QJsonObject { { "parent", qint64(it->parent) },
                                   { "access", it->access },
                                   { "refresh", it->refresh },
                                   { "used", it->used } });
    }
    QJsonObject codes;
    for (auto it = m_codes.cbegin(); it != m_codes.cend(); ++it) {
        codes.insert(it.key(),
                     QJsonObject { { "account", it->account },
                                   { "client_id", it->clientId },
                                   { "user_id", it->userId },
                                   { "expires_at", it->expiresAt },
                                   { "used", it->used } });
    }
    return QJsonObject {
        { "tokens", tokens }, { "pairs", pairs }, { "codes", codes }, { "next_pair", qint64(m_nextPair) }
    };
}

void AmoTokens::loadJson(const QJsonObject &json)
{
    clear();
    const QJsonObject tokens = json.value("tokens").toObject();
    for (auto it = tokens.begin(); it != tokens.end(); ++it) {
        const QJsonObject t = it.value().toObject();
        m_tokens.insert(it.key(),
                        Token { Kind(t.value("kind").toInt()), t.value("account").toString(),
                                t.value("client_id").toString(), t.value("user_id").toInteger(),
                                t.value("expires_at").toInteger(), t.value("revoked").toBool(),
                                quint64(t.value("pair").toInteger()) });
    }
    const QJsonObject pairs = json.value("pairs").toObject();
    for (auto it = pairs.begin(); it != pairs.end(); ++it) {
        const QJsonObject p = it.value().toObject();
        m_pairs.insert(it.key().toULongLong(),
                       Pair { quint64(p.value("parent").toInteger()), p.value("access").toString(),
                              p.value("refresh").toString(), p.value("used").toBool() });
    }
    const QJsonObject codes = json.value("codes").toObject();
    for (auto it = codes.begin(); it != codes.end(); ++it) {
        const QJsonObject c = it.value().toObject();
        m_codes.insert(it.key(),
                       Code { c.value("account").toString(), c.value("client_id").toString(),
                              c.value("user_id").toInteger(), c.value("expires_at").toInteger(),
                              c.value("used").toBool() });
    }
    m_nextPair = quint64(json.value("next_pair").toInteger(1));
}

} // namespace Sandbox::AmoCrm
