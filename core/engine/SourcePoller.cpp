// SPDX-License-Identifier: GPL-3.0-or-later
#include "SourcePoller.h"

#include "source/ShopWebhooks.h"
#include "store/Outbox.h"

#include <QLoggingCategory>
#include <QPointer>

Q_DECLARE_LOGGING_CATEGORY(lcEngine)

namespace Engine {

using Common::Error;
using Common::ErrorKind;

Common::Result<ReadRound> readIntoOutbox(Source::ShopSource &source, std::shared_ptr<Storage::Database> store,
                                         int maxEvents, const Common::Clock *clock)
{
    // The lanes route products by category through this cache; a failed read never stops the poll.
    (void)Source::refreshCategoryCache(source, store, clock);
    Store::Outbox outbox(store, clock);
    auto marks = outbox.marks(source.name());
    if (!marks)
        return marks.error();
    auto read = source.read(marks.value(), maxEvents);
    if (!read)
        return read.error();
    auto taken = outbox.take(source.name(), read->events, read->marks);
    if (!taken)
        return taken.error();
    if (taken->events > 0)
        qCInfo(lcEngine) << "source" << source.name() << ": stored" << taken->events << "events as"
                         << taken->jobs << "jobs";
    return ReadRound { taken.value(), read->more };
}

QString pollerStateName(PollerState state)
{
    switch (state) {
    case PollerState::Starting:
        return QStringLiteral("starting");
    case PollerState::Watching:
        return QStringLiteral("watching");
    case PollerState::Unreachable:
        return QStringLiteral("unreachable");
    case PollerState::Failing:
        return QStringLiteral("failing");
    case PollerState::Stopped:
        return QStringLiteral("stopped");
    }
    return {};
}

SourcePoller::SourcePoller(std::shared_ptr<Storage::Database> db, Source::SourceRecord record,
                           std::shared_ptr<const Source::SourceRegistry> sources,
                           std::shared_ptr<Secrets::SecretStore> secrets, PollerConfig config,
                           const Common::Clock *clock)
    : m_db(std::move(db))
    , m_record(std::move(record))
    , m_sources(std::move(sources))
    , m_secrets(std::move(secrets))
    , m_config(std::move(config))
    , m_clock(clock)
{ }

SourcePoller::~SourcePoller()
{
    // Destroyed on the poller thread (deleteLater when it finishes): the shop's and the store's
    // connections of this thread go with it.
    m_source.reset();
    m_db->releaseThreadConnection();
}

void SourcePoller::start()
{
    m_status = std::make_unique<Store::SourceStatusRepo>(m_db, m_clock);
    m_startedAt = m_clock->nowMs();
    m_timer = new QTimer(this);
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &SourcePoller::tick);
    m_heartbeat = new QTimer(this);
    connect(m_heartbeat, &QTimer::timeout, this, &SourcePoller::report);
    m_heartbeat->start(m_config.heartbeatMs);
    report();
    schedule(0);
}

void SourcePoller::stop()
{
    m_stopping = true;
    if (m_timer)
        m_timer->stop();
    if (m_heartbeat)
        m_heartbeat->stop();
    setState(PollerState::Stopped);
}

void SourcePoller::readNow()
{
    if (m_stopping || m_opening || !m_source || !m_timer)
        return;
    schedule(0);
}

int SourcePoller::intervalFor(const Source::ShopSource &source) const
{
    const int own = m_record.config.value(QLatin1String("poll_interval_ms")).toInt();
    if (own >= 50)
        return own;
    if (Source::ShopWebhooks::of(m_record).isOn())
        return std::max(m_config.intervalMs, m_config.webhookIntervalMs);
    return std::max(m_config.intervalMs, source.minPollIntervalMs());
}

void SourcePoller::schedule(int delayMs)
{
    if (!m_stopping && m_timer)
        m_timer->start(delayMs);
}

void SourcePoller::tick()
{
    if (m_stopping || m_opening)
        return;
    if (m_source)
        poll();
    else
        open();
}

void SourcePoller::open()
{
    m_opening = true;
    QPointer<SourcePoller> self(this);
    auto done = [self](Common::Result<std::shared_ptr<Source::ShopSource>> source) {
        if (self)
            self->onOpened(std::move(source));
    };
    if (!m_sources) {
        done(Common::Error::permanent(QStringLiteral("This engine was given no shop platforms to read")));
        return;
    }
    m_sources->open(m_record, m_db, m_secrets, done, m_clock);
}

void SourcePoller::onOpened(Common::Result<std::shared_ptr<Source::ShopSource>> source)
{
    m_opening = false;
    if (m_stopping)
        return;
    if (!source) {
        failed(source.error());
        return;
    }
    m_source = std::move(source).value();
    m_intervalMs = intervalFor(*m_source);
    poll();
}

void SourcePoller::poll()
{
    auto round = readIntoOutbox(*m_source, m_db, m_config.maxEvents, m_clock);
    if (!round) {
        failed(round.error());
        return;
    }
    const int appended = round->taken.events;
    m_backoffMs = 0;
    m_polledAt = m_clock->nowMs();
    if (m_state != PollerState::Watching)
        qCInfo(lcEngine) << "source" << m_record.name << "is watched for new orders";
    setState(PollerState::Watching);
    if (appended > 0) {
        m_appended += appended;
        report();
        Q_EMIT jobsAppended(appended);
    }
    // After a poll that found something there may be more (a backlog, a burst): look again at once.
    m_intervalMs = intervalFor(*m_source); // a shop's budget may have said to go slower
    schedule(appended > 0 || round->more ? 0 : m_intervalMs);
}

void SourcePoller::failed(const Error &error)
{
    // Reconnect from scratch next time: a shop database that went away leaves a dead connection.
    m_source.reset();
    m_backoffMs
        = m_backoffMs == 0 ? m_config.firstBackoffMs : std::min(m_backoffMs * 2, m_config.maxBackoffMs);
    const bool unreachable = error.kind == ErrorKind::Unavailable || error.kind == ErrorKind::Transient
        || error.kind == ErrorKind::Auth;
    const PollerState state = unreachable ? PollerState::Unreachable : PollerState::Failing;
    if (state != m_state || error.message != m_reason)
        qCWarning(lcEngine) << "source" << m_record.name << pollerStateName(state) << "(" << error.toString()
                            << "); trying again in" << m_backoffMs << "ms";
    setState(state, error.message);
    schedule(m_backoffMs);
}

void SourcePoller::setState(PollerState state, const QString &reason)
{
    if (state == m_state && reason == m_reason)
        return;
    m_state = state;
    m_reason = reason;
    report();
    Q_EMIT stateChanged(state, reason);
}

void SourcePoller::report()
{
    if (!m_status)
        return;
    Store::SourceStatus status;
    status.owner = m_config.owner;
    status.source = m_record.name;
    status.state = pollerStateName(m_state);
    status.reason = m_reason;
    status.appended = m_appended;
    status.polledAt = m_polledAt;
    status.startedAt = m_startedAt;
    if (auto reported = m_status->report(status); !reported)
        qCWarning(lcEngine) << "source poller" << m_config.owner
                            << "cannot report its state:" << reported.error().toString();
}

} // namespace Engine
