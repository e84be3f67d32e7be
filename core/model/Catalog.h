// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace Model {

struct CatalogCategory
{
    QString id;
    QString parentId; ///< empty or "0" for a root
    QString name;
    bool operator==(const CatalogCategory &) const = default;
};

/** One product as the shop sells it (a product without variants is its own offer). */
struct CatalogProduct
{
    QString id;
    QString name;
    QString article;
    double price = 0;
    double oldPrice = 0;
    double weight = 0; ///< kg
    double quantity = 0; ///< in stock
    QString url; ///< absolute when the shop's address is known
    QString picture;
    QString vendor;
    QStringList categoryIds; ///< the main category first
    QMap<QString, QString> params; ///< code → value ("made_in" → "Россия")
    bool active = true;
    bool operator==(const CatalogProduct &) const = default;
};

/** A shop's catalogue: what a CRM's catalogue import (RetailCRM ICML) is built from. Value type. */
struct Catalog
{
    QList<CatalogCategory> categories;
    QList<CatalogProduct> products;
};

} // namespace Model
