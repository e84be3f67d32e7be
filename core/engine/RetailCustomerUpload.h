// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "crm/retailcrm/RetailCrmConnector.h"
#include "source/ShopSource.h"

#include <QObject>
#include <memory>

namespace Engine {

/**
 * The shop's registered customers into RetailCRM before its orders (seed 002's "pre-setup"): every
 * customer, also those who never ordered, in `customers/upload` batches of 50 with the shop's user id
 * as externalId, so the orders the historic load sends later (`crmbridgectl source load`, through
 * the outbox and the RetailCRM lane's own customers/upload + orders/upload) find them by that id.
 * Orders are not uploaded here: they have one way in, the outbox.
 *
 * After each batch the last shop user id is saved as a watermark (source, "retailcrm-upload:
 * <connection>:customers"), so an interrupted upload resumes after the last batch RetailCRM accepted;
 * a batch sent again is refused by RetailCRM as "already exists", which counts as uploaded — nothing
 * is duplicated. Other refusals are counted and reported with their reasons, and the upload goes on.
 *
 * Runs on one thread with an event loop (the source's calls are synchronous, the connector's not).
 */
class RetailCustomerUpload : public QObject
{
    Q_OBJECT
public:
    struct Stats
    {
        int read = 0; ///< shop customers read in this run
        int uploaded = 0; ///< accepted now
        int existing = 0; ///< already in RetailCRM (an earlier, interrupted run)
        int failed = 0;
        QStringList errors; ///< "ivan@example.com: reason", at most 20
    };
    static constexpr int kBatch = 50;

    RetailCustomerUpload(Crm::RetailCrm::RetailCrmConnector *connector, Source::ShopSource *source,
                         std::shared_ptr<Storage::Database> db, QObject *parent = nullptr);

    /** Stop after this many batches (tests: an interrupted upload); 0 = all. */
    void setMaxBatches(int batches) { m_maxBatches = batches; }
    void run(std::function<void(Common::Result<Stats>)> done);
    /** The watermark's stream name. */
    QString stream() const;

Q_SIGNALS:
    /** After every batch: how many customers were handled so far in this run, and the watermark. */
    void progress(int handled, qint64 lastId);

private:
    void nextBatch(std::shared_ptr<Stats> stats, int batches,
                   std::function<void(Common::Result<Stats>)> done);
    void settle(const QJsonObject &answer, const QStringList &labels, const QStringList &externalIds,
                Stats &stats);

    Crm::RetailCrm::RetailCrmConnector *m_connector;
    Source::ShopSource *m_source;
    std::shared_ptr<Storage::Database> m_db;
    int m_maxBatches = 0;
};

} // namespace Engine
