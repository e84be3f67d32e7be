// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "RetailCall.h"

namespace Sandbox::RetailCrm {

class RetailStore;

/**
 * `orders/history` (sinceId, dates, order filters; `apiKey.current` marks the caller's own changes;
 * `customers/history` is the same list for customers, served by RetailCustomersApi through page())
 * and the payment endpoints `orders/payments/create` and `orders/payments/{id}/edit`.
 * Must be constructed before RetailOrdersApi so its fixed paths win over `orders/{externalId}`.
 * Server thread.
 */
class RetailHistoryApi
{
public:
    RetailHistoryApi(RetailStore &store, RetailRouter &router);

    /**
     * One page of a history list (@p entity "order" or "customer"): filter[sinceId], startDate,
     * endDate, <entity>Id and <entity>ExternalId, the caller's sites, `apiKey.current` for the caller.
     */
    static HttpResponse page(RetailCall &call, const QList<QJsonObject> &entries, const QString &entity,
                             const QString &now);

private:
    HttpResponse history(RetailCall &call);
    HttpResponse createPayment(RetailCall &call);
    HttpResponse editPayment(RetailCall &call);

    RetailStore &m_store;
};

} // namespace Sandbox::RetailCrm
