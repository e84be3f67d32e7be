// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "RetailCall.h"

namespace Sandbox::RetailCrm {

class RetailStore;

/**
 * The account's users (managers): `users` (filter[active], filter[isManager], filter[email], paged) and
 * `users/{id}`. Registers its routes on construction; server thread.
 */
class RetailUsersApi
{
public:
    RetailUsersApi(RetailStore &store, RetailRouter &router);

private:
    HttpResponse list(RetailCall &call);

    RetailStore &m_store;
};

} // namespace Sandbox::RetailCrm
