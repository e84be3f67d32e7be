// SPDX-License-Identifier: GPL-3.0-or-later
#include "SaleEventReader.h"

#include "BitrixLog.h"
#include "FormReader.h"
#include "SaleHistoryReader.h"
#include "common/PhoneNumber.h"
#include "model/StatusChange.h"

#include <QJsonDocument>

namespace Source::Bitrix {

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

// Past every row there is now: a row of the same second comes after it only with a higher id.
QString keysetMark(const QString &at, qint64 maxId)
{
    // "start": the second is the shop's past, not one this source has read orders from.
    return textOf(
        { { QStringLiteral("at"), at }, { QStringLiteral("id"), maxId }, { QStringLiteral("start"), true } });
}
} // namespace

SaleEventReader::SaleEventReader(SaleOrderReader &reader, Settings settings)
    : m_reader(reader)
    , m_settings(std::move(settings))
{ }

QString SaleEventReader::orderHash(const Model::ShopOrder &order)
{
    QJsonObject content = order.toJson();
    for (const char *key : { "status_id", "status_name", "updated_at" })
        content.remove(QLatin1String(key));
    return ShopEvent::hashOf(content);
}

ShopEvent SaleEventReader::orderEvent(const QString &source, ShopEvent::Kind kind,
                                      const Model::ShopOrder &order)
{
    ShopEvent event;
    event.kind = kind;
    event.source = source;
    event.entityId = order.id;
    event.payload = order.toJson();
    event.reference = order.number;
    const QString company = order.customer.extra.value(QStringLiteral("company")).toString();
    event.customer = order.customer.name.isEmpty() ? company : order.customer.name;
    event.phone = ShopEvent::phoneKey(order.customer.phone);
    event.email = Common::normaliseEmail(order.customer.email);
    event.contentHash = orderHash(order);
    return event;
}

bool SaleEventReader::usesHistory() const
{
    return m_settings.statusFromHistory && m_reader.schema().hasOrderChange;
}

bool SaleEventReader::emitted(const IdWatermark &orders, qint64 id) const
{
    return id <= orders.after && !orders.waiting.contains(id) && !orders.gaps.contains(id)
        && !m_createdNow.contains(id);
}

Result<Marks> SaleEventReader::starting(const Marks &marks)
{
    Marks start;
    if (!marks.contains(ordersStream())) {
        IdWatermark mark;
        if (!m_settings.fromBeginning) {
            auto last = m_reader.maxId();
            if (!last)
                return last.error();
            mark.after = last.value();
        }
        start.insert(ordersStream(), mark.toJson());
    }
    if (usesHistory() && !marks.contains(historyStream())) {
        // From now on: the changes already made are in the orders' own state.
        auto last = SaleHistoryReader(m_reader).maxId();
        if (!last)
            return last.error();
        IdWatermark mark;
        mark.after = last.value();
        start.insert(historyStream(), mark.toJson());
    }
    for (const auto &[stream, column] :
         { std::pair { savesStream(), "DATE_UPDATE" }, std::pair { statusesStream(), "DATE_STATUS" } }) {
        if (marks.contains(stream) || (stream == statusesStream() && usesHistory()))
            continue;
        auto last = m_reader.lastOf(column);
        auto maxId = m_reader.maxId();
        if (!last || !maxId)
            return !last ? last.error() : maxId.error();
        start.insert(stream, keysetMark(last.value(), maxId.value()));
    }
    if (m_settings.readForms && m_reader.schema().hasForms && !marks.contains(formsStream())) {
        auto last = FormReader(m_reader).maxId();
        if (!last)
            return last.error();
        IdWatermark mark;
        mark.after = last.value();
        start.insert(formsStream(), mark.toJson());
    }
    if (!start.isEmpty())
        qCInfo(lcBitrix) << m_settings.source << ": starts reading" << start.keys().join(QStringLiteral(", "))
                         << (m_settings.fromBeginning ? "(orders from the first)" : "from now on");
    return start;
}

Result<SourceRead> SaleEventReader::read(const Marks &stored, int maxEvents, qint64 nowMs)
{
    SourceRead read;
    auto start = starting(stored);
    if (!start)
        return start.error();
    Marks marks = stored;
    for (auto it = start->cbegin(); it != start->cend(); ++it)
        marks.insert(it.key(), it.value());
    read.marks = start.value();
    m_createdNow.clear();

    m_reader.refreshNames();
    IdWatermark orders = IdWatermark::fromJson(marks.value(ordersStream()));
    QJsonObject saves = objectOf(marks.value(savesStream()));
    QJsonObject statuses = objectOf(marks.value(statusesStream()));
    IdWatermark history = IdWatermark::fromJson(marks.value(historyStream()));
    const IdWatermark historyBefore = history;
    const bool forms = marks.contains(formsStream());
    IdWatermark formMark = IdWatermark::fromJson(marks.value(formsStream()));
    const IdWatermark ordersBefore = orders, formsBefore = formMark;
    const QJsonObject savesBefore = saves, statusesBefore = statuses;

    if (auto done = readOrders(orders, maxEvents, nowMs, read); !done)
        return done.error();
    if (usesHistory()) {
        if (auto done = readHistory(orders, history, maxEvents, nowMs, read); !done)
            return done.error();
    } else if (auto done = readStatuses(orders, statuses, maxEvents, read); !done) {
        return done.error();
    }
    if (auto done = readSaves(orders, saves, maxEvents, read); !done)
        return done.error();
    if (forms) {
        if (auto done = readForms(formMark, maxEvents, nowMs, read); !done)
            return done.error();
    }

    if (!(orders == ordersBefore))
        read.marks.insert(ordersStream(), orders.toJson());
    if (saves != savesBefore)
        read.marks.insert(savesStream(), textOf(saves));
    if (statuses != statusesBefore)
        read.marks.insert(statusesStream(), textOf(statuses));
    if (usesHistory() && !(history == historyBefore))
        read.marks.insert(historyStream(), history.toJson());
    if (forms && !(formMark == formsBefore))
        read.marks.insert(formsStream(), formMark.toJson());
    return read;
}

Status SaleEventReader::readOrders(IdWatermark &mark, int max, qint64 nowMs, SourceRead &read)
{
    auto heads = m_reader.heads(mark.after, max, mark.tracked());
    if (!heads)
        return heads.error();
    read.more = read.more || heads->size() >= max;
    QList<IdWatermark::Row> rows;
    for (const auto &[id, ready] : heads.value())
        rows.append({ id, ready });
    const IdWatermark::Step step = mark.advance(rows, nowMs, m_settings.limits);
    auto orders = m_reader.orders(step.toEmit);
    if (!orders)
        return orders.error();
    for (const Model::ShopOrder &order : orders.value()) {
        if (step.overdue.contains(order.id.toLongLong()))
            qCWarning(lcBitrix) << m_settings.source << ": order" << order.number
                                << "still has no basket lines; sent as it is";
        m_createdNow.insert(order.id.toLongLong());
        read.events.append(orderEvent(m_settings.source, ShopEvent::Kind::OrderCreated, order));
    }
    return {};
}

Status SaleEventReader::readSaves(const IdWatermark &orders, QJsonObject &mark, int max, SourceRead &read)
{
    auto rows = m_reader.scanAfter("DATE_UPDATE", mark.value(QStringLiteral("at")).toString(),
                                   mark.value(QStringLiteral("id")).toInteger(), max);
    if (!rows)
        return rows.error();
    read.more = read.more || rows->size() >= max;
    // DATE_UPDATE has whole seconds: an order saved again within the second of the mark would sort
    // before it. The mark's own second is read again (the outbox drops states it has already).
    auto again = mark.value(QStringLiteral("start")).toBool()
        ? Result<QList<qint64>>(QList<qint64>())
        : m_reader.idsAt("DATE_UPDATE", mark.value(QStringLiteral("at")).toString(), max);
    if (!again)
        return again.error();
    QList<qint64> ids;
    for (qint64 id : again.value()) {
        if (emitted(orders, id))
            ids << id;
    }
    for (const SaleOrderReader::Row &row : rows.value()) {
        if (emitted(orders, row.id) && !ids.contains(row.id))
            ids << row.id;
        mark.insert(QStringLiteral("at"), row.at);
        mark.insert(QStringLiteral("id"), row.id);
        mark.remove(QStringLiteral("start"));
    }
    auto saved = m_reader.orders(ids);
    if (!saved)
        return saved.error();
    for (const Model::ShopOrder &order : saved.value())
        read.events.append(orderEvent(m_settings.source, ShopEvent::Kind::OrderChanged, order));
    return {};
}

Status SaleEventReader::readStatuses(const IdWatermark &orders, QJsonObject &mark, int max, SourceRead &read)
{
    auto rows = m_reader.scanAfter("DATE_STATUS", mark.value(QStringLiteral("at")).toString(),
                                   mark.value(QStringLiteral("id")).toInteger(), max);
    if (!rows)
        return rows.error();
    read.more = read.more || rows->size() >= max;
    QList<SaleOrderReader::Row> changed;
    QList<qint64> ids;
    for (const SaleOrderReader::Row &row : rows.value()) {
        if (emitted(orders, row.id) && row.changedSinceInsert) {
            changed << row;
            ids << row.id;
        }
        mark.insert(QStringLiteral("at"), row.at);
        mark.insert(QStringLiteral("id"), row.id);
    }
    auto numbers = m_reader.numbers(ids);
    if (!numbers)
        return numbers.error();
    for (const SaleOrderReader::Row &row : std::as_const(changed)) {
        Model::StatusChange change;
        change.origin = Model::StatusChange::Origin::Shop;
        change.orderId = QString::number(row.id);
        change.orderNumber = numbers->value(row.id);
        change.toStatus = row.statusId;
        change.at = SaleOrderReader::toDateTime(row.at);
        change.eventId = row.statusId + QLatin1Char('@') + row.at;
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

Status SaleEventReader::readHistory(const IdWatermark &orders, IdWatermark &mark, int max, qint64 nowMs,
                                    SourceRead &read)
{
    auto entries = SaleHistoryReader(m_reader).after(mark.after, max, mark.tracked());
    if (!entries)
        return entries.error();
    QList<IdWatermark::Row> rows;
    qsizetype fresh = 0;
    for (const SaleHistoryReader::Entry &entry : entries.value()) {
        rows.append({ entry.id, true });
        fresh += entry.id > mark.after ? 1 : 0;
    }
    read.more = read.more || fresh >= max;
    const IdWatermark::Step step = mark.advance(rows, nowMs, m_settings.limits);
    const QSet<qint64> now(step.toEmit.cbegin(), step.toEmit.cend());
    QList<SaleHistoryReader::Entry> changes;
    QList<qint64> ids;
    for (const SaleHistoryReader::Entry &entry : entries.value()) {
        if (entry.statusChange && now.contains(entry.id) && emitted(orders, entry.orderId)) {
            changes << entry;
            ids << entry.orderId;
        }
    }
    auto numbers = m_reader.numbers(ids);
    if (!numbers)
        return numbers.error();
    for (const SaleHistoryReader::Entry &entry : std::as_const(changes)) {
        Model::StatusChange change;
        change.origin = Model::StatusChange::Origin::Shop;
        change.orderId = QString::number(entry.orderId);
        change.orderNumber = numbers->value(entry.orderId);
        change.fromStatus = entry.oldStatusId;
        change.toStatus = entry.statusId;
        change.at = SaleOrderReader::toDateTime(entry.at);
        change.eventId = SaleHistoryReader::revisionOf(entry.id);
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

Status SaleEventReader::readForms(IdWatermark &mark, int max, qint64 nowMs, SourceRead &read)
{
    FormReader forms(m_reader);
    auto ids = forms.idsAfter(mark.after, max, mark.tracked());
    if (!ids)
        return ids.error();
    read.more = read.more || ids->size() >= max;
    // Bitrix (CFormResult::Add) writes a result's row first and its answers after it, without a
    // transaction: a result is taken once it has been seen for a second, so all its answers are there.
    constexpr qint64 kSettleMs = 1000;
    QList<IdWatermark::Row> rows;
    for (qint64 id : ids.value())
        rows.append({ id, mark.waiting.contains(id) && nowMs - mark.waiting.value(id) >= kSettleMs });
    const IdWatermark::Step step = mark.advance(rows, nowMs, m_settings.limits);
    auto submissions = forms.submissions(step.toEmit);
    if (!submissions)
        return submissions.error();
    for (const Model::FormSubmission &form : submissions.value())
        read.events.append(FormReader::formEvent(m_settings.source, form));
    return {};
}

} // namespace Source::Bitrix
