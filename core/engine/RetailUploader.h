// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "crm/retailcrm/RetailCrmConnector.h"
#include "mapping/DraftBuilder.h"
#include "source/ShopSource.h"

#include <QObject>
#include <memory>

namespace Engine {

/**
 * The first fill of a RetailCRM account from a shop (seed 002's "pre-setup"): every registered customer
 * (customers/upload, externalId = the shop's user id) and every order (orders/upload, externalId = the
 * number with "/" → "-", the customer linked by externalId, codes from the mapping), in batches of 50.
 * After each batch the last shop id is saved as a watermark (source, "retailcrm-upload:<connection>:
 * customers|orders"), so an interrupted upload resumes after the last batch RetailCRM accepted; a batch
 * sent again is refused by RetailCRM as "already exists", which counts as uploaded — nothing is
 * duplicated. Uploaded orders are linked like the engine links them (order ↔ lead), so status changes
 * flow for them. Other refusals are counted and reported with their reasons, and the upload goes on.
 *
 * Runs on one thread with an event loop (the source's calls are synchronous, the connector's not).
 */
class RetailUploader : public QObject
{
    Q_OBJECT
public:
    enum class Kind { Customers, Orders };
    struct Stats
    {
        int read = 0; ///< shop records read in this run
        int uploaded = 0; ///< accepted now
        int existing = 0; ///< already in RetailCRM (an earlier, interrupted run)
        int failed = 0;
        QStringList errors; ///< "2311/5: reason", at most 20
    };
    static constexpr int kBatch = 50;

    RetailUploader(Crm::RetailCrm::RetailCrmConnector *connector, Source::ShopSource *source,
                   std::shared_ptr<Storage::Database> db, QObject *parent = nullptr);

    /** Orders need the drafts' mapping (codes, statuses); customers do not. */
    void setBuilder(std::shared_ptr<Mapping::DraftBuilder> builder) { m_builder = std::move(builder); }
    /** Stop after this many batches (tests: an interrupted upload); 0 = all. */
    void setMaxBatches(int batches) { m_maxBatches = batches; }
    void run(Kind kind, std::function<void(Common::Result<Stats>)> done);
    QString stream(Kind kind) const;

Q_SIGNALS:
    /** After every batch: how many records were handled so far in this run, and the watermark. */
    void progress(int handled, qint64 lastId);

private:
    void nextBatch(Kind kind, std::shared_ptr<Stats> stats, int batches,
                   std::function<void(Common::Result<Stats>)> done);
    void settle(Kind kind, const QJsonObject &answer, const QStringList &labels,
                const QStringList &externalIds, const QStringList &shopIds, Stats &stats);

    Crm::RetailCrm::RetailCrmConnector *m_connector;
    Source::ShopSource *m_source;
    std::shared_ptr<Storage::Database> m_db;
    std::shared_ptr<Mapping::DraftBuilder> m_builder;
    int m_maxBatches = 0;
};

} // namespace Engine
