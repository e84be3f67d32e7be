// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Clock.h"
#include "secrets/SecretStore.h"
#include "source/ShopSource.h"
#include "source/SourceRegistry.h"
#include "source/SourceRepo.h"
#include "storage/Database.h"
#include "store/Outbox.h"
#include "store/SourceStatusRepo.h"

#include <QObject>
#include <QTimer>
#include <memory>

namespace Engine {

enum class PollerState { Starting, Watching, Unreachable, Failing, Stopped };
QString pollerStateName(PollerState state);

/** How one source poller works; the engine fills it from its template and the settings. */
struct PollerConfig
{
    QString owner; ///< unique per engine instance and source: the key of its status row
    /** Between polls (setting sources.poll_interval_ms): half of an idle order's way to its deal, so
     *  a new order is a deal within a second (issue 24). A poll is one indexed query per stream. */
    int intervalMs = 500;
    /** While the shop's webhooks are on (Source::ShopWebhooks), a webhook starts each read and the
     *  schedule is only the fallback (setting sources.webhook_poll_interval_ms). */
    int webhookIntervalMs = 60'000;
    int maxEvents
        = 200; ///< events read per stream and poll at most; a full read is followed by another at once
    int firstBackoffMs = 1'000; ///< after a failed poll; doubles up to maxBackoffMs
    int maxBackoffMs = 60'000;
    int heartbeatMs = 5'000; ///< how often the poller reports its state to the store
};

/** What one read of a source into the outbox did. */
struct ReadRound
{
    Store::Outbox::Taken taken;
    bool more = false; ///< the source has more to read now
};

/**
 * One round of the way in: the source's marks from the outbox, the source's read after them, and
 * the outbox taking the events and the new marks in one transaction (refreshing the category cache
 * for the lanes first). The poller runs it at an interval; tests and commands run it directly.
 * On the source's thread.
 */
Common::Result<ReadRound> readIntoOutbox(Source::ShopSource &source, std::shared_ptr<Storage::Database> store,
                                         int maxEvents, const Common::Clock *clock = Common::Clock::system());

/**
 * The poller of one shop source: opens it (through the SourceRegistry, with its password from the
 * SecretStore), reads it at an interval into the outbox (readIntoOutbox) so new orders, changes and
 * customers land there, and says when it appended jobs so the lanes look at once. A shop that cannot be
 * reached is reported (state and reason, also in the store's source_status) and tried again with a growing
 * delay, reconnecting from scratch. Lives on its own QThread, which SyncEngine owns (moved there before
 * start()); the ShopSource and every database connection it uses are made and dropped on that thread. Driven
 * by timers, never blocking beyond one poll.
 */
class SourcePoller : public QObject
{
    Q_OBJECT
public:
    SourcePoller(std::shared_ptr<Storage::Database> db, Source::SourceRecord record,
                 std::shared_ptr<const Source::SourceRegistry> sources,
                 std::shared_ptr<Secrets::SecretStore> secrets, PollerConfig config,
                 const Common::Clock *clock = Common::Clock::system());
    ~SourcePoller() override;

    QString sourceName() const { return m_record.name; }

public Q_SLOTS:
    void start();
    /** Stops polling and reports stopped (a poll in progress has finished: this runs after it). */
    void stop();
    /** The shop said something changed (its webhook): read it now instead of at the next interval. A
     *  source that is being opened or backing off after a failure keeps its schedule. */
    void readNow();

Q_SIGNALS:
    void stateChanged(Engine::PollerState state, const QString &reason);
    void jobsAppended(int count);

private:
    void tick();
    void open();
    void onOpened(Common::Result<std::shared_ptr<Source::ShopSource>> source);
    void poll();
    void failed(const Common::Error &error);
    void schedule(int delayMs);
    /** Between reads: the source's own poll_interval_ms, else the webhook fallback while the shop's
     *  webhooks are on, else the configured interval but not below what the source asks for
     *  (ShopSource::minPollIntervalMs: a shop with a request budget). */
    int intervalFor(const Source::ShopSource &source) const;
    void setState(PollerState state, const QString &reason = {});
    void report();

    std::shared_ptr<Storage::Database> m_db;
    Source::SourceRecord m_record;
    std::shared_ptr<const Source::SourceRegistry> m_sources;
    std::shared_ptr<Secrets::SecretStore> m_secrets;
    PollerConfig m_config;
    const Common::Clock *m_clock;

    std::shared_ptr<Source::ShopSource> m_source;
    std::unique_ptr<Store::SourceStatusRepo> m_status;
    QTimer *m_timer = nullptr;
    QTimer *m_heartbeat = nullptr;
    PollerState m_state = PollerState::Starting;
    QString m_reason;
    bool m_opening = false;
    bool m_stopping = false;
    int m_backoffMs = 0;
    int m_intervalMs = 0;
    qint64 m_appended = 0;
    qint64 m_polledAt = 0;
    qint64 m_startedAt = 0;
};

} // namespace Engine
