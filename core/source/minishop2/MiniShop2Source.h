// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "EventReader.h"
#include "OrderReader.h"
#include "ShopDb.h"
#include "common/Clock.h"
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
    qint64 profileRescanMs = 5 * 60'000;

    /** Record config keys: "prefix" (default modx_), "start" ("beginning" | "latest", the default),
     *  "wait_status0_minutes" (60), "gap_minutes" (10), "profile_rescan_minutes" (5). */
    static Common::Result<MiniShop2Config> fromRecord(const SourceRecord &record, const QByteArray &password);
};

/**
 * The miniShop2 (MODX Revolution) shop source: reads the shop's MariaDB/MySQL database (or the same
 * schema on SQLite) — new orders, status changes, the manager's order saves, registrations and profile
 * saves (EventReader says how) — and writes order statuses back the way the shop would. A pure reader:
 * the engine stores what read() returns through the store's outbox.
 *
 * Threading: as ShopSource — one thread; a ShopDb connection and a store connection of that thread
 * (the store is only used for the echo guard of writeStatus()).
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
    Common::Result<QList<Model::SourceField>> fieldCatalogue() override;
    Common::Result<Model::CategoryTree> categories() override;
    Common::Result<QList<ShopStatus>> statuses() override;
    Common::Result<QList<ShopMethod>> methods(MethodKind kind) override;
    Common::Result<SourceSummary> summary() override;
    Common::Result<SourceRead> read(const Marks &marks, int maxEvents = 200) override;
    Common::Status writeStatus(const QString &orderId, const QString &statusId) override;
    Common::Result<Model::Catalog> catalog(const QString &siteUrl) override;
    Common::Result<QList<Model::ShopOrder>> ordersAfter(qint64 afterId, int limit) override;
    Common::Result<QList<Model::Customer>> customersAfter(qint64 afterId, int limit) override;
    Common::Result<qint64> countHistory(const OrderRange &range) override;
    Common::Result<QList<Model::ShopEvent>> history(const OrderRange &range, qint64 afterId,
                                                    int limit) override;

    const ShopSchema &schema() const { return m_reader->schema(); }

private:
    MiniShop2Source(MiniShop2Config config, std::shared_ptr<ShopDb> shop, ShopSchema schema,
                    std::shared_ptr<Storage::Database> store, const Common::Clock *clock);

    MiniShop2Config m_config;
    std::shared_ptr<ShopDb> m_shop;
    std::unique_ptr<OrderReader> m_reader;
    std::shared_ptr<Storage::Database> m_store;
    const Common::Clock *m_clock;
};

} // namespace Source::MiniShop2
