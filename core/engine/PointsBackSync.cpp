// SPDX-License-Identifier: GPL-3.0-or-later
#include "PointsBackSync.h"

#include "model/PointsChange.h"
#include "model/SourceFieldCatalogue.h"
#include "store/EntityLinkRepo.h"
#include "store/JobRepo.h"
#include "store/WatermarkRepo.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <cmath>

namespace Engine {

using Common::Error;
using Store::Job;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Engine::PointsBackSync", text);
}

QString points(double value)
{
    return Model::SourceFieldCatalogue::formatNumber(value);
}

} // namespace

PointsBackSync::PointsBackSync(std::shared_ptr<Storage::Database> db, const LaneConfig &config,
                               Store::JobRepo &jobs, JobSettler &settler, const Common::Clock *clock,
                               SourceFor sourceFor, std::function<void(const QString &name)> forgetSource)
    : m_db(std::move(db))
    , m_config(config)
    , m_jobs(jobs)
    , m_settler(settler)
    , m_clock(clock)
    , m_sourceFor(std::move(sourceFor))
    , m_forgetSource(std::move(forgetSource))
{ }

QString PointsBackSync::knownSource(qint64 connectionId)
{
    return QStringLiteral("crm-points:%1").arg(connectionId);
}

Common::Status PointsBackSync::remember(std::shared_ptr<Storage::Database> db, const Common::Clock *clock,
                                        qint64 connectionId, const QString &crmCustomerId, double value)
{
    if (crmCustomerId.isEmpty())
        return {};
    return Store::WatermarkRepo(std::move(db), clock)
        .setValue(knownSource(connectionId), crmCustomerId, points(value));
}

QString PointsBackSync::referenceOf(const Job &job)
{
    // Unique per change (the job's key) and short enough for MoySklad's externalCode (255).
    return QStringLiteral("crmbridge-points-")
        + QString::fromLatin1(QCryptographicHash::hash(job.idempotencyKey.toUtf8(), QCryptographicHash::Sha1)
                                  .toHex()
                                  .left(24));
}

void PointsBackSync::apply(const Job &job)
{
    const Model::PointsChange change = Model::PointsChange::fromJson(job.payload);
    const qint64 connectionId = m_config.connectionId;
    bool number = false;
    const double wanted = change.points.trimmed().toDouble(&number);
    if (!number || wanted < 0 || !std::isfinite(wanted)) {
        m_settler.done(
            job, QStringLiteral("skipped"),
            tr("Customer %1: \"%2\" is not a number of bonus points").arg(change.customerId, change.points));
        return;
    }
    auto linked = Store::EntityLinkRepo(m_db, m_clock)
                      .sourceIdFor(connectionId, QStringLiteral("customer"), change.customerId,
                                   QStringLiteral("customer"));
    if (!linked) {
        m_settler.fail(job, linked.error());
        return;
    }
    if (!linked->has_value()) {
        m_settler.done(job, QStringLiteral("skipped"),
                       tr("Customer %1 was not made from a shop's buyer").arg(change.customerId));
        return;
    }
    // Buyers are linked as "<source>:<buyer id>".
    const QString link = **linked;
    const qsizetype colon = link.lastIndexOf(QLatin1Char(':'));
    const QString sourceName = link.left(colon);
    const QString buyerId = link.mid(colon + 1);

    if (job.dealExists()) {
        // Granted by an earlier try (its operation is the job's crmId): the shop's read brings the new
        // balance back as the value known.
        m_settler.done(job, QStringLiteral("done"),
                       tr("Customer %1: bonus points granted in the shop (operation %2)")
                           .arg(change.customerId, job.crmId));
        return;
    }
    Store::WatermarkRepo known(m_db, m_clock);
    auto last = known.value(knownSource(connectionId), change.customerId);
    if (!last) {
        m_settler.fail(job, last.error());
        return;
    }
    std::optional<Error> openError;
    const std::shared_ptr<Source::ShopSource> shop = m_sourceFor(sourceName, &openError);
    if (!shop) {
        if (openError)
            m_settler.fail(job, *openError);
        else
            m_settler.release(job, m_clock->nowMs() + 200); // the source is being opened
        return;
    }
    const auto failed = [this, &job, &sourceName](Error error) {
        if (error.isRetryable() || error.kind == Common::ErrorKind::Unavailable)
            m_forgetSource(sourceName); // reconnect on the next try
        m_settler.fail(job, error);
    };
    double base = 0;
    if (last->has_value()) {
        base = (*last)->toDouble();
    } else {
        // Never written by the bridge: the points are the shop's balance now.
        auto balance = shop->bonusPoints(buyerId);
        if (!balance) {
            failed(balance.error());
            return;
        }
        base = balance.value();
    }
    const qint64 delta = std::llround(wanted - base);
    if (delta == 0) {
        if (auto saved = remember(m_db, m_clock, connectionId, change.customerId, wanted); !saved) {
            m_settler.fail(job, saved.error());
            return;
        }
        m_settler.done(
            job, QStringLiteral("skipped"),
            tr("Customer %1 has %2 bonus points in the shop already").arg(change.customerId, points(wanted)));
        return;
    }
    const bool mayExist = job.state == Store::JobState::Sending || job.step == Store::JobStep::Unconfirmed;
    if (!mayExist) {
        // From here on a retry, a restart or a resend asks the shop for the grant before making one.
        if (auto marked = m_jobs.markSending(job.id, m_config.owner); !marked) {
            m_settler.fail(job, marked.error());
            return;
        }
    }
    auto granted = shop->grantBonusPoints({ buyerId, delta, referenceOf(job), mayExist });
    if (!granted) {
        Error error = granted.error();
        error.message = tr("Bonus points of %1 in %2: %3").arg(buyerId, sourceName, error.message);
        failed(error);
        return;
    }
    // The grant is made: a failure to record it leaves a retry that finds it by its reference. One an
    // earlier try made is in the shop's balance already, which the shop's read brings back (the value
    // known may be newer than this change by now).
    Common::Status saved = m_jobs.recordCreated(job.id, m_config.owner, granted->operationId);
    if (saved && !granted->existed)
        saved = remember(m_db, m_clock, connectionId, change.customerId, wanted);
    if (!saved) {
        m_settler.fail(job, saved.error());
        return;
    }
    m_settler.done(job, QStringLiteral("done"),
                   (delta > 0 ? tr("Customer %1: %2 bonus points granted in the shop (operation %3)")
                              : tr("Customer %1: %2 bonus points taken in the shop (operation %3)"))
                       .arg(change.customerId, QString::number(qAbs(delta)), granted->operationId));
}

} // namespace Engine
