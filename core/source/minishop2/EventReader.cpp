// SPDX-License-Identifier: GPL-3.0-or-later
#include "EventReader.h"

#include "MiniShop2Log.h"
#include "common/PhoneNumber.h"
#include "model/StatusChange.h"

#include <QJsonDocument>

namespace Source::MiniShop2 {

using Common::Result;
using Common::Status;
using Model::ShopEvent;

namespace {
QJsonObject objectOf(const QString &text)
{
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8());
    return doc.isObject() ? doc.object() : QJsonObject();
}

QString textOf(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}
} // namespace

EventReader::EventReader(OrderReader &reader, ReadSettings settings)
    : m_reader(reader)
    , m_settings(std::move(settings))
{ }

QString EventReader::orderHash(const Model::ShopOrder &order)
{
    QJsonObject content = order.toJson();
    content.remove(QStringLiteral("status_id"));
    content.remove(QStringLiteral("status_name"));
    content.remove(QStringLiteral("updated_at"));
    return ShopEvent::hashOf(content);
}

ShopEvent EventReader::orderEvent(const QString &source, ShopEvent::Kind kind, const Model::ShopOrder &order)
{
    ShopEvent event;
    event.kind = kind;
    event.source = source;
    event.entityId = order.id;
    event.payload = order.toJson();
    event.reference = order.number;
    const Model::Address &address = order.address;
    event.customer = address.receiver.isEmpty() ? order.customer.name : address.receiver;
    event.phone = ShopEvent::phoneKey(address.phone.isEmpty() ? order.customer.phone : address.phone);
    event.email = Common::normaliseEmail(address.email.isEmpty() ? order.customer.email : address.email);
    event.contentHash = orderHash(order);
    return event;
}

ShopEvent EventReader::customerEvent(const Model::Customer &customer) const
{
    ShopEvent event;
    event.kind = ShopEvent::Kind::CustomerSaved;
    event.source = m_settings.source;
    event.entityId = customer.id;
    event.payload = customer.toJson();
    event.reference = customer.name;
    event.customer = customer.name;
    event.phone = ShopEvent::phoneKey(customer.phone);
    event.email = Common::normaliseEmail(customer.email);
    event.contentHash = ShopEvent::hashOf(event.payload);
    return event;
}

Result<Marks> EventReader::starting(const Marks &marks)
{
    Marks start;
    auto maxIdMark = [&](const QString &stream, const char *table) -> Status {
        if (marks.contains(stream))
            return {};
        auto last = m_reader.maxId(table);
        if (!last)
            return last.error();
        IdWatermark mark;
        mark.after = last.value();
        start.insert(stream, mark.toJson());
        return {};
    };
    if (!marks.contains(ordersStream()) && m_settings.fromBeginning)
        start.insert(ordersStream(), IdWatermark().toJson());
    for (const auto &[stream, table] :
         { std::pair { ordersStream(), "ms2_orders" }, std::pair { logsStream(), "ms2_order_logs" },
           std::pair { usersStream(), "users" } }) {
        if (start.contains(stream))
            continue;
        if (auto set = maxIdMark(stream, table); !set)
            return set.error();
    }
    if (!marks.contains(savesStream())) {
        auto last = m_reader.lastUpdate();
        if (!last)
            return last.error();
        start.insert(savesStream(),
                     textOf({ { QStringLiteral("at"), last.value() }, { QStringLiteral("id"), 0 } }));
    }
    if (!marks.contains(profilesStream()))
        start.insert(profilesStream(),
                     textOf({ { QStringLiteral("after"), 0 },
                              { QStringLiteral("baseline"), true },
                              { QStringLiteral("pass_at"), 0 } }));
    if (!start.isEmpty())
        qCInfo(lcMiniShop2) << m_settings.source << ": starts reading"
                            << start.keys().join(QStringLiteral(", "))
                            << (m_settings.fromBeginning ? "(orders from the first)" : "from now on");
    return start;
}

Result<SourceRead> EventReader::read(const Marks &stored, int maxEvents, qint64 nowMs)
{
    SourceRead read;
    auto start = starting(stored);
    if (!start)
        return start.error();
    Marks marks = stored;
    for (auto it = start->cbegin(); it != start->cend(); ++it)
        marks.insert(it.key(), it.value());
    read.marks = start.value();

    m_reader.refreshNames();
    IdWatermark orders = IdWatermark::fromJson(marks.value(ordersStream()));
    IdWatermark logs = IdWatermark::fromJson(marks.value(logsStream()));
    IdWatermark users = IdWatermark::fromJson(marks.value(usersStream()));
    QJsonObject saves = objectOf(marks.value(savesStream()));
    QJsonObject profiles = objectOf(marks.value(profilesStream()));
    const IdWatermark ordersBefore = orders, logsBefore = logs, usersBefore = users;
    const QJsonObject savesBefore = saves, profilesBefore = profiles;

    if (auto done = readOrders(orders, maxEvents, nowMs, read); !done)
        return done.error();
    if (auto done = readLogs(orders, logs, maxEvents, nowMs, read); !done)
        return done.error();
    if (auto done = readSaves(orders, saves, maxEvents, read); !done)
        return done.error();
    if (auto done = readUsers(users, maxEvents, nowMs, read); !done)
        return done.error();
    if (auto done = readProfiles(users, profiles, nowMs, read); !done)
        return done.error();

    // Only the streams that moved go back to the store: a read that found nothing writes nothing.
    if (!(orders == ordersBefore))
        read.marks.insert(ordersStream(), orders.toJson());
    if (!(logs == logsBefore))
        read.marks.insert(logsStream(), logs.toJson());
    if (!(users == usersBefore))
        read.marks.insert(usersStream(), users.toJson());
    if (saves != savesBefore)
        read.marks.insert(savesStream(), textOf(saves));
    if (profiles != profilesBefore)
        read.marks.insert(profilesStream(), textOf(profiles));
    return read;
}

Status EventReader::readOrders(IdWatermark &mark, int max, qint64 nowMs, SourceRead &read)
{
    auto heads = m_reader.heads(mark.after, max, mark.tracked());
    if (!heads)
        return heads.error();
    read.more = read.more || heads->size() >= max;
    QList<IdWatermark::Row> rows;
    for (const OrderReader::Head &head : heads.value())
        rows.append({ head.id, head.status != 0 });
    const IdWatermark::Step step = mark.advance(rows, nowMs, m_settings.limits);
    auto orders = m_reader.orders(step.toEmit);
    if (!orders)
        return orders.error();
    for (const Model::ShopOrder &order : orders.value()) {
        if (step.overdue.contains(order.id.toLongLong()))
            qCWarning(lcMiniShop2) << m_settings.source << ": order" << order.number
                                   << "stayed at status 0; sent as it is";
        read.events.append(orderEvent(m_settings.source, ShopEvent::Kind::OrderCreated, order));
    }
    return {};
}

Status EventReader::readLogs(const IdWatermark &orders, IdWatermark &mark, int max, qint64 nowMs,
                             SourceRead &read)
{
    auto logRows = m_reader.logs(mark.after, max, mark.tracked());
    if (!logRows)
        return logRows.error();
    read.more = read.more || logRows->size() >= max;
    QList<IdWatermark::Row> rows;
    QHash<qint64, OrderReader::LogRow> byId;
    for (const OrderReader::LogRow &row : logRows.value()) {
        const qint64 orderId = row.orderId.toLongLong();
        // A change of an order not emitted yet waits for its OrderCreated.
        const bool orderKnown
            = orderId <= orders.after && !orders.waiting.contains(orderId) && !orders.gaps.contains(orderId);
        rows.append({ row.id, orderKnown || row.action != QLatin1String("status") });
        byId.insert(row.id, row);
    }
    const IdWatermark::Step step = mark.advance(rows, nowMs, m_settings.limits);
    QList<OrderReader::LogRow> emitted;
    QList<qint64> orderIds;
    for (qint64 id : step.toEmit) {
        const OrderReader::LogRow &row = byId[id];
        if (row.action != QLatin1String("status"))
            continue;
        emitted << row;
        orderIds << row.orderId.toLongLong();
    }
    auto before = m_reader.statusesBefore(emitted);
    auto numbers = m_reader.numbers(orderIds);
    if (!before || !numbers)
        return !before ? before.error() : numbers.error();
    for (const OrderReader::LogRow &row : std::as_const(emitted)) {
        const QString from = before->value(row.id, QStringLiteral("0"));
        if (from == QLatin1String("0"))
            continue; // the order's creation: already an OrderCreated
        Model::StatusChange change;
        change.origin = Model::StatusChange::Origin::Shop;
        change.orderId = row.orderId;
        change.orderNumber = numbers->value(row.orderId.toLongLong());
        change.fromStatus = from;
        change.toStatus = row.entry;
        change.at = row.at;
        change.eventId = QString::number(row.id);
        ShopEvent event;
        event.kind = ShopEvent::Kind::OrderStatusChanged;
        event.source = m_settings.source;
        event.entityId = change.orderId;
        event.revision = change.eventId;
        event.reference = change.orderNumber;
        event.payload = change.toJson();
        read.events.append(event);
    }
    return {};
}

Status EventReader::readSaves(const IdWatermark &orders, QJsonObject &mark, int max, SourceRead &read)
{
    auto updates = m_reader.updatedAfter(mark.value(QStringLiteral("at")).toString(),
                                         mark.value(QStringLiteral("id")).toInteger(), max);
    if (!updates)
        return updates.error();
    read.more = read.more || updates->size() >= max;
    QList<qint64> ids;
    for (const OrderReader::Update &update : updates.value()) {
        // An order not emitted yet is skipped: its OrderCreated will carry this state.
        if (update.id <= orders.after && !orders.waiting.contains(update.id)
            && !orders.gaps.contains(update.id))
            ids << update.id;
        mark.insert(QStringLiteral("at"), update.at);
        mark.insert(QStringLiteral("id"), update.id);
    }
    auto saved = m_reader.orders(ids);
    if (!saved)
        return saved.error();
    for (const Model::ShopOrder &order : saved.value())
        read.events.append(orderEvent(m_settings.source, ShopEvent::Kind::OrderChanged, order));
    return {};
}

Status EventReader::readUsers(IdWatermark &mark, int max, qint64 nowMs, SourceRead &read)
{
    auto ids = m_reader.userIdsAfter(mark.after, max);
    if (!ids)
        return ids.error();
    read.more = read.more || ids->size() >= max;
    QList<IdWatermark::Row> rows;
    for (qint64 id : ids.value())
        rows.append({ id, true });
    const IdWatermark::Step step = mark.advance(rows, nowMs, m_settings.limits);
    auto customers = m_reader.customers(step.toEmit);
    if (!customers)
        return customers.error();
    for (const Model::Customer &customer : customers.value())
        read.events.append(customerEvent(customer));
    return {};
}

Status EventReader::readProfiles(const IdWatermark &users, QJsonObject &mark, qint64 nowMs, SourceRead &read)
{
    const qint64 after = mark.value(QStringLiteral("after")).toInteger();
    const bool baseline = mark.value(QStringLiteral("baseline")).toBool();
    const qint64 passAt = mark.value(QStringLiteral("pass_at")).toInteger();
    if (after == 0 && !baseline && nowMs - passAt < m_settings.profileRescanMs)
        return {}; // between passes
    // Users not emitted yet are left to their registration.
    auto ids = m_reader.userIdsAfter(after, m_settings.profilePage, users.after);
    if (!ids)
        return ids.error();
    auto customers = m_reader.customers(ids.value());
    if (!customers)
        return customers.error();
    for (const Model::Customer &customer : customers.value()) {
        ShopEvent event = customerEvent(customer);
        event.baseline = baseline;
        read.events.append(event);
    }
    if (ids->size() < m_settings.profilePage) {
        // The pass is complete: the next one starts after profileRescanMs, and compares.
        mark.insert(QStringLiteral("after"), 0);
        mark.insert(QStringLiteral("baseline"), false);
        mark.insert(QStringLiteral("pass_at"), nowMs);
        return {};
    }
    mark.insert(QStringLiteral("after"), ids->last());
    read.more = true;
    return {};
}

} // namespace Source::MiniShop2
