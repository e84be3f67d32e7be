// SPDX-License-Identifier: GPL-3.0-or-later
#include "MiniShop2Source.h"

#include "CatalogReader.h"
#include "MiniShop2Log.h"
#include "StatusWriter.h"
#include "common/PhoneNumber.h"
#include "model/StatusChange.h"
#include "source/EchoGuardRepo.h"
#include "source/EventOutbox.h"
#include "storage/Transaction.h"
#include "store/JobRepo.h"
#include "store/WatermarkRepo.h"

#include <QSet>

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

Result<QList<Mapping::SourceField>> MiniShop2Source::fieldCatalogue()
{
    auto keys = m_reader->propertyKeys();
    if (!keys)
        return keys.error();
    return Mapping::SourceFieldCatalogue::forOrders(keys.value());
}

Result<Mapping::CategoryTree> MiniShop2Source::categories()
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

Result<Model::ShopEvent> MiniShop2Source::orderCreated(qint64 id, bool overdue)
{
    auto order = m_reader->order(id);
    if (!order)
        return order.error();
    if (overdue)
        qCWarning(lcMiniShop2) << name() << ": order" << order->number << "stayed at status 0; sent as it is";
    Model::ShopEvent event;
    event.kind = Model::ShopEvent::Kind::OrderCreated;
    event.source = name();
    event.entityId = order->id;
    event.payload = order->toJson();
    event.reference = order->number;
    const Model::Address &address = order->address;
    event.customer = address.receiver.isEmpty() ? order->customer.name : address.receiver;
    event.phone = EventOutbox::phoneKey(address.phone.isEmpty() ? order->customer.phone : address.phone);
    event.email = Common::normaliseEmail(address.email.isEmpty() ? order->customer.email : address.email);
    return event;
}

Result<int> MiniShop2Source::poll(int maxEvents)
{
    // The lanes route products by category through this cache; a failed read never stops the poll.
    (void)refreshCategoryCache(*this, m_store, m_clock);
    Store::WatermarkRepo watermarks(m_store, m_clock);
    auto storedOrders = watermarks.value(name(), ordersStream());
    auto storedLogs = watermarks.value(name(), logsStream());
    if (!storedOrders || !storedLogs)
        return (!storedOrders ? storedOrders.error() : storedLogs.error());
    if (!storedOrders->has_value() && !m_config.fromBeginning) {
        // A new source on a live shop starts at its present: history comes through `crmbridgectl import`.
        auto lastOrder = m_reader->maxId("ms2_orders");
        auto lastLog = m_reader->maxId("ms2_order_logs");
        if (!lastOrder || !lastLog)
            return (!lastOrder ? lastOrder.error() : lastLog.error());
        Storage::Transaction tx(*m_store);
        IdWatermark orders, logs;
        orders.after = lastOrder.value();
        logs.after = lastLog.value();
        if (auto set = watermarks.setValue(name(), ordersStream(), orders.toJson()); !set)
            return set.error();
        if (auto set = watermarks.setValue(name(), logsStream(), logs.toJson()); !set)
            return set.error();
        if (auto committed = tx.commit(); !committed)
            return committed.error();
        qCInfo(lcMiniShop2) << name() << ": starts after order" << orders.after << "and log row"
                            << logs.after;
        return 0;
    }
    IdWatermark orderMark = IdWatermark::fromJson(storedOrders->value_or(QString()));
    IdWatermark logMark = IdWatermark::fromJson(storedLogs->value_or(QString()));
    const qint64 now = m_clock->nowMs();
    m_reader->refreshNames();

    // Shop reads first, outside the store transaction, which then stays short.
    QList<Model::ShopEvent> events;
    auto heads = m_reader->heads(orderMark.after, maxEvents, orderMark.tracked());
    if (!heads)
        return heads.error();
    QList<IdWatermark::Row> orderRows;
    for (const OrderReader::Head &head : heads.value())
        orderRows.append({ head.id, head.status != 0 });
    const IdWatermark::Step orderStep = orderMark.advance(orderRows, now, m_config.limits);
    for (qint64 id : orderStep.toEmit) {
        auto event = orderCreated(id, orderStep.overdue.contains(id));
        if (!event)
            return event.error();
        events.append(event.value());
    }

    auto logRows = m_reader->logs(logMark.after, maxEvents, logMark.tracked());
    if (!logRows)
        return logRows.error();
    QList<IdWatermark::Row> rows;
    QHash<qint64, OrderReader::LogRow> byId;
    for (const OrderReader::LogRow &row : logRows.value()) {
        const qint64 orderId = row.orderId.toLongLong();
        // A change of an order not emitted yet waits for its OrderCreated.
        const bool orderKnown = orderId <= orderMark.after && !orderMark.waiting.contains(orderId)
            && !orderMark.gaps.contains(orderId);
        rows.append({ row.id, orderKnown || row.action != QLatin1String("status") });
        byId.insert(row.id, row);
    }
    const IdWatermark::Step logStep = logMark.advance(rows, now, m_config.limits);
    QList<Model::StatusChange> changes;
    for (qint64 id : logStep.toEmit) {
        const OrderReader::LogRow &row = byId[id];
        if (row.action != QLatin1String("status"))
            continue;
        auto from = m_reader->statusBefore(row.orderId, row.id);
        if (!from)
            return from.error();
        if (from.value() == QLatin1String("0"))
            continue; // the order's creation: already an OrderCreated
        auto number = m_reader->orderNumber(row.orderId);
        if (!number)
            return number.error();
        Model::StatusChange change;
        change.origin = Model::StatusChange::Origin::Shop;
        change.orderId = row.orderId;
        change.orderNumber = number.value();
        change.fromStatus = from.value();
        change.toStatus = row.entry;
        change.at = row.at;
        change.eventId = QString::number(row.id);
        changes.append(change);
    }

    Storage::Transaction tx(*m_store);
    if (!tx.isActive())
        return tx.error();
    Store::OutboxFanOut outbox(m_store, m_clock);
    EchoGuardRepo echo(m_store, m_clock);
    int appended = 0;
    for (const Model::StatusChange &change : changes) {
        auto ours = echo.consume(name(), change.eventId, change.orderId, change.toStatus);
        if (!ours)
            return ours.error();
        if (ours.value()) {
            qCDebug(lcMiniShop2) << name() << ": log row" << change.eventId << "is our own write";
            continue;
        }
        Model::ShopEvent event;
        event.kind = Model::ShopEvent::Kind::OrderStatusChanged;
        event.source = name();
        event.entityId = change.orderId;
        event.revision = change.eventId;
        event.reference = change.orderNumber;
        event.payload = change.toJson();
        events.append(event);
    }
    for (const Model::ShopEvent &event : events) {
        auto added = EventOutbox::append(outbox, event);
        if (!added)
            return added.error();
        appended += added->created ? 1 : 0;
    }
    if (auto set = watermarks.setValue(name(), ordersStream(), orderMark.toJson()); !set)
        return set.error();
    if (auto set = watermarks.setValue(name(), logsStream(), logMark.toJson()); !set)
        return set.error();
    if (auto committed = tx.commit(); !committed)
        return committed.error();
    if (appended > 0)
        qCInfo(lcMiniShop2) << name() << ": appended" << appended << "events";
    return appended;
}

Common::Status MiniShop2Source::writeStatus(const QString &orderId, const QString &statusId)
{
    EchoGuardRepo echo(m_store, m_clock);
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
    QList<Model::ShopOrder> orders;
    for (const OrderReader::Head &head : heads.value()) {
        auto order = m_reader->order(head.id);
        if (!order)
            return order.error();
        orders.append(order.value());
    }
    return orders;
}

Common::Result<QList<Model::Customer>> MiniShop2Source::customersAfter(qint64 afterId, int limit)
{
    return m_reader->customersAfter(afterId, limit);
}

} // namespace Source::MiniShop2
