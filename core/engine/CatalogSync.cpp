// SPDX-License-Identifier: GPL-3.0-or-later
#include "CatalogSync.h"

#include <QCoreApplication>
#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcEngine)

namespace Engine {

using Common::Error;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Engine::CatalogSync", text);
}

/** A product's row after a successful send. */
Store::CatalogItem syncedItem(const Crm::CatalogEntry &entry, const QString &elementId, const QString &hash)
{
    return Store::CatalogItem {
        entry.key,  elementId, hash, entry.active ? QStringLiteral("synced") : QStringLiteral("inactive"),
        entry.name, 0
    };
}

} // namespace

CatalogSync::CatalogSync(std::shared_ptr<Storage::Database> db, qint64 connectionId,
                         Crm::CrmConnector *connector, const Common::Clock *clock)
    : m_db(std::move(db))
    , m_connectionId(connectionId)
    , m_connector(connector)
    , m_clock(clock)
    , m_crmDeletions(m_db, connectionId, connector, clock)
{ }

RemovedProducts CatalogSync::policyFor(const Source::CatalogDeletionRules &rules, RemovedProducts setting)
{
    return rules.unlinkRemoved ? RemovedProducts::Unlink : setting;
}

void CatalogSync::run(const QString &source, const CatalogSnapshot &snapshot, RemovedProducts policy,
                      int maxChanges, Done done)
{
    Outcome outcome;
    outcome.run = Store::CatalogRun { m_connectionId, source, m_clock->nowMs() };
    const Source::CatalogDeletionRules rules = snapshot.rules();
    policy = policyFor(rules, policy);
    if (!rules.deleteWhenCrmDeletes) {
        plan(source, snapshot.catalog, policy, maxChanges, outcome, done);
        return;
    }
    // The shop stays open until its deletes are made (the snapshot's source, captured here).
    m_crmDeletions.run(source, snapshot.source,
                       [this, source, catalog = snapshot.catalog, policy, maxChanges, outcome,
                        done](CatalogCrmDeletions::Outcome deletions) mutable {
                           outcome.shopDeleted = deletions.shopDeleted;
                           outcome.shopKept = deletions.shopKept;
                           if (deletions.error) {
                               outcome.error = deletions.error;
                               finish(outcome, done);
                               return;
                           }
                           outcome.more = deletions.more;
                           plan(source, catalog, policy, maxChanges, outcome, done);
                       });
}

void CatalogSync::plan(const QString &source, const Model::Catalog &catalog, RemovedProducts policy,
                       int maxChanges, Outcome outcome, Done done)
{
    auto stored = Store::CatalogRepo(m_db, m_clock).items(m_connectionId, source);
    if (!stored) {
        outcome.error = stored.error();
        finish(outcome, done);
        return;
    }
    bool unsure = stored->isEmpty() && !catalog.products.isEmpty();
    for (const Store::CatalogItem &item : std::as_const(*stored))
        unsure = unsure || item.state == QLatin1String("sending");
    if (!unsure) {
        send(source, CatalogPlan::make(source, catalog, stored.value(), policy), maxChanges, outcome, done);
        return;
    }
    adoptFound(source, catalog, stored.value(), policy, maxChanges, outcome, done);
}

void CatalogSync::adoptFound(const QString &source, const Model::Catalog &catalog,
                             QHash<QString, Store::CatalogItem> stored, RemovedProducts policy,
                             int maxChanges, Outcome outcome, Done done)
{
    m_connector->catalogElementsByExternalId([=,
                                              this](Common::Result<QHash<QString, QString>> found) mutable {
        if (!found) {
            outcome.error = found.error();
            finish(outcome, done);
            return;
        }
        QList<Store::CatalogItem> changed;
        QStringList keys;
        for (const Model::CatalogProduct &p : catalog.products)
            keys << p.id;
        for (const Store::CatalogItem &item : std::as_const(stored)) {
            if (item.state == QLatin1String("sending") && !keys.contains(item.productKey))
                keys << item.productKey;
        }
        for (const QString &key : std::as_const(keys)) {
            Store::CatalogItem item = stored.value(key);
            if (CatalogPlan::isUnlinked(item.state))
                continue; // its element, if still there, is no longer ours to take
            const QString element = found->value(source + QLatin1Char(':') + key);
            if (!element.isEmpty() && item.elementId != element) {
                // Already in the CRM (an earlier store, or a create whose answer was lost): adopted,
                // and updated once, since what it holds is not known.
                item = Store::CatalogItem { key, element, QString(), QStringLiteral("synced"), item.name, 0 };
            } else if (element.isEmpty() && item.state == QLatin1String("sending")) {
                item.state = QStringLiteral("new"); // the create never reached the CRM: made again
            } else {
                continue;
            }
            stored.insert(key, item);
            changed << item;
        }
        if (!changed.isEmpty())
            qCInfo(lcEngine) << "catalogue" << source << "connection" << m_connectionId << ":"
                             << changed.size() << "product(s) matched to the CRM's elements by external id";
        if (auto saved = Store::CatalogRepo(m_db, m_clock).save(m_connectionId, source, changed); !saved) {
            outcome.error = saved.error();
            finish(outcome, done);
            return;
        }
        send(source, CatalogPlan::make(source, catalog, stored, policy), maxChanges, outcome, done);
    });
}

void CatalogSync::send(const QString &source, CatalogPlan plan, int maxChanges, Outcome outcome, Done done)
{
    outcome.run.products = plan.products;
    // Creates first (a deal can link only what exists), then updates, then deletes; the rest next round.
    int budget = std::max(1, maxChanges);
    auto take = [&budget](QList<Crm::CatalogEntry> &list) {
        const QList<Crm::CatalogEntry> now = list.mid(0, budget);
        budget -= int(now.size());
        return now;
    };
    const QList<Crm::CatalogEntry> creates = take(plan.creates);
    const QList<Crm::CatalogEntry> updates = take(plan.updates);
    const QList<Crm::CatalogEntry> deletes = take(plan.deletes);
    outcome.more = outcome.more || creates.size() + updates.size() + deletes.size() < plan.changes();

    // Marked before they go out: after a crash the next run asks the CRM before making them again.
    // The links dropped (products gone from a MoySklad shop) go in the same write; nothing is sent.
    QList<Store::CatalogItem> sending = plan.unlinks;
    outcome.unlinked = int(plan.unlinks.size());
    if (outcome.unlinked > 0)
        qCInfo(lcEngine) << "catalogue" << source << "connection" << m_connectionId << ":" << outcome.unlinked
                         << "product(s) gone from the shop lose their links; their elements stay as they are";
    for (const Crm::CatalogEntry &e : creates)
        sending << Store::CatalogItem { e.key, QString(), QString(), QStringLiteral("sending"), e.name, 0 };
    Store::CatalogRepo repo(m_db, m_clock);
    if (auto marked = repo.save(m_connectionId, source, sending); !marked) {
        outcome.error = marked.error();
        finish(outcome, done);
        return;
    }
    const QHash<QString, QString> hashes = plan.hashes;
    QHash<QString, Crm::CatalogEntry> byKey;
    for (const Crm::CatalogEntry &e : creates + updates + deletes)
        byKey.insert(e.key, e);
    auto settle = [this, source, byKey, hashes](const QList<Crm::ItemOutcome> &outcomes, bool deleting,
                                                Outcome &into) {
        QList<Store::CatalogItem> rows;
        for (const Crm::ItemOutcome &o : outcomes) {
            const Crm::CatalogEntry entry = byKey.value(o.key);
            if (o.error) {
                ++into.run.failed;
                if (!into.error)
                    into.error = *o.error;
                // A refused create made nothing; an unknown one stays "sending" and is looked up.
                if (entry.elementId.isEmpty() && Crm::createResultOf(o) == Crm::CreateResult::Refused)
                    rows << Store::CatalogItem { entry.key,  QString(), QString(), QStringLiteral("failed"),
                                                 entry.name, 0 };
                continue;
            }
            if (deleting) {
                rows << Store::CatalogItem { entry.key,  entry.elementId,
                                             QString(),  QStringLiteral("deleted"),
                                             entry.name, 0 };
                ++into.run.retired;
                continue;
            }
            rows << syncedItem(entry, o.dealId, hashes.value(entry.key));
            if (entry.elementId.isEmpty())
                ++into.run.created;
            else if (!entry.active)
                ++into.run.retired;
            else
                ++into.run.updated;
        }
        if (auto saved = Store::CatalogRepo(m_db, m_clock).save(m_connectionId, source, rows); !saved)
            into.error = saved.error();
    };
    m_connector->upsertCatalogEntries(
        creates + updates, [this, deletes, settle, outcome, done](QList<Crm::ItemOutcome> upserted) mutable {
            settle(upserted, false, outcome);
            if (deletes.isEmpty()) {
                finish(outcome, done);
                return;
            }
            m_connector->deleteCatalogEntries(
                deletes, [this, settle, outcome, done](QList<Crm::ItemOutcome> deleted) mutable {
                    settle(deleted, true, outcome);
                    finish(outcome, done);
                });
        });
}

void CatalogSync::finish(Outcome outcome, Done done)
{
    outcome.run.finishedAt = m_clock->nowMs();
    if (outcome.error) {
        if (outcome.run.failed > 0)
            outcome.error->message = tr("%1 of %2 products not sent to the CRM's catalogue: %3")
                                         .arg(outcome.run.failed)
                                         .arg(outcome.run.products)
                                         .arg(outcome.error->message);
        outcome.run.error = outcome.error->message;
    }
    if (auto saved = Store::CatalogRepo(m_db, m_clock).saveRun(outcome.run); !saved)
        qCWarning(lcEngine) << "cannot record the catalogue run:" << saved.error().toString();
    done(outcome);
}

} // namespace Engine
