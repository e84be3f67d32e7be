// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Result.h"
#include "model/Catalog.h"
#include "model/CategoryTree.h"
#include "model/ShopEvent.h"
#include "model/ShopOrder.h"
#include "model/SourceFieldCatalogue.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <memory>

namespace Common {
class Clock;
}
namespace Storage {
class Database;
}

namespace Source {

/** One order status of a shop, with the rules the shop applies when it changes. Value type. */
struct ShopStatus
{
    QString id;
    QString name;
    QString color; ///< "RRGGBB" without '#', as the shop stores it
    bool final = false; ///< an order in this status can no longer change
    bool fixed = false; ///< leaving this status needs a target of higher rank
    int rank = 0;
    bool active = true;
    bool operator==(const ShopStatus &) const = default;
};

/** Which list of shop methods: how an order is delivered, how it is paid. */
enum class MethodKind { Delivery, Payment };

/** A delivery or payment method of a shop, for the code maps of CRMs that check them. Value type. */
struct ShopMethod
{
    QString id;
    QString name;
    bool active = true;
    bool operator==(const ShopMethod &) const = default;
};

/** What a source can see, for `crmbridgectl source test` and the connection page. */
struct SourceSummary
{
    qint64 orders = 0;
    qint64 statuses = 0;
    qint64 categories = 0;
    QString details; ///< e.g. "miniShop2 4.x layout, prefix modx_"
};

/** Which orders a historic load takes: shop ids and creation times, both ends inclusive (0 or an
 *  invalid time: open). Value type. */
struct OrderRange
{
    qint64 fromId = 0;
    qint64 toId = 0;
    QDateTime from; ///< UTC
    QDateTime to; ///< UTC

    QJsonObject toJson() const;
    static OrderRange fromJson(const QJsonObject &json);
    /** "ids 100–200, created 2024-01-01 … 2024-06-30" or "every order". */
    QString describe() const;
    bool operator==(const OrderRange &) const = default;
};

/** Bonus points granted (delta > 0) or taken (delta < 0) on a buyer's account in the shop: the
 *  points a person set in a CRM, going back (Engine::PointsBackSync). Value type. */
struct PointsGrant
{
    QString customerId; ///< the shop's buyer
    qint64 delta = 0;
    /** Unique per grant and written with it (MoySklad: the operation's externalCode): how a grant
     *  whose answer was lost is found again instead of being made twice. */
    QString reference;
    bool mayExist = false; ///< a try went out before without an answer trusted: look for it first
};

/** What became of a PointsGrant. Value type. */
struct PointsGranted
{
    QString operationId; ///< the shop's id of the operation
    bool existed = false; ///< made by an earlier try (found by its reference), not by this one
};

/** A source's read positions, stream by stream ("orders" → its watermark): text only the source
 *  understands, kept by the store (Store::Outbox::marks) and handed back on the next read. */
using Marks = QMap<QString, QString>;

/** How a platform's products and the CRM's catalogue follow each other's deletions (README,
 *  "Products in amoCRM's catalogue"). The default is the shop-owns-everything rule of the other
 *  platforms: catalog.removed decides, a deletion in the CRM is not looked for. Value type. */
struct CatalogDeletionRules
{
    /** A product gone from the shop only loses its link: its element stays as it is and is never
     *  touched again (amoCRM's own MoySklad integration); overrides the catalog.removed setting. */
    bool unlinkRemoved = false;
    /** A linked element deleted in the CRM deletes its product in the shop (deleteProduct). */
    bool deleteWhenCrmDeletes = false;
};

/** What one read of a shop found. Value type. */
struct SourceRead
{
    QList<Model::ShopEvent> events; ///< oldest first
    Marks marks; ///< the read positions after these events (the streams that moved)
    bool more = false; ///< a batch was full or a scan is under way: read again at once
};

/**
 * A shop the engine reads events from and writes order statuses to (miniShop2, Bitrix …). The engine
 * knows sources only through this interface.
 *
 * Threading: an instance is created, used and destroyed on ONE thread — the engine's poller thread
 * for that source (or a command-line tool's main thread). Every call is synchronous and runs on that
 * thread's own connections to the shop database and to the store; calls may block on the network for
 * the database's timeouts, so never call them on the GUI thread. Errors are values: Unavailable /
 * Transient when the shop or the store is unreachable (poll again later), Permanent for a refusal.
 */
class ShopSource
{
public:
    virtual ~ShopSource();

    /** The operator's name of this source: ShopEvent::source, the watermark and echo-guard key. */
    virtual QString name() const = 0;
    /** "minishop2", … */
    virtual QString kind() const = 0;

    /** Order paths for the mapping editor: the static catalogue plus dynamic ones this shop has. */
    virtual Common::Result<QList<Model::SourceField>> fieldCatalogue() = 0;
    virtual Common::Result<Model::CategoryTree> categories() = 0;
    /** In the shop's own order (rank, then id). */
    virtual Common::Result<QList<ShopStatus>> statuses() = 0;
    virtual Common::Result<SourceSummary> summary() = 0;
    /** The shop's delivery or payment methods in its own order; a source without them answers an
     *  empty list. */
    virtual Common::Result<QList<ShopMethod>> methods(MethodKind kind);

    /**
     * Reads what happened in the shop after @p marks (empty: never read; the source decides where it
     * starts) — about @p maxEvents events at most — and says where it got to. A pure read: the
     * engine hands the result to the store's outbox, which stores the events and the marks in one
     * transaction, so after a crash the same read is simply made again. Knows nothing of jobs.
     */
    virtual Common::Result<SourceRead> read(const Marks &marks, int maxEvents = 200) = 0;
    /** The least time between two reads this shop wants (a shop whose API has a request budget); 0 for
     *  a database read with indexed queries. */
    virtual int minPollIntervalMs() const { return 0; }

    /**
     * Sets an order's status the way the shop itself would, under the shop's rules; a change the shop
     * would refuse is a Permanent error (code "status-*") and nothing is written. A successful write is
     * recorded in the echo guard, so the outbox drops it when the next read() reports it.
     */
    virtual Common::Status writeStatus(const QString &orderId, const QString &statusId) = 0;

    /**
     * Asks the shop to post to @p url whenever something this source reads changes (ShopWebhooks) and
     * returns the shop's ids of what it registered; all or nothing. A shop without webhooks answers a
     * Permanent "unsupported" error.
     */
    virtual Common::Result<QStringList> subscribe(const QString &url);
    /** Removes webhooks subscribe() made (ones already gone are fine). */
    virtual Common::Status unsubscribe(const QStringList &hookIds);

    // What a CRM's first fill needs (RetailCRM: the ICML catalogue, the bulk upload of customers and
    // orders). A source that cannot list them answers a Permanent "unsupported" error.

    /** Categories and products; product URLs and pictures made absolute with @p siteUrl. */
    virtual Common::Result<Model::Catalog> catalog(const QString &siteUrl);
    /** How this platform's products follow deletions on either side; the default: none of it. */
    virtual CatalogDeletionRules catalogDeletionRules() const { return {}; }
    /** Deletes product @p productId in the shop because its CRM element was deleted; one already gone
     *  is success. The default answers a Permanent "unsupported" error. */
    virtual Common::Status deleteProduct(const QString &productId);
    /** Orders with a shop id greater than @p afterId, oldest first, at most @p limit. */
    virtual Common::Result<QList<Model::ShopOrder>> ordersAfter(qint64 afterId, int limit);
    /** Registered customers with a user id greater than @p afterId, oldest first, at most @p limit. */
    virtual Common::Result<QList<Model::Customer>> customersAfter(qint64 afterId, int limit);

    // Bonus points (a shop with a bonus programme: MoySklad). Others answer "unsupported".

    /** The buyer's points balance as the shop has it now. */
    virtual Common::Result<double> bonusPoints(const QString &customerId);
    /** Makes the grant once (see PointsGrant::reference) without waking the bridge's own webhooks. */
    virtual Common::Result<PointsGranted> grantBonusPoints(const PointsGrant &grant);

    // The historic load (Engine::HistoricLoad): each order of a range once, in its present state.

    /** How many orders @p range holds (orders the shop has not finished creating left out). */
    virtual Common::Result<qint64> countHistory(const OrderRange &range);
    /** The orders of @p range with a shop id greater than @p afterId, oldest first, at most @p limit,
     *  as OrderCreated events of their present state (the events read() makes for new orders). */
    virtual Common::Result<QList<Model::ShopEvent>> history(const OrderRange &range, qint64 afterId,
                                                            int limit);
};

/**
 * Reads @p source's category tree into the store's cache (Store::CategoryCacheRepo) when the cached
 * one is older than @p maxAgeMs, for category → pipeline routing in the lanes. The poller calls it
 * before each read; on the source's thread. A failure is logged and returned, the old cache stays.
 */
Common::Status refreshCategoryCache(ShopSource &source, std::shared_ptr<Storage::Database> store,
                                    const Common::Clock *clock, qint64 maxAgeMs = 10 * 60'000);

/** The shop's own rule check, shared by the sources: why from → to is refused, or success. */
Common::Status checkTransition(const ShopStatus &from, const ShopStatus &to);

} // namespace Source
