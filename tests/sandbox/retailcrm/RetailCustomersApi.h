// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "RetailCall.h"

namespace Sandbox::RetailCrm {

class RetailStore;

/**
 * Customers: list with filters, create, edit and get by externalId (default) or id, and upload of up
 * to 50 at once. Registers its routes on construction; server thread.
 */
class RetailCustomersApi
{
public:
    RetailCustomersApi(RetailStore &store, RetailRouter &router);

    /**
     * Validates @p input and stores it as a new customer on @p site. Answers the stored customer, or
     * an empty object with @p errors (keyed by field) and @p message set.
     */
    static QJsonObject create(RetailStore &store, const QJsonObject &input, const QString &site,
                              QJsonObject *errors, QString *message);

private:
    HttpResponse list(RetailCall &call);
    HttpResponse createOne(RetailCall &call);
    HttpResponse edit(RetailCall &call);
    HttpResponse get(RetailCall &call);
    HttpResponse upload(RetailCall &call);

    RetailStore &m_store;
};

} // namespace Sandbox::RetailCrm
