// SPDX-License-Identifier: GPL-3.0-or-later
#include "CategoryCacheRepo.h"

#include "common/Json.h"
#include "storage/Sql.h"

#include <QJsonDocument>

namespace Store {

namespace Sql = Storage::Sql;

CategoryCacheRepo::CategoryCacheRepo(std::shared_ptr<Storage::Database> db, const Common::Clock *clock)
    : m_db(std::move(db))
    , m_clock(clock)
{ }

Common::Status CategoryCacheRepo::save(const QString &source, const Model::CategoryTree &tree)
{
    auto done
        = Sql::exec(*m_db,
                    QStringLiteral("INSERT INTO shop_categories (source, tree_json, fetched_at)"
                                   " VALUES (?, ?, ?) ON CONFLICT (source) DO UPDATE SET"
                                   " tree_json = excluded.tree_json, fetched_at = excluded.fetched_at"),
                    { source, QString::fromUtf8(Common::Json::compact(tree.toJson())), m_clock->nowMs() });
    if (!done)
        return done.error();
    return {};
}

Common::Result<std::optional<CachedCategories>> CategoryCacheRepo::load(const QString &source)
{
    auto query = Sql::exec(
        *m_db, QStringLiteral("SELECT tree_json, fetched_at FROM shop_categories WHERE source = ?"),
        { source });
    if (!query)
        return query.error();
    if (!query->next())
        return std::optional<CachedCategories>();
    CachedCategories cached;
    cached.tree
        = Model::CategoryTree::fromJson(QJsonDocument::fromJson(query->value(0).toString().toUtf8()).array());
    cached.fetchedAt = query->value(1).toLongLong();
    return std::optional<CachedCategories>(std::move(cached));
}

} // namespace Store
