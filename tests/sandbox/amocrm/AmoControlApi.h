// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/HttpTypes.h"
#include "common/Router.h"

#include <QJsonObject>

namespace Sandbox::AmoCrm {

class AmoContext;
struct AmoAccount;
struct AmoCall;

/**
 * The test-only control API under `/__sandbox/` (no auth, no rate limit, not counted): reset, seed,
 * state, faults, clock, auth codes, long-lived tokens, revocation, account flags, extra accounts,
 * integration settings and changes "by a manager" that fire events and webhooks. See README.md.
 * Server thread.
 */
class AmoControlApi
{
public:
    explicit AmoControlApi(AmoContext &context);

    HttpResponse handle(const HttpRequest &request);

    struct Call
    {
        const HttpRequest &request;
        QJsonObject body;
        QJsonObject query;
    };

private:
    AmoAccount *accountOf(const Call &call);
    HttpResponse reset(Call &call);
    HttpResponse seed(Call &call);
    HttpResponse state(Call &call);
    HttpResponse faults(Call &call);
    HttpResponse clock(Call &call);
    HttpResponse authCode(Call &call);
    HttpResponse longLivedToken(Call &call);
    HttpResponse revoke(Call &call);
    HttpResponse account(Call &call);
    HttpResponse addAccount(Call &call);
    HttpResponse integration(Call &call);
    HttpResponse managerLeadStatus(Call &call);
    HttpResponse managerEntity(Call &call, const QString &type);
    HttpResponse managerNote(Call &call);
    HttpResponse managerDeleteCatalogElements(Call &call);
    HttpResponse seedEntities(AmoAccount &account, const QJsonObject &body);

    AmoContext &m_context;
    Router<Call> m_router;
};

} // namespace Sandbox::AmoCrm
