// SPDX-License-Identifier: GPL-3.0-or-later
#include "AmoAuth.h"

#include "common/Json.h"
#include "net/HttpClient.h"
#include "net/Redactor.h"

#include <QCoreApplication>
#include <QUrlQuery>

namespace Crm::AmoCrm::AmoAuth {

using Common::Error;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("AmoCrm", text);
}

bool isAmoHost(const QString &host)
{
    for (const char *suffix : { ".amocrm.ru", ".kommo.com", ".amocrm.com", ".amocrm.com.ua" }) {
        if (host.endsWith(QLatin1String(suffix)) && !host.startsWith(QLatin1String("www.")))
            return true;
    }
    return false;
}

/** Clear words for the token endpoint's hints (see reference/amocrm.md §4). */
Error grantError(Error error, bool codeGrant)
{
    const QString hint = error.details.value("hint").toString();
    if (codeGrant && hint.contains(QLatin1String("expired"), Qt::CaseInsensitive)) {
        error.kind = Common::ErrorKind::Auth;
        error.code = QStringLiteral("code-expired");
        error.message = tr("The authorization code has expired (codes live 20 minutes). Get a new code in "
                           "the integration's “Keys and scopes” tab and paste it again.");
    } else if (codeGrant && hint.contains(QLatin1String("revoked"), Qt::CaseInsensitive)) {
        error.kind = Common::ErrorKind::Auth;
        error.code = QStringLiteral("code-used");
        error.message = tr("This authorization code was already used. Each code works once: get a new one "
                           "in the integration's “Keys and scopes” tab.");
    } else if (codeGrant && hint.contains(QLatin1String("decrypt"), Qt::CaseInsensitive)) {
        error.kind = Common::ErrorKind::Auth;
        error.code = QStringLiteral("code-invalid");
        error.message = tr("amoCRM does not recognise this authorization code (wrong account or a typo).");
    } else if (error.httpStatus == 401 && !codeGrant) {
        error.kind = Common::ErrorKind::Auth;
        error.code = hint.contains(QLatin1String("revoked"), Qt::CaseInsensitive)
            ? QStringLiteral("revoked")
            : QStringLiteral("refresh-rejected");
        error.message = tr("amoCRM refused the refresh token (%1): sign in again").arg(error.message);
    } else if (error.httpStatus == 401) {
        error.kind = Common::ErrorKind::Auth;
        error.code = QStringLiteral("bad-client");
        error.message = tr("amoCRM refused the integration's client id or secret: %1").arg(error.message);
    }
    return error;
}

void grant(Net::HttpClient &client, const QUrl &accountBase, QJsonObject body, qint64 nowMs, bool codeGrant,
           TokensCallback done)
{
    Net::HttpRequest request;
    request.method = "POST";
    request.url
        = QUrl(accountBase.toString(QUrl::StripTrailingSlash) + QStringLiteral("/oauth2/access_token"));
    request.body = Common::Json::compact(body);
    request.authenticated = false;
    request.logBodies = false;
    // A code grant is single-use: resending it after a lost answer only gives "already used".
    // A refresh may be resent: amoCRM keeps the old refresh token valid until the new pair is used.
    request.idempotent = !codeGrant;
    const QString base = accountBase.toString(QUrl::StripTrailingSlash);
    client.send(std::move(request), [done = std::move(done), nowMs, base, codeGrant](auto answer) {
        if (!answer) {
            done(grantError(answer.error(), codeGrant));
            return;
        }
        done(AmoTokenSet::fromGrant(answer->json().object(), nowMs, base));
    });
}

} // namespace

QUrl authorizeUrl(const QUrl &accountBase, const QString &clientId, const QString &state, const QString &mode)
{
    const QString host = accountBase.host();
    QUrl url;
    if (host.endsWith(QLatin1String(".kommo.com")))
        url = QUrl(QStringLiteral("https://www.kommo.com/oauth"));
    else if (isAmoHost(host))
        url = QUrl(QStringLiteral("https://www.amocrm.ru/oauth"));
    else
        url = QUrl(accountBase.toString(QUrl::StripTrailingSlash) + QStringLiteral("/oauth"));
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("client_id"), clientId);
    query.addQueryItem(QStringLiteral("state"), state);
    query.addQueryItem(QStringLiteral("mode"), mode);
    url.setQuery(query);
    return url;
}

Common::Result<PastedAuth> parsePasted(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return Error::invalidInput(tr("Paste the authorization code or the whole redirect address"));
    PastedAuth out;
    if (!trimmed.contains(QLatin1Char('=')) && !trimmed.contains(QLatin1Char('/'))) {
        out.code = trimmed;
        Net::Redactor::remember(out.code);
        return out;
    }
    const qsizetype q = trimmed.indexOf(QLatin1Char('?'));
    QUrlQuery query(q >= 0 ? trimmed.mid(q + 1) : trimmed);
    auto item = [&query](const char *name) {
        return query.queryItemValue(QLatin1String(name), QUrl::FullyDecoded);
    };
    if (item("error") == QLatin1String("access_denied"))
        return Error::auth(tr("Access was declined in amoCRM"), QStringLiteral("declined"));
    out.code = item("code");
    out.referer = item("referer");
    out.state = item("state");
    if (out.code.isEmpty())
        return Error::invalidInput(tr("The pasted address has no “code” parameter"));
    Net::Redactor::remember(out.code);
    return out;
}

Common::Result<QUrl> baseUrlFromReferer(const QString &referer, const QUrl &configuredBase)
{
    if (referer.isEmpty())
        return configuredBase;
    const QString scheme
        = configuredBase.scheme().isEmpty() ? QStringLiteral("https") : configuredBase.scheme();
    const QUrl url(scheme + QStringLiteral("://") + referer);
    const QString configured
        = configuredBase.host() + QLatin1Char(':') + QString::number(configuredBase.port());
    const QString given = url.host() + QLatin1Char(':') + QString::number(url.port());
    if (!url.isValid() || (!isAmoHost(url.host()) && given != configured))
        return Error::permanent(tr("The redirect names an account at “%1”, which is neither amoCRM nor the "
                                   "configured account; refusing to send the integration's secret there")
                                    .arg(referer),
                                QStringLiteral("bad-referer"));
    return QUrl(url.toString(QUrl::StripTrailingSlash));
}

void exchangeCode(Net::HttpClient &client, const AmoIntegration &integration, const QUrl &accountBase,
                  const QString &clientSecret, const QString &code, qint64 nowMs, TokensCallback done)
{
    grant(client, accountBase,
          QJsonObject { { "client_id", integration.clientId },
                        { "client_secret", clientSecret },
                        { "grant_type", "authorization_code" },
                        { "code", code },
                        { "redirect_uri", integration.redirectUri } },
          nowMs, true, std::move(done));
}

void refresh(Net::HttpClient &client, const AmoIntegration &integration, const QUrl &accountBase,
             const QString &clientSecret, const QString &refreshToken, qint64 nowMs, TokensCallback done)
{
    grant(client, accountBase,
          QJsonObject { { "client_id", integration.clientId },
                        { "client_secret", clientSecret },
                        { "grant_type", "refresh_token" },
                        { "refresh_token", refreshToken },
                        { "redirect_uri", integration.redirectUri } },
          nowMs, false, std::move(done));
}

bool isDeadGrant(const Common::Error &error)
{
    return error.kind == Common::ErrorKind::Auth;
}

} // namespace Crm::AmoCrm::AmoAuth
