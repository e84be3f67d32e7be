// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "DemoShop.h"

namespace Source {
class ShopDb;
}

namespace App {

/**
 * A miniShop2 or 1C-Bitrix demo shop in an SQLite database (DemoShopGenerator, BitrixDemoShop): its
 * orders are rows the demo writes, one small insert per new order. Main thread.
 */
class SqlDemoShop : public DemoShop
{
public:
    /** @p platform: "minishop2" or "bitrix". */
    explicit SqlDemoShop(QString platform);
    ~SqlDemoShop() override;

    QString title() const override;
    Common::Status create(const QString &dir, int orders) override;
    Source::SourceRecord sourceRecord(const QString &name) const override;
    int orders() const override { return m_orders; }
    void placeOrder() override;
    QList<qint64> freshOrders() const override;

private:
    bool isBitrix() const { return m_platform == QLatin1String("bitrix"); }

    QString m_platform;
    std::shared_ptr<Source::ShopDb> m_shop;
    int m_orders = 0;
};

} // namespace App
