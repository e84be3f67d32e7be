// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "BatchPlanner.h"
#include "CatalogLaneWork.h"
#include "ChangeSender.h"
#include "HookConfig.h"
#include "LaneConfig.h"
#include "LaneMapping.h"
#include "PurchaseSender.h"
#include "common/Clock.h"
#include "crm/CrmConnector.h"
#include "mapping/DraftBuilder.h"
#include "storage/Database.h"
#include "store/ContactIndexRepo.h"
#include "store/EntityLinkRepo.h"
#include "store/JobRepo.h"
#include "store/LaneStatusRepo.h"

#include <QObject>
#include <QTimer>
#include <functional>
#include <memory>
#include <optional>

namespace Engine {

class StageMoveBatch;
class Reconciler;
class CreateSender;
class ContactIndexLoader;
class HookRunner;

enum class LaneState { Starting, Idle, Sending, Paused, Stopped };
QString laneStateName(LaneState state);

/**
 * The worker of one lane: leases this connection's due jobs, maps them, sends them in the CRM's
 * batches and settles each job from its own item of the answer. Lives on the lane's QThread (moved
 * there by Lane, which owns the thread); creates its connector there; every repository call uses that
 * thread's own database connection. Driven by timers and connector callbacks, never blocking.
 */
class LaneWorker : public QObject
{
    Q_OBJECT
public:
    using ConnectorFactory = std::function<std::unique_ptr<Crm::CrmConnector>(QObject *parent)>;
    /** Runs before a create is sent: may change the draft, or veto with a reason (an Error). */
    using BeforeSendHook
        = std::function<Common::Result<Crm::DealDraft>(const Store::Job &job, const Crm::DealDraft &draft)>;

    LaneWorker(std::shared_ptr<Storage::Database> db, LaneConfig config, ConnectorFactory factory,
               const Common::Clock *clock = Common::Clock::system());
    ~LaneWorker() override;

    void setBeforeSendHook(BeforeSendHook hook) { m_beforeSend = std::move(hook); }
    void setCatalogReader(CatalogLaneWork::ReadCatalog read) { m_readCatalog = std::move(read); }

public Q_SLOTS:
    void start();
    /** Finishes nothing new, gives back what it holds, reports stopped. */
    void stop();
    /** Look for due jobs now (a source just appended some, or an operator resent). */
    void wake();

Q_SIGNALS:
    void stateChanged(Engine::LaneState state, const QString &reason);
    void jobSettled(qint64 jobId, const QString &state, const QString &message);
    void roundFinished(int sent, int failed);

private:
    void cycle();
    void scheduleNext(int delayMs);
    void finishRound();
    /** After an asynchronous step (a round, the schema's read): a stop() that came meanwhile reports
     *  Stopped now (true); a step that forgot to would leave the engine's stop waiting for ever. */
    bool stoppedWhileBusy();
    void setState(LaneState state, const QString &reason = {});
    void reportHeartbeat();
    void onConnectorStateChanged(Crm::ConnectorState state, const QString &reason);

    void processJobs(const QList<Store::Job> &jobs);
    void processCreates(QList<Store::Job> jobs);
    /** Purchases and customers' fields (PurchaseSender), then the changes and creates. */
    void processChanges(const QList<Store::Job> &changes, const QList<Store::Job> &creates);
    void settleChange(const Store::Job &job, const Common::Result<QString> &outcome);
    void planAndSend(const QList<CreateCandidate> &fresh);
    void settleError(const Store::Job &job, const Common::Error &error, bool createMayExist);
    /** The job's deal exists; @p outcome's follow-ups failed: retried (or failed) with the step told. */
    void settleFollowUps(const Store::Job &job, const Crm::ItemOutcome &outcome);
    void releaseAll(const QList<qint64> &ids, qint64 atMs);
    std::optional<Crm::DealDraft> draftFor(const Store::Job &job);
    CreateCandidate candidateOf(const Store::Job &job, Crm::DealDraft draft) const;
    /** The order's lines whose products are in this connection's CRM catalogue. */
    QList<Crm::DraftProduct> catalogProductsOf(const Store::Job &job, const Crm::DealDraft &draft) const;
    void pauseFor(const Common::Error &error);

    std::shared_ptr<Storage::Database> m_db;
    LaneConfig m_config;
    ConnectorFactory m_factory;
    const Common::Clock *m_clock;
    BeforeSendHook m_beforeSend;
    CatalogLaneWork::ReadCatalog m_readCatalog;
    std::unique_ptr<CatalogLaneWork> m_catalog; ///< catalogue runs, when nothing else is due

    std::unique_ptr<Crm::CrmConnector> m_connector;
    std::unique_ptr<LaneMapping> m_mapping;
    std::unique_ptr<Store::JobRepo> m_jobs;
    std::unique_ptr<Store::EntityLinkRepo> m_links;
    std::unique_ptr<Store::ContactIndexRepo> m_contacts;
    std::unique_ptr<Store::LaneStatusRepo> m_status;
    std::unique_ptr<StageMoveBatch> m_stageMoves; ///< shop status changes, run when no create is due
    std::unique_ptr<ChangeSender> m_changes;
    std::unique_ptr<PurchaseSender> m_purchases; ///< retail sales on CRM customers, bonus fields
    std::unique_ptr<Reconciler> m_reconciler; ///< creates found `sending` after a stop
    std::unique_ptr<CreateSender> m_creates; ///< marks, sends and settles a round's creates
    ContactIndexLoader *m_contactLoader = nullptr;
    HookRunner *m_hookRunner = nullptr;
    QList<HookSpec> m_hooks; ///< read from the settings every round
    QTimer *m_timer = nullptr;
    QTimer *m_heartbeat = nullptr;

    LaneState m_state = LaneState::Starting;
    QString m_reason;
    bool m_busy = false;
    bool m_stopping = false;
    bool m_schemaRefreshWanted = false;
    QList<qint64> m_held; ///< leased and not settled yet, given back on stop
    QHash<qint64, Store::Job> m_jobsById;
    int m_roundSent = 0;
    int m_roundFailed = 0;
    qint64 m_sentTotal = 0;
    qint64 m_failedTotal = 0;
    qint64 m_startedAt = 0;
    bool m_fullRound = false;
};

} // namespace Engine
