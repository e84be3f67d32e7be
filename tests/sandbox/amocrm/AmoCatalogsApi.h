// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "AmoCall.h"

namespace Sandbox::AmoCrm {

class AmoContext;

/**
 * `/api/v4/catalogs` (lists; ids from 1000, at most 10 per account, at most one of type `products` and
 * one of type `invoices`) and their elements: list, get, add and update in batches of 250, and delete
 * in batches of 50 (see README, Assumptions). A `products` catalog comes with its predefined fields
 * SKU, DESCRIPTION, PRICE, GROUP and EXTERNAL_ID (amoCRM products-api). Server thread.
 */
class AmoCatalogsApi
{
public:
    AmoCatalogsApi(AmoContext &context, AmoRouter &router);

    /** The predefined fields of a products catalog, as amoCRM makes them when products are switched on. */
    static void addProductFields(AmoAccount &account, qint64 catalogId);
    /** Deletes elements as the API and a manager in the list's UI do: `is_deleted`, out of the lists. */
    static void markDeleted(AmoAccount &account, const QList<qint64> &ids, qint64 userId, qint64 now);

private:
    HttpResponse list(AmoCall &call);
    HttpResponse get(AmoCall &call);
    HttpResponse add(AmoCall &call);
    HttpResponse update(AmoCall &call, qint64 singleId);
    HttpResponse elements(AmoCall &call);
    HttpResponse element(AmoCall &call);
    HttpResponse addElements(AmoCall &call);
    HttpResponse updateElements(AmoCall &call, qint64 singleId);
    HttpResponse deleteElements(AmoCall &call);
    QJsonObject renderCatalog(const AmoCall &call, const QJsonObject &catalog) const;
    QJsonObject renderElement(const AmoCall &call, const QJsonObject &element) const;

    AmoContext &m_context;
};

} // namespace Sandbox::AmoCrm
