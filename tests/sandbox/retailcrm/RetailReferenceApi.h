// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "RetailCall.h"

namespace Sandbox::RetailCrm {

class RetailStore;

/**
 * The reference dictionaries (`/api/v5/reference/...`, maps keyed by code) and the versionless
 * `/api/credentials` and `/api/api-versions`, and `store/products` over the offer catalogue. Registers its
 * routes on construction; server thread.
 */
class RetailReferenceApi
{
public:
    RetailReferenceApi(RetailStore &store, RetailRouter &router);

private:
    HttpResponse credentials(RetailCall &call);
    HttpResponse products(RetailCall &call);

    RetailStore &m_store;
};

} // namespace Sandbox::RetailCrm
