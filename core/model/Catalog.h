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

/** A variant of a product the shop sells on its own (a msOptionsPrice2 modification): its own
 *  article, price and stock, and the option values that tell it apart ("size" → "42"). */
struct CatalogVariant
{
    QString id; ///< the shop's modification id
    QString name;
    QString article;
    double price = 0; ///< the price a buyer pays for it
    double oldPrice = 0;
    double weight = 0;
    double quantity = 0;
    QString picture;
    QMap<QString, QString> options;
    bool active = true;
    bool operator==(const CatalogVariant &) const = default;
};

/** One product as the shop sells it (a product without variants is its own offer). */
struct CatalogProduct
{
    QString id;
    QString name;
    QString article;
    QString description; ///< plain text or HTML, as the shop keeps it
    QString currency = QStringLiteral("RUB"); ///< ISO 4217
    double price = 0;
    double oldPrice = 0;
    double weight = 0; ///< kg
    double quantity = 0; ///< in stock
    QString url; ///< absolute when the shop's address is known
    QString picture;
    QString vendor;
    QStringList categoryIds; ///< the main category first
    QMap<QString, QString> params; ///< code → value ("made_in" → "Россия")
    QList<CatalogVariant> variants; ///< empty: the product is sold as it is
    bool active = true;
    bool operator==(const CatalogProduct &) const = default;
};

/** A shop's catalogue: what a CRM's catalogue import (RetailCRM ICML) is built from. Value type. */
struct Catalog
{
    QList<CatalogCategory> categories;
    QList<CatalogProduct> products;

    /** "Обувь / Мужская обувь / Кроссовки": the names from the root down to @p categoryId. */
    QString categoryPath(const QString &categoryId) const;
};

} // namespace Model
