// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/HttpTypes.h"
#include "common/Router.h"

#include <QJsonObject>

namespace Sandbox::MoySklad {

class MoySkladEntities;
class MoySkladStore;
class MoySkladWebhookSender;

/**
 * The `/__sandbox/` control API of the MoySklad sandbox (JSON in, JSON out, no auth, no gzip): reset,
 * seed, state (entity counts, request counters, the budget's figures: requests, 429s, peak units in a
 * window, ban), rate-limit settings, unban (what MoySklad support does), faults, clock, the webhook
 * delivery log, and `ui/<type>`: a user's create/edit/delete in the MoySklad web interface, which fires
 * webhooks like any change. Server thread.
 */
class MoySkladControlApi
{
public:
    MoySkladControlApi(MoySkladStore &store, MoySkladWebhookSender &webhooks);
    ~MoySkladControlApi();

    HttpResponse handle(const HttpRequest &request);

private:
    struct Call
    {
        const HttpRequest &request;
        QJsonObject body;
        QStringList params;
    };

    HttpResponse state(Call &call);
    HttpResponse userEdit(Call &call);

    MoySkladStore &m_store;
    MoySkladWebhookSender &m_webhooks;
    std::unique_ptr<MoySkladEntities> m_entities;
    int m_tillSales = 0; ///< sales the till rang up, after the seed's own (their numbers go on)
    Router<Call> m_router;
};

} // namespace Sandbox::MoySklad
