// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Clock.h"
#include "crm/CrmConnector.h"
#include "storage/Database.h"
#include "store/BackSyncConfig.h"

#include <QObject>
#include <QTimer>
#include <memory>

namespace Engine {

/**
 * Back-sync for a machine the CRM cannot reach: when the connection's back-sync mode is "poll", asks
 * the CRM for the stage changes since the last one seen (amoCRM: GET /api/v4/events with
 * filter[type]=lead_status_changed) once per interval (BackSyncConfig::pollMs, 30 s by default) and
 * appends them as `crm.stage_changed` jobs; the bonus points people set on customers in the same read
 * (amoCRM: custom_field_<id>_value_changed of «Бонусные баллы») become `crm.points_changed` jobs. The cursor
 * is a watermark (source "crm:<connection id>", stream "stage_events") written in the same transaction as the
 * jobs, so a restart neither skips nor repeats; when the CRM says there is more (a backlog longer than a
 * page), the next page is read at once. RetailCRM: orders/history from a sinceId, our own edits
 * (apiKey.current) left out. The mode and interval are re-read every tick: enabling or disabling needs no
 * restart. Lives on the status lane's thread, owned by its StatusLaneWorker.
 */
class StageEventPoller : public QObject
{
    Q_OBJECT
public:
    StageEventPoller(std::shared_ptr<Storage::Database> db, qint64 connectionId, Crm::CrmConnector *connector,
                     const Common::Clock *clock, QObject *parent = nullptr);

    static QString watermarkSource(qint64 connectionId);
    static QString watermarkStream() { return QStringLiteral("stage_events"); }

    void start();
    void stop();

    /** The connection's back-sync mode as of the last tick. */
    Store::BackSyncConfig::Mode mode() const { return m_mode; }
    /** Why the last read or store of a page failed; empty once one succeeds. */
    QString problem() const { return m_problem; }
    /** When a page was last read and stored (Unix ms; 0: not yet). */
    qint64 lastReadAt() const { return m_lastReadAt; }

Q_SIGNALS:
    /** New stage-change jobs are in the outbox. */
    void changesAppended(int count);

private:
    void tick();
    /** Stores the page's jobs and its cursor in one transaction: a page that cannot be stored is
     *  read again from @p cursor next time, never skipped. */
    void onPage(const Common::Result<Crm::StageChangePage> &page, const QString &accountId,
                const QString &cursor);

    std::shared_ptr<Storage::Database> m_db;
    qint64 m_connectionId;
    Crm::CrmConnector *m_connector;
    const Common::Clock *m_clock;
    QTimer m_timer;
    bool m_inFlight = false;
    Store::BackSyncConfig::Mode m_mode = Store::BackSyncConfig::Mode::Off;
    QString m_problem;
    qint64 m_lastReadAt = 0;
};

} // namespace Engine
