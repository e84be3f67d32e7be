// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/Catalog.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace Crm::RetailCrm {

/**
 * The shop's catalogue as RetailCRM's ICML (Yandex YML with RetailCRM's additions; reference A.7):
 *
 *     <yml_catalog date="Y-m-d H:i:s"><shop><name/><company/>
 *       <categories><category id="3" parentId="2">Name</category>…</categories>
 *       <offers><offer id="15" productId="15" quantity="16"><url/><price/><purchasePrice/>?
 *         <categoryId/>… <picture/>? <name/><productName/><vendor/>? <vendorCode/>?
 *         <param name="Артикул" code="article">…</param> <param …/>… <weight/>?
 *         <productActivity>Y|N</productActivity></offer>…</offers></shop></yml_catalog>
 *
 * A product is one offer whose id (and productId) is the shop's product id: the `offer.externalId` the
 * connector sends in order items. Each of its variants (msOptionsPrice2 modifications) is an offer of
 * its own with the same productId, id "mod-<product>-<modification>" (what the connector sends for a
 * cart line with that modification, as modRetailCRM does), its own name, price, article, stock and
 * activity, and its options as params. Text is escaped by the XML writer (modRetailCRM replaced "&"
 * with "AND" instead). Pure function; any thread.
 */
class IcmlWriter
{
public:
    struct Options
    {
        QString shopName;
        QString company;
        QDateTime generatedAt;
    };

    static QByteArray write(const Model::Catalog &catalog, const Options &options);
    /** The offer id of a variant: "mod-15-3". */
    static QString variantOfferId(const QString &productId, const QString &variantId);
};

} // namespace Crm::RetailCrm
