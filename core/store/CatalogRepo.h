// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Clock.h"
#include "common/Result.h"
#include "storage/Database.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <memory>

namespace Store {

/** One shop product (or variant) as a CRM connection's catalogue has it. */
struct CatalogItem
{
    QString productKey; ///< the shop's product id ("15") or variant key ("15:3")
    QString elementId; ///< the CRM's element; empty while a create has no answer yet
    QString contentHash; ///< of what was last sent successfully
    /** "sending" (a create went out, its answer not yet in: look it up before sending again),
     *  "synced", "inactive" (sent as no longer sold), "deleted" (removed from the CRM), "failed",
     *  "crm-deleted" (its element was deleted in the CRM: the product is being deleted in the shop),
     *  "unlinked" (the link is dropped: the element, if any, is never touched again, the product
     *  never sent again). Deleted, crm-deleted and unlinked items are not linked. */
    QString state;
    QString name;
    qint64 syncedAt = 0;
};

/** The last catalogue run of one connection and source. */
struct CatalogRun
{
    qint64 connectionId = 0;
    QString source;
    qint64 startedAt = 0;
    qint64 finishedAt = 0;
    int products = 0; ///< products the shop has
    int created = 0;
    int updated = 0;
    int retired = 0; ///< deleted or unpublished products marked inactive or deleted in the CRM
    int failed = 0;
    QString error; ///< why the run failed, or its products did
};

/**
 * The catalogue's links in the store: shop product ↔ CRM element per connection and source, with the
 * content hash that decides what is sent again, and the last run per connection and source. A create
 * is marked "sending" in its own committed write before it goes out, so after a crash the run looks
 * the element up in the CRM instead of making a second one. Any thread (that thread's connection).
 */
class CatalogRepo
{
public:
    explicit CatalogRepo(std::shared_ptr<Storage::Database> db,
                         const Common::Clock *clock = Common::Clock::system());

    /** Every item of @p connectionId and @p source, by product key. */
    Common::Result<QHash<QString, CatalogItem>> items(qint64 connectionId, const QString &source);
    /** Writes @p items (insert or replace), in one transaction. */
    Common::Status save(qint64 connectionId, const QString &source, const QList<CatalogItem> &items);
    /** The element of each of @p productKeys that has one (not deleted), by product key. */
    Common::Result<QHash<QString, QString>> elementsOf(qint64 connectionId, const QString &source,
                                                       const QStringList &productKeys);
    /** The sources that send to @p connectionId (none named in source_targets: every connection). */
    Common::Result<QStringList> sourcesOf(qint64 connectionId);
    /** How many products of @p connectionId are in its CRM's catalogue (every source). */
    Common::Result<int> linkedCount(qint64 connectionId);

    Common::Status saveRun(const CatalogRun &run);
    /** The last run of every connection and source, by connection then source. */
    Common::Result<QList<CatalogRun>> runs();

private:
    std::shared_ptr<Storage::Database> m_db;
    const Common::Clock *m_clock;
};

} // namespace Store
