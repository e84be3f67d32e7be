// SPDX-License-Identifier: GPL-3.0-or-later
#include "MiniShop2Source.h"

#include "CatalogReader.h"
#include "MiniShop2Log.h"
#include "StatusWriter.h"
#include "store/EchoGuardRepo.h"

namespace Source::MiniShop2 {

using Common::Error;
using Common::Result;

Result<MiniShop2Config> MiniShop2Config::fromRecord(const SourceRecord &record, const QByteArray &password)
{
    if (record.kind != QLatin1String("minishop2"))
        return Error::invalidInput(
            QStringLiteral("The source %1 is a %2 source").arg(record.name, record.kind));
    auto url = ShopDbUrl::parse(record.url);
    if (!url)
        return url.error();
    MiniShop2Config config;
    config.name = record.name;
    config.url = url.value();
    if (!password.isEmpty())
        config.url.password = QString::fromUtf8(password);
    config.prefix = record.config.value(QStringLiteral("prefix")).toString(QStringLiteral("modx_"));
    config.fromBeginning
        = record.config.value(QStringLiteral("start")).toString() == QLatin1String("beginning");
    config.limits.waitLimitMs
        = qint64(record.config.value(QStringLiteral("wait_status0_minutes")).toDouble(60) * 60'000);
    config.limits.gapLimitMs
        = qint64(record.config.value(QStringLiteral("gap_minutes")).toDouble(10) * 60'000);
    config.profileRescanMs
        = qint64(record.config.value(QStringLiteral("profile_rescan_minutes")).toDouble(5) * 60'000);
    return config;
}

Result<std::unique_ptr<MiniShop2Source>> MiniShop2Source::open(MiniShop2Config config,
                                                               std::shared_ptr<Storage::Database> store,
                                                               const Common::Clock *clock)
{
    if (config.name.isEmpty())
        return Error::invalidInput(QStringLiteral("A miniShop2 source needs a name"));
    auto shop = ShopDb::open(config.url, config.prefix);
    if (!shop)
        return shop.error();
    auto schema = ShopSchema::probe(*shop.value());
    if (!schema)
        return schema.error();
    qCInfo(lcMiniShop2) << config.name << ": miniShop2" << schema->layoutName() << "layout at"
                        << config.url.toDisplayString() << "prefix" << config.prefix;
    return std::unique_ptr<MiniShop2Source>(new MiniShop2Source(
        std::move(config), std::move(shop).value(), std::move(schema).value(), std::move(store), clock));
}

MiniShop2Source::MiniShop2Source(MiniShop2Config config, std::shared_ptr<ShopDb> shop, ShopSchema schema,
                                 std::shared_ptr<Storage::Database> store, const Common::Clock *clock)
    : m_config(std::move(config))
    , m_shop(std::move(shop))
    , m_reader(std::make_unique<OrderReader>(*m_shop, std::move(schema)))
    , m_store(std::move(store))
    , m_clock(clock)
{ }

MiniShop2Source::~MiniShop2Source() = default;

Result<QList<Model::SourceField>> MiniShop2Source::fieldCatalogue()
{
    auto keys = m_reader->propertyKeys();
    if (!keys)
        return keys.error();
    return Model::SourceFieldCatalogue::forOrders(keys.value());
}

Result<Model::CategoryTree> MiniShop2Source::categories()
{
    return m_reader->categories();
}

Result<QList<ShopStatus>> MiniShop2Source::statuses()
{
    return m_reader->statuses();
}

Result<QList<ShopMethod>> MiniShop2Source::methods(MethodKind kind)
{
    return m_reader->methods(kind);
}

Result<SourceSummary> MiniShop2Source::summary()
{
    SourceSummary summary;
    auto orders = m_reader->count("ms2_orders");
    auto statuses = m_reader->count("ms2_order_statuses");
    auto categories
        = m_reader->count("site_content", QStringLiteral("WHERE class_key = 'msCategory' AND deleted = 0"));
    for (const auto *result : { &orders, &statuses, &categories }) {
        if (!*result)
            return result->error();
    }
    summary.orders = orders.value();
    summary.statuses = statuses.value();
    summary.categories = categories.value();
    summary.details
        = QStringLiteral("miniShop2 %1 layout, table prefix \"%2\", %3")
              .arg(m_reader->schema().layoutName(), m_config.prefix, m_config.url.toDisplayString());
    return summary;
}

Result<SourceRead> MiniShop2Source::read(const Marks &marks, int maxEvents)
{
    ReadSettings settings;
    settings.source = name();
    settings.fromBeginning = m_config.fromBeginning;
    settings.limits = m_config.limits;
    settings.profileRescanMs = m_config.profileRescanMs;
    return EventReader(*m_reader, settings).read(marks, std::max(1, maxEvents), m_clock->nowMs());
}

Common::Status MiniShop2Source::writeStatus(const QString &orderId, const QString &statusId)
{
    Store::EchoGuardRepo echo(m_store, m_clock);
    StatusWriter writer(*m_shop, *m_reader, m_clock);
    return writer.write(name(), echo, orderId, statusId);
}

Common::Result<Model::Catalog> MiniShop2Source::catalog(const QString &siteUrl)
{
    return CatalogReader(*m_shop).read(siteUrl);
}

Common::Result<QList<Model::ShopOrder>> MiniShop2Source::ordersAfter(qint64 afterId, int limit)
{
    auto heads = m_reader->heads(afterId, limit, {});
    if (!heads)
        return heads.error();
    QList<qint64> ids;
    for (const OrderReader::Head &head : heads.value())
        ids << head.id;
    return m_reader->orders(ids);
}

Common::Result<QList<Model::Customer>> MiniShop2Source::customersAfter(qint64 afterId, int limit)
{
    return m_reader->customersAfter(afterId, limit);
}

Common::Result<qint64> MiniShop2Source::countHistory(const OrderRange &range)
{
    return m_reader->countInRange(range);
}

Common::Result<QList<Model::ShopEvent>> MiniShop2Source::history(const OrderRange &range, qint64 afterId,
                                                                 int limit)
{
    m_reader->refreshNames();
    auto ids = m_reader->idsInRange(range, afterId, limit);
    if (!ids)
        return ids.error();
    auto orders = m_reader->orders(ids.value());
    if (!orders)
        return orders.error();
    QList<Model::ShopEvent> events;
    for (const Model::ShopOrder &order : orders.value())
        events.append(EventReader::orderEvent(name(), Model::ShopEvent::Kind::OrderCreated, order));
    return events;
}

} // namespace Source::MiniShop2
