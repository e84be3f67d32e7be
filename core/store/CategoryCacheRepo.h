// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Clock.h"
#include "common/Result.h"
#include "model/CategoryTree.h"
#include "storage/Database.h"

#include <memory>
#include <optional>

namespace Store {

/** A source's category tree as it was last read, and when. */
struct CachedCategories
{
    Model::CategoryTree tree;
    qint64 fetchedAt = 0; ///< Unix ms
};

/**
 * Each shop source's category tree (table shop_categories, keyed by the source's name), written by the
 * source when it polls and read by the lanes for category → pipeline routing. Thread-safe like
 * Storage::Database.
 */
class CategoryCacheRepo
{
public:
    explicit CategoryCacheRepo(std::shared_ptr<Storage::Database> db,
                               const Common::Clock *clock = Common::Clock::system());

    Common::Status save(const QString &source, const Model::CategoryTree &tree);
    /** The cached tree, or nullopt when the source has not been read yet. */
    Common::Result<std::optional<CachedCategories>> load(const QString &source);

private:
    std::shared_ptr<Storage::Database> m_db;
    const Common::Clock *m_clock;
};

} // namespace Store
