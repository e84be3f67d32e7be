// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "RetailCall.h"

namespace Sandbox::RetailCrm {

class RetailStore;

/**
 * Orders: list with filters, create, edit and get by externalId (default) or id, upload of up to 50,
 * `orders/statuses` and `orders/fix-external-ids`. Registers its routes on construction; server thread.
 */
class RetailOrdersApi
{
public:
    RetailOrdersApi(RetailStore &store, RetailRouter &router);

private:
    HttpResponse list(RetailCall &call);
    HttpResponse create(RetailCall &call);
    HttpResponse edit(RetailCall &call);
    HttpResponse get(RetailCall &call);
    HttpResponse upload(RetailCall &call);
    HttpResponse statuses(RetailCall &call);
    HttpResponse fixExternalIds(RetailCall &call);

    RetailStore &m_store;
};

} // namespace Sandbox::RetailCrm
