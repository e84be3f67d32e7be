// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "SaleEventReader.h"
#include "SaleOrderReader.h"
#include "common/Clock.h"
#include "source/ShopDb.h"
#include "source/ShopSource.h"
#include "source/SourceRepo.h"
#include "storage/Database.h"

#include <memory>

namespace Source::Bitrix {

/** How one Bitrix source is set up: from its SourceRecord plus the password from the SecretStore. */
struct BitrixConfig
{
    QString name;
    ShopDbUrl url; ///< with the password filled in from the SecretStore
    QString prefix = QStringLiteral("b_");
    ReaderSettings reader;
    bool fromBeginning = false;
    bool readForms = true;
    bool statusFromHistory = true;
    std::optional<SiteCharset::Stored> charset; ///< nullopt: "auto"
    qint64 historyUserId = 0;
    IdWatermark::Limits limits;

    /** Record config keys: "site" (LID, default every site), "language" (ru), "start" ("beginning" |
     *  "latest"), "legal_person_types" (ids, comma-separated or an array), "forms" (true),
     *  "history_user_id" (0), "wait_basket_minutes" (10), "gap_minutes" (10), "prefix" (b_),
     *  "status_changes" ("history": from b_sale_order_change; "date_status": the orders' DATE_STATUS,
     *  for a site that keeps no order history), "charset" ("auto", "cp1251-in-latin1", "utf8-in-latin1",
     *  "as-declared": see SiteCharset). */
    static Common::Result<BitrixConfig> fromRecord(const SourceRecord &record, const QByteArray &password);
};

/**
 * The 1C-Bitrix online store (`sale` module) source: reads the site's MariaDB/MySQL database (or the
 * same tables on SQLite) — new orders, manager's saves, status changes, web form results (see
 * SaleEventReader) — and writes order statuses back as Bitrix records them (SaleStatusWriter). A pure
 * reader: the engine stores what read() returns through the store's outbox.
 *
 * Threading: as ShopSource — one thread; a ShopDb connection and a store connection of that thread
 * (the store is only used for the echo guard of writeStatus()).
 */
class BitrixSource final : public ShopSource
{
public:
    static Common::Result<std::unique_ptr<BitrixSource>>
    open(BitrixConfig config, std::shared_ptr<Storage::Database> store,
         const Common::Clock *clock = Common::Clock::system());
    ~BitrixSource() override;

    QString name() const override { return m_config.name; }
    QString kind() const override { return QStringLiteral("bitrix"); }
    Common::Result<QList<Model::SourceField>> fieldCatalogue() override;
    Common::Result<Model::CategoryTree> categories() override;
    Common::Result<QList<ShopStatus>> statuses() override;
    Common::Result<QList<ShopMethod>> methods(MethodKind kind) override;
    Common::Result<SourceSummary> summary() override;
    Common::Result<SourceRead> read(const Marks &marks, int maxEvents = 200) override;
    Common::Status writeStatus(const QString &orderId, const QString &statusId) override;
    Common::Result<Model::Catalog> catalog(const QString &siteUrl) override;
    Common::Result<QList<Model::ShopOrder>> ordersAfter(qint64 afterId, int limit) override;
    Common::Result<qint64> countHistory(const OrderRange &range) override;
    Common::Result<QList<Model::ShopEvent>> history(const OrderRange &range, qint64 afterId,
                                                    int limit) override;

    const SaleSchema &schema() const { return m_reader->schema(); }
    SaleOrderReader &reader() { return *m_reader; }

private:
    BitrixSource(BitrixConfig config, std::shared_ptr<ShopDb> shop, SaleSchema schema,
                 std::shared_ptr<Storage::Database> store, const Common::Clock *clock);

    BitrixConfig m_config;
    std::shared_ptr<ShopDb> m_shop;
    std::unique_ptr<SaleOrderReader> m_reader;
    std::shared_ptr<Storage::Database> m_store;
    const Common::Clock *m_clock;
};

} // namespace Source::Bitrix
