// SPDX-License-Identifier: GPL-3.0-or-later
#include "CatalogCrmDeletions.h"

#include "store/CatalogRepo.h"

#include <QCoreApplication>
#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcEngine)

namespace Engine {

using Common::Error;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Engine::CatalogCrmDeletions", text);
}

bool isLinked(const Store::CatalogItem &item)
{
    return !item.elementId.isEmpty()
        && (item.state == QLatin1String("synced") || item.state == QLatin1String("inactive"));
}

} // namespace

CatalogCrmDeletions::CatalogCrmDeletions(std::shared_ptr<Storage::Database> db, qint64 connectionId,
                                         Crm::CrmConnector *connector, const Common::Clock *clock)
    : m_db(std::move(db))
    , m_connectionId(connectionId)
    , m_connector(connector)
    , m_clock(clock)
{ }

void CatalogCrmDeletions::run(const QString &source, std::shared_ptr<Source::ShopSource> shop,
                              std::function<void(Outcome)> done)
{
    auto stored = Store::CatalogRepo(m_db, m_clock).items(m_connectionId, source);
    if (!stored) {
        done(Outcome { 0, 0, false, stored.error() });
        return;
    }
    QList<Store::CatalogItem> linked;
    for (const Store::CatalogItem &item : std::as_const(*stored)) {
        if (isLinked(item))
            linked << item;
    }
    if (linked.isEmpty()) {
        deletePending(source, shop, done);
        return;
    }
    m_connector->catalogElementIds([this, source, shop, linked, done](Common::Result<QSet<QString>> present) {
        if (!present) {
            done(Outcome { 0, 0, false, present.error() });
            return;
        }
        QList<Store::CatalogItem> gone;
        for (Store::CatalogItem item : linked) {
            if (present->contains(item.elementId))
                continue;
            item.state = QStringLiteral("crm-deleted");
            gone << item;
        }
        if (gone.size() > kMassDeletionGuard && gone.size() * 2 > linked.size()) {
            done(
                Outcome { 0, 0, false,
                          Error::permanent(tr("The CRM's products list lacks %1 of the %2 linked elements of "
                                              "%3; so many at once looks like a list replaced, not "
                                              "products deleted, and nothing was deleted in the shop")
                                               .arg(gone.size())
                                               .arg(linked.size())
                                               .arg(source),
                                           QStringLiteral("catalog-mass-deletion")) });
            return;
        }
        if (!gone.isEmpty()) {
            qCInfo(lcEngine) << "catalogue" << source << "connection" << m_connectionId << ":" << gone.size()
                             << "element(s) deleted in the CRM; their products go in the shop";
            // Committed before the shop is asked: after a crash the next run deletes them, never re-sends.
            if (auto saved = Store::CatalogRepo(m_db, m_clock).save(m_connectionId, source, gone); !saved) {
                done(Outcome { 0, 0, false, saved.error() });
                return;
            }
        }
        deletePending(source, shop, done);
    });
}

void CatalogCrmDeletions::deletePending(const QString &source, std::shared_ptr<Source::ShopSource> shop,
                                        std::function<void(Outcome)> done)
{
    Outcome outcome;
    Store::CatalogRepo repo(m_db, m_clock);
    auto stored = repo.items(m_connectionId, source);
    if (!stored) {
        outcome.error = stored.error();
        done(outcome);
        return;
    }
    QList<Store::CatalogItem> pending;
    for (const Store::CatalogItem &item : std::as_const(*stored)) {
        if (item.state == QLatin1String("crm-deleted"))
            pending << item;
    }
    if (!pending.isEmpty() && !shop) {
        outcome.error = Error::permanent(tr("The shop %1 is not open to delete products in").arg(source));
        done(outcome);
        return;
    }
    QList<Store::CatalogItem> settled;
    for (const Store::CatalogItem &item : std::as_const(pending)) {
        if (settled.size() >= kShopDeletesPerRound) {
            outcome.more = true;
            break;
        }
        const Common::Status deleted = shop->deleteProduct(item.productKey);
        if (!deleted && deleted.error().isRetryable()) {
            outcome.error = deleted.error(); // the shop is busy or away: the rest on the next run
            break;
        }
        if (!deleted && deleted.error().kind != Common::ErrorKind::Permanent) {
            outcome.error = deleted.error(); // auth, blocked: the operator's turn
            break;
        }
        Store::CatalogItem unlinked = item;
        unlinked.state = QStringLiteral("unlinked");
        settled << unlinked;
        if (deleted) {
            ++outcome.shopDeleted;
        } else {
            ++outcome.shopKept;
            qCWarning(lcEngine) << "catalogue" << source << ": product" << item.productKey
                                << "was deleted in the CRM; the shop keeps it, only its link is dropped:"
                                << deleted.error().message;
        }
    }
    if (auto saved = repo.save(m_connectionId, source, settled); !saved && !outcome.error)
        outcome.error = saved.error();
    done(outcome);
}

} // namespace Engine
