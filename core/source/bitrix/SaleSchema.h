// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "SiteCharset.h"
#include "source/ShopDb.h"

#include <QSet>
#include <QString>

namespace Source::Bitrix {

/**
 * What one Bitrix install's `sale` module (and its neighbours) look like, found by probing tables and
 * columns instead of trusting a version number:
 * - payments and shipments in `b_sale_order_payment` / `b_sale_order_delivery` (sale 16+, the D7
 *   order), or only the order's own PAY_SYSTEM_ID / DELIVERY_ID (older installs);
 * - the order history `b_sale_order_change`, where status changes are recorded;
 * - `b_sale_bizval_persondomain`, which says which person types are legal entities (DOMAIN 'E');
 * - the `form` module (`b_form_result`), the `iblock` sections (category routing);
 * - the text columns' character set on MySQL (utf8/utf8mb4 or cp1251 on an old install), and what
 *   the text really is when they are declared latin1 (SiteCharset).
 * Value type; made by probe() on its source's thread.
 */
struct SaleSchema
{
    bool hasPayments = false;
    bool hasShipments = false;
    bool hasOrderChange = false;
    bool hasPersonDomains = false;
    bool hasStatusLang = false;
    bool hasForms = false;
    bool hasIblockSections = false;
    bool hasDeliveryServices = false; ///< b_sale_delivery_srv (names of DELIVERY_ID)
    bool hasPaySystems = false;
    QString charset; ///< of b_sale_order's text columns: "utf8mb4", "cp1251" … ("utf8" on SQLite)
    SiteCharset::Stored stored = SiteCharset::Stored::AsDeclared; ///< cp1251 bytes in latin1 tables …
    QSet<QString> orderColumns;
    QSet<QString> basketColumns;

    /** "sale 16+ (payments, shipments), cp1251" for people. */
    QString layoutName() const;
    bool isCp1251() const { return charset.startsWith(QLatin1String("cp1251")); }

    /** A text column's value as the site meant it: trimmed, repaired when the tables are misdeclared. */
    QString text(const QVariant &value) const;

    /** @p stored: what the source's config says the text is (nullopt: found out, see SiteCharset);
     *  @p site: the source's site (LID), whose charset setting counts. */
    static Common::Result<SaleSchema> probe(ShopDb &db, std::optional<SiteCharset::Stored> stored = {},
                                            const QString &site = {});
    /** The column names of a Bitrix table (`sale_order` for b_sale_order), upper case; NotFound when
     *  the table is missing. */
    static Common::Result<QSet<QString>> columns(ShopDb &db, const char *table);
};

} // namespace Source::Bitrix
