// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "SaleOrderReader.h"
#include "source/IdWatermark.h"
#include "source/ShopSource.h"

#include <QSet>

namespace Source::Bitrix {

/**
 * Turns what happened in a Bitrix shop into ShopEvents, stream by stream (each stream's position is
 * one mark; ShopSource::read):
 * - "orders": new `b_sale_order` rows by ID (IdWatermark) → OrderCreated. An order whose basket is not
 *   bound yet (Bitrix writes the order row before its lines) is waited for; ids missing below the
 *   highest seen (a concurrent insert not committed yet) are re-read for a while.
 * - "order_saves": orders by (DATE_UPDATE, ID) → OrderChanged with the order's whole state and its
 *   content hash (status and times left out), so the outbox drops a save that changed nothing — a
 *   status change also moves DATE_UPDATE, and is reported by the next stream instead. The
 *   mark's own second is read again each time (a second save within it would sort before the mark).
 * - "status_history": the order history `b_sale_order_change` by its ID (IdWatermark, see
 *   SaleHistoryReader) → OrderStatusChanged, revision "change:<ID>" (what SaleStatusWriter records in
 *   the echo guard). Every change is its own row, so two changes within one second are two events,
 *   in the order they were made.
 * - "order_statuses", only for an install without the history table (or config status_changes
 *   "date_status"): orders by (DATE_STATUS, ID) → OrderStatusChanged, revision
 *   "<STATUS_ID>@<DATE_STATUS>". DATE_STATUS has whole seconds and only the last status: a second
 *   change within the second of the mark is not seen. DATE_STATUS equal to DATE_INSERT is the
 *   creation's own status, carried by OrderCreated.
 * - "forms": `b_form_result` rows by ID → FormSubmitted (when the form module is installed).
 * Orders not emitted yet are skipped by the last three: their OrderCreated carries that state.
 */
class SaleEventReader
{
public:
    struct Settings
    {
        QString source; ///< the source's name: ShopEvent::source
        bool fromBeginning = false; ///< send the orders already in the shop (each once, as it is now)
        bool readForms = true;
        bool statusFromHistory = true; ///< status changes from b_sale_order_change when it exists
        IdWatermark::Limits limits;
    };

    SaleEventReader(SaleOrderReader &reader, Settings settings);

    static QString ordersStream() { return QStringLiteral("orders"); }
    static QString savesStream() { return QStringLiteral("order_saves"); }
    static QString statusesStream() { return QStringLiteral("order_statuses"); }
    static QString historyStream() { return QStringLiteral("status_history"); }
    static QString formsStream() { return QStringLiteral("forms"); }

    Common::Result<SourceRead> read(const Marks &marks, int maxEvents, qint64 nowMs);

    static Model::ShopEvent orderEvent(const QString &source, Model::ShopEvent::Kind kind,
                                       const Model::ShopOrder &order);
    /** The content hash of an order: its state without the status and the times. */
    static QString orderHash(const Model::ShopOrder &order);

private:
    Common::Result<Marks> starting(const Marks &marks);
    Common::Status readOrders(IdWatermark &mark, int max, qint64 nowMs, SourceRead &read);
    Common::Status readSaves(const IdWatermark &orders, QJsonObject &mark, int max, SourceRead &read);
    Common::Status readStatuses(const IdWatermark &orders, QJsonObject &mark, int max, SourceRead &read);
    Common::Status readHistory(const IdWatermark &orders, IdWatermark &mark, int max, qint64 nowMs,
                               SourceRead &read);
    bool usesHistory() const;
    Common::Status readForms(IdWatermark &mark, int max, qint64 nowMs, SourceRead &read);
    bool emitted(const IdWatermark &orders, qint64 id) const;

    SaleOrderReader &m_reader;
    Settings m_settings;
    QSet<qint64> m_createdNow; ///< orders whose OrderCreated this read made
};

} // namespace Source::Bitrix
