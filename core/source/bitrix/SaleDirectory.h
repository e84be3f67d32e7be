// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "SaleSchema.h"
#include "model/CategoryTree.h"
#include "source/ShopDb.h"
#include "source/ShopSource.h"

namespace Source::Bitrix {

/**
 * The lists a Bitrix shop keeps beside its orders: order statuses (`b_sale_status` TYPE 'O', named
 * from `b_sale_status_lang` in the source's language, else any language, else the id), delivery
 * services (`b_sale_delivery_srv`) and payment systems (`b_sale_pay_system`), and the catalogue's
 * iblock section tree. Reads on the calling (source) thread; holds nothing between calls.
 */
class SaleDirectory
{
public:
    SaleDirectory(ShopDb &db, const SaleSchema &schema, QString language)
        : m_db(db)
        , m_schema(schema)
        , m_language(std::move(language))
    { }

    Common::Result<QList<ShopStatus>> statuses();
    Common::Result<QList<ShopMethod>> methods(MethodKind kind);
    /** Empty when the iblock tables are not in this database. */
    Common::Result<Model::CategoryTree> categories();

private:
    ShopDb &m_db;
    const SaleSchema &m_schema;
    QString m_language;
};

} // namespace Source::Bitrix
