// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "AmoCall.h"

namespace Sandbox::AmoCrm {

class AmoContext;

/**
 * The OAuth side: the consent page `GET /oauth` (Allow/Deny, or an immediate redirect in auto-approve
 * mode), its form target `POST /oauth/decision`, and the token endpoint `POST /oauth2/access_token`
 * for the authorization_code and refresh_token grants. Server thread.
 */
class AmoOAuthApi
{
public:
    explicit AmoOAuthApi(AmoContext &context);

    HttpResponse consentPage(const HttpRequest &request, const QString &subdomain);
    HttpResponse decision(const HttpRequest &request);
    HttpResponse token(AmoCall &call);

    /** The redirect a browser gets after Allow (@p allow) or Deny. */
    QUrl redirectFor(const QString &subdomain, bool allow, const QString &state, bool hasState);

private:
    AmoContext &m_context;
};

} // namespace Sandbox::AmoCrm
