// SPDX-License-Identifier: GPL-3.0-or-later
#include "StatusLaneWorker.h"

#include "LaneLeaseKeeper.h"
#include "PointsBackSync.h"
#include "StageEventPoller.h"
#include "StageMoveBatch.h"
#include "mapping/MappingRepo.h"
#include "model/StatusChange.h"
#include "source/PointsChangeInbox.h"
#include "source/SourceRepo.h"
#include "source/StageChangeInbox.h"
#include "store/EchoGuardRepo.h"
#include "store/EntityLinkRepo.h"
#include "store/LaneStatusRepo.h"
#include "store/WatermarkRepo.h"

#include <QLoggingCategory>
#include <QPointer>

Q_DECLARE_LOGGING_CATEGORY(lcEngine)

namespace Engine {

using Common::Error;
using Store::Job;

StatusLaneWorker::StatusLaneWorker(std::shared_ptr<Storage::Database> db, LaneConfig config,
                                   LaneWorker::ConnectorFactory factory,
                                   std::shared_ptr<Secrets::SecretStore> secrets, const Common::Clock *clock)
    : m_db(std::move(db))
    , m_config(std::move(config))
    , m_factory(std::move(factory))
    , m_secrets(std::move(secrets))
    , m_clock(clock)
{ }

StatusLaneWorker::~StatusLaneWorker()
{
    // Destroyed on the status lane's thread: the shops' and the store's connections are closed there.
    m_sources.clear();
    m_db->releaseThreadConnection();
}

QString StatusLaneWorker::appliedSource(qint64 connectionId)
{
    return QStringLiteral("crm-applied:%1").arg(connectionId);
}

void StatusLaneWorker::start()
{
    m_jobs = std::make_unique<Store::JobRepo>(m_db, m_clock);
    m_settler = std::make_unique<JobSettler>(*m_jobs, m_config, m_clock,
                                             [this](qint64 id, const QString &state, const QString &message) {
                                                 Q_EMIT jobSettled(id, state, message);
                                             });
    m_points = std::make_unique<PointsBackSync>(
        m_db, m_config, *m_jobs, *m_settler, m_clock,
        [this](const QString &name, std::optional<Error> *error) { return source(name, error); },
        [this](const QString &name) { m_sources.remove(name); });
    m_timer = new QTimer(this);
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &StatusLaneWorker::cycle);
    m_connector = m_factory(this);
    m_poller = new StageEventPoller(m_db, m_config.connectionId, m_connector.get(), m_clock, this);
    connect(m_poller, &StageEventPoller::changesAppended, this, &StatusLaneWorker::wake);
    m_poller->start();
    m_startedAt = m_clock->nowMs();
    m_heartbeat = new QTimer(this);
    connect(m_heartbeat, &QTimer::timeout, this, &StatusLaneWorker::report);
    m_heartbeat->start(int(m_config.heartbeatMs));
    report();
    scheduleNext(0);
}

void StatusLaneWorker::report()
{
    using Mode = Store::BackSyncConfig::Mode;
    Store::LaneStatus status;
    status.owner = m_config.owner;
    status.connectionId = m_config.connectionId;
    status.kind = Store::LaneStatus::Kind::Status;
    status.startedAt = m_startedAt;
    status.sent = m_settler->doneCount();
    status.failed = m_settler->failedCount();
    if (m_stopping) {
        status.state = QStringLiteral("stopped");
    } else if (!m_poller->problem().isEmpty()) {
        status.state = QStringLiteral("paused");
        status.reason = m_poller->problem();
    } else {
        status.state = m_poller->mode() == Mode::Polling ? QStringLiteral("polling")
            : m_poller->mode() == Mode::Webhook          ? QStringLiteral("listening")
                                                         : QStringLiteral("off");
    }
    if (auto reported = Store::LaneStatusRepo(m_db, m_clock).report(status); !reported)
        qCWarning(lcEngine) << "status lane" << m_config.owner
                            << "cannot report its state:" << reported.error().toString();
}

void StatusLaneWorker::stop()
{
    m_stopping = true;
    if (m_timer)
        m_timer->stop();
    if (m_heartbeat) {
        m_heartbeat->stop();
        report();
    }
    if (m_poller)
        m_poller->stop();
    // Every job is settled within its round (the shop writes are synchronous): nothing is held.
    Q_EMIT stopped();
}

void StatusLaneWorker::wake()
{
    scheduleNext(0);
}

void StatusLaneWorker::scheduleNext(int delayMs)
{
    if (!m_stopping && m_timer)
        m_timer->start(delayMs);
}

void StatusLaneWorker::cycle()
{
    if (m_stopping)
        return;
    if (m_config.lease && !m_config.lease->valid()) {
        scheduleNext(1'000); // not confirmed as the connection's holder lately (see LaneWorker::cycle)
        return;
    }
    const int max = std::clamp(m_config.leaseMax, 1, kMovesPerRound);
    auto leased
        = m_jobs->lease(m_config.owner, max, m_config.leaseMs, m_config.connectionId,
                        { Source::StageChangeInbox::jobKind(), Source::PointsChangeInbox::jobKind() });
    if (!leased) {
        qCWarning(lcEngine) << "status lane" << m_config.owner
                            << "cannot lease jobs:" << leased.error().toString();
        scheduleNext(2'000);
        return;
    }
    for (const Job &job : *leased) {
        if (job.kind == Source::PointsChangeInbox::jobKind())
            m_points->apply(job);
        else
            apply(job);
    }
    scheduleNext(leased->size() >= max ? 0 : m_config.idlePollMs);
}

void StatusLaneWorker::apply(const Job &job)
{
    const Model::StatusChange change = Model::StatusChange::fromJson(job.payload);
    const QString dealId = change.orderId;
    const qint64 connectionId = m_config.connectionId;

    auto ours = Store::EchoGuardRepo(m_db, m_clock)
                    .consume(StageMoveBatch::echoSource(connectionId), job.idempotencyKey, dealId,
                             StageMoveBatch::echoStage(change.pipelineId, change.toStatus));
    if (!ours) {
        m_settler->fail(job, ours.error());
        return;
    }
    if (ours.value()) {
        m_settler->done(job, QStringLiteral("echo"),
                        tr("Our own move of deal %1 to stage %2: nothing to do in the shop")
                            .arg(dealId, change.toStatus));
        return;
    }

    auto linked = Store::EntityLinkRepo(m_db, m_clock)
                      .sourceIdFor(connectionId, QStringLiteral("lead"), dealId, QStringLiteral("order"));
    if (!linked) {
        m_settler->fail(job, linked.error());
        return;
    }
    if (!linked->has_value()) {
        m_settler->done(job, QStringLiteral("skipped"),
                        tr("Deal %1 was not made from a shop order").arg(dealId));
        return;
    }
    // Orders are linked as "<source>:<order id>".
    const QString link = **linked;
    const qsizetype colon = link.lastIndexOf(QLatin1Char(':'));
    const QString sourceName = link.left(colon);
    const QString orderId = link.mid(colon + 1);

    auto mapping = Mapping::MappingRepo(m_db, m_clock).load(connectionId);
    if (!mapping) {
        m_settler->fail(job, mapping.error());
        return;
    }
    if (!mapping->has_value()) {
        m_settler->done(job, QStringLiteral("skipped"), tr("The connection has no status map yet"));
        return;
    }
    const Mapping::ShopStatusDecision decision
        = (*mapping)->statuses.shopStatusForStage(change.pipelineId, change.toStatus);
    if (decision.action != Mapping::ShopStatusDecision::Action::SetStatus) {
        m_settler->done(job, QStringLiteral("skipped"), decision.explanation);
        return;
    }

    Store::WatermarkRepo applied(m_db, m_clock);
    const QString stream = sourceName + QLatin1Char(':') + orderId;
    auto last = applied.value(appliedSource(connectionId), stream);
    if (!last) {
        m_settler->fail(job, last.error());
        return;
    }
    const qint64 at = change.at.toMSecsSinceEpoch();
    if (last->has_value() && at < (*last)->toLongLong()) {
        m_settler->done(job, QStringLiteral("skipped"),
                        tr("Older than the change already applied to order %1: ignored").arg(orderId));
        return;
    }

    std::optional<Error> openError;
    const std::shared_ptr<Source::ShopSource> shop = source(sourceName, &openError);
    if (!shop) {
        if (openError)
            m_settler->fail(job, *openError);
        else
            m_settler->release(job, m_clock->nowMs() + 200); // the source is being opened
        return;
    }
    auto written = shop->writeStatus(orderId, decision.shopStatusId);
    const bool already = !written && written.error().code == QLatin1String("status-same");
    if (!written && !already) {
        Error error = written.error();
        error.message = tr("Order %1 of %2: %3").arg(orderId, sourceName, error.message);
        if (error.isRetryable() || error.kind == Common::ErrorKind::Unavailable)
            m_sources.remove(sourceName); // reconnect on the next try
        m_settler->fail(job, error);
        return;
    }
    if (auto saved = applied.setValue(appliedSource(connectionId), stream, QString::number(at)); !saved)
        qCWarning(lcEngine) << "status lane" << m_config.owner
                            << "cannot remember the applied change:" << saved.error().toString();
    if (already)
        m_settler->done(job, QStringLiteral("skipped"),
                        tr("Order %1 is already in status %2").arg(orderId, decision.shopStatusId));
    else
        m_settler->done(
            job, QStringLiteral("done"),
            tr("Order %1 set to status %2 (%3)").arg(orderId, decision.shopStatusId, decision.explanation));
}

std::shared_ptr<Source::ShopSource> StatusLaneWorker::source(const QString &name, std::optional<Error> *error)
{
    if (auto it = m_sources.constFind(name); it != m_sources.cend())
        return it.value();
    if (m_sourceErrors.contains(name)) {
        *error = m_sourceErrors.take(name);
        return nullptr;
    }
    if (m_opening.contains(name))
        return nullptr;
    auto record = Source::SourceRepo(m_db, m_clock).byName(name);
    if (!record) {
        *error = record.error();
        return nullptr;
    }
    if (!m_secrets && !record->url.startsWith(QLatin1String("sqlite:"))) {
        *error = Error::unavailable(
            tr("The engine has no secret store to read the password of source %1").arg(name));
        return nullptr;
    }
    if (!m_shopSources) {
        *error = Error::permanent(tr("This engine was given no shop platforms to read"));
        return nullptr;
    }
    m_opening.insert(name);
    QPointer<StatusLaneWorker> self(this);
    m_shopSources->open(
        record.value(), m_db, m_secrets,
        [self, name](Common::Result<std::shared_ptr<Source::ShopSource>> opened) {
            if (!self)
                return;
            self->m_opening.remove(name);
            if (opened)
                self->m_sources.insert(name, opened.value());
            else
                self->m_sourceErrors.insert(name, opened.error());
            self->wake();
        },
        m_clock);
    // A SQLite source opens at once (no password to read).
    if (auto opened = m_sourceErrors.constFind(name); opened != m_sourceErrors.cend())
        *error = m_sourceErrors.take(name);
    return m_sources.value(name);
}

} // namespace Engine
