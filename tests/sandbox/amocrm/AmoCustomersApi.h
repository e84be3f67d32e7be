// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "AmoCall.h"

namespace Sandbox::AmoCrm {

class AmoContext;
class ValidationErrors;

/**
 * `/api/v4/customers` (CRUD like leads), the mode (`GET/PATCH /customers/mode`), segments
 * (`/customers/segments`) and transactions (`/api/v4/customers/transactions`,
 * `/api/v4/customers/{id}/transactions`; each counts into the customer's `ltv`, `purchases_count` and
 * `average_check`). Answers 422 while the account's customers mode is "disabled" or "unavailable".
 * Server thread.
 */
class AmoCustomersApi
{
public:
    AmoCustomersApi(AmoContext &context, AmoRouter &router);

    /** Applies a write's fields to a customer (a new one has id 0), as PATCH /customers does. */
    static void applyCustomer(AmoCall &call, QJsonObject &customer, const QJsonObject &input,
                              const QString &rid, ValidationErrors &errors);

private:
    HttpResponse list(AmoCall &call);
    HttpResponse get(AmoCall &call);
    HttpResponse write(AmoCall &call, bool creating, qint64 singleId);
    HttpResponse mode(AmoCall &call);
    HttpResponse currentMode(AmoCall &call);
    HttpResponse segments(AmoCall &call, qint64 id);
    void validateTransaction(const AmoCall &call, const QJsonObject &item, const QString &rid,
                             ValidationErrors &errors) const;
    HttpResponse transactions(AmoCall &call, qint64 customerId);
    HttpResponse addTransactions(AmoCall &call);
    HttpResponse removeTransaction(AmoCall &call);
    QJsonObject renderTransaction(const AmoCall &call, const QJsonObject &transaction) const;

    AmoContext &m_context;
};

} // namespace Sandbox::AmoCrm
