// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "RetailCall.h"

namespace Sandbox::RetailCrm {

class RetailStore;

/**
 * `custom-fields` (list with filter[entity], filter[code], filter[type][]), `custom-fields/{entity}/{code}`,
 * `custom-fields/{entity}/create` and `custom-fields/{entity}/{code}/edit` for order and customer fields
 * (RetailCustomFields holds the rules). Registers its routes on construction; server thread.
 */
class RetailCustomFieldsApi
{
public:
    RetailCustomFieldsApi(RetailStore &store, RetailRouter &router);

private:
    HttpResponse list(RetailCall &call);
    HttpResponse get(RetailCall &call);
    HttpResponse create(RetailCall &call);
    HttpResponse edit(RetailCall &call);

    RetailStore &m_store;
};

} // namespace Sandbox::RetailCrm
