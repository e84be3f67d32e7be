// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "JobSettler.h"
#include "LaneConfig.h"
#include "common/Clock.h"
#include "source/ShopSource.h"
#include "storage/Database.h"
#include "store/Job.h"

#include <functional>
#include <memory>
#include <optional>

namespace Engine {

/**
 * CRM → shop for bonus points: applies one `crm.points_changed` job (a person set a customer's
 * «Бонусные баллы» in the CRM) to the buyer linked to that CRM customer, as a grant in the shop
 * (MoySklad: a bonus operation, EARNING when the points went up, SPENDING when they went down) of
 * the difference between the new value and the one CRM Bridge last knew for that customer — the
 * value it last wrote into the field from the shop (PurchaseSender, remembered before the write) or
 * granted here; never known: the shop's balance now.
 *
 * - No echo: the bridge's own write of the field comes back as a change to the value it knows, so
 *   nothing is granted; after a grant the shop's new balance equals the field, so the write that the
 *   shop's read brings back changes nothing either.
 * - Exactly once: the job is marked `sending` before the grant goes out; a retry or a restart of such
 *   a job asks the shop for the grant by its reference (derived from the job's key) before it makes one.
 *
 * The known values are watermarks ("crm-points:<connection>" / "<CRM customer id>"). Runs on the
 * status lane's thread, owned by its StatusLaneWorker, which settles the jobs through @p settler.
 */
class PointsBackSync
{
public:
    /** The open shop source of that name, null while it is being opened (with @p error when it failed). */
    using SourceFor = std::function<std::shared_ptr<Source::ShopSource>(const QString &name,
                                                                        std::optional<Common::Error> *error)>;

    PointsBackSync(std::shared_ptr<Storage::Database> db, const LaneConfig &config, Store::JobRepo &jobs,
                   JobSettler &settler, const Common::Clock *clock, SourceFor sourceFor,
                   std::function<void(const QString &name)> forgetSource);

    static QString knownSource(qint64 connectionId);
    /** CRM Bridge is writing (or wrote) @p points into the CRM customer's field: the value it knows. */
    static Common::Status remember(std::shared_ptr<Storage::Database> db, const Common::Clock *clock,
                                   qint64 connectionId, const QString &crmCustomerId, double points);
    /** The shop's reference of the grant a job makes: the same on every try of that job. */
    static QString referenceOf(const Store::Job &job);

    void apply(const Store::Job &job);

private:
    std::shared_ptr<Storage::Database> m_db;
    const LaneConfig &m_config;
    Store::JobRepo &m_jobs;
    JobSettler &m_settler;
    const Common::Clock *m_clock;
    SourceFor m_sourceFor;
    std::function<void(const QString &name)> m_forgetSource;
};

} // namespace Engine
