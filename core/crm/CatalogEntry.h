// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Crm {

/**
 * One shop product as a CRM's catalogue gets it (amoCRM: an element of the products list). The
 * external id is written into the element so a create whose answer was lost is found again, never
 * made twice. Value type.
 */
struct CatalogEntry
{
    QString key; ///< the caller's correlation key (the product key)
    QString externalId; ///< "<source>:<product key>", written into the element
    QString elementId; ///< the CRM's element to update; empty: create one
    QString name;
    QString article;
    QString description;
    QString groupPath; ///< "Обувь / Кроссовки"
    QString imageUrl;
    QString url;
    QString currency; ///< ISO 4217; the CRM may keep prices in its account's currency only
    double price = 0;
    bool active = true;
    /** The shop no longer has the product: only its active flag is sent (what else it had is not known). */
    bool retireOnly = false;
    bool operator==(const CatalogEntry &) const = default;
};

/** A deal's cart line as the CRM's catalogue has it (a follow-up of the deal links them). */
struct DraftProduct
{
    QString productKey;
    QString elementId;
    QString name;
    double quantity = 0;
    double price = 0;
    bool operator==(const DraftProduct &) const = default;
};

} // namespace Crm
