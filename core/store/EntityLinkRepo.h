// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Clock.h"
#include "common/Result.h"
#include "storage/Database.h"

#include <QString>
#include <memory>
#include <optional>

namespace Store {

/** "This shop entity is that CRM entity" for one connection, e.g. order 17 ↔ lead 9001. */
struct EntityLink
{
    qint64 connectionId = 0;
    QString sourceKind; ///< order, customer, form, product
    QString sourceId;
    QString crmKind; ///< lead, contact, customer, catalog_element, order (RetailCRM)
    QString crmId;
};

/**
 * Links between shop and CRM entities, unique in both directions per connection: one order is
 * one lead and one lead is one order. Linking the same pair again is a no-op; linking either side to
 * something else is a Permanent "link-conflict" error, which is what stops a second deal.
 */
class EntityLinkRepo
{
public:
    explicit EntityLinkRepo(std::shared_ptr<Storage::Database> db,
                            const Common::Clock *clock = Common::Clock::system());

    Common::Status link(const EntityLink &link);
    Common::Result<std::optional<QString>> crmIdFor(qint64 connectionId, const QString &sourceKind,
                                                    const QString &sourceId, const QString &crmKind);
    Common::Result<std::optional<QString>> sourceIdFor(qint64 connectionId, const QString &crmKind,
                                                       const QString &crmId, const QString &sourceKind);
    Common::Status unlink(qint64 connectionId, const QString &sourceKind, const QString &sourceId,
                          const QString &crmKind);
    Common::Result<int> count(qint64 connectionId, const QString &sourceKind);
    /** The highest numeric CRM id linked on @p connectionId for @p crmKind (0 when none): CRM ids only
     *  grow, so whatever is made after this call has a higher one (Store::Job::crmFloor). */
    Common::Result<qint64> highestCrmId(qint64 connectionId, const QString &crmKind);

    /** The source id a link stores for an entity of a named source: "<source>:<id>" (bare id without one),
     *  so two shops with the same order numbers never share a link. */
    static QString scopedSourceId(const QString &source, const QString &entityId);

private:
    std::shared_ptr<Storage::Database> m_db;
    const Common::Clock *m_clock;
};

} // namespace Store
