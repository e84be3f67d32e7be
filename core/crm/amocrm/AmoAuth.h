// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "AmoTokens.h"
#include "common/Result.h"

#include <QUrl>
#include <functional>

namespace Net {
class HttpClient;
}

namespace Crm::AmoCrm {

/** The integration's public side: what the token endpoint needs besides the secret. */
struct AmoIntegration
{
    QUrl baseUrl; ///< the account, e.g. https://example.amocrm.ru (or the sandbox's loopback URL)
    QString clientId;
    QString redirectUri;
};

/** What the operator pasted: a bare authorization code, or the whole redirect URL. */
struct PastedAuth
{
    QString code;
    QString referer; ///< empty for a bare code
    QString state;
};

/**
 * The OAuth pieces shared by the browser flow, the code paste and the session's refresh: URLs,
 * paste parsing, and the two grants at /oauth2/access_token (JSON bodies, never logged).
 */
namespace AmoAuth {

/** The consent page: amoCRM's www host for *.amocrm.ru / *.kommo.com accounts, else {base}/oauth. */
QUrl authorizeUrl(const QUrl &accountBase, const QString &clientId, const QString &state,
                  const QString &mode = QStringLiteral("post_message"));

/** Accepts a code, or a URL / query string with code, referer, state (or error=access_denied). */
Common::Result<PastedAuth> parsePasted(const QString &text);

/**
 * The API base for a redirect's referer. The referer is trusted only when it is an amoCRM/Kommo
 * account host or the configured account itself (the client secret is sent there); the scheme is the
 * configured one (https for real accounts, http for the loopback sandbox).
 */
Common::Result<QUrl> baseUrlFromReferer(const QString &referer, const QUrl &configuredBase);

using TokensCallback = std::function<void(Common::Result<AmoTokenSet>)>;
void exchangeCode(Net::HttpClient &client, const AmoIntegration &integration, const QUrl &accountBase,
                  const QString &clientSecret, const QString &code, qint64 nowMs, TokensCallback done);
void refresh(Net::HttpClient &client, const AmoIntegration &integration, const QUrl &accountBase,
             const QString &clientSecret, const QString &refreshToken, qint64 nowMs, TokensCallback done);

/** True when a token-endpoint error means the grant itself is dead (revoked, expired, unknown). */
bool isDeadGrant(const Common::Error &error);

} // namespace AmoAuth

} // namespace Crm::AmoCrm
