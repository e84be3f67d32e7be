// SPDX-License-Identifier: GPL-3.0-or-later
#include "AmoOAuthApi.h"

#include "AmoContext.h"
#include "AmoErrors.h"
#include "common/QueryParams.h"

#include <QUrlQuery>

namespace Sandbox::AmoCrm {

namespace {

QString htmlEscape(const QString &s)
{
    return s.toHtmlEscaped();
}

HttpResponse htmlPage(int status, const QString &title, const QString &content)
{
    const QString html
        = QStringLiteral("<!DOCTYPE html><html lang=\"ru\"><head><meta charset=\"utf-8\"><title>%1</title>"
                         "</head><body><h1>%1</h1>%2</body></html>")
              .arg(htmlEscape(title), content);
    return HttpResponse::text(status, html.toUtf8(), "text/html; charset=UTF-8");
}

QJsonObject readBody(const HttpRequest &request)
{
    if (request.header("content-type").startsWith("application/x-www-form-urlencoded")) {
        QJsonObject out;
        for (const auto &[key, value] : parseFormPairs(request.body))
            out.insert(key, value);
        return out;
    }
    return QJsonDocument::fromJson(request.body).object();
}

} // namespace

AmoOAuthApi::AmoOAuthApi(AmoContext &context)
    : m_context(context)
{ }

QUrl AmoOAuthApi::redirectFor(const QString &subdomain, bool allow, const QString &state, bool hasState)
{
    QUrl url(m_context.options.redirectUri);
    QUrlQuery query(url);
    AmoAccount *account = m_context.account(subdomain);
    if (allow && account) {
        const QString code = m_context.tokens.issueCode(
            subdomain, m_context.options.clientId, account->adminUserId(), m_context.options.authCodeTtlSecs);
        query.addQueryItem(QStringLiteral("code"), code);
        query.addQueryItem(QStringLiteral("referer"), m_context.refererFor(subdomain));
    } else {
        query.addQueryItem(QStringLiteral("error"), QStringLiteral("access_denied"));
    }
    if (hasState)
        query.addQueryItem(QStringLiteral("state"), QString::fromLatin1(QUrl::toPercentEncoding(state)));
    url.setQuery(query);
    return url;
}

HttpResponse AmoOAuthApi::consentPage(const HttpRequest &request, const QString &subdomain)
{
    const QJsonObject query = parsePhpQuery(request.rawQuery);
    const QString clientId = query.value("client_id").toString();
    if (clientId != m_context.options.clientId)
        return htmlPage(400, QStringLiteral("Интеграция не найдена"),
                        QStringLiteral("<p>Неизвестный client_id.</p>"));
    const QString sub = query.contains("account") ? query.value("account").toString() : subdomain;
    if (!m_context.account(sub))
        return htmlPage(404, QStringLiteral("Аккаунт не найден"), QString());
    const bool hasState = query.contains("state");
    const QString state = query.value("state").toString();
    if (m_context.options.autoApprove)
        return HttpResponse::redirect(redirectFor(sub, true, state, hasState));
    auto form = [&](const QString &decision, const QString &label) {
        return QStringLiteral("<form method=\"post\" action=\"/oauth/decision\">"
                              "<input type=\"hidden\" name=\"client_id\" value=\"%1\">"
                              "<input type=\"hidden\" name=\"account\" value=\"%2\">"
                              "<input type=\"hidden\" name=\"state\" value=\"%3\">"
                              "<input type=\"hidden\" name=\"has_state\" value=\"%4\">"
                              "<input type=\"hidden\" name=\"mode\" value=\"%5\">"
                              "<input type=\"hidden\" name=\"decision\" value=\"%6\">"
                              "<button type=\"submit\" id=\"%6\">%7</button></form>")
            .arg(htmlEscape(clientId), htmlEscape(sub), htmlEscape(state), hasState ? "1" : "0",
                 htmlEscape(query.value("mode").toString()), decision, label);
    };
    const QString content
        = QStringLiteral("<p>Интеграция «CRM Bridge» запрашивает доступ к аккаунту <b>%1</b>.</p>%2%3")
              .arg(htmlEscape(sub), form(QStringLiteral("allow"), QStringLiteral("Разрешить")),
                   form(QStringLiteral("deny"), QStringLiteral("Отказать")));
    return htmlPage(200, QStringLiteral("Предоставить доступ"), content);
}

HttpResponse AmoOAuthApi::decision(const HttpRequest &request)
{
    QJsonObject form;
    for (const auto &[key, value] : parseFormPairs(request.body))
        form.insert(key, value);
    if (form.value("client_id").toString() != m_context.options.clientId)
        return htmlPage(400, QStringLiteral("Интеграция не найдена"), QString());
    const QString sub = form.value("account").toString();
    if (!m_context.account(sub))
        return htmlPage(404, QStringLiteral("Аккаунт не найден"), QString());
    const bool allow = form.value("decision").toString() == QLatin1String("allow");
    return HttpResponse::redirect(redirectFor(sub, allow, form.value("state").toString(),
                                              form.value("has_state").toString() == QLatin1String("1")));
}

HttpResponse AmoOAuthApi::token(AmoCall &call)
{
    const QJsonObject body = readBody(call.request);
    const QString badRequest = QStringLiteral("Некорректный запрос");
    const QString badDetail = QStringLiteral("В запросе отсутствует ряд параметров или параметры невалидны");
    if (body.value("client_id").toString() != m_context.options.clientId
        || body.value("client_secret").toString() != m_context.options.clientSecret)
        return Errors::oauth(401, QStringLiteral("Некорректный клиент"),
                             QStringLiteral("Авторизация клиента не прошла"), QString());
    const QString grant = body.value("grant_type").toString();
    if (grant.isEmpty())
        return Errors::oauth(400, badRequest, badDetail, QStringLiteral("Check the `grant_type` parameter"));
    if (body.value("redirect_uri").toString() != m_context.options.redirectUri)
        return Errors::oauth(400, badRequest, badDetail,
                             QStringLiteral("Check the `redirect_uri` parameter"));
    const AmoTokens::Lifetimes lifetimes { m_context.options.accessTokenTtlSecs,
                                           m_context.options.refreshTokenTtlSecs };
    AmoTokens::GrantResult result;
    if (grant == QLatin1String("authorization_code")) {
        const QString code = body.value("code").toString();
        if (code.isEmpty())
            return Errors::oauth(400, badRequest, badDetail, QStringLiteral("Check the `code` parameter"));
        result = m_context.tokens.exchangeCode(code, m_context.options.clientId, call.account.subdomain,
                                               call.account.id, lifetimes);
    } else if (grant == QLatin1String("refresh_token")) {
        const QString refresh = body.value("refresh_token").toString();
        if (refresh.isEmpty())
            return Errors::oauth(400, badRequest, badDetail,
                                 QStringLiteral("Check the `refresh_token` parameter"));
        result = m_context.tokens.refresh(refresh, m_context.options.clientId, call.account.subdomain,
                                          call.account.id, lifetimes);
    } else {
        return Errors::oauth(400, QStringLiteral("Неподдерживаемый тип гранта"), badDetail,
                             QStringLiteral("Check the `grant_type` parameter"));
    }
    if (!result.ok)
        return Errors::oauth(result.status, result.title, result.detail, result.hint);
    const QJsonObject answer { { "token_type", "Bearer" },
                               { "expires_in", result.tokens.expiresIn },
                               { "access_token", result.tokens.accessToken },
                               { "refresh_token", result.tokens.refreshToken },
                               { "server_time", call.now } };
    return HttpResponse::json(200, QJsonDocument(answer), "application/json");
}

} // namespace Sandbox::AmoCrm
