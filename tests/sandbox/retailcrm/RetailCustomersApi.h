// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "RetailCall.h"

namespace Sandbox::RetailCrm {

class RetailStore;

/**
 * Customers: list with filters, create, edit and get by externalId (default) or id, upload of up
 * to 50 at once, and customers/history (every create and edit is recorded). Registers its routes on
 * construction; server thread.
 */
class RetailCustomersApi
{
public:
    RetailCustomersApi(RetailStore &store, RetailRouter &router);

    /**
     * Validates @p input and stores it as a new customer on @p site. Answers the stored customer, or
     * an empty object with @p errors (keyed by field) and @p message set. Its customers/history entry
     * is by @p apiKey (empty: a manager).
     */
    static QJsonObject create(RetailStore &store, const QJsonObject &input, const QString &site,
                              QJsonObject *errors, QString *message, const QString &apiKey = {});
    /** Validates and applies @p patch to @p customer, with history entries by @p apiKey (empty: a
     *  manager); answers the errors keyed by field (empty: applied). */
    static QJsonObject change(RetailStore &store, QJsonObject &customer, const QJsonObject &patch,
                              const QString &apiKey);

private:
    HttpResponse list(RetailCall &call);
    HttpResponse createOne(RetailCall &call);
    HttpResponse edit(RetailCall &call);
    HttpResponse get(RetailCall &call);
    HttpResponse upload(RetailCall &call);

    RetailStore &m_store;
};

} // namespace Sandbox::RetailCrm
