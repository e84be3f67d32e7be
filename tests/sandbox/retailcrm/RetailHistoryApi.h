// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "RetailCall.h"

namespace Sandbox::RetailCrm {

class RetailStore;

/**
 * `orders/history` (sinceId, dates, order filters; `apiKey.current` marks the caller's own changes)
 * and the payment endpoints `orders/payments/create` and `orders/payments/{id}/edit`.
 * Must be constructed before RetailOrdersApi so its fixed paths win over `orders/{externalId}`.
 * Server thread.
 */
class RetailHistoryApi
{
public:
    RetailHistoryApi(RetailStore &store, RetailRouter &router);

private:
    HttpResponse history(RetailCall &call);
    HttpResponse createPayment(RetailCall &call);
    HttpResponse editPayment(RetailCall &call);

    RetailStore &m_store;
};

} // namespace Sandbox::RetailCrm
