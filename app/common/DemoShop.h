// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Result.h"
#include "source/SourceRepo.h"

#include <QList>
#include <QString>
#include <memory>

namespace App {

/**
 * The demo's shop (DemoSession): a platform's shop that the product's own source reads, with orders
 * already in it and customers who keep ordering. SqlDemoShop is a miniShop2 or 1C-Bitrix database
 * (SQLite), MoySkladDemoShop the MoySklad sandbox's camera shop. Main thread; owned by the DemoSession.
 */
class DemoShop
{
public:
    virtual ~DemoShop() = default;

    /** The demo shop platforms: "minishop2", "bitrix", "moysklad". */
    static QStringList names();
    /** The shop of @p name (one of names()); nullptr for another name. */
    static std::unique_ptr<DemoShop> make(const QString &name);

    /** "miniShop2", "1C-Bitrix", "MoySklad". */
    virtual QString title() const = 0;
    /** What and where the shop is, for the demo's first lines: "1C-Bitrix on SQLite". */
    virtual QString describe() const { return QStringLiteral("%1 on SQLite").arg(title()); }
    /** Makes the shop in @p dir with about @p orders orders. */
    virtual Common::Status create(const QString &dir, int orders) = 0;
    /** How the store names the shop as its source @p name: the platform, where it is, how to read it. */
    virtual Source::SourceRecord sourceRecord(const QString &name) const = 0;
    /** What the source opens with (an API token); empty for a database the demo made. */
    virtual QByteArray secret() const { return {}; }
    /** Orders the product sends from this shop so far (a MoySklad sale to a company is not one). */
    virtual int orders() const = 0;
    /** A customer orders (or a cashier rings up a sale). */
    virtual void placeOrder() = 0;
    /** The shop's orders still new, newest first: what a manager takes up next (RetailCRM's demo). */
    virtual QList<qint64> freshOrders() const { return {}; }
    /** Whether the shop's catalogue is published for the CRM (an ICML file for RetailCRM). */
    virtual bool publishesCatalogue() const { return true; }
};

} // namespace App
