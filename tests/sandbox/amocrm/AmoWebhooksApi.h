// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "AmoCall.h"

namespace Sandbox::AmoCrm {

class AmoContext;

/**
 * `/api/v4/webhooks`: list (filter[destination]), subscribe (POST; an existing destination is updated
 * and re-enabled), unsubscribe (DELETE with {"destination"}). Deliveries are done by AmoNotifier and
 * AmoWebhookSender. Server thread.
 */
class AmoWebhooksApi
{
public:
    AmoWebhooksApi(AmoContext &context, AmoRouter &router);

    static QStringList knownSettings();

private:
    HttpResponse list(AmoCall &call);
    HttpResponse subscribe(AmoCall &call);
    HttpResponse unsubscribe(AmoCall &call);

    AmoContext &m_context;
};

} // namespace Sandbox::AmoCrm
