// SPDX-License-Identifier: GPL-3.0-or-later
#include "StageEventPoller.h"

#include "source/PointsChangeInbox.h"
#include "source/StageChangeInbox.h"
#include "storage/Transaction.h"
#include "store/BackSyncConfig.h"
#include "store/ConnectionRepo.h"
#include "store/JobRepo.h"
#include "store/WatermarkRepo.h"

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcEngine)

namespace Engine {

namespace {
constexpr int kIdleCheckMs = 5'000; ///< how often a connection without polling is looked at again
}

StageEventPoller::StageEventPoller(std::shared_ptr<Storage::Database> db, qint64 connectionId,
                                   Crm::CrmConnector *connector, const Common::Clock *clock, QObject *parent)
    : QObject(parent)
    , m_db(std::move(db))
    , m_connectionId(connectionId)
    , m_connector(connector)
    , m_clock(clock)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &StageEventPoller::tick);
}

QString StageEventPoller::watermarkSource(qint64 connectionId)
{
    return QStringLiteral("crm:%1").arg(connectionId);
}

void StageEventPoller::start()
{
    m_timer.start(0);
}

void StageEventPoller::stop()
{
    m_timer.stop();
}

void StageEventPoller::tick()
{
    auto connection = Store::ConnectionRepo(m_db, m_clock).byId(m_connectionId);
    if (!connection) {
        m_timer.start(kIdleCheckMs);
        return;
    }
    const Store::BackSyncConfig config = Store::BackSyncConfig::of(connection.value());
    m_mode = config.mode;
    if (m_mode != Store::BackSyncConfig::Mode::Polling) {
        m_problem.clear();
        m_timer.start(kIdleCheckMs);
        return;
    }
    // One request per interval, measured from its start: a slow answer does not stretch the rhythm.
    m_timer.start(int(config.pollMs));
    if (m_inFlight || m_connector->state() != Crm::ConnectorState::Ready)
        return;
    auto cursor
        = Store::WatermarkRepo(m_db, m_clock).value(watermarkSource(m_connectionId), watermarkStream());
    if (!cursor) {
        qCWarning(lcEngine) << "stage events of connection" << m_connectionId
                            << "cannot read their cursor:" << cursor.error().toString();
        return;
    }
    m_inFlight = true;
    m_connector->stageChangesSince(cursor->value_or(QString()),
                                   [this, accountId = config.accountId, from = cursor->value_or(QString())](
                                       Common::Result<Crm::StageChangePage> page) {
                                       m_inFlight = false;
                                       onPage(page, accountId, from);
                                   });
}

void StageEventPoller::onPage(const Common::Result<Crm::StageChangePage> &page, const QString &accountId,
                              const QString &cursor)
{
    if (!page) {
        qCWarning(lcEngine) << "stage events of connection" << m_connectionId
                            << "cannot be read:" << page.error().toString();
        m_problem = page.error().message;
        return;
    }
    Storage::Transaction tx(*m_db);
    Store::JobRepo jobs(m_db, m_clock);
    auto appended = tx.isActive()
        ? Source::StageChangeInbox::append(jobs, m_connectionId, m_connector->crmName(), accountId,
                                           page->changes, m_clock->now())
        : Common::Result<int>(tx.error());
    if (appended) {
        auto points = Source::PointsChangeInbox::append(jobs, m_connectionId, m_connector->crmName(),
                                                        accountId, page->points, m_clock->now());
        appended = points ? Common::Result<int>(appended.value() + points.value()) : points;
    }
    Common::Status saved = appended
        ? Store::WatermarkRepo(m_db, m_clock)
              .setValue(watermarkSource(m_connectionId), watermarkStream(), page->nextCursor)
        : Common::Status(appended.error());
    if (saved)
        saved = tx.commit();
    if (!saved) {
        qCWarning(lcEngine) << "stage events of connection" << m_connectionId
                            << "cannot be stored:" << saved.error().toString();
        m_problem = saved.error().message;
        return;
    }
    m_problem.clear();
    m_lastReadAt = m_clock->nowMs();
    if (appended.value() > 0) {
        qCInfo(lcEngine) << "connection" << m_connectionId << ":" << appended.value()
                         << "changes from the CRM (stages, bonus points)";
        Q_EMIT changesAppended(appended.value());
    }
    // A backlog longer than a page (RetailCRM's history after a stop): the next page at once.
    if (page->hasMore && page->nextCursor != cursor)
        m_timer.start(0);
}

} // namespace Engine
