// SPDX-License-Identifier: GPL-3.0-or-later
#include "SqlDemoShop.h"

#include "source/bitrix/BitrixDemoShop.h"
#include "source/minishop2/DemoShopGenerator.h"
#include "source/minishop2/ShopDb.h"

namespace App {

using Source::MiniShop2::DemoShopGenerator;

SqlDemoShop::SqlDemoShop(QString platform)
    : m_platform(std::move(platform))
{ }

SqlDemoShop::~SqlDemoShop() = default;

QString SqlDemoShop::title() const
{
    return isBitrix() ? QStringLiteral("1C-Bitrix") : QStringLiteral("miniShop2");
}

Common::Status SqlDemoShop::create(const QString &dir, int orders)
{
    auto url
        = Source::MiniShop2::ShopDbUrl::parse(QStringLiteral("sqlite://") + dir + QStringLiteral("/shop.db"));
    if (!url)
        return url.error();
    auto shop
        = Source::ShopDb::open(url.value(), isBitrix() ? QStringLiteral("b_") : QStringLiteral("modx_"));
    if (!shop)
        return shop.error();
    m_shop = shop.value();
    if (isBitrix()) {
        Source::Bitrix::BitrixDemoShop::Options options;
        options.orders = orders;
        auto stats = Source::Bitrix::BitrixDemoShop::generate(*m_shop, options);
        if (!stats)
            return stats.error();
        m_orders = stats->orders;
        return {};
    }
    DemoShopGenerator::Options options;
    options.orders = orders;
    auto stats = DemoShopGenerator::generate(*m_shop, options);
    if (!stats)
        return stats.error();
    m_orders = stats->orders;
    return {};
}

Source::SourceRecord SqlDemoShop::sourceRecord(const QString &name) const
{
    Source::SourceRecord source;
    source.name = name;
    source.kind = m_platform;
    source.url = m_shop->url().toDisplayString();
    // The orders already in the shop go to the CRM too: that is the first thing the demo shows.
    source.config = QJsonObject { { QStringLiteral("prefix"), m_shop->prefix() },
                                  { QStringLiteral("start"), QStringLiteral("beginning") } };
    return source;
}

void SqlDemoShop::placeOrder()
{
    if (isBitrix()) {
        if (auto placed = Source::Bitrix::BitrixDemoShop::addOrders(*m_shop, 1, quint32(m_orders)))
            m_orders += placed->orders;
        return;
    }
    if (auto placed = DemoShopGenerator::addOrders(*m_shop, 1, 4, quint32(m_orders)))
        m_orders += placed->orders;
}

QList<qint64> SqlDemoShop::freshOrders() const
{
    // The orders still "new" (miniShop2's status 1, Bitrix's N, "accepted"), newest first.
    auto query = m_shop->exec(
        isBitrix() ? QStringLiteral("SELECT ID FROM %1 WHERE STATUS_ID = 'N' ORDER BY ID DESC LIMIT 200")
                         .arg(m_shop->table("sale_order"))
                   : QStringLiteral("SELECT id FROM %1 WHERE status = 1 ORDER BY id DESC LIMIT 200")
                         .arg(m_shop->table("ms2_orders")));
    QList<qint64> fresh;
    if (!query)
        return fresh;
    while (query->next())
        fresh.append(query->value(0).toLongLong());
    return fresh;
}

} // namespace App
