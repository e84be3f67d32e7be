// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "OrderReader.h"
#include "ShopDb.h"
#include "common/Clock.h"
#include "model/ShopEvent.h"
#include "source/IdWatermark.h"
#include "source/ShopSource.h"
#include "source/SourceRepo.h"
#include "storage/Database.h"

#include <memory>

namespace Source::MiniShop2 {

/** How one miniShop2 source is set up: from its SourceRecord plus the password from the SecretStore. */
struct MiniShop2Config
{
    QString name;
    ShopDbUrl url; ///< with the password filled in from the SecretStore
    QString prefix = QStringLiteral("modx_");
    /** Where a new source starts: every order already in the shop, or only those made from now on. */
    bool fromBeginning = false;
    IdWatermark::Limits limits;

    /** Record config keys: "prefix" (default modx_), "start" ("beginning" | "latest", the default),
     *  "wait_status0_minutes" (60), "gap_minutes" (10). */
    static Common::Result<MiniShop2Config> fromRecord(const SourceRecord &record, const QByteArray &password);
};

/**
 * The miniShop2 (MODX Revolution) shop source: reads the shop's MariaDB/MySQL database (or the same
 * schema on SQLite) and writes order statuses back the way the shop would.
 *
 * Streams and watermarks (WatermarkRepo, source = name()):
 * - "orders": new orders by id (IdWatermark). An order at status 0 has been inserted but miniShop2 has
 *   not finished creating it (lines, address, then the change to "new"): it is waited for — re-read
 *   every poll — and emitted as OrderCreated once its status is set, or after wait_status0_minutes
 *   with status 0 (its status change failed; it is a real order and must not be lost). Ids missing
 *   below the highest seen (a concurrent insert not yet committed) are re-read for gap_minutes.
 * - "order_logs": `ms2_order_logs` rows by id. A 'status' row becomes OrderStatusChanged (revision =
 *   the log id) unless it is the order's first status (creation, already an OrderCreated) or the echo
 *   guard says the write was ours. A row for an order not emitted yet waits for that order.
 *
 * Threading: as ShopSource — one thread; a ShopDb connection and a store connection of that thread.
 */
class MiniShop2Source final : public ShopSource
{
public:
    /** Connects and probes the layout; Unavailable / Auth / Permanent errors say why not. */
    static Common::Result<std::unique_ptr<MiniShop2Source>>
    open(MiniShop2Config config, std::shared_ptr<Storage::Database> store,
         const Common::Clock *clock = Common::Clock::system());
    ~MiniShop2Source() override;

    QString name() const override { return m_config.name; }
    QString kind() const override { return QStringLiteral("minishop2"); }
    Common::Result<QList<Mapping::SourceField>> fieldCatalogue() override;
    Common::Result<Mapping::CategoryTree> categories() override;
    Common::Result<QList<ShopStatus>> statuses() override;
    Common::Result<QList<ShopMethod>> methods(MethodKind kind) override;
    Common::Result<SourceSummary> summary() override;
    Common::Result<int> poll(int maxEvents = 200) override;
    Common::Status writeStatus(const QString &orderId, const QString &statusId) override;
    Common::Result<Model::Catalog> catalog(const QString &siteUrl) override;
    Common::Result<QList<Model::ShopOrder>> ordersAfter(qint64 afterId, int limit) override;
    Common::Result<QList<Model::Customer>> customersAfter(qint64 afterId, int limit) override;

    const ShopSchema &schema() const { return m_reader->schema(); }
    static QString ordersStream() { return QStringLiteral("orders"); }
    static QString logsStream() { return QStringLiteral("order_logs"); }

private:
    MiniShop2Source(MiniShop2Config config, std::shared_ptr<ShopDb> shop, ShopSchema schema,
                    std::shared_ptr<Storage::Database> store, const Common::Clock *clock);
    Common::Result<Model::ShopEvent> orderCreated(qint64 id, bool overdue);

    MiniShop2Config m_config;
    std::shared_ptr<ShopDb> m_shop;
    std::unique_ptr<OrderReader> m_reader;
    std::shared_ptr<Storage::Database> m_store;
    const Common::Clock *m_clock;
};

} // namespace Source::MiniShop2
