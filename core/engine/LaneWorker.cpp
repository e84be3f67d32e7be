// SPDX-License-Identifier: GPL-3.0-or-later
#include "LaneWorker.h"

#include "ContactIndexLoader.h"
#include "CreateSender.h"
#include "HookRunner.h"
#include "LaneLeaseKeeper.h"
#include "PointsBackSync.h"
#include "Reconciler.h"
#include "StageMoveBatch.h"
#include "mapping/MappingRepo.h"
#include "model/FormSubmission.h"
#include "model/ShopEvent.h"
#include "model/ShopOrder.h"
#include "store/CatalogRepo.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcEngine, "crmbridge.engine")

namespace Engine {

using Common::Error;
using Common::ErrorKind;
using Store::Job;
using Store::JobState;

namespace {
using Kind = Model::ShopEvent::Kind;
const QStringList kCreateKinds { Model::ShopEvent::kindName(Kind::OrderCreated),
                                 Model::ShopEvent::kindName(Kind::FormSubmitted) };

std::optional<Kind> kindOf(const Job &job)
{
    Kind kind;
    if (!Model::ShopEvent::kindFromName(job.kind, &kind))
        return std::nullopt;
    return kind;
}

/** Shop entities are linked as "<source>:<id>": two shops feeding one CRM account may share ids. */
QString linkedSourceId(const Job &job, const Crm::DealDraft &draft)
{
    return Store::EntityLinkRepo::scopedSourceId(job.source, draft.sourceId);
}

bool isUnknownFieldError(const Error &error)
{
    return error.code == QLatin1String("NotSupportedChoice") || error.code == QLatin1String("unknown-field");
}
} // namespace

QString laneStateName(LaneState state)
{
    switch (state) {
    case LaneState::Starting:
        return QStringLiteral("starting");
    case LaneState::Idle:
        return QStringLiteral("idle");
    case LaneState::Sending:
        return QStringLiteral("sending");
    case LaneState::Paused:
        return QStringLiteral("paused");
    case LaneState::Stopped:
        return QStringLiteral("stopped");
    }
    return {};
}

LaneWorker::LaneWorker(std::shared_ptr<Storage::Database> db, LaneConfig config, ConnectorFactory factory,
                       const Common::Clock *clock)
    : m_db(std::move(db))
    , m_config(std::move(config))
    , m_factory(std::move(factory))
    , m_clock(clock)
{ }

LaneWorker::~LaneWorker()
{
    // Destroyed on the lane thread (deleteLater when the thread finishes): drop its connection there.
    m_db->releaseThreadConnection();
}

void LaneWorker::start()
{
    m_jobs = std::make_unique<Store::JobRepo>(m_db, m_clock);
    m_links = std::make_unique<Store::EntityLinkRepo>(m_db, m_clock);
    m_contacts = std::make_unique<Store::ContactIndexRepo>(m_db, m_clock);
    m_status = std::make_unique<Store::LaneStatusRepo>(m_db, m_clock);
    m_mapping = std::make_unique<LaneMapping>(m_db, m_config.connectionId, m_clock);
    m_startedAt = m_clock->nowMs();

    m_timer = new QTimer(this);
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &LaneWorker::cycle);
    m_heartbeat = new QTimer(this);
    connect(m_heartbeat, &QTimer::timeout, this, &LaneWorker::reportHeartbeat);
    m_heartbeat->start(int(m_config.heartbeatMs));

    m_connector = m_factory(this);
    connect(m_connector.get(), &Crm::CrmConnector::stateChanged, this, &LaneWorker::onConnectorStateChanged);
    m_stageMoves
        = std::make_unique<StageMoveBatch>(m_db, m_config, m_connector.get(), m_clock,
                                           [this](qint64 id, const QString &state, const QString &message) {
                                               Q_EMIT jobSettled(id, state, message);
                                           });
    m_changes = std::make_unique<ChangeSender>(m_connector.get(), m_links.get(), m_contacts.get(), &m_config);
    m_reconciler = std::make_unique<Reconciler>(
        m_db, &m_config, m_connector.get(), m_jobs.get(), m_links.get(), m_contacts.get(), m_clock,
        Reconciler::Lane { [this](qint64 id) { return m_jobsById.value(id); },
                           [this](const Job &job, const Error &error, bool createMayExist) {
                               settleError(job, error, createMayExist);
                           },
                           [this](const Job &job, const QString &dealId) {
                               ++m_roundSent;
                               ++m_sentTotal;
                               Q_EMIT jobSettled(job.id, QStringLiteral("done"),
                                                 tr("Found in the CRM after a restart: deal %1").arg(dealId));
                           } });
    m_purchases = std::make_unique<PurchaseSender>(
        m_connector.get(), m_jobs.get(), m_links.get(), m_contacts.get(), &m_config,
        PurchaseSender::Lane {
            [this](const Job &job, const Error &error, bool mayExist) { settleError(job, error, mayExist); },
            [this](const Job &job, const QString &message) { settleChange(job, message); },
            [this](const Job &job, const Crm::ItemOutcome &outcome) { settleFollowUps(job, outcome); },
            [this](const Job &job, const Crm::DealDraft &draft) { return catalogProductsOf(job, draft); },
            [this](const QString &crmCustomerId, double points) {
                return PointsBackSync::remember(m_db, m_clock, m_config.connectionId, crmCustomerId, points);
            } });
    m_hookRunner = new HookRunner(this);
    m_creates = std::make_unique<CreateSender>(
        m_db, &m_config, m_connector.get(), m_jobs.get(), m_links.get(), m_contacts.get(), m_clock,
        CreateSender::Lane {
            [this](qint64 id) { return m_jobsById.value(id); },
            [this](const Job &job, const Error &error, bool createMayExist) {
                settleError(job, error, createMayExist);
            },
            [this](const QList<qint64> &ids, qint64 atMs) { releaseAll(ids, atMs); },
            [this](const Job &job, const PlannedCreate &planned, const Crm::ItemOutcome &outcome,
                   const QString &message) {
                ++m_roundSent;
                ++m_sentTotal;
                Q_EMIT jobSettled(job.id, QStringLiteral("done"), message);
                m_hookRunner->runAfterAll(m_hooks, job, planned.candidate.draft, outcome, m_config.owner);
            },
            [this](const Job &job, const Crm::ItemOutcome &outcome) { settleFollowUps(job, outcome); } });
    m_catalog = std::make_unique<CatalogLaneWork>(
        m_db, &m_config, m_connector.get(), m_jobs.get(), m_readCatalog,
        CatalogLaneWork::Lane {
            [this](const Job &job, const Error &error) { settleError(job, error, false); },
            [this](qint64 id, const QString &state, const QString &message) {
                if (state == QLatin1String("done")) {
                    ++m_roundSent;
                    ++m_sentTotal;
                }
                Q_EMIT jobSettled(id, state, message);
            } },
        m_clock);
    m_contactLoader = new ContactIndexLoader(m_db, m_config.connectionId, m_connector.get(),
                                             m_config.contactRefreshMs, m_clock, this);
    m_contactLoader->start();
    setState(LaneState::Idle);
    scheduleNext(0);
}

void LaneWorker::stop()
{
    m_stopping = true;
    if (m_timer)
        m_timer->stop();
    if (!m_busy) {
        setState(LaneState::Stopped);
        if (m_heartbeat)
            m_heartbeat->stop();
    }
    // When busy, the round in flight settles what it holds, then finishRound() reports Stopped.
}

void LaneWorker::wake()
{
    if (!m_busy && !m_stopping && m_state != LaneState::Paused)
        scheduleNext(0);
}

void LaneWorker::scheduleNext(int delayMs)
{
    if (m_stopping || !m_timer)
        return;
    m_timer->start(delayMs);
}

void LaneWorker::setState(LaneState state, const QString &reason)
{
    if (state == m_state && reason == m_reason)
        return;
    m_state = state;
    m_reason = reason;
    reportHeartbeat();
    Q_EMIT stateChanged(state, reason);
}

void LaneWorker::reportHeartbeat()
{
    if (!m_status)
        return;
    Store::LaneStatus status;
    status.owner = m_config.owner;
    status.connectionId = m_config.connectionId;
    status.state = laneStateName(m_state);
    status.reason = m_reason;
    status.sent = m_sentTotal;
    status.failed = m_failedTotal;
    status.startedAt = m_startedAt;
    if (auto reported = m_status->report(status); !reported)
        qCWarning(lcEngine) << "lane" << m_config.owner
                            << "cannot report its state:" << reported.error().toString();
}

void LaneWorker::onConnectorStateChanged(Crm::ConnectorState state, const QString &reason)
{
    if (state == Crm::ConnectorState::Ready) {
        if (m_state == LaneState::Paused) {
            setState(LaneState::Idle);
            scheduleNext(0);
        }
        return;
    }
    setState(LaneState::Paused, reason.isEmpty() ? Crm::connectorStateName(state) : reason);
}

void LaneWorker::pauseFor(const Error &error)
{
    setState(LaneState::Paused, error.message);
}

void LaneWorker::cycle()
{
    if (m_busy || m_stopping)
        return;
    if (m_config.lease && !m_config.lease->valid()) {
        // The lease was not renewed lately: another engine may take the connection over any moment, and
        // two senders would make two deals of one order and spend the account's budget twice.
        setState(LaneState::Starting,
                 tr("Waiting for the store to confirm this engine holds the connection"));
        scheduleNext(1'000);
        return;
    }
    if (m_connector->state() != Crm::ConnectorState::Ready) {
        setState(LaneState::Paused,
                 m_reason.isEmpty() ? Crm::connectorStateName(m_connector->state()) : m_reason);
        scheduleNext(5'000);
        return;
    }
    if (!m_contactLoader->ready()) {
        // Creating contacts before the index knows the CRM's would duplicate the managers' ones.
        setState(LaneState::Starting, tr("Reading the CRM's contacts"));
        scheduleNext(500);
        return;
    }
    m_busy = true;
    m_roundSent = 0;
    m_roundFailed = 0;

    Mapping::MappingRepo repo(m_db, m_clock);
    auto cached = repo.loadSchema(m_config.connectionId);
    if (cached && (!cached->has_value() || m_schemaRefreshWanted)) {
        m_schemaRefreshWanted = false;
        m_connector->fetchSchema([this](Common::Result<Crm::CrmSchema> schema) {
            if (!schema) {
                qCWarning(lcEngine) << "lane" << m_config.owner
                                    << "cannot read the CRM schema:" << schema.error().toString();
                m_busy = false;
                if (stoppedWhileBusy())
                    return;
                if (schema.error().kind == ErrorKind::Auth || schema.error().kind == ErrorKind::Blocked)
                    pauseFor(schema.error());
                scheduleNext(5'000);
                return;
            }
            if (auto saved
                = Mapping::MappingRepo(m_db, m_clock).saveSchema(m_config.connectionId, schema.value());
                !saved)
                qCWarning(lcEngine) << "lane" << m_config.owner
                                    << "cannot cache the CRM schema:" << saved.error().toString();
            m_busy = false;
            if (!stoppedWhileBusy())
                cycle();
        });
        return;
    }

    const int max = std::max(1, std::min(m_config.leaseMax, m_connector->maxDealsPerRound()));
    // customer.saved is leased either way: with contacts not upserted it is settled as skipped, so
    // it never waits in the queue for a setting that may never come.
    const QStringList kinds = kCreateKinds + ChangeSender::kinds() + PurchaseSender::kinds();
    auto leased = m_jobs->lease(m_config.owner, max, m_config.leaseMs, m_config.connectionId, kinds);
    if (!leased) {
        qCWarning(lcEngine) << "lane" << m_config.owner << "cannot lease jobs:" << leased.error().toString();
        m_busy = false;
        scheduleNext(2'000);
        return;
    }
    if (leased->isEmpty()) {
        const bool moving = m_stageMoves->run([this](int moved, int failed) {
            m_roundSent += moved;
            m_sentTotal += moved;
            m_roundFailed += failed;
            m_failedTotal += failed;
            m_fullRound = moved + failed > 0;
            finishRound();
        });
        if (moving)
            return;
        // Nothing else to send: the catalogue's turn.
        if (m_catalog->run([this](bool more) {
                m_fullRound = more;
                finishRound();
            }))
            return;
        m_busy = false;
        setState(LaneState::Idle);
        scheduleNext(m_config.idlePollMs);
        return;
    }
    m_fullRound = leased->size() == max;
    setState(LaneState::Sending);
    m_jobsById.clear();
    m_held.clear();
    for (const Job &job : *leased) {
        m_held.append(job.id);
        m_jobsById.insert(job.id, job);
    }
    // Rebuilt every round: a mapping the operator just saved applies to the next send, resends included.
    m_mapping->prepare(*m_connector, [this, jobs = leased.value()](Common::Status ready) {
        if (!ready) {
            qCWarning(lcEngine) << "lane" << m_config.owner
                                << "mapping not ready:" << ready.error().toString();
            releaseAll(m_held, m_clock->nowMs() + 5'000);
            finishRound();
            return;
        }
        auto hooks = HookConfig::list(m_db);
        if (!hooks)
            qCWarning(lcEngine) << "lane" << m_config.owner
                                << "cannot read the hooks:" << hooks.error().toString();
        m_hooks = hooks ? hooks.value() : QList<HookSpec>();
        processJobs(jobs);
    });
}

void LaneWorker::processJobs(const QList<Job> &jobs)
{
    QList<Job> creates;
    QList<Job> changes;
    QList<Job> purchases;
    for (const Job &job : jobs) {
        switch (kindOf(job).value_or(Kind::OrderCreated)) {
        case Kind::PurchaseMade:
            // A CRM without customers (RetailCRM) takes the sale as it takes an order: a deal.
            if (m_connector->hasCustomers())
                purchases.append(job);
            else
                creates.append(job);
            break;
        case Kind::CustomerSaved:
            // A buyer with a bonus card or points keeps them on its CRM customer (MoySklad).
            if (m_connector->hasCustomers() && PurchaseSender::carriesCustomerFields(job)) {
                purchases.append(job);
                break;
            }
            if (!m_config.customersToContacts) {
                if (auto skipped = m_jobs->settleSkipped(
                        job.id, m_config.owner,
                        QStringLiteral("Not sent: customers.upsert_contacts is off (saved customers do not "
                                       "make or change contacts)"));
                    !skipped)
                    qCWarning(lcEngine) << "lane" << m_config.owner << "cannot settle job" << job.id
                                        << skipped.error().toString();
                else
                    Q_EMIT jobSettled(job.id, QStringLiteral("cancelled"), QString());
                break;
            }
            changes.append(job);
            break;
        case Kind::OrderChanged:
            changes.append(job);
            break;
        case Kind::OrderCreated:
        case Kind::FormSubmitted:
        case Kind::OrderStatusChanged:
            // Creates; a kind this lane cannot send fails in draftFor with its name.
            creates.append(job);
            break;
        }
    }
    if (purchases.isEmpty()) {
        processChanges(changes, creates);
        return;
    }
    m_purchases->send(
        purchases,
        [this](const QString &source) -> const Mapping::DraftBuilder & {
            return m_mapping->builderFor(source);
        },
        [this, changes, creates] { processChanges(changes, creates); });
}

void LaneWorker::processChanges(const QList<Job> &changes, const QList<Job> &creates)
{
    if (changes.isEmpty()) {
        processCreates(creates);
        return;
    }
    m_changes->send(
        changes,
        [this](const QString &source) -> const Mapping::DraftBuilder & {
            return m_mapping->builderFor(source);
        },
        [this](const Job &job, const Common::Result<QString> &outcome) { settleChange(job, outcome); },
        [this, creates] { processCreates(creates); });
}

void LaneWorker::settleChange(const Job &job, const Common::Result<QString> &outcome)
{
    if (!outcome) {
        settleError(job, outcome.error(), false);
        return;
    }
    if (m_jobs->settleDone(job.id, m_config.owner)) {
        ++m_roundSent;
        ++m_sentTotal;
        Q_EMIT jobSettled(job.id, QStringLiteral("done"), outcome.value());
    }
}

std::optional<Crm::DealDraft> LaneWorker::draftFor(const Job &job)
{
    Common::Result<Crm::DealDraft> draft
        = Error::permanent(QStringLiteral("Unknown job kind %1").arg(job.kind));
    switch (kindOf(job).value_or(Kind::OrderChanged)) {
    case Kind::OrderCreated:
    case Kind::PurchaseMade: // only with a CRM without customers (see processJobs)
        draft = m_mapping->builderFor(job.source).build(Model::ShopOrder::fromJson(job.payload));
        break;
    case Kind::FormSubmitted:
        draft = m_mapping->builderFor(job.source).build(Model::FormSubmission::fromJson(job.payload));
        break;
    case Kind::OrderChanged:
    case Kind::OrderStatusChanged:
    case Kind::CustomerSaved:
        break;
    }
    if (draft && m_beforeSend)
        draft = m_beforeSend(job, draft.value());
    if (!draft) {
        settleError(job, draft.error(), false);
        return std::nullopt;
    }
    return draft.value();
}

CreateCandidate LaneWorker::candidateOf(const Job &job, Crm::DealDraft draft) const
{
    CreateCandidate candidate;
    candidate.jobId = job.id;
    candidate.draft = std::move(draft);
    if (candidate.draft.sourceKind.isEmpty())
        candidate.draft.sourceKind = job.kind.section(QLatin1Char('.'), 0, 0);
    if (candidate.draft.sourceId.isEmpty())
        candidate.draft.sourceId = job.sourceRef;
    // The id written into the deal, to find it again after a crash: the same as the entity link's
    // (a hook cannot change it).
    candidate.draft.deal.externalId
        = candidate.draft.sourceKind + QLatin1Char(':') + linkedSourceId(job, candidate.draft);
    BatchPlanner::channelsOf(candidate.draft, m_config.phoneRegion, &candidate.phones, &candidate.emails);
    candidate.draft.products = catalogProductsOf(job, candidate.draft);
    return candidate;
}

QList<Crm::DraftProduct> LaneWorker::catalogProductsOf(const Job &job, const Crm::DealDraft &draft) const
{
    if (!draft.order || draft.order->lines.isEmpty() || !m_connector->hasProductCatalog())
        return {};
    QStringList keys;
    for (const Model::OrderLine &line : draft.order->lines)
        keys << line.productId;
    auto elements = Store::CatalogRepo(m_db, m_clock).elementsOf(m_config.connectionId, job.source, keys);
    if (!elements) {
        // The note still lists the products; the deal is not held back for its links.
        qCWarning(lcEngine) << "lane" << m_config.owner
                            << "cannot read the catalogue links:" << elements.error().toString();
        return {};
    }
    QList<Crm::DraftProduct> products;
    for (const Model::OrderLine &line : draft.order->lines) {
        const QString element = elements->value(line.productId);
        if (element.isEmpty())
            continue; // not in the CRM's catalogue (yet): only in the note
        products << Crm::DraftProduct { line.productId, element, line.name, line.quantity, line.price };
    }
    return products;
}

void LaneWorker::processCreates(QList<Job> jobs)
{
    QList<HookItem> drafts;
    for (const Job &job : jobs) {
        if (auto draft = draftFor(job))
            drafts.append({ job, *draft });
    }
    m_hookRunner->runBeforeAll(
        m_hooks, drafts,
        [this](const Job &job, const Error &error, bool vetoed) {
            if (!vetoed) {
                settleError(job, error, job.state == JobState::Sending);
            } else if (m_jobs->settleVetoed(job.id, m_config.owner, error)) {
                Q_EMIT jobSettled(job.id, QStringLiteral("cancelled"), error.message);
            }
        },
        [this](const QList<HookItem> &kept) {
            QList<CreateCandidate> made; // the deal exists: only its missing follow-ups
            QList<CreateCandidate> unsure; // a create went out with no answer we trust: ask the CRM first
            QList<CreateCandidate> fresh;
            for (const HookItem &item : kept) {
                const CreateCandidate candidate = candidateOf(item.job, item.draft);
                if (item.job.dealExists())
                    made.append(candidate);
                else if (item.job.state == JobState::Sending || item.job.step == Store::JobStep::Unconfirmed)
                    unsure.append(candidate);
                else
                    fresh.append(candidate);
            }
            m_creates->completeFollowUps(made, [this, unsure, fresh] {
                if (unsure.isEmpty()) {
                    planAndSend(fresh);
                    return;
                }
                // Those may exist in the CRM already: found ones are linked, only the rest is created.
                m_reconciler->run(unsure, [this, fresh](std::optional<QList<CreateCandidate>> missing) {
                    if (!missing) {
                        releaseAll(m_held, m_clock->nowMs() + 5'000);
                        finishRound();
                        return;
                    }
                    planAndSend(fresh + *missing);
                });
            });
        });
}

void LaneWorker::planAndSend(const QList<CreateCandidate> &fresh)
{
    auto plan = BatchPlanner::plan(fresh, [this](const QStringList &phones, const QStringList &emails) {
        return m_contacts->find(m_config.connectionId, phones, emails, m_config.matchRule);
    });
    if (!plan) {
        qCWarning(lcEngine) << "lane" << m_config.owner
                            << "cannot read the contact index:" << plan.error().toString();
        releaseAll(m_held, m_clock->nowMs() + 5'000);
        finishRound();
        return;
    }
    m_creates->send(plan.value(), [this](bool sent) {
        if (!sent)
            releaseAll(m_held, m_clock->nowMs() + 5'000);
        finishRound();
    });
}

void LaneWorker::settleError(const Job &job, const Error &error, bool createMayExist)
{
    if (isUnknownFieldError(error))
        m_schemaRefreshWanted = true;
    const RetryPolicy::Verdict verdict = m_config.retry.decide(error, job.attempts, m_clock->nowMs());
    switch (verdict.decision) {
    case RetryPolicy::Decision::Retry:
        if (m_jobs->settleRetry(job.id, m_config.owner, verdict.retryAtMs, error, createMayExist))
            Q_EMIT jobSettled(job.id, QStringLiteral("pending"), error.message);
        break;
    case RetryPolicy::Decision::Fail:
        if (m_jobs->settleFailed(job.id, m_config.owner, error)) {
            ++m_roundFailed;
            ++m_failedTotal;
            Q_EMIT jobSettled(job.id, QStringLiteral("failed"), error.message);
        }
        break;
    case RetryPolicy::Decision::Pause:
        (void)m_jobs->release(job.id, m_config.owner, verdict.retryAtMs);
        pauseFor(error);
        break;
    }
}

void LaneWorker::settleFollowUps(const Job &job, const Crm::ItemOutcome &outcome)
{
    QStringList missing;
    for (Crm::FollowUp step : outcome.pendingFollowUps)
        missing << Crm::followUpLabel(step);
    Error error = outcome.followUpError.value_or(Error::transient(QStringLiteral("no answer")));
    const RetryPolicy::Verdict verdict = m_config.retry.decide(error, job.attempts, m_clock->nowMs());
    // What the operator reads on the job: the deal is there, which step is missing, and whether it is
    // retried by itself or waits for a resend (which finishes it on this deal, never a second one).
    const QString reason = error.message;
    if (verdict.decision == RetryPolicy::Decision::Fail)
        error.message = tr("Deal %1 made, %2 not added: %3 (resend adds it to this deal)")
                            .arg(outcome.dealId, missing.join(QStringLiteral(", ")), reason);
    else
        error.message = tr("Deal %1 made, %2 pending (retry %3): %4")
                            .arg(outcome.dealId, missing.join(QStringLiteral(", ")))
                            .arg(job.attempts)
                            .arg(reason);
    settleError(job, error, false);
}

void LaneWorker::releaseAll(const QList<qint64> &ids, qint64 atMs)
{
    for (qint64 id : ids)
        (void)m_jobs->release(id, m_config.owner, atMs);
}

bool LaneWorker::stoppedWhileBusy()
{
    if (!m_stopping)
        return false;
    setState(LaneState::Stopped);
    if (m_heartbeat)
        m_heartbeat->stop();
    return true;
}

void LaneWorker::finishRound()
{
    m_busy = false;
    m_held.clear();
    Q_EMIT roundFinished(m_roundSent, m_roundFailed);
    if (stoppedWhileBusy())
        return;
    if (m_state == LaneState::Paused) {
        scheduleNext(5'000);
        return;
    }
    scheduleNext(m_fullRound ? 0 : m_config.idlePollMs);
}

} // namespace Engine
