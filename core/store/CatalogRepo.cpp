// SPDX-License-Identifier: GPL-3.0-or-later
#include "CatalogRepo.h"

#include "storage/Sql.h"
#include "storage/Transaction.h"

namespace Store {

using Common::Result;
namespace Sql = Storage::Sql;

CatalogRepo::CatalogRepo(std::shared_ptr<Storage::Database> db, const Common::Clock *clock)
    : m_db(std::move(db))
    , m_clock(clock)
{ }

Result<QHash<QString, CatalogItem>> CatalogRepo::items(qint64 connectionId, const QString &source)
{
    auto query
        = Sql::exec(*m_db,
                    QStringLiteral("SELECT product_key, element_id, content_hash, state, name, synced_at"
                                   " FROM catalog_items WHERE connection_id = ? AND source = ?"),
                    { connectionId, source });
    if (!query)
        return query.error();
    QHash<QString, CatalogItem> out;
    while (query->next()) {
        CatalogItem item;
        item.productKey = query->value(0).toString();
        item.elementId = query->value(1).toString();
        item.contentHash = query->value(2).toString();
        item.state = query->value(3).toString();
        item.name = query->value(4).toString();
        item.syncedAt = query->value(5).toLongLong();
        out.insert(item.productKey, item);
    }
    return out;
}

Common::Status CatalogRepo::save(qint64 connectionId, const QString &source, const QList<CatalogItem> &items)
{
    if (items.isEmpty())
        return {};
    Storage::Transaction tx(*m_db);
    if (!tx.isActive())
        return tx.error();
    const qint64 now = m_clock->nowMs();
    for (const CatalogItem &item : items) {
        auto done = Sql::exec(
            *m_db,
            QStringLiteral("INSERT INTO catalog_items (connection_id, source, product_key, element_id,"
                           " content_hash, state, name, synced_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                           " ON CONFLICT (connection_id, source, product_key) DO UPDATE SET"
                           " element_id = excluded.element_id, content_hash = excluded.content_hash,"
                           " state = excluded.state, name = excluded.name, synced_at = excluded.synced_at"),
            { connectionId, source, item.productKey, item.elementId, item.contentHash, item.state, item.name,
              item.syncedAt ? item.syncedAt : now });
        if (!done)
            return done.error();
    }
    return tx.commit();
}

Result<QHash<QString, QString>> CatalogRepo::elementsOf(qint64 connectionId, const QString &source,
                                                        const QStringList &productKeys)
{
    QHash<QString, QString> out;
    if (productKeys.isEmpty())
        return out;
    QStringList marks;
    QVariantList binds { connectionId, source };
    for (const QString &key : productKeys) {
        marks << QStringLiteral("?");
        binds << key;
    }
    auto query = Sql::exec(
        *m_db,
        QStringLiteral("SELECT product_key, element_id FROM catalog_items"
                       " WHERE connection_id = ? AND source = ? AND element_id <> ''"
                       " AND state NOT IN ('deleted', 'unlinked', 'crm-deleted') AND product_key IN (%1)")
            .arg(marks.join(QLatin1Char(','))),
        binds);
    if (!query)
        return query.error();
    while (query->next())
        out.insert(query->value(0).toString(), query->value(1).toString());
    return out;
}

Result<QStringList> CatalogRepo::sourcesOf(qint64 connectionId)
{
    auto query
        = Sql::exec(*m_db,
                    QStringLiteral("SELECT s.name FROM sources s WHERE NOT EXISTS (SELECT 1 FROM"
                                   " source_targets t WHERE t.source = s.name) OR EXISTS (SELECT 1 FROM"
                                   " source_targets t WHERE t.source = s.name AND t.connection_id = ?)"
                                   " ORDER BY s.name"),
                    { connectionId });
    if (!query)
        return query.error();
    QStringList out;
    while (query->next())
        out << query->value(0).toString();
    return out;
}

Result<int> CatalogRepo::linkedCount(qint64 connectionId)
{
    auto count = Sql::scalar(
        *m_db,
        QStringLiteral("SELECT COUNT(*) FROM catalog_items WHERE connection_id = ?"
                       " AND element_id <> '' AND state NOT IN ('deleted', 'unlinked', 'crm-deleted')"),
        { connectionId });
    if (!count)
        return count.error();
    return count->toInt();
}

Common::Status CatalogRepo::saveRun(const CatalogRun &run)
{
    auto done = Sql::exec(
        *m_db,
        QStringLiteral("INSERT INTO catalog_runs (connection_id, source, started_at, finished_at, products,"
                       " created, updated, retired, failed, error) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                       " ON CONFLICT (connection_id, source) DO UPDATE SET started_at = excluded.started_at,"
                       " finished_at = excluded.finished_at, products = excluded.products,"
                       " created = excluded.created, updated = excluded.updated, retired = excluded.retired,"
                       " failed = excluded.failed, error = excluded.error"),
        { run.connectionId, run.source, run.startedAt, run.finishedAt, run.products, run.created, run.updated,
          run.retired, run.failed, run.error });
    if (!done)
        return done.error();
    return {};
}

Result<QList<CatalogRun>> CatalogRepo::runs()
{
    auto query = Sql::exec(*m_db,
                           QStringLiteral("SELECT connection_id, source, started_at, finished_at, products,"
                                          " created, updated, retired, failed, error FROM catalog_runs"
                                          " ORDER BY connection_id, source"));
    if (!query)
        return query.error();
    QList<CatalogRun> out;
    while (query->next()) {
        CatalogRun run;
        run.connectionId = query->value(0).toLongLong();
        run.source = query->value(1).toString();
        run.startedAt = query->value(2).toLongLong();
        run.finishedAt = query->value(3).toLongLong();
        run.products = query->value(4).toInt();
        run.created = query->value(5).toInt();
        run.updated = query->value(6).toInt();
        run.retired = query->value(7).toInt();
        run.failed = query->value(8).toInt();
        run.error = query->value(9).toString();
        out.append(run);
    }
    return out;
}

} // namespace Store
