// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/HttpTypes.h"
#include "common/Router.h"

#include <QJsonObject>

namespace Sandbox::RetailCrm {

class RetailStore;
class RetailTriggerSender;

/**
 * The `/__sandbox/` control API of the RetailCRM sandbox (JSON in, JSON out, no key): reset, seed,
 * state with counters, faults, clock, rate limit, extra API keys and manager actions that show up in
 * `orders/history` or `customers/history` as `source: user`. Server thread.
 */
class RetailControlApi
{
public:
    RetailControlApi(RetailStore &store, RetailTriggerSender &trigger);

    HttpResponse handle(const HttpRequest &request);
    void setBaseUrl(const QString &baseUrl) { m_baseUrl = baseUrl; }

private:
    struct Call
    {
        const HttpRequest &request;
        QJsonObject body;
    };

    HttpResponse reset(Call &call);
    HttpResponse seed(Call &call);
    HttpResponse state(Call &call);
    HttpResponse faults(Call &call);
    HttpResponse clock(Call &call);
    HttpResponse rateLimit(Call &call);
    HttpResponse managerOrder(Call &call, bool statusOnly);
    /** A manager edits a customer ({id} or {externalId, site}, "customer": the patch): customers/history. */
    HttpResponse managerCustomer(Call &call);
    /** Adds, renames (edits) or deletes (`"delete":true`) one custom field, as an administrator would. */
    HttpResponse customField(Call &call);

    RetailStore &m_store;
    RetailTriggerSender &m_trigger;
    Router<Call> m_router;
    QString m_baseUrl;
};

} // namespace Sandbox::RetailCrm
