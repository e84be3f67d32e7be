// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "OrderReader.h"
#include "source/IdWatermark.h"
#include "source/ShopSource.h"

namespace Source::MiniShop2 {

/** Where a miniShop2 source starts reading and how it waits; from the source's record. */
struct ReadSettings
{
    QString source; ///< the source's name: ShopEvent::source
    /** A new source reads every order already in the shop (each once, in its current state), or only
     *  those made from now on. Status history and users are read from now on either way. */
    bool fromBeginning = false;
    IdWatermark::Limits limits;
    /** How long after one pass over the users' profiles the next begins (profile saves have no time). */
    qint64 profileRescanMs = 5 * 60'000;
    int profilePage = 1000; ///< profiles compared per read during a pass
};

/**
 * Turns what happened in a miniShop2 shop into ShopEvents, stream by stream (each stream's position is
 * one mark; ShopSource::read):
 * - "orders": new orders by id (IdWatermark) → OrderCreated. An order at status 0 has been inserted
 *   but miniShop2 has not finished creating it (lines, address, then the change to "new"): it is
 *   waited for and emitted once its status is set, or after wait_status0_minutes with status 0. Ids
 *   missing below the highest seen (a concurrent insert not yet committed) are re-read for a while.
 * - "order_logs": `ms2_order_logs` rows by id → OrderStatusChanged (revision = the log id), except an
 *   order's first status (its creation). A row for an order not emitted yet waits for that order.
 * - "order_saves": orders by (updatedon, id) → OrderChanged. Only the manager's "save order" sets
 *   updatedon (a status change does not); the event carries the order's whole state and its content
 *   hash, so the outbox drops a save that changed nothing. Orders not emitted yet are skipped: their
 *   OrderCreated carries that state.
 * - "users": new `users` rows by id → CustomerSaved (a registration, also the hidden one miniShop2
 *   makes with an order).
 * - "profiles": MODX keeps no time of a profile save, so the profiles are compared in passes, a page
 *   per read, one pass every profileRescanMs: each profile is a CustomerSaved candidate with its
 *   content hash, and the outbox sends only the ones that changed. The first pass of a source only
 *   learns the profiles (ShopEvent::baseline).
 * Every order and customer is read in batches: one query per table for a read, never one per row.
 * On its source's thread.
 */
class EventReader
{
public:
    EventReader(OrderReader &reader, ReadSettings settings);

    Common::Result<SourceRead> read(const Marks &marks, int maxEvents, qint64 nowMs);

    static QString ordersStream() { return QStringLiteral("orders"); }
    static QString logsStream() { return QStringLiteral("order_logs"); }
    static QString savesStream() { return QStringLiteral("order_saves"); }
    static QString usersStream() { return QStringLiteral("users"); }
    static QString profilesStream() { return QStringLiteral("profiles"); }

    /** The order's state as content: everything but its status (status changes are their own events). */
    static QString orderHash(const Model::ShopOrder &order);
    /** The event of @p order of source @p source: payload, business keys and content hash. */
    static Model::ShopEvent orderEvent(const QString &source, Model::ShopEvent::Kind kind,
                                       const Model::ShopOrder &order);

private:
    /** Marks for streams never read: the shop's present (orders: its beginning if fromBeginning). */
    Common::Result<Marks> starting(const Marks &marks);
    Common::Status readOrders(IdWatermark &mark, int max, qint64 nowMs, SourceRead &read);
    Common::Status readLogs(const IdWatermark &orders, IdWatermark &mark, int max, qint64 nowMs,
                            SourceRead &read);
    Common::Status readSaves(const IdWatermark &orders, QJsonObject &mark, int max, SourceRead &read);
    Common::Status readUsers(IdWatermark &mark, int max, qint64 nowMs, SourceRead &read);
    Common::Status readProfiles(const IdWatermark &users, QJsonObject &mark, qint64 nowMs, SourceRead &read);
    Model::ShopEvent customerEvent(const Model::Customer &customer) const;

    OrderReader &m_reader;
    ReadSettings m_settings;
};

} // namespace Source::MiniShop2
